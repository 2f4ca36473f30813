"""The dashboard's faster reads give exactly the figures of the old computation, on a random site.

The old computation read every bucket of a chart that ends now (its last bucket is short) from the
hour rows, and the last 24 hours per charging point, summed in Python. The faster path reads whole
buckets from the day and month rows (plus the hours between local and UTC midnights), the running
bucket from its hours, totals grouped per day in the table's order, and the last 24 hours summed in
SQL. Sessions are random over 70 days on five stations (seeded), aggregates built by `rebuild`.
"""

from __future__ import annotations

import random
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from evdesk.core.clock import utcnow
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.core.reads.dashboard import TIMEFRAMES, bucket_starts, period_bounds, _utc
from evdesk.core.reads.station_metrics import hour_edges
from evdesk.store import models as m
from evdesk.store.aggregates import HOUR, rebuild
from evdesk.store.fields import uuid7
from evdesk.store.queries import aggregates as aq

ZONES = ("Europe/Helsinki", "America/New_York", "Asia/Kolkata", "UTC")
SPANS = {"24h": timedelta(hours=24), "7d": timedelta(days=7), "30d": timedelta(days=30), "12m": timedelta(days=365)}


def old_sums(model_hour, columns, edges, stations, by=(), extra_key=()):
    """The old path: every bucket from the hour rows (zero rows left out, as the coarse path has none)."""
    out = aq._read(model_hour, "hour", aq._ranges(edges), stations, by, columns, extra_key)
    return {k: v for k, v in out.items() if any(v)}


def nonzero(sums):
    return {k: v for k, v in sums.items() if any(v)}


