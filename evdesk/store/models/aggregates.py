"""Hourly figures per charging point, kept beside the raw rows so that reports and statistics over a
year answer in a second (see `evdesk/store/aggregates.py` for how they are kept and the rules).

Derived data: every seat computes its own from the rows it has (never synced, no versions); the
command `evdesk aggregates rebuild` makes them again from the raw rows. Hours are whole UTC hours
numbered from the epoch (`hour` = seconds since 1970-01-01 UTC // 3600); days and months are their
UTC sums. The per-point tables are WITHOUT ROWID with the time first in the key: a period's rows
lie together (one sweep), and an index by station serves one station's statistics.
"""

from __future__ import annotations

import peewee

from evdesk.store.models.base import BaseModel

ZERO = [peewee.SQL("DEFAULT 0")]  # the upserts leave the other sums out: the database fills 0


class SessionHour(BaseModel):
    """One session's share of one UTC hour: its energy, charging and plugged seconds there, and on
    the hour it started also `started` = 1, `failed`, its price (`revenue_minor` in `currency`).
    A session's rows are replaced whenever the session or its readings change; their sum per
    charging point is `ConnectorHour`."""

    tx = peewee.UUIDField()
    hour = peewee.IntegerField()
    station = peewee.UUIDField()
    connector_id = peewee.IntegerField()
    started = peewee.IntegerField(default=0, constraints=ZERO)
    failed = peewee.IntegerField(default=0, constraints=ZERO)
    energy_wh = peewee.BigIntegerField(default=0, constraints=ZERO)
    charging_s = peewee.IntegerField(default=0, constraints=ZERO)
    plugged_s = peewee.IntegerField(default=0, constraints=ZERO)
    revenue_minor = peewee.BigIntegerField(default=0, constraints=ZERO)
    currency = peewee.CharField(max_length=3, default="")

    class Meta:
        primary_key = peewee.CompositeKey("tx", "hour")
        table_name = "agg_session_hour"
        indexes = ((("hour",), False),)


class ConnectorHour(BaseModel):
    """One charging point's hour: sessions started and failed in it, energy, charging and plugged
    seconds (sum of `SessionHour`), and the seconds of closed status intervals in it that were
    occupied (a car there), Unavailable and Faulted. An hour nothing happened in has no row."""

    station = peewee.UUIDField()
    connector_id = peewee.IntegerField()
    hour = peewee.IntegerField()
    sessions_started = peewee.IntegerField(default=0, constraints=ZERO)
    sessions_failed = peewee.IntegerField(default=0, constraints=ZERO)
    energy_wh = peewee.BigIntegerField(default=0, constraints=ZERO)
    charging_s = peewee.IntegerField(default=0, constraints=ZERO)
    plugged_s = peewee.IntegerField(default=0, constraints=ZERO)
    occupied_s = peewee.IntegerField(default=0, constraints=ZERO)
    unavailable_s = peewee.IntegerField(default=0, constraints=ZERO)
    faulted_s = peewee.IntegerField(default=0, constraints=ZERO)

    class Meta:
        # clustered by time (a period's rows are read in one sweep); a station's by the index
        primary_key = peewee.CompositeKey("hour", "station", "connector_id")
        without_rowid = True
        table_name = "agg_connector_hour"
        indexes = ((("station", "connector_id", "hour"), False),)


class ConnectorHourRevenue(BaseModel):
    """The prices of the sessions that started in a charging point's hour, per currency (minor units)."""

    station = peewee.UUIDField()
    connector_id = peewee.IntegerField()
    hour = peewee.IntegerField()
    currency = peewee.CharField(max_length=3)
    revenue_minor = peewee.BigIntegerField(default=0, constraints=ZERO)
    sessions = peewee.IntegerField(default=0, constraints=ZERO)

    class Meta:
        primary_key = peewee.CompositeKey("hour", "station", "connector_id", "currency")
        without_rowid = True
        table_name = "agg_connector_hour_revenue"


