"""Writing what evdesk keeps per station beside the station itself: its configuration keys
as last read, reservations, and the local authorization list last sent.

All three are synced rows and change through the versioned write path. Functions run on
the database worker inside the caller's transaction (a group-commit job, `batch.call`).
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import peewee

from evdesk.store import models as m
from evdesk.store import write as w

K, L, R = m.StationConfigKey, m.LocalListState, m.Reservation
MAX_KEY = 128


# -- configuration keys ------------------------------------------------------------------------------
def store_configuration(station_id: UUID, keys: list[tuple[str, str | None, bool]], complete: bool,
                        unknown: list[str], fetched_at: datetime) -> int:
    """Keep keys as read from the station: (key, value, read-only) as given (the caller masks
    secrets). A key the station said it does not know (`unknown`) — and, after a full read
    (`complete`), a key it no longer reports — is kept as a tombstone with its fetch time:
    "asked, and the station does not have it". Returns how many known keys were stored."""
    # what is stored now, in one read: (id, deleted at, value, read-only) by key
    stored = {key: rest for key, *rest in
              K.select(K.key, K.id, K.deleted_at, K.value, K.readonly).where(K.station == station_id).tuples()}
    seen: set[str] = set()
    new: list[dict] = []
    asked_again: list[UUID] = []  # unchanged: only the time it was fetched moves (not a change to sync)
    for key, value, readonly in keys:
        key = key[:MAX_KEY]
        if not key or key in seen:
            continue
        seen.add(key)
        _put(station_id, key, stored.get(key), new, asked_again, fetched_at, value=value, readonly=bool(readonly))
    for name in unknown:
        key = name[:MAX_KEY]
        if key and key not in seen:
            seen.add(key)
            _put(station_id, key, stored.get(key), new, asked_again, fetched_at, deleted=True)
    if new:
        w.versioned_insert_many(K, new)
    for start in range(0, len(asked_again), 400):
        K.update(fetched_at=fetched_at).where(K.id.in_(asked_again[start : start + 400])).execute()
    known = {key[:MAX_KEY] for key, _value, _readonly in keys if key}
    if complete:
        w.tombstone_where(K, (K.station == station_id) & K.key.not_in(known or {""}), fetched_at=fetched_at)
    return len(known)


def _put(station_id: UUID, key: str, row, new: list[dict], asked_again: list, now: datetime,
         deleted: bool = False, value: str | None = None, readonly: bool = False) -> None:
    if row is None:  # a key never read before (born a tombstone when the station does not know it)
        new.append({"station": station_id, "key": key, "value": value, "readonly": readonly, "fetched_at": now,
                    **({"deleted_at": now} if deleted else {})})
        return
    row_id, deleted_at, old_value, old_readonly = row
    if deleted:
        if deleted_at is None:
            w.tombstone(K, row_id, value=None, readonly=False, fetched_at=now)
        else:  # asked again, still unknown: only when it was asked (a tombstone is not edited)
            asked_again.append(row_id)
        return
    if deleted_at is None and old_value == value and bool(old_readonly) == readonly:
        asked_again.append(row_id)
        return
    if deleted_at is not None:
        # A key the station knows again: the tombstone comes back to life. The write path
        # changes live rows only, so the tombstone mark goes first (same transaction), then
        # the versioned update stamps version, change time and feed.
        K.update(deleted_at=None).where(K.id == row_id).execute()
    w.versioned_update(K, row_id, None, value=value, readonly=readonly, fetched_at=now)


# -- reservations --------------------------------------------------------------------------------------
def allocate_reservation(station_id: UUID, connector_id: int, id_tag: str, expiry: datetime) -> int:
    """A new reservation with the next free OCPP reservation id; returns the id."""
    top = R.select(peewee.fn.MAX(R.reservation_id)).scalar() or 0
    row = w.versioned_insert(R, reservation_id=top + 1, station=station_id, connector_id=connector_id,
                             id_tag=id_tag[:64], expires_at=expiry)
    return row.reservation_id


def record_reservation_outcome(reservation_id: int, state: str) -> None:
    w.versioned_update_where(R, R.reservation_id == reservation_id, state=state)


# -- local authorization lists -----------------------------------------------------------------------------
def save_local_list_state(station_id: UUID, version: int, entries: dict, enabled: bool, max_length: int | None,
                          send_max: int | None, synced_at: datetime) -> None:
    values = dict(list_version=version, entries=entries, enabled=enabled, max_length=max_length,
                  send_max_length=send_max, synced_at=synced_at)
    if not w.versioned_update_where(L, L.station == station_id, **values):
        w.versioned_insert(L, station=station_id, **values)
