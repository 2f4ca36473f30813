"""Figures of charging points over a period, from the hourly aggregates, within the operator's domain.

The definitions (the reports, the station Statistics tab, group statistics and the charging-points
overview all use these; the aggregates they come from are described in `store/aggregates.py`):

* **Sessions**: sessions that *started* in the period (a session counts once, where it started).
* **Failed session**: one that ended without charging — state "failed" (a remote start no car took
  up), refused at its Start (flag "not_authorized"), or finished / closed without a Stop with no
  energy (none known, or 0 Wh). A running session is not failed.
* **Error rate %** = failed sessions / sessions × 100 (sessions started in the period; "—" / None
  when there were none).
* **Energy (kWh)**: register growth in the period (readings spread evenly between two points), so a
  session across midnight gives each day its part; a meter that goes backwards adds nothing.
* **Plugged time** (duration): from a session's start to its stop (a running one: to its newest
  reading), the part inside the period. **Charging time**: the part of it in which the register grew
  (between two register points with growth). **Parked time** = plugged − charging.
* **Utilisation %** = plugged time / (charging points × length of the period up to now) × 100.
  Charging points are the stations' connectors (1..n) in the filter, counted for the whole period.
* **Availability %** = 100 − (Unavailable + Faulted time) / (charging points × period up to now) ×
  100, from the connectors' status notifications: a status lasts until the next one; time before a
  point's first notification counts as available; the current status counts up to now. A station's
  lost connection is not in it (the status it last reported stands) — the dashboard shows offline
  stations separately.
* **Revenue**: the prices of the sessions started in the period, per currency, in minor units;
  sessions without a price (running, or pre-tariff) add nothing.
* **Unique users**: different charging users who started sessions in the period (sessions with an
  unknown tag do not count); computed from the sessions, not the aggregates.

A running session's newest readings reach the figures at most 5 minutes late (its Stop at once).
Periods are read in whole UTC hours: `since` from the start of its hour, `until` to the end of the
hour it falls in (a period ending now includes the current hour so far).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from uuid import UUID

from evdesk.core.clock import utcnow
from evdesk.core.errors import AccessDenied, ValidationError
from evdesk.core.permissions import ACCESS_DENIED, OperatorContext, Permission, require_group
from evdesk.core.reads import require_visible_station, visible_station_ids
from evdesk.core.session_pricing import current_of
from evdesk.store.aggregates import HOUR, rebuild
from evdesk.store.database import Store
from evdesk.store.queries import aggregates as q

UNAVAILABLE_STATUSES = frozenset({"Unavailable", "Faulted"})


def utilisation_pct(plugged_s: float, capacity_s: float) -> float | None:
    return None if capacity_s <= 0 else min(100.0, 100.0 * plugged_s / capacity_s)


def error_rate_pct(failed: int, sessions: int) -> float | None:
    return None if sessions <= 0 else 100.0 * failed / sessions


def availability_pct(unavailable_s: float, capacity_s: float) -> float | None:
    return None if capacity_s <= 0 else max(0.0, 100.0 - 100.0 * unavailable_s / capacity_s)


def hour_edges(since: datetime, until: datetime) -> tuple[int, int]:
    """[first hour, end hour) of a period in epoch hours (whole UTC hours around it)."""
    lo = int(since.timestamp()) // HOUR
    hi = -(-int(until.timestamp()) // HOUR)
    return lo, max(hi, lo + 1)


@dataclass
class PointFigures:
    """One charging point's figures over a period (or their sum over many: `points` > 1)."""

    station_id: UUID | None
    connector_id: int | None
    current: str = ""  # AC / DC
    points: int = 1
    period_s: float = 0.0  # the period up to now
    sessions: int = 0
    failed: int = 0
    energy_wh: int = 0
    charging_s: int = 0
    plugged_s: int = 0
    occupied_s: float = 0.0
    unavailable_s: float = 0.0
    faulted_s: float = 0.0
    revenue_minor: dict[str, int] = field(default_factory=dict)

    @property
    def parked_s(self) -> int:
        return max(0, self.plugged_s - self.charging_s)

    @property
    def capacity_s(self) -> float:
        return self.points * self.period_s

    @property
    def utilisation_pct(self) -> float | None:
        return utilisation_pct(self.plugged_s, self.capacity_s)

    @property
    def error_rate_pct(self) -> float | None:
        return error_rate_pct(self.failed, self.sessions)

    @property
    def availability_pct(self) -> float | None:
        return availability_pct(self.unavailable_s + self.faulted_s, self.capacity_s)

    def add(self, other: "PointFigures") -> None:
        for name in ("sessions", "failed", "energy_wh", "charging_s", "plugged_s", "occupied_s", "unavailable_s",
                     "faulted_s"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for currency, minor in other.revenue_minor.items():
            self.revenue_minor[currency] = self.revenue_minor.get(currency, 0) + minor


def total_of(figures: list[PointFigures], period_s: float) -> PointFigures:
    out = PointFigures(None, None, points=len(figures), period_s=period_s)
    for f in figures:
        out.add(f)
    return out


def open_status_seconds(status: str, status_at: datetime | None, since: datetime, until: datetime,
                        now: datetime) -> tuple[float, float, float]:
    """(occupied, unavailable, faulted) seconds of a point's current status inside the period (the
    aggregates hold only closed intervals)."""
    if status_at is None:
        return 0.0, 0.0, 0.0
    seconds = max(0.0, (min(until, now) - max(since, status_at)).total_seconds())
    if status == "Faulted":
        return 0.0, 0.0, seconds
    if status == "Unavailable":
        return 0.0, seconds, 0.0
    from evdesk.store.aggregates import OCCUPIED_STATUSES

    return (seconds, 0.0, 0.0) if status in OCCUPIED_STATUSES else (0.0, 0.0, 0.0)


class StationMetrics:
    """Per charging point figures of a station, a group's subtree or the operator's whole domain."""

    def __init__(self, store: Store, stations, group_tree, fold_aggregates=None):
        self.store = store
        self.stations = stations
        self.group_tree = group_tree
        # brings the aggregates up to the committed rows first (the writer folds them in a moment late)
        self.fold_aggregates = fold_aggregates

    def station_scope(self, ctx: OperatorContext, *, station_id: UUID | None = None,
                      group_id: UUID | None = None) -> list[UUID] | None:
        """The station ids in scope (None: every station — a whole-site admin without a filter)."""
        ctx = self.group_tree.fresh(ctx)
        if station_id is not None:
            require_visible_station(ctx, self.stations, station_id)
            return [station_id]
        visible = visible_station_ids(ctx, self.stations)
        if group_id is None:
            return visible
        require_group(ctx, group_id)
        under = self.group_tree.index.subtree(group_id)
        return [s.id for s in self.stations.all() if s.group_id in under and (visible is None or s.id in set(visible))]

    async def figures(self, ctx: OperatorContext, since: datetime, until: datetime, *, station_id: UUID | None = None,
                      group_id: UUID | None = None, now: datetime | None = None) -> list[PointFigures]:
        """Each charging point's figures over [since, until) (whole UTC hours, see the module)."""
        if until <= since:
            raise ValidationError("The period must end after it starts.", field="until")
        stations = self.station_scope(ctx, station_id=station_id, group_id=group_id)
        lo, hi = hour_edges(since, until)
        now = now or utcnow()
        period_s = max(0.0, (min(until, now) - since).total_seconds())

        def read():
            return (q.point_sums([lo, hi], stations, ("station", "connector_id")),
                    q.revenue_sums([lo, hi], stations, ("station", "connector_id")),
                    q.connectors_of(stations))

        if self.fold_aggregates is not None:
            await self.fold_aggregates()
        sums, revenue, points = await self.store.read(read)
        out: dict[tuple, PointFigures] = {}
        for station, connector, socket_type, status, status_at in points:
            f = out[(station, connector)] = PointFigures(station, connector, current_of(socket_type), period_s=period_s)
            occupied, unavailable, faulted = open_status_seconds(status, status_at, since, until, now)
            f.occupied_s, f.unavailable_s, f.faulted_s = occupied, unavailable, faulted
        for (_bucket, station, connector), values in sums.items():
            f = out.get((station, connector))
            if f is None:  # a point with history but no connector row now (removed): still its figures
                f = out[(station, connector)] = PointFigures(station, connector, period_s=period_s)
            started, failed, energy, charging, plugged, occupied, unavailable, faulted = values
            f.sessions += started
            f.failed += failed
            f.energy_wh += energy
            f.charging_s += charging
            f.plugged_s += plugged
            f.occupied_s += occupied
            f.unavailable_s += unavailable
            f.faulted_s += faulted
        for (_bucket, station, connector, currency), (minor, _count) in revenue.items():
            f = out.get((station, connector))
            if f is not None and currency:
                f.revenue_minor[currency] = f.revenue_minor.get(currency, 0) + minor
        return sorted(out.values(), key=lambda f: (str(f.station_id), f.connector_id))

    async def last_days(self, ctx: OperatorContext, days: int, **scope) -> list[PointFigures]:
        """The figures of the last `days` × 24 hours up to now (the Statistics tab's 7 / 30 days)."""
        now = utcnow()
        return await self.figures(ctx, now - timedelta(days=days), now, now=now, **scope)

    async def rebuild(self, ctx: OperatorContext, progress=None) -> dict:
        """Compute every aggregate again from the raw rows (whole-site admins; `evdesk aggregates
        rebuild`). One transaction: readers see the old figures until it commits."""
        if not ctx.can_site_wide(Permission.SITE_SETTINGS):
            raise AccessDenied(ACCESS_DENIED)
        return await self.store.atomic(rebuild, progress)
