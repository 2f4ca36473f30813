"""Keeping a station's configuration keys as last read (runs on the database worker).

Per station and key: the value (a password key's value masked), the read-only
flag and when it was fetched. A key the station said it does not know
(GetConfiguration's `unknownKey`), or that a full read no longer returns, is
kept as a tombstone with its fetch time: "asked, and the station does not have
it" — `evdesk.core.station_config` reads both.
"""

from __future__ import annotations

from uuid import UUID

from evdesk.core.clock import utcnow
from evdesk.csms.redaction import MASK, is_secret_key
from evdesk.store import models as m

MAX_KEY = 128


def store_configuration(station_id: UUID, keys: list[dict], complete: bool, unknown: list[str] = ()) -> int:
    """Returns how many known keys were stored."""
    now = utcnow()
    seen: set[str] = set()
    with m.Station._meta.database.atomic():
        for entry in keys:
            if not isinstance(entry, dict):
                continue
            key = str(entry.get("key", ""))[:MAX_KEY]
            if not key or key in seen:
                continue
            seen.add(key)
            value = entry.get("value")
            if value is not None and is_secret_key(key):
                value = MASK
            _upsert(station_id, key, {"value": value, "readonly": bool(entry.get("readonly", False)),
                                      "fetched_at": now, "deleted_at": None})
        for name in unknown or ():
            key = str(name)[:MAX_KEY]
            if key and key not in seen:
                _upsert(station_id, key, {"value": None, "readonly": False, "fetched_at": now, "deleted_at": now})
        if complete:
            # a full read: keys the station no longer reports are gone
            m.StationConfigKey.update(deleted_at=now, fetched_at=now, updated_at=now,
                                      version=m.StationConfigKey.version + 1).where(
                (m.StationConfigKey.station == station_id) & m.StationConfigKey.deleted_at.is_null()
                & (m.StationConfigKey.key.not_in(seen or {""}))
            ).execute()
    return len(seen)


def _upsert(station_id: UUID, key: str, values: dict) -> None:
    now = values["fetched_at"]
    updated = (
        m.StationConfigKey.update(version=m.StationConfigKey.version + 1, updated_at=now, **values)
        .where((m.StationConfigKey.station == station_id) & (m.StationConfigKey.key == key))
        .execute()
    )
    if not updated:
        m.StationConfigKey.create(station=station_id, key=key, updated_at=now, **values)
