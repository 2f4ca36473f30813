"""Writing what the site remembers: OCPP frames, status events, station events, commands.

These are append-only log rows (`LogModel`: never versioned, never fed). `queue_*`
functions add rows to the group commit from the loop (`batch.add` when the caller's
frame must wait for them, `batch.add_log` when nobody waits); the others run on the
database worker, inside `store.run` or a group-commit job (`batch.call`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from evdesk.store import models as m
from evdesk.store.fields import uuid7

__all__ = ["new_id", "queue_frame", "queue_status_event", "queue_station_event", "queue_action", "finish_action",
           "trim_frames"]


def new_id() -> UUID:
    """A time-ordered id for a log row (the pages are ordered by time and id)."""
    return uuid7()


def queue_frame(batch, row: dict[str, Any]) -> None:
    """One OCPP frame for the communication log; nobody waits for it."""
    batch.add_log(m.MessageLog, row)


def queue_status_event(batch, row: dict[str, Any]) -> None:
    """One StatusNotification for the event feed (its frame is answered after the commit)."""
    batch.add(m.StatusEvent, row)


def queue_station_event(batch, station_id: UUID, kind: str, state: str, detail: str, at: datetime) -> None:
    """Connection change, firmware or diagnostics progress, data transfer: the network log."""
    batch.add(m.StationEvent, {"id": uuid7(), "station": station_id, "kind": kind, "state": state,
                               "detail": detail, "at": at})


def queue_action(batch, row: dict[str, Any]) -> None:
    """A command's action-log row as it starts; `batch.committed()` on the caller's ticket says
    when it is stored."""
    batch.add(m.ActionLog, row)


def queue_action_outcome(batch, action_id: UUID, outcome: str, response: dict | None, error: str,
                         finished_at: datetime) -> None:
    """A command's outcome, changed with the next group commit."""
    batch.set(m.ActionLog, action_id, outcome=outcome, response=response, error=error or "", finished_at=finished_at)


def finish_action(action_id: UUID, outcome: str, response: dict | None, error: str,
                  finished_at: datetime) -> tuple[UUID | None, str] | None:
    """(worker) A command's outcome. Returns (station id, action), or None when there is no such row."""
    A = m.ActionLog
    done = A.update(outcome=outcome, response=response, error=error or "", finished_at=finished_at).where(
        A.id == action_id).execute()
    if not done:
        return None
    return A.select(A.station, A.action).where(A.id == action_id).tuples().first()


def trim_frames(cutoff: datetime, max_rows: int) -> int:
    """(worker) Delete frames older than `cutoff`, then the oldest beyond `max_rows`; returns how many."""
    M = m.MessageLog
    removed = M.delete().where(M.at < cutoff).execute()
    total = M.select().count()
    if total > max_rows:
        edge = M.select(M.at).order_by(M.at.desc()).offset(max_rows).limit(1).scalar()
        if edge is not None:
            removed += M.delete().where(M.at <= edge).execute()
    return removed
