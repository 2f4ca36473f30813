"""A load generator that behaves like real OCPP 2.0.1 charging stations, independent of evdesk.

The 2.0.1 sibling of chargers.py: the same command line, the same link (charger_link.py:
raw `websockets`, hand-written OCPP-J frames, one CALL at a time, back-off redial with
jitter, every CSMS call answered) and the same ONE JSON line on stdout.

    python tests/benchmarks/chargers201.py --url ws://127.0.0.1:9000/ --stations 1000 \\
        --connectors 2 --ramp 50 --meter-interval 60 --duration 120 --id-tags LOADTAG
    python tests/benchmarks/chargers201.py --url wss://127.0.0.1:9443/ --ca tls/ca.pem --password SECRET ...

Each station (identity PREFIX00001...; --connectors EVSEs with one connector each):
  * subprotocol ocpp2.0.1; BootNotification (reason PowerUp); Pending / Rejected are retried
    after the interval given (TriggerMessage BootNotification boots at once); once Accepted:
    StatusNotification per EVSE/connector, the Ended events of transactions cut by a lost
    connection (offline=true), then a session on every EVSE at once, Heartbeat at the boot
    answer's interval (or OCPPCommCtrlr/HeartbeatInterval once set);
  * a session: StatusNotification Occupied, Authorize (unless the token is in its local list
    or cache), TransactionEvent Started (triggerReason Authorized, the idToken, chargingState
    Charging, meter values with context Transaction.Begin), Updated with meter values every
    SampledDataCtrlr/TxUpdatedInterval (--meter-interval until the CSMS sets it), Ended after a
    random time in --session-s (triggerReason EVCommunicationLost, stoppedReason
    EVDisconnected, Transaction.End reading), StatusNotification Available; next after --idle-s.
    A token the CSMS does not accept at Started ends it at once (stoppedReason DeAuthorized).
    seqNo counts up per transaction, as the standard asks;
  * answers the CSMS: SetVariables / GetVariables (its device model below; unknown component
    or variable answered as such), GetBaseReport / GetReport (Accepted, then NotifyReport in
    parts with tbc), TriggerMessage (then sends what was asked), RequestStart / Stop
    Transaction, Reset (ends its sessions, reconnects, boots), ChangeAvailability,
    UnlockConnector, ClearCache, GetLocalListVersion / SendLocalList, Set / Clear /
    GetChargingProfiles, GetCompositeSchedule, GetTransactionStatus, DataTransfer,
    ReserveNow / CancelReservation, GetLog, UpdateFirmware; other actions get NotImplemented.

TransactionEvent latencies are reported per eventType: "TransactionEvent(Started)", ...
"""

from __future__ import annotations

import asyncio
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import chargers  # noqa: E402 - its run loop, figures and command line
from charger_behaviour import iso_now  # noqa: E402
from charger_link import ChargerLink  # noqa: E402

NOTIFY_REPORT_PART = 20  # report entries per NotifyReport frame


