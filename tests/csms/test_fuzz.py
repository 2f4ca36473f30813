"""Thousands of seeded random mutations of valid frames on one connection.

Every CALL gets exactly one CALLRESULT or CALLERROR, never InternalError; the
connection is open at the end; nothing odd reached the store; the log holds a
bounded number of lines and no traceback.
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

SEED = 20261122
FRAMES = 5000
EXPECTED_CODES = {
    "FormationViolation", "ProtocolError", "TypeConstraintViolation", "PropertyConstraintViolation",
    "NotImplemented", "NotSupported", "OccurenceConstraintViolation",
}

VALID = [
    ("BootNotification", {"chargePointVendor": "Fuzz", "chargePointModel": "F1", "firmwareVersion": "1.0"}),
    ("Heartbeat", {}),
    ("StatusNotification", {"connectorId": 1, "errorCode": "NoError", "status": "Available",
                            "timestamp": "2026-11-22T08:00:00Z", "info": "ok", "vendorErrorCode": "E0"}),
    ("Authorize", {"idTag": "FUZZTAG"}),
    ("StartTransaction", {"connectorId": 1, "idTag": "FUZZTAG", "meterStart": 1000,
                          "timestamp": "2026-11-22T08:00:00Z"}),
    ("MeterValues", {"connectorId": 1, "transactionId": 1, "meterValue": [{"timestamp": "2026-11-22T08:10:00Z",
                     "sampledValue": [{"value": "2.5", "unit": "kWh", "measurand": "Energy.Active.Import.Register"},
                                      {"value": "7000", "unit": "W", "measurand": "Power.Active.Import"}]}]}),
    ("StopTransaction", {"transactionId": 1, "meterStop": 4000, "timestamp": "2026-11-22T08:30:00Z",
                         "idTag": "FUZZTAG", "reason": "Local", "transactionData": [
                             {"timestamp": "2026-11-22T08:30:00Z", "sampledValue": [{"value": "4000"}]}]}),
    ("DataTransfer", {"vendorId": "com.fuzz", "messageId": "m", "data": "hello"}),
    ("FirmwareStatusNotification", {"status": "Downloading"}),
    ("DiagnosticsStatusNotification", {"status": "Uploaded"}),
]

HOSTILE_VALUES = [
    2**63, 2**63 - 1, -(2**63), 2**31, -(2**31) - 1, -1, 0, 1.5, 1e300, 10**30, "", "x" * 60, "ab\udcffc",
    "\ud800", "nan", "inf", "-inf", "1e400", "1e19", "NaN", "0x10", None, True, False, [], {}, [1, [2, [3]]],
    "0000-01-01T00:00:00Z", "9999-12-31T23:59:59-05:00", "0001-01-01T00:00:00+01:00", "yesterday",
    "2026-13-45T99:99:99Z", "2026-11-22T08:00:00", "\u0000", "é漢字🚗", "Available", "Faulted", 42,
]
ACTIONS = [a for a, _ in VALID] + ["NoSuchAction", "Reset", "heartbeat", "", "SecurityEventNotification"]


def leaves(value, path=()):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from leaves(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from leaves(v, path + (i,))
    yield path


def set_at(root, path, new):
    if not path:
        return new
    target = root
    for p in path[:-1]:
        target = target[p]
    target[path[-1]] = new
    return root


def delete_at(root, path):
    if not path:
        return root
    target = root
    for p in path[:-1]:
        target = target[p]
    del target[path[-1]]
    return root


def mutate(rng: random.Random, uid: str) -> str:
    action, payload = copy.deepcopy(rng.choice(VALID))
    if action in ("MeterValues", "StopTransaction"):
        payload["transactionId"] = rng.choice([1, 2, 3, rng.randint(1, 2**31 - 1)])
    choice = rng.random()
    if choice < 0.45:
        for _ in range(rng.randint(1, 3)):
            path = rng.choice(list(leaves(payload)))
            payload = set_at(payload, path, copy.deepcopy(rng.choice(HOSTILE_VALUES))) if path else payload
    elif choice < 0.55:
        paths = [p for p in leaves(payload) if p]
        if paths:
            payload = delete_at(payload, rng.choice(paths))
    elif choice < 0.6:
        payload[rng.choice(["extra", "connectorid", "ID"])] = rng.choice(HOSTILE_VALUES)
    elif choice < 0.68:
        action = rng.choice(ACTIONS)
    elif choice < 0.72:
        return json.dumps([rng.choice([5, 9, -2, 2.5, "2", None, True]), uid, action, payload])
    elif choice < 0.76:
        return json.dumps(rng.choice([[2, uid, action], [2, uid], [2], [], [2, uid, action, payload, 1],
                                      [2, uid, 7, payload], [2, uid, action, [payload]], {"a": 1}, "text", 2]))
    elif choice < 0.8:
        depth = rng.choice([33, 100, 990, 5000])
        return json.dumps([2, uid, action, {"data": "x"}])[:-2] + "," + '"deep":' + "[" * depth + "]" * depth + "}]"
    elif choice < 0.86:
        text = json.dumps([2, uid, action, payload])
        cut = rng.randint(1, max(1, len(text) - 1))
        return text[:cut] if rng.random() < 0.5 else text[:cut] + rng.choice(["}", "]", '"', ",", "\\", "\x00"]) + text[cut:]
    elif choice < 0.9:
        return json.dumps([2, rng.choice([uid * 10, 17, None, ""]), action, payload])
    return json.dumps([2, uid, action, payload])  # valid (or mutated in place above)


def suppressed_log_lines(missing_ok: bool = False) -> int:
    try:
        from evdesk.core.log_limit import limiter
    except ImportError:  # only so that the protocol part runs against evdesk before the limiter existed
        if missing_ok:
            return 0
        raise
    return limiter.suppressed_total


def sent_unique_id(text: str):
    try:
        frame = json.loads(text)
        return frame[1] if isinstance(frame, list) and len(frame) > 1 else None
    except (ValueError, RecursionError):
        return text.split('"')[1] if text.startswith('[2, "') else None


async def test_fuzzed_frames_each_get_one_answer_and_nothing_odd_is_stored(central, services, caplog):
    caplog.set_level(logging.INFO)
    await services.stations.create_station("CP-FUZZ", connectors=2, ctx=SYSTEM_CONTEXT)
    await services.store.run(lambda: m.Token.create(uid="FUZZTAG", uid_key="FUZZTAG"))
    rng = random.Random(SEED)
    codes: dict[str, int] = {}
    suppressed_before = suppressed_log_lines(missing_ok=True)
    async with connect(central.url + "CP-FUZZ", subprotocols=["ocpp1.6"], compression=None, max_size=None) as ws:

        async def answer_of(uid: str):
            """The next frame that is not a CALL from evdesk (those are answered Accepted)."""
            while True:
                text = await asyncio.wait_for(ws.recv(), 10)
                msg = json.loads(text)
                if msg[0] == 2:
                    reply = {"configurationKey": []} if msg[2] == "GetConfiguration" else (
                        {"listVersion": 0} if msg[2] == "GetLocalListVersion" else {"status": "Accepted"})
                    await ws.send(json.dumps([3, msg[1], reply]))
                    continue
                return msg

        await ws.send(json.dumps([2, "boot", "BootNotification", {"chargePointVendor": "F", "chargePointModel": "F"}]))
        assert (await answer_of("boot"))[0] == 3
        for n in range(FRAMES):
            uid = f"fz-{n}"
            text = mutate(rng, uid)
            await ws.send(text)
            answer = await answer_of(uid)
            assert answer[0] in (3, 4), (text[:300], answer)
            sent_uid = sent_unique_id(text)
            assert answer[1] in (sent_uid, "-1"), (text[:300], answer)
            if answer[0] == 4:
                assert answer[2] in EXPECTED_CODES, (text[:300], answer)
                codes[answer[2]] = codes.get(answer[2], 0) + 1
            else:
                codes["result"] = codes.get("result", 0) + 1
        # exactly one answer each: nothing more is waiting, and the connection still serves
        await ws.send(json.dumps([2, "last", "Heartbeat", {}]))
        last = await answer_of("last")
        assert last[0] == 3 and last[1] == "last"
        try:
            extra = await asyncio.wait_for(ws.recv(), 0.3)
        except asyncio.TimeoutError:
            extra = None
        assert extra is None or json.loads(extra)[0] == 2, extra
    assert codes.get("result", 0) > FRAMES // 10 and len(codes) >= 5, codes

    await services.batch.flush()
    await services.transactions.flush_progress()

    def odd_rows():
        problems = []
        for t in m.Transaction.select():
            if not (-(2**31) <= t.ocpp_id < 2**31 and 0 <= t.connector_id <= 100):
                problems.append(("transaction", t.ocpp_id, t.connector_id))
            for v in (t.meter_start_wh, t.meter_stop_wh, t.meter_last_wh, t.energy_wh):
                if v is not None and abs(v) >= 2**31:
                    problems.append(("transaction meter", t.ocpp_id, v))
        for v in m.MeterValue.select():
            for x in (v.energy_wh, v.power_w, v.current_a, v.voltage_v, v.soc):
                if x is not None and (not math.isfinite(x) or abs(x) > 1e12):
                    problems.append(("meter value", x))
            if not 1900 <= v.timestamp.year <= 2999:
                problems.append(("meter time", v.timestamp))
        for s in m.StatusEvent.select():
            if not 0 <= s.connector_id <= 100 or not 1900 <= s.timestamp.year <= 2999:
                problems.append(("status", s.connector_id, s.timestamp))
            if any("\ud800" <= ch <= "\udfff" for ch in s.info + s.vendor_id + s.vendor_error_code):
                problems.append(("surrogate", s.info))
        return problems

    assert await services.store.run(odd_rows) == []
    counts = await services.store.run(lambda: (m.MessageLog.select().count(), m.StatusEvent.select().count()))
    assert counts[0] >= 2 * FRAMES and counts[1] > 0  # every frame logged; the good ones stored

    ours = [r for r in caplog.records if r.name.startswith("evdesk")]
    assert not [r for r in ours if r.levelno >= logging.ERROR], [r.getMessage() for r in ours if r.levelno >= logging.ERROR][:5]
    assert not [r for r in ours if r.exc_info], "no tracebacks for expected refusals"
    # rate-limited: a few lines per kind, then counted
    assert len(ours) < 60, len(ours)
    assert suppressed_log_lines() - suppressed_before > FRAMES // 3


async def test_an_orphan_stops_number_never_collides_with_a_later_start(central, services):
    await services.stations.create_station("CP-ORPHAN", connectors=1, ctx=SYSTEM_CONTEXT)
    async with connect(central.url + "CP-ORPHAN", subprotocols=["ocpp1.6"]) as ws:
        await ws.send(json.dumps([2, "s", "StopTransaction", {"transactionId": 1, "meterStop": 5,
                                                               "timestamp": "2026-11-22T08:00:00Z"}]))
        assert json.loads(await ws.recv())[0] == 3
        await ws.send(json.dumps([2, "t", "StartTransaction", {"connectorId": 1, "idTag": "X", "meterStart": 0,
                                                                "timestamp": "2026-11-22T09:00:00Z"}]))
        answer = json.loads(await ws.recv())
    assert answer[0] == 3, answer
