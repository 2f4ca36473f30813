"""Shared set-up of the OCPP 2.0.1 tests: an adopted station connected with the 2.0.1 simulator."""

from __future__ import annotations

from contextlib import asynccontextmanager

from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.simulator.v201 import SimulatedStation201
from evdesk.store import models as m


@asynccontextmanager
async def station201(central, services, identity: str = "V201-1", *, evses: int = 2, token: str | None = "TAG-201",
                     boot: bool = True, create: bool = True):
    if create:
        await services.stations.create_station(identity, connectors=evses, ctx=SYSTEM_CONTEXT)
    if token:
        await services.store.run(lambda: m.Token.get_or_create(uid=token, uid_key=token.upper()))
    st = SimulatedStation201(central.url, identity, evses=evses)
    await st.start(boot=boot)
    try:
        yield st
        # every request evdesk sent was valid by OCPP 2.0.1's schemas (the simulator checks them)
        assert st.invalid_calls == [], st.invalid_calls
    finally:
        await st.stop()


async def stored(services, query):
    await services.batch.flush()
    await services.status.flush()
    return await services.store.run(query)
