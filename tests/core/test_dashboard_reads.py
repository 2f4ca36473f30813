"""The dashboard, station/group statistics and charging-points overview read services: figures
against hand-computed values, and the operator's domain (a group admin of a sub-tree)."""

from __future__ import annotations

from datetime import timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from evdesk.core.clock import utcnow
from evdesk.core.errors import AccessDenied
from evdesk.core.permissions import ADMIN, SYSTEM_CONTEXT, OperatorContext
from evdesk.core.reads import point_states as sm
from evdesk.core.reads.dashboard import bucket_starts, period_bounds
from evdesk.core.reads.overview import OverviewFilter
from evdesk.store import models as m
from evdesk.store.aggregates import rebuild
from evdesk.store.fields import uuid7

ROOT = SYSTEM_CONTEXT


def ocpp(dt):
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class Site:
    pass


@pytest.fixture
async def site(services):
    """Depot > Bay (BAY-1, 2 connectors), Office (OFF-1, 1 connector); six sessions (see below)."""
    s, sv = Site(), services
    s.sv = sv
    s.depot = (await sv.groups.add(ROOT, "Depot")).id
    s.bay = (await sv.groups.add(ROOT, "Bay", s.depot)).id
    s.office = (await sv.groups.add(ROOT, "Office")).id
    s.bay_st = await sv.stations.create_station("BAY-1", group_id=s.bay, connectors=2, ctx=ROOT)
    s.off_st = await sv.stations.create_station("OFF-1", group_id=s.office, connectors=1, ctx=ROOT)
    s.now = utcnow()
    s.depot_admin = OperatorContext(uuid7(), "depot-admin", ADMIN, s.depot, frozenset({s.depot, s.bay}))
    for info in (s.bay_st, s.off_st):
        sv.status.connected(info)
    sv.status.status_notification(s.bay_st, 1, "Charging", timestamp=ocpp(s.now - timedelta(minutes=10)))
    sv.status.status_notification(s.bay_st, 2, "Faulted", "GroundFailure", timestamp=ocpp(s.now - timedelta(hours=1)))
    sv.status.status_notification(s.off_st, 1, "Available", timestamp=ocpp(s.now - timedelta(hours=2)))
    h = lambda n: s.now - timedelta(hours=n)  # noqa: E731
    sessions = [
        # station, connector, start, stop, Wh, state, stop reason, revenue (minor, currency)
        (s.bay_st, 1, h(5), h(4), 5000, "completed", "Local", (250, "EUR")),  # s1
        (s.bay_st, 1, h(3), h(2.5), 3000, "completed", "EVDisconnected", (None, "")),  # s2
        (s.off_st, 1, h(6), h(5), 10000, "completed", "Remote", (100, "SEK")),  # s3
        (s.bay_st, 2, h(48), h(46), 0, "completed", "Other", (None, "")),  # s4: failed (no energy, not stopped by choice)
        (s.bay_st, 1, h(240), h(239), 2000, "completed", "Local", (None, "")),  # s5: 10 days ago
        (s.bay_st, 2, h(24 - 0.5), h(24 - 0.5) + timedelta(minutes=1), None, "failed", "", (None, "")),  # s6
    ]

    def insert():
        for n, (info, cid, start, stop, wh, state, reason, (minor, cur)) in enumerate(sessions):
            m.Transaction.create(id=uuid7(), ocpp_id=1000 + n, station=info.id, connector_id=cid, state=state,
                                 started_at=start, stopped_at=stop, energy_wh=wh, stop_reason=reason,
                                 meter_start_wh=10_000, meter_stop_wh=None if wh is None else 10_000 + wh,
                                 cost_total_minor=minor, currency=cur)

    await sv.store.run(insert)
    await sv.status.flush()
    await sv.batch.flush()
    await sv.store.atomic(rebuild)  # rows written behind the write path: the aggregates computed again
    return s


