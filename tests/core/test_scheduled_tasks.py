"""Scheduled tasks in the database (issue 13): who may manage them, one seat per occurrence
(two schedulers on one SQLite file), missed runs and their grace time, retry content."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from evdesk.core.errors import AccessDenied, ValidationError
from evdesk.core.people_types import TokenInput, UserInput
from evdesk.core.permissions import ADMIN, BASIC, SYSTEM_CONTEXT, OperatorContext
from evdesk.core.scheduling.book import TaskInput
from evdesk.core.scheduling.runner import TaskScheduler, summary_of
from evdesk.core.services import Services
from evdesk.settings import SiteSettings
from evdesk.store import models as m
from evdesk.store.database import Store

ROOT = SYSTEM_CONTEXT
HEL = "Europe/Helsinki"


class ManualClock:
    """The scheduler's clock in tests: moved by hand, across DST and month ends without waiting."""

    def __init__(self, at: datetime):
        self.at = at

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **delta) -> None:
        self.at += timedelta(**delta)


def daily_user_task(user_id, *, name="Disable Ann at night", at="01:00", active=True, **extra) -> TaskInput:
    return TaskInput(name, "user_active", {"user_ids": [str(user_id)]}, {"active": False}, "daily", at, HEL,
                     date(2026, 1, 1), active=active, **extra)


@pytest.fixture
async def ann(services):
    return await services.people.users.create(ROOT, UserInput("Ann", "Able", "ann@example.com"), [TokenInput("TAG-ANN")])


async def runs_of(services):
    return await services.store.read(lambda: list(m.TaskRun.select().order_by(m.TaskRun.started_at).dicts()))


async def test_a_daily_user_task_runs_once_per_day_in_local_time_and_deactivates_the_user(services, ann):
    clock = ManualClock(datetime(2026, 3, 27, 20, 0, tzinfo=timezone.utc))  # 22:00 in Helsinki
    services.scheduled_tasks.now = clock
    await services.scheduled_tasks.create(ROOT, daily_user_task(ann.id))
    scheduler = TaskScheduler(services, commands=None, seat="seat-1", now=clock)
    assert await scheduler.tick() == []  # nothing due before 01:00
    clock.at = datetime(2026, 3, 27, 23, 0, 30, tzinfo=timezone.utc)  # 01:00:30 EET on the 28th
    [run] = await scheduler.tick()
    await run
    assert await scheduler.tick() == []  # the same occurrence never twice
    detail = await services.people.reads.user(ROOT, ann.id)
    assert detail.data.status == "disabled" and detail.data.disabled_reason == "Disable Ann at night"
    # the spring-forward night (29 March, 03:00 -> 04:00): 01:00 is still EET; the night after it is EEST,
    # so the UTC instant moves an hour earlier and the local time stays 01:00
    clock.at = datetime(2026, 3, 28, 22, 0, 5, tzinfo=timezone.utc)
    assert await scheduler.tick() == []  # 00:00 local: not yet
    for at in (datetime(2026, 3, 28, 23, 0, 5, tzinfo=timezone.utc), datetime(2026, 3, 29, 22, 0, 5, tzinfo=timezone.utc)):
        clock.at = at
        [run] = await scheduler.tick()
        await run
    rows = await runs_of(services)
    assert [(r["summary"], r["total"], r["failed"]) for r in rows] == [("OK", 1, 0)] * 3
    assert [r["due_at"] for r in rows] == [datetime(2026, 3, 27, 23, 0, tzinfo=timezone.utc),
                                           datetime(2026, 3, 28, 23, 0, tzinfo=timezone.utc),
                                           datetime(2026, 3, 29, 22, 0, tzinfo=timezone.utc)]


