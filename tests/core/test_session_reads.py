"""The charging log's read side (core/reads/sessions.py) and its CSV export (session_export.py):
domain limits, every filter, paging in every sort, the price so far, the CSV's content."""

from __future__ import annotations

import asyncio
import csv
import io
from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from evdesk.core.clock import utcnow
from evdesk.core.errors import AccessDenied, NotFound, ValidationError
from evdesk.core.people_types import TokenInput, UserInput
from evdesk.core.permissions import ADMIN, SYSTEM_CONTEXT, OperatorContext
from evdesk.core.reads.session_export import COLUMNS
from evdesk.core.reads.sessions import SessionFilter
from evdesk.store import models as m
from evdesk.store.fields import uuid7

ROOT = SYSTEM_CONTEXT
PRICES = {"kind": "energy_time", "energy_price": "0.50", "time_price": "1", "time_unit": "hour", "connection_fee": "5"}


def iso(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


class Site:
    pass


@pytest.fixture
async def site(services):
    """Depot (Bay below it) and Office; Bay station priced "My Test Tariff"; Ann (no group), Fred (Fleet)."""
    s, sv = Site(), services
    s.sv = sv
    sv.settings.site_timezone = "Europe/Helsinki"
    s.depot = (await sv.groups.add(ROOT, "Depot")).id
    s.bay = (await sv.groups.add(ROOT, "Bay", s.depot)).id
    s.office = (await sv.groups.add(ROOT, "Office")).id
    s.bay_st = await sv.stations.create_station("CP-BAY", group_id=s.bay, connectors=2, ctx=ROOT)
    s.office_st = await sv.stations.create_station("CP-OFF", group_id=s.office, connectors=1, ctx=ROOT)
    await sv.stations.update_station(s.office_st.id, s.office_st.version, name="Office Garage", ctx=ROOT)
    s.fleet = await sv.people.groups.create(ROOT, "Fleet")
    s.ann = await sv.people.users.create(ROOT, UserInput("Ånn", "Öberg", "ann@example.org",
                                                         group_rights=[s.depot, s.office]), [TokenInput("TAG-ANN", "card")])
    s.fred = await sv.people.users.create(ROOT, UserInput("Fred", "Fleet", "fred@example.org", group_rights=[s.depot],
                                                          user_group_id=s.fleet.id), [TokenInput("TAG-FRED")])
    tariff = await sv.tariffs.create_tariff(ROOT, "My Test Tariff", PRICES)
    group = await sv.tariffs.create_group(ROOT, "Depot prices", [{"tariff_id": str(tariff.id)}])
    await sv.tariffs.assign(ROOT, group.id, group_id=s.depot)
    s.depot_admin = OperatorContext(uuid7(), "depot-admin", ADMIN, s.depot, frozenset({s.depot, s.bay}))
    # four finished sessions, an hour apart, and one running
    base = utcnow() - timedelta(hours=6)
    s.ids = []
    for n, (info, tag, wh, minutes) in enumerate([(s.bay_st, "TAG-ANN", 5300, 14), (s.bay_st, "TAG-FRED", 2000, 50),
                                                  (s.office_st, "TAG-ANN", 9000, 30), (s.bay_st, "UNKNOWN1", 100, 5)]):
        t0 = base + timedelta(hours=n)
        start = await sv.transactions.start(info, 1, tag, 10_000, iso(t0))
        await sv.transactions.stop(info, start.ocpp_id, 10_000 + wh, iso(t0 + timedelta(minutes=minutes, seconds=23)))
        s.ids.append(start.ocpp_id)
    running = await sv.transactions.start(s.bay_st, 2, "TAG-FRED", 0, iso(utcnow() - timedelta(minutes=60)))
    sv.transactions.meter_values(s.bay_st, 2, running.ocpp_id, [{"timestamp": iso(utcnow()),
                                                                  "sampledValue": [{"value": "4000"}]}])
    s.running = running.ocpp_id
    await sv.batch.flush()
    await wait_priced(sv, 4)
    return s


async def wait_priced(sv, n, timeout=5.0):
    T = m.Transaction
    deadline = asyncio.get_running_loop().time() + timeout
    while await sv.store.read(lambda: T.select().where(T.cost_state == "final").count()) < n:
        assert asyncio.get_running_loop().time() < deadline
        await asyncio.sleep(0.02)


async def ids_of(sv, ctx=ROOT, **kw):
    page = await sv.sessions.page(ctx, SessionFilter(**kw), limit=1000)
    return [r.ocpp_id for r in page.items]


async def test_rows_carry_names_prices_and_durations(site):
    sv = site.sv
    rows = {r.ocpp_id: r for r in (await sv.sessions.page(ROOT)).items}
    ann = rows[site.ids[0]]
    assert (ann.station_identity, ann.user_name, ann.token_name, ann.tariff_name) == ("CP-BAY", "Ånn Öberg", "card",
                                                                                      "My Test Tariff")
    assert ann.cost_total == Decimal("7.89") and ann.currency == "EUR" and ann.cost_state == "final"
    assert ann.duration_s == 14 * 60 + 23 and ann.energy_wh == 5300 and ann.state_label == "Finished"
    fred = rows[site.ids[1]]
    assert fred.user_group_name == "Fleet" and fred.user_name == "Fred Fleet"
    office = rows[site.ids[2]]
    assert office.station_name == "Office Garage" and office.tariff_name == "Free" and office.cost_total == Decimal("0.00")
    live = rows[site.running]
    # so far: 5 + 4 kWh × 0.50 + ~1 h × 1
    assert live.cost_state == "so_far" and Decimal("7.99") <= live.cost_total <= Decimal("8.05")
    assert live.energy_wh == 4000 and 3590 <= live.duration_s <= 3700


async def test_each_filter(site):
    sv, ids = site.sv, site.ids
    assert await ids_of(sv) == [site.running, ids[3], ids[2], ids[1], ids[0]]
    assert await ids_of(sv, group_id=site.depot) == [site.running, ids[3], ids[1], ids[0]]  # Bay is below Depot
    assert await ids_of(sv, station_id=site.office_st.id) == [ids[2]]
    assert await ids_of(sv, station_id=site.bay_st.id, connector_id=2) == [site.running]
    assert await ids_of(sv, user_id=site.ann.id) == [ids[2], ids[0]]
    assert await ids_of(sv, user_group_id=site.fleet.id) == [site.running, ids[1]]
    assert await ids_of(sv, token_id=site.ann.tokens[0].id) == [ids[2], ids[0]]
    assert await ids_of(sv, state="active") == [site.running]
    assert await ids_of(sv, flagged=True) == [ids[3]]  # the unknown tag's session is flagged
    assert await ids_of(sv, text="garage") == [ids[2]]  # station name
    assert await ids_of(sv, text="unknown1") == [ids[3]]  # id tag
    assert await ids_of(sv, text="öberg") == [ids[2], ids[0]]  # user name
    assert await ids_of(sv, text="fred bay") == [site.running, ids[1]]  # every word must match
    first = (await sv.sessions.page(ROOT, SessionFilter(sort="start", descending=False), limit=1)).items[0]
    assert await ids_of(sv, since=first.started_at + timedelta(minutes=1), until=utcnow() - timedelta(hours=3, minutes=30)) == [ids[2], ids[1]]
    await sv.store.run(lambda: m.Transaction.update(flags=["meter_stop_below_start"]).where(
        m.Transaction.ocpp_id == ids[1]).execute())
    assert await ids_of(sv, flagged=True) == [ids[3], ids[1]]
    with pytest.raises(ValidationError):
        await sv.sessions.page(ROOT, SessionFilter(state="sleeping"))
    with pytest.raises(ValidationError):
        await sv.sessions.page(ROOT, SessionFilter(sort="colour"))


async def test_the_domain_limits_every_filter(site):
    sv, ids, ctx = site.sv, site.ids, site.depot_admin
    assert await ids_of(sv, ctx) == [site.running, ids[3], ids[1], ids[0]]
    assert await ids_of(sv, ctx, user_id=site.ann.id) == [ids[0]]  # Ann's office session is outside
    assert await ids_of(sv, ctx, text="garage") == []
    with pytest.raises(AccessDenied):
        await sv.sessions.page(ctx, SessionFilter(station_id=site.office_st.id))
    with pytest.raises(AccessDenied):
        await sv.sessions.page(ctx, SessionFilter(group_id=site.office))
    with pytest.raises(NotFound):
        await sv.sessions.page(ctx, SessionFilter(group_id=uuid7()))
    office_row = (await sv.sessions.page(ROOT, SessionFilter(station_id=site.office_st.id))).items[0]
    with pytest.raises(NotFound):
        await sv.sessions.get(ctx, office_row.id)
    assert await sv.sessions.rows(ctx, [office_row.id]) == []
    assert await sv.sessions.count(ctx) == 4 and await sv.sessions.count(ROOT) == 5


@pytest.mark.parametrize("sort", ["start", "energy", "duration", "cost"])
@pytest.mark.parametrize("descending", [True, False])
async def test_paging_in_every_sort_shows_every_row_once_in_order(site, sort, descending):
    sv = site.sv
    t0 = utcnow() - timedelta(days=3)

    def seed():
        rows = [{"id": uuid7(), "ocpp_id": 5000 + n, "station": site.bay_st.id, "connector_id": 1, "id_tag": "X",
                 "state": "completed", "started_at": t0 + timedelta(seconds=n // 3),
                 "stopped_at": t0 + timedelta(seconds=n // 3 + 60 * (n % 7)), "energy_wh": (n % 11) * 100,
                 "cost_total_minor": (n % 5) * 50 if n % 4 else None} for n in range(230)]
        m.Transaction.insert_many(rows).execute()

    await sv.store.run(seed)
    flt = SessionFilter(sort=sort, descending=descending)
    seen, cursor = [], None
    while True:
        page = await sv.sessions.page(ROOT, flt, cursor=cursor, limit=37)
        seen += page.items
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert len(seen) == 235 and len({r.id for r in seen}) == 235

    def key(r):
        return {"start": r.started_at, "energy": r.sort_value, "duration": r.sort_value, "cost": r.sort_value}[sort]
    finished = [r for r in seen if r.state != "active"]
    keys = [key(r) for r in finished]
    assert keys == sorted(keys, reverse=descending)


async def test_details_have_the_breakdown_chart_and_a_timeline(site):
    sv = site.sv
    row = (await sv.sessions.page(ROOT, SessionFilter(user_id=site.ann.id, station_id=site.bay_st.id))).items[0]
    detail = await sv.sessions.get(ROOT, row.id)
    assert {ln.code: str(ln.amount) for ln in detail.breakdown.lines} == {"connection": "5.00", "energy": "2.65",
                                                                         "time": "0.24"}
    assert detail.breakdown.total == Decimal("7.89")
    kinds = [e.kind for e in detail.timeline]
    assert kinds[0] == "start" and "stop" in kinds and kinds[-1] == "price"
    assert detail.timeline[-1].title == "Price fixed" and "7.89 EUR" in detail.timeline[-1].detail
    live_row = (await sv.sessions.page(ROOT, SessionFilter(state="active"))).items[0]
    live = await sv.sessions.get(ROOT, live_row.id)
    assert live.breakdown is not None and live.timeline[-1].title == "Price so far"
    assert [(p.energy_kwh, p.power_kw) for p in live.chart] == [(0.0, None), (4.0, None)]


async def test_reprice_shows_in_the_timeline(site):
    sv = site.sv
    row = (await sv.sessions.page(ROOT, SessionFilter(user_id=site.ann.id, station_id=site.bay_st.id))).items[0]
    flat = await sv.tariffs.create_tariff(ROOT, "Flat 3", {"kind": "flat", "session_price": "3"})
    old, new = await sv.pricing.reprice(ROOT, row.id, flat.id, "Driver complained about the price")
    assert (old.total, new.total) == (Decimal("7.89"), Decimal("3.00"))
    await sv.batch.flush()
    detail = await sv.sessions.get(ROOT, row.id)
    assert detail.session.cost_total == Decimal("3.00") and detail.session.tariff_name == "Flat 3"
    (entry,) = [e for e in detail.timeline if e.kind == "command"]
    assert entry.title == "Re-priced with Flat 3" and "7.89" in entry.detail and "Driver complained" in entry.detail


# -- CSV ----------------------------------------------------------------------------------------------------
async def test_the_csv_has_the_header_zone_offsets_and_utf8_names(site, tmp_path):
    sv = site.sv
    path = tmp_path / "sessions.csv"
    progress = []
    result = await sv.session_export.to_file(ROOT, SessionFilter(), path, progress=lambda d, t: progress.append((d, t)))
    assert result.rows == 5 and not result.cancelled and progress[-1] == (5, 5)
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
    assert tuple(rows[0]) == COLUMNS and len(rows) == 5
    ann = next(r for r in rows if r["transaction_id"] == str(site.ids[0]))
    started = datetime.fromisoformat(ann["started_at"])
    assert started.utcoffset() in (timedelta(hours=2), timedelta(hours=3))  # Helsinki, with its offset
    assert ann["started_at"][-6:] in ("+02:00", "+03:00")
    assert (ann["user"], ann["token_name"], ann["group"], ann["station_identity"]) == ("Ånn Öberg", "card", "Bay", "CP-BAY")
    assert (ann["energy_kwh"], ann["duration_s"], ann["status"]) == ("5.300", "863", "completed")
    assert (ann["connection_fee"], ann["energy_fee"], ann["time_fee"], ann["total"], ann["currency"]) == (
        "5.00", "2.65", "0.24", "7.89", "EUR")
    assert ann["evse_type"] == "Type2"
    live = next(r for r in rows if r["status"] == "active")
    assert live["stopped_at"] == "" and live["total"]  # priced so far


async def test_the_csv_export_is_what_the_filter_shows_and_can_be_cancelled(site, tmp_path):
    sv = site.sv
    text = "".join([piece async for piece in sv.session_export.chunks(ROOT, SessionFilter(user_id=site.ann.id))])
    assert len(list(csv.reader(io.StringIO(text)))) == 3  # header + Ann's two
    path = tmp_path / "cancelled.csv"
    result = await sv.session_export.to_file(ROOT, SessionFilter(), path, cancelled=lambda: True)
    assert result.cancelled and not path.exists() and not list(tmp_path.glob("*.part"))
    domain = "".join([p async for p in sv.session_export.chunks(site.depot_admin, SessionFilter())])
    assert "CP-OFF" not in domain and len(list(csv.reader(io.StringIO(domain)))) == 5
