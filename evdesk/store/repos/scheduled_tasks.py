"""Scheduled tasks: the task rows (versioned, fed), occurrence leases, runs and outcomes.

Functions run on the database worker and raise `StaleRow` / `MissingRow` for task edits.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

import peewee

from evdesk.store import models as m
from evdesk.store import write as w

ST = m.ScheduledTask


def insert_task(**fields: Any) -> UUID:
    return w.versioned_insert(ST, **fields).id


def update_task(task_id: UUID, version: int | None, **fields: Any) -> int:
    return w.versioned_update(ST, task_id, version, **fields)


def tombstone_task(task_id: UUID, version: int | None) -> int:
    return w.tombstone(ST, task_id, version)


def take_lease(task_id: UUID, due_at: datetime, seat: str, now: datetime) -> bool:
    """Claim the occurrence (task, due time) for this seat: True for the one seat whose row
    went in; every other seat meets the unique index and gets False."""
    db = m.TaskLease._meta.database
    try:
        with db.atomic():
            m.TaskLease.create(task=task_id, due_at=due_at, seat=seat, taken_at=now)
    except peewee.IntegrityError:
        return False
    return True


def start_run(task: dict, due_at: datetime, seat: str, now: datetime, state: str = "running",
              summary: str = "") -> UUID:
    row = m.TaskRun.create(task=task["id"], task_name=task["name"], kind=task["kind"], due_at=due_at,
                           started_at=now, state=state, summary=summary, seat=seat,
                           finished_at=now if state != "running" else None)
    return row.id


def finish_run(run_id: UUID, state: str, summary: str, total: int, failed: int, now: datetime,
               targets: list[dict]) -> None:
    """The run's result and every target's outcome, in one transaction."""
    db = m.TaskRun._meta.database
    with db.atomic():
        m.TaskRun.update(state=state, summary=summary, total=total, failed=failed, finished_at=now).where(
            m.TaskRun.id == run_id).execute()
        rows = [{**t, "run": run_id} for t in targets]
        for start in range(0, len(rows), 200):
            m.TaskRunTarget.insert_many(rows[start:start + 200]).execute()


def abandon_runs_of_seat(seat: str, now: datetime) -> int:
    """Runs this seat left 'running' when it stopped (closed mid-run): they are told as interrupted."""
    return m.TaskRun.update(state="failed", summary="Interrupted (evdesk closed during the run)",
                            finished_at=now).where((m.TaskRun.seat == seat) & (m.TaskRun.state == "running")).execute()
