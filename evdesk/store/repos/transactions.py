"""Charging sessions and meter readings: the rows and the queries the transaction service needs.

Functions without `batch` run on the database worker (inside `store.run`,
`store.read` or a group-commit job); `queue_*` functions add rows to the group
commit from the loop.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

import peewee

from evdesk.store import models as m
from evdesk.store import write as w
from evdesk.store.fields import uuid7

OCPP_INTEGER_MAX = 2**31 - 1


@dataclass(frozen=True)
class StoredSession:
    id: UUID
    ocpp_id: int
    station_id: UUID
    connector_id: int
    id_tag: str
    state: str
    started_at: datetime
    meter_start_wh: int
    meter_last_wh: int | None
    last_meter_at: datetime | None
    flags: tuple[str, ...]
    tariff_name: str = ""
    tariff_prices: dict | None = None
    limit_minutes: int | None = None
    limit_wh: int | None = None
    limit_cost_minor: int | None = None


def _stored(row) -> StoredSession:
    return StoredSession(row.id, row.ocpp_id, row.station_id, row.connector_id, row.id_tag, row.state, row.started_at,
                         row.meter_start_wh, row.meter_last_wh, row.last_meter_at, tuple(row.flags or ()),
                         row.tariff_name, row.tariff_prices, row.limit_minutes, row.limit_wh, row.limit_cost_minor)


_SESSION_COLUMNS = (
    m.Transaction.id, m.Transaction.ocpp_id, m.Transaction.station, m.Transaction.connector_id, m.Transaction.id_tag,
    m.Transaction.state, m.Transaction.started_at, m.Transaction.meter_start_wh, m.Transaction.meter_last_wh,
    m.Transaction.last_meter_at, m.Transaction.flags, m.Transaction.tariff_name, m.Transaction.tariff_prices,
    m.Transaction.limit_minutes, m.Transaction.limit_wh, m.Transaction.limit_cost_minor,
)


# -- loading ----------------------------------------------------------------------------------
def highest_own_ocpp_id() -> int:
    """The highest id evdesk handed out (1 .. 2^31-1); station-numbered sessions never count."""
    T = m.Transaction
    return T.select(peewee.fn.MAX(T.ocpp_id)).where((T.ocpp_id > 0) & (T.ocpp_id <= OCPP_INTEGER_MAX)).scalar() or 0


def running_sessions() -> list[tuple[StoredSession, tuple[int, datetime] | None]]:
    """Every running session with the newest stored register reading of it (energy, time).

    The reading comes from the meter values themselves: the session row's own
    progress figures are written every few seconds and may lag behind what was stored."""
    T = m.Transaction
    rows = [_stored(r) for r in T.alive(*_SESSION_COLUMNS).where(T.state == "active")]
    latest = latest_readings([r.id for r in rows])
    return [(r, latest.get(r.id)) for r in rows]


def latest_readings(tx_ids: list[UUID]) -> dict[UUID, tuple[int, datetime]]:
    """The newest stored energy register reading of each session (Wh, station time)."""
    out: dict[UUID, tuple[int, datetime]] = {}
    V = m.MeterValue
    for start in range(0, len(tx_ids), 400):
        chunk = tx_ids[start : start + 400]
        newest = (V.select(V.transaction, peewee.fn.MAX(V.timestamp).alias("at"))
                  .where(V.transaction.in_(chunk) & V.energy_wh.is_null(False)).group_by(V.transaction))
        query = (V.select(V.transaction, V.energy_wh, V.timestamp)
                 .join(newest, on=((V.transaction == newest.c.transaction_id) & (V.timestamp == newest.c.at)))
                 .where(V.energy_wh.is_null(False)))
        for tx_id, energy, at in query.tuples():
            at = V.timestamp.python_value(at)
            known = out.get(tx_id)
            value = int(round(energy))
            if known is None or value > known[0]:
                out[tx_id] = (value, at)
    return out


def find_start(station_id: UUID, connector_id: int, id_tag: str, meter_start: int, started_at: datetime) -> StoredSession | None:
    """A Start already stored (a charger repeating its queue after an offline spell)."""
    T = m.Transaction
    row = (T.alive(*_SESSION_COLUMNS)
           .where((T.station == station_id) & (T.connector_id == connector_id) & (T.id_tag == id_tag)
                  & (T.meter_start_wh == meter_start) & (T.started_at == started_at)).first())
    return _stored(row) if row is not None else None


def session_by_ocpp_id(station_id: UUID, ocpp_id: int) -> StoredSession | None:
    T = m.Transaction
    row = T.alive(*_SESSION_COLUMNS).where((T.ocpp_id == ocpp_id) & (T.station == station_id)).first()
    return _stored(row) if row is not None else None


def session_by_station_number(station_id: UUID, number: int) -> StoredSession | None:
    """A session the station numbered itself (a Stop for a Start evdesk never saw)."""
    T = m.Transaction
    row = (T.alive(*_SESSION_COLUMNS).where((T.station_transaction_id == number) & (T.station == station_id))
           .order_by(T.started_at.desc()).first())
    return _stored(row) if row is not None else None


def lowest_ocpp_id() -> int:
    return m.Transaction.select(peewee.fn.MIN(m.Transaction.ocpp_id)).scalar() or 0


# -- writing ----------------------------------------------------------------------------------
def queue_start(batch, *, ocpp_id: int, station_id: UUID, connector_id: int, id_tag: str, token_id: UUID | None,
                user_id: UUID | None, started_at: datetime, meter_start_wh: int, reservation_id: int | None,
                remote: bool, flags: list[str], tariff_id: UUID | None = None, tariff_name: str = "",
                tariff_prices: dict | None = None, currency: str = "", limit_minutes: int | None = None,
                limit_wh: int | None = None, limit_cost_minor: int | None = None) -> UUID:
    """Add a new session row to the group commit; returns its id."""
    row_id = uuid7()
    batch.add(m.Transaction, {
        "id": row_id, "ocpp_id": ocpp_id, "station": station_id, "connector_id": connector_id, "id_tag": id_tag[:64],
        "token": token_id, "user": user_id, "started_at": started_at, "meter_start_wh": meter_start_wh,
        "meter_last_wh": meter_start_wh, "reservation_id": reservation_id, "remote_start": remote, "flags": flags,
        "tariff_id": tariff_id, "tariff_name": tariff_name[:200], "tariff_prices": tariff_prices, "currency": currency,
        "limit_minutes": limit_minutes, "limit_wh": limit_wh, "limit_cost_minor": limit_cost_minor,
    })
    return row_id


def queue_reading(batch, *, station_id: UUID, tx_id: UUID | None, connector_id: int, timestamp: datetime,
                  context: str, energy_wh: float | None, power_w: float | None, current_a: float | None,
                  voltage_v: float | None, soc: float | None, samples: list) -> None:
    batch.add(m.MeterValue, {
        "id": uuid7(), "station": station_id, "transaction": tx_id, "connector_id": connector_id,
        "timestamp": timestamp, "context": context, "energy_wh": energy_wh, "power_w": power_w,
        "current_a": current_a, "voltage_v": voltage_v, "soc": soc, "samples": samples,
    })


def insert_station_numbered(*, ocpp_id: int, station_number: int, station_id: UUID, id_tag: str, started_at: datetime,
                            stopped_at: datetime, meter_start_wh: int, meter_stop_wh: int, energy_wh: int | None,
                            stop_reason: str, flags: list[str]) -> StoredSession:
    """(worker) A session known only from its Stop: evdesk's own id, the station's number kept aside."""
    row = w.versioned_insert(
        m.Transaction, ocpp_id=ocpp_id, station_transaction_id=station_number, station=station_id, connector_id=0,
        id_tag=id_tag[:64], state="completed", started_at=started_at, stopped_at=stopped_at,
        meter_start_wh=meter_start_wh, meter_stop_wh=meter_stop_wh, meter_last_wh=meter_stop_wh, energy_wh=energy_wh,
        stop_reason=stop_reason, stop_id_tag=id_tag[:64], flags=flags,
    )
    return _stored(row)


def finish(tx_id: UUID, **changes: Any) -> int:
    """(worker) Stop or close a session: state, stop time, energy, flags..."""
    return w.versioned_update(m.Transaction, tx_id, None, **changes)


def queue_progress(batch, rows: list[tuple[UUID, int | None, datetime | None]]) -> None:
    """Running sessions' newest reading on their row, with the next group commit (live state: not
    versioned, not fed; a Stop in the same or a later commit writes over it)."""
    for tx_id, wh, at in rows:
        batch.set(m.Transaction, tx_id, meter_last_wh=wh, last_meter_at=at)
