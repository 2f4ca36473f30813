"""Password rotation (1.6): a new random AuthorizationKey through the command API; the stored password
switches only after the station accepted, and only admins of the station's domain may rotate."""

from __future__ import annotations

import json

import pytest
from websockets.exceptions import InvalidStatus

from evdesk.core.errors import AccessDenied
from evdesk.core.permissions import ADMIN, BASIC, SYSTEM_CONTEXT, OperatorContext
from evdesk.csms.password_rotation import authorization_key, rotate_password
from evdesk.simulator import SimulatedStation
from evdesk.store import models as m
from tests.csms.rawclient import RawStation, raw_station

ADMIN_CTX = OperatorContext(None, "Ada Admin", ADMIN)
OLD = "old-station-pw-1234"


class RejectingStation(RawStation):
    async def route_message(self, raw_msg):
        msg = json.loads(raw_msg)
        if msg[0] == 2 and msg[2] == "ChangeConfiguration":
            self.received.append((msg[2], msg[3]))
            await self._send(json.dumps([3, msg[1], {"status": "Rejected"}]))
            return
        await super().route_message(raw_msg)


async def test_rotation_switches_the_password_once_the_station_accepted(central, services):
    info = await services.stations.create_station("ROT-1", connectors=1, password=OLD, ctx=SYSTEM_CONTEXT)
    st = SimulatedStation("ROT-1", central.url, connectors=1, password=OLD)
    await st.start()
    try:
        await st.wait_accepted(10)
        result = await rotate_password(central.commands, info.id, ctx=ADMIN_CTX)
        assert result.ok, result.message
        new_key = st.password  # the simulator keeps what it was sent: the hex AuthorizationKey
        assert new_key != OLD and len(new_key) == 40 and int(new_key, 16) >= 0
        new_password = bytes.fromhex(new_key).decode()
        assert authorization_key(new_password) == new_key
        fresh = services.stations.get("ROT-1")
        assert await services.stations.check_password(fresh, new_password)
        assert not await services.stations.check_password(fresh, OLD)
    finally:
        await st.stop()
    # a charger that logs in with the hex key as it was sent, and one that decodes it, both get in
    for password in (new_key, new_password):
        async with raw_station(central.url, "ROT-1", password=password):
            pass
    with pytest.raises(InvalidStatus) as refused:
        async with raw_station(central.url, "ROT-1", password=OLD):
            pass
    assert refused.value.response.status_code == 401
    # the action log keeps the command, never the key
    rows = await services.store.read(lambda: list(m.ActionLog.select(m.ActionLog.request).where(
        m.ActionLog.station == info.id, m.ActionLog.action == "ChangeConfiguration").tuples()))
    assert rows and all(new_key not in json.dumps(r[0]) for r in rows)


async def test_a_rejected_rotation_keeps_the_old_password(central, services):
    info = await services.stations.create_station("ROT-2", connectors=1, password=OLD, ctx=SYSTEM_CONTEXT)
    from websockets.asyncio.client import connect
    import asyncio
    import base64

    auth = {"Authorization": "Basic " + base64.b64encode(f"ROT-2:{OLD}".encode()).decode()}
    async with connect(central.url + "ROT-2", subprotocols=["ocpp1.6"], additional_headers=auth) as ws:
        station = RejectingStation("ROT-2", ws)
        task = asyncio.create_task(station.start())
        try:
            from tests.waiting import wait_for
            await wait_for(lambda: central.is_connected("ROT-2"))
            result = await rotate_password(central.commands, info.id, ctx=ADMIN_CTX)
        finally:
            task.cancel()
    assert result.outcome == "rejected" and "keeps using its current one" in result.message
    assert [a for a, _ in station.received if a == "ChangeConfiguration"]
    fresh = services.stations.get("ROT-2")
    assert await services.stations.check_password(fresh, OLD)


async def test_an_offline_station_keeps_its_password(central, services):
    info = await services.stations.create_station("ROT-3", connectors=1, password=OLD, ctx=SYSTEM_CONTEXT)
    result = await rotate_password(central.commands, info.id, ctx=ADMIN_CTX)
    assert result.outcome == "offline"
    assert await services.stations.check_password(services.stations.get("ROT-3"), OLD)


async def test_only_admins_of_the_stations_domain_may_rotate(central, services):
    depot = await services.groups.add(SYSTEM_CONTEXT, "Depot")
    other = await services.groups.add(SYSTEM_CONTEXT, "Other")
    info = await services.stations.create_station("ROT-4", group_id=depot.id, password=OLD, ctx=SYSTEM_CONTEXT)
    basic = OperatorContext(None, "Bob Basic", BASIC)
    other_admin = OperatorContext(None, "Olga", ADMIN, base_group_id=other.id, domain_groups=frozenset({other.id}))
    depot_admin = OperatorContext(None, "Dora", ADMIN, base_group_id=depot.id, domain_groups=frozenset({depot.id}))
    for ctx in (basic, other_admin):
        with pytest.raises(AccessDenied):
            await rotate_password(central.commands, info.id, ctx=ctx)
    # the depot's admin may (the station is offline, so nothing is sent and nothing changes)
    assert (await rotate_password(central.commands, info.id, ctx=depot_admin)).outcome == "offline"
