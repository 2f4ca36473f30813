"""Every charge-point-initiated 1.6 message over a real websocket, answered and persisted."""

from __future__ import annotations


import pytest
from ocpp.v16 import call

from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.store import models as m
from tests.csms.rawclient import raw_station
from tests.waiting import wait_for  # noqa: F401 - also imported from here by other test modules


async def test_boot_heartbeat_status_are_answered_and_stored(central, services):
    await services.stations.create_station("CP-A", connectors=2, ctx=SYSTEM_CONTEXT)
    async with raw_station(central.url, "CP-A", boot=False) as st:
        boot = await st.call(call.BootNotification(charge_point_vendor="ACME", charge_point_model="W22", firmware_version="4.2"))
        assert boot.status == "Accepted" and boot.interval == 300
        hb = await st.call(call.Heartbeat())
        assert hb.current_time.endswith("Z")
        await st.call(call.StatusNotification(connector_id=1, error_code="GroundFailure", status="Faulted", info="RCD tripped"))
        info = services.stations.get("CP-A")
        assert info.connectors[1].status == "Faulted"
        assert info.connection_state == "online"
        await services.batch.flush()
        await services.status.flush()
        rows = await services.store.run(lambda: list(m.StatusEvent.select().dicts()))
        assert rows[0]["error_code"] == "GroundFailure" and rows[0]["info"] == "RCD tripped"
        station = await services.store.run(lambda: m.Station.get(m.Station.identity == "CP-A"))
        assert (station.vendor, station.model, station.firmware_version) == ("ACME", "W22", "4.2")


async def test_session_start_meter_stop(central, services):
    await services.stations.create_station("CP-B", connectors=1, ctx=SYSTEM_CONTEXT)
    await services.store.run(lambda: m.Token.create(uid="abc123", uid_key="ABC123"))
    async with raw_station(central.url, "CP-B") as st:
        auth = await st.call(call.Authorize(id_tag="ABC123"))
        assert auth.id_tag_info["status"] == "Accepted"
        start = await st.call(call.StartTransaction(connector_id=1, id_tag="abc123", meter_start=1000, timestamp="2026-11-22T08:00:00Z"))
        assert start.id_tag_info["status"] == "Accepted"
        tx = start.transaction_id
        await st.call(call.MeterValues(connector_id=1, transaction_id=tx, meter_value=[{
            "timestamp": "2026-11-22T08:10:00Z",
            "sampledValue": [{"value": "2.5", "unit": "kWh", "measurand": "Energy.Active.Import.Register"},
                             {"value": "11000", "unit": "W", "measurand": "Power.Active.Import"}]}]))
        assert services.transactions.active[tx].meter_last_wh == 2500
        stop = await st.call(call.StopTransaction(meter_stop=4000, timestamp="2026-11-22T08:30:00Z", transaction_id=tx,
                                                  id_tag="abc123", reason="EVDisconnected", transaction_data=[{
                                                      "timestamp": "2026-11-22T08:30:00Z",
                                                      "sampledValue": [{"value": "4000", "context": "Transaction.End"}]}]))
        assert stop.id_tag_info["status"] == "Accepted"
    await services.batch.flush()
    row = await services.store.run(lambda: m.Transaction.get(m.Transaction.ocpp_id == tx))
    assert (row.state, row.energy_wh, row.stop_reason) == ("completed", 3000, "EVDisconnected")
    values = await services.store.run(lambda: list(m.MeterValue.select().where(m.MeterValue.transaction == row.id).order_by(m.MeterValue.timestamp).dicts()))
    assert [(v["energy_wh"], v["power_w"]) for v in values] == [(2500, 11000), (4000, None)]
    assert values[0]["samples"][0] == ["Energy.Active.Import.Register", "", "", "kWh", "2.5", "", "Raw"]


async def test_unknown_token_is_invalid_and_logged(central, services):
    await services.stations.create_station("CP-C", ctx=SYSTEM_CONTEXT)
    async with raw_station(central.url, "CP-C") as st:
        auth = await st.call(call.Authorize(id_tag="NOPE"))
        assert auth.id_tag_info["status"] == "Invalid"
    await services.batch.flush()
    attempts = await services.store.run(lambda: list(m.AuthorizationAttempt.select().dicts()))
    assert attempts[-1]["result"] == "Invalid" and attempts[-1]["id_tag"] == "NOPE"


async def test_free_charging_station_accepts_any_tag(central, services):
    info = await services.stations.create_station("CP-FREE", ctx=SYSTEM_CONTEXT)
    await services.stations.update_station(info.id, info.version, access_mode="free", ctx=SYSTEM_CONTEXT)
    async with raw_station(central.url, "CP-FREE") as st:
        auth = await st.call(call.Authorize(id_tag="ANYONE"))
        assert auth.id_tag_info["status"] == "Accepted"


