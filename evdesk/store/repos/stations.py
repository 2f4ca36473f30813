"""Writing stations and their connectors.

Operators' changes (create, edit, adopt, reject, delete) and stations that connect
unknown go through the versioned write path (`evdesk/store/write.py`: version,
`updated_at`, change feed). What a station reports about itself goes in as plain
updates, neither versioned nor fed, as the write path's module text says:

* live state, many times a second: last seen, connection state, firmware and
  diagnostics progress, connector status (`write_live_state`, `write_connection_states`);
* the facts of its last boot (vendor, model, serial numbers, firmware version, when
  it was last accepted: `record_boot`), so that an operator's open edit of the
  station's settings does not turn stale with every boot.

Functions run on the database worker inside the caller's transaction (`store.atomic`
or a group-commit job) and raise `StaleRow` / `MissingRow`, or `IdentityTaken`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

import peewee

from evdesk.store import models as m
from evdesk.store import write as w
from evdesk.store.bulk import chunks, values_cte
from evdesk.store.fields import uuid7
from evdesk.store.queries import stations as q

S, C = m.Station, m.Connector

EDITABLE = ("name", "group", "access_mode", "heartbeat_interval", "meter_value_interval", "strip_id_tag_suffix",
            "skip_schema_validation", "timezone", "notes", "location", "registration", "password_hash",
            "system_status", "integration_date", "security_profile")
BOOT_FACTS = ("ocpp_version", "vendor", "model", "serial_number", "firmware_version", "iccid", "imsi", "meter_type",
              "meter_serial_number", "last_boot_at")


class IdentityTaken(Exception):
    """A live station already has that identity."""


def _only(fields: dict[str, Any], allowed: tuple[str, ...]) -> dict[str, Any]:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"not a column: {sorted(unknown)}")
    return fields


# -- operators' changes -----------------------------------------------------------------------------
def insert_station(identity: str, connectors: int, **fields: Any) -> tuple[dict, list[dict]]:
    """A new station with connectors 1..`connectors`; `IdentityTaken` when the identity is in use."""
    db = S._meta.database
    try:
        with db.atomic():
            row = w.versioned_insert(S, identity=identity, **_only(fields, EDITABLE))
    except peewee.IntegrityError:
        raise IdentityTaken(identity) from None
    if connectors:
        w.versioned_insert_many(C, [{"station": row.id, "connector_id": n} for n in range(1, connectors + 1)])
    return q.stations_by_id([row.id])[row.id]


def update_station(station_id: UUID, expected_version: int | None, **changes: Any) -> dict:
    """Refused with StaleRow when `expected_version` moved on, MissingRow when the station is gone.
    Returns the station's row as it is now."""
    w.versioned_update(S, station_id, expected_version, **_only(changes, EDITABLE))
    return q.stations_by_id([station_id])[station_id][0]


def tombstone_station(station_id: UUID, identity: str) -> None:
    """Delete a station and its connectors as tombstones; the identity becomes free for a new station."""
    w.tombstone_where(C, C.station == station_id)
    w.tombstone_where(S, S.id == station_id, identity=f"{identity}~deleted~{station_id.hex[:8]}"[:255])


def insert_registered(rows: list[dict]) -> dict[UUID, Exception]:
    """Stations that connected unknown (id, identity, name, registration, intervals), in one go.

    A row whose identity is taken meanwhile is isolated: the others are written. Returns
    the ids that could not be written, with why."""
    db = S._meta.database
    try:
        with db.atomic():
            w.versioned_insert_many(S, [dict(r) for r in rows])
        return {}
    except peewee.IntegrityError:
        pass
    failed: dict[UUID, Exception] = {}
    for row in rows:
        try:
            with db.atomic():
                w.versioned_insert(S, **row)
        except peewee.IntegrityError:
            failed[row["id"]] = IdentityTaken(row["identity"])
    return failed


