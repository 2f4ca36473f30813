"""A station's Statistics tab and a charging group's statistics (the same figures over its subtree).

The figures — sessions, kWh, utilisation %, error rate, availability % — and their definitions
are `station_metrics.py`'s (the hourly aggregates the reports read too), over the last 7 or 30
days (a rolling window ending now: "7 days" is the last 7 × 24 hours). This service names the
rows for the screens: per charging point for a station, per station for a group, and a total.
The station header's "last 24 hours" come from `DashboardReads.last_24h` over the one station.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from evdesk.core.clock import utcnow
from evdesk.core.errors import NotFound, ValidationError
from evdesk.core.permissions import OperatorContext, require_group
from evdesk.core.reads import require_visible_station
from evdesk.core.reads.station_metrics import PointFigures, StationMetrics, total_of

SPANS = (7, 30)


@dataclass(frozen=True)
class StatisticsRow:
    name: str  # "Connector 2" for a station's point, the station's name in a group
    station_id: UUID | None
    connector_id: int | None
    figures: PointFigures


@dataclass(frozen=True)
class Statistics:
    days: int
    since: datetime
    until: datetime
    total: PointFigures
    rows: list[StatisticsRow]


class StationStatisticsReads:
    def __init__(self, metrics: StationMetrics, stations, group_tree):
        self.metrics = metrics
        self.stations = stations
        self.group_tree = group_tree

    @staticmethod
    def _window(days: int, now: datetime | None) -> tuple[datetime, datetime]:
        if days not in SPANS:
            raise ValidationError("Statistics cover 7 or 30 days.", field="days")
        now = now or utcnow()
        return now - timedelta(days=days), now

    async def station(self, ctx: OperatorContext, station_id: UUID, days: int,
                      now: datetime | None = None) -> Statistics:
        """One station's figures per charging point (connector 0, the station itself, left out)."""
        require_visible_station(ctx, self.stations, station_id)
        since, until = self._window(days, now)
        figures = [f for f in await self.metrics.figures(ctx, since, until, station_id=station_id, now=until)
                   if f.connector_id]
        rows = [StatisticsRow(f"Connector {f.connector_id}", station_id, f.connector_id, f)
                for f in sorted(figures, key=lambda f: f.connector_id)]
        return Statistics(days, since, until, total_of(figures, (until - since).total_seconds()), rows)

    async def group(self, ctx: OperatorContext, group_id: UUID, days: int, now: datetime | None = None) -> Statistics:
        """A charging group's figures over its subtree: per station, and in total."""
        if group_id not in self.group_tree.groups:
            raise NotFound("Charging group does not exist.")
        require_group(ctx, group_id)
        since, until = self._window(days, now)
        figures = [f for f in await self.metrics.figures(ctx, since, until, group_id=group_id, now=until)
                   if f.connector_id]
        period_s = (until - since).total_seconds()
        per_station: dict[UUID, list[PointFigures]] = {}
        for f in figures:
            per_station.setdefault(f.station_id, []).append(f)
        rows = []
        for station_id, points in per_station.items():
            info = self.stations.by_id.get(station_id)
            name = info.display_name if info else "(removed station)"
            rows.append(StatisticsRow(name, station_id, None, total_of(points, period_s)))
        rows.sort(key=lambda r: r.name.casefold())
        return Statistics(days, since, until, total_of(figures, period_s), rows)
