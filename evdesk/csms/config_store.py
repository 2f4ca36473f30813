"""Keeping a station's configuration keys as last read (runs on the database worker)."""

from __future__ import annotations

from uuid import UUID

from evdesk.core.clock import utcnow
from evdesk.store import models as m


def store_configuration(station_id: UUID, keys: list[dict], complete: bool) -> int:
    now = utcnow()
    seen = set()
    with m.Station._meta.database.atomic():
        for entry in keys:
            key = str(entry.get("key", ""))[:128]
            if not key:
                continue
            seen.add(key)
            values = {"value": entry.get("value"), "readonly": bool(entry.get("readonly", False)), "fetched_at": now}
            updated = (
                m.StationConfigKey.update(version=m.StationConfigKey.version + 1, updated_at=now, deleted_at=None, **values)
                .where((m.StationConfigKey.station == station_id) & (m.StationConfigKey.key == key))
                .execute()
            )
            if not updated:
                m.StationConfigKey.create(station=station_id, key=key, **values)
        if complete:
            # a full read: keys the station no longer reports are gone
            m.StationConfigKey.update(deleted_at=now).where(
                (m.StationConfigKey.station == station_id) & (m.StationConfigKey.key.not_in(seen or {""}))
            ).execute()
    return len(seen)
