"""Reports: figures checked against values computed by hand from the simulated run of
tests/store/test_aggregates.py (Europe/Helsinki, the night the clocks go forward), compare-to,
grains across DST, half-hour zones, breakdowns, filters and the operator's domain."""

from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from evdesk.core.errors import AccessDenied, ValidationError
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.core.reports.definition import ReportDefinition, buckets
from evdesk.store import models as m
from tests.core.test_station_metrics import group_admin_of
from tests.store.test_aggregates import DAY0, simulated_run

LATER = datetime(2026, 4, 2, 12, 0, tzinfo=timezone.utc)  # "now" for the reports: after the run
HELSINKI = ZoneInfo("Europe/Helsinki")


def custom(first: date, last: date, **more) -> ReportDefinition:
    return ReportDefinition(period="custom", first_day=first, last_day=last, **more)


@pytest.fixture
async def run(services):
    services.settings.site_timezone = "Europe/Helsinki"
    return await simulated_run(services)


async def test_energy_by_local_day_across_midnight_and_the_dst_change(services, run):
    result = await services.reports.run(SYSTEM_CONTEXT, custom(date(2026, 3, 28), date(2026, 3, 29)), now=LATER)
    assert [b.start.date() for b in result.buckets] == [date(2026, 3, 28), date(2026, 3, 29)]
    assert [b.end_hour - b.first_hour for b in result.buckets] == [24, 23]  # the 29th lost an hour
    # Local midnight of the 29th is 22:00 UTC. Before it: the first session's first two steps
    # (2 × 2500 Wh, 21:10-21:50) and 5 of the second session's first 20 minutes (4000 Wh × 5/20).
    assert result.total.values == [pytest.approx(6.0), pytest.approx(38.5)]
    assert result.total.total == pytest.approx(44.5)  # 22.5 + 12 + 6 + 0 + 1 + 3 (running) kWh
    assert result.unit == "kWh" and result.zone == "Europe/Helsinki"


async def test_sessions_error_rate_and_compare_to_the_preceding_day(services, run):
    sessions = await services.reports.run(SYSTEM_CONTEXT, custom(date(2026, 3, 29), date(2026, 3, 29), metric="sessions",
                                                                 compare="previous"), now=LATER)
    assert sessions.total.values == [4.0]  # 01:50, 05:00, 06:40 and 07:00 local
    assert sessions.compare.values == [2.0]  # 23:10 and 23:55 local on the 28th
    assert sessions.compare_period.first == date(2026, 3, 28)
    errors = await services.reports.run(SYSTEM_CONTEXT, custom(date(2026, 3, 28), date(2026, 3, 29),
                                                               metric="error_rate"), now=LATER)
    assert errors.total.values == [0.0, 50.0]  # 2 of the 29th's 4 failed (no energy; refused tag)
    assert errors.total.total == pytest.approx(100 * 2 / 6)


async def test_hour_grain_totals_equal_day_grain_totals(services, run):
    by_hour = await services.reports.run(SYSTEM_CONTEXT, custom(date(2026, 3, 29), date(2026, 3, 29), grain="hour"),
                                         now=LATER)
    assert len(by_hour.buckets) == 23
    assert [b.start.hour for b in by_hour.buckets[2:5]] == [2, 4, 5]  # 03:00 never happened
    assert sum(v for v in by_hour.total.values) == pytest.approx(38.5)


@pytest.mark.parametrize("grain", ["day", "week", "month"])
async def test_month_and_week_buckets_read_from_coarse_rows_equal_the_hours(services, run, grain):
    """Months and days of UTC rows plus the hours between each local edge and its UTC midnight."""
    definition = custom(date(2026, 3, 1), date(2026, 4, 30), grain=grain, metric="energy")
    coarse = await services.reports.run(SYSTEM_CONTEXT, definition, now=LATER)
    assert coarse.total.total == pytest.approx(44.5)
    hourly = await services.reports.run(SYSTEM_CONTEXT, custom(date(2026, 3, 28), date(2026, 3, 29), grain="hour"),
                                        now=LATER)
    assert sum(v for v in hourly.total.values) == pytest.approx(44.5)
    if grain == "month":
        assert coarse.total.values == [pytest.approx(44.5), 0.0]


async def test_sessions_in_the_hours_between_local_and_utc_midnight_land_in_their_local_month(services):
    """Local April begins at 21:00 UTC on 31 March: the hours read as a correction, not the UTC month."""
    from datetime import timedelta

    from tests.store.test_aggregates import iso, reading

    services.settings.site_timezone = "Europe/Helsinki"
    await services.store.run(lambda: m.Token.create(uid="EDGE", uid_key="EDGE"))
    station = await services.stations.create_station("EDGE-1", connectors=1, ctx=SYSTEM_CONTEXT)
    for start, wh in ((datetime(2026, 3, 31, 20, 10, tzinfo=timezone.utc), 2000),   # 23:10 local, 31 March
                      (datetime(2026, 3, 31, 22, 10, tzinfo=timezone.utc), 1000)):  # 01:10 local, 1 April
        started = await services.transactions.start(station, 1, "EDGE", 0, iso(start))
        services.transactions.meter_values(station, 1, started.ocpp_id, reading(start + timedelta(minutes=20), wh))
        await services.transactions.stop(station, started.ocpp_id, wh, iso(start + timedelta(minutes=40)))
    result = await services.reports.run(SYSTEM_CONTEXT, custom(date(2026, 3, 1), date(2026, 4, 30), grain="month"),
                                        now=LATER)
    assert result.total.values == [pytest.approx(2.0), pytest.approx(1.0)]
    weeks = await services.reports.run(SYSTEM_CONTEXT, custom(date(2026, 3, 30), date(2026, 4, 5), grain="day",
                                                              metric="sessions"), now=LATER)
    assert weeks.total.values == [0.0, 1.0, 1.0, 0.0, None, None, None]  # 3 to 5 April: not begun at "now"


