"""A station's Statistics tab and a charging group's statistics (the same figures over its subtree).

Figures (definitions in `station_metrics.py`): sessions, kWh, utilisation %, error rate and
availability %, per charging point and in total, over the last 7 or 30 days (a rolling window
ending now: "7 days" means the last 7 × 24 hours, whatever the zone). The station header's
"last 24 hours" figures come from `DashboardReads.last_24h` over the one station.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from evdesk.core.clock import utcnow
from evdesk.core.errors import NotFound, ValidationError
from evdesk.core.permissions import OperatorContext, require_group
from evdesk.core.reads import require_visible_station
from evdesk.core.reads import station_metrics as sm
from evdesk.core.station_cache import StationInfo
from evdesk.store.database import Store
from evdesk.store.queries import station_metrics as q

SPANS = (7, 30)


@dataclass(frozen=True)
class PointFigures:
    station_id: UUID | None  # None: a total
    station_name: str
    connector_id: int | None  # None: the whole station (or group)
    points: int  # charging points summed up
    sessions: int
    energy_wh: int
    ended: int
    failed: int
    busy_s: float  # connector time in sessions within the period
    out_of_service_s: float
    period_s: float

    @property
    def energy_kwh(self) -> float:
        return self.energy_wh / 1000

    @property
    def utilisation(self) -> float | None:
        return sm.percent(self.busy_s, self.points * self.period_s)

    @property
    def error_rate(self) -> float | None:
        return sm.percent(self.failed, self.ended)

    @property
    def availability(self) -> float | None:
        whole = self.points * self.period_s
        return None if not whole else 100.0 - sm.percent(self.out_of_service_s, whole)


@dataclass(frozen=True)
class Statistics:
    days: int
    since: datetime
    until: datetime
    total: PointFigures
    points: list[PointFigures]  # per charging point (a station), or per station (a group)


def _total(name: str, rows: list[PointFigures], period_s: float, station_id=None) -> PointFigures:
    return PointFigures(station_id, name, None, sum(r.points for r in rows), sum(r.sessions for r in rows),
                        sum(r.energy_wh for r in rows), sum(r.ended for r in rows), sum(r.failed for r in rows),
                        sum(r.busy_s for r in rows), sum(r.out_of_service_s for r in rows), period_s)


def _out_of_service(status: str) -> bool:
    return status in sm.OUT_OF_SERVICE_STATUSES


def _split_at(changes: list[tuple[datetime, bool]], since: datetime) -> tuple[bool, list[tuple[datetime, bool]]]:
    """(state at `since`: the last change before it, or in service; the changes from `since` on)."""
    start, later = False, []
    for at, out in changes:
        if at < since:
            start = out
        else:
            later.append((at, out))
    return start, later


def out_of_service_by_connector(info: StationInfo, recorded: dict, since: datetime, until: datetime) -> dict[int, float]:
    """Seconds each charging point of `info` was out of service in [since, until)."""
    connectors = recorded.get("connectors", {})
    whole = [(at, _out_of_service(s)) for at, s in connectors.get(0, [])]
    net = [(at, state != "online") for at, state in recorded.get("network", [])]
    whole_start, whole_later = _split_at(whole, since)
    net_start, net_later = _split_at(net, since)
    if not net:  # nothing recorded: as it is now
        net_start = info.connection_state != "online"
    if not whole and 0 in info.connectors:
        whole_start = _out_of_service(info.connectors[0].status)
    station_start, station_changes = sm.merge_out_of_service(whole_later, net_later, whole_start, net_start)
    out = {}
    for c in sm.charging_points(info):
        own = connectors.get(c.connector_id, [])
        own_start, own_later = _split_at([(at, _out_of_service(s)) for at, s in own], since)
        if not own:
            own_start = _out_of_service(c.status)
        start, changes = sm.merge_out_of_service(own_later, station_changes, own_start, station_start)
        out[c.connector_id] = sm.out_of_service_seconds(since, until, changes, start)
    return out


class StationStatisticsReads:
    def __init__(self, store: Store, stations, group_tree):
        self.store = store
        self.stations = stations
        self.group_tree = group_tree

    @staticmethod
    def _window(days: int, now: datetime | None) -> tuple[datetime, datetime]:
        if days not in SPANS:
            raise ValidationError("Statistics cover 7 or 30 days.", field="days")
        now = now or utcnow()
        return now - timedelta(days=days), now

    async def _figures(self, infos: list[StationInfo], since: datetime, until: datetime) -> list[PointFigures]:
        ids = [i.id for i in infos]

        def read():
            return (q.per_connector(ids, since, until, until),
                    q.status_changes(ids, since, until, sm.AVAILABILITY_LOOKBACK))

        sessions, recorded = await self.store.read(read)
        by_point = {(r[0], r[1]): r for r in sessions}
        period_s = (until - since).total_seconds()
        rows = []
        for info in infos:
            out = out_of_service_by_connector(info, recorded.get(info.id, {}), since, until)
            for c in sm.charging_points(info):
                _s, _c, n, wh, ended, failed, _last, busy = by_point.get((info.id, c.connector_id),
                                                                         (None, None, 0, 0, 0, 0, None, 0.0))
                rows.append(PointFigures(info.id, info.display_name, c.connector_id, 1, n, wh, ended, failed,
                                         min(busy, period_s), out.get(c.connector_id, 0.0), period_s))
        return rows

    async def station(self, ctx: OperatorContext, station_id: UUID, days: int,
                      now: datetime | None = None) -> Statistics:
        """One station's figures per charging point, and its total."""
        info = require_visible_station(ctx, self.stations, station_id)
        since, until = self._window(days, now)
        rows = await self._figures([info], since, until)
        return Statistics(days, since, until, _total(info.display_name, rows, (until - since).total_seconds(),
                                                     info.id), rows)

    async def group(self, ctx: OperatorContext, group_id: UUID, days: int, now: datetime | None = None) -> Statistics:
        """A charging group's figures over its subtree: per station, and in total."""
        if group_id not in self.group_tree.groups:
            raise NotFound("Charging group does not exist.")
        require_group(ctx, group_id)
        since, until = self._window(days, now)
        groups = self.group_tree.index.subtree(group_id)
        infos = sorted((s for s in self.stations.all() if s.group_id in groups and ctx.sees_station(s.group_id)),
                       key=lambda s: s.display_name.lower())
        rows = await self._figures(infos, since, until)
        period_s = (until - since).total_seconds()
        per_station = []
        for info in infos:
            mine = [r for r in rows if r.station_id == info.id]
            per_station.append(_total(info.display_name, mine, period_s, info.id))
        return Statistics(days, since, until, _total(self.group_tree.groups[group_id].name, rows, period_s),
                          per_station)
