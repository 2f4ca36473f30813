"""Running a report: the figures of a definition within the operator's domain.

Which rows answer (the metric definitions are in `core/reads/station_metrics.py`):

* Without user, user-group or tariff filters and breakdowns, every metric comes from the hourly
  aggregates per charging point (whole UTC days plus the hours at the buckets' edges).
* A filter or breakdown by charging user, user group or tariff cannot be served by the aggregates
  (they are per charging point): such a report reads the sessions' own hour shares joined to the
  sessions (indexed by hour), which is slower on long periods. Availability ignores those filters
  (it belongs to charging points, not to drivers) and says so in the report's notes.
* Unique users always come from the sessions (distinct users cannot be summed), index
  `(started_at, station_id, user_id)`.
* Connector type and AC/DC filters and the charging-point breakdown pick charging points.
* Domain: the stations are those the operator sees; group and station filters outside it are
  refused ("Operator access forbidden."), never silently emptied.
* Ratios (utilisation, error rate, availability) of a total or a bucket are computed from its summed
  parts, never averaged. The capacity of a bucket is its charging points × its length up to now.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from uuid import UUID

from evdesk.core.zones import site_zone
from evdesk.core.clock import utcnow
from evdesk.core.permissions import OperatorContext, require_group, require_station
from evdesk.core.reads import visible_station_ids
from evdesk.core.reads.station_metrics import (
    availability_pct,
    error_rate_pct,
    open_status_seconds,
    utilisation_pct,
)
from evdesk.core.reports.definition import (
    BREAKDOWNS,
    METRICS,
    Bucket,
    ReportDefinition,
    ResolvedPeriod,
    edges_of,
    resolve,
)
from evdesk.core.session_pricing import current_of
from evdesk.store.queries import aggregates as q

SESSION_PATH_KEYS = ("user", "user_group", "tariff")
TOTAL = "__total__"


@dataclass
class Parts:
    """The summed parts a metric is computed from."""

    sessions: int = 0
    failed: int = 0
    energy_wh: int = 0
    charging_s: float = 0
    plugged_s: float = 0
    unavailable_s: float = 0
    capacity_s: float = 0
    revenue_minor: int = 0
    users: set = field(default_factory=set)

    def add(self, other: "Parts") -> None:
        self.sessions += other.sessions
        self.failed += other.failed
        self.energy_wh += other.energy_wh
        self.charging_s += other.charging_s
        self.plugged_s += other.plugged_s
        self.unavailable_s += other.unavailable_s
        self.capacity_s += other.capacity_s
        self.revenue_minor += other.revenue_minor
        if other.users:
            self.users |= other.users

    def value(self, metric: str) -> float | None:
        if metric == "sessions":
            return float(self.sessions)
        if metric == "energy":
            return self.energy_wh / 1000.0
        if metric == "duration":
            return self.plugged_s / 3600.0
        if metric == "charging_time":
            return self.charging_s / 3600.0
        if metric == "parked_time":
            return max(0.0, self.plugged_s - self.charging_s) / 3600.0
        if metric == "revenue":
            return self.revenue_minor / 100.0
        if metric == "unique_users":
            return float(len(self.users))
        if metric == "utilisation":
            return utilisation_pct(self.plugged_s, self.capacity_s)
        if metric == "error_rate":
            return error_rate_pct(self.failed, self.sessions)
        if metric == "availability":
            return availability_pct(self.unavailable_s, self.capacity_s)
        raise KeyError(metric)


@dataclass
class Series:
    key: object
    label: str
    values: list[float | None]
    total: float | None


@dataclass
class ReportResult:
    definition: ReportDefinition
    title: str
    unit: str
    zone: str
    period: ResolvedPeriod
    compare_period: ResolvedPeriod | None
    total: Series  # per bucket
    series: list[Series]  # one per breakdown value (empty without a breakdown), largest total first
    compare: Series | None  # the comparison period's totals, bucket by bucket
    filters: list[str]
    notes: list[str]
    made_at: datetime

    @property
    def buckets(self) -> list[Bucket]:
        return self.period.buckets

    def bucket_label(self, n: int) -> str:
        return bucket_label(self.buckets[n], self.definition.grain)


def bucket_label(bucket: Bucket, grain: str) -> str:
    if grain == "hour":
        return bucket.start.strftime("%Y-%m-%d %H:%M")
    if grain == "month":
        return bucket.start.strftime("%Y-%m")
    if grain == "week":
        return f"{bucket.start.strftime('%Y-%m-%d')} (W{bucket.start.isocalendar()[1]:02d})"
    return bucket.start.strftime("%Y-%m-%d")


class ReportService:
    def __init__(self, store, stations, group_tree, settings, fold_aggregates=None):
        self.store = store
        self.stations = stations
        self.group_tree = group_tree
        self.settings = settings
        # brings the aggregates up to the committed rows first (the writer folds them in a moment late)
        self.fold_aggregates = fold_aggregates

    # -- scope ------------------------------------------------------------------------------------------
    def _stations(self, ctx: OperatorContext, d: ReportDefinition) -> list[UUID] | None:
        visible = visible_station_ids(ctx, self.stations)
        chosen: set[UUID] | None = None
        if d.group_ids:
            chosen = set()
            for group_id in d.group_ids:
                require_group(ctx, group_id)
                under = self.group_tree.index.subtree(group_id)
                chosen |= {s.id for s in self.stations.all() if s.group_id in under}
        if d.station_ids:
            picked = set()
            for station_id in d.station_ids:
                info = self.stations.get_by_id(station_id)
                require_station(ctx, info.group_id)
                picked.add(station_id)
            chosen = picked if chosen is None else chosen & picked
        if chosen is None:
            return visible
        return sorted(chosen if visible is None else chosen & set(visible))

    # -- running ------------------------------------------------------------------------------------------
    async def run(self, ctx: OperatorContext, definition: ReportDefinition, now: datetime | None = None) -> ReportResult:
        d = definition.validate()
        ctx = self.group_tree.fresh(ctx)
        now = now or utcnow()
        zone = site_zone(self.settings.site_timezone)
        period, compare_period = resolve(d, zone, now)
        stations = self._stations(ctx, d)
        currency = d.currency or self.settings.currency
        if self.fold_aggregates is not None:
            await self.fold_aggregates()
        cells = await self.store.read(self._cells, d, period, stations, currency, now)
        compare_cells = (await self.store.read(self._cells, d, compare_period, stations, currency, now)
                         if compare_period is not None else None)
        keys = {key for (_b, key) in cells if key != TOTAL}
        labels = await self._labels(d, keys)
        n = len(period.buckets)
        # buckets that have not begun are empty, not zero (a "this year" in November has no December yet)
        begun = sum(1 for b in period.buckets if b.first_hour * 3600 <= now.timestamp())
        total = self._series(d.metric, TOTAL, "Total", cells, n, begun)
        series = [self._series(d.metric, key, labels.get(key, str(key)), cells, n, begun)
                  for key in keys]
        series.sort(key=lambda s: (-(s.total or 0), s.label))
        compare = None
        if compare_cells is not None:
            compare = self._series(d.metric, TOTAL, f"Compared: {compare_period.label()}", compare_cells,
                                   len(compare_period.buckets))
        label, unit = METRICS[d.metric]
        if d.metric == "revenue":
            unit = currency
        notes = []
        if d.metric == "availability" and (d.user_ids or d.user_group_ids or d.tariffs):
            notes.append("Availability belongs to charging points: the user, user-group and tariff filters do not "
                         "change it.")
        return ReportResult(d, label, unit, getattr(zone, "key", str(zone)), period, compare_period, total, series,
                            compare, await self._filter_texts(d), notes, now)

    def _series(self, metric: str, key, label: str, cells: dict, n: int, begun: int | None = None) -> Series:
        values: list[float | None] = []
        whole = Parts()
        empty = Parts().value(metric)
        for b in range(n):
            if begun is not None and b >= begun:
                values.append(None)
                continue
            parts = cells.get((b, key))
            if parts is None:
                values.append(empty)
            else:
                values.append(parts.value(metric))
                whole.add(parts)
        return Series(key, label, values, whole.value(metric))

    # -- on a reader ----------------------------------------------------------------------------------
    def _cells(self, d: ReportDefinition, period: ResolvedPeriod, stations: list[UUID] | None, currency: str,
               now: datetime) -> dict[tuple, Parts]:
        """{(bucket, key): Parts} with key TOTAL for the totals and the breakdown values beside."""
        edges = edges_of(period.buckets)
        points = q.connectors_of(stations)
        wanted_points = None
        if d.connector_types or d.currents:
            types = {t.upper() for t in d.connector_types}
            wanted_points = {(s, c) for s, c, socket, _st, _at in points
                             if (not types or (socket or "").upper() in types)
                             and (not d.currents or current_of(socket) in d.currents)}
            points = [p for p in points if (p[0], p[1]) in wanted_points]
        group_of = {s.id: s.group_id for s in self.stations.all()}
        key_of = self._key_function(d.breakdown, group_of)
        cells: dict[tuple, Parts] = defaultdict(Parts)

        def put(bucket: int, point_key, parts: Parts) -> None:
            cells[(bucket, TOTAL)].add(parts)
            if d.breakdown != "none":
                cells[(bucket, point_key)].add(parts)

        session_path = bool(d.user_ids or d.user_group_ids or d.tariffs) or d.breakdown in SESSION_PATH_KEYS
        metric = d.metric
        # group the rows only as finely as the breakdown and the point filters need (fewer rows)
        if d.breakdown == "connector" or wanted_points is not None:
            point_by: tuple[str, ...] = ("station", "connector_id")
        elif d.breakdown in ("station", "group"):
            point_by = ("station",)
        else:
            point_by = ()
        extra_by = (d.breakdown,) if d.breakdown in SESSION_PATH_KEYS else ()
        width = len(point_by)

        def point_of(row_key: tuple) -> tuple:
            """(station, connector, the rest) of a (bucket, *point_by, *rest) key."""
            station = row_key[1] if width >= 1 else None
            connector = row_key[2] if width == 2 else None
            return station, connector, row_key[1 + width :]

        def wanted(station, connector) -> bool:
            return wanted_points is None or (station, connector) in wanted_points

        if metric == "unique_users":
            found = q.distinct_users(edges, stations, users=list(d.user_ids) or None,
                                     user_groups=list(d.user_group_ids) or None, tariffs=list(d.tariffs) or None,
                                     by=point_by + extra_by)
            for row_key, users in found.items():
                station, connector, rest = point_of(row_key)
                if wanted(station, connector):
                    put(row_key[0], key_of(station, connector, rest[0] if rest else None), Parts(users=set(users)))
            return dict(cells)
        if session_path and metric != "availability":
            found = q.session_sums(edges, stations, users=list(d.user_ids) or None,
                                   user_groups=list(d.user_group_ids) or None, tariffs=list(d.tariffs) or None,
                                   points=sorted(wanted_points) if wanted_points is not None else None,
                                   by=point_by + extra_by + ("currency",))
            for row_key, values in found.items():
                station, connector, rest = point_of(row_key)
                extra, money = (rest[0], rest[1]) if len(rest) == 2 else (None, rest[0])
                started, failed, energy, charging, plugged, revenue = values
                put(row_key[0], key_of(station, connector, extra),
                    Parts(started, failed, energy, charging, plugged,
                          revenue_minor=revenue if money == currency else 0))
        else:
            for row_key, v in q.point_sums(edges, stations, point_by).items():
                station, connector, _rest = point_of(row_key)
                if wanted(station, connector):
                    put(row_key[0], key_of(station, connector, None),
                        Parts(v[0], v[1], v[2], v[3], v[4], unavailable_s=v[6] + v[7]))
            if metric == "revenue":
                for row_key, (minor, _count) in q.revenue_sums(edges, stations, point_by).items():
                    station, connector, rest = point_of(row_key)
                    if rest[0] == currency and wanted(station, connector):
                        put(row_key[0], key_of(station, connector, None), Parts(revenue_minor=minor))
        if metric in ("utilisation", "availability"):
            self._add_capacity(period.buckets, points, key_of, put, now, metric == "availability")
        return dict(cells)

    @staticmethod
    def _add_capacity(buckets: list[Bucket], points, key_of, put, now: datetime, open_status: bool) -> None:
        """The points' time in each bucket (up to now), per breakdown key; for availability also the
        current status so far of the points that are Unavailable or Faulted now."""
        now_hour = now.timestamp() / 3600
        per_key: dict = defaultdict(int)
        for station, connector, *_rest in points:
            per_key[key_of(station, connector, None)] += 1
        down = [p for p in points if open_status and p[3] in ("Unavailable", "Faulted") and p[4] is not None]
        for n, b in enumerate(buckets):
            seconds = max(0.0, (min(b.end_hour, now_hour) - b.first_hour) * 3600)
            if seconds <= 0:
                continue
            for key, count in per_key.items():
                put(n, key, Parts(capacity_s=seconds * count))
            since = datetime.fromtimestamp(b.first_hour * 3600, timezone.utc)
            until = datetime.fromtimestamp(b.end_hour * 3600, timezone.utc)
            for station, connector, _socket, status, status_at in down:
                _o, unavailable, faulted = open_status_seconds(status, status_at, since, until, now)
                put(n, key_of(station, connector, None), Parts(unavailable_s=unavailable + faulted))

    @staticmethod
    def _key_function(breakdown: str, group_of: dict):
        if breakdown == "station":
            return lambda station, connector, extra: station
        if breakdown == "group":
            return lambda station, connector, extra: group_of.get(station)
        if breakdown == "connector":
            return lambda station, connector, extra: (station, connector)
        if breakdown in SESSION_PATH_KEYS:
            return lambda station, connector, extra: extra
        return lambda station, connector, extra: None

    # -- names -----------------------------------------------------------------------------------------
    def _station_name(self, station_id) -> str:
        try:
            return self.stations.get_by_id(station_id).display_name
        except Exception:  # a station removed since: its figures stay, under its id
            return f"Removed station {str(station_id)[:8]}"

    def _group_name(self, group_id) -> str:
        if group_id is None:
            return "(no group)"
        try:
            return self.group_tree.get(group_id).name
        except Exception:
            return f"Removed group {str(group_id)[:8]}"

    async def _labels(self, d: ReportDefinition, keys: set) -> dict:
        if d.breakdown == "station":
            return {k: self._station_name(k) for k in keys}
        if d.breakdown == "group":
            return {k: self._group_name(k) for k in keys}
        if d.breakdown == "connector":
            return {k: f"{self._station_name(k[0])} #{k[1]}" for k in keys}
        if d.breakdown == "tariff":
            return {k: k or "(no tariff)" for k in keys}
        ids = [k for k in keys if k is not None]
        reader = q.names_of_users if d.breakdown == "user" else q.names_of_user_groups
        names = await self.store.read(reader, ids) if ids else {}
        none_label = "(unknown tag)" if d.breakdown == "user" else "(no user group)"
        return {k: names.get(k, none_label if k is None else str(k)[:8]) for k in keys}

    async def _filter_texts(self, d: ReportDefinition) -> list[str]:
        out = []
        if d.group_ids:
            out.append("Groups: " + ", ".join(self._group_name(g) for g in d.group_ids))
        if d.station_ids:
            out.append("Stations: " + ", ".join(self._station_name(s) for s in d.station_ids))
        if d.user_group_ids:
            names = await self.store.read(q.names_of_user_groups, list(d.user_group_ids))
            out.append("User groups: " + ", ".join(names.get(g, str(g)[:8]) for g in d.user_group_ids))
        if d.user_ids:
            names = await self.store.read(q.names_of_users, list(d.user_ids))
            out.append("Charging users: " + ", ".join(names.get(u, str(u)[:8]) for u in d.user_ids))
        if d.tariffs:
            out.append("Tariffs: " + ", ".join(d.tariffs))
        if d.connector_types:
            out.append("Connector types: " + ", ".join(d.connector_types))
        if d.currents:
            out.append("Current: " + ", ".join(d.currents))
        if d.breakdown != "none":
            out.append("Breakdown: " + BREAKDOWNS[d.breakdown])
        return out or ["All charging points you see"]
