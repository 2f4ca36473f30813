"""Issue 17 over real websockets: load management shares a circuit between simulated stations
with TxProfiles (actor "load management"), installs the fallback TxDefaultProfiles, admits a
waiting session when room frees, and flags a station that ignores its limit."""

from __future__ import annotations

import asyncio

import pytest

from evdesk.core import events as ev
from evdesk.core.load.circuit_rules import CircuitInput
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.simulator import ScaledClock, SimulatedStation
from evdesk.store import models as m
from tests.waiting import wait_for


async def stations_on_circuit(central, services, n, *, ignore=(), min_a=None, max_a=45.0):
    circuit = await services.circuits.create(SYSTEM_CONTEXT, CircuitInput("Bay", max_a, phases=3, min_current_a=min_a))
    sims = []
    for i in range(n):
        info = await services.stations.create_station(f"LM-{i}", connectors=1, ctx=SYSTEM_CONTEXT)
        await services.circuits.put_station(SYSTEM_CONTEXT, circuit.id, info.id, 16)
        await services.store.run(lambda i=i: m.Token.create(uid=f"TAG-{i}", uid_key=f"TAG-{i}"))
        sim = SimulatedStation(f"LM-{i}", central.url, connectors=1, clock=ScaledClock(20.0),
                               ignore_charging_profiles=i in ignore)
        await sim.start()
        await sim.wait_accepted(10)
        sims.append(sim)
    return circuit, sims


async def start_session(services, sim):
    await sim.plug_in(1)
    assert await sim.present_token(1, f"TAG-{sim.identity[3:]}")
    sid = services.stations.get(sim.identity).id
    await wait_for(lambda: services.transactions.active_on(sid, 1) is not None, timeout=10)
    return sid


def tx_limit(sim):
    profiles = [p for p in sim.profiles.profiles if p.purpose == "TxProfile"]
    return profiles[0].periods[0][1] if profiles else None


async def limits_become(sims, expected, timeout=15):
    try:
        await wait_for(lambda: [tx_limit(s) for s in sims] == expected, timeout=timeout)
    except AssertionError:
        raise AssertionError(f"TxProfile limits {[tx_limit(s) for s in sims]}, expected {expected}") from None


@pytest.fixture
def fast_control(central):
    central.load_control.settle_seconds = 0.05
    return central.load_control


async def test_three_sessions_share_45a_and_the_fallback_holds_the_fuse(central, services, fast_control):
    circuit, sims = await stations_on_circuit(central, services, 3)
    try:
        for sim in sims:
            await start_session(services, sim)
        await wait_for(lambda: [tx_limit(s) for s in sims] == [15.0, 15.0, 15.0], timeout=15,
                       message="every station got 15 A")
        defaults = await wait_for(lambda: all(any(p.purpose == "TxDefaultProfile" for p in s.profiles.profiles)
                                              for s in sims), timeout=10)
        assert defaults
        fallback = [next(p for p in s.profiles.profiles if p.purpose == "TxDefaultProfile").periods[0][1] for s in sims]
        assert fallback == [15.0, 15.0, 15.0]  # 45 A / 3 stations
        actors = await services.store.run(lambda: sorted({a.actor for a in m.ActionLog.select().where(
            m.ActionLog.action == "SetChargingProfile")}))
        assert actors == ["load management"]
        assert fast_control.cpu_ms and max(fast_control.cpu_ms) < 50
    finally:
        for sim in sims:
            await sim.stop()


async def test_a_session_waits_at_0a_under_the_minimum_and_starts_when_one_ends(central, services, fast_control):
    circuit, sims = await stations_on_circuit(central, services, 4, min_a=12)
    try:
        for sim in sims:
            await start_session(services, sim)
        await limits_become(sims, [15.0, 15.0, 15.0, 0.0])
        await sims[0].unplug(1)
        await wait_for(lambda: [tx_limit(s) for s in sims[1:]] == [15.0, 15.0, 15.0], timeout=15,
                       message="the waiting session started when room freed")
    finally:
        for sim in sims:
            await sim.stop()


