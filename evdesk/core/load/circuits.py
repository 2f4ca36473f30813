"""Circuits service: the supply tree, the stations on each circuit, limits by time of day.

Permissions (like locations): every operator sees the site-wide circuits and those of groups
in their domain; changing needs "edit stations" (admins) and a circuit of a group in the
operator's subtree (site-wide circuits: admins of the whole site). Putting a station on a
circuit, or taking it off, also needs the station in the operator's domain. The field rules
are in `circuit_rules.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from uuid import UUID

from evdesk.core import events as ev
from evdesk.core.errors import NotFound, StaleEdit, ValidationError
from evdesk.core.load.circuit_rules import (CircuitInput, Window, check_parent, clean_circuit, clean_schedule,
                                            clean_station_limit)
from evdesk.core.load.priorities import departure_epoch
from evdesk.core.permissions import ROLES, OperatorContext, Permission, require, require_group, require_station
from evdesk.store.errors import MissingRow, StaleRow
from evdesk.store.queries import load as q
from evdesk.store.repos import load as repo

NOT_FOUND = "This circuit does not exist (any more)."


@dataclass(frozen=True)
class CircuitRow:
    id: UUID
    version: int
    name: str
    parent_id: UUID | None
    phases: int
    max_current_a: float
    reserved_a: float
    min_current_a: float | None
    group_id: UUID | None


@dataclass(frozen=True)
class CircuitStationRow:
    circuit_id: UUID
    station_id: UUID
    identity: str
    max_current_a: float
    priority: int
    group_id: UUID | None


@dataclass(frozen=True)
class ScheduleRow:
    id: UUID
    circuit_id: UUID
    start_minute: int
    end_minute: int
    max_current_a: float

    @property
    def window(self) -> Window:
        return Window(self.start_minute, self.end_minute, self.max_current_a)


@dataclass(frozen=True)
class LoadSite:
    """Everything the controller needs, unfiltered (the controller acts for the whole site)."""
    circuits: list[CircuitRow]
    stations: list[CircuitStationRow]
    schedules: list[ScheduleRow]
    points: dict[UUID, list[dict]]  # station id -> its EVSEs (evse_id, phases, phase, phase_rotation)


def _circuit(r: dict) -> CircuitRow:
    return CircuitRow(r["id"], r["version"], r["name"], r["parent"], r["phases"], r["max_current_a"],
                      r["reserved_a"], r["min_current_a"], r["group"])


class CircuitService:
    def __init__(self, store, bus: ev.EventBus, stations, group_tree):
        self.store = store
        self.bus = bus
        self.stations = stations
        self.group_tree = group_tree

    def _sees(self, ctx: OperatorContext, group_id: UUID | None) -> bool:
        return ctx.role in ROLES if group_id is None else ctx.sees_group(group_id)

    def _may_manage(self, ctx: OperatorContext, group_id: UUID | None) -> OperatorContext:
        require(ctx, Permission.EDIT_STATIONS)
        ctx = self.group_tree.fresh(ctx)
        require_group(ctx, group_id)
        return ctx

    async def list(self, ctx: OperatorContext) -> list[CircuitRow]:
        ctx = self.group_tree.fresh(ctx)
        return [_circuit(r) for r in await self.store.read(q.circuits) if self._sees(ctx, r["group"])]

    async def get(self, ctx: OperatorContext, circuit_id: UUID) -> CircuitRow:
        ctx = self.group_tree.fresh(ctx)
        row = await self.store.read(q.circuit, circuit_id)
        if row is None or not self._sees(ctx, row["group"]):
            raise NotFound(NOT_FOUND)
        return _circuit(row)

    async def _check_parent(self, circuit_id: UUID | None, parent_id: UUID | None) -> None:
        parents = {r["id"]: r["parent"] for r in await self.store.read(q.circuits)}
        check_parent(circuit_id, parent_id, parents)

    async def create(self, ctx: OperatorContext, data: CircuitInput) -> CircuitRow:
        self._may_manage(ctx, data.group_id)
        fields = clean_circuit(data)
        await self._check_parent(None, data.parent_id)
        row = _circuit(await self.store.atomic(partial(repo.insert_circuit, **fields)))
        self.bus.publish(ev.CircuitsChanged(row.id))
        return row

    async def update(self, ctx: OperatorContext, circuit_id: UUID, expected_version: int,
                     data: CircuitInput) -> CircuitRow:
        current = await self.get(ctx, circuit_id)
        self._may_manage(ctx, current.group_id)
        self._may_manage(ctx, data.group_id)
        fields = clean_circuit(data)
        await self._check_parent(circuit_id, data.parent_id)
        try:
            row = _circuit(await self.store.atomic(partial(repo.update_circuit, circuit_id, expected_version,
                                                           **fields)))
        except (StaleRow, MissingRow):
            raise StaleEdit() from None
        self.bus.publish(ev.CircuitsChanged(row.id))
        return row

    async def delete(self, ctx: OperatorContext, circuit_id: UUID, expected_version: int) -> None:
        """Its stations are taken off it (they keep running on their fallback share until set up again)."""
        current = await self.get(ctx, circuit_id)
        self._may_manage(ctx, current.group_id)
        if any(r["parent"] == circuit_id for r in await self.store.read(q.circuits)):
            raise ValidationError("Other circuits are fed from this one: move or delete them first.", field="parent")
        try:
            await self.store.atomic(partial(repo.delete_circuit, circuit_id, expected_version))
        except (StaleRow, MissingRow):
            raise StaleEdit() from None
        self.bus.publish(ev.CircuitsChanged(circuit_id))

    # -- stations on a circuit -------------------------------------------------------------------
    async def stations_on(self, ctx: OperatorContext, circuit_id: UUID) -> list[CircuitStationRow]:
        await self.get(ctx, circuit_id)
        ctx = self.group_tree.fresh(ctx)
        return [r for r in await self._station_rows() if r.circuit_id == circuit_id and ctx.sees_station(r.group_id)]

    async def points_of(self, ctx: OperatorContext, station_ids: list[UUID]) -> dict[UUID, list[dict]]:
        """The charging points (EVSE rows: evse_id, phases, phase, phase_rotation) of these stations,
        those in the operator's domain only — what the circuit editor shows next to each station."""
        ctx = self.group_tree.fresh(ctx)
        seen = [s for s in station_ids if s in self.stations.by_id and ctx.sees_station(self.stations.by_id[s].group_id)]
        out: dict[UUID, list[dict]] = {}
        for p in await self.store.read(q.station_points, seen):
            out.setdefault(p["station"], []).append(p)
        return out

    async def stations_on_any_circuit(self) -> set[UUID]:
        """The ids of the stations on some circuit (the editor offers only the others)."""
        return {r.station_id for r in await self._station_rows()}

    async def _station_rows(self) -> list[CircuitStationRow]:
        return [CircuitStationRow(r["circuit"], r["station"], r["identity"], r["max_current_a"], r["priority"],
                                  r["station_group"]) for r in await self.store.read(q.circuit_stations)]

    async def put_station(self, ctx: OperatorContext, circuit_id: UUID, station_id: UUID,
                          max_current_a=16.0, priority: int = 0) -> None:
        circuit = await self.get(ctx, circuit_id)
        ctx = self._may_manage(ctx, circuit.group_id)
        info = self.stations.get_by_id(station_id)
        require_station(ctx, info.group_id)
        top, priority = clean_station_limit(max_current_a, priority)
        try:
            await self.store.atomic(partial(repo.put_station, circuit_id, station_id, top, priority))
        except repo.StationOnOtherCircuit as taken:
            other = await self.store.read(q.circuit, taken.circuit_id)
            name = other["name"] if other else "another circuit"
            raise ValidationError(f"Station {info.identity} is already on circuit {name}: a station can be on "
                                  "one circuit only. Take it off there first.", field="station") from None
        self.bus.publish(ev.CircuitsChanged(circuit_id))

    async def remove_station(self, ctx: OperatorContext, station_id: UUID) -> None:
        row = await self.store.read(q.station_circuit, station_id)
        if row is None:
            return
        circuit = await self.get(ctx, row["circuit"])
        ctx = self._may_manage(ctx, circuit.group_id)
        require_station(ctx, self.stations.get_by_id(station_id).group_id)
        await self.store.atomic(partial(repo.remove_station, station_id))
        self.bus.publish(ev.CircuitsChanged(circuit.id))

    # -- limits by time of day ---------------------------------------------------------------------
    async def schedules(self, ctx: OperatorContext, circuit_id: UUID) -> list[ScheduleRow]:
        await self.get(ctx, circuit_id)
        return [s for s in await self._schedule_rows() if s.circuit_id == circuit_id]

    async def _schedule_rows(self) -> list[ScheduleRow]:
        return [ScheduleRow(r["id"], r["circuit"], r["start_minute"], r["end_minute"], r["max_current_a"])
                for r in await self.store.read(q.schedules)]

    async def add_schedule(self, ctx: OperatorContext, circuit_id: UUID, start: str, end: str, limit) -> UUID:
        """A limit from `start` to `end` ("HH:MM", site time zone), e.g. 63 A from 07:00 to 18:00."""
        circuit = await self.get(ctx, circuit_id)
        self._may_manage(ctx, circuit.group_id)
        start_minute, end_minute, value = clean_schedule(start, end, limit, circuit.max_current_a)
        schedule_id = await self.store.atomic(partial(repo.insert_schedule, circuit_id, start_minute, end_minute,
                                                      value))
        self.bus.publish(ev.CircuitsChanged(circuit_id))
        return schedule_id

    async def delete_schedule(self, ctx: OperatorContext, schedule_id: UUID) -> None:
        found = [s for s in await self._schedule_rows() if s.id == schedule_id]
        if not found:
            raise NotFound("This limit by time of day does not exist (any more).")
        circuit = await self.get(ctx, found[0].circuit_id)
        self._may_manage(ctx, circuit.group_id)
        await self.store.atomic(partial(repo.delete_schedule, schedule_id))
        self.bus.publish(ev.CircuitsChanged(circuit.id))

    # -- priorities: the session's "needs energy by" (see `priorities.py`) ------------------------
    async def set_session_departure(self, ctx: OperatorContext, transaction_id: UUID, departure_at) -> None:
        """An operator's "needs energy by" for one running session (None: the user's daily time).
        Needs remote commands (a basic operator may) on a station in the operator's domain."""
        require(ctx, Permission.REMOTE_COMMANDS)
        ctx = self.group_tree.fresh(ctx)
        found = await self.store.read(q.running_session_station, transaction_id)
        if found is None:
            raise NotFound("This session is not running (any more): only a running session has a departure.")
        require_station(ctx, self.stations.get_by_id(found).group_id)
        if departure_at is not None and departure_at.tzinfo is None:
            raise ValidationError("Give the departure with its time zone.", field="departure_at")
        try:
            await self.store.atomic(partial(repo.set_session_departure, transaction_id, departure_at))
        except MissingRow:
            raise NotFound("This session does not exist (any more).") from None
        self.bus.publish(ev.CircuitsChanged(None))

    async def session_priorities(self, transaction_ids: list[UUID], zone: str | None) -> dict[UUID, tuple[int, float | None]]:
        """Per session: (user-group priority, departure as epoch seconds or None)."""
        out = {}
        for r in await self.store.read(q.session_priorities, list(transaction_ids)):
            out[r["id"]] = (r["load_priority"], departure_epoch(r["started_at"], r["departure_at"],
                                                                r["departure_time"], zone))
        return out

    # -- for the controller ------------------------------------------------------------------------
    async def site(self) -> LoadSite:
        """The whole site's circuits, stations and schedules (the controller is the system's)."""
        circuits = [_circuit(r) for r in await self.store.read(q.circuits)]
        stations = await self._station_rows()
        points: dict[UUID, list[dict]] = {}
        for p in await self.store.read(q.station_points, [s.station_id for s in stations]):
            points.setdefault(p["station"], []).append(p)
        return LoadSite(circuits, stations, await self._schedule_rows(), points)


__all__ = ["CircuitService", "CircuitInput", "CircuitRow", "CircuitStationRow", "ScheduleRow", "LoadSite"]
