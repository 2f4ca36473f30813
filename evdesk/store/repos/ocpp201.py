"""Writing and reading OCPP 2.0.1 transaction references (run on the store's threads)."""

from __future__ import annotations

from uuid import UUID

from evdesk.store import models as m
from evdesk.store import write as w
from evdesk.store.fields import uuid7

R = m.TransactionRef


def find_ref(station_id: UUID, transaction_ref: str) -> tuple[UUID, int, list[int], bool] | None:
    """(row id, evdesk ocpp_id, seqNos applied, ended) of a station's transaction, if known."""
    row = (R.alive(R.id, R.ocpp_id, R.seq_nos, R.ended)
           .where((R.station == station_id) & (R.transaction_ref == transaction_ref)).tuples().first())
    return (row[0], row[1], list(row[2] or ()), bool(row[3])) if row else None


def ref_for_ocpp_id(station_id: UUID, ocpp_id: int) -> str | None:
    """The station's own transaction id of an evdesk session (for RequestStopTransaction)."""
    return (R.alive(R.transaction_ref).where((R.station == station_id) & (R.ocpp_id == ocpp_id))
            .scalar())


def queue_ref(batch, station_id: UUID, transaction_ref: str, ocpp_id: int, seq_nos: list[int]) -> UUID:
    """Add a new transaction's reference to the group commit (with its session row: one commit
    before the station hears back); returns its id."""
    row_id = uuid7()
    batch.add(R, {"id": row_id, "station": station_id, "transaction_ref": transaction_ref[:36], "ocpp_id": ocpp_id,
                  "seq_nos": seq_nos, "ended": False})
    return row_id


def insert_ref(station_id: UUID, transaction_ref: str, ocpp_id: int, seq_nos: list[int], ended: bool) -> UUID:
    return w.versioned_insert(R, station=station_id, transaction_ref=transaction_ref[:36], ocpp_id=ocpp_id,
                              seq_nos=seq_nos, ended=ended).id


def update_ref(row_id: UUID, seq_nos: list[int], ended: bool) -> None:
    w.versioned_update(R, row_id, seq_nos=seq_nos, ended=ended)


def correct_start(station_id: UUID, ocpp_id: int, started_at, meter_start_wh: int) -> tuple[UUID, str] | None:
    """A Started event that came after later events of its transaction: the session begins when
    and where it says (start time and register moved earlier only). Returns (session id, state)
    when the session changed."""
    T = m.Transaction
    row = T.alive().where((T.station == station_id) & (T.ocpp_id == ocpp_id)).first()
    if row is None:
        return None
    changes = {}
    if started_at < row.started_at:
        changes["started_at"] = started_at
    if meter_start_wh < row.meter_start_wh:
        changes["meter_start_wh"] = meter_start_wh
        if row.meter_stop_wh is not None:
            changes["energy_wh"] = row.meter_stop_wh - meter_start_wh
    if not changes:
        return None
    w.versioned_update(T, row.id, **changes)
    return row.id, row.state