class ConnectorDay(BaseModel):
    """A charging point's UTC day (`day` = epoch hour // 24): the sum of its `ConnectorHour` rows.
    Reports by day or more read whole UTC days (and months) and correct each local edge by the hours
    between it and its nearest UTC midnight (store/queries/aggregates.py)."""

    station = peewee.UUIDField()
    connector_id = peewee.IntegerField()
    day = peewee.IntegerField()
    sessions_started = peewee.IntegerField(default=0, constraints=ZERO)
    sessions_failed = peewee.IntegerField(default=0, constraints=ZERO)
    energy_wh = peewee.BigIntegerField(default=0, constraints=ZERO)
    charging_s = peewee.IntegerField(default=0, constraints=ZERO)
    plugged_s = peewee.IntegerField(default=0, constraints=ZERO)
    occupied_s = peewee.IntegerField(default=0, constraints=ZERO)
    unavailable_s = peewee.IntegerField(default=0, constraints=ZERO)
    faulted_s = peewee.IntegerField(default=0, constraints=ZERO)

    class Meta:
        primary_key = peewee.CompositeKey("day", "station", "connector_id")
        without_rowid = True
        table_name = "agg_connector_day"
        indexes = ((("station", "connector_id", "day"), False),)


class ConnectorDayRevenue(BaseModel):
    """`ConnectorHourRevenue` summed per UTC day."""

    station = peewee.UUIDField()
    connector_id = peewee.IntegerField()
    day = peewee.IntegerField()
    currency = peewee.CharField(max_length=3)
    revenue_minor = peewee.BigIntegerField(default=0, constraints=ZERO)
    sessions = peewee.IntegerField(default=0, constraints=ZERO)

    class Meta:
        primary_key = peewee.CompositeKey("day", "station", "connector_id", "currency")
        without_rowid = True
        table_name = "agg_connector_day_revenue"


class ConnectorMonth(BaseModel):
    """A charging point's UTC calendar month (`month` = year × 12 + month − 1): the sum of its days.
    A local month is its UTC month give or take the hours between the two midnights (read from the
    hour rows), so a year by month reads 12 rows per point."""

    station = peewee.UUIDField()
    connector_id = peewee.IntegerField()
    month = peewee.IntegerField()
    sessions_started = peewee.IntegerField(default=0, constraints=ZERO)
    sessions_failed = peewee.IntegerField(default=0, constraints=ZERO)
    energy_wh = peewee.BigIntegerField(default=0, constraints=ZERO)
    charging_s = peewee.BigIntegerField(default=0, constraints=ZERO)
    plugged_s = peewee.BigIntegerField(default=0, constraints=ZERO)
    occupied_s = peewee.BigIntegerField(default=0, constraints=ZERO)
    unavailable_s = peewee.BigIntegerField(default=0, constraints=ZERO)
    faulted_s = peewee.BigIntegerField(default=0, constraints=ZERO)

    class Meta:
        primary_key = peewee.CompositeKey("month", "station", "connector_id")
        without_rowid = True
        table_name = "agg_connector_month"


class ConnectorMonthRevenue(BaseModel):
    """`ConnectorDayRevenue` summed per UTC month."""

    station = peewee.UUIDField()
    connector_id = peewee.IntegerField()
    month = peewee.IntegerField()
    currency = peewee.CharField(max_length=3)
    revenue_minor = peewee.BigIntegerField(default=0, constraints=ZERO)
    sessions = peewee.IntegerField(default=0, constraints=ZERO)

    class Meta:
        primary_key = peewee.CompositeKey("month", "station", "connector_id", "currency")
        without_rowid = True
        table_name = "agg_connector_month_revenue"


AGGREGATE_MODELS = [SessionHour, ConnectorHour, ConnectorHourRevenue, ConnectorDay, ConnectorDayRevenue, ConnectorMonth,
                    ConnectorMonthRevenue]


class AggregateBacklog(BaseModel):
    """What committed writes touched and the aggregates do not show yet: a session (`tx`) or a
    charging point's status events between `first_at` and `last_at`. The group commit adds these in
    its own transaction (cheap) and the writer folds them in a moment later, apart from the answers
    to the stations (`store/aggregate_backlog.py`); a crash in between loses nothing. Local to a seat."""

    key = peewee.CharField(max_length=80, primary_key=True)  # "s <tx>" or "c <station> <connector>"
    tx = peewee.UUIDField(null=True)
    station = peewee.UUIDField(null=True)
    connector_id = peewee.IntegerField(null=True)
    first_at = peewee.DateTimeField(null=True)
    last_at = peewee.DateTimeField(null=True)
    queued = peewee.FloatField(index=True)  # epoch seconds it was first queued: folded in oldest first

    class Meta:
        table_name = "agg_backlog"