async def test_status_summary_donut_and_faults_follow_the_domain(site):
    sv = site.sv
    root = sv.dashboard.status_summary(ROOT)
    assert (root.stations, root.points, root.charging, root.in_error) == (2, 3, 1, 1)
    assert root.by_state[sm.AVAILABLE] == 1
    depot = sv.dashboard.status_summary(site.depot_admin)
    assert (depot.stations, depot.points, depot.charging, depot.in_error) == (1, 2, 1, 1)
    # the gear's choice: Office only
    assert sv.dashboard.status_summary(ROOT, [site.office]).points == 1
    sv.status.disconnected(site.off_st)
    faults = sv.dashboard.faults(ROOT)
    assert [(f.identity, f.kind) for f in faults] == [("BAY-1", "fault"), ("OFF-1", "offline")]
    assert "connector 2 Faulted: GroundFailure" in faults[0].problem
    assert [f.identity for f in sv.dashboard.faults(site.depot_admin)] == ["BAY-1"]
    assert sv.dashboard.status_summary(ROOT).by_state[sm.UNAVAILABLE] == 1  # offline: stale status not trusted


async def test_last_24_hours_and_period_cards(site):
    sv, now = site.sv, site.now
    day = await sv.dashboard.last_24h(ROOT, now)
    assert (day.sessions, day.points_used, day.energy_wh) == (4, 3, 18000)  # s1, s2, s3, s6
    day = await sv.dashboard.last_24h(site.depot_admin, now)
    assert (day.sessions, day.points_used, day.energy_wh) == (3, 2, 8000)
    # one station (the panel's header); a station outside the domain adds nothing
    day = await sv.dashboard.last_24h(site.depot_admin, now, station_ids=[site.bay_st.id, site.off_st.id])
    assert (day.sessions, day.energy_wh) == (3, 8000)
    zone = ZoneInfo("Europe/Helsinki")
    cards = await sv.dashboard.period_cards(ROOT, "7d", zone, now)
    assert (cards.sessions.value, cards.sessions.previous) == (5, 1)
    assert cards.sessions.change == pytest.approx(400.0)
    assert (cards.energy_kwh.value, cards.energy_kwh.previous) == (18.0, 2.0)
    assert cards.energy_kwh.change == pytest.approx(800.0)
    assert {c: f.value for c, f in cards.revenue.items()} == {"EUR": 2.5, "SEK": 1.0}
    assert cards.revenue["EUR"].change is None  # nothing to compare: "—"
    assert cards.new_stations == 2
    depot = await sv.dashboard.period_cards(site.depot_admin, "7d", zone, now)
    assert (depot.sessions.value, depot.energy_kwh.value, depot.energy_kwh.change) == (4, 8.0, pytest.approx(300.0))
    assert set(depot.revenue) == {"EUR"}  # the Office's SEK is not in the domain


async def test_consumption_chart_folds_hours_into_local_days(site):
    sv, now = site.sv, site.now
    zone = ZoneInfo("Europe/Helsinki")
    buckets = await sv.dashboard.consumption(ROOT, "7d", "day", zone, now)
    assert sum(b.sessions for b in buckets) == 5 and sum(b.energy_kwh for b in buckets) == pytest.approx(18.0)
    assert all(b.start.hour == 0 and b.start.tzinfo is zone for b in buckets)
    depot = await sv.dashboard.consumption(site.depot_admin, "30d", "week", zone, now)
    assert sum(b.sessions for b in depot) == 5 and all(b.start.weekday() == 0 for b in depot)
    hours = await sv.dashboard.consumption(ROOT, "24h", "hour", zone, now)
    assert sum(b.sessions for b in hours) == 4 and len(hours) in (24, 25)
    starts = bucket_starts(now.replace(year=2026, month=1, day=20, tzinfo=None), now.replace(
        year=2026, month=3, day=2, tzinfo=None), "month")
    assert [s.month for s in starts] == [1, 2, 3]


def test_period_bounds_compare_the_same_elapsed_part():
    zone = ZoneInfo("Europe/Helsinki")
    now = utcnow().replace(year=2026, month=3, day=10, hour=8, minute=0, second=0, microsecond=0)  # 10:00 local
    since, until, prev_since, prev_until = period_bounds("today", zone, now)
    assert since.astimezone(zone).hour == 0 and until == now
    assert (prev_until - prev_since) == (until - since) == timedelta(hours=10)
    since, _u, prev_since, prev_until = period_bounds("month", zone, now)
    assert since.astimezone(zone).day == 1 and prev_since.astimezone(zone).month == 2
    assert sm.change_percent(180, 305.58) == pytest.approx(-41.096, abs=0.01)
    assert sm.percent_text(sm.change_percent(180, 305.58), signed=True, decimals=1) == "−41.1 %"
    assert sm.percent_text(sm.change_percent(5, 0)) == "—"


