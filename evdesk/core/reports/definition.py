"""What a report is: a metric, a period with an optional comparison, a grain, filters and a breakdown;
and how a period becomes buckets in the site's time zone.

Rules decided here:

* Periods are local calendar periods in the site's zone (reports use the site zone, manual 001
  l.1290): today, yesterday, last 7 / 30 days (ending today), this / last week (ISO, Monday), this /
  last month, this / last year, custom (first and last day, both included).
* Compare to the preceding period: the calendar period before (last month for this month, the week
  before for a week, the N days before for N days); the same period last year: the dates a year
  earlier (29 February → 28 February). Compare buckets line up by position.
* Grain: hour, day, week (Monday start), month; the first and last week or month may be partial (cut
  at the period). At most 2,000 buckets (e.g. hours over 83 days).
* DST: buckets are local wall-clock periods; a local day is 23 or 25 UTC hours on a change day, an
  hour grain shows the local hours as they happened (two 02:00s in autumn, none in spring).
* Half-hour and 45-minute zones (e.g. Asia/Kolkata, Australia/Adelaide): the aggregates are whole UTC
  hours, so a bucket starts at the first whole UTC hour at or after its local start: each UTC hour
  counts in the local day in which it starts (in +05:30 a day's figures run from 00:30 to 00:30).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from uuid import UUID

from evdesk.core.errors import ValidationError

METRICS = {  # key: (label, unit)
    "sessions": ("Sessions", ""),
    "energy": ("Energy", "kWh"),
    "duration": ("Plugged time (duration)", "h"),
    "charging_time": ("Charging time", "h"),
    "parked_time": ("Parked time", "h"),
    "revenue": ("Revenue", ""),
    "unique_users": ("Unique charging users", ""),
    "utilisation": ("Utilisation", "%"),
    "error_rate": ("Error rate", "%"),
    "availability": ("Availability", "%"),
}
PERIODS = {
    "today": "Today", "yesterday": "Yesterday", "last_7_days": "Last 7 days", "last_30_days": "Last 30 days",
    "this_week": "This week", "last_week": "Last week", "this_month": "This month", "last_month": "Last month",
    "this_year": "This year", "last_year": "Last year", "custom": "Custom",
}
COMPARES = {"none": "No comparison", "previous": "Preceding period", "last_year": "Same period last year"}
GRAINS = {"hour": "Hour", "day": "Day", "week": "Week", "month": "Month"}
BREAKDOWNS = {"none": "None", "station": "Station", "group": "Charging group", "user": "Charging user",
              "user_group": "User group", "tariff": "Tariff", "connector": "Charging point"}
CURRENTS = ("AC", "DC")
MAX_BUCKETS = 2000
FIRST_DAY, LAST_DAY = date(1971, 1, 1), date(2999, 12, 31)  # custom periods: the figures' epoch hours hold them
MAX_FILTER_VALUES = 5000


@dataclass(frozen=True)
class ReportDefinition:
    metric: str = "energy"
    period: str = "this_month"
    first_day: date | None = None  # custom only
    last_day: date | None = None  # custom only, included
    compare: str = "none"
    grain: str = "day"
    breakdown: str = "none"
    group_ids: tuple[UUID, ...] = ()  # each with its subgroups
    station_ids: tuple[UUID, ...] = ()
    user_group_ids: tuple[UUID, ...] = ()
    user_ids: tuple[UUID, ...] = ()
    tariffs: tuple[str, ...] = ()  # tariff names as the sessions keep them
    connector_types: tuple[str, ...] = ()  # socket types, e.g. Type2, CCS
    currents: tuple[str, ...] = ()  # AC / DC
    currency: str = ""  # revenue: "" = the site's currency

    def validate(self) -> "ReportDefinition":
        for name, allowed in (("metric", METRICS), ("period", PERIODS), ("compare", COMPARES), ("grain", GRAINS),
                              ("breakdown", BREAKDOWNS)):
            if getattr(self, name) not in allowed:
                raise ValidationError(f"Choose one of: {', '.join(allowed)}.", field=name)
        if self.period == "custom":
            if self.first_day is None or self.last_day is None:
                raise ValidationError("A custom period needs its first and last day.", field="first_day")
            if self.last_day < self.first_day:
                raise ValidationError("The last day must not be before the first day.", field="last_day")
            if (self.last_day - self.first_day).days > 366 * 5:
                raise ValidationError("A custom period can be at most five years long.", field="last_day")
            for name in ("first_day", "last_day"):  # with the year before (a comparison), still a real date
                if not FIRST_DAY <= getattr(self, name) <= LAST_DAY:
                    raise ValidationError(f"Choose days from {FIRST_DAY.year} to {LAST_DAY.year}.", field=name)
        if any(c not in CURRENTS for c in self.currents):
            raise ValidationError("AC or DC.", field="currents")
        for name in ("group_ids", "station_ids", "user_group_ids", "user_ids", "tariffs", "connector_types"):
            if len(getattr(self, name)) > MAX_FILTER_VALUES:
                raise ValidationError(f"At most {MAX_FILTER_VALUES} values in one filter.", field=name)
        if self.currency and (len(self.currency) != 3 or not self.currency.isalpha() or not self.currency.isascii()):
            raise ValidationError("Use a three-letter currency code, e.g. EUR.", field="currency")
        if self.metric == "availability" and self.breakdown in ("user", "user_group", "tariff"):
            raise ValidationError("Availability belongs to charging points: break it down by station, group or "
                                  "charging point.", field="breakdown")
        return self

    def to_dict(self) -> dict:
        out = asdict(self)
        for key, value in out.items():
            if isinstance(value, tuple):
                out[key] = [str(v) for v in value]
            elif isinstance(value, date):
                out[key] = value.isoformat()
        return out

    @classmethod
    def from_dict(cls, data: dict) -> "ReportDefinition":
        """A definition from plain data (a saved report, the API); unknown keys are refused."""
        if not isinstance(data, dict):
            raise ValidationError("A report definition is an object.", field="definition")
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValidationError(f"Unknown report field: {sorted(unknown)[0]}.", field=sorted(unknown)[0])
        values: dict = {}
        for name, value in data.items():
            if name in ("first_day", "last_day"):
                values[name] = _day(value, name)
            elif name.endswith("_ids"):
                values[name] = tuple(_uuid(v, name) for v in _listed(value, name))
            elif name in ("tariffs", "connector_types", "currents"):
                values[name] = tuple(_text(v, name, 200) for v in _listed(value, name))
            else:
                values[name] = _text(value, name, 40)
        return cls(**values).validate()


def _listed(value, name: str) -> list:
    if value is None:
        return []
    if not isinstance(value, (list, tuple)):
        raise ValidationError("Give a list.", field=name)
    if len(value) > MAX_FILTER_VALUES:
        raise ValidationError(f"At most {MAX_FILTER_VALUES} values in one filter.", field=name)
    return list(value)


def _text(value, name: str, limit: int) -> str:
    if not isinstance(value, str) or len(value) > limit or "\x00" in value:
        raise ValidationError(f"Give a text of at most {limit} characters.", field=name)
    return value


def _uuid(value, name: str) -> UUID:
    try:
        return UUID(str(value)) if isinstance(value, (str, UUID)) else UUID(int=-1)
    except ValueError:
        raise ValidationError("Not a known id.", field=name) from None


def _day(value, name: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(_text(value, name, 10))
    except ValueError:
        raise ValidationError("Give a date as YYYY-MM-DD.", field=name) from None


# -- periods ------------------------------------------------------------------------------------------
def _month_start(d: date, back: int = 0) -> date:
    index = d.year * 12 + d.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


def period_days(definition: ReportDefinition, today: date) -> tuple[date, date]:
    """[first day, day after the last) of the definition's period, `today` in the site zone."""
    p = definition.period
    if p == "today":
        return today, today + timedelta(days=1)
    if p == "yesterday":
        return today - timedelta(days=1), today
    if p == "last_7_days":
        return today - timedelta(days=6), today + timedelta(days=1)
    if p == "last_30_days":
        return today - timedelta(days=29), today + timedelta(days=1)
    monday = today - timedelta(days=today.weekday())
    if p == "this_week":
        return monday, monday + timedelta(days=7)
    if p == "last_week":
        return monday - timedelta(days=7), monday
    if p == "this_month":
        return _month_start(today), _month_start(today, -1)
    if p == "last_month":
        return _month_start(today, 1), _month_start(today)
    if p == "this_year":
        return date(today.year, 1, 1), date(today.year + 1, 1, 1)
    if p == "last_year":
        return date(today.year - 1, 1, 1), date(today.year, 1, 1)
    return definition.first_day, definition.last_day + timedelta(days=1)


