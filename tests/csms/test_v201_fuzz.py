"""Seeded random mutations of valid OCPP 2.0.1 frames on one connection (as test_fuzz.py does for 1.6).

Every CALL gets exactly one CALLRESULT or CALLERROR (with 2.0.1's codes), never InternalError;
the connection lives; nothing odd reaches the store (connector numbers, readings, times); no
traceback in the log.
"""

from __future__ import annotations

import asyncio
import copy
import json
import logging
import math
import random

from websockets.asyncio.client import connect

from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.store import models as m
from tests.csms.test_fuzz import HOSTILE_VALUES, delete_at, leaves, sent_unique_id, set_at

SEED = 20261130
FRAMES = 2000
EXPECTED_CODES = {
    "FormatViolation", "ProtocolError", "TypeConstraintViolation", "PropertyConstraintViolation", "NotImplemented",
    "NotSupported", "OccurenceConstraintViolation", "MessageTypeNotSupported",
}
MV = [{"timestamp": "2026-11-30T08:10:00Z", "sampledValue": [
    {"value": 2.5, "measurand": "Energy.Active.Import.Register", "unitOfMeasure": {"unit": "kWh"}},
    {"value": 7, "measurand": "Power.Active.Import", "unitOfMeasure": {"unit": "W", "multiplier": 3}}]}]
VALID = [
    ("BootNotification", {"reason": "PowerUp", "chargingStation": {"model": "F1", "vendorName": "Fuzz"}}),
    ("Heartbeat", {}),
    ("StatusNotification", {"timestamp": "2026-11-30T08:00:00Z", "connectorStatus": "Available", "evseId": 1,
                            "connectorId": 1}),
    ("Authorize", {"idToken": {"idToken": "FUZZTAG", "type": "ISO14443"}}),
    ("TransactionEvent", {"eventType": "Started", "timestamp": "2026-11-30T08:00:00Z", "triggerReason": "Authorized",
                          "seqNo": 0, "transactionInfo": {"transactionId": "T1", "chargingState": "Charging"},
                          "evse": {"id": 1, "connectorId": 1}, "idToken": {"idToken": "FUZZTAG", "type": "ISO14443"},
                          "meterValue": MV}),
    ("TransactionEvent", {"eventType": "Updated", "timestamp": "2026-11-30T08:10:00Z",
                          "triggerReason": "MeterValuePeriodic", "seqNo": 1, "transactionInfo": {"transactionId": "T1"},
                          "evse": {"id": 1}, "meterValue": MV}),
    ("TransactionEvent", {"eventType": "Ended", "timestamp": "2026-11-30T08:30:00Z", "triggerReason": "StopAuthorized",
                          "seqNo": 2, "offline": True,
                          "transactionInfo": {"transactionId": "T1", "stoppedReason": "Local"}, "meterValue": MV}),
    ("MeterValues", {"evseId": 1, "meterValue": MV}),
    ("NotifyEvent", {"generatedAt": "2026-11-30T08:00:00Z", "seqNo": 0, "eventData": [
        {"eventId": 1, "timestamp": "2026-11-30T08:00:00Z", "trigger": "Alerting", "actualValue": "true",
         "eventNotificationType": "HardWiredNotification", "component": {"name": "Connector", "evse": {"id": 1}},
         "variable": {"name": "Problem"}}]}),
    ("NotifyReport", {"requestId": 1, "generatedAt": "2026-11-30T08:00:00Z", "seqNo": 0, "reportData": [
        {"component": {"name": "OCPPCommCtrlr"}, "variable": {"name": "HeartbeatInterval"},
         "variableAttribute": [{"value": "300", "mutability": "ReadWrite"}]}]}),
    ("FirmwareStatusNotification", {"status": "Downloading", "requestId": 1}),
    ("LogStatusNotification", {"status": "Uploaded", "requestId": 2}),
    ("DataTransfer", {"vendorId": "com.fuzz", "messageId": "m", "data": "hello"}),
]
ACTIONS = [a for a, _ in VALID] + ["NoSuchAction", "RequestStartTransaction", "StartTransaction", ""]