def test_autumn_day_has_25_hours_and_half_hour_zones_start_on_whole_utc_hours():
    (day,) = buckets(date(2026, 10, 25), date(2026, 10, 26), "day", HELSINKI)
    assert day.end_hour - day.first_hour == 25
    assert len(buckets(date(2026, 10, 25), date(2026, 10, 26), "hour", HELSINKI)) == 25
    kolkata = buckets(date(2026, 3, 1), date(2026, 3, 3), "day", ZoneInfo("Asia/Kolkata"))
    first_utc = datetime.fromtimestamp(kolkata[0].first_hour * 3600, timezone.utc)
    assert first_utc == datetime(2026, 2, 28, 19, 0, tzinfo=timezone.utc)  # local 00:30, not 23:30
    assert [b.end_hour - b.first_hour for b in kolkata] == [24, 24]
    weeks = buckets(date(2026, 3, 4), date(2026, 3, 20), "week", HELSINKI)
    assert [b.start.date() for b in weeks] == [date(2026, 3, 4), date(2026, 3, 9), date(2026, 3, 16)]  # Mondays
    months = buckets(date(2026, 1, 15), date(2026, 4, 1), "month", HELSINKI)
    assert [b.start.date() for b in months] == [date(2026, 1, 15), date(2026, 2, 1), date(2026, 3, 1)]


async def test_breakdown_by_station_and_by_user_add_up_to_the_total(services, run):
    a, b = run
    period = dict(first=date(2026, 3, 28), last=date(2026, 3, 29))
    by_station = await services.reports.run(SYSTEM_CONTEXT, custom(period["first"], period["last"], breakdown="station"),
                                            now=LATER)
    totals = {s.label: s.total for s in by_station.series}
    assert totals == {"AGG-1": pytest.approx(22.5 + 12 + 3), "AGG-2": pytest.approx(6 + 1)}
    by_user = await services.reports.run(SYSTEM_CONTEXT, custom(period["first"], period["last"], breakdown="user",
                                                                metric="sessions"), now=LATER)
    assert sorted(s.total for s in by_user.series) == [1.0, 2.0, 3.0]  # unknown tag, TAG2's, TAG1's sessions
    assert sum(s.total for s in by_user.series) == by_user.total.total == 6.0
    users = await services.reports.run(SYSTEM_CONTEXT, custom(period["first"], period["last"], metric="unique_users",
                                                              breakdown="station"), now=LATER)
    assert users.total.total == 2.0  # two drivers; the unknown tag is nobody
    assert {s.label: s.total for s in users.series} == {"AGG-1": 2.0, "AGG-2": 1.0}


async def test_availability_counts_the_fault_and_ac_dc_filter_picks_points(services, run):
    result = await services.reports.run(SYSTEM_CONTEXT, custom(date(2026, 3, 29), date(2026, 3, 29),
                                                               metric="availability", breakdown="connector"), now=LATER)
    by_point = {s.label: s.total for s in result.series}
    # AGG-2 #1: Faulted 2.5 h of the day's 23 h; AGG-1 #1: Unavailable 30 min
    assert by_point["AGG-2 #1"] == pytest.approx(100 - 100 * 2.5 / 23)
    assert by_point["AGG-1 #1"] == pytest.approx(100 - 100 * 0.5 / 23)
    assert by_point["AGG-1 #2"] == 100.0
    dc_only = await services.reports.run(SYSTEM_CONTEXT, custom(date(2026, 3, 29), date(2026, 3, 29), currents=("DC",)),
                                         now=LATER)
    assert dc_only.total.total == 0.0  # the simulated stations are AC (Type2)


async def test_a_group_admin_sees_only_its_subtree(services, run):
    a, b = run
    ctx = await group_admin_of(services, [b])
    result = await services.reports.run(ctx, custom(date(2026, 3, 28), date(2026, 3, 29), breakdown="station"), now=LATER)
    assert [s.label for s in result.series] == ["AGG-2"] and result.total.total == pytest.approx(7.0)
    with pytest.raises(AccessDenied):
        await services.reports.run(ctx, custom(date(2026, 3, 28), date(2026, 3, 29), station_ids=(a.id,)), now=LATER)


def test_definitions_refuse_what_makes_no_sense():
    with pytest.raises(ValidationError) as refused:
        ReportDefinition.from_dict({"metric": "energy", "period": "custom", "first_day": "2026-03-05",
                                    "last_day": "2026-03-01"})
    assert refused.value.field == "last_day"
    with pytest.raises(ValidationError):
        ReportDefinition.from_dict({"metric": "availability", "breakdown": "user"})
    with pytest.raises(ValidationError):
        buckets(date(2026, 1, 1), date(2027, 1, 1), "hour", HELSINKI)  # 8,760 hours
    with pytest.raises(ValidationError):
        ReportDefinition.from_dict({"station_ids": ["not-an-id"]})
    for first, last in (("9999-01-01", "9999-12-31"), ("0001-01-01", "0001-12-31")):  # no real hours
        with pytest.raises(ValidationError) as refused:
            ReportDefinition.from_dict({"metric": "energy", "period": "custom", "first_day": first, "last_day": last})
        assert refused.value.field == "first_day"
    again = ReportDefinition.from_dict(custom(date(2026, 3, 1), date(2026, 3, 2), tariffs=("Fleet",)).to_dict())
    assert again.first_day == date(2026, 3, 1) and again.tariffs == ("Fleet",)