async def test_a_station_that_ignores_its_limit_is_flagged(central, services, fast_control):
    flagged = []
    services.bus.subscribe(ev.LoadLimitNotApplied, flagged.append)
    circuit, sims = await stations_on_circuit(central, services, 2, ignore={1}, max_a=20.0)
    try:
        for sim in sims:
            await start_session(services, sim)
        await wait_for(lambda: flagged, timeout=20, message="the station ignoring its limit was flagged")
        assert {f.station_id for f in flagged} == {services.stations.get("LM-1").id}
        assert "the limit is not applied" in flagged[0].text
        logged = await wait_for(lambda: services.store.read(lambda: list(m.StationEvent.select().where(
            m.StationEvent.kind == "load").dicts())), timeout=10)
        assert logged[0]["state"] == "limit not applied" and "LM-1" in logged[0]["detail"]
    finally:
        for sim in sims:
            await sim.stop()


def test_a_simulated_car_pauses_below_its_minimum_current_and_tapers_when_nearly_full():
    from datetime import datetime, timedelta, timezone

    from evdesk.simulator.model import Car, Connector

    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    c = Connector(1, car=Car(phases=3, max_power_w=22_000, min_current_a=8.0, soc=20), transaction_id=1,
                  session_start=start)
    later = start + timedelta(minutes=5)
    assert c.target_power(later, 22_000, 10 * 230 * 3) == 10 * 230 * 3  # obeys 10 A
    assert c.target_power(later, 22_000, 7 * 230 * 3) == 0.0  # 7 A < its 8 A minimum: pauses
    assert c.target_power(later, 22_000, None) == 22_000
    c.car.soc = 90
    assert c.target_power(later, 22_000, None) == 11_000  # taper above 80 %


def test_a_simulated_single_phase_car_keeps_a_limit_in_amperes_on_its_one_phase():
    from datetime import datetime, timedelta, timezone

    from evdesk.simulator.model import Car, Connector
    from evdesk.simulator.profiles import ProfileStore

    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    store = ProfileStore(1)
    assert store.install(1, {"charging_profile_id": 1, "stack_level": 0, "charging_profile_purpose": "TxDefaultProfile",
                             "charging_profile_kind": "Relative", "charging_schedule": {
                                 "charging_rate_unit": "A",
                                 "charging_schedule_period": [{"start_period": 0, "limit": 16}]}},
                         now=start, max_stack_level=8, allowed_units=["Current", "Power"], max_periods=24,
                         max_installed=8, running_tx=lambda _c: None) == "Accepted"
    car = Car(phases=1, max_power_w=7_400)
    c = Connector(1, car=car, transaction_id=1, session_start=start, last_update=start)
    later = start + timedelta(minutes=5)
    c.advance(later, 22_000, lambda t: store.limit_w(1, t, start, 1, 1, car.phases))
    assert abs(c.current_a - 16.0) < 0.2  # 16 A on its one phase, not 48 A worth of power
    three = Connector(1, car=Car(phases=3, max_power_w=22_000), transaction_id=1, session_start=start,
                      last_update=start)
    three.advance(later, 22_000, lambda t: store.limit_w(1, t, start, 1, 1, 3))
    assert abs(three.current_a - 16.0) < 0.2


