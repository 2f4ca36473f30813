"""Writing circuits, the stations on them and their schedules (issue 17). Runs on the database
worker inside the caller's transaction; raises `StaleRow` / `MissingRow`."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from evdesk.store import models as m
from evdesk.store import write as w
from evdesk.store.queries import load as q

C, CS, SC = m.Circuit, m.CircuitStation, m.CircuitSchedule
CIRCUIT_FIELDS = ("name", "parent", "phases", "max_current_a", "reserved_a", "min_current_a", "group")


class StationOnOtherCircuit(Exception):
    """The station is already on another circuit (a station is on at most one)."""

    def __init__(self, circuit_id: UUID):
        super().__init__(str(circuit_id))
        self.circuit_id = circuit_id


def _only(fields: dict, names) -> dict:
    return {k: v for k, v in fields.items() if k in names}


def insert_circuit(**fields: Any) -> dict:
    row = w.versioned_insert(C, **_only(fields, CIRCUIT_FIELDS))
    return q.circuit(row.id)


def update_circuit(circuit_id: UUID, expected_version: int, **changes: Any) -> dict:
    w.versioned_update(C, circuit_id, expected_version, **_only(changes, CIRCUIT_FIELDS))
    return q.circuit(circuit_id)


def delete_circuit(circuit_id: UUID, expected_version: int) -> None:
    """With its station rows and schedules (the stations themselves stay)."""
    w.tombstone(C, circuit_id, expected_version)
    w.tombstone_where(CS, (CS.circuit == circuit_id) & CS.deleted_at.is_null())
    w.tombstone_where(SC, (SC.circuit == circuit_id) & SC.deleted_at.is_null())


def put_station(circuit_id: UUID, station_id: UUID, max_current_a: float, priority: int) -> None:
    """Put the station on the circuit, or change its max and priority there."""
    live = q.station_circuit(station_id)
    if live is not None and live["circuit"] != circuit_id:
        raise StationOnOtherCircuit(live["circuit"])
    if live is not None:
        w.versioned_update(CS, live["id"], None, max_current_a=max_current_a, priority=priority)
    else:
        w.versioned_insert(CS, circuit=circuit_id, station=station_id, max_current_a=max_current_a, priority=priority)


def remove_station(station_id: UUID) -> None:
    w.tombstone_where(CS, (CS.station == station_id) & CS.deleted_at.is_null())


def insert_schedule(circuit_id: UUID, start_minute: int, end_minute: int, max_current_a: float) -> UUID:
    return w.versioned_insert(SC, circuit=circuit_id, start_minute=start_minute, end_minute=end_minute,
                              max_current_a=max_current_a).id


def delete_schedule(schedule_id: UUID) -> None:
    w.tombstone(SC, schedule_id, None)


def set_session_departure(transaction_id: UUID, departure_at) -> int:
    """A session's "needs energy by" (UTC datetime, None: back to the user's daily time)."""
    return w.versioned_update(m.Transaction, transaction_id, None, departure_at=departure_at)


def set_user_departure(user_id: UUID, departure_time: str) -> int:
    return w.versioned_update(m.ChargingUser, user_id, None, departure_time=departure_time)
