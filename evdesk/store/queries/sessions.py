"""Charging sessions for the read side (the sessions page, the API): newest first, cursor paged."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from evdesk.store import models as m

T = m.Transaction


def page(station_ids: list[UUID] | None, state: str | None, since: datetime | None, until: datetime | None,
         before: tuple[datetime, UUID] | None, limit: int) -> list[dict]:
    """Sessions started in [since, until) at these stations (None: every station), newest first."""
    query = T.alive()
    if station_ids is not None:
        if not station_ids:
            return []
        query = query.where(T.station.in_(station_ids))
    if state:
        query = query.where(T.state == state)
    if since is not None:
        query = query.where(T.started_at >= since)
    if until is not None:
        query = query.where(T.started_at < until)
    if before is not None:
        at, row_id = before
        query = query.where((T.started_at < at) | ((T.started_at == at) & (T.id < row_id)))
    return list(query.order_by(T.started_at.desc(), T.id.desc()).limit(limit).dicts())


def one(session_id: UUID) -> dict | None:
    rows = list(T.alive().where(T.id == session_id).dicts())
    return rows[0] if rows else None


def meter_values(session_id: UUID) -> list[dict]:
    V = m.MeterValue
    return list(V.select().where(V.transaction == session_id).order_by(V.timestamp, V.id).dicts())