async def test_two_schedulers_on_one_database_run_each_occurrence_exactly_once(tmp_path, ann, services):
    """A second seat: its own store and services on the same SQLite file."""
    clock = ManualClock(datetime(2026, 6, 1, 22, 0, 30, tzinfo=timezone.utc))  # 01:00:30 local
    services.scheduled_tasks.now = clock
    await services.scheduled_tasks.create(ROOT, daily_user_task(ann.id))
    other_store = Store.sqlite(tmp_path / "evdesk.db")  # the file the `store` fixture opened
    other_store.open()
    other = Services(other_store, SiteSettings(post_boot_quiet_seconds=0.0))
    await other.start(load_settings=False)
    try:
        one = TaskScheduler(services, None, seat="seat-1", now=clock)
        two = TaskScheduler(other, None, seat="seat-2", now=clock)
        for _ in range(3):  # three days, both seats ticking at the same moment each day
            clock.advance(days=1)
            started = [t for batch in [await one.tick(), await two.tick(), await one.tick(), await two.tick()]
                       for t in batch]
            assert len(started) == 1
            await started[0]
        rows = await runs_of(services)
        assert len(rows) == 3 and len({r["due_at"] for r in rows}) == 3
        leases = await services.store.read(lambda: list(m.TaskLease.select().dicts()))
        assert len(leases) == 3
    finally:
        await other.stop()
        other_store.close()


async def test_a_run_missed_while_closed_runs_within_the_grace_time_or_is_reported_missed(services, ann):
    clock = ManualClock(datetime(2026, 1, 10, 12, 0, tzinfo=timezone.utc))
    services.scheduled_tasks.now = clock
    await services.scheduled_tasks.create(ROOT, daily_user_task(ann.id, name="Late", at="01:00"))
    # evdesk starts 10 minutes after 01:00 local (23:00 UTC): within 15 minutes, so it runs
    clock.at = datetime(2026, 1, 10, 23, 10, tzinfo=timezone.utc)
    [run] = await TaskScheduler(services, None, seat="s", now=clock).tick()
    await run
    # the next night evdesk is closed until 03:00 local: too late, reported as missed, not run
    await services.people.users.enable(ROOT, ann.id)
    clock.at = datetime(2026, 1, 12, 1, 0, tzinfo=timezone.utc)
    assert await TaskScheduler(services, None, seat="s", now=clock).tick() == []
    rows = await runs_of(services)
    assert [r["state"] for r in rows] == ["ok", "missed"]
    assert rows[1]["summary"] == "Missed (evdesk was not running at 12.01.2026 01:00)"
    assert (await services.people.reads.user(ROOT, ann.id)).data.status == "active"  # not run
    # a longer grace would have run it
    clock.at = datetime(2026, 1, 13, 1, 0, tzinfo=timezone.utc)
    [run] = await TaskScheduler(services, None, seat="s", now=clock, grace=timedelta(hours=3)).tick()
    await run
    assert (await services.people.reads.user(ROOT, ann.id)).data.status == "disabled"


async def test_a_task_made_today_reports_no_missed_run_for_earlier_today(services, ann):
    clock = ManualClock(datetime(2026, 1, 10, 12, 0, tzinfo=timezone.utc))
    services.scheduled_tasks.now = clock
    await services.scheduled_tasks.create(ROOT, daily_user_task(ann.id, at="01:00"))
    assert await TaskScheduler(services, None, seat="s", now=clock).tick() == []
    assert await runs_of(services) == []


