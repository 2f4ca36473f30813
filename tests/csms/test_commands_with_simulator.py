"""Every command of the command API against the built-in simulator over real websockets:
the station's answer, what it then does, and what evdesk records."""

from __future__ import annotations

from datetime import timedelta

import pytest

from evdesk.core.errors import ValidationError

from evdesk.core.clock import utcnow
from evdesk.core.permissions import ADMIN, OperatorContext
from evdesk.store import models as m
from tests.csms.test_protocol_messages import wait_for

OPERATOR = OperatorContext(None, "Olli Operator", ADMIN)



def sid(services):
    return services.stations.get("SIM-1").id


async def last_action(services):
    return await services.store.run(lambda: m.ActionLog.select().order_by(m.ActionLog.started_at.desc()).first())


async def test_remote_start_really_starts_and_remote_stop_stops(central, services, station):
    await station.plug_in(1)
    result = await central.commands.remote_start(sid(services), 1, "TAG-OK", ctx=OPERATOR, reason="driver phoned")
    assert result.ok, result.message
    await wait_for(lambda: services.transactions.active_on(sid(services), 1) is not None)
    tx = services.transactions.active_on(sid(services), 1)
    await wait_for(lambda: services.stations.get("SIM-1").connectors[1].status == "Charging")
    stop = await central.commands.remote_stop(sid(services), tx.ocpp_id, ctx=OPERATOR, reason="done")
    assert stop.ok
    await wait_for(lambda: tx.ocpp_id not in services.transactions.active)
    row = await services.store.run(lambda: m.Transaction.get(m.Transaction.ocpp_id == tx.ocpp_id))
    assert row.stop_reason == "Remote" and row.state == "completed"
    action = await services.store.run(lambda: m.ActionLog.get(m.ActionLog.action == "RemoteStartTransaction"))
    assert (action.actor, action.reason, action.outcome) == ("Olli Operator", "driver phoned", "accepted")


async def test_remote_stop_of_unknown_transaction_is_rejected(central, services, station):
    result = await central.commands.remote_stop(sid(services), 999_999, ctx=OPERATOR, reason="x")
    assert result.outcome == "rejected" and "Rejected" in result.message


async def test_reset_reboots_and_boots_again(central, services, station):
    boots_before = await services.store.run(lambda: m.StationEvent.select().where(m.StationEvent.kind == "boot").count())
    result = await central.commands.reset(sid(services), "Soft", ctx=OPERATOR, reason="stuck")
    assert result.ok
    await wait_for(lambda: central.connections.get("SIM-1") is None or not station.connected, timeout=10)
    await station.wait_accepted(20)

    async def booted_again():
        boots = await services.store.run(lambda: m.StationEvent.select().where(m.StationEvent.kind == "boot").count())
        return boots > boots_before

    await wait_for(booted_again, timeout=15, message="no second boot")


async def test_unlock_and_availability(central, services, station):
    assert (await central.commands.unlock_connector(sid(services), 1, ctx=OPERATOR, reason="cable")).message == "Connector unlocked"
    result = await central.commands.change_availability(sid(services), 2, False, ctx=OPERATOR, reason="repair")
    assert result.ok
    await wait_for(lambda: services.stations.get("SIM-1").connectors[2].status == "Unavailable")
    assert (await central.commands.change_availability(sid(services), 2, True, ctx=OPERATOR, reason="fixed")).ok
    await wait_for(lambda: services.stations.get("SIM-1").connectors[2].status == "Available")


async def test_availability_is_scheduled_during_a_session(central, services, station):
    await station.plug_in(1)
    assert await station.present_token(1, "TAG-OK")
    result = await central.commands.change_availability(sid(services), 1, False, ctx=OPERATOR, reason="after session")
    assert result.ok and "session ends" in result.message


