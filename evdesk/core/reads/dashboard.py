"""The dashboard: the site at a glance, limited to the operator's domain (REQUIREMENTS-DIGEST B1).

Rules decided here (the figures' definitions — sessions, energy, revenue — are those of
`station_metrics.py`, read from the hourly aggregates like the reports; point states are in
`point_states.py`):

* The **status picture** (summary line, donut, squares, faults) comes from the stations' state
  in memory (no store read): it is as live as the last status notification. The summary line
  counts the groups chosen with the gear (a group means its subtree; none chosen: the whole
  domain); the donut counts the whole domain, as EV Manager's does ("in operators domain").
* **Last 24 hours**: sessions started in the last 24 hours (from the start of the UTC hour 24 h
  ago: the aggregates' whole hours), the charging points they started on, the energy charged —
  over the whole domain.
* **Period cards** compare the elapsed part of a period with the same elapsed part of the one
  before: *today* (site midnight → now) with yesterday until the same clock time, *7 / 30 days*
  with the 7 / 30 days before, *this month* with last month until the same day and time (cut
  at its end). So a morning is never compared with a whole day. A refresh reads only a period's
  last `RECENT_HOURS` again; the hours before (settled: only late readings still change them) are
  kept and read again every `CHART_REREAD_S` seconds, as the chart's older buckets are.
* **Revenue** is per currency (a card each), from the fixed prices of ended sessions.
* **New charging users**: users created in the period (their time-ordered ids say when) whose
  home group the operator sees; **new stations**: stations created in the period in the domain.
* The **consumption chart** shows the whole domain whatever groups the gear chose (as the
  manual says: "regardless of selected groups"; clipped to the domain: an operator never sees
  other domains' figures). Buckets are hours, days, weeks (Monday) or months of the site's zone,
  whole ones (the first starts before the timeframe), cut from the aggregates at whole UTC hours
  (exact for zones with whole-hour offsets). A refresh reads only the last two buckets again (the
  one running and the one before, where late readings still add energy); all of them are read
  again every `CHART_REREAD_S` seconds and whenever the buckets moved on.
* **Faults & connectivity loss**: adopted stations that are offline (temporarily or long-term;
  never-connected ones are new, not lost), or whose connector (0 included) is Faulted or reports
  an error code; since when (the station's last sign of life, the connector's status time).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from uuid import UUID

from evdesk.core.clock import utcnow
from evdesk.core.errors import ValidationError
from evdesk.core.permissions import OperatorContext
from evdesk.core.reads import visible_station_ids
from evdesk.core.reads import point_states as sm
from evdesk.core.reads.station_metrics import hour_edges
from evdesk.core.station_cache import StationInfo
from evdesk.store.database import Store
from evdesk.store.aggregates import HOUR
from evdesk.store.queries import aggregates as aq
from evdesk.store.queries import dashboard as q

PERIODS = {"today": "Today", "7d": "Last 7 days", "30d": "Last 30 days", "month": "This month"}
TIMEFRAMES = {"24h": "Last 24 hours", "7d": "Last 7 days", "30d": "Last 30 days", "12m": "Last 12 months"}
GRAINS = ("hour", "day", "week", "month")
MAX_BUCKETS = 800
RECENT_HOURS = 2  # a card period's last hours, read at every refresh (the running hour and the one before)
CHART_REREAD_S = 600.0  # a chart's older buckets are read again this often (late readings move energy)  # hours of a month at most: a chart of more bars says nothing


@dataclass(frozen=True)
class StatusSummary:
    stations: int
    points: int
    by_state: dict[str, int]  # POINT_STATES → charging points

    @property
    def charging(self) -> int:
        return self.by_state.get(sm.CHARGING, 0)

    @property
    def in_error(self) -> int:
        return self.by_state.get(sm.ISSUE, 0)


@dataclass(frozen=True)
class Last24h:
    sessions: int
    points_used: int
    energy_wh: int


@dataclass(frozen=True)
class Figure:
    value: float
    previous: float

    @property
    def change(self) -> float | None:
        return sm.change_percent(self.value, self.previous)


@dataclass(frozen=True)
class PeriodCards:
    period: str
    since: datetime
    until: datetime
    previous_since: datetime
    previous_until: datetime
    sessions: Figure
    energy_kwh: Figure
    revenue: dict[str, Figure]  # currency → amount (major units)
    new_users: int
    new_stations: int


@dataclass(frozen=True)
class Bucket:
    start: datetime  # local, in the site's zone
    sessions: int
    energy_kwh: float


@dataclass(frozen=True)
class FaultRow:
    station_id: UUID
    station_name: str
    identity: str
    group_id: UUID | None
    problem: str
    since: datetime | None
    kind: str  # offline / fault


@dataclass(frozen=True)
class StatusPicture:
    chosen: StatusSummary  # the groups the gear chose (all: the domain)
    domain: StatusSummary  # the donut: the whole domain
    faults: list[FaultRow]


def id_floor(at: datetime) -> UUID:
    """The smallest UUIDv7 made at `at` or later (ids carry their creation time)."""
    ms = int(at.timestamp() * 1000)
    return UUID(int=(ms & 0xFFFFFFFFFFFF) << 80)


def created_at(row_id: UUID) -> datetime:
    return datetime.fromtimestamp((row_id.int >> 80) / 1000, tz=timezone.utc)


def _utc(local_naive: datetime, zone: tzinfo) -> datetime:
    return local_naive.replace(tzinfo=zone).astimezone(timezone.utc)


def period_bounds(period: str, zone: tzinfo, now: datetime) -> tuple[datetime, datetime, datetime, datetime]:
    """(since, until, previous since, previous until) in UTC, the rule in the module docstring."""
    local = now.astimezone(zone)
    if period == "today":
        today = local.date()
        start = datetime(today.year, today.month, today.day)
        prev_start = start - timedelta(days=1)
        prev_end = prev_start + (local.replace(tzinfo=None) - start)
        return (_utc(start, zone), now, _utc(prev_start, zone), _utc(prev_end, zone))
    if period in ("7d", "30d"):
        days = timedelta(days=7 if period == "7d" else 30)
        return now - days, now, now - 2 * days, now - days
    if period == "month":
        start = datetime(local.year, local.month, 1)
        before = start - timedelta(days=1)
        prev_start = datetime(before.year, before.month, 1)
        prev_end = min(prev_start + (local.replace(tzinfo=None) - start), start)
        return (_utc(start, zone), now, _utc(prev_start, zone), _utc(prev_end, zone))
    raise ValidationError(f"Choose a period: {', '.join(PERIODS.values())}.", field="period")


def bucket_start(local: datetime, grain: str) -> datetime:
    if grain == "hour":
        return local.replace(minute=0, second=0, microsecond=0)
    day = local.replace(hour=0, minute=0, second=0, microsecond=0)
    if grain == "day":
        return day
    if grain == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def bucket_starts(since_local: datetime, until_local: datetime, grain: str) -> list[datetime]:
    """Every bucket from the one holding `since_local` to the one holding `until_local` (naive local)."""
    out, at = [], bucket_start(since_local, grain)
    while at <= until_local and len(out) < MAX_BUCKETS:
        out.append(at)
        if grain == "hour":
            at += timedelta(hours=1)
        elif grain == "day":
            at += timedelta(days=1)
        elif grain == "week":
            at += timedelta(days=7)
        else:
            at = (at.replace(day=28) + timedelta(days=4)).replace(day=1)
    return out


def fault_of(info: StationInfo) -> FaultRow | None:
    """The station's entry in Faults & connectivity loss (the rule above), or None."""
    if info.registration != "adopted":
        return None
    if info.connection_state in ("temporarily_unavailable", "long_term_unavailable"):
        label = "Offline (long-term)" if info.connection_state == "long_term_unavailable" else "Offline"
        return FaultRow(info.id, info.display_name, info.identity, info.group_id, label, info.last_seen, "offline")
    if info.connection_state != "online":
        return None
    problems, since = [], None
    for cid, c in sorted(info.connectors.items()):
        if c.status == "Faulted" or (c.error_code or "NoError") != "NoError":
            where = "station" if cid == 0 else f"connector {cid}"
            detail = c.error_code if c.error_code and c.error_code != "NoError" else "no error code"
            extra = f", {c.info}" if c.info else ""
            problems.append(f"{where} {c.status}: {detail}{extra}")
            if c.status_at is not None and (since is None or c.status_at < since):
                since = c.status_at
    if not problems:
        return None
    return FaultRow(info.id, info.display_name, info.identity, info.group_id, "; ".join(problems), since, "fault")


