"""Who may connect: identity from the path, basic auth, subprotocols, unknown-station policy."""

from __future__ import annotations

import asyncio

import pytest
from ocpp.v16 import call
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.csms.handshake import parse_basic_auth, station_identity_from_path
from evdesk.store import models as m
from tests.csms.rawclient import raw_station
from tests.csms.test_protocol_messages import wait_for


def test_identity_is_the_last_path_segment_percent_decoded():
    assert station_identity_from_path("/ocpp/CP%2D01") == "CP-01"
    assert station_identity_from_path("/CP_7?token=x") == "CP_7"
    assert station_identity_from_path("/a/b/c/") == "c"
    assert station_identity_from_path("/") == ""


def test_basic_auth_parsing():
    assert parse_basic_auth("Basic Q1AxOnNlY3JldA==") == ("CP1", "secret")
    assert parse_basic_auth("Basic !!!") is None
    assert parse_basic_auth("Bearer x") is None


async def test_percent_encoded_identity_connects(central, services):
    await services.stations.create_station("DEPOT_A-1", ctx=SYSTEM_CONTEXT)
    async with raw_station(central.url, "DEPOT%5FA-1") as st:
        assert (await st.call(call.Heartbeat())).current_time
    await wait_for(lambda: services.stations.get("DEPOT_A-1").connected is False)


async def test_station_without_subprotocol_is_served_as_16(central, services):
    await services.stations.create_station("CP-NOPROTO", ctx=SYSTEM_CONTEXT)
    async with raw_station(central.url, "CP-NOPROTO", subprotocols=None) as st:
        assert st._connection.subprotocol is None
        assert (await st.call(call.Heartbeat())).current_time


async def test_unsupported_subprotocol_only_is_refused(central, services):
    await services.stations.create_station("CP-201", ctx=SYSTEM_CONTEXT)
    with pytest.raises(InvalidStatus) as err:
        async with connect(central.url + "CP-201", subprotocols=["ocpp0.9"]):
            pass
    assert err.value.response.status_code == 400


async def test_basic_auth_wrong_password_gets_401(central, services):
    info = await services.stations.create_station("CP-SEC", password="s3cret-station-pw", ctx=SYSTEM_CONTEXT)
    assert info.password_hash and "s3cret" not in info.password_hash
    with pytest.raises(InvalidStatus) as err:
        async with raw_station(central.url, "CP-SEC", password="wrong-password"):
            pass
    assert err.value.response.status_code == 401
    assert "Basic" in err.value.response.headers["WWW-Authenticate"]
    with pytest.raises(InvalidStatus):
        async with raw_station(central.url, "CP-SEC"):
            pass
    async with raw_station(central.url, "CP-SEC", password="s3cret-station-pw") as st:
        assert (await st.call(call.Heartbeat())).current_time


async def test_hex_encoded_password_is_tolerated(central, services):
    await services.stations.create_station("CP-HEX", password="abcdefgh", ctx=SYSTEM_CONTEXT)
    async with raw_station(central.url, "CP-HEX", password="abcdefgh".encode().hex()) as st:
        assert (await st.call(call.Heartbeat())).current_time


async def test_unknown_station_is_held_pending_until_adopted(central, services):
    services.settings.unknown_station_policy = "pending"
    async with raw_station(central.url, "STRANGER-1", boot=False) as st:
        boot = await st.call(call.BootNotification(charge_point_vendor="X", charge_point_model="Y"))
        assert boot.status == "Pending"
        info = services.stations.get("STRANGER-1")
        assert info.registration == "pending"
        await services.stations.adopt(info.id, name="Yard charger", ctx=SYSTEM_CONTEXT)
        # adoption asks the waiting station to boot again right away
        await wait_for(lambda: any(a == "TriggerMessage" and p.get("requestedMessage") == "BootNotification" for a, p in st.received))
        boot = await st.call(call.BootNotification(charge_point_vendor="X", charge_point_model="Y"))
        assert boot.status == "Accepted"


async def test_unknown_station_rejected_by_policy(central, services):
    services.settings.unknown_station_policy = "reject"
    with pytest.raises(InvalidStatus) as err:
        async with raw_station(central.url, "STRANGER-2"):
            pass
    assert err.value.response.status_code == 404
    assert services.stations.get("STRANGER-2") is None


async def test_unknown_station_accepted_by_policy(central, services):
    services.settings.unknown_station_policy = "accept"
    async with raw_station(central.url, "STRANGER-3", boot=False) as st:
        assert (await st.call(call.BootNotification(charge_point_vendor="X", charge_point_model="Y"))).status == "Accepted"
    assert services.stations.get("STRANGER-3").registration == "adopted"


async def test_unknown_station_with_forbidden_identity_is_refused(central, services):
    with pytest.raises(InvalidStatus):
        async with raw_station(central.url, "bad%3Aname"):
            pass


async def test_rejected_station_cannot_connect(central, services):
    info = await services.stations.create_station("CP-REJ", ctx=SYSTEM_CONTEXT)
    await services.stations.reject(info.id, ctx=SYSTEM_CONTEXT)
    with pytest.raises(InvalidStatus):
        async with raw_station(central.url, "CP-REJ"):
            pass


async def test_reconnect_replaces_the_old_connection(central, services):
    await services.stations.create_station("CP-TWICE", ctx=SYSTEM_CONTEXT)
    async with raw_station(central.url, "CP-TWICE") as first:
        async with raw_station(central.url, "CP-TWICE") as second:
            await wait_for(lambda: first._connection.state.name == "CLOSED")
            assert (await second.call(call.Heartbeat())).current_time
            assert central.connections["CP-TWICE"].websocket is not None


async def test_connection_state_goes_temporarily_then_long_term_unavailable(central, services):
    services.settings.temporarily_unavailable_after = 0.2
    services.settings.long_term_unavailable_after = 0.5
    await services.stations.create_station("CP-QUIET", ctx=SYSTEM_CONTEXT)
    async with raw_station(central.url, "CP-QUIET"):
        info = services.stations.get("CP-QUIET")
        assert info.connection_state == "online"

        def state_after_check():
            services.status.check_silence()  # what the periodic check does
            return info.connection_state

        await wait_for(lambda: state_after_check() != "online")
        assert info.connection_state == "temporarily_unavailable"
        await wait_for(lambda: state_after_check() != "temporarily_unavailable")
        assert info.connection_state == "long_term_unavailable"
    await services.batch.flush()
    states = await services.store.run(lambda: [e.state for e in m.StationEvent.select().where(m.StationEvent.kind == "network").order_by(m.StationEvent.at)])
    assert states[:3] == ["online", "temporarily_unavailable", "long_term_unavailable"]


async def test_boot_configures_meter_interval_after_quiet_period(central, services):
    services.settings.post_boot_quiet_seconds = 0.3
    info = await services.stations.create_station("CP-CFG", ctx=SYSTEM_CONTEXT)
    await services.stations.update_station(info.id, info.version, meter_value_interval=30, ctx=SYSTEM_CONTEXT)
    async with raw_station(central.url, "CP-CFG") as st:
        t0 = asyncio.get_running_loop().time()
        await wait_for(lambda: any(a == "ChangeConfiguration" for a, _ in st.received))
        assert asyncio.get_running_loop().time() - t0 >= 0.25
        action, payload = next((a, p) for a, p in st.received if a == "ChangeConfiguration")
        assert payload == {"key": "MeterValueSampleInterval", "value": "30"}