async def test_get_and_change_configuration(central, services, station):
    result = await central.commands.get_configuration(sid(services), ctx=OPERATOR, reason="refresh")
    assert result.ok
    keys = await services.store.run(lambda: {k.key: k for k in m.StationConfigKey.alive().where(m.StationConfigKey.station == sid(services))})
    assert "HeartbeatInterval" in keys and keys["NumberOfConnectors"].readonly
    assert "AuthorizationKey" not in keys  # write-only keys are never returned
    ok = await central.commands.change_configuration(sid(services), "HeartbeatInterval", "120", ctx=OPERATOR, reason="x")
    assert ok.ok
    ro = await central.commands.change_configuration(sid(services), "NumberOfConnectors", "5", ctx=OPERATOR, reason="x")
    assert ro.outcome == "rejected" and ro.message.startswith("Charging point configuration error.")
    unknown = await central.commands.change_configuration(sid(services), "NoSuchKey", "1", ctx=OPERATOR, reason="x")
    assert unknown.outcome == "rejected" and "NotSupported" in unknown.message
    some = await central.commands.get_configuration(sid(services), ["HeartbeatInterval", "Bogus"], ctx=OPERATOR, reason="x")
    assert some.response["configuration_key"][0]["value"] == "120" and some.response["unknown_key"] == ["Bogus"]


async def test_clear_cache_and_data_transfer(central, services, station):
    assert (await central.commands.clear_cache(sid(services), ctx=OPERATOR, reason="token blocked")).ok
    echo = await central.commands.data_transfer(sid(services), "evdesk", "ping", "hello", ctx=OPERATOR, reason="x")
    assert echo.ok and echo.response.get("data")
    other = await central.commands.data_transfer(sid(services), "com.other", ctx=OPERATOR, reason="x")
    assert other.outcome == "rejected" and "UnknownVendorId" in other.message


@pytest.mark.parametrize("message", ["Heartbeat", "StatusNotification", "BootNotification", "MeterValues",
                                     "FirmwareStatusNotification", "DiagnosticsStatusNotification"])
async def test_trigger_message_is_followed_by_the_message(central, services, station, message):
    await services.batch.flush()
    before = await services.store.run(lambda: m.MessageLog.select().where(
        (m.MessageLog.action == message) & (m.MessageLog.direction == "in")).count())
    result = await central.commands.trigger_message(sid(services), message, 1 if message in ("StatusNotification", "MeterValues") else None,
                                                    ctx=OPERATOR, reason="check")
    assert result.ok

    async def arrived():
        await services.batch.flush()
        return await services.store.run(lambda: m.MessageLog.select().where(
            (m.MessageLog.action == message) & (m.MessageLog.direction == "in")).count())

    async def arrived_again():
        return await arrived() > before

    await wait_for(arrived_again, timeout=10, message=f"no {message} after the trigger")