async def test_station_statistics_per_connector(site):
    sv, now = site.sv, site.now
    stats = await sv.station_statistics.station(ROOT, site.bay_st.id, 7, now)
    assert [r.name for r in stats.rows] == ["Connector 1", "Connector 2"]
    c1, c2 = (r.figures for r in stats.rows)
    week = 7 * 86400
    assert (c1.sessions, c1.energy_wh, c1.error_rate_pct, c1.plugged_s) == (2, 8000, 0.0, 5400)
    assert c1.utilisation_pct == pytest.approx(100 * 5400 / week, rel=1e-3)
    assert c1.availability_pct == pytest.approx(100.0)
    assert (c2.sessions, c2.failed, c2.error_rate_pct) == (2, 2, 100.0)  # s4 (no energy), s6 (failed)
    assert c2.plugged_s == pytest.approx(7260, abs=1)
    assert c2.availability_pct == pytest.approx(100 - 100 * 3600 / week, abs=0.01)  # Faulted for the last hour
    assert (stats.total.sessions, stats.total.error_rate_pct) == (4, 50.0)
    month = await sv.station_statistics.station(ROOT, site.bay_st.id, 30, now)
    assert month.total.sessions == 5
    with pytest.raises(AccessDenied):
        await sv.station_statistics.station(site.depot_admin, site.off_st.id, 7, now)


async def test_group_statistics_over_the_subtree(site):
    sv, now = site.sv, site.now
    stats = await sv.station_statistics.group(site.depot_admin, site.depot, 7, now)
    assert [r.name for r in stats.rows] == ["BAY-1"]
    assert (stats.total.sessions, stats.total.points, stats.total.energy_wh) == (4, 2, 8000)
    with pytest.raises(AccessDenied):
        await sv.station_statistics.group(site.depot_admin, site.office, 7, now)


async def test_overview_rows_sorted_by_error_rate_and_limited_to_the_domain(site):
    sv = site.sv
    rows = await sv.overview.rows(ROOT, OverviewFilter())
    assert [(r.identity, r.connector_id) for r in rows] == [("BAY-1", 2), ("BAY-1", 1), ("OFF-1", 1)]
    worst = rows[0]
    assert (worst.error_rate, worst.failed_30d, worst.state, worst.detail) == (100.0, 2, sm.ISSUE,
                                                                             "Faulted · GroundFailure")
    assert worst.unavailable_since is not None and worst.last_session is not None
    assert (rows[1].sessions_30d, rows[1].failed_30d) == (3, 0)
    mine = await sv.overview.rows(site.depot_admin, OverviewFilter())
    assert {r.identity for r in mine} == {"BAY-1"}
    assert [r.connector_id for r in await sv.overview.rows(ROOT, OverviewFilter(states=(sm.ISSUE,)))] == [2]
    assert [r.identity for r in await sv.overview.rows(ROOT, OverviewFilter(text="off"))] == ["OFF-1"]
    ascending = await sv.overview.rows(ROOT, OverviewFilter(sort="error_rate", descending=False))
    assert ascending[-1].error_rate == 100.0
    assert len(await sv.overview.page(ROOT, OverviewFilter(), 1, 5)) == 2


async def test_a_chart_refresh_reads_the_last_buckets_again(site):
    sv, now = site.sv, site.now
    zone = ZoneInfo("Europe/Helsinki")
    first = await sv.dashboard.consumption(ROOT, "7d", "day", zone, now)
    again = await sv.dashboard.consumption(ROOT, "7d", "day", zone, now)
    assert again == first

    def one_more():
        m.Transaction.create(id=uuid7(), ocpp_id=2000, station=site.bay_st.id, connector_id=1, state="completed",
                             started_at=now - timedelta(minutes=30), stopped_at=now - timedelta(minutes=20),
                             energy_wh=1000, meter_start_wh=0, meter_stop_wh=1000, stop_reason="Local")
        rebuild()

    await sv.store.atomic(one_more)
    later = await sv.dashboard.consumption(ROOT, "7d", "day", zone, now)
    assert sum(b.sessions for b in later) == sum(b.sessions for b in first) + 1
    assert later[-1].energy_kwh == pytest.approx(first[-1].energy_kwh + 1.0)
    assert later[:-2] == first[:-2]