def _year_before(d: date) -> date:
    try:
        return d.replace(year=d.year - 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year - 1, day=28)


def compare_days(definition: ReportDefinition, first: date, end: date) -> tuple[date, date] | None:
    if definition.compare == "none":
        return None
    if definition.compare == "last_year":
        return _year_before(first), _year_before(end)
    if definition.period in ("this_month", "last_month"):
        return _month_start(first, 1), first
    if definition.period in ("this_year", "last_year"):
        return date(first.year - 1, 1, 1), first
    length = end - first
    return first - length, first


# -- buckets --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Bucket:
    start: datetime  # local, aware
    end: datetime
    first_hour: int  # epoch hours of the UTC hours read for it: [first_hour, end_hour)
    end_hour: int

    @property
    def seconds(self) -> float:
        return (self.end_hour - self.first_hour) * 3600.0


def local_midnight(d: date, zone: tzinfo) -> datetime:
    return datetime.combine(d, time(0), tzinfo=zone)


def _hour_at_or_after(at: datetime) -> int:
    return math.ceil(at.astimezone(timezone.utc).timestamp() / 3600)


def buckets(first: date, end: date, grain: str, zone: tzinfo) -> list[Bucket]:
    """The period [first, end) in the site zone cut into buckets of `grain`."""
    if grain == "hour":
        lo, hi = _hour_at_or_after(local_midnight(first, zone)), _hour_at_or_after(local_midnight(end, zone))
        if hi - lo > MAX_BUCKETS:
            raise ValidationError(f"Too many hours to show one by one (at most {MAX_BUCKETS}): choose a day grain "
                                  "or a shorter period.", field="grain")
        return [Bucket(datetime.fromtimestamp(h * 3600, timezone.utc).astimezone(zone),
                       datetime.fromtimestamp((h + 1) * 3600, timezone.utc).astimezone(zone), h, h + 1)
                for h in range(lo, hi)]
    starts = [first]
    while starts[-1] < end:
        d = starts[-1]
        if grain == "day":
            nxt = d + timedelta(days=1)
        elif grain == "week":
            nxt = d + timedelta(days=7 - d.weekday())
        else:
            nxt = _month_start(d, -1)
        starts.append(min(nxt, end))
        if len(starts) > MAX_BUCKETS + 1:
            raise ValidationError(f"Too many {grain}s to show (at most {MAX_BUCKETS}).", field="grain")
    out = []
    for a, b in zip(starts, starts[1:]):
        la, lb = local_midnight(a, zone), local_midnight(b, zone)
        out.append(Bucket(la, lb, _hour_at_or_after(la), _hour_at_or_after(lb)))
    return out


def edges_of(bucket_list: list[Bucket]) -> list[int]:
    return [b.first_hour for b in bucket_list] + [bucket_list[-1].end_hour] if bucket_list else []


@dataclass
class ResolvedPeriod:
    first: date
    end: date  # the day after the last
    buckets: list[Bucket] = field(default_factory=list)

    @property
    def last(self) -> date:
        return self.end - timedelta(days=1)

    def label(self) -> str:
        return self.first.isoformat() if self.first == self.last else f"{self.first.isoformat()} – {self.last.isoformat()}"


def resolve(definition: ReportDefinition, zone: tzinfo, now: datetime) -> tuple[ResolvedPeriod, ResolvedPeriod | None]:
    today = now.astimezone(zone).date()
    first, end = period_days(definition, today)
    main = ResolvedPeriod(first, end, buckets(first, end, definition.grain, zone))
    other = compare_days(definition, first, end)
    compare = None
    if other is not None:
        compare = ResolvedPeriod(other[0], other[1], buckets(other[0], other[1], definition.grain, zone))
    return main, compare
