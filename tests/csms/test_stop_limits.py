"""Stop limits enforced over real websockets with the built-in simulator, and the remote
start's tariff and limit choice (evdesk/core/stop_limits.py, csms/limit_stops.py,
core/remote_start.py)."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from evdesk.core import events as ev
from evdesk.core.clock import utcnow
from evdesk.core.errors import ValidationError
from evdesk.core.permissions import ADMIN, SYSTEM_CONTEXT, OperatorContext
from evdesk.simulator import ScaledClock, SimulatedStation
from evdesk.store import models as m
from tests.csms.test_protocol_messages import wait_for

OPERATOR = OperatorContext(None, "Olli Operator", ADMIN)
PRICED = {"kind": "energy_time", "energy_price": "0.50", "time_price": "1", "time_unit": "hour",
          "connection_fee": "5"}


@pytest.fixture
async def station(central, services):
    """'SIM-1' at 11 kW with a car that takes 11 kW, meter values every simulated minute at 60x
    speed (a reading about every real second, ~0.18 kWh apart), and a known token."""
    await services.stations.create_station("SIM-1", connectors=2, ctx=SYSTEM_CONTEXT)
    await services.store.run(lambda: m.Token.create(uid="TAG-OK", uid_key="TAG-OK"))
    st = SimulatedStation("SIM-1", central.url, connectors=2, clock=ScaledClock(60.0), max_power_w=11_000)
    await st.start()
    await st.wait_accepted(10)
    await wait_for(lambda: services.stations.get("SIM-1").connectors.get(2) is not None)
    yield st
    await st.stop()


def sid(services):
    return services.stations.get("SIM-1").id


async def actions(services, action="RemoteStopTransaction"):
    await services.batch.flush()
    A = m.ActionLog
    return await services.store.run(lambda: list(A.select().where(A.action == action).order_by(A.started_at)))


async def session_row(services, ocpp_id):
    T = m.Transaction
    return await services.store.run(lambda: T.get(T.ocpp_id == ocpp_id))


class Readings:
    """Every energy reading of the running session as core saw it, and the one a limit was judged on."""

    def __init__(self, bus):
        self.energies: list[int] = []
        self.reached: list[ev.StopLimitReached] = []
        self._off = [bus.subscribe(ev.TransactionUpdated, lambda e: self.energies.append(e.energy_wh)),
                     bus.subscribe(ev.StopLimitReached, self.reached.append)]

    def close(self):
        for off in self._off:
            off()


async def test_energy_limit_stops_at_the_first_reading_over_one_kwh(central, services, station):
    seen = Readings(services.bus)
    await station.plug_in(1)
    result = await central.commands.remote_start(sid(services), 1, "TAG-OK", ctx=OPERATOR, reason="fleet car",
                                                 max_kwh="1")
    assert result.ok, result.message
    await wait_for(lambda: services.transactions.active_on(sid(services), 1) is not None)
    tx = services.transactions.active_on(sid(services), 1)
    assert tx.limit_wh == 1000
    await wait_for(lambda: tx.ocpp_id not in services.transactions.active, timeout=30,
                   message="the session did not end at its energy limit")
    seen.close()
    # judged on the first reading at or over 1.000 kWh, not one later, and announced once
    assert len(seen.reached) == 1 and seen.reached[0].kind == "energy"
    first_over = next(i for i, e in enumerate(seen.energies) if e is not None and e >= 1000)
    assert seen.reached[0].energy_wh == seen.energies[first_over]
    assert all(e is None or e < 1000 for e in seen.energies[:first_over])
    row = await session_row(services, tx.ocpp_id)
    assert row.state == "completed" and row.stop_reason == "Remote"  # the station's own Stop ended it
    assert row.limit_wh == 1000 and 1000 <= row.energy_wh < 1000 + 250
    stops = await actions(services)
    assert [(a.actor, a.reason, a.outcome) for a in stops] == [
        ("limit", "Stop limit: max energy 1 kWh reached", "accepted")]
    start = (await actions(services, "RemoteStartTransaction"))[-1]
    assert start.reason == "fleet car (max 1 kWh)"


async def test_a_tariff_time_limit_stops_the_session_once(central, services, station):
    tariff = await services.tariffs.create_tariff(SYSTEM_CONTEXT, "Two minutes", {**PRICED, "max_minutes": 2})
    group = await services.tariffs.create_group(SYSTEM_CONTEXT, "Short", [{"tariff_id": str(tariff.id)}])
    await services.tariffs.assign(SYSTEM_CONTEXT, group.id, station_id=sid(services))
    await station.plug_in(1)
    assert await station.present_token(1, "TAG-OK")
    await wait_for(lambda: services.transactions.active_on(sid(services), 1) is not None)
    tx = services.transactions.active_on(sid(services), 1)
    assert (tx.tariff_name, tx.limit_minutes) == ("Two minutes", 2)
    # evdesk's clock decides time: the housekeeping tick a minute in finds nothing, two minutes in it stops
    assert services.stop_limits.tick(now=tx.started_at + timedelta(minutes=1)) == 0
    assert services.stop_limits.tick(now=tx.started_at + timedelta(minutes=2)) == 1
    assert services.stop_limits.tick(now=tx.started_at + timedelta(minutes=3)) == 0  # once per session
    await wait_for(lambda: tx.ocpp_id not in services.transactions.active, timeout=15)
    row = await session_row(services, tx.ocpp_id)
    assert row.state == "completed" and row.stop_reason == "Remote"
    stops = await actions(services)
    assert [(a.actor, a.reason) for a in stops] == [("limit", "Stop limit: max time 2 min reached")]


async def test_the_stop_is_sent_again_when_the_station_does_not_answer(central, services, station):
    central.limit_stops.retry_seconds = 0.05
    services.settings.command_timeout = 0.3
    await station.plug_in(1)
    assert await station.present_token(1, "TAG-OK")
    await wait_for(lambda: services.transactions.active_on(sid(services), 1) is not None)
    tx = services.transactions.active_on(sid(services), 1)
    tx.limit_minutes = 1
    station.answer_delay = 60.0  # simulated seconds: 1 s real, longer than the command timeout
    services.stop_limits.tick(now=utcnow() + timedelta(minutes=5))

    async def three_tries():
        return len(await actions(services)) == 3 and all(a.outcome != "pending" for a in await actions(services))

    await wait_for(three_tries, timeout=15, message="the stop was not retried")
    await asyncio.sleep(0.3)
    stops = await actions(services)
    assert len(stops) == 3 and {a.actor for a in stops} == {"limit"}  # bounded: three tries, then a log line
    assert stops[0].outcome == "timeout"


async def test_remote_start_with_free_prices_the_session_at_nothing(central, services, station):
    tariff = await services.tariffs.create_tariff(SYSTEM_CONTEXT, "Depot energy", PRICED)
    group = await services.tariffs.create_group(SYSTEM_CONTEXT, "Depot", [{"tariff_id": str(tariff.id)}])
    await services.tariffs.assign(SYSTEM_CONTEXT, group.id, station_id=sid(services))
    await station.plug_in(1)
    result = await central.commands.remote_start(sid(services), 1, "TAG-OK", ctx=OPERATOR, reason="goodwill",
                                                 free=True)
    assert result.ok
    await wait_for(lambda: services.transactions.active_on(sid(services), 1) is not None)
    tx = services.transactions.active_on(sid(services), 1)
    assert tx.tariff_name == "Free"
    await asyncio.sleep(2)  # some energy flows
    assert (await central.commands.remote_stop(sid(services), tx.ocpp_id, ctx=OPERATOR, reason="done")).ok
    await wait_for(lambda: tx.ocpp_id not in services.transactions.active)
    await station.unplug(1)

    async def priced():
        row = await session_row(services, tx.ocpp_id)
        return row if row.cost_state == "final" else None

    await wait_for(priced, timeout=10, message="the session was not priced")
    row = await session_row(services, tx.ocpp_id)
    assert row.tariff_name == "Free" and row.cost_total_minor == 0 and row.energy_wh > 0
    assert (await actions(services, "RemoteStartTransaction"))[-1].reason == "goodwill (tariff Free)"
    # the next session without a choice gets the group's tariff again
    await station.plug_in(2)
    assert await station.present_token(2, "TAG-OK")
    await wait_for(lambda: services.transactions.active_on(sid(services), 2) is not None)
    assert services.transactions.active_on(sid(services), 2).tariff_name == "Depot energy"


async def test_remote_start_with_a_named_tariff(central, services, station):
    cheap = await services.tariffs.create_tariff(SYSTEM_CONTEXT, "Cheap", {"kind": "flat", "session_price": "1"})
    await station.plug_in(1)
    result = await central.commands.remote_start(sid(services), None, "TAG-OK", ctx=OPERATOR, reason="x",
                                                 tariff_id=cheap.id, max_minutes=30, max_cost="9.50")
    assert result.ok
    await wait_for(lambda: services.transactions.active_on(sid(services), 1) is not None)  # the station chose 1
    tx = services.transactions.active_on(sid(services), 1)
    assert (tx.tariff_name, tx.limit_minutes, tx.limit_cost_minor, tx.limit_wh) == ("Cheap", 30, 950, None)


async def test_remote_start_choices_are_checked(central, services, station):
    cases = [({"free": True, "tariff_id": services.stations.get("SIM-1").id}, "tariff_id"),
             ({"tariff_id": services.stations.get("SIM-1").id}, "tariff_id"),
             ({"max_minutes": 0}, "max_minutes"), ({"max_kwh": "-1"}, "max_kwh"), ({"max_kwh": "0.0001"}, "max_kwh"),
             ({"max_cost": "abc"}, "max_cost"), ({"max_cost": "1.234"}, "max_cost")]
    for kwargs, field in cases:
        with pytest.raises(ValidationError) as err:
            await central.commands.remote_start(sid(services), 1, "TAG-OK", ctx=OPERATOR, reason="x", **kwargs)
        assert err.value.field == field, kwargs
    assert await actions(services, "RemoteStartTransaction") == []  # nothing was sent


async def test_a_station_not_connected_here_gets_no_stop_and_is_judged_again(central, services, station):
    central.limit_stops.retry_seconds = 0.05
    await station.plug_in(1)
    assert await station.present_token(1, "TAG-OK")
    await wait_for(lambda: services.transactions.active_on(sid(services), 1) is not None)
    tx = services.transactions.active_on(sid(services), 1)
    tx.limit_minutes = 1
    await station.stop()  # the charger drops off (another seat's, or offline)
    await wait_for(lambda: not central.commands.is_connected(sid(services)))
    assert services.stop_limits.tick(now=utcnow() + timedelta(minutes=5)) == 1
    await wait_for(lambda: not tx.limit_stop_requested, timeout=5, message="not given back for a later judgement")
    assert await actions(services) == []  # nothing sent, no "offline" rows
    assert services.stop_limits.tick(now=utcnow() + timedelta(minutes=5)) == 1  # judged again