def chart_edges(timeframe, grain, zone, now):
    starts = bucket_starts((now - SPANS[timeframe]).astimezone(zone).replace(tzinfo=None),
                           now.astimezone(zone).replace(tzinfo=None), grain)
    edges = [int(_utc(s, zone).timestamp()) // HOUR for s in starts]
    return edges + [hour_edges(now, now)[1]]


@pytest.fixture
async def random_site(services):
    rng = random.Random(20261130)
    stations = [await services.stations.create_station(f"RND-{n}", connectors=2, ctx=SYSTEM_CONTEXT)
                for n in range(5)]
    now = utcnow()

    def insert():
        for n in range(400):
            info = rng.choice(stations)
            start = now - timedelta(minutes=rng.randrange(5, 70 * 24 * 60))
            stop = min(start + timedelta(minutes=rng.randrange(1, 600)), now)
            wh = rng.choice([0, None, rng.randrange(1, 60_000)])
            priced = rng.random() < 0.6
            m.Transaction.create(id=uuid7(), ocpp_id=5000 + n, station=info.id, connector_id=rng.choice([1, 2]),
                                 state=rng.choice(["completed", "completed", "failed"]), started_at=start,
                                 stopped_at=stop, energy_wh=wh, meter_start_wh=0, meter_stop_wh=wh,
                                 stop_reason=rng.choice(["Local", "Other", "EVDisconnected"]),
                                 cost_total_minor=rng.randrange(1, 5000) if priced else None,
                                 currency=rng.choice(["EUR", "SEK"]) if priced else "")
        rebuild()

    await services.store.atomic(insert)
    return services, stations, now


async def test_chart_and_card_sums_equal_the_hour_rows(random_site):
    services, stations, now = random_site
    some = [stations[0].id, stations[3].id]
    checked = 0

    def compare():
        nonlocal checked
        for name in ZONES:
            zone = ZoneInfo(name)
            edge_sets = []
            for timeframe in TIMEFRAMES:
                for grain in ("hour", "day", "week", "month"):
                    if grain == "hour" and timeframe == "12m":
                        continue
                    edge_sets.append(chart_edges(timeframe, grain, zone, now))
            for period in ("today", "7d", "30d", "month"):
                since, until, prev_since, prev_until = period_bounds(period, zone, now)
                edge_sets += [list(hour_edges(since, until)), list(hour_edges(prev_since, prev_until))]
            for edges in edge_sets:
                for ids in (None, some):
                    for by in ((), ("station", "connector_id")):
                        assert nonzero(aq.point_sums(edges, ids, by)) == old_sums(
                            m.ConnectorHour, aq.POINT_SUMS, edges, ids, by), (name, edges, by)
                        assert nonzero(aq.revenue_sums(edges, ids, by)) == old_sums(
                            m.ConnectorHourRevenue, ("revenue_minor", "sessions"), edges, ids, by, ("currency",))
                        checked += 1

    await services.store.read(compare)
    assert checked > 300


async def test_last_24_hours_summed_in_sql_equal_the_per_point_sums(random_site):
    services, stations, now = random_site
    for ids in (None, [stations[1].id, stations[2].id], []):
        for at in (now, now - timedelta(days=3), now - timedelta(days=40)):
            first, end = hour_edges(at - timedelta(hours=24), at)
            per_point = await services.store.read(old_sums, m.ConnectorHour, aq.POINT_SUMS, [first, end], ids,
                                                  ("station", "connector_id"))
            expected = (sum(v[0] for v in per_point.values()), sum(v[2] for v in per_point.values()),
                        len({k[1:] for k, v in per_point.items() if v[0]}))
            assert await services.store.read(aq.activity, first, end, ids) == expected
    day = await services.dashboard.last_24h(SYSTEM_CONTEXT, now)
    first, end = hour_edges(now - timedelta(hours=24), now)
    assert (day.sessions, day.energy_wh, day.points_used) == await services.store.read(aq.activity, first, end, None)
    assert day.sessions > 0  # the random site has sessions in the last day (the test compares something)


async def test_period_cards_from_kept_settled_hours_equal_one_read_and_follow_new_sessions(random_site):
    services, stations, now = random_site
    zone = ZoneInfo("Europe/Helsinki")
    for period in ("today", "7d", "30d", "month"):
        for _read_again in range(2):  # the first reads the settled hours, the second keeps them
            cards = await services.dashboard.period_cards(SYSTEM_CONTEXT, period, zone, now)
            for edges, sessions, kwh in ((hour_edges(cards.since, cards.until), cards.sessions.value,
                                          cards.energy_kwh.value),
                                         (hour_edges(cards.previous_since, cards.previous_until),
                                          cards.sessions.previous, cards.energy_kwh.previous)):
                whole = await services.store.read(old_sums, m.ConnectorHour, aq.POINT_SUMS, list(edges), None)
                assert sessions == sum(v[0] for v in whole.values())
                assert kwh == pytest.approx(sum(v[2] for v in whole.values()) / 1000)

    before = await services.dashboard.period_cards(SYSTEM_CONTEXT, "7d", zone, now)

    def one_more():
        m.Transaction.create(id=uuid7(), ocpp_id=9000, station=stations[0].id, connector_id=1, state="completed",
                             started_at=now - timedelta(minutes=20), stopped_at=now - timedelta(minutes=5),
                             energy_wh=1500, meter_start_wh=0, meter_stop_wh=1500, stop_reason="Local")
        rebuild()

    await services.store.atomic(one_more)
    after = await services.dashboard.period_cards(SYSTEM_CONTEXT, "7d", zone, now)
    assert after.sessions.value == before.sessions.value + 1
    assert after.energy_kwh.value == pytest.approx(before.energy_kwh.value + 1.5)


def old_status_picture(reads, ctx, group_ids=None):
    """The status picture as it was computed before: every station's ordered point states, and
    `fault_of` asked of every station."""
    from evdesk.core.reads import point_states as sm
    from evdesk.core.reads.dashboard import fault_of

    wanted = None
    if group_ids:
        wanted = set()
        for gid in group_ids:
            if gid in reads.group_tree.groups and ctx.sees_group(gid):
                wanted |= reads.group_tree.index.subtree(gid)
    domain, chosen = dict.fromkeys(sm.POINT_STATES, 0), dict.fromkeys(sm.POINT_STATES, 0)
    stations = chosen_stations = 0
    faults = []
    for info in reads.stations.all():
        if not ctx.sees_station(info.group_id):
            continue
        states = sm.point_states(info)
        stations += 1
        for state in states:
            domain[state] += 1
        if wanted is None or info.group_id in wanted:
            chosen_stations += 1
            for state in states:
                chosen[state] += 1
        fault = fault_of(info)
        if fault is not None:
            faults.append(fault)
    return stations, domain, chosen_stations, chosen, faults


async def test_status_picture_equals_the_old_pass_over_random_states(services):
    from evdesk.core.permissions import ADMIN, OperatorContext

    rng = random.Random(7)
    top = (await services.groups.add(SYSTEM_CONTEXT, "Top")).id
    sub = (await services.groups.add(SYSTEM_CONTEXT, "Sub", top)).id
    other = (await services.groups.add(SYSTEM_CONTEXT, "Other")).id
    stations = [await services.stations.create_station(f"ST-{n}", group_id=rng.choice([top, sub, other, None]),
                                                       connectors=rng.randrange(0, 4), ctx=SYSTEM_CONTEXT)
                for n in range(60)]
    admin = OperatorContext(uuid7(), "top-admin", ADMIN, top, frozenset({top, sub}))
    statuses = ["Available", "Charging", "Faulted", "Unavailable", "Unknown", "SuspendedEV", "Preparing", "Finishing"]
    for round_ in range(5):
        for info in stations:
            services.status.connected(info)
            for cid in range(0, len(info.connectors) + 1):
                if rng.random() < 0.7:
                    services.status.status_notification(info, cid, rng.choice(statuses),
                                                        rng.choice(["NoError", "NoError", "GroundFailure"]))
            info.connection_state = rng.choice(["online", "online", "temporarily_unavailable",
                                                "long_term_unavailable", "never_connected"])
            info.registration = rng.choice(["adopted", "adopted", "adopted", "pending"])
        for ctx in (SYSTEM_CONTEXT, admin):
            for groups in (None, [sub], [other, sub]):
                picture = services.dashboard.status_picture(ctx, groups)
                stations_n, domain, chosen_n, chosen, faults = old_status_picture(services.dashboard, ctx, groups)
                assert (picture.domain.stations, picture.domain.by_state) == (stations_n, domain)
                assert (picture.chosen.stations, picture.chosen.by_state) == (chosen_n, chosen)
                assert sorted(map(repr, picture.faults)) == sorted(map(repr, faults))
                assert [f.station_id for f in picture.faults] == [f.station_id for f in sorted(
                    faults, key=lambda r: (r.since or now_max(), r.station_name.lower()))]
        assert any(picture.faults) and picture.domain.by_state  # the random states produce faults to compare


def now_max():
    from datetime import datetime, timezone

    return datetime.max.replace(tzinfo=timezone.utc)
