"""A station's history: status events, OCPP frames, commands, network and boot events.

Newest-first pages with a cursor `(time, id)` of the last row shown (ids are
time-ordered UUIDs, so the pair is a strict order). Rows come back as dicts.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from evdesk.store import models as m

Cursor = tuple[datetime, UUID]


def _older(query, time_field, id_field, before: Cursor | None):
    if before is not None:
        at, row_id = before
        query = query.where((time_field < at) | ((time_field == at) & (id_field < row_id)))
    return query.order_by(time_field.desc(), id_field.desc())


def status_events(station_id: UUID, start: datetime, end: datetime, before: Cursor | None, limit: int,
                  status: str | None = None, error_code: str | None = None) -> list[dict]:
    E = m.StatusEvent
    query = E.select().where((E.station == station_id) & (E.timestamp >= start) & (E.timestamp < end))
    if status:
        query = query.where(E.status == status)
    if error_code:
        query = query.where(E.error_code == error_code)
    return list(_older(query, E.timestamp, E.id, before).limit(limit).dicts())


def frames(identity: str, before: Cursor | None, limit: int) -> list[dict]:
    M = m.MessageLog
    return list(_older(M.select().where(M.station_identity == identity), M.at, M.id, before).limit(limit).dicts())


def actions(station_id: UUID, before: Cursor | None, limit: int) -> list[dict]:
    A = m.ActionLog
    return list(_older(A.select().where(A.station == station_id), A.started_at, A.id, before).limit(limit).dicts())


def action(action_id: UUID) -> dict | None:
    rows = list(m.ActionLog.select().where(m.ActionLog.id == action_id).dicts())
    return rows[0] if rows else None


def station_events(station_id: UUID, kinds: tuple[str, ...], before: Cursor | None, limit: int) -> list[dict]:
    S = m.StationEvent
    query = S.select().where((S.station == station_id) & (S.kind.in_(list(kinds))))
    return list(_older(query, S.at, S.id, before).limit(limit).dicts())


def station_events_after(station_id: UUID, kinds: tuple[str, ...], after: Cursor | None, limit: int) -> list[dict]:
    """Rows newer than `after`, oldest first (to append live changes)."""
    S = m.StationEvent
    query = S.select().where((S.station == station_id) & (S.kind.in_(list(kinds))))
    if after is not None:
        at, row_id = after
        query = query.where((S.at > at) | ((S.at == at) & (S.id > row_id)))
    return list(query.order_by(S.at.asc(), S.id.asc()).limit(limit).dicts())


def station_settings(station_id: UUID) -> dict | None:
    rows = list(m.Station.alive().where(m.Station.id == station_id).dicts())
    return rows[0] if rows else None


def groups() -> list[tuple[UUID, str, UUID | None]]:
    G = m.ChargingGroup
    return list(G.alive(G.id, G.name, G.parent).order_by(G.name).tuples())
