"""A station's configuration keys as last read from it ("Refresh configuration").

The OCPP server stores them (`evdesk.csms.config_store`): per key the value,
the read-only flag and when it was fetched; a key the station said it does not
know (or that a full read no longer returned) is kept as a tombstone with its
fetch time. This is the read side for the screens and the API: plain rows, the
operator's domain checked, read on the reader connection.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from evdesk.core.permissions import OperatorContext, require_station
from evdesk.store import models as m
from evdesk.store.database import Store


@dataclass(frozen=True)
class ConfigurationKeyRow:
    key: str
    value: str | None  # password keys are masked ("********")
    readonly: bool
    fetched_at: datetime | None
    # False: the station said it does not know this key, or stopped reporting it
    known: bool = True


class StationConfigService:
    def __init__(self, store: Store, stations):
        self.store = store
        self.stations = stations  # StationService: the registry and the operator's fresh domain

    async def configuration_keys(self, ctx: OperatorContext, station_id: UUID) -> list[ConfigurationKeyRow]:
        """Known keys first (by name), then the keys the station does not know (by name)."""
        info = self.stations.get_by_id(station_id)
        require_station(self.stations.fresh_context(ctx), info.group_id)

        def read():
            K = m.StationConfigKey
            rows = K.select(K.key, K.value, K.readonly, K.fetched_at, K.deleted_at).where(K.station == station_id)
            return [ConfigurationKeyRow(r.key, r.value, bool(r.readonly), r.fetched_at, r.deleted_at is None)
                    for r in rows]

        rows = await self.store.read(read)
        return sorted(rows, key=lambda r: (not r.known, r.key.lower()))
