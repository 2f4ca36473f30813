"""Charging sessions as the screens and the API show them, limited to the operator's domain.

A running session's energy and power come from the in-memory running sessions
(fresher than its row, which is written every few seconds).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from evdesk.core.errors import NotFound
from evdesk.core.permissions import OperatorContext
from evdesk.core.reads import (
    DEFAULT_PAGE_SIZE,
    Cursor,
    Page,
    clamp_limit,
    page_of,
    require_visible_station,
    visible_station_ids,
)
from evdesk.core.running_sessions import RunningSessions
from evdesk.store.database import Store
from evdesk.store.queries import sessions as q

SESSION_STATES = ("active", "completed", "closed_inactive", "failed")
SESSION_NOT_FOUND = "Charging session not found."


@dataclass(frozen=True)
class SessionRow:
    id: UUID
    ocpp_id: int
    station_transaction_id: int | None  # the station's own number, for a session evdesk never started
    station_id: UUID
    station_identity: str
    connector_id: int
    id_tag: str
    token_id: UUID | None
    user_id: UUID | None
    state: str
    started_at: datetime
    stopped_at: datetime | None
    meter_start_wh: int
    meter_stop_wh: int | None
    energy_wh: int | None
    power_w: float | None
    stop_reason: str
    remote_start: bool
    flags: tuple[str, ...]


@dataclass(frozen=True)
class MeterValueRow:
    timestamp: datetime
    connector_id: int
    context: str
    energy_wh: float | None
    power_w: float | None
    current_a: float | None
    voltage_v: float | None
    soc: float | None
    samples: list  # every sampled value as sent: [measurand, phase, location, unit, value, context, format]


@dataclass(frozen=True)
class SessionDetail:
    session: SessionRow
    meter_values: list[MeterValueRow]


class SessionReads:
    def __init__(self, store: Store, stations, running: RunningSessions):
        self.store = store
        self.stations = stations
        self.running = running

    def _row(self, t: dict) -> SessionRow:
        live = self.running.by_ocpp_id.get(t["ocpp_id"]) if t["state"] == "active" else None
        energy = t["energy_wh"]
        if energy is None:
            if live is not None:
                energy = live.energy_wh
            elif t["meter_last_wh"] is not None:
                energy = t["meter_last_wh"] - t["meter_start_wh"]
        info = self.stations.by_id.get(t["station"])
        return SessionRow(
            id=t["id"], ocpp_id=t["ocpp_id"], station_transaction_id=t.get("station_transaction_id"),
            station_id=t["station"], station_identity=info.identity if info else "", connector_id=t["connector_id"],
            id_tag=t["id_tag"], token_id=t["token"], user_id=t["user"], state=t["state"], started_at=t["started_at"],
            stopped_at=t["stopped_at"], meter_start_wh=t["meter_start_wh"], meter_stop_wh=t["meter_stop_wh"],
            energy_wh=energy, power_w=live.power_w if live else None, stop_reason=t["stop_reason"],
            remote_start=t["remote_start"], flags=tuple(t["flags"] or ()),
        )

    async def page(self, ctx: OperatorContext, *, station_id: UUID | None = None, state: str | None = None,
                   since: datetime | None = None, until: datetime | None = None, cursor: Cursor | None = None,
                   limit: int = DEFAULT_PAGE_SIZE) -> Page[SessionRow]:
        """Sessions started in [since, until), newest first, at the stations the operator sees."""
        if station_id is not None:
            require_visible_station(ctx, self.stations, station_id)
            ids: list[UUID] | None = [station_id]
        else:
            ids = visible_station_ids(ctx, self.stations)
        limit = clamp_limit(limit)
        rows = await self.store.read(q.page, ids, state, since, until, cursor, limit + 1)
        return page_of([self._row(r) for r in rows], limit, lambda r: (r.started_at, r.id))

    async def get(self, ctx: OperatorContext, session_id: UUID) -> SessionDetail:
        def read():
            row = q.one(session_id)
            return (row, q.meter_values(session_id)) if row is not None else (None, [])

        row, values = await self.store.read(read)
        if row is None:
            raise NotFound(SESSION_NOT_FOUND)
        info = self.stations.by_id.get(row["station"])
        if info is None or not ctx.sees_station(info.group_id):
            raise NotFound(SESSION_NOT_FOUND)  # outside the domain: not even its existence is told
        meter = [MeterValueRow(v["timestamp"], v["connector_id"], v["context"], v["energy_wh"], v["power_w"],
                               v["current_a"], v["voltage_v"], v["soc"], v["samples"] or []) for v in values]
        return SessionDetail(self._row(row), meter)
