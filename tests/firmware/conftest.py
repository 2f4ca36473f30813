"""A fleet of three simulated stations in a group, and a firmware file to send them."""

from __future__ import annotations

import pytest

from evdesk.core.permissions import ADMIN, SYSTEM_CONTEXT, OperatorContext
from evdesk.simulator import ScaledClock, SimulatedStation
from tests.waiting import wait_for

ADMIN_CTX = OperatorContext(None, "Anna Admin", ADMIN)


@pytest.fixture
async def fleet(central, services):
    """DEPOT/CP-1..CP-3 connected and booted (time 20x faster); CP-3's own image check fails."""
    group = await services.groups.add(SYSTEM_CONTEXT, "Depot")
    stations = []
    for n in (1, 2, 3):
        identity = f"CP-{n}"
        await services.stations.create_station(identity, connectors=1, group_id=group.id, ctx=SYSTEM_CONTEXT)
        st = SimulatedStation(identity, central.url, connectors=1, clock=ScaledClock(20.0),
                              firmware_failure="checksum" if n == 3 else None)
        await st.start()
        await st.wait_accepted(10)
        stations.append(st)
    for st in stations:
        await wait_for(lambda st=st: central.connections.get(st.identity) is not None)
    yield group, stations
    for st in stations:
        await st.stop()


@pytest.fixture
async def firmware_file(services, tmp_path):
    source = tmp_path / "SimCharger-2.0.0.bin"
    source.write_bytes(b"\x7fFIRMWARE" + bytes(range(256)) * 400)
    return await services.firmware.library.add(ADMIN_CTX, source)
