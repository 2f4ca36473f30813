"""Load-management priorities that reach the planner (issue 17 gaps) over real websockets: a
user group's load priority and a session's "needs energy by" (the user's daily departure time
or an operator's per-session time), read at every re-allocation (`core/load/priorities.py`)."""

from __future__ import annotations

from datetime import datetime, timezone
from uuid import uuid4

import pytest

from evdesk.core.errors import ValidationError
from evdesk.core.load.circuit_rules import CircuitInput
from evdesk.core.load.priorities import departure_epoch
from evdesk.core.people_types import TokenInput, UserInput
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.simulator import ScaledClock, SimulatedStation
from tests.csms.test_load_control import limits_become
from tests.waiting import wait_for


@pytest.fixture
def fast_control(central):
    central.load_control.settle_seconds = 0.05
    return central.load_control


async def stations(central, services, n, max_a, min_a=None):
    circuit = await services.circuits.create(SYSTEM_CONTEXT, CircuitInput("Depot", max_a, phases=3,
                                                                           min_current_a=min_a))
    sims = []
    for i in range(n):
        info = await services.stations.create_station(f"PR-{i}", connectors=1, ctx=SYSTEM_CONTEXT)
        await services.circuits.put_station(SYSTEM_CONTEXT, circuit.id, info.id, 16)
        sim = SimulatedStation(f"PR-{i}", central.url, connectors=1, clock=ScaledClock(20.0))
        await sim.start()
        await sim.wait_accepted(10)
        sims.append(sim)
    return sims


async def driver(services, tag, group_id=None, departure=""):
    await services.people.users.create(SYSTEM_CONTEXT, UserInput(first_name=tag, user_group_id=group_id,
                                                                 departure_time=departure), [TokenInput(tag)])


async def start(services, sim, tag):
    await sim.plug_in(1)
    assert await sim.present_token(1, tag)
    sid = services.stations.get(sim.identity).id
    return await wait_for(lambda: services.transactions.active_on(sid, 1), timeout=10)


async def test_a_higher_priority_user_group_gets_its_share_first(central, services, fast_control):
    low = await services.people.groups.create(SYSTEM_CONTEXT, "Visitors")
    high = await services.people.groups.create(SYSTEM_CONTEXT, "Ambulances", load_priority=5)
    assert high.load_priority == 5 and low.load_priority == 0
    await driver(services, "VISITOR", low.id)
    await driver(services, "AMBULANCE", high.id)
    sims = await stations(central, services, 2, 24.0)
    try:
        await start(services, sims[0], "VISITOR")
        await limits_become(sims[:1], [16.0])
        await start(services, sims[1], "AMBULANCE")  # arrives later, but its group comes first
        await limits_become(sims, [8.0, 16.0])
        # equal priorities share equally: the editor's change reaches the running sessions
        await services.people.groups.update(SYSTEM_CONTEXT, high.id, high.version, high.name, True, load_priority=0)
        central.load_control._dirty.set()
        await limits_become(sims, [12.0, 12.0])
    finally:
        for sim in sims:
            await sim.stop()


async def test_an_earlier_departure_is_admitted_first_among_equals(central, services, fast_control):
    for tag in ("A", "B", "C", "LATE"):
        await driver(services, tag)
    await driver(services, "VAN", departure="06:30")  # a fleet vehicle with a daily departure
    sims = await stations(central, services, 5, 24.0, min_a=12.0)
    try:
        await start(services, sims[0], "A")
        await start(services, sims[1], "B")
        await limits_become(sims[:2], [12.0, 12.0])
        await start(services, sims[2], "C")
        await start(services, sims[3], "VAN")
        late = await start(services, sims[4], "LATE")
        await limits_become(sims, [12.0, 12.0, 0.0, 0.0, 0.0])  # no room above the minimum: three wait
        # an operator says the last one must leave first (its own departure beats the van's daily one)
        await services.circuits.set_session_departure(SYSTEM_CONTEXT, late.id, late.started_at)
        await sims[0].unplug(1)
        await limits_become(sims[1:], [12.0, 0.0, 0.0, 12.0])
        await sims[1].unplug(1)  # then the van (a departure) before C, who came earlier without one
        await limits_become(sims[2:], [0.0, 12.0, 12.0])
    finally:
        for sim in sims:
            await sim.stop()


