"""Hostile frames over a real websocket: the right CALLERROR, nothing odd stored, the connection lives."""

from __future__ import annotations

import json

import pytest
from ocpp.v16 import call

from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.store import models as m
from tests.csms.rawclient import raw_station


def frame(uid: str, action: str, payload: dict) -> str:
    return json.dumps([2, uid, action, payload])


def stop(transaction_id=1, meter_stop=100, timestamp="2026-11-22T08:30:00Z", **extra) -> dict:
    return {"transactionId": transaction_id, "meterStop": meter_stop, "timestamp": timestamp, **extra}


def meter(value: str, unit: str = "Wh", timestamp: str = "2026-11-22T08:10:00Z") -> dict:
    return {"connectorId": 1, "meterValue": [{"timestamp": timestamp, "sampledValue": [
        {"value": value, "unit": unit, "measurand": "Energy.Active.Import.Register"}]}]}


def status(**fields) -> dict:
    return {"connectorId": 1, "errorCode": "NoError", "status": "Available", **fields}


HOSTILE = [
    # broken structure
    ("deep-nesting", "[" * 990 + "]" * 990, "FormationViolation"),
    ("deep-in-payload", '[2,"n-1","DataTransfer",{"vendorId":"x","data":' + "[" * 100 + "]" * 100 + "}]",
     "FormationViolation"),
    ("nan-token", '[2,"nan-1","StatusNotification",{"connectorId":NaN,"errorCode":"NoError","status":"Available"}]',
     "FormationViolation"),
    ("huge-number-text", '[2,"big-1","Heartbeat",{"x":' + "9" * 5000 + "}]", "FormationViolation"),
    # integers outside int32
    ("tx-id-2^63-1", frame("i-1", "StopTransaction", stop(transaction_id=9223372036854775807)),
     "PropertyConstraintViolation"),
    ("tx-id-2^31", frame("i-2", "StopTransaction", stop(transaction_id=2**31)), "PropertyConstraintViolation"),
    ("connector-2^63", frame("i-3", "StatusNotification", status(connectorId=2**63)), "PropertyConstraintViolation"),
    ("connector-negative", frame("i-4", "StatusNotification", status(connectorId=-1)), "PropertyConstraintViolation"),
    ("meter-start-huge", frame("i-5", "StartTransaction", {"connectorId": 1, "idTag": "T", "meterStart": 10**20,
                                                          "timestamp": "2026-11-22T08:00:00Z"}),
     "PropertyConstraintViolation"),
    ("start-on-connector-0", frame("i-6", "StartTransaction", {"connectorId": 0, "idTag": "T", "meterStart": 0,
                                                              "timestamp": "2026-11-22T08:00:00Z"}),
     "PropertyConstraintViolation"),
    ("integer-as-1e300", '[2,"i-7","StatusNotification",{"connectorId":1e300,"errorCode":"NoError","status":"Available"}]',
     "PropertyConstraintViolation"),
    ("integer-as-1e400", '[2,"i-8","StatusNotification",{"connectorId":1e400,"errorCode":"NoError","status":"Available"}]',
     "TypeConstraintViolation"),
    # meter values
    ("meter-nan", frame("mv-1", "MeterValues", meter("nan")), "TypeConstraintViolation"),
    ("meter-inf", frame("mv-2", "MeterValues", meter("inf")), "TypeConstraintViolation"),
    ("meter-text", frame("mv-3", "MeterValues", meter("twelve")), "TypeConstraintViolation"),
    ("meter-1e400", frame("mv-4", "MeterValues", meter("1e400")), "PropertyConstraintViolation"),
    ("meter-1e19-Wh", frame("mv-5", "MeterValues", meter("1e19")), "PropertyConstraintViolation"),
    ("meter-1e10-kWh", frame("mv-6", "MeterValues", meter("1e10", "kWh")), "PropertyConstraintViolation"),
    ("stop-data-nan", frame("mv-7", "StopTransaction", stop(transactionData=[
        {"timestamp": "2026-11-22T08:30:00Z", "sampledValue": [{"value": "NaN"}]}])), "TypeConstraintViolation"),
    # date-times
    ("time-year-0", frame("t-1", "StopTransaction", stop(timestamp="0000-01-01T00:00:00Z")), "TypeConstraintViolation"),
    ("time-garbage", frame("t-2", "StatusNotification", status(timestamp="yesterday")), "TypeConstraintViolation"),
    ("time-9999-offset", frame("t-3", "StopTransaction", stop(timestamp="9999-12-31T23:59:59-05:00")),
     "PropertyConstraintViolation"),
    ("time-0001-offset", frame("t-4", "StartTransaction", {"connectorId": 1, "idTag": "T", "meterStart": 0,
                                                          "timestamp": "0001-01-01T00:00:00+05:00"}),
     "PropertyConstraintViolation"),
    ("time-year-9000", frame("t-5", "MeterValues", meter("1", timestamp="9000-01-01T00:00:00Z")),
     "PropertyConstraintViolation"),
]


