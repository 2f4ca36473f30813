"""Reading circuits, the stations on them and their schedules (issue 17). Rows are dicts keyed
by field name (`parent`, `group`, `circuit`, `station`)."""

from __future__ import annotations

from uuid import UUID

import peewee

from evdesk.store import models as m

C, CS, SC, S, E = m.Circuit, m.CircuitStation, m.CircuitSchedule, m.Station, m.Evse


def circuits() -> list[dict]:
    """Every live circuit, by name."""
    return list(C.alive().order_by(C.name, C.id).dicts())


def circuit(circuit_id: UUID) -> dict | None:
    return C.alive().where(C.id == circuit_id).dicts().first()


def circuit_stations() -> list[dict]:
    """Every live station-on-circuit row with the station's `identity` and `station_group`."""
    return list(CS.alive(CS, S.identity, S.group.alias("station_group"))
                .join(S, on=(CS.station == S.id)).where(S.deleted_at.is_null())
                .order_by(S.identity).dicts())


def station_circuit(station_id: UUID) -> dict | None:
    return CS.alive().where(CS.station == station_id).dicts().first()


def schedules() -> list[dict]:
    return list(SC.alive().order_by(SC.circuit, SC.start_minute, SC.id).dicts())


def station_points(station_ids: list[UUID]) -> list[dict]:
    """The live EVSEs (charging points) of these stations: station, evse_id, phases, phase, rotation."""
    if not station_ids:
        return []
    return list(E.alive(E.station, E.evse_id, E.phases, E.phase, E.phase_rotation)
                .where(E.station.in_(station_ids)).order_by(E.station, E.evse_id).dicts())


def session_priorities(transaction_ids: list[UUID]) -> list[dict]:
    """Per session: `id`, `started_at`, `departure_at` (set by an operator), the user's
    `departure_time` ("HH:MM" or "") and the user group's `load_priority` (0 without one)."""
    if not transaction_ids:
        return []
    T, U, UG = m.Transaction, m.ChargingUser, m.UserGroup
    rows = (T.select(T.id, T.started_at, T.departure_at, U.departure_time, UG.load_priority, UG.deleted_at)
            .join(U, peewee.JOIN.LEFT_OUTER, on=(T.user == U.id))
            .join(UG, peewee.JOIN.LEFT_OUTER, on=(U.user_group == UG.id))
            .where(T.id.in_(transaction_ids)).dicts())
    return [{"id": r["id"], "started_at": r["started_at"], "departure_at": r["departure_at"],
             "departure_time": r["departure_time"] or "",
             "load_priority": (r["load_priority"] or 0) if r["deleted_at"] is None else 0} for r in rows]


def running_session_station(transaction_id: UUID):
    """The station id of this session while it runs (state "active"), else None."""
    T = m.Transaction
    row = T.select(T.station).where((T.id == transaction_id) & (T.state == "active")).tuples().first()
    return row[0] if row else None