async def test_a_failed_user_is_told_in_words_and_only_failed_runs_can_be_retried(services, ann):
    """Retry content over stations (only the failed ones) is in tests/csms/test_scheduled_task_runs.py."""
    clock = ManualClock(datetime(2026, 5, 5, 8, 59, 20, tzinfo=timezone.utc))
    book = services.scheduled_tasks
    book.now = clock
    bob = await services.people.users.create(ROOT, UserInput("Bob", "Bee", "bob@example.com"))
    gone = await services.people.users.create(ROOT, UserInput("Gus", "Gone", "gus@example.com"))
    await book.create(ROOT, TaskInput("Disable three", "user_active",
                                      {"user_ids": [str(ann.id), str(bob.id), str(gone.id)]}, {"active": False},
                                      "once", "12:00", HEL, date(2026, 5, 5), active=True))
    await services.people.users.remove(ROOT, gone.id)  # this one will fail
    clock.at = datetime(2026, 5, 5, 9, 0, 40, tzinfo=timezone.utc)
    [run] = await TaskScheduler(services, None, seat="s", now=clock).tick()
    run_id = await run
    [row] = await runs_of(services)
    assert (row["state"], row["summary"]) == ("partial", "1 task failed")
    outcomes = await book.run_outcomes(ROOT, run_id)
    assert [(o["ok"], o["target_id"]) for o in outcomes][0] == (False, gone.id)  # failures first
    assert outcomes[0]["message"] == "Charging user not found."  # words, not JSON
    assert [o["message"] for o in outcomes[1:]] == ["Made inactive", "Made inactive"]
    with pytest.raises(Exception) as info:  # the failed user is gone: nothing to retry it on
        await book.retry(ROOT, run_id)
    assert str(info.value) == "Charging user not found."
    ok_task = await book.create(ROOT, daily_user_task(bob.id, name="fine"))
    await book.run_now(ROOT, ok_task.id)
    [r] = await TaskScheduler(services, None, seat="s", now=clock).tick()
    with pytest.raises(ValidationError) as info:  # an OK run has nothing to retry
        await book.retry(ROOT, await r)
    assert info.value.field == "run"


def test_summaries_use_the_manuals_words():
    assert summary_of(5, 0) == ("ok", "OK")
    assert summary_of(5, 1) == ("partial", "1 task failed")
    assert summary_of(5, 3) == ("partial", "3 tasks failed")
    assert summary_of(5, 5) == ("failed", "All tasks failed")
    assert summary_of(1, 1) == ("failed", "All tasks failed")


async def test_permissions_basic_operators_cannot_and_group_admins_only_within_their_domain(services):
    a = (await services.groups.add(ROOT, "A")).id
    a1 = (await services.groups.add(ROOT, "A1", a)).id
    b = (await services.groups.add(ROOT, "B")).id
    st_a = await services.stations.create_station("CP-A", group_id=a1, connectors=1, ctx=ROOT)
    st_b = await services.stations.create_station("CP-B", group_id=b, connectors=1, ctx=ROOT)
    book = services.scheduled_tasks
    admin_a = services.groups.fresh(OperatorContext(None, "admin-a", ADMIN, base_group_id=a))
    basic = OperatorContext(None, "basic", BASIC)

    def reset(name, **targets):
        return TaskInput(name, "reset", targets, {"kind": "Soft"}, "daily", "02:00", HEL)

    with pytest.raises(AccessDenied):
        await book.create(basic, reset("basic's", station_ids=[st_a.id]))
    with pytest.raises(AccessDenied):
        await book.list(basic)
    mine = await book.create(admin_a, reset("A reset", group_ids=[a1]))
    assert mine.domain_group_id == a and not mine.data.active  # new tasks start inactive
    with pytest.raises(AccessDenied):
        await book.create(admin_a, reset("B reset", station_ids=[st_b.id]))
    with pytest.raises(AccessDenied):
        await book.create(admin_a, reset("B group", group_ids=[b]))
    site_task = await book.create(ROOT, reset("Site reset", group_ids=[b]))
    assert [t.data.name for t in await book.list(admin_a)] == ["A reset"]
    assert {t.data.name for t in await book.list(ROOT)} == {"A reset", "Site reset"}
    for action in (book.delete(admin_a, site_task.id), book.run_now(admin_a, site_task.id),
                   book.copy(admin_a, site_task.id)):
        with pytest.raises(Exception) as info:
            await action
        assert type(info.value).__name__ in ("NotFound", "AccessDenied")
    with pytest.raises(AccessDenied):  # user groups are site-wide: only site-wide admins schedule them
        await book.create(admin_a, TaskInput("UG", "user_group_active", {"user_group_ids": [str(a)]},
                                             {"active": True}, "daily", "02:00", HEL))
    copy = await book.copy(admin_a, mine.id)
    assert copy.data.name == "Copy of A reset" and copy.data.targets == mine.data.targets and not copy.data.active
    assert await book.set_active(admin_a, [mine.id, copy.id], True) == 2
    assert all(t.data.active for t in await book.list(admin_a))
    await book.delete(admin_a, copy.id)
    assert [t.data.name for t in await book.list(admin_a)] == ["A reset"]


