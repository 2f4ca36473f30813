"""The built-in OCPP 1.6J charge-point simulator against a throwaway central system.

The central system here is written directly on the ocpp library (not evdesk's
server) so that these tests pin down the simulator's own behaviour.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import socket
import time
from datetime import datetime, timedelta, timezone

import pytest
from ocpp.routing import on
from ocpp.v16 import ChargePoint, call, call_result
from ocpp.v16.enums import Action
from websockets.asyncio.server import serve
from websockets.exceptions import ConnectionClosed

from evdesk.simulator import Car, Fleet, ScaledClock, SimulatedStation, WallClock, parse_iso
from evdesk.simulator.cli import main as cli_main
from tests.waiting import wait_for

# --------------------------------------------------------------------------
# a throwaway central system


class _CsmsSide(ChargePoint):
    def __init__(self, identity, ws, csms):
        super().__init__(identity, ws, response_timeout=10)
        self.csms = csms

    def _rec(self, action, kw):
        self.csms.log.setdefault(self.id, []).append((action, kw))

    @on(Action.boot_notification)
    def on_boot(self, **kw):
        self._rec("BootNotification", kw)
        plan = self.csms.boot_plan.get(self.id)
        status = plan.pop(0) if plan else "Accepted"
        interval = self.csms.interval if status == "Accepted" else self.csms.pending_interval
        return call_result.BootNotification(
            current_time=_now(), interval=interval, status=status
        )

    @on(Action.heartbeat)
    def on_heartbeat(self, **kw):
        self._rec("Heartbeat", kw)
        return call_result.Heartbeat(current_time=_now())

    @on(Action.status_notification)
    def on_status(self, **kw):
        self._rec("StatusNotification", kw)
        return call_result.StatusNotification()

    @on(Action.authorize)
    def on_authorize(self, id_tag, **kw):
        self._rec("Authorize", dict(kw, id_tag=id_tag))
        return call_result.Authorize(
            id_tag_info={"status": self.csms.tag_status.get(id_tag, "Accepted")}
        )

    @on(Action.start_transaction)
    def on_start(self, id_tag, **kw):
        tx = next(self.csms.tx_ids)
        self._rec("StartTransaction", dict(kw, id_tag=id_tag, assigned=tx))
        status = self.csms.start_status.get(id_tag, "Accepted")
        return call_result.StartTransaction(transaction_id=tx, id_tag_info={"status": status})

    @on(Action.stop_transaction)
    def on_stop(self, **kw):
        self._rec("StopTransaction", kw)
        return call_result.StopTransaction(id_tag_info={"status": "Accepted"})

    @on(Action.meter_values)
    def on_meter_values(self, **kw):
        self._rec("MeterValues", kw)
        return call_result.MeterValues()

    @on(Action.firmware_status_notification)
    def on_fw(self, **kw):
        self._rec("FirmwareStatusNotification", kw)
        return call_result.FirmwareStatusNotification()

    @on(Action.diagnostics_status_notification)
    def on_diag(self, **kw):
        self._rec("DiagnosticsStatusNotification", kw)
        return call_result.DiagnosticsStatusNotification()


def _now() -> str:
    return datetime.now(timezone.utc).isoformat().replace("+00:00", "Z")


class FakeCsms:
    def __init__(self):
        self.log: dict[str, list[tuple[str, dict]]] = {}
        self.cps: dict[str, _CsmsSide] = {}
        self.handshakes: list[dict] = []
        self.boot_plan: dict[str, list[str]] = {}
        self.tag_status: dict[str, str] = {}
        self.start_status: dict[str, str] = {}
        self.interval = 600
        self.pending_interval = 30
        self.tx_ids = itertools.count(1000)
        self.server = None
        self.port = None

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ocpp/"

    async def start(self, port: int = 0):
        def select(connection, subprotocols):
            return "ocpp1.6" if "ocpp1.6" in subprotocols else None

        self.server = await serve(
            self._handler, "127.0.0.1", port, subprotocols=["ocpp1.6"],
            select_subprotocol=select, compression=None,
        )
        self.port = self.server.sockets[0].getsockname()[1]

    async def stop(self):
        self.server.close()
        await self.server.wait_closed()

    async def _handler(self, ws):
        identity = ws.request.path.rstrip("/").split("/")[-1]
        self.handshakes.append({
            "identity": identity,
            "subprotocol": ws.subprotocol,
            "offered": ws.request.headers.get("Sec-WebSocket-Protocol"),
            "authorization": ws.request.headers.get("Authorization"),
        })
        cp = _CsmsSide(identity, ws, self)
        self.cps[identity] = cp
        try:
            await cp.start()
        except ConnectionClosed:
            pass

    async def call(self, identity, payload):
        return await self.cps[identity].call(payload, suppress=False)

    def actions(self, identity) -> list[str]:
        return [a for a, _ in self.log.get(identity, [])]

    def messages(self, identity, action) -> list[dict]:
        return [kw for a, kw in self.log.get(identity, []) if a == action]

    async def wait_for(self, identity, action, count=1, timeout=5.0, where=None) -> list[dict]:
        deadline = time.monotonic() + timeout
        while True:
            found = [kw for kw in self.messages(identity, action) if where is None or where(kw)]
            if len(found) >= count:
                return found
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"{identity}: wanted {count} x {action}, got {len(found)}; log: {self.actions(identity)}"
                )
            await asyncio.sleep(0.01)


async def until(predicate, timeout=5.0):
    return await wait_for(predicate, timeout)


def statuses(csms, identity, connector):
    return [kw["status"] for kw in csms.messages(identity, "StatusNotification")
            if kw["connector_id"] == connector]


def energy_values(meter_values_kw):
    out = []
    for kw in meter_values_kw:
        for mv in kw["meter_value"]:
            for sv in mv["sampled_value"]:
                if sv.get("measurand") == "Energy.Active.Import.Register":
                    out.append((float(sv["value"]), sv["unit"], sv.get("context")))
    return out


@pytest.fixture
async def csms():
    c = FakeCsms()
    await c.start()
    yield c
    await c.stop()


@pytest.fixture
async def make_station(csms):
    made: list[SimulatedStation] = []

    async def factory(identity="CP1", *, speed=60.0, start=True, wait=True, **kw):
        kw.setdefault("clock", ScaledClock(speed))
        st = SimulatedStation(identity, csms.url, **kw)
        made.append(st)
        if start:
            await st.start()
            if wait:
                await st.wait_accepted(5)
                await csms.wait_for(identity, "StatusNotification", count=len(st.connectors))
        return st

    yield factory
    await asyncio.gather(*(st.stop() for st in made))


def tx_profile(limit, unit="A", purpose="TxProfile", stack=0, pid=1, **extra):
    return dict({
        "chargingProfileId": pid,
        "stackLevel": stack,
        "chargingProfilePurpose": purpose,
        "chargingProfileKind": "Relative" if purpose == "TxProfile" else "Absolute",
        "chargingSchedule": {
            "chargingRateUnit": unit,
            "chargingSchedulePeriod": [{"startPeriod": 0, "limit": limit}],
        },
    }, **extra)


# --------------------------------------------------------------------------
# clock


async def test_scaled_clock_runs_faster():
    clock = ScaledClock(100.0)
    t0 = clock.now()
    real0 = time.monotonic()
    await clock.sleep(10)  # 0.1 s real
    assert 0.08 <= time.monotonic() - real0 < 0.5
    assert 9.0 <= (clock.now() - t0).total_seconds() < 40
    assert clock.now().tzinfo is not None
    assert WallClock().now().tzinfo is not None


# --------------------------------------------------------------------------
# boot and connection


async def test_boot_sends_identity_and_status_of_every_connector(csms, make_station):
    st = await make_station("CP-BOOT", connectors=2, firmware="1.2.3", password="pw-123456")
    assert st.boot_status == "Accepted" and st.connected and st.accepted.is_set()
    boot = csms.messages("CP-BOOT", "BootNotification")[0]
    assert boot["charge_point_vendor"] == "evdesk"
    assert boot["charge_point_model"] == "SimCharger"
    assert boot["firmware_version"] == "1.2.3"
    await csms.wait_for("CP-BOOT", "StatusNotification", count=3)
    sent = csms.messages("CP-BOOT", "StatusNotification")
    assert sorted(kw["connector_id"] for kw in sent) == [0, 1, 2]
    assert all(kw["status"] == "Available" and kw["timestamp"].endswith("Z") for kw in sent)
    hs = csms.handshakes[-1]
    assert hs["subprotocol"] == "ocpp1.6"
    expected = "Basic " + base64.b64encode(b"CP-BOOT:pw-123456").decode()
    assert hs["authorization"] == expected
    await until(lambda: st.messages_sent >= 4)  # counted when the answer is back
    assert st.errors == 0 and len(st.latencies) == st.messages_sent


async def test_boot_pending_then_accepted(csms, make_station):
    csms.boot_plan["CP-PEND"] = ["Pending", "Rejected", "Accepted"]
    csms.pending_interval = 30  # half a real second at 60x
    st = await make_station("CP-PEND", wait=False)
    await st.wait_accepted(5)
    await csms.wait_for("CP-PEND", "StatusNotification", count=3)
    actions = csms.actions("CP-PEND")
    assert actions[:3] == ["BootNotification"] * 3
    assert "StatusNotification" in actions[3:]
    assert st.boots == 3


async def test_heartbeat_follows_interval_and_configuration(csms, make_station):
    csms.interval = 60  # one real second at 60x
    st = await make_station("CP-HB", speed=60)
    await csms.wait_for("CP-HB", "Heartbeat", count=1, timeout=3)
    result = await csms.call("CP-HB", call.ChangeConfiguration(key="HeartbeatInterval", value="6"))
    assert result.status == "Accepted"
    before = len(csms.messages("CP-HB", "Heartbeat"))
    t0 = st.clock.now()
    await csms.wait_for("CP-HB", "Heartbeat", count=before + 3)  # every 6 simulated seconds now
    assert (st.clock.now() - t0).total_seconds() < 40  # not at the old 60 s interval (3 take 120 s or more)
    assert st.config.get("HeartbeatInterval") == "6"


async def test_redials_until_the_csms_is_up():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    st = SimulatedStation("CP-LATE", f"ws://127.0.0.1:{port}/", clock=ScaledClock(60))
    await st.start()
    try:
        await until(lambda: st.connect_failures >= 2, 3)
        late = FakeCsms()
        await late.start(port)
        try:
            await st.wait_accepted(5)
            assert late.actions("CP-LATE")[0] == "BootNotification"
        finally:
            await st.stop()
            await late.stop()
    finally:
        await st.stop()


async def test_no_subprotocol_quirk(csms, make_station):
    st = await make_station("CP-NOPROTO", subprotocol=None)
    hs = csms.handshakes[-1]
    assert hs["offered"] is None and hs["subprotocol"] is None
    assert st.accepted.is_set()


# --------------------------------------------------------------------------
# sessions


async def test_full_session_with_meter_values(csms, make_station):
    st = await make_station("CP-SESS", speed=600)
    c = st.connectors[1]
    register0 = int(c.energy_wh)
    await st.plug_in(1, Car(soc=20, capacity_wh=60000, max_power_w=11000))
    assert await st.present_token(1, "TAG-1")
    assert c.charging and c.status == "Charging"
    await csms.wait_for("CP-SESS", "MeterValues", count=6, timeout=5)
    assert await st.stop_charging(1)
    start = csms.messages("CP-SESS", "StartTransaction")[0]
    assert start["meter_start"] == register0 and start["id_tag"] == "TAG-1"
    assert csms.messages("CP-SESS", "Authorize")[0]["id_tag"] == "TAG-1"
    mvs = csms.messages("CP-SESS", "MeterValues")
    assert all(kw["transaction_id"] == start["assigned"] for kw in mvs)
    energy = energy_values(mvs)
    assert all(unit == "Wh" and ctx == "Sample.Periodic" for _, unit, ctx in energy)
    values = [v for v, _, _ in energy]
    assert values == sorted(values) and values[-1] > values[0]
    sampled = {sv["measurand"] for kw in mvs for sv in kw["meter_value"][0]["sampled_value"]}
    assert {"Energy.Active.Import.Register", "Power.Active.Import", "Current.Import", "SoC"} <= sampled
    phases = {sv.get("phase") for kw in mvs[-1:] for sv in kw["meter_value"][0]["sampled_value"]
              if sv["measurand"] == "Current.Import"}
    assert phases == {"L1", "L2", "L3"}
    power = [float(sv["value"]) for sv in mvs[-1]["meter_value"][0]["sampled_value"]
             if sv["measurand"] == "Power.Active.Import"][0]
    assert 10000 < power <= 11100  # held near the car's 11 kW
    stop = (await csms.wait_for("CP-SESS", "StopTransaction"))[0]
    assert stop["transaction_id"] == start["assigned"]
    assert stop["meter_stop"] >= start["meter_start"] and stop["meter_stop"] >= values[-1]
    assert stop["reason"] == "Local" and len(stop["transaction_data"]) == 2
    assert parse_iso(stop["timestamp"]) > parse_iso(start["timestamp"])
    await st.unplug(1)
    await csms.wait_for("CP-SESS", "StatusNotification", where=lambda kw: kw["connector_id"] == 1
                        and kw["status"] == "Available", count=2)
    assert statuses(csms, "CP-SESS", 1) == ["Available", "Preparing", "Charging", "Finishing", "Available"]


async def test_charging_curve_tapers_and_car_gets_full(csms, make_station):
    st = await make_station("CP-CURVE", speed=3600, config={"MeterValueSampleInterval": "60"})
    await st.plug_in(1, Car(soc=70, capacity_wh=20000, max_power_w=11000))
    assert await st.present_token(1, "TAG-1")
    await csms.wait_for("CP-CURVE", "StatusNotification", timeout=8,
                        where=lambda kw: kw["status"] == "SuspendedEV")
    assert st.connectors[1].car.full and st.connectors[1].power_w == 0
    powers = [float(sv["value"]) for kw in csms.messages("CP-CURVE", "MeterValues")
              for sv in kw["meter_value"][0]["sampled_value"] if sv["measurand"] == "Power.Active.Import"]
    peak = max(powers)
    assert peak > 10000
    assert min(p for p in powers[powers.index(peak):] if p > 0) < 0.5 * peak  # tapering
    await st.unplug(1)
    stop = (await csms.wait_for("CP-CURVE", "StopTransaction"))[0]
    assert stop["reason"] == "EVDisconnected"


async def test_rejected_token_starts_nothing(csms, make_station):
    csms.tag_status["BAD"] = "Invalid"
    st = await make_station("CP-BAD")
    await st.plug_in(1)
    assert not await st.present_token(1, "BAD")
    assert not st.connectors[1].charging
    assert csms.messages("CP-BAD", "StartTransaction") == []


async def test_blocked_in_start_transaction_stops_deauthorized(csms, make_station):
    csms.start_status["BLK"] = "Blocked"
    st = await make_station("CP-BLK")
    await st.plug_in(1)
    assert not await st.present_token(1, "BLK")
    stop = (await csms.wait_for("CP-BLK", "StopTransaction"))[0]
    assert stop["reason"] == "DeAuthorized"
    assert not st.connectors[1].charging


async def test_id_tag_suffix_quirk(csms, make_station):
    st = await make_station("CP-SFX", id_tag_suffix="_serial")
    await st.plug_in(2)
    assert await st.present_token(2, "04A1B2")
    assert csms.messages("CP-SFX", "Authorize")[0]["id_tag"] == "04A1B2_serial"
    assert csms.messages("CP-SFX", "StartTransaction")[0]["id_tag"] == "04A1B2_serial"


async def test_kwh_quirk(csms, make_station):
    st = await make_station("CP-KWH", meter_unit="kWh", speed=600, initial_register_wh=1_234_567)
    await st.plug_in(1)
    await st.present_token(1, "T")
    mv = (await csms.wait_for("CP-KWH", "MeterValues"))[0]
    value, unit, _ = energy_values([mv])[0]
    assert unit == "kWh" and 1234.5 < value < 1300
    start = csms.messages("CP-KWH", "StartTransaction")[0]
    assert start["meter_start"] == 1_234_567  # meterStart stays integer Wh


async def test_session_register_and_local_time_quirks(csms, make_station):
    st = await make_station("CP-REL", speed=600, session_register=True, local_time_offset=2)
    await st.plug_in(1)
    await st.present_token(1, "T")
    mv = (await csms.wait_for("CP-REL", "MeterValues", count=3))[-1]
    value, unit, _ = energy_values([mv])[0]
    assert unit == "Wh" and 0 < value < 100_000  # counts from 0 in every session
    await st.stop_charging(1)
    start = csms.messages("CP-REL", "StartTransaction")[0]
    stop = (await csms.wait_for("CP-REL", "StopTransaction"))[0]
    assert start["meter_start"] == 0 and stop["meter_stop"] >= value
    assert not start["timestamp"].endswith("Z") and "+" not in start["timestamp"]
    local = datetime.fromisoformat(start["timestamp"]).replace(tzinfo=timezone.utc)
    assert abs((local - st.clock.now()).total_seconds() - 7200) < 600


async def test_late_answers_and_no_boot_after_reconnect_quirks(csms, make_station):
    st = await make_station("CP-LATE-ANS", speed=60, answer_delay=30, boot_on_reconnect=False)
    t0 = time.monotonic()
    assert (await csms.call("CP-LATE-ANS", call.ClearCache())).status == "Accepted"
    assert time.monotonic() - t0 >= 0.4  # 30 simulated seconds
    await st.go_offline()
    await st.go_online(timeout=5)
    await csms.wait_for("CP-LATE-ANS", "StatusNotification", count=6)
    assert len(csms.messages("CP-LATE-ANS", "BootNotification")) == 1
    assert st.connections == 2


# --------------------------------------------------------------------------
# CSMS-initiated calls


async def test_remote_start_waits_for_the_cable(csms, make_station):
    st = await make_station("CP-RS", config={"ConnectionTimeOut": "120"})
    r = await csms.call("CP-RS", call.RemoteStartTransaction(id_tag="REMOTE", connector_id=1))
    assert r.status == "Accepted"
    await until(lambda: st.connectors[1].status == "Preparing")
    await st.clock.sleep(10)  # 10 simulated seconds without a cable: no session
    assert csms.messages("CP-RS", "StartTransaction") == []
    await st.plug_in(1)
    start = (await csms.wait_for("CP-RS", "StartTransaction"))[0]
    assert start["id_tag"] == "REMOTE" and start["connector_id"] == 1
    assert csms.messages("CP-RS", "Authorize") == []  # AuthorizeRemoteTxRequests=false
    await until(lambda: st.connectors[1].status == "Charging")
    # busy connector and unknown connector are refused
    r = await csms.call("CP-RS", call.RemoteStartTransaction(id_tag="X", connector_id=1))
    assert r.status == "Rejected"
    r = await csms.call("CP-RS", call.RemoteStartTransaction(id_tag="X", connector_id=7))
    assert r.status == "Rejected"


async def test_remote_start_times_out_and_auto_plug(csms, make_station):
    await make_station("CP-RT", config={"ConnectionTimeOut": "30"})
    r = await csms.call("CP-RT", call.RemoteStartTransaction(id_tag="REMOTE"))
    assert r.status == "Accepted"
    await csms.wait_for("CP-RT", "StatusNotification", where=lambda kw: kw["status"] == "Preparing")
    await csms.wait_for("CP-RT", "StatusNotification", timeout=3,
                        where=lambda kw: kw["status"] == "Available" and kw["connector_id"] == 1, count=2)
    assert csms.messages("CP-RT", "StartTransaction") == []
    auto = await make_station("CP-AUTO", auto_plug=True)
    r = await csms.call("CP-AUTO", call.RemoteStartTransaction(
        id_tag="REMOTE", connector_id=2, charging_profile=tx_profile(10.0)))
    assert r.status == "Accepted"
    start = (await csms.wait_for("CP-AUTO", "StartTransaction", timeout=3))[0]
    assert start["connector_id"] == 2
    await until(lambda: auto.connectors[2].charging)
    assert auto.profiles.profiles[0].transaction_id == start["assigned"]


async def test_remote_stop(csms, make_station):
    st = await make_station("CP-RSTOP")
    await st.plug_in(1)
    await st.present_token(1, "T")
    tx = st.connectors[1].transaction_id
    r = await csms.call("CP-RSTOP", call.RemoteStopTransaction(transaction_id=tx + 999))
    assert r.status == "Rejected"
    r = await csms.call("CP-RSTOP", call.RemoteStopTransaction(transaction_id=tx))
    assert r.status == "Accepted"
    stop = (await csms.wait_for("CP-RSTOP", "StopTransaction"))[0]
    assert stop["reason"] == "Remote" and stop["transaction_id"] == tx
    await until(lambda: st.connectors[1].status == "Finishing")


@pytest.mark.parametrize("kind", ["Soft", "Hard"])
async def test_reset_stops_sessions_reconnects_and_boots(csms, make_station, kind):
    ident = f"CP-RESET-{kind}"
    st = await make_station(ident, reboot_delay=30)  # half a real second
    await st.plug_in(2)
    await st.present_token(2, "T")
    r = await csms.call(ident, call.Reset(type=kind))
    assert r.status == "Accepted"
    stop = (await csms.wait_for(ident, "StopTransaction"))[0]
    assert stop["reason"] == f"{kind}Reset"
    await csms.wait_for(ident, "BootNotification", count=2, timeout=5)
    await st.wait_accepted(3)
    assert st.connections == 2 and len(csms.handshakes) >= 2
    actions = csms.actions(ident)
    assert actions.index("StopTransaction") < len(actions) - 1 - actions[::-1].index("BootNotification")


async def test_unlock_connector(csms, make_station):
    st = await make_station("CP-UNL")
    r = await csms.call("CP-UNL", call.UnlockConnector(connector_id=0))
    assert r.status == "NotSupported"
    await st.plug_in(1)
    await st.present_token(1, "T")
    r = await csms.call("CP-UNL", call.UnlockConnector(connector_id=1))
    assert r.status == "Unlocked"
    stop = (await csms.wait_for("CP-UNL", "StopTransaction"))[0]
    assert stop["reason"] == "UnlockCommand"


async def test_change_availability(csms, make_station):
    st = await make_station("CP-AV")
    r = await csms.call("CP-AV", call.ChangeAvailability(connector_id=1, type="Inoperative"))
    assert r.status == "Accepted"
    await csms.wait_for("CP-AV", "StatusNotification",
                        where=lambda kw: kw["connector_id"] == 1 and kw["status"] == "Unavailable")
    r = await csms.call("CP-AV", call.ChangeAvailability(connector_id=1, type="Operative"))
    assert r.status == "Accepted"
    await until(lambda: st.connectors[1].status == "Available")
    # during a transaction: Scheduled, applied when it ends
    await st.plug_in(2)
    await st.present_token(2, "T")
    r = await csms.call("CP-AV", call.ChangeAvailability(connector_id=2, type="Inoperative"))
    assert r.status == "Scheduled"
    assert st.connectors[2].status == "Charging"
    await st.stop_charging(2)
    await csms.wait_for("CP-AV", "StatusNotification",
                        where=lambda kw: kw["connector_id"] == 2 and kw["status"] == "Unavailable")
    r = await csms.call("CP-AV", call.ChangeAvailability(connector_id=9, type="Inoperative"))
    assert r.status == "Rejected"
    # connector 0: the whole station
    r = await csms.call("CP-AV", call.ChangeAvailability(connector_id=0, type="Inoperative"))
    assert r.status == "Accepted"
    await csms.wait_for("CP-AV", "StatusNotification",
                        where=lambda kw: kw["connector_id"] == 0 and kw["status"] == "Unavailable")
    await until(lambda: st.connectors[1].status == "Unavailable")
    r = await csms.call("CP-AV", call.ChangeAvailability(connector_id=0, type="Operative"))
    assert r.status == "Accepted"
    await until(lambda: st.connectors[1].status == "Available" and st.connectors[0].status == "Available")


async def test_get_and_change_configuration(csms, make_station):
    st = await make_station("CP-CFG")
    r = await csms.call("CP-CFG", call.GetConfiguration())
    keys = {k["key"]: k for k in r.configuration_key}
    assert keys["NumberOfConnectors"] == {"key": "NumberOfConnectors", "readonly": True, "value": "2"}
    assert keys["HeartbeatInterval"]["readonly"] is False
    assert keys["ChargingScheduleAllowedChargingRateUnit"]["value"] == "Current,Power"
    assert "SmartCharging" in keys["SupportedFeatureProfiles"]["value"]
    assert "AuthorizationKey" not in keys and "EvdeskMaxPowerW" in keys
    r = await csms.call("CP-CFG", call.GetConfiguration(key=["MeterValueSampleInterval", "NoSuchKey",
                                                             "AuthorizationKey"]))
    assert [k["key"] for k in r.configuration_key] == ["MeterValueSampleInterval"]
    assert r.unknown_key == ["NoSuchKey", "AuthorizationKey"]
    cases = [
        ("MeterValueSampleInterval", "30", "Accepted"),
        ("MeterValueSampleInterval", "thirty", "Rejected"),
        ("NumberOfConnectors", "4", "Rejected"),
        ("NoSuchKey", "1", "NotSupported"),
        ("WebSocketPingInterval", "30", "RebootRequired"),
        ("LocalPreAuthorize", "maybe", "Rejected"),
        ("MeterValuesSampledData", "Energy.Active.Import.Register,Voltage", "Accepted"),
        ("MeterValuesSampledData", "Bogus.Measurand", "Rejected"),
        ("AuthorizationKey", "0123456789abcdef0123", "Accepted"),
    ]
    for key, value, expected in cases:
        r = await csms.call("CP-CFG", call.ChangeConfiguration(key=key, value=value))
        assert r.status == expected, (key, value)
    assert st.config.get("MeterValueSampleInterval") == "30"
    assert st.password == "0123456789abcdef0123"


async def test_clear_cache_and_data_transfer(csms, make_station):
    st = await make_station("CP-DT")
    st.auth_cache["X"] = {"status": "Accepted"}
    assert (await csms.call("CP-DT", call.ClearCache())).status == "Accepted"
    assert st.auth_cache == {}
    r = await csms.call("CP-DT", call.DataTransfer(vendor_id="evdesk", message_id="echo", data="hello"))
    assert r.status == "Accepted" and r.data == "hello"
    r = await csms.call("CP-DT", call.DataTransfer(vendor_id="acme"))
    assert r.status == "UnknownVendorId"


async def test_trigger_message_sends_what_was_asked(csms, make_station):
    st = await make_station("CP-TRG")
    expected = {
        "BootNotification": "BootNotification",
        "Heartbeat": "Heartbeat",
        "StatusNotification": "StatusNotification",
        "MeterValues": "MeterValues",
        "FirmwareStatusNotification": "FirmwareStatusNotification",
        "DiagnosticsStatusNotification": "DiagnosticsStatusNotification",
    }
    for requested, action in expected.items():
        before = len(csms.messages("CP-TRG", action))
        r = await csms.call("CP-TRG", call.TriggerMessage(requested_message=requested, connector_id=1))
        assert r.status == "Accepted"
        await csms.wait_for("CP-TRG", action, count=before + 1)
    mv = csms.messages("CP-TRG", "MeterValues")[-1]
    assert mv["connector_id"] == 1
    assert mv["meter_value"][0]["sampled_value"][0]["context"] == "Trigger"
    assert csms.messages("CP-TRG", "FirmwareStatusNotification")[-1]["status"] == "Idle"
    r = await csms.call("CP-TRG", call.TriggerMessage(requested_message="StatusNotification", connector_id=5))
    assert r.status == "Rejected"
    assert st.accepted.is_set()


async def test_charging_profiles_and_composite_schedule(csms, make_station):
    st = await make_station("CP-SC", speed=600, config={"ChargeProfileMaxStackLevel": "3"})
    # stack level above ChargeProfileMaxStackLevel
    r = await csms.call("CP-SC", call.SetChargingProfile(
        connector_id=1, cs_charging_profiles=tx_profile(16.0, purpose="TxDefaultProfile", stack=4)))
    assert r.status == "Rejected"
    # TxProfile needs a running transaction
    r = await csms.call("CP-SC", call.SetChargingProfile(connector_id=1, cs_charging_profiles=tx_profile(16.0)))
    assert r.status == "Rejected"
    # station-wide maximum in W
    r = await csms.call("CP-SC", call.SetChargingProfile(
        connector_id=0, cs_charging_profiles=tx_profile(15000.0, "W", "ChargePointMaxProfile", pid=7)))
    assert r.status == "Accepted"
    r = await csms.call("CP-SC", call.GetCompositeSchedule(connector_id=0, duration=3600))
    assert r.status == "Accepted"
    assert r.charging_schedule["charging_schedule_period"][0]["limit"] == 15000.0
    r = await csms.call("CP-SC", call.GetCompositeSchedule(connector_id=9, duration=60))
    assert r.status == "Rejected"
    # a running session: a 6 A TxProfile lowers the power
    await st.plug_in(1, Car(soc=10, max_power_w=22000))
    await st.present_token(1, "T")
    await csms.wait_for("CP-SC", "MeterValues", count=2)
    r = await csms.call("CP-SC", call.SetChargingProfile(connector_id=1, cs_charging_profiles=tx_profile(6.0)))
    assert r.status == "Accepted"
    r = await csms.call("CP-SC", call.GetCompositeSchedule(connector_id=1, duration=600, charging_rate_unit="A"))
    assert r.charging_schedule["charging_schedule_period"][0]["limit"] == 6.0
    n = len(csms.messages("CP-SC", "MeterValues"))
    await csms.wait_for("CP-SC", "MeterValues", count=n + 2)
    power = [float(sv["value"]) for sv in csms.messages("CP-SC", "MeterValues")[-1]["meter_value"][0]
             ["sampled_value"] if sv["measurand"] == "Power.Active.Import"][0]
    assert 4000 < power < 4300  # 6 A x 3 phases x 230 V
    r = await csms.call("CP-SC", call.ClearChargingProfile(id=7))
    assert r.status == "Accepted"
    r = await csms.call("CP-SC", call.ClearChargingProfile(id=7))
    assert r.status == "Unknown"


async def test_charger_that_only_takes_watts(csms, make_station):
    await make_station("CP-W", config={"ChargingScheduleAllowedChargingRateUnit": "Power"})
    r = await csms.call("CP-W", call.SetChargingProfile(
        connector_id=1, cs_charging_profiles=tx_profile(16.0, "A", "TxDefaultProfile")))
    assert r.status == "Rejected"
    r = await csms.call("CP-W", call.SetChargingProfile(
        connector_id=1, cs_charging_profiles=tx_profile(7400.0, "W", "TxDefaultProfile")))
    assert r.status == "Accepted"


async def test_reservations(csms, make_station):
    st = await make_station("CP-RES")
    expiry = (st.clock.now() + timedelta(hours=1)).isoformat()
    r = await csms.call("CP-RES", call.ReserveNow(connector_id=1, expiry_date=expiry, id_tag="OWNER",
                                                   reservation_id=11))
    assert r.status == "Accepted"
    await until(lambda: st.connectors[1].status == "Reserved")
    await csms.wait_for("CP-RES", "StatusNotification", where=lambda kw: kw["status"] == "Reserved")
    r = await csms.call("CP-RES", call.ReserveNow(connector_id=1, expiry_date=expiry, id_tag="B",
                                                   reservation_id=12))
    assert r.status == "Occupied"
    await st.plug_in(1)
    assert not await st.present_token(1, "STRANGER")
    assert await st.present_token(1, "OWNER")
    start = (await csms.wait_for("CP-RES", "StartTransaction"))[0]
    assert start["reservation_id"] == 11
    # cancel, unknown id, faulted, unavailable, expiry
    assert (await csms.call("CP-RES", call.CancelReservation(reservation_id=99))).status == "Rejected"
    r = await csms.call("CP-RES", call.ReserveNow(connector_id=2, expiry_date=expiry, id_tag="X",
                                                   reservation_id=13))
    assert r.status == "Accepted"
    assert (await csms.call("CP-RES", call.CancelReservation(reservation_id=13))).status == "Accepted"
    await until(lambda: st.connectors[2].status == "Available")
    await st.set_fault(2, "GroundFailure")
    r = await csms.call("CP-RES", call.ReserveNow(connector_id=2, expiry_date=expiry, id_tag="X",
                                                   reservation_id=14))
    assert r.status == "Faulted"
    await st.clear_fault(2)
    await csms.call("CP-RES", call.ChangeAvailability(connector_id=2, type="Inoperative"))
    r = await csms.call("CP-RES", call.ReserveNow(connector_id=2, expiry_date=expiry, id_tag="X",
                                                   reservation_id=15))
    assert r.status == "Unavailable"
    await csms.call("CP-RES", call.ChangeAvailability(connector_id=2, type="Operative"))
    soon = (st.clock.now() + timedelta(seconds=60)).isoformat()  # one real second
    r = await csms.call("CP-RES", call.ReserveNow(connector_id=2, expiry_date=soon, id_tag="X",
                                                   reservation_id=16))
    assert r.status == "Accepted"
    await until(lambda: st.connectors[2].reservation is None, 4)  # expired
    await until(lambda: statuses(csms, "CP-RES", 2)[-2:] == ["Reserved", "Available"])
    faults = [kw for kw in csms.messages("CP-RES", "StatusNotification") if kw["status"] == "Faulted"]
    assert faults[0]["error_code"] == "GroundFailure"


async def test_local_list(csms, make_station):
    st = await make_station("CP-LL", config={"SendLocalListMaxLength": "2"})
    assert (await csms.call("CP-LL", call.GetLocalListVersion())).list_version == 0
    entries = [{"idTag": "A", "idTagInfo": {"status": "Accepted"}},
               {"idTag": "B", "idTagInfo": {"status": "Blocked"}}]
    r = await csms.call("CP-LL", call.SendLocalList(list_version=3, update_type="Full",
                                                     local_authorization_list=entries))
    assert r.status == "Accepted"
    assert (await csms.call("CP-LL", call.GetLocalListVersion())).list_version == 3
    r = await csms.call("CP-LL", call.SendLocalList(list_version=3, update_type="Differential",
                                                     local_authorization_list=[{"idTag": "C"}]))
    assert r.status == "VersionMismatch"
    r = await csms.call("CP-LL", call.SendLocalList(
        list_version=4, update_type="Differential",
        local_authorization_list=[{"idTag": "B"}, {"idTag": "C", "idTagInfo": {"status": "Accepted"}}]))
    assert r.status == "Accepted"
    assert set(st.local_list) == {"A", "C"} and st.local_list_version == 4
    too_long = [{"idTag": f"T{i}", "idTagInfo": {"status": "Accepted"}} for i in range(3)]
    r = await csms.call("CP-LL", call.SendLocalList(list_version=5, update_type="Full",
                                                     local_authorization_list=too_long))
    assert r.status == "Failed"
    await csms.call("CP-LL", call.ChangeConfiguration(key="LocalAuthListEnabled", value="false"))
    assert (await csms.call("CP-LL", call.GetLocalListVersion())).list_version == -1


async def test_firmware_update_reports_progress_and_reboots(csms, make_station):
    st = await make_station("CP-FW", speed=60, reboot_delay=6)
    now = st.clock.now().isoformat()
    r = await csms.call("CP-FW", call.UpdateFirmware(location="https://fw.example/SimCharger-2.0.0.bin",
                                                      retrieve_date=now))
    assert r is not None
    await csms.wait_for("CP-FW", "BootNotification", count=2, timeout=5)
    fw = [kw["status"] for kw in csms.messages("CP-FW", "FirmwareStatusNotification")]
    assert fw == ["Downloading", "Downloaded", "Installing", "Installed"]
    assert csms.messages("CP-FW", "BootNotification")[-1]["firmware_version"] == "2.0.0"
    assert st.firmware == "2.0.0"


async def test_get_diagnostics(csms, make_station):
    await make_station("CP-DIAG")
    r = await csms.call("CP-DIAG", call.GetDiagnostics(location="ftp://logs.example/"))
    assert r.file_name and r.file_name.startswith("CP-DIAG-diagnostics-")
    await csms.wait_for("CP-DIAG", "DiagnosticsStatusNotification", count=2)
    assert [kw["status"] for kw in csms.messages("CP-DIAG", "DiagnosticsStatusNotification")] == [
        "Uploading", "Uploaded"]


# --------------------------------------------------------------------------
# offline queue and raw frames


async def test_offline_queue_is_replayed_in_order_with_real_ids(csms, make_station):
    st = await make_station("CP-OFF", speed=600)
    await st.plug_in(1)
    await st.present_token(1, "ONLINE")
    tx1 = st.connectors[1].transaction_id
    await st.go_offline()
    assert not st.connected
    offline_from = st.clock.now()
    await st.plug_in(2)
    assert await st.present_token(2, "OFFLINE")  # AllowOfflineTxForUnknownId
    provisional = st.connectors[2].transaction_id
    assert provisional < 0
    await until(lambda: st.queued.count("MeterValues") >= 4)  # offline meter values of both sessions
    await st.stop_charging(1)
    await st.stop_charging(2)
    assert "StartTransaction" in st.queued and st.queued.count("StopTransaction") == 2
    n_start = len(csms.messages("CP-OFF", "StartTransaction"))
    await st.go_online(timeout=5)
    assert st.queued == []
    starts = csms.messages("CP-OFF", "StartTransaction")
    assert len(starts) == n_start + 1
    tx2 = starts[-1]["assigned"]
    assert parse_iso(starts[-1]["timestamp"]) < st.clock.now() - timedelta(seconds=60)
    stops = {kw["transaction_id"]: kw for kw in csms.messages("CP-OFF", "StopTransaction")}
    assert set(stops) == {tx1, tx2}
    mv_tx = {kw.get("transaction_id") for kw in csms.messages("CP-OFF", "MeterValues")}
    assert provisional not in mv_tx and tx2 in mv_tx
    # order as it happened: everything of tx2 after its StartTransaction, stops last
    log = [(a, kw) for a, kw in csms.log["CP-OFF"]
           if a in ("StartTransaction", "MeterValues", "StopTransaction")]
    i_start2 = next(i for i, (a, kw) in enumerate(log) if a == "StartTransaction" and kw["assigned"] == tx2)
    assert all(i > i_start2 for i, (a, kw) in enumerate(log) if kw.get("transaction_id") == tx2)
    queued_ts = [parse_iso(kw["timestamp"]) for a, kw in log[i_start2:] if a == "StopTransaction"]
    assert queued_ts == sorted(queued_ts) and queued_ts[0] > offline_from


async def test_send_raw_frames(csms, make_station):
    st = await make_station("CP-RAW")
    answer = await st.send_raw(json.dumps([2, "raw-1", "Heartbeat", {}]))
    assert json.loads(answer)[:2] == [3, "raw-1"]
    answer = await st.send_raw(json.dumps([2, "raw-2", "NoSuchAction", {}]))
    assert json.loads(answer)[:2] == [4, "raw-2"]
    assert await st.send_raw("this is not json", timeout=0.3) is None
    # the connection is still usable afterwards
    await csms.call("CP-RAW", call.ClearCache())
    assert st.received[-1].action == "ClearCache"


# --------------------------------------------------------------------------
# fleet and command line


async def test_fleet_of_50_stations(csms):
    fleet = Fleet(csms.url, 50, prefix="FL", clock=ScaledClock(60), connect_concurrency=25)
    await fleet.start()
    try:
        await fleet.wait_accepted(20)
        await until(lambda: fleet.stats()["messages_sent"] >= 50 * 4, 5)  # boot + 3 x status
        stats = fleet.stats()
        assert stats["connected"] == 50 and stats["accepted"] == 50
        assert stats["messages_sent"] >= 50 * 4 and stats["errors"] == 0
        assert stats["latency_p50"] is not None and stats["latency_p99"] >= stats["latency_p50"]
        assert {h["identity"] for h in csms.handshakes} >= {f"FL{n:04d}" for n in range(1, 51)}
    finally:
        await fleet.stop()
    assert fleet.stats()["connected"] == 0


async def test_fleet_auto_sessions(csms):
    fleet = Fleet(csms.url, 0, identities=["DEPOT-1", "DEPOT-2", "DEPOT-3"], clock=ScaledClock(3600),
                  auto_sessions=True, id_tags=["A", "B"], per_station={"DEPOT-3": {"connectors": 1}},
                  mean_idle_s=600, session_s=(600, 1800), meter_interval=300, seed=7)
    await fleet.start()
    try:
        await until(lambda: sum(len(csms.messages(s.identity, "StopTransaction")) for s in fleet) >= 2, 10)
    finally:
        await fleet.stop()
    tags = {kw["id_tag"] for s in fleet for kw in csms.messages(s.identity, "StartTransaction")}
    assert tags <= {"A", "B"}
    assert fleet.stats()["transactions"] >= 2
    assert len(fleet["DEPOT-3"].connectors) == 2  # connector 0 + one


async def test_cli_runs_a_fleet_for_a_duration(csms, capsys):
    argv = ["--url", csms.url, "--stations", "3", "--prefix", "CLI", "--speed", "60",
            "--duration", "1.2", "--status-interval", "0.5"]
    code = await asyncio.to_thread(cli_main, argv)
    assert code == 0
    out = capsys.readouterr().out
    assert "connected=" in out and "final:" in out and "accepted=3" in out
    assert {"CLI0001", "CLI0002", "CLI0003"} <= {h["identity"] for h in csms.handshakes}
    assert cli_main(["--stations", "2"]) == 2  # --url is required


async def test_cli_says_when_the_real_central_system_holds_a_station_as_pending(central, services, capsys):
    # evdesk itself, with its default policy for unknown stations: hold them as Pending for an admin
    assert services.settings.unknown_station_policy == "pending"
    argv = ["--url", central.url, "--stations", "1", "--prefix", "CP", "--duration", "1.5",
            "--status-interval", "0.5"]
    code = await asyncio.to_thread(cli_main, argv)
    assert code == 0
    out = capsys.readouterr().out
    assert ("CP0001: held as Pending by the central system; retrying in 30 s"
            " \u2014 an administrator must adopt it") in out, out
    assert out.count("held as Pending") == 1, out  # said once, not on every status line
    assert "accepted=0 pending=1 rejected=0" in out, out
    assert services.stations.by_identity["CP0001"].registration == "pending"


def test_boot_reporter_names_a_storm_briefly():
    from evdesk.simulator.cli import BootReporter

    class _St:
        def __init__(self, identity):
            self.identity, self.accepted = identity, asyncio.Event()

    lines: list[str] = []

    class _Out:
        def write(self, text):
            lines.extend(t for t in text.splitlines() if t)

        def flush(self):
            pass

    rep = BootReporter(out=_Out(), burst=3)
    stations = [_St(f"S{n}") for n in range(10)]
    for st in stations:
        rep(st, "Pending", 12)
        rep(st, "Pending", 12)  # the same stretch: not named again
    rep.next_interval(stations)
    assert lines[:3] == [f"S{n}: held as Pending by the central system; retrying in 12 s \u2014 an administrator must adopt it"
                         for n in range(3)]
    assert lines[3:] == ["... and 7 more station(s) held as Pending by the central system"]
    stations[0].accepted.set()
    rep.next_interval(stations)
    rep(stations[0], "Rejected", 3600)  # accepted in between: named again
    assert lines[-1].startswith("S0: Rejected by the central system; retrying in 3600 s")
