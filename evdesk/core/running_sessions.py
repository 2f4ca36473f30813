"""The sessions running now, in memory: what the hot path reads without the disk."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from evdesk.core.pricing.tariff import TariffPrices


@dataclass
class ActiveTransaction:
    id: UUID
    ocpp_id: int
    station_id: UUID
    identity: str
    connector_id: int
    id_tag_key: str
    started_at: datetime
    meter_start_wh: int
    meter_last_wh: int | None = None
    last_meter_at: datetime | None = None
    last_activity: datetime | None = None
    power_w: float | None = None
    flags: list[str] = field(default_factory=list)
    # since when the station reports the connector free (Available) while this session
    # runs: a Stop may still come (offline queue); if none does, the session is closed
    connector_free_since: datetime | None = None
    # the tariff of the start (its prices copied) and this session's stop limits
    tariff_name: str = ""
    prices: TariffPrices | None = None
    limit_minutes: int | None = None
    limit_wh: int | None = None
    limit_cost_minor: int | None = None
    limit_stop_requested: bool = False

    @property
    def energy_wh(self) -> int | None:
        if self.meter_last_wh is None:
            return None
        return self.meter_last_wh - self.meter_start_wh


class RunningSessions:
    """By OCPP id, by connector, and per token. Built before the services that need it
    (the authorization decision counts a token's running sessions here; the transaction
    service keeps it)."""

    def __init__(self):
        self.by_ocpp_id: dict[int, ActiveTransaction] = {}
        self._by_connector: dict[tuple[UUID, int], ActiveTransaction] = {}
        self._tags: Counter[str] = Counter()  # token key -> running sessions

    def count_for_tag(self, tag_key: str) -> int:
        return self._tags[tag_key]

    def on(self, station_id: UUID, connector_id: int) -> ActiveTransaction | None:
        return self._by_connector.get((station_id, connector_id))

    def of_station(self, station_id: UUID) -> list[ActiveTransaction]:
        return [t for (sid, _cid), t in self._by_connector.items() if sid == station_id]

    def by_id(self, tx_id: UUID) -> ActiveTransaction | None:
        for t in self.by_ocpp_id.values():
            if t.id == tx_id:
                return t
        return None

    def add(self, t: ActiveTransaction) -> None:
        self.by_ocpp_id[t.ocpp_id] = t
        self._tags[t.id_tag_key] += 1
        self._by_connector[(t.station_id, t.connector_id)] = t

    def remove(self, ocpp_id: int) -> ActiveTransaction | None:
        t = self.by_ocpp_id.pop(ocpp_id, None)
        if t is not None:
            if self._by_connector.get((t.station_id, t.connector_id)) is t:
                del self._by_connector[(t.station_id, t.connector_id)]
            self._tags[t.id_tag_key] -= 1
            if self._tags[t.id_tag_key] <= 0:
                del self._tags[t.id_tag_key]
        return t

    def __len__(self) -> int:
        return len(self.by_ocpp_id)
