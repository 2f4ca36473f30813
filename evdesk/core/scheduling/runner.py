"""The scheduler: runs each due occurrence of every active task, exactly once across seats.

It belongs to the site (built and started by `SiteRuntime`, with the window or headless), not
to the window. The database is the truth: each tick reads the tasks (any seat may have edited
them), works out each task's latest occurrence at or before now (`recurrence.py`) and any "Run
now" request, and claims an occurrence by inserting its lease row (task, due time). The unique
index lets exactly one seat's insert through; the others skip that occurrence.

Missed runs: an occurrence is run when the tick sees it within `grace` after its time (default
`MISSED_RUN_GRACE`, 15 minutes: long enough for a slow start-up or a busy minute, short enough
that a "07:00 limit" is not applied at noon). Later than that - evdesk was closed at the time -
the occurrence is claimed the same way and reported in the feed as "Missed" (with Retry), not
run. Only a task's latest occurrence is judged (a daily task closed for a week gives one
"Missed" row), and never one before the task was armed (made active or edited).

Summaries use the manual's words (l.1180-1186): "OK", "n tasks failed" (some targets failed),
"All tasks failed" (every target failed; a one-station task that fails says this too).
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta
from uuid import UUID

from evdesk.core import events as ev
from evdesk.core.clock import utcnow
from evdesk.core.scheduling.book import schedule_of
from evdesk.core.scheduling.execute import RunExecutor, as_rows
from evdesk.core.tasks import cancel_and_wait, spawn
from evdesk.store.queries import scheduled_tasks as q
from evdesk.store.repos import scheduled_tasks as repo
from evdesk.store.write import current_seat

log = logging.getLogger(__name__)
MISSED_RUN_GRACE = timedelta(minutes=15)
TICK_SECONDS = 5.0


def summary_of(total: int, failed: int) -> tuple[str, str]:
    """(state, the feed's words) for a run with `failed` of `total` targets failing."""
    if total == 0:
        return "failed", "All tasks failed (no targets: the chosen groups have no stations)"
    if failed == 0:
        return "ok", "OK"
    if failed == total:
        return "failed", "All tasks failed"
    return "partial", f"{failed} task{'s' if failed != 1 else ''} failed"


class TaskScheduler:
    def __init__(self, services, commands, *, seat: str | None = None, now=utcnow,
                 grace: timedelta = MISSED_RUN_GRACE, tick_seconds: float = TICK_SECONDS,
                 minute_seconds: float = 60.0):
        self.services = services
        self.store = services.store
        self.bus = services.bus
        self.seat = seat or current_seat()
        self.now = now
        self.grace = grace
        self.tick_seconds = tick_seconds
        self.executor = RunExecutor(services, commands, now, minute_seconds)
        self.running: dict[tuple[UUID, datetime], asyncio.Task] = {}
        self._loop_task: asyncio.Task | None = None
        self._wake = asyncio.Event()
        self._unsubscribe = None

    # -- life -------------------------------------------------------------------------------
    async def start(self) -> None:
        abandoned = await self.store.run(repo.abandon_runs_of_seat, self.seat, self.now())
        if abandoned:
            log.warning("%d scheduled task run(s) were interrupted when evdesk last closed", abandoned)
        self._unsubscribe = self.bus.subscribe(ev.ScheduledTasksChanged, lambda _e: self._wake.set())
        self._loop_task = spawn(self._loop(), name="task scheduler")

    async def stop(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        await cancel_and_wait(self._loop_task)
        self._loop_task = None
        for task in list(self.running.values()):
            await cancel_and_wait(task)
        self.running.clear()

    async def _loop(self) -> None:
        while True:
            try:
                await self.tick()
            except Exception:  # a storage hiccup: the next tick tries again
                log.exception("the task scheduler's tick failed")
            self._wake.clear()
            try:
                await asyncio.wait_for(self._wake.wait(), self.tick_seconds)
            except asyncio.TimeoutError:
                pass

    # -- one pass ---------------------------------------------------------------------------
    def due_occurrences(self, task: dict, now: datetime) -> list[datetime]:
        """The occurrences of this task to judge now: its latest scheduled one (active tasks) and
        a "Run now" request."""
        out = []
        if task["active"] and task["armed_at"] is not None:
            last = schedule_of(task).last_at_or_before(now, not_before=task["armed_at"])
            if last is not None:
                out.append(last)
        requested = task["run_requested_at"]
        if requested is not None and requested <= now and requested not in out:
            out.append(requested)
        return out

    async def tick(self) -> list[asyncio.Task]:
        """Claim and start every due occurrence; returns the runs started (tests await them)."""
        now = self.now()
        started = []
        for task in await self.store.read(q.all_tasks):
            for due in self.due_occurrences(task, now):
                if (task["id"], due) in self.running or await self.store.read(q.lease_exists, task["id"], due):
                    continue
                if not await self.store.run(repo.take_lease, task["id"], due, self.seat, now):
                    continue  # another seat has it
                if now - due > self.grace and due != task["run_requested_at"]:
                    await self._missed(task, due, now)
                    continue
                run = spawn(self._run(task, due), name=f"scheduled task {task['name']}")
                self.running[(task["id"], due)] = run
                run.add_done_callback(lambda _t, key=(task["id"], due): self.running.pop(key, None))
                started.append(run)
        return started

    async def _missed(self, task: dict, due: datetime, now: datetime) -> None:
        local = due.astimezone(schedule_of(task).tz)
        words = f"Missed (evdesk was not running at {local:%d.%m.%Y %H:%M})"
        run_id = await self.store.run(repo.start_run, task, due, self.seat, now, "missed", words)
        log.warning("scheduled task %s: occurrence %s missed", task["name"], due.isoformat())
        self.bus.publish(ev.TaskRunChanged(run_id, task["id"], "missed"))

    async def _run(self, task: dict, due: datetime) -> UUID:
        run_id = await self.store.run(repo.start_run, task, due, self.seat, self.now())
        self.bus.publish(ev.TaskRunChanged(run_id, task["id"], "running"))
        try:
            outcomes = await self.executor.run(task)
        except BaseException:
            await self.store.run(repo.finish_run, run_id, "failed", "All tasks failed (evdesk fault during the run)",
                                 0, 0, self.now(), [])
            self.bus.publish(ev.TaskRunChanged(run_id, task["id"], "failed"))
            raise
        failed = sum(1 for o in outcomes if not o.ok)
        state, summary = summary_of(len(outcomes), failed)
        await self.store.run(repo.finish_run, run_id, state, summary, len(outcomes), failed, self.now(),
                             as_rows(outcomes))
        log.info("scheduled task %s: %s", task["name"], summary)
        self.bus.publish(ev.TaskRunChanged(run_id, task["id"], state))
        return run_id
