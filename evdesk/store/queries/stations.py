"""Reading stations, their connectors, configuration keys and local-list state.

Plain functions for the reader connection (`store.read`) or, inside a write, the
worker. Rows come back as dicts keyed by field name (a foreign key by its field
name: `group`, `station`), so the core can keep them after the connection moved on.
"""

from __future__ import annotations

from collections.abc import Iterable
from uuid import UUID

from evdesk.store import models as m

S, C, K = m.Station, m.Connector, m.StationConfigKey
CHUNK = 500


def _chunks(ids: Iterable) -> list[list]:
    ids = list(ids)
    return [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)]


def _with_connectors(stations: list[dict]) -> list[tuple[dict, list[dict]]]:
    connectors: dict[UUID, list[dict]] = {}
    for chunk in _chunks(s["id"] for s in stations):
        for c in C.alive().where(C.station.in_(chunk)).order_by(C.connector_id).dicts():
            connectors.setdefault(c["station"], []).append(c)
    return [(s, connectors.get(s["id"], [])) for s in stations]


def all_stations() -> list[tuple[dict, list[dict]]]:
    """Every live station with its live connectors."""
    return _with_connectors(list(S.alive().dicts()))


def stations_by_id(ids: Iterable[UUID]) -> dict[UUID, tuple[dict, list[dict]]]:
    """The live ones among `ids` with their live connectors (the others were deleted)."""
    rows = [row for chunk in _chunks(ids) for row in S.alive().where(S.id.in_(chunk)).dicts()]
    return {s["id"]: (s, connectors) for s, connectors in _with_connectors(rows)}


def stations_of_connectors(connector_ids: Iterable[UUID]) -> set[UUID]:
    """The stations these connector rows belong to, deleted connectors included."""
    return {sid for chunk in _chunks(connector_ids)
            for (sid,) in C.select(C.station).where(C.id.in_(chunk)).tuples()}


def configuration_keys(station_id: UUID) -> list[tuple[str, str | None, bool, object, bool]]:
    """(key, value, read-only, fetched at, known) of every key read from the station; a key the
    station said it does not know (a tombstone) has known False."""
    rows = K.select(K.key, K.value, K.readonly, K.fetched_at, K.deleted_at).where(K.station == station_id)
    return [(r.key, r.value, bool(r.readonly), r.fetched_at, r.deleted_at is None) for r in rows]


def configuration_values(station_id: UUID, keys: Iterable[str]) -> dict[str, str | None]:
    """The live values of these keys as last read (keys never read or unknown are left out)."""
    return dict(K.alive(K.key, K.value).where((K.station == station_id) & K.key.in_(list(keys))).tuples())


def local_list_state(station_id: UUID) -> tuple[int, dict] | None:
    """(list version, entries as sent) of what evdesk last sent the station; None when nothing was."""
    L = m.LocalListState
    row = L.alive(L.list_version, L.entries).where(L.station == station_id).tuples().first()
    return (row[0], dict(row[1] or {})) if row else None


def alive_station_count() -> int:
    return S.alive().count()


def deleted_connector_numbers(station_ids: Iterable[UUID]) -> dict[UUID, set[int]]:
    """Per station, the numbers of its connectors that were deleted (tombstones)."""
    out: dict[UUID, set[int]] = {}
    for chunk in _chunks(station_ids):
        for sid, cid in C.select(C.station, C.connector_id).where(
                C.station.in_(chunk) & C.deleted_at.is_null(False)).tuples():
            out.setdefault(sid, set()).add(cid)
    return out
