"""Auto-recovery over a simulated station on real websockets: a Faulted station gets a soft reset,
then a hard reset, then a mail saying it did not recover, and is never reset in a loop."""

from __future__ import annotations

import pytest

from evdesk.core import events as ev
from evdesk.core.notifications import cases as c
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.core.services import Services
from evdesk.settings import SiteSettings
from evdesk.simulator import ScaledClock, SimulatedStation
from evdesk.store import models as m
from tests.manual_clock import ManualClock
from tests.waiting import wait_for


@pytest.fixture
async def site(store, smtp_server):
    clock = ManualClock()
    settings = SiteSettings(post_boot_quiet_seconds=0.0, boot_accept_rate=10_000, site_name="Depot Nord",
                            smtp_host="127.0.0.1", smtp_port=smtp_server.port, smtp_security="none",
                            smtp_from="evdesk@depot.example")
    sv = Services(store, settings, clock=clock, notification_tick=3600)  # ticked by hand
    await sv.start(load_settings=False)
    from evdesk.csms.server import CentralSystem

    central = CentralSystem(sv, "127.0.0.1", 0)
    await central.start()
    sv.test_central = central
    group = await sv.groups.add(SYSTEM_CONTEXT, "Workshop")
    await sv.stations.create_station("SIM-1", "Gate charger", group.id, connectors=2, ctx=SYSTEM_CONTEXT)
    await sv.notifications.rules.create(SYSTEM_CONTEXT, {
        "name": "Workshop", "group_id": group.id, "emails": ["fleet@depot.example"], "cases": [c.FUSE_TRIPPED],
        "recovery_minutes": 10})
    station = SimulatedStation("SIM-1", central.url, connectors=2, clock=ScaledClock(20.0))
    await station.start()
    await station.wait_accepted(10)
    await wait_for(lambda: sv.stations.get("SIM-1").connectors.get(2) is not None)
    yield sv, station, clock
    await station.stop()
    await central.stop()
    await sv.stop()


def resets(sv):
    return [(a.actor, a.reason, a.request["type"], a.outcome)
            for a in m.ActionLog.select().where(m.ActionLog.action == "Reset").order_by(m.ActionLog.started_at)]


async def tick(sv, clock, minutes):
    clock.advance(minutes * 60)
    sv.notifications.watch.tick()
    await sv.notifications.watch.idle()


async def test_soft_then_hard_reset_then_a_mail_and_never_a_loop(site, smtp_server):
    sv, station, clock = site
    steps = []
    sv.bus.subscribe(ev.AutoRecoveryDue, lambda e: steps.append(e.kind))
    await station.set_fault(1, "GroundFailure")
    await wait_for(lambda: sv.stations.get("SIM-1").connectors[1].status == "Faulted")
    await tick(sv, clock, 9)
    assert steps == []  # Faulted for less than 10 minutes
    await tick(sv, clock, 1.5)
    assert steps == ["Soft"]
    await wait_for(lambda: sv.store.read(lambda: [r[3] for r in resets(sv)] == ["accepted"]), timeout=10)
    await station.wait_accepted(10)  # it rebooted ...
    await wait_for(lambda: station.online)
    assert station.connectors[1].faulted  # ... and is still Faulted
    await tick(sv, clock, 5)
    assert steps == ["Soft"]  # the soft reset gets its 10 minutes
    await tick(sv, clock, 5.5)
    assert steps == ["Soft", "Hard"]
    await wait_for(lambda: sv.store.read(lambda: len(resets(sv)) == 2 and resets(sv)[1][3] == "accepted"), timeout=10)
    rows = await sv.store.read(lambda: resets(sv))
    assert [(r[0], r[2]) for r in rows] == [("auto-recovery", "Soft"), ("auto-recovery", "Hard")]
    assert rows[0][1] == "Auto-recovery: Faulted for 10 minutes"
    await station.wait_accepted(10)
    await tick(sv, clock, 10.5)
    outcome = [msg for msg in smtp_server.messages if "Auto-recovery" in msg["Subject"]]
    assert [msg["Subject"] for msg in outcome] == ["[Depot Nord] Auto-recovery failed: Gate charger (SIM-1)"]
    body = outcome[0].get_content()
    assert "soft reset — Accepted by the station" in body and "hard reset — Accepted by the station" in body
    assert "Send a technician" in body
    await station.clear_fault(1)  # a reboot's flicker: Available, then Faulted again
    await wait_for(lambda: sv.stations.get("SIM-1").connectors[1].status == "Available")
    await station.set_fault(1, "GroundFailure")
    await wait_for(lambda: sv.stations.get("SIM-1").connectors[1].status == "Faulted")
    for _ in range(6):  # hours and a day later, still Faulted: never again
        await tick(sv, clock, 6 * 60)
    assert steps == ["Soft", "Hard"] and len(await sv.store.read(lambda: resets(sv))) == 2
    log = await sv.notifications.mail_log(SYSTEM_CONTEXT)
    assert [(r.kind, r.outcome) for r in log if r.kind == "recovery"] == [("recovery", "sent")]