def purge_dropped_pending(deleted_before: datetime, limit: int = 500) -> int:
    """Remove for good the tombstones of stations that were waiting for adoption when they were
    deleted (dropped by the pending cap, or deleted by an operator) before `deleted_before` and
    never had an accepted boot. Their boot and network-log rows go with them (the foreign keys
    cascade); the change feed keeps its entries until it is trimmed. Deletes at most `limit`
    stations; returns how many."""
    ids = [sid for (sid,) in S.select(S.id).where(
        (S.registration == "pending") & S.deleted_at.is_null(False) & (S.deleted_at < deleted_before)
        & S.last_boot_at.is_null()).limit(limit).tuples()]
    if not ids:
        return 0
    return S.delete().where(S.id.in_(ids)).execute()


# -- what the station reports ------------------------------------------------------------------------
def record_boot(station_id: UUID, facts: dict[str, Any], event: dict[str, Any]) -> None:
    """The boot's facts on the station (not versioned: station-reported) and its network-log row."""
    S.update(**_only(facts, BOOT_FACTS)).where(S.id == station_id).execute()
    m.StationEvent.insert({"id": uuid7(), "station": station_id, **event}).execute()


def write_live_state(station_rows: list[tuple], connector_rows: list[tuple]) -> None:
    """Live state (not versioned, not fed): stations' (id, last seen, connection state, firmware
    status, diagnostics status) and connectors' (station id, connector id, status, error code,
    info, vendor error code, status time). A connector the station reports but nobody declared
    is created (through the write path: it is a synced row)."""
    # One UPDATE per few hundred rows: a boot storm changes thousands of rows a
    # second, and a statement per row gives up the GIL once per row.
    db = S._meta.database
    when = S.last_seen.db_value
    uid = S.id.db_value
    cursor = db.cursor()
    for chunk in chunks([(uid(sid), when(seen), state, fw, diag) for sid, seen, state, fw, diag in station_rows]):
        cursor.execute(
            values_cte("v(id, seen, state, fw, diag)", 5, len(chunk), db.param)
            + ' UPDATE "station" SET "last_seen" = v.seen, "connection_state" = v.state, '
            '"firmware_status" = v.fw, "diagnostics_status" = v.diag FROM v WHERE "station"."id" = v.id',
            [value for row in chunk for value in row],
        )
    rows = [(uid(sid), cid, status, error_code, info, vendor_error, when(at))
            for sid, cid, status, error_code, info, vendor_error, at in connector_rows]
    for chunk in chunks(rows):
        cursor.execute(
            values_cte("v(sid, cid, status, err, info, verr, at)", 7, len(chunk), db.param)
            + ' UPDATE "connector" SET "status" = v.status, "error_code" = v.err, "info" = v.info, '
            '"vendor_error_code" = v.verr, "status_at" = v.at FROM v '
            'WHERE "connector"."station_id" = v.sid AND "connector"."connector_id" = v.cid',
            [value for row in chunk for value in row],
        )
    if connector_rows:
        station_ids = list({r[0] for r in connector_rows})
        known = {(sid, cid) for start in range(0, len(station_ids), 500)
                 for sid, cid in C.select(C.station, C.connector_id)
                 .where(C.station.in_(station_ids[start : start + 500])).tuples()}
        new = {}
        for sid, cid, status, error_code, info, vendor_error, at in connector_rows:
            if (sid, cid) not in known:
                new[(sid, cid)] = {"station": sid, "connector_id": cid, "status": status, "error_code": error_code,
                                   "info": info, "vendor_error_code": vendor_error, "status_at": at}
        if new:
            w.versioned_insert_many(C, list(new.values()))


def write_connection_states(rows: list[tuple]) -> None:
    """(station id, state, detail, time): the state (live, not versioned) and one network-log row each."""
    for station_id, state, detail, at in rows:
        S.update(connection_state=state).where(S.id == station_id).execute()
    events = [{"id": uuid7(), "station": station_id, "kind": "network", "state": state, "detail": detail, "at": at}
              for station_id, state, detail, at in rows]
    for start in range(0, len(events), 200):
        m.StationEvent.insert_many(events[start : start + 200]).execute()