@pytest.mark.parametrize("name, text, code", HOSTILE, ids=[h[0] for h in HOSTILE])
async def test_hostile_frame_gets_its_callerror_and_the_connection_lives(central, services, name, text, code):
    await services.stations.create_station("CP-HOSTILE", connectors=1, ctx=SYSTEM_CONTEXT)
    async with raw_station(central.url, "CP-HOSTILE") as st:
        answer = json.loads(await st.send_raw(text))
        assert answer[0] == 4 and answer[2] == code, answer
        assert (await st.call(call.Heartbeat())).current_time  # still alive
    await services.batch.flush()
    odd = await services.store.run(lambda: (
        m.Transaction.select().count(), m.MeterValue.select().count(), m.StatusEvent.select().count()))
    assert odd == (0, 0, 0)


async def test_values_that_are_fine_pass(central, services):
    """Whole-number floats, times without offset (INTEROP §6), 1970, signed data: tolerated."""
    await services.stations.create_station("CP-FINE", connectors=1, ctx=SYSTEM_CONTEXT)
    async with raw_station(central.url, "CP-FINE") as st:
        for text in (
            '[2,"f-1","StatusNotification",{"connectorId":1.0,"errorCode":"NoError","status":"Available"}]',
            frame("f-2", "StatusNotification", status(timestamp="2026-11-22T08:00:00")),
            frame("f-3", "StatusNotification", status(timestamp="1970-01-01T00:00:00Z")),
            frame("f-4", "MeterValues", {"connectorId": 1, "meterValue": [{"timestamp": "2026-11-22T08:00:00Z",
                  "sampledValue": [{"value": "AB12==", "format": "SignedData"}, {"value": "-0.5", "unit": "kW",
                                   "measurand": "Power.Active.Import"}, {"value": "999999999", "unit": "kWh"}]}]}),
        ):
            answer = json.loads(await st.send_raw(text))
            assert answer[0] == 3, answer
    assert services.stations.get("CP-FINE").connectors[1].status == "Available"


@pytest.mark.parametrize("field", ["info", "vendorId", "vendorErrorCode"])
async def test_lone_surrogates_are_replaced_before_storing(central, services, field):
    await services.stations.create_station("CP-SURR", connectors=1, ctx=SYSTEM_CONTEXT)
    async with raw_station(central.url, "CP-SURR") as st:
        text = '[2,"s-1","StatusNotification",' + json.dumps(status(**{field: "ab\udcffc"})) + "]"
        assert "\\udcff" in text
        answer = json.loads(await st.send_raw(text))
        assert answer[0] == 3, answer
        dt = '[2,"s-2","DataTransfer",{"vendorId":"v\\ud800","data":"x\\udcffy"}]'
        assert json.loads(await st.send_raw(dt))[0] == 3
    await services.batch.flush()
    column = {"info": m.StatusEvent.info, "vendorId": m.StatusEvent.vendor_id,
              "vendorErrorCode": m.StatusEvent.vendor_error_code}[field]
    stored = await services.store.run(lambda: m.StatusEvent.select(column).scalar())
    assert stored == "ab\ufffdc"
    detail = await services.store.run(lambda: m.StationEvent.select(m.StationEvent.detail).where(
        m.StationEvent.kind == "data_transfer").scalar())
    assert "x\ufffdy" in detail and "v\ufffd" in detail


async def test_an_answer_out_of_range_fails_the_command_not_the_store(central, services):
    """A station answering GetLocalListVersion with 2^63 gets an error outcome, nothing is stored from it."""
    from evdesk.core.permissions import ADMIN, OperatorContext
    from tests.csms.rawclient import RawStation

    class HugeAnswers(RawStation):
        async def route_message(self, raw_msg):
            msg = json.loads(raw_msg)
            if msg[0] == 2 and msg[2] == "GetLocalListVersion":
                await self._send('[3,"%s",{"listVersion":9223372036854775807}]' % msg[1])
                return
            await super().route_message(raw_msg)

    from websockets.asyncio.client import connect
    import asyncio

    info = await services.stations.create_station("CP-HUGE", ctx=SYSTEM_CONTEXT)
    async with connect(central.url + "CP-HUGE", subprotocols=["ocpp1.6"]) as ws:
        st = HugeAnswers("CP-HUGE", ws)
        task = asyncio.create_task(st.start())
        try:
            result = await central.commands.get_local_list_version(
                info.id, ctx=OperatorContext(None, "Ada", ADMIN), reason="check")
        finally:
            task.cancel()
    assert result.outcome == "error" and "32-bit" in result.message