class DashboardReads:
    def __init__(self, store: Store, stations, group_tree):
        self.store = store
        self.stations = stations
        self.group_tree = group_tree
        self._charts: dict = {}  # (scope, timeframe, grain, zone) -> (bucket starts, buckets, when read in full)
        self._settled: dict = {}  # (sums fn, card period's hour edges, scope) -> (settled part's sums, when read)
        self._last_settled: dict = {}  # settled parts the reader just read, for the loop to keep

    # -- in memory ------------------------------------------------------------------------------------
    def visible_stations(self, ctx: OperatorContext, group_ids=None) -> list[StationInfo]:
        """The stations the operator sees; with `group_ids`, those in these groups' subtrees."""
        out = [s for s in self.stations.all() if ctx.sees_station(s.group_id)]
        if group_ids:
            wanted = set()
            for gid in group_ids:
                if gid in self.group_tree.groups and ctx.sees_group(gid):
                    wanted |= self.group_tree.index.subtree(gid)
            out = [s for s in out if s.group_id in wanted]
        return out

    def status_summary(self, ctx: OperatorContext, group_ids=None) -> StatusSummary:
        return self.status_picture(ctx, group_ids).chosen

    def faults(self, ctx: OperatorContext) -> list[FaultRow]:
        return self.status_picture(ctx).faults

    def status_picture(self, ctx: OperatorContext, group_ids=None) -> StatusPicture:
        """The summary of the chosen groups, the donut's counts over the domain and the faults, in one
        pass over the stations in memory (it runs a few times a second while statuses change)."""
        wanted = None
        if group_ids:
            wanted = set()
            for gid in group_ids:
                if gid in self.group_tree.groups and ctx.sees_group(gid):
                    wanted |= self.group_tree.index.subtree(gid)
        domain = dict.fromkeys(sm.POINT_STATES, 0)
        chosen = dict.fromkeys(sm.POINT_STATES, 0)
        stations = chosen_stations = 0
        faults = []
        point_state, sees = sm.point_state, ctx.sees_station
        # One loop over each station's connectors counts its points (counts need no order) and tells
        # whether `fault_of` can find anything: only an adopted station that is not online or has a
        # Faulted connector or an error code (connector 0 too) is looked at again.
        for info in self.stations.all():
            if not sees(info.group_id):
                continue
            stations += 1
            counted = (domain, chosen) if wanted is None or info.group_id in wanted else (domain,)
            chosen_stations += len(counted) - 1
            suspect = info.connection_state != "online"
            for cid, c in info.connectors.items():
                if c.status == "Faulted" or (c.error_code or "NoError") != "NoError":
                    suspect = True
                if cid:
                    state = point_state(info, c)
                    for counts in counted:
                        counts[state] += 1
            if suspect and info.registration == "adopted":
                fault = fault_of(info)
                if fault is not None:
                    faults.append(fault)
        faults.sort(key=lambda r: (r.since or datetime.max.replace(tzinfo=timezone.utc), r.station_name.lower()))
        return StatusPicture(StatusSummary(chosen_stations, sum(chosen.values()), chosen),
                             StatusSummary(stations, sum(domain.values()), domain), faults)


    def _kept_sums(self, key) -> dict | None:
        """The settled part's sums of a card period read within `CHART_REREAD_S`, or None."""
        found = self._settled.get(key)
        if found is None or time.monotonic() - found[1] >= CHART_REREAD_S:
            return None
        return found[0]

    def _settled_sums(self, key, ids, kept: dict | None) -> dict:
        """(reader) A card period's sums: its settled part [first hour, end − RECENT_HOURS) from `kept`
        (or read, and left in `_last_settled` for the caller to keep), plus the recent hours read now.
        The two parts' hour rows partition the period, so their sum is the period's."""
        fn, (first, end), _scope = key
        if end - first <= RECENT_HOURS:
            return fn([first, end], ids)
        settled = kept
        if settled is None:
            settled = fn([first, end - RECENT_HOURS], ids)
            self._last_settled[key] = settled
        out = {k: list(values) for k, values in settled.items()}
        for k, values in fn([end - RECENT_HOURS, end], ids).items():
            found = out.setdefault(k, [0] * len(values))
            for n, v in enumerate(values):
                found[n] += v
        return out

    def _scope(self, ctx: OperatorContext, station_ids: list[UUID] | None) -> list[UUID] | None:
        if station_ids is None:
            return visible_station_ids(ctx, self.stations)
        by_id = self.stations.by_id
        return [i for i in station_ids if i in by_id and ctx.sees_station(by_id[i].group_id)]

    # -- from the hourly aggregates ------------------------------------------------------------------
    async def last_24h(self, ctx: OperatorContext, now: datetime | None = None,
                       station_ids: list[UUID] | None = None) -> Last24h:
        """Over the whole domain, or over the stations given (those the operator sees among them)."""
        now = now or utcnow()
        ids = self._scope(ctx, station_ids)
        first, end = hour_edges(now - timedelta(hours=24), now)
        sessions, energy_wh, used = await self.store.read(aq.activity, first, end, ids)
        return Last24h(sessions, used, energy_wh)

    async def period_cards(self, ctx: OperatorContext, period: str, zone: tzinfo,
                           now: datetime | None = None) -> PeriodCards:
        now = now or utcnow()
        since, until, prev_since, prev_until = period_bounds(period, zone, now)
        ids = visible_station_ids(ctx, self.stations)
        homes = None if ctx.is_root else ctx.domain_groups
        current, previous = hour_edges(since, until), hour_edges(prev_since, prev_until)
        scope = None if ids is None else frozenset(ids)
        keys = [(fn, edges, scope) for fn in (aq.point_sums, aq.revenue_sums) for edges in (current, previous)]
        kept = {key: self._kept_sums(key) for key in keys}

        def read():
            sums = [self._settled_sums(key, ids, kept[key]) for key in keys]
            return (*sums, q.new_users(homes, id_floor(since), id_floor(until)))

        cur, prev, cur_money, prev_money, users = await self.store.read(read)
        now_mono = time.monotonic()
        for key in keys:
            fresh = self._last_settled.pop(key, None)
            if fresh is not None:
                self._settled.pop(key, None)
                self._settled[key] = (fresh, now_mono)
        while len(self._settled) > 16:
            self._settled.pop(next(iter(self._settled)))
        cur_sums, prev_sums = _only(cur), _only(prev)
        cur_minor, prev_minor = _per_currency(cur_money), _per_currency(prev_money)
        revenue = {c: Figure(cur_minor.get(c, 0) / 100, prev_minor.get(c, 0) / 100)
                   for c in sorted(set(cur_minor) | set(prev_minor))}
        new_stations = sum(1 for s in self.visible_stations(ctx) if since <= created_at(s.id) < until)
        return PeriodCards(period, since, until, prev_since, prev_until, Figure(cur_sums[0], prev_sums[0]),
                           Figure(cur_sums[2] / 1000, prev_sums[2] / 1000), revenue, users, new_stations)

    async def consumption(self, ctx: OperatorContext, timeframe: str, grain: str, zone: tzinfo,
                          now: datetime | None = None, station_ids: list[UUID] | None = None) -> list[Bucket]:
        """kWh and sessions per bucket over the timeframe (the rule above)."""
        if timeframe not in TIMEFRAMES:
            raise ValidationError(f"Choose a timeframe: {', '.join(TIMEFRAMES.values())}.", field="timeframe")
        if grain not in GRAINS:
            raise ValidationError("Choose hours, days, weeks or months.", field="grain")
        now = now or utcnow()
        span = {"24h": timedelta(hours=24), "7d": timedelta(days=7), "30d": timedelta(days=30),
                "12m": timedelta(days=365)}[timeframe]
        if grain == "hour" and span > timedelta(days=31):
            raise ValidationError("Hours make too many bars for a year: choose days, weeks or months.", field="grain")
        ids = self._scope(ctx, station_ids)
        starts = bucket_starts((now - span).astimezone(zone).replace(tzinfo=None),
                               now.astimezone(zone).replace(tzinfo=None), grain)
        edges = [int(_utc(start, zone).timestamp()) // HOUR for start in starts]
        edges.append(hour_edges(now, now)[1])
        key = (None if ids is None else frozenset(ids), timeframe, grain, str(zone))
        kept = self._charts.get(key)
        first = 0
        if kept is not None and kept[0] == starts[:len(kept[0])] and time.monotonic() - kept[2] < CHART_REREAD_S:
            first = max(0, len(kept[0]) - 2)  # the buckets before the last two are read already
        sums = await self.store.read(aq.point_sums, edges[first:], ids)
        fresh = [Bucket(start.replace(tzinfo=zone), int(sums.get((n,), [0, 0, 0])[0]),
                        sums.get((n,), [0, 0, 0])[2] / 1000) for n, start in enumerate(starts[first:])]
        if first:
            old = {b.start: b for b in kept[1]}
            buckets = [old.get(start.replace(tzinfo=zone)) or Bucket(start.replace(tzinfo=zone), 0, 0.0)
                       for start in starts[:first]] + fresh
            read_at = kept[2]
        else:
            buckets, read_at = fresh, time.monotonic()
        self._charts.pop(key, None)
        self._charts[key] = (starts, buckets, read_at)
        while len(self._charts) > 8:
            self._charts.pop(next(iter(self._charts)))
        return buckets


def _only(sums: dict) -> list:
    """The sums of the one bucket of a period (zeros when nothing was recorded)."""
    out = [0] * len(aq.POINT_SUMS)
    for values in sums.values():
        out = [a + b for a, b in zip(out, values)]
    return out


def _per_currency(sums: dict) -> dict[str, int]:
    out: dict[str, int] = {}
    for key, (minor, _count) in sums.items():
        currency = key[-1]
        if currency and minor:
            out[currency] = out.get(currency, 0) + int(minor)
    return out