def test_a_daily_departure_is_the_first_after_the_session_started():
    evening = datetime(2026, 3, 2, 18, 0, tzinfo=timezone.utc)
    morning = datetime(2026, 3, 2, 5, 0, tzinfo=timezone.utc)
    assert departure_epoch(evening, None, "06:30", "UTC") == datetime(2026, 3, 3, 6, 30, tzinfo=timezone.utc).timestamp()
    assert departure_epoch(morning, None, "06:30", "UTC") == datetime(2026, 3, 2, 6, 30, tzinfo=timezone.utc).timestamp()
    # in the site's zone (Berlin is UTC+1 in March): 06:30 local = 05:30 UTC
    assert departure_epoch(morning, None, "06:30", "Europe/Berlin") == \
        datetime(2026, 3, 2, 5, 30, tzinfo=timezone.utc).timestamp()
    override = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
    assert departure_epoch(evening, override, "06:30", "UTC") == override.timestamp()
    assert departure_epoch(evening, None, "", "UTC") is None


async def test_bad_priorities_and_departure_times_are_refused_next_to_the_field(services):
    with pytest.raises(ValidationError) as bad:
        await services.people.groups.create(SYSTEM_CONTEXT, "Too high", load_priority=1000)
    assert bad.value.field == "load_priority"
    with pytest.raises(ValidationError) as bad:
        await services.people.users.create(SYSTEM_CONTEXT, UserInput(first_name="X", departure_time="25:00"))
    assert bad.value.field == "departure_time"
    detail = await services.people.users.create(SYSTEM_CONTEXT, UserInput(first_name="Y", departure_time="6:05"))
    assert detail.data.departure_time == "06:05"


async def test_a_group_admin_sets_departures_only_for_sessions_on_stations_of_her_subtree(services):
    from evdesk.core.errors import AccessDenied, NotFound
    from evdesk.core.operators import context_for
    from evdesk.store import models as m

    sv = services
    north = await sv.groups.add(SYSTEM_CONTEXT, "North")
    south = await sv.groups.add(SYSTEM_CONTEXT, "South")
    admin = await sv.operators.create_with_password(SYSTEM_CONTEXT, username="nadia", password="Secret-pass-123",
                                                    role="admin", base_group_id=north.id)
    nadia = context_for(admin, sv.groups.index)
    mine = await sv.stations.create_station("CP-N1", group_id=north.id, ctx=SYSTEM_CONTEXT)
    theirs = await sv.stations.create_station("CP-S1", group_id=south.id, ctx=SYSTEM_CONTEXT)
    started = datetime(2026, 3, 2, 18, 0, tzinfo=timezone.utc)

    def sessions():
        a = m.Transaction.create(ocpp_id=11, station=mine.id, connector_id=1, started_at=started).id
        b = m.Transaction.create(ocpp_id=12, station=theirs.id, connector_id=1, started_at=started).id
        return a, b
    on_mine, on_theirs = await sv.store.run(sessions)
    due = datetime(2026, 3, 3, 6, 0, tzinfo=timezone.utc)
    await sv.circuits.set_session_departure(nadia, on_mine, due)
    with pytest.raises(AccessDenied):
        await sv.circuits.set_session_departure(nadia, on_theirs, due)
    with pytest.raises(ValidationError) as naive:
        await sv.circuits.set_session_departure(nadia, on_mine, due.replace(tzinfo=None))
    assert naive.value.field == "departure_at"
    with pytest.raises(NotFound):
        await sv.circuits.set_session_departure(nadia, uuid4(), due)
    found = await sv.circuits.session_priorities([on_mine, on_theirs], "UTC")
    assert found == {on_mine: (0, due.timestamp()), on_theirs: (0, None)}