async def test_with_evdesk_stopped_the_stations_fall_back_within_the_fuse(central, services, fast_control, monkeypatch):
    """Leases shortened to 30-60 simulated seconds (at most 3 s at the simulators' 20x): after evdesk
    stops, each station's TxProfile runs out and its TxDefaultProfile (45 A / 3 = 15 A) is what holds;
    the idle point's default fits beside the leases while they run, and is its whole share after."""
    from evdesk.core.load import controller

    monkeypatch.setattr(controller, "LEASE_SECONDS", 60.0)
    monkeypatch.setattr(controller, "RENEW_SECONDS", 30.0)
    circuit, sims = await stations_on_circuit(central, services, 3, max_a=45.0)
    try:
        for sim in sims[:2]:
            await start_session(services, sim)
        await limits_become(sims, [16.0, 16.0, None])  # two sessions at their stations' 16 A

        def defaults():
            return [next((p.periods[0][1] for p in s.profiles.profiles if p.purpose == "TxDefaultProfile"), None)
                    for s in sims]

        # the idle point's default fits beside the two 16 A leases: 45 - 32 = 13 A (the busy ones keep 15 A)
        await wait_for(lambda: defaults() == [15.0, 15.0, 13.0], timeout=10,
                       message="the default profiles were installed beside the leases")
        await central.stop()  # evdesk is gone: nobody renews or re-shares

        def in_force(sim):
            c = sim.connectors[1]
            return sim.profiles.limit_w(1, sim.clock.now(), c.session_start, c.transaction_id, 1, c.car.phases) \
                / (230.0 * c.car.phases)

        await wait_for(lambda: [round(in_force(s), 1) for s in sims[:2]] == [15.0, 15.0], timeout=15,
                       message="the stations did not fall back to their 15 A share")
        # once the last lease ended, the idle point's default steps up to its whole share
        idle = sims[2]
        await wait_for(lambda: round(idle.profiles.limit_w(1, idle.clock.now(), None, None, 1, 3) / (230.0 * 3), 1)
                       == 15.0, timeout=15, message="the idle point's default did not step up to its share")
        # every point's fallback together stays within the fuse, whoever plugs in while evdesk is down;
        # the idle point's default fitted beside the two 16 A leases (45 - 32 = 13 A) while they ran
        fallbacks = defaults()
        assert fallbacks == [15.0, 15.0, 13.0] and sum(fallbacks) <= 45.0 and 16.0 + 16.0 + fallbacks[2] <= 45.0
    finally:
        for sim in sims:
            await sim.stop()


async def test_sessions_off_circuits_cost_no_priority_reads_and_each_session_is_read_once(central, services,
                                                                                          fast_control):
    """A 2,000-station site without circuits re-read every running session's priority five times a
    second and slowed every station's answers threefold: only sessions on a circuit's stations are
    read, each once until something they depend on changes."""
    asked: list[list] = []
    real = services.circuits.session_priorities

    async def counting(ids, zone):
        asked.append(list(ids))
        return await real(ids, zone)

    services.circuits.session_priorities = counting
    outside = await services.stations.create_station("OFF-0", connectors=1, ctx=SYSTEM_CONTEXT)
    await services.store.run(lambda: m.Token.create(uid="TAG-OFF", uid_key="TAG-OFF"))
    lone = SimulatedStation("OFF-0", central.url, connectors=1, clock=ScaledClock(20.0))
    await lone.start()
    await lone.wait_accepted(10)
    try:
        await lone.plug_in(1)
        assert await lone.present_token(1, "TAG-OFF")
        await wait_for(lambda: services.transactions.active_on(outside.id, 1) is not None, timeout=10)
        await fast_control.reallocate()
        assert asked == [] and fast_control.last_plan is None  # no circuits: nothing read, nothing planned
        circuit, sims = await stations_on_circuit(central, services, 2)
        for sim in sims:
            await start_session(services, sim)
        await limits_become(sims, [16.0, 16.0])
        on_circuit = {services.transactions.active_on(services.stations.get(s.identity).id, 1).id for s in sims}
        read = [tx for ids in asked for tx in ids]
        assert set(read) == on_circuit and len(read) == len(on_circuit)  # each once, the lone one never
        await fast_control.reallocate()
        assert len([tx for ids in asked for tx in ids]) == len(on_circuit)
    finally:
        for sim in [lone, *locals().get("sims", [])]:
            await sim.stop()