def device_model(evses: int, meter_interval: int) -> dict[tuple[str, str], list]:
    """(component, variable) -> [value, mutability] of a typical 2.0.1 AC wallbox."""
    model = {
        ("OCPPCommCtrlr", "HeartbeatInterval"): ["300", "ReadWrite"],
        ("OCPPCommCtrlr", "MessageTimeout"): ["60", "ReadOnly"],
        ("OCPPCommCtrlr", "NetworkConfigurationPriority"): ["1", "ReadWrite"],
        ("OCPPCommCtrlr", "WebSocketPingInterval"): ["60", "ReadWrite"],
        ("SampledDataCtrlr", "TxUpdatedInterval"): [str(meter_interval), "ReadWrite"],
        ("SampledDataCtrlr", "TxUpdatedMeasurands"): ["Energy.Active.Import.Register,Power.Active.Import", "ReadWrite"],
        ("SampledDataCtrlr", "TxEndedMeasurands"): ["Energy.Active.Import.Register", "ReadWrite"],
        ("AlignedDataCtrlr", "Interval"): ["0", "ReadWrite"],
        ("AuthCtrlr", "AuthorizeRemoteStart"): ["true", "ReadWrite"],
        ("AuthCtrlr", "LocalPreAuthorize"): ["true", "ReadWrite"],
        ("AuthCacheCtrlr", "Enabled"): ["true", "ReadWrite"],
        ("LocalAuthListCtrlr", "Enabled"): ["true", "ReadWrite"],
        ("LocalAuthListCtrlr", "Entries"): ["0", "ReadOnly"],
        ("TxCtrlr", "StopTxOnInvalidId"): ["true", "ReadWrite"],
        ("TxCtrlr", "EVConnectionTimeOut"): ["60", "ReadWrite"],
        ("SecurityCtrlr", "SecurityProfile"): ["1", "ReadOnly"],
        ("SecurityCtrlr", "BasicAuthPassword"): ["", "WriteOnly"],
        ("DeviceDataCtrlr", "ItemsPerMessage"): ["50", "ReadOnly"],
        ("SmartChargingCtrlr", "Enabled"): ["true", "ReadWrite"],
        ("ChargingStation", "AvailabilityState"): ["Available", "ReadOnly"],
    }
    for n in range(1, evses + 1):
        model[(f"EVSE.{n}", "Power")] = ["22000", "ReadOnly"]
    return model


def _component(name: str) -> dict:
    base, _, evse = name.partition(".")
    return {"name": base, "evse": {"id": int(evse)}} if evse else {"name": base}


def _key(component: dict, variable: dict) -> tuple[str, str]:
    evse = (component.get("evse") or {}).get("id")
    return (f"{component.get('name')}.{evse}" if evse else str(component.get("name")), str(variable.get("name")))


class Evse:
    def __init__(self, number: int, energy: int):
        self.id = number
        self.energy = energy
        self.operative = True
        self.tx: str | None = None
        self.seq = 0
        self.token = ""
        self.stop_reason: str | None = None
        self.trigger = ""
        self.remote: tuple[str, int] | None = None  # (idToken, remoteStartId) of a RequestStartTransaction
        self.wake = asyncio.Event()


