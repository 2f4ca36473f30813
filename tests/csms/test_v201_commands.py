"""The version-neutral command API on an OCPP 2.0.1 station, over real websockets
(blocks B D F G H K L N P, the raw call, bad frames)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from evdesk.core.errors import ValidationError
from evdesk.core.permissions import ADMIN, BASIC, OperatorContext
from evdesk.store import models as m
from tests.csms.v201_fixtures import station201, stored
from tests.waiting import wait_for

ADA = OperatorContext(None, "Ada Admin", ADMIN)
BOB = OperatorContext(None, "Bob Basic", BASIC)
PROFILE = {"chargingProfileId": 7, "stackLevel": 1, "chargingProfilePurpose": "TxDefaultProfile",
           "chargingProfileKind": "Absolute", "chargingSchedule": {
               "chargingRateUnit": "A", "startSchedule": "2026-11-30T00:00:00Z",
               "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 16.0}]}}


def sent(st, action):
    return [p for a, p in st.received if a == action]


async def actions(services):
    return await stored(services, lambda: list(m.ActionLog.select().order_by(m.ActionLog.started_at).dicts()))


async def test_remote_start_and_stop_use_request_start_stop_transaction(central, services):
    async with station201(central, services) as st:
        info = services.stations.get("V201-1")
        started = await central.commands.remote_start(info.id, 2, "TAG-201", ctx=ADA, reason="driver called")
        assert started.ok, started.message
        await wait_for(lambda: services.transactions.active_on(info.id, 2) is not None, 5)
        request = sent(st, "RequestStartTransaction")[0]
        assert request["idToken"] == {"idToken": "TAG-201", "type": "Central"} and request["evseId"] == 2
        session = services.transactions.active_on(info.id, 2)
        stopped = await central.commands.remote_stop(info.id, session.ocpp_id, ctx=ADA)
        assert stopped.ok
        await wait_for(lambda: services.transactions.active_on(info.id, 2) is None, 5)
        assert sent(st, "RequestStopTransaction") == [{"transactionId": st.ended[-1].id}]
    row = await stored(services, lambda: m.Transaction.get())
    assert (row.remote_start, row.stop_reason, row.state) == (True, "Remote", "completed")
    logged = [(a["action"], a["outcome"]) for a in await actions(services)]
    assert ("RequestStartTransaction", "accepted") in logged and ("RequestStopTransaction", "accepted") in logged


async def test_reset_unlock_availability_and_trigger(central, services):
    async with station201(central, services) as st:
        info = services.stations.get("V201-1")
        assert (await central.commands.unlock_connector(info.id, 1, ctx=ADA)).message == "Connector unlocked"
        assert sent(st, "UnlockConnector") == [{"evseId": 1, "connectorId": 1}]
        result = await central.commands.change_availability(info.id, 2, False, ctx=ADA)
        assert result.ok and sent(st, "ChangeAvailability") == [{"operationalStatus": "Inoperative", "evse": {"id": 2}}]
        await wait_for(lambda: services.stations.get("V201-1").connectors[2].status == "Unavailable", 5)
        result = await central.commands.trigger_message(info.id, "StatusNotification", 1, ctx=ADA)
        assert result.ok and sent(st, "TriggerMessage")[-1] == {"requestedMessage": "StatusNotification",
                                                                "evse": {"id": 1, "connectorId": 1}}
        assert (await central.commands.trigger_message(info.id, "TransactionEvent", 1, ctx=ADA)).ok
        await st.start_transaction(1, "TAG-201")
        soft = await central.commands.reset(info.id, "Soft", ctx=ADA)
        assert soft.ok and "session ends" in soft.message  # Scheduled: OnIdle waits for the session
        hard = await central.commands.reset(info.id, "Hard", ctx=ADA)
        assert hard.ok and [p["type"] for p in sent(st, "Reset")] == ["OnIdle", "Immediate"]
        await wait_for(lambda: st.boot_statuses.count("Accepted") == 2, 10)  # rebooted, ended its session first
    row = await stored(services, lambda: m.Transaction.get())
    assert row.stop_reason == "ImmediateReset" and row.state == "completed"


async def test_device_model_get_base_report_get_and_set_variables(central, services):
    async with station201(central, services) as st:
        info = services.stations.get("V201-1")
        report = await central.commands.get_configuration(info.id, ctx=ADA, reason="read device model")
        assert report.ok and sent(st, "GetBaseReport")[0]["reportBase"] == "FullInventory"
        expected = len(st.device_model)

        async def keys():
            return await stored(services, lambda: {k.key: (k.value, k.readonly) for k in m.StationConfigKey.alive()
                                                   .where(m.StationConfigKey.station == info.id)})
        await wait_for(lambda: st.reports_done == 1, 5)  # every part answered: stored before its answer
        stored_keys = await keys()
        assert len(stored_keys) == expected
        assert stored_keys["OCPPCommCtrlr/HeartbeatInterval"] == ("300", False)
        assert stored_keys["EVSE@1/Power#MaxSet"] == ("22000", True)
        assert stored_keys["Connector@2.1/ConnectorType"] == ("cType2", True)
        assert stored_keys["SecurityCtrlr/BasicAuthPassword"] == (None, False)  # write-only: no value
        got = await central.commands.get_configuration(info.id, ["ChargingStation/Model", "Nope/Nothing"], ctx=ADA)
        assert got.ok and "1 variable(s) stored, 1 unknown" in got.message
        changed = await central.commands.change_configuration(info.id, "OCPPCommCtrlr/HeartbeatInterval", "120", ctx=ADA)
        assert changed.ok and st.device_model["OCPPCommCtrlr/HeartbeatInterval"].value == "120"
        refused = await central.commands.change_configuration(info.id, "ChargingStation/Model", "X", ctx=ADA)
        assert refused.outcome == "rejected" and "Rejected" in refused.message
        with pytest.raises(ValidationError):
            await central.commands.change_configuration(info.id, "HeartbeatInterval", "120", ctx=ADA)
        with pytest.raises(ValidationError, match="attribute"):
            await central.commands.get_configuration(info.id, ["LocalAuthListCtrlr/Entries#MaxLimit"], ctx=ADA)
        password = "a-new-password-0123456789"
        rotated = await central.commands.change_configuration(info.id, "SecurityCtrlr/BasicAuthPassword", password,
                                                              ctx=ADA)
        assert rotated.ok and st.password == password
        assert await services.stations.check_password(services.stations.get("V201-1"), password)
    assert (await keys())["OCPPCommCtrlr/HeartbeatInterval"] == ("120", False)
    assert password not in json.dumps([a["request"] for a in await actions(services)])
    frames = await stored(services, lambda: [f.payload for f in m.MessageLog.select()])
    assert not any(password in f for f in frames) and any("SetVariables" in f and "********" in f for f in frames)


async def test_charging_profiles_firmware_log_and_events(central, services):
    async with station201(central, services) as st:
        info = services.stations.get("V201-1")
        assert (await central.commands.set_charging_profile(info.id, 1, PROFILE, ctx=ADA)).ok
        profile = st.charging_profiles[7]
        assert profile["chargingSchedule"][0]["chargingSchedulePeriod"] == [{"startPeriod": 0, "limit": 16.0}]
        composite = await central.commands.get_composite_schedule(info.id, 1, 3600, "A", ctx=ADA)
        assert composite.ok and composite.response["schedule"]["charging_schedule_period"][0]["limit"] == 16.0
        assert (await central.commands.get_charging_profiles(info.id, 1, ctx=ADA)).ok
        assert (await central.commands.clear_charging_profile(info.id, 7, ctx=ADA)).ok and not st.charging_profiles
        tx = await st.start_transaction(1, "TAG-201")
        session = services.transactions.active_on(info.id, 1)
        tx_profile = {**PROFILE, "chargingProfileId": 8, "chargingProfilePurpose": "TxProfile",
                      "transactionId": session.ocpp_id}
        assert (await central.commands.set_charging_profile(info.id, 1, tx_profile, ctx=ADA)).ok
        assert st.charging_profiles[8]["transactionId"] == tx.id  # the station's own transaction id
        update = await central.commands.update_firmware(info.id, "https://fw.example/v2.bin",
                                                        datetime.now(timezone.utc), ctx=ADA)
        assert update.ok and sent(st, "UpdateFirmware")[0]["firmware"]["location"] == "https://fw.example/v2.bin"
        assert (await central.commands.get_diagnostics(info.id, "https://logs.example/up", ctx=ADA)).ok
        assert sent(st, "GetLog")[0]["logType"] == "DiagnosticsLog"
        await st.notify_event("Connector", "Problem", "true", tech_info="RCD tripped")
        await wait_for(lambda: services.stations.get("V201-1").firmware_status == "Installed", 5)
    events = await stored(services, lambda: [(e.kind, e.state, e.detail) for e in m.StationEvent.select()])
    assert ("charging_profiles", "reported") in {(k, s) for k, s, _ in events}
    assert [s for k, s, _ in events if k == "firmware"] == ["Downloading", "Downloaded", "Installing", "Installed"]
    assert [s for k, s, _ in events if k == "diagnostics"] == ["Uploading", "Uploaded"]
    (event,) = [e for e in events if e[0] == "event"]
    assert event[1] == "Alerting" and "Connector/Problem = true" in event[2] and "RCD tripped" in event[2]


async def test_local_list_reservation_data_transfer_and_transaction_status(central, services):
    async with station201(central, services) as st:
        info = services.stations.get("V201-1")
        entries = [{"idTag": "TAG-201", "idTagInfo": {"status": "Accepted", "parentIdTag": "FLEET"}}]
        assert (await central.commands.send_local_list(info.id, 4, "Full", entries, ctx=ADA)).ok
        assert sent(st, "SendLocalList")[0]["localAuthorizationList"][0] == {
            "idToken": {"idToken": "TAG-201", "type": "ISO14443"},
            "idTokenInfo": {"status": "Accepted", "groupIdToken": {"idToken": "FLEET", "type": "Central"}}}
        version = await central.commands.get_local_list_version(info.id, ctx=ADA)
        assert version.response == {"version_number": 4}
        reserved = await central.commands.reserve_now(info.id, 1, "TAG-201", datetime.now(timezone.utc) + timedelta(hours=1),
                                                      ctx=ADA)
        assert reserved.ok and st.reservations
        assert (await central.commands.cancel_reservation(info.id, reserved.response["reservation_id"], ctx=ADA)).ok
        assert (await central.commands.data_transfer(info.id, "acme", "hello", ctx=ADA)).outcome == "rejected"
        tx = await st.start_transaction(1, "TAG-201")
        session = services.transactions.active_on(info.id, 1)
        status = await central.commands.get_transaction_status(info.id, session.ocpp_id, ctx=ADA)
        assert status.ok and status.response == {"messages_in_queue": False, "ongoing_indicator": True}
        assert sent(st, "GetTransactionStatus") == [{"transactionId": tx.id}]


async def test_raw_call_sends_any_201_action_for_admins_only_and_is_logged(central, services):
    async with station201(central, services) as st:
        info = services.stations.get("V201-1")
        with pytest.raises(Exception):
            await central.commands.raw_call(info.id, "ClearCache", {}, ctx=BOB)
        with pytest.raises(ValidationError):
            await central.commands.raw_call(info.id, "RemoteStartTransaction", {}, ctx=ADA)  # a 1.6 action
        result = await central.commands.raw_call(info.id, "GetVariables", {"getVariableData": [
            {"component": {"name": "ChargingStation"}, "variable": {"name": "Model"}}]}, ctx=ADA, reason="check")
        assert result.ok and result.response["getVariableResult"][0]["attributeValue"] == "Sim201"
        with pytest.raises(ValidationError, match="type"):  # checked against the schema before it is sent
            await central.commands.raw_call(info.id, "Reset", {"type": "Sideways"}, ctx=ADA)
        assert not sent(st, "Reset")
        refused = await central.commands.raw_call(info.id, "CancelReservation", {"reservationId": 99}, ctx=ADA)
        assert refused.outcome == "rejected" and "Rejected" in refused.message
    logged = [(a["action"], a["outcome"], a["reason"]) for a in await actions(services)]
    assert ("GetVariables", "accepted", "check") in logged and ("CancelReservation", "rejected", "raw call") in logged


@pytest.mark.parametrize("frame, code", [
    ("not json", "FormatViolation"),
    ('[2, "u1", "Heartbeat"]', "FormatViolation"),
    ('[7, "u2", "Heartbeat", {}]', "MessageTypeNotSupported"),
    ('[2, "u3", "FlyToTheMoon", {}]', "NotImplemented"),
    ('[2, "u4", "RequestStartTransaction", {"idToken": {"idToken": "x", "type": "Central"}, "remoteStartId": 1}]',
     "NotSupported"),
    ('[2, "u5", "BootNotification", {"reason": "PowerUp"}]', "ProtocolError"),  # a required property missing
    ('[2, "u6", "StatusNotification", {"timestamp": "2026-11-30T00:00:00Z", "connectorStatus": "Dancing", '
     '"evseId": 1, "connectorId": 1}]', "PropertyConstraintViolation"),
    ('[2, "u7", "Heartbeat", {"extra": 1}]', "FormatViolation"),
    ('[2, "u8", "TransactionEvent", {"eventType": "Started", "timestamp": "2026-11-30T00:00:00Z", '
     '"triggerReason": "Authorized", "seqNo": "one", "transactionInfo": {"transactionId": "T"}}]',
     "TypeConstraintViolation"),
])
async def test_bad_201_frames_get_the_right_callerror(central, services, frame, code):
    async with station201(central, services) as st:
        answer = json.loads(await st.send_raw(frame))
        assert answer[0] == 4 and answer[2] == code, answer
        assert (await st.heartbeat())["currentTime"]  # the connection lives on


async def test_a_callerror_with_a_code_ocpp_lacks_ends_the_command_and_the_connection_lives(central, services):
    async with station201(central, services) as st:
        info = services.stations.get("V201-1")
        st.error_for["ClearCache"] = ("VendorBusy", "try later")
        result = await central.commands.clear_cache(info.id, ctx=ADA)
        assert result.outcome == "error" and "GenericError" in result.message and "VendorBusy" in result.message
        st.error_for["ClearCache"] = ("NotSupported", "no cache here")
        result = await central.commands.clear_cache(info.id, ctx=ADA)
        assert result.outcome == "error" and "NotSupported: no cache here" in result.message
        assert (await st.heartbeat())["currentTime"] and central.is_connected("V201-1")


async def test_an_answer_with_properties_ocpp_lacks_is_an_invalid_answer_even_unvalidated(central, services):
    async with station201(central, services) as st:
        info = services.stations.get("V201-1")
        st._on_ClearCache = lambda p: ({"status": "Accepted", "vendorMood": "happy"}, None)
        result = await central.commands.clear_cache(info.id, ctx=ADA)
        assert result.outcome == "error" and "not as OCPP 2.0.1 says" in result.message
        info.skip_schema_validation = True  # the operator's switch (the connection reads it at every message)
        result = await central.commands.clear_cache(info.id, ctx=ADA)
        assert result.outcome == "error" and "vendor_mood" in result.message  # no crash: a clear refusal
        assert (await st.heartbeat())["currentTime"]


async def test_variable_monitoring_is_set_and_what_the_station_sees_reaches_the_event_feed(central, services):
    async with station201(central, services) as st:
        info = services.stations.get("V201-1")
        with pytest.raises(ValidationError, match="actual value"):
            await central.commands.set_variable_monitoring(info.id, "EVSE@1/Power#MaxSet", "Delta", 1, ctx=ADA)
        result = await central.commands.set_variable_monitoring(info.id, "EVSE@1/Power", "UpperThreshold",
                                                                "20000", 2, ctx=ADA, reason="watch the power")
        assert result.ok and st.monitors[1]["value"] == 20000.0 and st.monitors[1]["severity"] == 2
        unknown = await central.commands.set_variable_monitoring(info.id, "Nope/Nothing", "Delta", 1, ctx=ADA)
        assert unknown.outcome == "rejected" and "UnknownVariable" in unknown.message
        with pytest.raises(ValidationError):
            await central.commands.set_variable_monitoring(info.id, "EVSE@1/Power", "Sometimes", 1, ctx=ADA)
        with pytest.raises(ValidationError):
            await central.commands.set_variable_monitoring(info.id, "EVSE@1/Power", "Delta", "lots", ctx=ADA)
        await st.notify_event("EVSE", "Power", "21000", trigger="Alerting", event_type="PreconfiguredMonitor")
    events = await stored(services, lambda: [(e.kind, e.state, e.detail) for e in m.StationEvent.select()])
    assert [(s, d) for k, s, d in events if k == "event"] == [("Alerting", "EVSE/Power = 21000 (PreconfiguredMonitor, event 1)")]