async def test_a_station_that_recovers_gets_a_worked_mail_and_only_one_reset(site, smtp_server):
    sv, station, clock = site
    steps = []
    sv.bus.subscribe(ev.AutoRecoveryDue, lambda e: steps.append(e.kind))
    await station.set_fault(2, "OverCurrentFailure")
    await wait_for(lambda: sv.stations.get("SIM-1").connectors[2].status == "Faulted")
    await tick(sv, clock, 10.5)
    assert steps == ["Soft"]
    await wait_for(lambda: sv.store.read(lambda: [r[3] for r in resets(sv)] == ["accepted"]), timeout=10)
    await station.wait_accepted(10)
    await station.clear_fault(2)  # the reboot helped
    await wait_for(lambda: sv.stations.get("SIM-1").connectors[2].status == "Available")
    await tick(sv, clock, 10.5)
    subjects = [msg["Subject"] for msg in smtp_server.messages if "Auto-recovery" in msg["Subject"]]
    assert subjects == ["[Depot Nord] Auto-recovery worked: Gate charger (SIM-1)"]
    await station.set_fault(2, "OverCurrentFailure")  # faults again the same day: a person is needed, no reset
    await wait_for(lambda: sv.stations.get("SIM-1").connectors[2].status == "Faulted")
    for _ in range(4):
        await tick(sv, clock, 30)
    assert steps == ["Soft"]


async def test_an_offline_station_is_not_reset(site, smtp_server):
    sv, station, clock = site
    steps = []
    sv.bus.subscribe(ev.AutoRecoveryDue, lambda e: steps.append(e.kind))
    await station.set_fault(1, "GroundFailure")
    await wait_for(lambda: sv.stations.get("SIM-1").connectors[1].status == "Faulted")
    await station.go_offline()
    await wait_for(lambda: sv.stations.get("SIM-1").connection_state != "online")
    await tick(sv, clock, 30)
    assert steps == []  # only while its status is active (adopted and online)


async def test_an_operators_change_availability_over_websockets_is_no_case(site, smtp_server):
    sv, station, clock = site
    await sv.notifications.rules.create(SYSTEM_CONTEXT, {
        "name": "Unavailable", "station_ids": [sv.stations.get("SIM-1").id], "emails": ["fleet@depot.example"],
        "cases": [c.UNAVAILABLE]})
    commands = sv.test_central.commands
    station_id = sv.stations.get("SIM-1").id
    result = await commands.change_availability(station_id, 1, False, ctx=SYSTEM_CONTEXT, reason="cleaning the bay")
    assert result.ok
    await wait_for(lambda: sv.stations.get("SIM-1").connectors[1].status == "Unavailable")
    await tick(sv, clock, 5)
    assert smtp_server.messages == [] and sv.notifications.watch.episodes == {}
    await commands.change_availability(station_id, 1, True, ctx=SYSTEM_CONTEXT)
    await wait_for(lambda: sv.stations.get("SIM-1").connectors[1].status == "Available")
    station.connectors[1].operative = False  # the charger switches itself off: a case
    await station._set_status(1, "Unavailable")
    await wait_for(lambda: sv.stations.get("SIM-1").connectors[1].status == "Unavailable")
    await tick(sv, clock, 2)
    assert [m["Subject"] for m in smtp_server.messages] == ["[Depot Nord] Unavailable: Gate charger (SIM-1)"]