async def test_single_phase_cars_on_different_phases_each_get_the_phase_they_draw_on(central, services,
                                                                                     fast_control):
    """Two single-phase cars on three-phase points wired in turned rotations (RST, STR) draw on L1 and
    L2. Until their meters show it they count on all three phases and share 32 A; once the stations'
    per-phase currents show one phase each, each gets its station's 32 A."""
    from evdesk.core.hardware_rules import ConnectorSpec, EvseSpec
    from evdesk.simulator.model import Car

    circuit = await services.circuits.create(SYSTEM_CONTEXT, CircuitInput("Row", 32.0, phases=3))
    sims = []
    try:
        for i, rotation in enumerate(("RST", "STR")):
            info = await services.stations.create_station(f"LM-{i}", connectors=1, ctx=SYSTEM_CONTEXT)
            details = await services.station_details.details(SYSTEM_CONTEXT, info.id)
            await services.station_details.save(SYSTEM_CONTEXT, info.id, details.version, evses=[
                EvseSpec(1, "AC", 22000, 3, "", rotation, "", (ConnectorSpec(1, "Type2"),))])
            await services.circuits.put_station(SYSTEM_CONTEXT, circuit.id, info.id, 32)
            await services.store.run(lambda i=i: m.Token.create(uid=f"TAG-{i}", uid_key=f"TAG-{i}"))
            sim = SimulatedStation(f"LM-{i}", central.url, connectors=1, clock=ScaledClock(20.0))
            sims.append(sim)
            await sim.start()
            await sim.wait_accepted(10)
        for i, sim in enumerate(sims):
            await sim.plug_in(1, Car(phases=1, max_power_w=7400))
            assert await sim.present_token(1, f"TAG-{i}")
        await limits_become(sims, [16.0, 16.0])  # phases unknown yet: both counted on L1, L2 and L3
        await limits_become(sims, [32.0, 32.0], timeout=30)  # the meters showed L1 and L2
        planner = fast_control.planner
        assert sorted(s.car_phases for s in planner.sessions.values()) == [1, 1]
    finally:
        for sim in sims:
            await sim.stop()
async def test_after_a_restart_the_decreases_from_the_fallback_share_go_out_first(services):
    """Found by tests/benchmarks/load_management_ws_benchmark.py (448 A on a 400 A circuit for 2 s after
    evdesk came back): a restarted evdesk knows no limit in force, so every first TxProfile counted as
    an increase and all went out at once — a session to be held at 0 A on a point whose fallback share
    is 12 A could still draw 12 A while another was raised from 0 A to 12 A. The first limit is now
    compared with the point's fallback share (the one evdesk computes, and sent before): those below
    it are sent, and answered, before the others."""
    from evdesk.csms.server import CentralSystem

    first = CentralSystem(services, "127.0.0.1", 0)
    await first.start()
    first.load_control.settle_seconds = 0.05
    circuit = await services.circuits.create(SYSTEM_CONTEXT, CircuitInput("Bay", 24.0, phases=3, min_current_a=12))
    sims = []
    try:
        for i in range(3):
            info = await services.stations.create_station(f"LM-{i}", connectors=1, ctx=SYSTEM_CONTEXT)
            await services.circuits.put_station(SYSTEM_CONTEXT, circuit.id, info.id, 16)
            await services.store.run(lambda i=i: m.Token.create(uid=f"TAG-{i}", uid_key=f"TAG-{i}"))
            sim = SimulatedStation(f"LM-{i}", first.url, connectors=1)  # the wall clock: leases as sent
            await sim.start()
            await sim.wait_accepted(10)
            sims.append(sim)
        await first.load_control.reallocate()  # 24 A, 12 A minimum: two points keep 12 A, one 0 A

        def fallback(sim):
            return next((p.periods[0][1] for p in sim.profiles.profiles if p.purpose == "TxDefaultProfile"), None)

        await wait_for(lambda: sorted(fallback(s) for s in sims) == [0.0, 12.0, 12.0], timeout=10,
                       message="the fallback shares were installed")
        # the point without a fallback share arrives first: admitted (12 A); then one with 12 A (admitted),
        # then the other (waits at 0 A, below its point's 12 A share)
        order = sorted(sims, key=lambda s: fallback(s) != 0.0)
        for sim in order:
            await start_session(services, sim)
        await limits_become(order, [12.0, 12.0, 0.0])
        port = first.port
        await first.stop()  # evdesk goes away; the sessions go on
        for sim in sims:
            await wait_for(lambda sim=sim: not sim.online, timeout=10)
        marks = [len(s.received) for s in sims]
        second = CentralSystem(services, "127.0.0.1", port)  # evdesk again: it knows no limit in force
        await second.start()
        try:
            await wait_for(lambda: all(s.online for s in sims), timeout=30, message="the stations came back")
            await second.load_control.reallocate()

            def sent_after_restart(sim, mark):
                return [c for c in sim.received[mark:] if c.action == "SetChargingProfile"
                        and c.payload["csChargingProfiles"]["chargingProfilePurpose"] == "TxProfile"]

            await wait_for(lambda: sent_after_restart(order[0], marks[sims.index(order[0])])
                           and sent_after_restart(order[2], marks[sims.index(order[2])]), timeout=15,
                           message="the limits were sent again after the restart")
            held = sent_after_restart(order[2], marks[sims.index(order[2])])[0]
            raised = sent_after_restart(order[0], marks[sims.index(order[0])])[0]
            assert held.payload["csChargingProfiles"]["chargingSchedule"]["chargingSchedulePeriod"][0]["limit"] == 0.0
            assert raised.payload["csChargingProfiles"]["chargingSchedule"]["chargingSchedulePeriod"][0]["limit"] == 12.0
            assert held.at < raised.at, "the session held at 0 A was lowered before another was raised"
            # and not by chance: a planner that knows no limit in force (as after a start) orders them so
            from evdesk.core.load.controller import LoadPlanner

            fresh = LoadPlanner()
            for t in services.transactions.active.values():
                fresh.started(t.station_id, t.connector_id, t.id, t.ocpp_id, t.started_at.timestamp())
            plan = fresh.plan(await services.circuits.site(), 0)
            ids = [services.stations.get(s.identity).id for s in order]
            changes = [(c.station_id, c.limit_a, c.previous_a) for c in plan.changes]
            assert changes[0] == (ids[2], 0.0, 12.0)  # the decrease from its share, first
            assert sorted(changes[1:]) == sorted([(ids[0], 12.0, 0.0), (ids[1], 12.0, 12.0)])
        finally:
            for sim in sims:
                await sim.stop()
            await second.stop()
    finally:
        for sim in sims:
            await sim.stop()
        if first._server is not None:
            await first.stop()


