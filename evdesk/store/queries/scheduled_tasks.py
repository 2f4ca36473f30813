"""Reads for scheduled tasks: the task book, the run feed and one run's outcomes."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from evdesk.store import models as m

ST = m.ScheduledTask
TASK_FIELDS = ("name", "kind", "targets", "params", "recurrence", "time_of_day", "zone", "start_date", "end_date",
               "weekdays", "day_of_month", "active", "armed_at", "run_requested_at", "wait_offline_minutes",
               "domain_group_id", "created_by", "retry_of_run", "updated_at")


def all_tasks() -> list[dict]:
    return list(ST.alive(ST.id, ST.version, *(getattr(ST, f) for f in TASK_FIELDS)).order_by(ST.name).dicts())


def task(task_id: UUID) -> dict | None:
    return ST.alive(ST.id, ST.version, *(getattr(ST, f) for f in TASK_FIELDS)).where(ST.id == task_id).dicts().first()


def name_taken(name: str, except_id: UUID | None = None) -> bool:
    query = ST.alive().where(ST.name == name)
    if except_id is not None:
        query = query.where(ST.id != except_id)
    return query.exists()


def lease_exists(task_id: UUID, due_at: datetime) -> bool:
    return m.TaskLease.select().where((m.TaskLease.task == task_id) & (m.TaskLease.due_at == due_at)).exists()


def runs(since: datetime | None, until: datetime | None, task_ids: list[UUID] | None, state: str | None,
         limit: int) -> list[dict]:
    """Runs newest first; `state` 'ok' or 'failures' (partial, failed and missed)."""
    R = m.TaskRun
    query = R.select()
    if since is not None:
        query = query.where(R.started_at >= since)
    if until is not None:
        query = query.where(R.started_at < until)
    if task_ids is not None:
        query = query.where(R.task.in_(task_ids))
    if state == "ok":
        query = query.where(R.state == "ok")
    elif state == "failures":
        query = query.where(R.state.in_(("partial", "failed", "missed")))
    return list(query.order_by(R.started_at.desc()).limit(limit).dicts())


def run(run_id: UUID) -> dict | None:
    return m.TaskRun.select().where(m.TaskRun.id == run_id).dicts().first()


def run_targets(run_id: UUID) -> list[dict]:
    T = m.TaskRunTarget
    return list(T.select().where(T.run == run_id).order_by(T.ok, T.target_name).dicts())


def stored_key_values(station_ids: list[UUID], key: str) -> dict[UUID, str | None]:
    """The stored value of one configuration key per station (as last read from the station)."""
    K = m.StationConfigKey
    out: dict[UUID, str | None] = {}
    for start in range(0, len(station_ids), 400):
        chunk = station_ids[start:start + 400]
        query = K.alive(K.station, K.value).where(K.station.in_(chunk) & (K.key == key))
        out.update({sid: value for sid, value in query.tuples()})
    return out