def mutate(rng: random.Random, uid: str) -> str:
    action, payload = copy.deepcopy(rng.choice(VALID))
    if action == "TransactionEvent":
        payload["transactionInfo"]["transactionId"] = rng.choice(["T1", "T2", "T3", f"R{rng.randint(1, 50)}"])
        payload["seqNo"] = rng.randint(0, 6)
    choice = rng.random()
    if choice < 0.5:
        for _ in range(rng.randint(1, 3)):
            path = rng.choice(list(leaves(payload)))
            payload = set_at(payload, path, copy.deepcopy(rng.choice(HOSTILE_VALUES))) if path else payload
    elif choice < 0.6:
        paths = [p for p in leaves(payload) if p]
        if paths:
            payload = delete_at(payload, rng.choice(paths))
    elif choice < 0.65:
        payload[rng.choice(["extra", "evseid", "ID"])] = rng.choice(HOSTILE_VALUES)
    elif choice < 0.72:
        action = rng.choice(ACTIONS)
    elif choice < 0.76:
        return json.dumps([rng.choice([5, 9, -2, 2.5, "2", None, True]), uid, action, payload])
    elif choice < 0.82:
        text = json.dumps([2, uid, action, payload])
        cut = rng.randint(1, max(1, len(text) - 1))
        return text[:cut]
    return json.dumps([2, uid, action, payload])


async def test_fuzzed_201_frames_each_get_one_answer_and_nothing_odd_is_stored(central, services, caplog):
    caplog.set_level(logging.INFO)
    await services.stations.create_station("CP-FUZZ201", connectors=2, ctx=SYSTEM_CONTEXT)
    await services.store.run(lambda: m.Token.create(uid="FUZZTAG", uid_key="FUZZTAG"))
    rng = random.Random(SEED)
    codes: dict[str, int] = {}
    async with connect(central.url + "CP-FUZZ201", subprotocols=["ocpp2.0.1"], compression=None, max_size=None) as ws:

        async def answer_of():
            while True:
                msg = json.loads(await asyncio.wait_for(ws.recv(), 10))
                if msg[0] == 2:  # evdesk's own calls after boot
                    await ws.send(json.dumps([3, msg[1], {"setVariableResult": []} if msg[2] == "SetVariables"
                                                          else {"status": "Accepted"}]))
                    continue
                return msg

        await ws.send(json.dumps([2, "boot", *VALID[0]]))
        assert (await answer_of())[0] == 3
        for n in range(FRAMES):
            text = mutate(rng, f"fz-{n}")
            await ws.send(text)
            answer = await answer_of()
            assert answer[0] in (3, 4), (text[:300], answer)
            assert answer[1] in (sent_unique_id(text), "-1"), (text[:300], answer)
            if answer[0] == 4:
                assert answer[2] in EXPECTED_CODES, (text[:300], answer)
                codes[answer[2]] = codes.get(answer[2], 0) + 1
            else:
                codes["result"] = codes.get("result", 0) + 1
        await ws.send(json.dumps([2, "last", "Heartbeat", {}]))
        assert (await answer_of())[:2] == [3, "last"]
    assert codes.get("result", 0) > FRAMES // 10 and len(codes) >= 5, codes
    await services.batch.flush()
    await services.transactions.flush_progress()

    def odd_rows():
        problems = []
        for t in m.Transaction.select():
            if not 0 <= t.connector_id <= 100 * 100:
                problems.append(("transaction", t.ocpp_id, t.connector_id))
            for v in (t.meter_start_wh, t.meter_stop_wh, t.meter_last_wh, t.energy_wh):
                if v is not None and abs(v) > 1e12:
                    problems.append(("transaction meter", t.ocpp_id, v))
        for v in m.MeterValue.select():
            for x in (v.energy_wh, v.power_w, v.current_a, v.voltage_v, v.soc):
                if x is not None and (not math.isfinite(x) or abs(x) > 1e12):
                    problems.append(("meter value", x))
            if not 1900 <= v.timestamp.year <= 2999:
                problems.append(("meter time", v.timestamp))
        for s in m.StatusEvent.select():
            if not 0 <= s.connector_id <= 100 * 100 or not 1900 <= s.timestamp.year <= 2999:
                problems.append(("status", s.connector_id, s.timestamp))
        return problems

    assert await services.store.run(odd_rows) == []
    ours = [r for r in caplog.records if r.name.startswith("evdesk")]
    errors = [r.getMessage() for r in ours if r.levelno >= logging.ERROR]
    assert not errors, errors[:5]
    assert not [r for r in ours if r.exc_info], "no tracebacks for expected refusals"
