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


def pricing_facts(session_id: UUID, readings: bool, statuses: bool, status_until: datetime | None) -> dict | None:
    """What pricing a session needs: its row, its energy readings (time, Wh) when the tariff
    splits by time of day, and its connector's status changes from the start to
    `status_until` (for charging time and parking)."""
    row = one(session_id)
    if row is None:
        return None
    C = m.Connector
    socket = C.alive(C.socket_type).where((C.station == row["station"]) & (C.connector_id == row["connector_id"])).scalar()
    facts = {"row": row, "readings": [], "statuses": [], "socket_type": socket or ""}
    if readings:
        V = m.MeterValue
        facts["readings"] = list(V.select(V.timestamp, V.energy_wh).where(
            (V.transaction == session_id) & V.energy_wh.is_null(False)).order_by(V.timestamp).tuples())
    if statuses:
        S = m.StatusEvent
        query = S.select(S.timestamp, S.status).where(
            (S.station == row["station"]) & (S.connector_id == row["connector_id"]) & (S.timestamp >= row["started_at"]))
        if status_until is not None:
            query = query.where(S.timestamp <= status_until)
        facts["statuses"] = list(query.order_by(S.timestamp, S.id).limit(5000).tuples())
    return facts


def unpriced_ended(limit: int = 10_000) -> list[UUID]:
    """Ended sessions with a tariff but no final price (a crash between the Stop and its price),
    and sessions whose parking time may still run."""
    query = T.alive(T.id).where(
        (T.state != "active") & T.tariff_prices.is_null(False) & (T.cost_state != "final")).limit(limit)
    return [r for (r,) in query.tuples()]
