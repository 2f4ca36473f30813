"""Password rotation over OCPP 2.0.1 (SetVariables SecurityCtrlr/BasicAuthPassword), over real websockets with
the 2.0.1 simulator: the stored password switches only once the station answered Accepted."""

from __future__ import annotations

import pytest
from websockets.exceptions import InvalidStatus

from evdesk.core.permissions import ADMIN, SYSTEM_CONTEXT, OperatorContext
from evdesk.csms.password_rotation import rotate_password
from evdesk.simulator.v201 import SimulatedStation201
from evdesk.store import models as m

ADMIN_CTX = OperatorContext(None, "Ada Admin", ADMIN)
OLD = "old-station-password-201"


async def _connected(central, services, identity: str):
    info = await services.stations.create_station(identity, connectors=1, password=OLD, ctx=SYSTEM_CONTEXT)
    st = SimulatedStation201(central.url, identity, evses=1, password=OLD)
    await st.start()
    return info, st


async def test_201_rotation_switches_the_password_once_the_station_accepted(central, services):
    info, st = await _connected(central, services, "ROT201-1")
    try:
        result = await rotate_password(central.commands, info.id, ctx=ADMIN_CTX)
        assert result.ok, result.message
        assert "next connection" in result.message
        new_password = st.password  # what the station was sent, in plain text as 2.0.1 defines it
        assert new_password != OLD and len(new_password) >= 16
        # the post-boot configuration (TxUpdatedInterval) may reach the station before or after the rotation
        rotations = [p for a, p in st.received if a == "SetVariables"
                     and p["setVariableData"][0]["variable"]["name"] == "BasicAuthPassword"]
        assert len(rotations) == 1 and rotations[0]["setVariableData"][0]["attributeValue"] == new_password
        fresh = services.stations.get("ROT201-1")
        assert await services.stations.check_password(fresh, new_password)
        assert not await services.stations.check_password(fresh, OLD)
        assert st.invalid_calls == []
    finally:
        await st.stop()
    # the station reconnects with its new password; the old one is refused
    again = SimulatedStation201(central.url, "ROT201-1", evses=1, password=new_password)
    await again.start()
    await again.stop()
    stale = SimulatedStation201(central.url, "ROT201-1", evses=1, password=OLD)
    with pytest.raises(InvalidStatus) as refused:
        await stale.start()
    assert refused.value.response.status_code == 401
    # the action log keeps the command, never the password
    rows = await services.store.read(lambda: list(m.ActionLog.select(m.ActionLog.request).where(
        m.ActionLog.station == info.id, m.ActionLog.action == "SetVariables").tuples()))
    assert rows and all(new_password not in str(r[0]) for r in rows)


async def test_201_a_refused_rotation_keeps_the_old_password(central, services):
    info, st = await _connected(central, services, "ROT201-2")
    try:
        st.device_model["SecurityCtrlr/BasicAuthPassword"].mutability = "ReadOnly"  # the station answers Rejected
        result = await rotate_password(central.commands, info.id, ctx=ADMIN_CTX)
        assert result.outcome == "rejected", result.message
        assert "keeps using its current one" in result.message
        assert st.password == OLD
        assert await services.stations.check_password(services.stations.get("ROT201-2"), OLD)
        # a station that does not answer at all (CALLERROR): the old password too
        st.error_for["SetVariables"] = ("InternalError", "busy")
        result = await rotate_password(central.commands, info.id, ctx=ADMIN_CTX)
        assert not result.ok
        assert await services.stations.check_password(services.stations.get("ROT201-2"), OLD)
    finally:
        await st.stop()