async def test_charging_profiles_and_composite_schedule(central, services, station):
    profile = {
        "chargingProfileId": 7, "stackLevel": 0, "chargingProfilePurpose": "TxDefaultProfile",
        "chargingProfileKind": "Absolute",
        "chargingSchedule": {"chargingRateUnit": "A", "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 16.0}]},
    }
    assert (await central.commands.set_charging_profile(sid(services), 1, profile, ctx=OPERATOR, reason="peak")).ok
    schedule = await central.commands.get_composite_schedule(sid(services), 1, 3600, "A", ctx=OPERATOR, reason="check")
    assert schedule.ok and schedule.response["charging_schedule"]["charging_schedule_period"][0]["limit"] == 16.0
    too_high = dict(profile, stackLevel=99, chargingProfileId=8)
    # the compatibility probe read ChargeProfileMaxStackLevel (8) after the boot: evdesk refuses in words
    await wait_for(lambda: services.compat.switches(sid(services)).max_stack_level == 8, timeout=10)
    with pytest.raises(ValidationError) as refused:
        await central.commands.set_charging_profile(sid(services), 1, too_high, ctx=OPERATOR, reason="x")
    assert refused.value.field == "stack_level" and "up to 8" in str(refused.value)
    # a station that takes the level itself still says so: the simulator refuses 9 when its profile is not known
    services.compat.profiles[sid(services)]["switches"]["max_stack_level"] = None
    assert (await central.commands.set_charging_profile(sid(services), 1, too_high, ctx=OPERATOR, reason="x")).outcome == "rejected"
    assert (await central.commands.clear_charging_profile(sid(services), profile_id=7, ctx=OPERATOR, reason="off-peak")).ok
    unknown = await central.commands.clear_charging_profile(sid(services), profile_id=7, ctx=OPERATOR, reason="again")
    assert unknown.outcome == "rejected" and "Unknown" in unknown.message


async def test_reservations(central, services, station):
    result = await central.commands.reserve_now(sid(services), 2, "TAG-OK", utcnow() + timedelta(hours=1), ctx=OPERATOR, reason="VIP")
    assert result.ok
    rid = result.response["reservation_id"]
    await wait_for(lambda: services.stations.get("SIM-1").connectors[2].status == "Reserved")
    row = await services.store.run(lambda: m.Reservation.get(m.Reservation.reservation_id == rid))
    assert row.state == "accepted"
    assert (await central.commands.cancel_reservation(sid(services), rid, ctx=OPERATOR, reason="cancelled")).ok
    await wait_for(lambda: services.stations.get("SIM-1").connectors[2].status == "Available")
    assert (await central.commands.cancel_reservation(sid(services), rid, ctx=OPERATOR, reason="again")).outcome == "rejected"


async def test_local_list_versions(central, services, station):
    entries = [{"idTag": "TAG-OK", "idTagInfo": {"status": "Accepted"}}]
    assert (await central.commands.send_local_list(sid(services), 1, "Full", entries, ctx=OPERATOR, reason="sync")).ok
    version = await central.commands.get_local_list_version(sid(services), ctx=OPERATOR, reason="check")
    assert version.response["list_version"] == 1
    assert (await central.commands.send_local_list(sid(services), 2, "Differential", [{"idTag": "NEW"}], ctx=OPERATOR, reason="x")).ok
    stale = await central.commands.send_local_list(sid(services), 2, "Differential", [], ctx=OPERATOR, reason="x")
    assert stale.outcome == "rejected" and "VersionMismatch" in stale.message


async def test_firmware_update_reports_its_progress(central, services, station):
    result = await central.commands.update_firmware(sid(services), "https://firmware.invalid/fw-2.0.bin", utcnow(), ctx=OPERATOR, reason="security fix")
    assert result.ok

    async def states():
        await services.batch.flush()
        return await services.store.run(lambda: [e.state for e in m.StationEvent.select().where(m.StationEvent.kind == "firmware").order_by(m.StationEvent.at)])

    async def installed():
        return "Installed" in await states()

    await wait_for(installed, timeout=20, message="firmware never reported Installed")
    assert (await states())[:4] == ["Downloading", "Downloaded", "Installing", "Installed"]


async def test_get_diagnostics_uploads(central, services, station):
    result = await central.commands.get_diagnostics(sid(services), "ftp://diag.invalid/upload", ctx=OPERATOR, reason="support case")
    assert result.ok and result.response.get("file_name")
    await wait_for(lambda: services.stations.get("SIM-1").diagnostics_status == "Uploaded", timeout=20)


async def test_offline_queue_is_replayed_with_old_timestamps(central, services, station):
    await station.plug_in(1)
    assert await station.present_token(1, "TAG-OK")
    tx = services.transactions.active_on(sid(services), 1)
    await station.go_offline()
    await wait_for(lambda: not services.stations.get("SIM-1").connected)
    await station.unplug(1)
    unplugged_at = station.clock.now()
    await station.clock.sleep(10)  # 10 simulated seconds pass before the station is back
    await station.go_online()
    await wait_for(lambda: tx.ocpp_id not in services.transactions.active, timeout=15)
    row = await services.store.run(lambda: m.Transaction.get(m.Transaction.ocpp_id == tx.ocpp_id))
    assert row.state == "completed" and row.energy_wh is not None and row.energy_wh >= 0
    # the station's time of the stop, not the time of the replay 10 (simulated) seconds later
    assert abs((row.stopped_at - unplugged_at).total_seconds()) < 3
