"""Refresh configuration stores what it claims; a new AuthorizationKey never reaches a log and becomes the password."""

from __future__ import annotations

import asyncio
import json
import logging

import pytest
from ocpp.v16 import call
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from evdesk.core.errors import AccessDenied
from evdesk.core.permissions import ADMIN, BASIC, SYSTEM_CONTEXT, OperatorContext
from evdesk.core.station_config import StationConfigService
from evdesk.store import models as m
from tests.csms.rawclient import RawStation, raw_station

OPERATOR = OperatorContext(None, "Ada Admin", ADMIN)
NEW_KEY = "n3w-Station-Key-7f3a9c"
OLD_PASSWORD = "old-station-pw-1234"


class ConfigStation(RawStation):
    """Answers GetConfiguration like a real charger (and one that wrongly returns its AuthorizationKey)."""

    KEYS = {
        "HeartbeatInterval": ("300", False),
        "NumberOfConnectors": ("2", True),
        "AuthorizationKey": ("leaked-old-key-99", False),
        "Vendor.Mode": (None, False),
    }

    async def route_message(self, raw_msg):
        msg = json.loads(raw_msg)
        if msg[0] == 2 and msg[2] == "GetConfiguration":
            self.raw_frames.put_nowait(raw_msg)
            asked = msg[3].get("key") or list(self.KEYS)
            known = [{"key": k, "readonly": self.KEYS[k][1], **({"value": self.KEYS[k][0]} if self.KEYS[k][0] is not None else {})}
                     for k in asked if k in self.KEYS]
            unknown = [k for k in asked if k not in self.KEYS]
            await self._send(json.dumps([3, msg[1], {"configurationKey": known, **({"unknownKey": unknown} if unknown else {})}]))
            return
        await super().route_message(raw_msg)


async def open_station(url: str, identity: str, cls=ConfigStation, password: str | None = None):
    import base64

    headers = {"Authorization": "Basic " + base64.b64encode(f"{identity}:{password}".encode()).decode()} if password else {}
    ws = await connect(url + identity, subprotocols=["ocpp1.6"], additional_headers=headers)
    st = cls(identity, ws)
    task = asyncio.create_task(st.start())
    return ws, st, task


async def test_refresh_configuration_stores_keys_readonly_fetch_time_and_unknown_keys(central, services):
    info = await services.stations.create_station("CFG-1", ctx=SYSTEM_CONTEXT)
    ws, st, task = await open_station(central.url, "CFG-1")
    try:
        full = await central.commands.get_configuration(info.id, ctx=OPERATOR, reason="refresh")
        assert full.ok and "4 key(s) stored" in full.message
        some = await central.commands.get_configuration(info.id, ["HeartbeatInterval", "Bogus"], ctx=OPERATOR, reason="x")
        assert some.ok and "1 unknown" in some.message
    finally:
        task.cancel()
        await ws.close()
    reader = StationConfigService(services.store, services.stations)
    rows = {r.key: r for r in await reader.configuration_keys(OPERATOR, info.id)}
    assert rows["HeartbeatInterval"].value == "300" and not rows["HeartbeatInterval"].readonly
    assert rows["NumberOfConnectors"].readonly and rows["NumberOfConnectors"].known
    assert rows["Vendor.Mode"].value is None and rows["Vendor.Mode"].known
    assert rows["Bogus"].known is False and rows["Bogus"].fetched_at is not None
    assert rows["HeartbeatInterval"].fetched_at >= rows["NumberOfConnectors"].fetched_at
    # a password the station should not have returned is never kept
    assert rows["AuthorizationKey"].value == "********"
    logged = await services.store.run(lambda: [r.payload for r in m.MessageLog.select()] +
                                      [json.dumps(r.response) for r in m.ActionLog.select()])
    assert not any("leaked-old-key-99" in text for text in logged)
    assert full.response["configuration_key"] and "leaked-old-key-99" not in json.dumps(full.response)