class Charger201(ChargerLink):
    subprotocol = "ocpp2.0.1"

    def __init__(self, identity: str, args, stats, rng):
        self._init_link(identity, args, stats, rng)
        self.model = device_model(args.connectors, int(args.meter_interval))
        self.evses = {n: Evse(n, rng.randint(100_000, 90_000_000)) for n in range(1, args.connectors + 1)}
        self.boot_now = asyncio.Event()
        self.local_list: dict[str, str] = {}
        self.local_list_version = 0
        self.cache: dict[str, str] = {}
        self.offline_events: list[dict] = []  # Ended events of transactions cut by a lost connection

    def _int(self, component: str, variable: str, default: int) -> int:
        try:
            return max(1, int(self.model[(component, variable)][0]))
        except (KeyError, ValueError):
            return default

    # -- its life ---------------------------------------------------------------------
    def _link_lost(self) -> None:
        for evse in self.evses.values():
            if evse.tx is not None:
                self.offline_events.append(self._event(evse, "Ended", "EVCommunicationLost", "Transaction.End",
                                                       stopped=evse.stop_reason or "EVDisconnected", offline=True))
                evse.tx = None

    async def _life(self) -> None:
        while True:
            self.boot_now.clear()
            answer = await self.call("BootNotification", {"reason": "PowerUp", "chargingStation": {
                "vendorName": "BenchVendor", "model": "AC22-201", "serialNumber": self.identity,
                "firmwareVersion": "2.0.1-bench"}})
            status = (answer or {}).get("status", "none")
            self.stats.boots[status] += 1
            if status == "Accepted":
                break
            try:
                await asyncio.wait_for(self.boot_now.wait(), (answer or {}).get("interval") or 30)
            except TimeoutError:
                pass
        self.accepted = True
        self.model[("OCPPCommCtrlr", "HeartbeatInterval")][0] = str(answer.get("interval") or 300)
        for evse in self.evses.values():
            await self.status(evse, "Available" if evse.operative else "Unavailable")
        while self.offline_events:
            await self.transaction_event(self.offline_events.pop(0))
            self.stats.sessions_stopped += 1
        for evse in self.evses.values():
            self._spawn(self._evse_life(evse))
        while True:
            await asyncio.sleep(self._int("OCPPCommCtrlr", "HeartbeatInterval", 300))
            await self.call("Heartbeat", {})

    async def status(self, evse: Evse, status: str) -> None:
        await self.call("StatusNotification", {"timestamp": iso_now(), "connectorStatus": status, "evseId": evse.id,
                                               "connectorId": 1})

    async def transaction_event(self, payload: dict) -> dict | None:
        return await self.call(f"TransactionEvent({payload['eventType']})", payload, action="TransactionEvent")

    def _event(self, evse: Evse, event_type: str, trigger: str, context: str, *, token: str = "",
               stopped: str = "", offline: bool = False, remote_id: int | None = None, power: int = 0) -> dict:
        info: dict = {"transactionId": evse.tx, "chargingState": "Idle" if event_type == "Ended" else "Charging"}
        if stopped:
            info["stoppedReason"] = stopped
        if remote_id is not None:
            info["remoteStartId"] = remote_id
        sampled = [{"value": evse.energy, "context": context, "measurand": "Energy.Active.Import.Register",
                    "unitOfMeasure": {"unit": "Wh"}}]
        if power:
            sampled.append({"value": power, "context": context, "measurand": "Power.Active.Import",
                            "unitOfMeasure": {"unit": "W"}})
        payload = {"eventType": event_type, "timestamp": iso_now(), "triggerReason": trigger, "seqNo": evse.seq,
                   "transactionInfo": info, "evse": {"id": evse.id, "connectorId": 1},
                   "meterValue": [{"timestamp": iso_now(), "sampledValue": sampled}]}
        if token:
            payload["idToken"] = {"idToken": token, "type": "ISO14443"}
        if offline:
            payload["offline"] = True
        evse.seq += 1
        return payload

    async def _evse_life(self, evse: Evse) -> None:
        first = True
        while True:
            if not first or not evse.operative:
                await self._idle(evse, self.rng.uniform(*self.args.idle_s))
            first = False
            if evse.operative:
                await self._session(evse)

    async def _idle(self, evse: Evse, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while True:
            evse.wake.clear()
            left = deadline - time.monotonic()
            if evse.operative and (evse.remote is not None or left <= 0):
                return
            try:
                await asyncio.wait_for(evse.wake.wait(), max(left, 0.05) if evse.operative else None)
            except TimeoutError:
                pass

    async def _session(self, evse: Evse) -> None:
        remote, evse.remote = evse.remote, None
        token = remote[0] if remote else self.rng.choice(self.args.tags)
        await self.status(evse, "Occupied")
        if not remote and self.local_list.get(token, self.cache.get(token)) != "Accepted":
            answer = await self.call("Authorize", {"idToken": {"idToken": token, "type": "ISO14443"}})
            decision = ((answer or {}).get("idTokenInfo") or {}).get("status", "none")
            self.cache[token] = decision
            if decision != "Accepted":
                self.stats.starts_refused["Authorize:" + decision] += 1
                await self.status(evse, "Available")
                return
        evse.tx, evse.seq, evse.token, evse.stop_reason = f"{self.identity}-{evse.id}-{self.rng.getrandbits(40):x}", 0, token, None
        power = self.rng.choice((7400, 11000, 22000))
        answer = await self.transaction_event(self._event(
            evse, "Started", "RemoteStart" if remote else "Authorized", "Transaction.Begin", token=token,
            remote_id=remote[1] if remote else None, power=power))
        self.stats.sessions_started += 1
        decision = ((answer or {}).get("idTokenInfo") or {}).get("status", "Accepted")
        if decision != "Accepted":
            self.stats.starts_refused["TransactionEvent:" + decision] += 1
            evse.stop_reason, evse.trigger = "DeAuthorized", "Deauthorized"
        ends = time.monotonic() + self.rng.uniform(*self.args.session_s)
        last = time.monotonic()
        while evse.stop_reason is None:
            wait = min(self._int("SampledDataCtrlr", "TxUpdatedInterval", int(self.args.meter_interval)),
                       ends - time.monotonic())
            if wait <= 0:
                evse.stop_reason, evse.trigger = "EVDisconnected", "EVCommunicationLost"
                break
            evse.wake.clear()
            try:
                await asyncio.wait_for(evse.wake.wait(), wait)
            except TimeoutError:
                pass
            now = time.monotonic()
            evse.energy += int(power * (now - last) / 3600)
            last = now
            if evse.stop_reason is None and now < ends:
                await self.transaction_event(self._event(evse, "Updated", "MeterValuePeriodic", "Sample.Periodic",
                                                         power=power))
        await self.transaction_event(self._event(evse, "Ended", evse.trigger, "Transaction.End",
                                                 stopped=evse.stop_reason))
        evse.tx = None  # only now: an Ended lost with the connection is sent after the next boot
        self.stats.sessions_stopped += 1
        await self.status(evse, "Available" if evse.operative else "Unavailable")

    # -- answering the CSMS (B, C, D, E, F, G, K, L, N, P) ------------------------------
    def on_SetVariables(self, p):
        results = []
        for item in p["setVariableData"]:
            key = _key(item["component"], item["variable"])
            known = self.model.get(key)
            if known is None:
                status = "UnknownComponent" if not any(k[0] == key[0] for k in self.model) else "UnknownVariable"
            elif known[1] == "ReadOnly":
                status = "Rejected"
            else:
                known[0], status = str(item["attributeValue"]), "Accepted"
            results.append({"attributeStatus": status, "component": item["component"], "variable": item["variable"]})
        return {"setVariableResult": results}, None

    def on_GetVariables(self, p):
        results = []
        for item in p["getVariableData"]:
            known = self.model.get(_key(item["component"], item["variable"]))
            result = {"component": item["component"], "variable": item["variable"]}
            if known is None:
                result["attributeStatus"] = "UnknownVariable"
            elif known[1] == "WriteOnly":
                result["attributeStatus"] = "Rejected"
            else:
                result.update(attributeStatus="Accepted", attributeValue=known[0])
            results.append(result)
        return {"getVariableResult": results}, None

    def on_GetBaseReport(self, p):
        return {"status": "Accepted"}, self._notify_report(int(p["requestId"]))

    def on_GetReport(self, p):
        return {"status": "Accepted"}, self._notify_report(int(p["requestId"]))

    async def _notify_report(self, request_id: int) -> None:
        entries = [{"component": _component(c), "variable": {"name": v},
                    "variableAttribute": [{"type": "Actual", "mutability": m, **({} if m == "WriteOnly" else {"value": val})}]}
                   for (c, v), (val, m) in self.model.items()]
        parts = [entries[i:i + NOTIFY_REPORT_PART] for i in range(0, len(entries), NOTIFY_REPORT_PART)]
        for seq, part in enumerate(parts):
            await self.call("NotifyReport", {"requestId": request_id, "generatedAt": iso_now(), "seqNo": seq,
                                             "tbc": seq < len(parts) - 1, "reportData": part})

    def on_TriggerMessage(self, p):
        what, evse = p["requestedMessage"], self.evses.get((p.get("evse") or {}).get("id") or 1)
        if what == "BootNotification":
            return {"status": "Accepted"}, self._trigger_boot()
        if what == "Heartbeat":
            return {"status": "Accepted"}, self.call("Heartbeat", {})
        if what == "StatusNotification" and evse is not None:
            return {"status": "Accepted"}, self.status(evse, "Occupied" if evse.tx else "Available")
        if what in ("MeterValues", "TransactionEvent") and evse is not None:
            if what == "TransactionEvent" and evse.tx is None:
                return {"status": "Rejected"}, None
            if what == "MeterValues":
                return {"status": "Accepted"}, self.call("MeterValues", {"evseId": evse.id, "meterValue": [
                    {"timestamp": iso_now(), "sampledValue": [{"value": evse.energy, "context": "Trigger",
                                                               "unitOfMeasure": {"unit": "Wh"}}]}]})
            return {"status": "Accepted"}, self.transaction_event(self._event(evse, "Updated", "Trigger", "Trigger"))
        return {"status": "NotImplemented"}, None

    async def _trigger_boot(self) -> None:
        if not self.accepted:
            self.boot_now.set()

    def on_RequestStartTransaction(self, p):
        evse = self.evses.get(p.get("evseId") or 0) or next(
            (e for e in self.evses.values() if e.tx is None and e.operative and e.remote is None), None)
        if evse is None or evse.tx is not None or not evse.operative:
            return {"status": "Rejected"}, None
        evse.remote = (p["idToken"]["idToken"], int(p["remoteStartId"]))
        evse.wake.set()
        return {"status": "Accepted"}, None

    def on_RequestStopTransaction(self, p):
        for evse in self.evses.values():
            if evse.tx == p["transactionId"]:
                evse.stop_reason, evse.trigger = "Remote", "RemoteStop"
                evse.wake.set()
                return {"status": "Accepted"}, None
        return {"status": "Rejected"}, None

    def on_Reset(self, p):
        self.stats.resets += 1
        for evse in self.evses.values():
            if evse.tx is not None:
                evse.stop_reason = "ImmediateReset"
        self.reboot_after = 5.0
        return {"status": "Accepted"}, self._close_soon()

    async def _close_soon(self) -> None:
        await asyncio.sleep(0.5)
        if self.ws is not None:
            await self.ws.close()

    def on_ChangeAvailability(self, p):
        evse_id = (p.get("evse") or {}).get("id")
        operative = p["operationalStatus"] == "Operative"
        for evse in self.evses.values():
            if evse_id in (None, 0, evse.id):
                evse.operative = operative
                evse.wake.set()
        busy = any(e.tx is not None for e in self.evses.values() if evse_id in (None, 0, e.id))
        return {"status": "Scheduled" if busy and not operative else "Accepted"}, None

    def on_UnlockConnector(self, p):
        evse = self.evses.get(p["evseId"])
        if evse is None:
            return {"status": "UnknownConnector"}, None
        return {"status": "OngoingAuthorizedTransaction" if evse.tx else "Unlocked"}, None

    def on_ClearCache(self, p):
        self.cache.clear()
        return {"status": "Accepted"}, None

    def on_GetLocalListVersion(self, p):
        return {"versionNumber": self.local_list_version}, None

    def on_SendLocalList(self, p):
        entries = {e["idToken"]["idToken"]: (e.get("idTokenInfo") or {}).get("status")
                   for e in p.get("localAuthorizationList") or ()}
        if p["updateType"] == "Full":
            self.local_list = {k: v for k, v in entries.items() if v}
        else:
            for token, status in entries.items():
                if status:
                    self.local_list[token] = status
                else:
                    self.local_list.pop(token, None)
        self.local_list_version = int(p["versionNumber"])
        return {"status": "Accepted"}, None

    def on_SetChargingProfile(self, p):
        return {"status": "Accepted"}, None

    def on_ClearChargingProfile(self, p):
        return {"status": "Accepted"}, None

    def on_GetChargingProfiles(self, p):
        return {"status": "NoProfiles"}, None

    def on_GetCompositeSchedule(self, p):
        return {"status": "Rejected"}, None

    def on_GetTransactionStatus(self, p):
        ongoing = any(e.tx == p.get("transactionId") for e in self.evses.values())
        return ({"messagesInQueue": False, "ongoingIndicator": ongoing} if p.get("transactionId")
                else {"messagesInQueue": False}), None

    def on_DataTransfer(self, p):
        return {"status": "UnknownVendorId"}, None

    def on_ReserveNow(self, p):
        return {"status": "Rejected"}, None

    def on_CancelReservation(self, p):
        return {"status": "Rejected"}, None

    def on_GetLog(self, p):
        return {"status": "Rejected"}, None

    def on_UpdateFirmware(self, p):
        return {"status": "Rejected"}, None


def build_parser():
    parser = chargers.build_parser()
    parser.description = __doc__
    parser.set_defaults(prefix="V201", meter_interval=60.0)
    return parser


if __name__ == "__main__":
    sys.exit(chargers.main(charger_class=Charger201, parser=build_parser()))