async def test_a_station_taking_one_period_gets_the_limit_beside_the_leases_alone(central, services, fast_control):
    """ChargingScheduleMaxPeriods 1: the idle point's two-period default is rejected, and the first
    period alone goes out instead (safe; it stays that small after the leases). It is not sent again
    at every re-allocation."""
    circuit, sims = await stations_on_circuit(central, services, 3, max_a=45.0)
    sims[2].config.set_internal("ChargingScheduleMaxPeriods", "1")
    try:
        for sim in sims[:2]:
            await start_session(services, sim)
        await limits_become(sims, [16.0, 16.0, None])

        def idle_default():
            return [p.periods for p in sims[2].profiles.profiles if p.purpose == "TxDefaultProfile"]

        await wait_for(lambda: idle_default() == [[(0, 13.0, None)]], timeout=10,
                       message="the one-period default beside the leases was installed")
        sent = -1
        while sent != fast_control.messages_sent:  # the re-allocations under way have answered
            sent = fast_control.messages_sent
            await asyncio.sleep(0.5)
        await fast_control.reallocate()
        await fast_control.reallocate()
        assert fast_control.messages_sent == sent and idle_default() == [[(0, 13.0, None)]]
    finally:
        for sim in sims:
            await sim.stop()


async def test_a_circuit_change_while_the_circuits_are_read_is_not_lost(central, services, fast_control):
    """A station put on a circuit while a re-allocation reads the circuits: that read is used once,
    not kept, and the next re-allocation reads again (it kept the old circuits until the next tick,
    one run in ten of the one-period test above)."""
    real = services.circuits.site
    reads = 0

    async def changed_while_read():
        nonlocal reads
        reads += 1
        site = await real()
        if reads == 1:
            services.bus.publish(ev.CircuitsChanged())
        return site

    services.circuits.site = changed_while_read
    await fast_control.reallocate()
    await fast_control.reallocate()
    assert reads >= 2
    await fast_control.reallocate()
    assert reads == 2  # unchanged since: kept