async def test_configuration_keys_respect_the_operators_domain(central, services):
    group_a = await services.groups.add(SYSTEM_CONTEXT, "A")
    group_b = await services.groups.add(SYSTEM_CONTEXT, "B")
    info = await services.stations.create_station("CFG-B", group_id=group_b.id, ctx=SYSTEM_CONTEXT)
    outsider = services.groups.fresh(OperatorContext(None, "Basic A", BASIC, base_group_id=group_a.id))
    reader = StationConfigService(services.store, services.stations)
    with pytest.raises(AccessDenied):
        await reader.configuration_keys(outsider, info.id)
    assert await reader.configuration_keys(OPERATOR, info.id) == []


@pytest.fixture
def app_log_levels():
    """Everything at DEBUG, the libraries as configure_logging sets them in the app."""
    saved = {name: logging.getLogger(name).level for name in ("ocpp", "websockets")}
    for name in saved:
        logging.getLogger(name).setLevel(logging.WARNING)
    yield
    for name, level in saved.items():
        logging.getLogger(name).setLevel(level)


async def test_new_authorization_key_is_masked_everywhere_and_becomes_the_password(central, services, caplog,
                                                                                    app_log_levels):
    caplog.set_level(logging.DEBUG)
    info = await services.stations.create_station("CFG-KEY", password=OLD_PASSWORD, ctx=SYSTEM_CONTEXT)
    async with raw_station(central.url, "CFG-KEY", password=OLD_PASSWORD) as st:
        result = await central.commands.change_configuration(info.id, "AuthorizationKey", NEW_KEY, ctx=OPERATOR,
                                                             reason="rotate the station password")
        assert result.ok, result
        sent = [p for a, p in st.received if a == "ChangeConfiguration" and p.get("key") == "AuthorizationKey"]
        assert sent == [{"key": "AuthorizationKey", "value": NEW_KEY}]  # the station itself gets it
    await services.batch.flush()

    def stored_text():
        texts = [r.payload for r in m.MessageLog.select()]
        texts += [json.dumps([r.request, r.response, r.error]) for r in m.ActionLog.select()]
        texts += [str(r.value) for r in m.StationConfigKey.select()]
        return texts

    texts = await services.store.run(stored_text)
    assert any('"AuthorizationKey"' in t and "********" in t for t in texts)  # the frame is logged, masked
    assert not [t for t in texts if NEW_KEY in t]
    assert not [r for r in caplog.records if NEW_KEY in r.getMessage()]

    # the station's next connect uses the new key: let in; the old password no longer works
    async with raw_station(central.url, "CFG-KEY", password=NEW_KEY) as st:
        assert (await st.call(call.Heartbeat())).current_time
    with pytest.raises(InvalidStatus) as err:
        async with raw_station(central.url, "CFG-KEY", password=OLD_PASSWORD):
            pass
    assert err.value.response.status_code == 401


async def test_authorization_key_needs_the_right_to_edit_stations(central, services):
    group = await services.groups.add(SYSTEM_CONTEXT, "Depot")
    info = await services.stations.create_station("CFG-BASIC", group_id=group.id, password=OLD_PASSWORD,
                                                  ctx=SYSTEM_CONTEXT)
    basic = OperatorContext(None, "Basic Bea", BASIC)
    assert (await central.commands.change_configuration(info.id, "HeartbeatInterval", "60", ctx=basic,
                                                         reason="x")).outcome == "offline"  # may send commands
    with pytest.raises(AccessDenied):
        await central.commands.change_configuration(info.id, "AuthorizationKey", NEW_KEY, ctx=basic, reason="x")


async def test_rejected_authorization_key_keeps_the_old_password(central, services):
    from tests.csms.test_command_outcomes import RejectingStation

    info = await services.stations.create_station("CFG-REJ", password=OLD_PASSWORD, ctx=SYSTEM_CONTEXT)
    ws, st, task = await open_station(central.url, "CFG-REJ", RejectingStation, password=OLD_PASSWORD)
    try:
        result = await central.commands.change_configuration(info.id, "AuthorizationKey", NEW_KEY, ctx=OPERATOR, reason="x")
        assert result.outcome == "rejected"
    finally:
        task.cancel()
        await ws.close()
    async with raw_station(central.url, "CFG-REJ", password=OLD_PASSWORD) as st:
        assert (await st.call(call.Heartbeat())).current_time
