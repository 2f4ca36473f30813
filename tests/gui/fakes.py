"""Stand-ins for core pieces other helpers are writing, used until they land in this branch."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from evdesk.core.permissions import OperatorContext, require_station
from evdesk.store import models as m


@dataclass(frozen=True)
class KeyRow:
    key: str
    value: str | None
    readonly: bool
    fetched_at: datetime | None
    known: bool = True


class FakeStationConfig:
    """`configuration_keys(ctx, station_id)` as the core will offer it; counts its calls."""

    def __init__(self, services):
        self.services, self.calls = services, []

    async def configuration_keys(self, ctx: OperatorContext, station_id: UUID) -> list[KeyRow]:
        self.calls.append((ctx, station_id))
        stations = self.services.stations
        require_station(stations.fresh_context(ctx), stations.get_by_id(station_id).group_id)

        def read():
            K = m.StationConfigKey
            return [KeyRow(r.key, r.value, bool(r.readonly), r.fetched_at, r.deleted_at is None)
                    for r in K.select().where(K.station == station_id)]

        return sorted(await self.services.store.read(read), key=lambda r: (not r.known, r.key.lower()))
