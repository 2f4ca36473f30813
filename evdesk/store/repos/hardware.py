"""Writing locations, stations' EVSEs and connectors, and station templates (issue 16).

Runs on the database worker inside the caller's transaction; raises `StaleRow` / `MissingRow`.
EVSE and connector numbers are unique per station in the table, tombstones included, so a
number that comes back after being removed revives its tombstone (a new version, fed as an
update) instead of inserting a second row.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from evdesk.store import models as m
from evdesk.store import write as w
from evdesk.store.queries import hardware as q

S, E, C, L, T = m.Station, m.Evse, m.Connector, m.Location, m.StationTemplate

LOCATION_FIELDS = ("name", "address", "postcode", "city", "country", "latitude", "longitude", "timezone", "group")
TEMPLATE_FIELDS = ("name", "group", "vendor", "charger_model", "settings", "evses")
EVSE_FIELDS = ("current_type", "max_power_w", "phases", "phase", "phase_rotation", "emi3_id")
CONNECTOR_FIELDS = ("socket_type", "cable", "max_power_w")


class EvseIdTaken(Exception):
    """Another station's EVSE has that EVSE-ID."""

    def __init__(self, code: str, identity: str):
        super().__init__(code)
        self.code, self.identity = code, identity


# -- locations -----------------------------------------------------------------------------------
def insert_location(**fields: Any) -> dict:
    row = w.versioned_insert(L, **_only(fields, LOCATION_FIELDS))
    return q.location(row.id)


def update_location(location_id: UUID, expected_version: int, **changes: Any) -> dict:
    w.versioned_update(L, location_id, expected_version, **_only(changes, LOCATION_FIELDS))
    return q.location(location_id)


def delete_location(location_id: UUID, expected_version: int) -> None:
    """Its stations stay, without a location."""
    w.tombstone(L, location_id, expected_version)
    w.versioned_update_where(S, S.location == location_id, location=None)


# -- a station's EVSEs and connectors ---------------------------------------------------------------
STATION_FIELDS = ("location", "system_status", "integration_date", "name", "group", "access_mode",
                  "heartbeat_interval", "meter_value_interval", "strip_id_tag_suffix", "skip_schema_validation")


def save_layout(station_id: UUID, expected_version: int | None, evses: list[dict], **station_fields: Any) -> None:
    """Make the station's EVSEs and connectors these (dicts of EVSE fields with `evse_id` and
    `connectors`: dicts with `connector_id` and connector fields). EVSEs and connectors not
    listed become tombstones; the station's version moves on (the edit's concurrency check).
    `EvseIdTaken` when another station has one of the EVSE-IDs. `station_fields` change the
    station row in the same version step."""
    w.versioned_update(S, station_id, expected_version, **_only(station_fields, STATION_FIELDS))
    codes = [e["emi3_id"] for e in evses if e.get("emi3_id")]
    if codes:
        taken = q.evse_ids_elsewhere(station_id, codes)
        if taken:
            code, identity = next(iter(taken.items()))
            raise EvseIdTaken(code, identity)
    old_evses = {r.evse_id: r for r in E.select().where(E.station == station_id)}
    # connector 0 is the station as a whole (its status), never a socket: left alone
    old_connectors = {r.connector_id: r for r in C.select().where((C.station == station_id) & (C.connector_id > 0))}
    keep_evses, keep_connectors = set(), set()
    for e in evses:
        fields = {k: e[k] for k in EVSE_FIELDS}
        evse_row_id = _put(E, old_evses.get(e["evse_id"]), fields, station=station_id, evse_id=e["evse_id"])
        keep_evses.add(e["evse_id"])
        for c in e["connectors"]:
            fields = {k: c[k] for k in CONNECTOR_FIELDS}
            fields["evse"] = evse_row_id
            _put(C, old_connectors.get(c["connector_id"]), fields, station=station_id, connector_id=c["connector_id"])
            keep_connectors.add(c["connector_id"])
    gone = [r.id for n, r in old_connectors.items() if n not in keep_connectors and r.deleted_at is None]
    if gone:
        w.tombstone_where(C, C.id.in_(gone))
    gone = [r.id for n, r in old_evses.items() if n not in keep_evses and r.deleted_at is None]
    if gone:
        w.tombstone_where(E, E.id.in_(gone))


def _put(model, old, fields: dict, **key: Any) -> UUID:
    """Insert, update (when changed) or revive (a tombstone) the row with this key."""
    if old is None:
        return w.versioned_insert(model, **key, **fields).id
    if old.deleted_at is not None:
        w.revive(model, old.id, **fields)
        return old.id
    if any(old.__data__.get(name) != value for name, value in fields.items()):
        w.versioned_update(model, old.id, None, **fields)
    return old.id


# -- templates ------------------------------------------------------------------------------------
def insert_template(**fields: Any) -> dict:
    row = w.versioned_insert(T, **_only(fields, TEMPLATE_FIELDS))
    return q.template(row.id)


def update_template(template_id: UUID, expected_version: int, **changes: Any) -> dict:
    w.versioned_update(T, template_id, expected_version, **_only(changes, TEMPLATE_FIELDS))
    return q.template(template_id)


def delete_template(template_id: UUID, expected_version: int) -> None:
    w.tombstone(T, template_id, expected_version)


def _only(fields: dict[str, Any], allowed: tuple[str, ...]) -> dict[str, Any]:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"not a column: {sorted(unknown)}")
    return fields
