"""Authorization and local authorization lists against the built-in simulator over real websockets."""

from __future__ import annotations

from datetime import date

import pytest
from ocpp.v16 import call

from evdesk.core.people_types import TokenInput, UserInput
from evdesk.core.permissions import SYSTEM_CONTEXT as ADMIN
from evdesk.core.reads.people import TokenFilter
from evdesk.simulator import ScaledClock, SimulatedStation
from evdesk.store import models as m
from tests.csms.test_protocol_messages import wait_for


@pytest.fixture
async def people(services):
    p = services.people
    await p.users.create(ADMIN, UserInput("Ann", "Ok"), [TokenInput("04OK01")])
    await p.users.create(ADMIN, UserInput("Bea", "Blocked"), [TokenInput("04BL01", status="blocked")])
    await p.users.create(ADMIN, UserInput("Cid", "Old"), [TokenInput("04EX01", valid_to_day=date(2020, 1, 1))])
    await p.users.create(ADMIN, UserInput("Dan", "Off", status="disabled", disabled_reason="left"), [TokenInput("04DS01")])
    return p


async def boot(central, services, identity="LL-1", **kw):
    await services.stations.create_station(identity, connectors=2, ctx=ADMIN)
    st = SimulatedStation(identity, central.url, connectors=2, clock=ScaledClock(20.0),
                          config={"LocalAuthListEnabled": "true", "LocalPreAuthorize": "false"}, **kw)
    await st.start()
    await st.wait_accepted(10)
    return st


async def test_station_gets_each_outcome(central, services, people):
    st = await boot(central, services)
    try:
        for tag, status in (("04OK01", "Accepted"), ("04BL01", "Blocked"), ("04EX01", "Expired"),
                            ("04DS01", "Blocked"), ("NOPE", "Invalid")):
            result = await st.send_call(call.Authorize(id_tag=tag))
            assert result.id_tag_info["status"] == status, tag
        await st.plug_in(1)
        assert await st.present_token(1, "04ok01")  # any case
        await wait_for(lambda: services.transactions.active_on(services.stations.get("LL-1").id, 1) is not None, 10)
        # the same user again elsewhere: one session at a time
        result = await st.send_call(call.Authorize(id_tag="04OK01"))
        assert result.id_tag_info["status"] == "ConcurrentTx"
    finally:
        await st.stop()


async def test_full_list_on_boot_then_differential_with_only_the_change_and_clear_cache(central, services, people):
    st = await boot(central, services)
    try:
        await wait_for(lambda: st.local_list_version >= 1, 10)
        # blocked and expired tokens are listed so an offline station refuses them; unknown-here ones are not
        assert {k: v["status"] for k, v in st.local_list.items()} == {
            "04OK01": "Accepted", "04BL01": "Blocked", "04EX01": "Expired", "04DS01": "Blocked"}
        v1 = st.local_list_version
        st.auth_cache["04OK01"] = {"status": "Accepted"}
        token = (await people.reads.tokens(ADMIN, TokenFilter("04OK01"))).items[0]
        await people.tokens.set_status(ADMIN, token.id, "blocked")
        call = await st.wait_for_call("ClearCache", timeout=10)
        assert call is not None
        await wait_for(lambda: st.local_list_version > v1 and st.local_list["04OK01"]["status"] == "Blocked", 10)
        last = [c for c in st.received if c.action == "SendLocalList"][-1].payload
        assert last["updateType"] == "Differential" and last["listVersion"] == v1 + 1
        assert last["localAuthorizationList"] == [{"idTag": "04OK01", "idTagInfo": {"status": "Blocked"}}]  # only the change
        assert central.local_lists.sent[0][2] == "Full"
        assert not st.auth_cache  # ClearCache emptied it
        v2 = st.local_list_version
        await people.users.create(ADMIN, UserInput("Eve", "New"), [TokenInput("04NEW1")])
        await wait_for(lambda: "04NEW1" in st.local_list, 10)
        assert st.local_list_version == v2 + 1 and central.local_lists.sent[-1][2:] == ("Differential", 1)
        await wait_for(lambda: central.local_lists._locks[services.stations.get("LL-1").id].locked() is False, 5)
        state = await services.store.run(lambda: m.LocalListState.get())
        assert state.list_version == st.local_list_version and "04NEW1" in state.entries
    finally:
        await st.stop()


async def test_reconnect_with_a_stale_version_gets_a_full_update(central, services, people):
    st = await boot(central, services)
    try:
        await wait_for(lambda: st.local_list_version >= 1, 10)
        st.local_list, st.local_list_version = {}, 0  # the station lost its list (factory reset)
        await st.reboot()
        await st.wait_accepted(20)
        await wait_for(lambda: sum(1 for s in central.local_lists.sent if s[2] == "Full") == 2, 15)
        assert "04OK01" in st.local_list
    finally:
        await st.stop()


async def test_a_station_booted_before_any_token_gets_its_list_with_the_first_token(central, services):
    st = await boot(central, services, "LL-EMPTY")
    try:
        await services.people.users.create(ADMIN, UserInput("First", "Driver"), [TokenInput("04FIRST")])
        await wait_for(lambda: "04FIRST" in st.local_list, 10)
    finally:
        await st.stop()


async def test_a_night_only_token_leaves_the_list_when_a_profile_restricts_it(central, services, people):
    """An offline charger must not accept at noon a token only a night window admits (access profiles)."""
    st = await boot(central, services)
    try:
        await wait_for(lambda: "04OK01" in st.local_list, 10)
        token = (await people.reads.tokens(ADMIN, TokenFilter("04OK01"))).items[0]
        night = await services.access_profiles.create(
            ADMIN, "Night shift", [{"days": [0, 1, 2, 3, 4], "start": "22:00", "end": "06:00"}],
            token_ids=[token.id], station_ids=[services.stations.get("LL-1").id])
        await wait_for(lambda: "04OK01" not in st.local_list, 10)
        last = [c for c in st.received if c.action == "SendLocalList"][-1].payload
        assert last["updateType"] == "Differential" and last["localAuthorizationList"] == [{"idTag": "04OK01"}]
        # open at every hour: listed again
        await services.access_profiles.update(ADMIN, night.id, night.version, "Night shift",
                                              [{"days": list(range(7)), "start": "00:00", "end": "23:59"}],
                                              token_ids=[token.id], station_ids=[services.stations.get("LL-1").id])
        await wait_for(lambda: st.local_list.get("04OK01", {}).get("status") == "Accepted", 10)
    finally:
        await st.stop()
