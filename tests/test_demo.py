"""The demo site: seeded once, with an admin the demo logs in as, and prices for its sessions."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from evdesk.core.clock import utcnow
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.core.pricing.selection import Who
from evdesk.demo import DEMO_PASSWORD, DEMO_TARIFFS, DEMO_USERNAME, STATIONS, seed_demo
from evdesk.store import models as m


async def test_demo_seeds_a_site_once_and_its_admin_can_log_in(services):
    assert await seed_demo(services) is True
    assert await seed_demo(services) is False  # reopening the demo keeps what is there
    assert {s.identity for s in services.stations.all()} == {s.identity for s in STATIONS}
    assert await services.store.run(lambda: m.Token.select().count()) >= 30
    session = await services.login.login(DEMO_USERNAME, DEMO_PASSWORD)
    assert session.ctx.role == "admin" and session.ctx.is_root


async def test_the_demo_sessions_have_prices(services):
    await seed_demo(services)
    tariffs = services.tariffs
    names = {t.name for t in tariffs.list_tariffs()}
    assert set(DEMO_TARIFFS) <= names and [g.name for g in tariffs.list_groups()] == ["Northwind prices",
                                                                                        "Visitor prices"]
    places = sorted(tariffs.describe_target(a) for a in tariffs.assignments.values())
    assert places == ["group Northwind Logistics", "group Visitor parking"]
    await seed_demo(services)  # reopened: nothing doubled
    assert len(tariffs.list_tariffs()) == len(names)
    groups = {g.name: g.id for g in await services.people.groups.list()}
    monday_noon = utcnow().replace(hour=10, minute=0) - timedelta(days=utcnow().weekday())

    def applied(identity: str, user_group: str | None):
        station = services.stations.get(identity)
        return tariffs.resolve(station, 1, Who(user_group_id=groups.get(user_group)), monday_noon)

    assert applied("ND-BUS-01", "Fleet vehicles").name == "Fleet"
    assert applied("ND-VAN-01", "Drivers").name == "Night"
    assert applied("HO-STAFF-01", "Office staff").name == "Standard"
    visitor = applied("HO-VIS-01", None)
    assert visitor.name == "Visitor" and visitor.prices.idle_fee_per_hour == Decimal(3)
    assert applied("HO-VIS-01", "Office staff").name == "Standard"  # on a weekday at noon (Helsinki)


async def test_the_demo_stations_stand_at_locations_with_their_charging_points_electrics(services):
    await seed_demo(services)
    locations = {row.name: row for row in await services.locations.list(SYSTEM_CONTEXT)}
    assert set(locations) == {"North depot", "South depot", "Head office"}
    assert all(row.address and row.city and row.country == "FI" and row.latitude and row.timezone == "Europe/Helsinki"
               for row in locations.values())
    seen_codes = set()
    for st in STATIONS:
        details = await services.station_details.details(SYSTEM_CONTEXT, services.stations.get(st.identity).id)
        expected_place = "Head office" if st.group == "Visitor parking" else st.group
        assert details.location_id == locations[expected_place].id, st.identity
        assert len(details.evses) == st.connectors
        for evse in details.evses:
            assert evse.emi3_id.startswith("FI*NWL*E") and evse.emi3_id not in seen_codes
            seen_codes.add(evse.emi3_id)
            if st.max_power_w > 22000:
                assert evse.current_type == "DC" and evse.connectors[0].cable and evse.connectors[0].socket_type == "CCS2"
            else:
                assert evse.current_type == "AC" and (evse.phase if evse.phases == 1 else evse.phase_rotation)
    await seed_demo(services)  # reopened: nothing doubled
    assert len(await services.locations.list(SYSTEM_CONTEXT)) == 3
