"""A station's configuration keys as last read from it ("Refresh configuration").

The OCPP server stores them (`evdesk.store.repos.config`): per key the value,
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
from evdesk.store.database import Store
from evdesk.store.queries import stations as q


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

        rows = [ConfigurationKeyRow(*row) for row in await self.store.read(q.configuration_keys, station_id)]
        return sorted(rows, key=lambda r: (not r.known, r.key.lower()))
