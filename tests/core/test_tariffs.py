"""Tariffs, tariff groups and assignments (evdesk/core/tariffs.py), and the prices sessions get
from them (evdesk/core/session_pricing.py), through the real services and store."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from decimal import Decimal

import pytest

from evdesk.core import events as ev
from evdesk.core.clock import utcnow
from evdesk.core.errors import AccessDenied, StaleEdit, ValidationError
from evdesk.core.people_types import TokenInput, UserInput
from evdesk.core.permissions import ADMIN, BASIC, SYSTEM_CONTEXT, OperatorContext
from evdesk.settings import SiteSettings
from evdesk.store import models as m

ROOT = SYSTEM_CONTEXT
MY_TEST_TARIFF = {"kind": "energy_time", "energy_price": "0.50", "time_price": "1", "time_unit": "hour",
                  "connection_fee": "5"}


def iso(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


class Site:
    pass


@pytest.fixture
async def site(services):
    """Depot (with Bay below it) and Office; a station in Bay and one in Office; a tariff group on Depot."""
    s = Site()
    s.sv = services
    s.depot = (await services.groups.add(ROOT, "Depot")).id
    s.bay = (await services.groups.add(ROOT, "Bay", s.depot)).id
    s.office = (await services.groups.add(ROOT, "Office")).id
    s.bay_station = await services.stations.create_station("CP-BAY", group_id=s.bay, connectors=2, ctx=ROOT)
    s.office_station = await services.stations.create_station("CP-OFF", group_id=s.office, connectors=1, ctx=ROOT)
    s.fleet = await services.people.groups.create(ROOT, "Fleet")
    s.ann = await services.people.users.create(ROOT, UserInput("Ann", "Able", "ann@example.org",
                                                               group_rights=[s.depot, s.office]),
                                               [TokenInput("TAG-ANN")])
    s.fred = await services.people.users.create(ROOT, UserInput("Fred", "Fleet", "fred@example.org",
                                                                group_rights=[s.depot], user_group_id=s.fleet.id),
                                                [TokenInput("TAG-FRED")])
    s.standard = await services.tariffs.create_tariff(ROOT, "My Test Tariff", MY_TEST_TARIFF)
    s.fleet_tariff = await services.tariffs.create_tariff(ROOT, "Fleet", {"kind": "flat", "session_price": "2"})
    s.group = await services.tariffs.create_group(ROOT, "Depot prices", [
        {"tariff_id": str(s.standard.id)},
        {"tariff_id": str(s.fleet_tariff.id), "user_group_ids": [str(s.fleet.id)]}])
    await services.tariffs.assign(ROOT, s.group.id, group_id=s.depot)
    return s


async def session(sv, info, tag, minutes, wh, connector=1, start_offset=timedelta(hours=2)):
    t0 = utcnow() - start_offset
    start = await sv.transactions.start(info, connector, tag, 10_000, iso(t0))
    await sv.transactions.stop(info, start.ocpp_id, 10_000 + wh, iso(t0 + timedelta(minutes=minutes, seconds=23)))
    return start.ocpp_id


async def priced(sv, ocpp_id, state="final", timeout=5.0):
    T = m.Transaction
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        row = await sv.store.read(lambda: T.get(T.ocpp_id == ocpp_id))
        if row.cost_state == state:
            return row
        assert asyncio.get_running_loop().time() < deadline, f"session not priced ({row.cost_state!r})"
        await asyncio.sleep(0.02)


async def test_a_group_gets_a_free_base_tariff_named_after_it(site):
    base = site.sv.tariffs.tariff(site.group.base_tariff_id)
    assert base.name == "Depot prices: Base tariff" and base.prices.is_free and base.base_of == site.group.id
    assert site.sv.tariffs.tariff(site.standard.id).in_groups == ("Depot prices",)


async def test_a_session_gets_the_groups_tariff_and_is_priced_at_stop(site):
    # the eCharge "My Test Tariff" worked example: 5.3 kWh in 00:14:23 → 2.65 + 0.24 + 5.00
    ocpp_id = await session(site.sv, site.bay_station, "TAG-ANN", 14, 5300)
    row = await priced(site.sv, ocpp_id)
    assert row.tariff_name == "My Test Tariff" and row.tariff_id == site.standard.id
    assert row.cost["total"] == "7.89" and row.cost_total_minor == 789 and row.currency == "EUR"
    assert {ln["code"]: ln["amount"] for ln in row.cost["lines"]} == {
        "connection": "5.00", "energy": "2.65", "time": "0.24"}


async def test_the_lowest_admitting_entry_wins_and_others_fall_back(site):
    fred = await session(site.sv, site.bay_station, "TAG-FRED", 30, 8000)
    assert (await priced(site.sv, fred)).cost["total"] == "2.00"
    # no tariff group on Office: Free, still recorded
    office = await session(site.sv, site.office_station, "TAG-ANN", 30, 8000)
    row = await priced(site.sv, office)
    assert row.tariff_name == "Free" and row.cost["total"] == "0.00"


async def test_a_station_and_a_connector_assignment_beat_the_group(site):
    flat = await site.sv.tariffs.create_tariff(ROOT, "Flat 9", {"kind": "flat", "session_price": "9"})
    other = await site.sv.tariffs.create_group(ROOT, "Connector two", [{"tariff_id": str(flat.id)}])
    await site.sv.tariffs.assign(ROOT, other.id, station_id=site.bay_station.id, connector_id=2)
    on_two = await session(site.sv, site.bay_station, "TAG-ANN", 10, 1000, connector=2)
    on_one = await session(site.sv, site.bay_station, "TAG-ANN", 10, 1000, connector=1)
    assert (await priced(site.sv, on_two)).tariff_name == "Flat 9"
    assert (await priced(site.sv, on_one)).tariff_name == "My Test Tariff"


async def test_the_tariff_at_the_start_applies_when_it_changes_while_running(site):
    sv, info = site.sv, site.bay_station
    t0 = utcnow() - timedelta(minutes=30)
    start = await sv.transactions.start(info, 1, "TAG-ANN", 0, iso(t0))
    changed = {**MY_TEST_TARIFF, "energy_price": "9.99"}
    await sv.tariffs.update_tariff(ROOT, site.standard.id, site.standard.version, "My Test Tariff", changed)
    await sv.transactions.stop(info, start.ocpp_id, 1000, iso(t0 + timedelta(minutes=30)))
    assert (await priced(sv, start.ocpp_id)).cost["total"] == "6.00"  # 0.50 + 0.50 + 5.00 at the start's prices


async def test_running_sessions_are_priced_so_far(site):
    sv, info = site.sv, site.bay_station
    t0 = utcnow() - timedelta(minutes=60)
    start = await sv.transactions.start(info, 1, "TAG-ANN", 0, iso(t0))
    sv.transactions.meter_values(info, 1, start.ocpp_id, [{"timestamp": iso(utcnow()), "sampledValue": [{"value": "4000"}]}])
    so_far = sv.pricing.so_far(sv.running.by_ocpp_id[start.ocpp_id], now=t0 + timedelta(minutes=60))
    assert so_far.total == Decimal("8.00")  # 5 + 4 kWh × 0.50 + 1 h × 1


async def test_deleting_what_is_in_use_is_refused(site):
    tariffs = site.sv.tariffs
    with pytest.raises(ValidationError, match="Depot prices"):
        await tariffs.delete_tariff(ROOT, site.standard.id, site.standard.version)
    with pytest.raises(ValidationError, match="base tariff"):
        base = tariffs.tariff(site.group.base_tariff_id)
        await tariffs.delete_tariff(ROOT, base.id, base.version)
    with pytest.raises(ValidationError, match="in use .*group Depot"):
        await tariffs.delete_group(ROOT, site.group.id, site.group.version)
    (assignment,) = tariffs.assignments_of(site.group.id)
    await tariffs.unassign(ROOT, assignment.id)
    await tariffs.delete_group(ROOT, site.group.id, tariffs.group(site.group.id).version)
    assert site.group.base_tariff_id not in tariffs.tariffs  # the base goes with its group
    await tariffs.delete_tariff(ROOT, site.standard.id, tariffs.tariff(site.standard.id).version)


async def test_a_stale_edit_is_refused(site):
    tariffs = site.sv.tariffs
    await tariffs.update_tariff(ROOT, site.standard.id, site.standard.version, "Renamed", MY_TEST_TARIFF)
    with pytest.raises(StaleEdit):
        await tariffs.update_tariff(ROOT, site.standard.id, site.standard.version, "Again", MY_TEST_TARIFF)


async def test_names_are_unique_and_prices_are_checked(site):
    with pytest.raises(ValidationError) as err:
        await site.sv.tariffs.create_tariff(ROOT, "My Test Tariff", {"kind": "free"})
    assert err.value.field == "name"
    with pytest.raises(ValidationError) as err:
        await site.sv.tariffs.create_tariff(ROOT, "Pounds", {"kind": "flat", "currency": "GBP", "session_price": "1"})
    assert err.value.field == "currency"
    with pytest.raises(ValidationError) as err:
        await site.sv.tariffs.create_group(ROOT, "Bad", [{"tariff_id": str(site.group.base_tariff_id)}])
    assert err.value.field == "entries"


async def test_who_may_change_tariffs_by_role_and_domain(site):
    sv = site.sv
    depot_admin = sv.groups.fresh(OperatorContext(None, "depot-admin", ADMIN, base_group_id=site.depot))
    root_basic = OperatorContext(None, "root-basic", BASIC)
    for ctx in (depot_admin, root_basic):  # prices reach the whole site
        with pytest.raises(AccessDenied):
            await sv.tariffs.create_tariff(ctx, "Mine", {"kind": "free"})
        with pytest.raises(AccessDenied):
            await sv.tariffs.update_group(ctx, site.group.id, site.group.version, "Mine", [])
    # a group admin assigns inside the domain, never outside it
    await sv.tariffs.assign(depot_admin, site.group.id, station_id=site.bay_station.id)
    with pytest.raises(AccessDenied):
        await sv.tariffs.assign(depot_admin, site.group.id, station_id=site.office_station.id)
    with pytest.raises(AccessDenied):
        await sv.tariffs.assign(depot_admin, site.group.id, group_id=site.office)
    with pytest.raises(AccessDenied):
        await sv.tariffs.assign(root_basic, site.group.id, group_id=site.office)
    assert {a.station_id for a in sv.tariffs.list_assignments(depot_admin)} == {site.bay_station.id, None}


async def test_the_currency_cannot_change_once_a_tariff_has_prices(site):
    changed = SiteSettings(**{**site.sv.settings.__dict__, "currency": "GBP"})
    with pytest.raises(ValidationError) as err:
        await site.sv.save_settings(changed, ctx=ROOT)
    assert err.value.field == "currency" and site.sv.settings.currency == "EUR"


async def test_parking_is_priced_until_the_cable_is_out(site):
    sv, info = site.sv, site.bay_station
    parking = await sv.tariffs.create_tariff(ROOT, "Parking", {"kind": "energy_time", "energy_price": "0.30",
                                                               "idle_fee_per_hour": "6"})
    group = await sv.tariffs.create_group(ROOT, "Parking group", [{"tariff_id": str(parking.id)}])
    await sv.tariffs.assign(ROOT, group.id, station_id=info.id)
    t0 = utcnow() - timedelta(hours=2)
    status = sv.status

    def report(state, at):
        status.status_notification(info, 1, state, "NoError", "", iso(at))

    start = await sv.transactions.start(info, 1, "TAG-ANN", 0, iso(t0))
    report("Charging", t0)
    report("SuspendedEV", t0 + timedelta(minutes=60))  # car full: parking from here
    await sv.transactions.stop(info, start.ocpp_id, 10_000, iso(t0 + timedelta(minutes=90)))
    report("Finishing", t0 + timedelta(minutes=90))
    row = await priced(sv, start.ocpp_id, "parking")
    assert row.cost["total"] != "3.00"  # parking so far is in it
    report("Available", t0 + timedelta(minutes=120))
    row = await priced(sv, start.ocpp_id, "final")
    lines = {ln["code"]: ln for ln in row.cost["lines"]}
    assert lines["idle"]["quantity"] == "1" and lines["idle"]["amount"] == "6.00"
    assert row.cost["total"] == "9.00"


async def test_a_session_ended_before_its_price_was_written_is_priced_at_the_next_start(site, store, site_settings):
    from evdesk.core.services import Services

    sv, info = site.sv, site.bay_station
    t0 = utcnow() - timedelta(hours=1)
    start = await sv.transactions.start(info, 1, "TAG-ANN", 0, iso(t0))
    sv.pricing.stop()  # the price is never written: as if evdesk died right after the Stop
    await sv.transactions.stop(info, start.ocpp_id, 2000, iso(t0 + timedelta(minutes=30)))
    T = m.Transaction
    assert (await store.read(lambda: T.get(T.ocpp_id == start.ocpp_id))).cost_state == ""
    await sv.stop()
    again = Services(store, site_settings)
    await again.start(load_settings=False)
    try:
        assert (await priced(again, start.ocpp_id)).cost["total"] == "6.50"
    finally:
        await again.stop()


async def test_reprice_with_another_tariff_logs_both_amounts(site):
    sv = site.sv
    ocpp_id = await session(sv, site.bay_station, "TAG-ANN", 14, 5300)
    row = await priced(sv, ocpp_id)
    seen = []
    sv.bus.subscribe(ev.ActionLogged, seen.append)
    depot_basic = sv.groups.fresh(OperatorContext(None, "basic", BASIC, base_group_id=site.depot))
    with pytest.raises(AccessDenied):
        await sv.pricing.reprice(depot_basic, row.id, site.fleet_tariff.id)
    old, new = await sv.pricing.reprice(ROOT, row.id, site.fleet_tariff.id, "Driver complained")
    assert (old.total, new.total) == (Decimal("7.89"), Decimal("2.00"))
    row = await priced(sv, ocpp_id)
    assert row.tariff_name == "Fleet" and row.cost["total"] == "2.00"
    A = m.ActionLog
    logged = await sv.store.read(lambda: A.get(A.action == "Reprice"))
    assert logged.reason == "Driver complained" and logged.request["old_total"] == "7.89"
    assert logged.request["new_total"] == "2.00" and logged.outcome == "done"


async def test_the_group_applying_to_a_station_says_where_it_comes_from(site):
    tariffs = site.sv.tariffs
    bay, office = site.bay_station, site.office_station
    assert tariffs.applying(bay) == (site.group, "from charging group Depot")  # inherited from Bay's parent
    assert tariffs.applying(office) == (None, "")
    other = await tariffs.create_group(ROOT, "Other prices")
    await tariffs.assign(ROOT, other.id, station_id=bay.id, connector_id=2)
    assert tariffs.applying(bay, 2)[0].id == other.id and tariffs.applying(bay, 2)[1] == "the connector's own"
    assert tariffs.applying(bay, 1)[1] == "from charging group Depot"
    await tariffs.assign(ROOT, other.id, station_id=bay.id)
    assert tariffs.applying(bay)[1] == "the station's own"


async def test_an_offline_session_replayed_late_is_priced_by_the_stations_times(site):
    # the station was offline at night and sends Start and Stop a day later: day/night by its times
    sv, info = site.sv, site.bay_station
    sv.settings.site_timezone = "UTC"  # the hours below are the site's
    night = await sv.tariffs.create_tariff(ROOT, "Day and night", {
        "kind": "day_night", "day_starts": "07:00", "night_starts": "22:00", "energy_price": "0.40",
        "night_energy_price": "0.20"})
    group = await sv.tariffs.create_group(ROOT, "Night group", [{"tariff_id": str(night.id)}])
    await sv.tariffs.assign(ROOT, group.id, station_id=info.id)
    yesterday = (utcnow() - timedelta(days=1)).replace(hour=21, minute=0, second=0, microsecond=0)
    start = await sv.transactions.start(info, 1, "TAG-ANN", 0, iso(yesterday))
    await sv.transactions.stop(info, start.ocpp_id, 10_000, iso(yesterday + timedelta(hours=2)))
    row = await priced(sv, start.ocpp_id)
    lines = {ln["code"]: ln["amount"] for ln in row.cost["lines"]}
    assert lines == {"energy": "2.00", "energy_night": "1.00"} and row.cost["total"] == "3.00"
