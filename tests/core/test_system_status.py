"""Issue 16: stations an operator disabled (or marked out of order) are not monitored — no fault
mails, not counted in the Stations badge, no auto-recovery — and are watched again once active."""

from __future__ import annotations

from evdesk.core import events as ev
from evdesk.core.permissions import SYSTEM_CONTEXT
from tests.core.test_notifications import clock, rule_data, site, status, tick  # noqa: F401 - fixtures


async def set_status(sv, info, value):
    details = await sv.station_details.details(SYSTEM_CONTEXT, info.id)
    await sv.station_details.save(SYSTEM_CONTEXT, info.id, details.version, system_status=value)


async def test_a_disabled_station_is_not_mailed_nor_counted_until_it_is_active_again(site, smtp_server, clock):
    sv = site
    await sv.notifications.rules.create(SYSTEM_CONTEXT, rule_data(sv.test.north.id))
    await set_status(sv, sv.test.station, "disabled")
    status(sv, sv.test.station, 1, "Faulted", "GroundFailure")
    await tick(sv, clock, 120)
    assert smtp_server.messages == []
    assert sv.notifications.open_fault_count(SYSTEM_CONTEXT) == 0
    await set_status(sv, sv.test.station, "active")
    await tick(sv, clock, 5)
    assert {m["To"] for m in smtp_server.messages} == {"ops@depot.example", "tech@depot.example"}
    assert sv.notifications.open_fault_count(SYSTEM_CONTEXT) == 1
    await set_status(sv, sv.test.station, "out_of_order")  # known broken: no longer counted
    assert sv.notifications.open_fault_count(SYSTEM_CONTEXT) == 0


async def test_an_active_station_beside_it_is_still_counted(site, smtp_server, clock):
    sv = site
    await set_status(sv, sv.test.other, "disabled")
    status(sv, sv.test.station, 1, "Faulted", "OtherError")
    status(sv, sv.test.other, 1, "Faulted", "OtherError")
    await tick(sv, clock, 61)
    assert sv.notifications.open_fault_count(SYSTEM_CONTEXT) == 1
    assert [e.station_id for e in sv.notifications.watch.open_faults()] == [sv.test.station.id]


async def test_no_auto_recovery_for_a_disabled_station(site, smtp_server, clock):
    sv = site
    await sv.notifications.rules.create(SYSTEM_CONTEXT, rule_data(None, name="All", recovery_minutes=10))
    resets = []
    sv.bus.subscribe(ev.AutoRecoveryDue, lambda e: resets.append((e.identity, e.kind)))
    for info in (sv.test.station, sv.test.other):
        sv.stations.get_by_id(info.id).connection_state = "online"
        status(sv, info, 1, "Faulted", "OtherError")
    await set_status(sv, sv.test.station, "disabled")
    await tick(sv, clock, 11 * 60)
    assert resets == [("CP-900", "Soft")]