async def test_input_is_checked_field_by_field(services):
    book = services.scheduled_tasks
    station = await services.stations.create_station("CP-1", connectors=1, ctx=ROOT)
    good = TaskInput("Limit", "station_current", {"station_ids": [str(station.id)]}, {"amps": 16}, "monthly", "12:34",
                     HEL, day_of_month=31)
    cases = [({"name": " "}, "name"), ({"params": {"amps": -1}}, "amps"), ({"params": {"amps": "x"}}, "amps"),
             ({"time_of_day": "25:00"}, "time_of_day"), ({"zone": "Mars/Olympus"}, "zone"),
             ({"recurrence": "yearly"}, "recurrence"), ({"day_of_month": 32}, "day_of_month"),
             ({"targets": {}}, "targets"), ({"targets": {"station_ids": ["not-an-id"]}}, "targets"),
             ({"kind": "weather"}, "kind"), ({"recurrence": "weekly", "weekdays": []}, "weekdays"),
             ({"wait_offline_minutes": -5}, "wait_offline_minutes")]
    for change, field in cases:
        data = TaskInput(**{**good.__dict__, **change})
        with pytest.raises(ValidationError) as info:
            await book.create(ROOT, data)
        assert info.value.field == field, change
    row = await book.create(ROOT, good)
    assert row.data.params == {"amps": 16.0, "limit_key": ""}
    past = TaskInput("Past", "reset", {"station_ids": [str(station.id)]}, {"kind": "Soft"}, "once", "00:00", HEL,
                     date(2020, 1, 1), active=True)
    with pytest.raises(ValidationError) as info:  # an active one-shot in the past would never run
        await book.create(ROOT, past)
    assert info.value.field == "time_of_day" and "passed" in str(info.value)
    with pytest.raises(ValidationError) as info:
        await book.create(ROOT, good)
    assert info.value.field == "name"
    cmd = TaskInput("Cmd", "command", {"station_ids": [str(station.id)]},
                    {"command": "trigger_message", "args": {"message": "Heartbeat", "bogus": 1}})
    with pytest.raises(ValidationError) as info:
        await book.create(ROOT, cmd)
    assert info.value.field == "args"


async def test_a_run_left_running_when_evdesk_closed_is_told_as_interrupted_at_the_next_start(services, ann):
    clock = ManualClock(datetime(2026, 1, 10, 12, 0, tzinfo=timezone.utc))
    services.scheduled_tasks.now = clock
    task = await services.scheduled_tasks.create(ROOT, daily_user_task(ann.id))
    from evdesk.store.repos import scheduled_tasks as repo
    from evdesk.store.queries import scheduled_tasks as q

    row = await services.store.read(q.task, task.id)
    await services.store.run(repo.start_run, row, clock.at, "seat-1", clock.at)  # the seat closed mid-run
    scheduler = TaskScheduler(services, None, seat="seat-1", now=clock, tick_seconds=60)
    await scheduler.start()
    await scheduler.stop()
    [run] = await runs_of(services)
    assert (run["state"], run["summary"]) == ("failed", "Interrupted (evdesk closed during the run)")
    retry = await services.scheduled_tasks.retry(ROOT, run["id"])  # nothing recorded: every target again
    assert retry.data.targets["user_ids"] == [str(ann.id)] and retry.data.name == "Retry: Disable Ann at night"