async def test_data_transfer_and_status_notifications_are_logged(central, services):
    await services.stations.create_station("CP-D", ctx=SYSTEM_CONTEXT)
    async with raw_station(central.url, "CP-D") as st:
        dt = await st.call(call.DataTransfer(vendor_id="com.acme", message_id="diag", data="hello"))
        assert dt.status == "UnknownVendorId"
        await st.call(call.FirmwareStatusNotification(status="Downloading"))
        await st.call(call.DiagnosticsStatusNotification(status="Uploaded"))
    await services.batch.flush()
    kinds = await services.store.run(lambda: sorted((e.kind, e.state) for e in m.StationEvent.select().where(m.StationEvent.kind != "network")))
    assert ("data_transfer", "received") in kinds
    assert ("firmware", "Downloading") in kinds
    assert ("diagnostics", "Uploaded") in kinds
    assert services.stations.get("CP-D").firmware_status == "Downloading"


async def test_every_frame_goes_to_the_communication_log(central, services):
    await services.stations.create_station("CP-LOG", ctx=SYSTEM_CONTEXT)
    async with raw_station(central.url, "CP-LOG") as st:
        await st.call(call.Heartbeat())
    await services.batch.flush()
    rows = await services.store.run(lambda: list(m.MessageLog.select().where(
        (m.MessageLog.station_identity == "CP-LOG") & m.MessageLog.action.in_(["BootNotification", "Heartbeat"])
    ).order_by(m.MessageLog.at).dicts()))
    assert [(r["direction"], r["action"], r["message_type"]) for r in rows] == [
        ("in", "BootNotification", 2), ("out", "BootNotification", 3), ("in", "Heartbeat", 2), ("out", "Heartbeat", 3),
    ]


@pytest.mark.parametrize(
    "frame, code",
    [
        # OCPP-J 1.6 spells it FormationViolation (2.0.1: FormatViolation)
        ("this is not json", "FormationViolation"),
        ('{"a": 1}', "FormationViolation"),
        ('[2, "id-1", "Heartbeat"]', "FormationViolation"),
        ('[9, "id-2", "Heartbeat", {}]', "FormationViolation"),
        # OCPP-J: NotImplemented = the action is not known; NotSupported = known, not supported
        ('[2, "id-3", "NoSuchAction", {}]', "NotImplemented"),
        ('[2, "id-3b", "Reset", {"type": "Soft"}]', "NotSupported"),
        ('[2, "id-4", "StatusNotification", {"connectorId": 1}]', "ProtocolError"),
        ('[2, "id-5", "StatusNotification", {"connectorId": "one", "errorCode": "NoError", "status": "Available"}]', "TypeConstraintViolation"),
        ('[2, "id-6", "Heartbeat", {"unexpected": true}]', "FormationViolation"),
        ('[2, "id-7", "StatusNotification", {"connectorId": 1, "errorCode": "NoError", "status": "Sleeping"}]',
         "PropertyConstraintViolation"),
    ],
)
async def test_malformed_frames_get_a_callerror_and_the_connection_lives(central, services, frame, code):
    await services.stations.create_station("CP-BAD", ctx=SYSTEM_CONTEXT)
    async with raw_station(central.url, "CP-BAD") as st:
        answer = await st.send_raw(frame)
        assert answer.startswith("[4,"), answer
        assert f'"{code}"' in answer
        hb = await st.call(call.Heartbeat())  # still alive
        assert hb.current_time


async def test_oversized_frame_gets_a_callerror(central, services):
    services.settings.max_frame_bytes = 4096
    await services.stations.create_station("CP-BIG", ctx=SYSTEM_CONTEXT)
    async with raw_station(central.url, "CP-BIG") as st:
        big = '[2,"big-1","DataTransfer",{"vendorId":"x","data":"' + "A" * 10000 + '"}]'
        answer = await st.send_raw(big)
        assert answer.startswith('[4,"big-1","FormationViolation"')
        assert (await st.call(call.Heartbeat())).current_time


async def test_a_bad_station_does_not_disturb_another(central, services):
    await services.stations.create_station("CP-GOOD", ctx=SYSTEM_CONTEXT)
    await services.stations.create_station("CP-EVIL", ctx=SYSTEM_CONTEXT)
    async with raw_station(central.url, "CP-GOOD") as good, raw_station(central.url, "CP-EVIL") as evil:
        for _ in range(20):
            await evil.send_raw("{{{{")
        assert (await good.call(call.Heartbeat())).current_time
