"""A simulated OCPP 2.0.1 charging station (station side of the blocks evdesk serves).

Speaks `ocpp2.0.1` over a real websocket with hand-written camelCase frames (the CSMS's
schema checks are what the tests exercise). It boots (retrying while Pending, or at
once when triggered), reports StatusNotification per EVSE/connector, runs transactions
with TransactionEvents (seqNo per transaction from 0; offline events queued with
`offline: true` and sent on reconnect, in order or — to test the CSMS — reversed), and
answers every CSMS call of blocks B C D E F G H K L N P with what a well-behaved charger
would do, followed by the messages that call leads to (a remote start starts a
transaction, a firmware update reports its progress, GetBaseReport sends NotifyReport
parts, …). Every CSMS call is kept in `received`.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import logging
import uuid
from dataclasses import dataclass, field

from ocpp.messages import get_validator
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from datetime import datetime, timezone

from evdesk.simulator.clock import iso_z
from evdesk.simulator.csr import CertificateStore
from evdesk.simulator.v201.device_model import Variable, address_of, default_device_model, report_data

log = logging.getLogger("evdesk.simulator.v201")

REPORT_PART = 8  # variables per NotifyReport part


def _now() -> str:
    return iso_z(datetime.now(timezone.utc))


def _schema_problem(action: str, payload: dict) -> str | None:
    """Why the CSMS's request breaks OCPP 2.0.1's JSON schema (None: it does not, or no schema)."""
    try:
        validator = get_validator(2, action, "2.0.1")
    except (OSError, ValueError):
        return None
    error = next(iter(validator.iter_errors(payload)), None)
    return None if error is None else f"{action}: {'.'.join(map(str, error.absolute_path))}: {error.message}"


class CallErrorReceived(Exception):
    def __init__(self, code: str, description: str):
        super().__init__(f"{code}: {description}")
        self.code = code


@dataclass
class Transaction:
    id: str
    evse: int
    id_token: dict | None
    meter_wh: float
    seq: itertools.count = field(default_factory=itertools.count)
    remote_start_id: int | None = None
    last_answer: dict = field(default_factory=dict)  # the CSMS's answer to the Started event


class SimulatedStation201:
    def __init__(self, url: str, identity: str, *, evses: int = 1, password: str | None = None,
                 vendor: str = "evdesk", model: str = "Sim201", firmware: str = "2.0.1-sim",
                 answer_timeout: float = 10.0):
        self.url, self.identity, self.password = url, identity, password
        self.evses = evses
        self.vendor, self.model, self.firmware = vendor, model, firmware
        self.answer_timeout = answer_timeout
        self.device_model: dict[str, Variable] = default_device_model(evses, vendor, model, firmware)
        self.received: list[tuple[str, dict]] = []
        self.boot_statuses: list[str] = []
        self.transactions: dict[int, Transaction] = {}  # by EVSE id
        self.ended: list[Transaction] = []
        self.availability: dict[int, str] = {e: "Operative" for e in range(0, evses + 1)}
        self.charging_profiles: dict[int, dict] = {}
        self.local_list_version = 0
        self.local_list: dict[str, dict] = {}  # idToken -> idTokenInfo
        self.reports_done = 0  # base reports whose every NotifyReport part was answered
        self.reservations: dict[int, dict] = {}
        self.queue: list[tuple[str, dict]] = []  # events held while offline
        self.error_for: dict[str, tuple[str, str]] = {}  # action -> CALLERROR (code, description) to answer
        self.invalid_calls: list[tuple[str, str]] = []  # CSMS requests that broke their 2.0.1 schema
        self.certificate_key = None  # security profile 3: the key of the last CSR, and the chain signed for it
        self.certificate_chain: str | None = None
        self.certificates = CertificateStore()  # installed root certificates (InstallCertificate)
        self.monitors: dict[int, dict] = {}  # variable monitors the CSMS set (SetVariableMonitoring)
        self.offline = False
        self._ws = None
        self._reader: asyncio.Task | None = None
        self._pending: dict[str, asyncio.Future] = {}
        self._raw_answers: asyncio.Queue[str] = asyncio.Queue()
        self._tasks: set[asyncio.Task] = set()
        self._accepted = asyncio.Event()

    # -- connection ------------------------------------------------------------------
    async def start(self, *, boot: bool = True, wait_accepted: bool = True) -> None:
        await self._connect()
        if boot:
            self._spawn(self._boot_loop("PowerUp"))
            if wait_accepted:
                await asyncio.wait_for(self._accepted.wait(), self.answer_timeout)

    async def _connect(self) -> None:
        headers = {}
        if self.password is not None:
            token = base64.b64encode(f"{self.identity}:{self.password}".encode()).decode()
            headers["Authorization"] = f"Basic {token}"
        self._ws = await connect(self.url + self.identity, subprotocols=["ocpp2.0.1"],
                                 additional_headers=headers or None, compression=None, proxy=None)
        self._reader = asyncio.create_task(self._read(self._ws), name=f"sim201-read {self.identity}")

    async def stop(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        if self._ws is not None:
            await self._ws.close()
        if self._reader is not None:
            self._reader.cancel()
            try:
                await self._reader
            except (asyncio.CancelledError, ConnectionClosed):
                pass

    @property
    def subprotocol(self) -> str | None:
        return self._ws.subprotocol if self._ws is not None else None

    async def go_offline(self) -> None:
        """The link drops: transaction events are queued (offline) until `go_online`."""
        self.offline = True
        await self._ws.close()
        await asyncio.gather(self._reader, return_exceptions=True)

    async def go_online(self, *, reverse: bool = False) -> None:
        """Reconnect and send the queued events (reversed: out of order, to test the CSMS)."""
        await self._connect()
        self.offline = False
        queued, self.queue = self.queue, []
        for action, payload in (reversed(queued) if reverse else queued):
            await self.call(action, payload)

    def _spawn(self, coro) -> asyncio.Task:
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _read(self, ws) -> None:
        try:
            async for text in ws:
                frame = json.loads(text)
                if frame[0] == 2:
                    self.received.append((frame[2], frame[3]))
                    await self._answer_call(frame[1], frame[2], frame[3])
                    continue
                future = self._pending.pop(frame[1], None)
                if future is None:
                    self._raw_answers.put_nowait(text)
                elif future.done():  # its caller was cancelled (e.g. a follow-up stopped with the station)
                    continue
                elif frame[0] == 3:
                    future.set_result(frame[2])
                else:
                    future.set_exception(CallErrorReceived(frame[2], frame[3]))
        except ConnectionClosed:
            pass
        finally:
            for future in self._pending.values():
                if not future.done():
                    future.set_exception(ConnectionClosed(None, None))
            self._pending.clear()

    async def call(self, action: str, payload: dict) -> dict:
        unique_id = str(uuid.uuid4())
        future = asyncio.get_running_loop().create_future()
        self._pending[unique_id] = future
        await self._ws.send(json.dumps([2, unique_id, action, payload]))
        return await asyncio.wait_for(future, self.answer_timeout)

    async def send_raw(self, text: str) -> str:
        """Send a frame as is; return the CSMS's next frame that answers nothing of ours."""
        while not self._raw_answers.empty():
            self._raw_answers.get_nowait()
        await self._ws.send(text)
        return await asyncio.wait_for(self._raw_answers.get(), self.answer_timeout)

    # -- B: boot, G: status ------------------------------------------------------------
    async def _boot_loop(self, reason: str) -> None:
        self._accepted.clear()
        while True:
            answer = await self.boot(reason)
            if answer["status"] == "Accepted":
                return
            await asyncio.sleep(min(answer["interval"], 5) if answer["interval"] else 1)

    async def boot(self, reason: str = "PowerUp") -> dict:
        answer = await self.call("BootNotification", {
            "reason": reason,
            "chargingStation": {"model": self.model, "vendorName": self.vendor, "firmwareVersion": self.firmware,
                                "serialNumber": f"SN-{self.identity}"[:25]}})
        self.boot_statuses.append(answer["status"])
        if answer["status"] == "Accepted" and not self._accepted.is_set():
            self._accepted.set()
            for evse in range(1, self.evses + 1):
                await self.status(evse, "Available")
        return answer

    async def status(self, evse: int, status: str, connector: int = 1) -> None:
        await self.call("StatusNotification", {"timestamp": _now(), "connectorStatus": status, "evseId": evse,
                                               "connectorId": connector})

    async def heartbeat(self) -> dict:
        return await self.call("Heartbeat", {})

    # -- C, E, J: authorization and transactions ---------------------------------------------
    async def authorize(self, id_token: str, token_type: str = "ISO14443") -> dict:
        return (await self.call("Authorize", {"idToken": {"idToken": id_token, "type": token_type}}))["idTokenInfo"]

    async def _event(self, event_type: str, tx: Transaction, trigger: str, *, charging_state: str | None = None,
                     stopped_reason: str | None = None, context: str = "Sample.Periodic", with_token: bool = False,
                     power_w: float | None = None) -> dict:
        sampled = [{"value": round(tx.meter_wh), "context": context, "measurand": "Energy.Active.Import.Register",
                    "unitOfMeasure": {"unit": "Wh"}}]
        if power_w is not None:
            sampled.append({"value": power_w / 1000, "context": context, "measurand": "Power.Active.Import",
                            "unitOfMeasure": {"unit": "W", "multiplier": 3}})
        info: dict = {"transactionId": tx.id}
        if charging_state:
            info["chargingState"] = charging_state
        if stopped_reason:
            info["stoppedReason"] = stopped_reason
        if tx.remote_start_id is not None and event_type == "Started":
            info["remoteStartId"] = tx.remote_start_id
        seq_no = next(tx.seq)
        payload: dict = {"eventType": event_type, "timestamp": _now(), "triggerReason": trigger,
                         "seqNo": seq_no, "transactionInfo": info,
                         "meterValue": [{"timestamp": _now(), "sampledValue": sampled}]}
        if seq_no == 0:  # the EVSE is named in the transaction's first event only (as chargers do)
            payload["evse"] = {"id": tx.evse, "connectorId": 1}
        if with_token and tx.id_token:
            payload["idToken"] = tx.id_token
        if self.offline:
            payload["offline"] = True
            self.queue.append(("TransactionEvent", payload))
            return {}
        return await self.call("TransactionEvent", payload)

    async def start_transaction(self, evse: int, id_token: str | None, *, token_type: str = "ISO14443",
                                meter_wh: float = 1000.0, remote_start_id: int | None = None) -> Transaction:
        tx = Transaction(uuid.uuid4().hex[:20], evse, {"idToken": id_token, "type": token_type} if id_token else None,
                         meter_wh, remote_start_id=remote_start_id)
        self.transactions[evse] = tx
        if not self.offline:
            await self.status(evse, "Occupied")
        trigger = "RemoteStart" if remote_start_id is not None else "Authorized"
        tx.last_answer = await self._event("Started", tx, trigger, charging_state="Charging",
                                           context="Transaction.Begin", with_token=True)
        return tx

    async def charge(self, evse: int, wh: float, power_w: float = 11000.0) -> dict:
        tx = self.transactions[evse]
        tx.meter_wh += wh
        return await self._event("Updated", tx, "MeterValuePeriodic", charging_state="Charging", power_w=power_w)

    async def end_transaction(self, evse: int, reason: str = "Local", trigger: str = "StopAuthorized") -> dict:
        tx = self.transactions.pop(evse)
        self.ended.append(tx)
        answer = await self._event("Ended", tx, trigger, charging_state="Idle", stopped_reason=reason,
                                   context="Transaction.End", with_token=trigger == "StopAuthorized")
        if not self.offline:
            await self.status(evse, "Available")
        return answer

    # -- N: events ------------------------------------------------------------------------------
    async def notify_event(self, component: str, variable: str, value: str, trigger: str = "Alerting",
                           event_type: str = "HardWiredNotification", tech_info: str | None = None) -> dict:
        data = {"eventId": 1, "timestamp": _now(), "trigger": trigger, "actualValue": value,
                "eventNotificationType": event_type, "component": {"name": component}, "variable": {"name": variable}}
        if tech_info:
            data["techInfo"] = tech_info
        return await self.call("NotifyEvent", {"generatedAt": _now(), "seqNo": 0, "eventData": [data]})

    # -- answering the CSMS ---------------------------------------------------------------------
    async def _answer_call(self, unique_id: str, action: str, payload: dict) -> None:
        problem = _schema_problem(action, payload)
        if problem is not None:  # a strict charger: a request its schema does not allow is refused
            self.invalid_calls.append((action, problem))
            await self._ws.send(json.dumps([4, unique_id, "FormatViolation", problem[:255], {}]))
            return
        if action in self.error_for:  # a test asked for a CALLERROR (any code, even one OCPP lacks)
            code, description = self.error_for[action]
            await self._ws.send(json.dumps([4, unique_id, code, description, {}]))
            return
        handler = getattr(self, "_on_" + action, None)
        if handler is None:
            await self._ws.send(json.dumps([4, unique_id, "NotImplemented", f"{action} is not simulated", {}]))
            return
        answer, follow_up = handler(payload)
        await self._ws.send(json.dumps([3, unique_id, answer]))
        if follow_up is not None:
            self._spawn(follow_up)

    def _on_GetVariables(self, p):
        results = []
        for item in p["getVariableData"]:
            address = address_of(item["component"], item["variable"], item.get("attributeType"))
            var = self.device_model.get(address.key)
            result = {"component": item["component"], "variable": item["variable"]}
            if var is None:
                known = any(k.split("/")[0] == address.key.split("/")[0] for k in self.device_model)
                result["attributeStatus"] = "UnknownVariable" if known else "UnknownComponent"
            elif var.mutability == "WriteOnly":
                result["attributeStatus"] = "Rejected"
            else:
                result.update(attributeStatus="Accepted", attributeValue=var.value)
            results.append(result)
        return {"getVariableResult": results}, None

    def _on_SetVariables(self, p):
        results = []
        for item in p["setVariableData"]:
            address = address_of(item["component"], item["variable"], item.get("attributeType"))
            var = self.device_model.get(address.key)
            if var is None:
                status = "UnknownVariable"
            elif var.mutability == "ReadOnly":
                status = "Rejected"
            else:
                var.value, status = item["attributeValue"], "Accepted"
                if address.key == "SecurityCtrlr/BasicAuthPassword":
                    self.password = item["attributeValue"]
            results.append({"attributeStatus": status, "component": item["component"], "variable": item["variable"]})
        return {"setVariableResult": results}, None

    def _on_SetVariableMonitoring(self, p):
        results = []
        for item in p["setMonitoringData"]:
            address = address_of(item["component"], item["variable"], None)
            result = {"type": item["type"], "severity": item["severity"], "component": item["component"],
                      "variable": item["variable"]}
            if address.key not in self.device_model:
                result["status"] = "UnknownVariable"
            else:
                monitor_id = len(self.monitors) + 1
                self.monitors[monitor_id] = {**item, "id": monitor_id}
                result.update(status="Accepted", id=monitor_id)
            results.append(result)
        return {"setMonitoringResult": results}, None

    def _on_GetBaseReport(self, p):
        return {"status": "Accepted"}, self._report(p["requestId"], p["reportBase"])

    async def _report(self, request_id: int, base: str) -> None:
        data = report_data(self.device_model, base)
        parts = [data[i:i + REPORT_PART] for i in range(0, len(data), REPORT_PART)] or [[]]
        for n, part in enumerate(parts):
            payload = {"requestId": request_id, "generatedAt": _now(), "seqNo": n, "tbc": n < len(parts) - 1}
            if part:
                payload["reportData"] = part
            await self.call("NotifyReport", payload)
        self.reports_done += 1

    def _on_Reset(self, p):
        if p["type"] == "OnIdle" and self.transactions:
            return {"status": "Scheduled"}, None
        return {"status": "Accepted"}, self._reboot()

    async def _reboot(self) -> None:
        for evse in list(self.transactions):
            await self.end_transaction(evse, "ImmediateReset", "ResetCommand")
        await self._ws.close()
        await asyncio.gather(self._reader, return_exceptions=True)
        await self._connect()
        self._accepted.clear()
        await self._boot_loop("RemoteReset")

    def _on_RequestStartTransaction(self, p):
        evse = p.get("evseId") or 1
        if evse in self.transactions or self.availability.get(evse) == "Inoperative":
            return {"status": "Rejected"}, None
        token = p["idToken"]
        return {"status": "Accepted"}, self.start_transaction(evse, token["idToken"], token_type=token["type"],
                                                              remote_start_id=p["remoteStartId"])

    def _on_RequestStopTransaction(self, p):
        for evse, tx in self.transactions.items():
            if tx.id == p["transactionId"]:
                return {"status": "Accepted"}, self.end_transaction(evse, "Remote", "RemoteStop")
        return {"status": "Rejected"}, None

    def _on_GetTransactionStatus(self, p):
        queued = any(a == "TransactionEvent" for a, _ in self.queue)
        answer = {"messagesInQueue": queued}
        if p.get("transactionId"):
            answer["ongoingIndicator"] = any(t.id == p["transactionId"] for t in self.transactions.values())
        return answer, None

    def _on_UnlockConnector(self, p):
        if p["evseId"] > self.evses:
            return {"status": "UnknownConnector"}, None
        if p["evseId"] in self.transactions:
            return {"status": "OngoingAuthorizedTransaction"}, None
        return {"status": "Unlocked"}, None

    def _on_ChangeAvailability(self, p):
        evse = (p.get("evse") or {}).get("id", 0)
        self.availability[evse] = p["operationalStatus"]
        if evse and evse in self.transactions and p["operationalStatus"] == "Inoperative":
            return {"status": "Scheduled"}, None
        status = "Available" if p["operationalStatus"] == "Operative" else "Unavailable"
        targets = [evse] if evse else list(range(1, self.evses + 1))
        return {"status": "Accepted"}, self._statuses(targets, status)

    async def _statuses(self, evses, status: str) -> None:
        for evse in evses:
            await self.status(evse, status)

    async def request_certificate(self, common_name: str | None = None) -> dict:
        """SignCertificate with a new key's CSR (the key waits in `certificate_key` for the answer)."""
        from evdesk.simulator.csr import new_csr

        self.certificate_key, pem = new_csr(common_name or self.identity)
        return await self.call("SignCertificate", {"csr": pem, "certificateType": "ChargingStationCertificate"})

    def _on_InstallCertificate(self, p):
        return {"status": self.certificates.install(p["certificateType"], p["certificate"])}, None

    def _on_GetInstalledCertificateIds(self, p):
        found = self.certificates.ids(p.get("certificateType") or list(self.certificates.installed))
        if not found:
            return {"status": "NotFound"}, None
        return {"status": "Accepted", "certificateHashDataChain": [
            {"certificateType": k, "certificateHashData": h} for k, h in found]}, None

    def _on_DeleteCertificate(self, p):
        return {"status": self.certificates.delete(p["certificateHashData"])}, None

    def _on_CertificateSigned(self, p):
        self.certificate_chain = p["certificateChain"]
        return {"status": "Accepted"}, None

    def _on_TriggerMessage(self, p):
        message = p["requestedMessage"]
        evse = (p.get("evse") or {}).get("id", 1)
        follow = {
            "BootNotification": lambda: self.boot("Triggered"),
            "Heartbeat": self.heartbeat,
            "StatusNotification": lambda: self.status(evse, "Occupied" if evse in self.transactions else "Available"),
            "FirmwareStatusNotification": lambda: self.call("FirmwareStatusNotification", {"status": "Idle"}),
            "LogStatusNotification": lambda: self.call("LogStatusNotification", {"status": "Idle"}),
            "MeterValues": lambda: self.call("MeterValues", {"evseId": evse, "meterValue": [{
                "timestamp": _now(), "sampledValue": [{"value": 1000.0, "measurand": "Energy.Active.Import.Register",
                                                        "context": "Trigger"}]}]}),
            "TransactionEvent": lambda: self._triggered_event(evse),
            "SignChargingStationCertificate": self.request_certificate,
        }.get(message)
        if follow is None:
            return {"status": "NotImplemented"}, None
        return {"status": "Accepted"}, follow()

    async def _triggered_event(self, evse: int) -> None:
        tx = self.transactions.get(evse)
        if tx is not None:
            await self._event("Updated", tx, "Trigger", charging_state="Charging")

    def _on_SetChargingProfile(self, p):
        self.charging_profiles[p["chargingProfile"]["id"]] = {**p["chargingProfile"], "evseId": p["evseId"]}
        return {"status": "Accepted"}, None

    def _on_ClearChargingProfile(self, p):
        pid = p.get("chargingProfileId")
        if pid is not None:
            return {"status": "Accepted" if self.charging_profiles.pop(pid, None) else "Unknown"}, None
        found = bool(self.charging_profiles)
        self.charging_profiles.clear()
        return {"status": "Accepted" if found else "Unknown"}, None

    def _on_GetChargingProfiles(self, p):
        if not self.charging_profiles:
            return {"status": "NoProfiles"}, None
        return {"status": "Accepted"}, self._report_profiles(p["requestId"])

    async def _report_profiles(self, request_id: int) -> None:
        by_evse: dict[int, list] = {}
        for profile in self.charging_profiles.values():
            body = {k: v for k, v in profile.items() if k != "evseId"}
            by_evse.setdefault(profile["evseId"], []).append(body)
        for evse, profiles in by_evse.items():
            await self.call("ReportChargingProfiles", {"requestId": request_id, "chargingLimitSource": "CSO",
                                                       "evseId": evse, "chargingProfile": profiles})

    def _on_GetCompositeSchedule(self, p):
        limit = min((pp["limit"] for prof in self.charging_profiles.values() for s in prof["chargingSchedule"]
                     for pp in s["chargingSchedulePeriod"]), default=32.0)
        return {"status": "Accepted", "schedule": {
            "evseId": p["evseId"], "duration": p["duration"], "scheduleStart": _now(),
            "chargingRateUnit": p.get("chargingRateUnit") or "A",
            "chargingSchedulePeriod": [{"startPeriod": 0, "limit": limit}]}}, None

    def _on_UpdateFirmware(self, p):
        return {"status": "Accepted"}, self._firmware(p["requestId"])

    async def _firmware(self, request_id: int) -> None:
        for status in ("Downloading", "Downloaded", "Installing", "Installed"):
            await self.call("FirmwareStatusNotification", {"status": status, "requestId": request_id})

    def _on_GetLog(self, p):
        return {"status": "Accepted", "filename": f"{self.identity}-diagnostics.log"}, self._log_upload(p["requestId"])

    async def _log_upload(self, request_id: int) -> None:
        for status in ("Uploading", "Uploaded"):
            await self.call("LogStatusNotification", {"status": status, "requestId": request_id})

    def _on_SendLocalList(self, p):
        if p["updateType"] == "Full":
            self.local_list.clear()
        for entry in p.get("localAuthorizationList") or ():
            token = entry["idToken"]["idToken"]
            if entry.get("idTokenInfo"):
                self.local_list[token] = entry["idTokenInfo"]
            else:
                self.local_list.pop(token, None)
        self.local_list_version = p["versionNumber"]
        return {"status": "Accepted"}, None

    def _on_GetLocalListVersion(self, p):
        return {"versionNumber": self.local_list_version}, None

    def _on_ReserveNow(self, p):
        self.reservations[p["id"]] = p
        return {"status": "Accepted"}, None

    def _on_CancelReservation(self, p):
        return {"status": "Accepted" if self.reservations.pop(p["reservationId"], None) else "Rejected"}, None

    def _on_ClearCache(self, p):
        return {"status": "Accepted"}, None

    def _on_DataTransfer(self, p):
        return {"status": "UnknownVendorId"}, None
