"""What one benchmark charger knows and how it answers the central system (used by chargers.py).

Independent of evdesk: plain dicts and hand-written OCPP 1.6J payloads, no `ocpp`
library, nothing imported from evdesk. The answers follow what real chargers do
(OCPP 1.6 edition 2, section 5 "Operations initiated by Central System").
"""

from __future__ import annotations

import asyncio
import time
from datetime import datetime, timezone

FEATURE_PROFILES = "Core,FirmwareManagement,LocalAuthListManagement,Reservation,SmartCharging,RemoteTrigger"

# key -> (value, read-only); a typical wallbox/DC charger's 1.6 key set
def default_configuration(connectors: int, meter_interval: int) -> dict[str, list]:
    return {k: [v, ro] for k, (v, ro) in {
        "AllowOfflineTxForUnknownId": ("false", False),
        "AuthorizationCacheEnabled": ("true", False),
        "AuthorizeRemoteTxRequests": ("true", False),
        "ClockAlignedDataInterval": ("0", False),
        "ConnectionTimeOut": ("60", False),
        "ConnectorPhaseRotation": ("0.RST", False),
        "GetConfigurationMaxKeys": ("50", True),
        "HeartbeatInterval": ("300", False),
        "LocalAuthorizeOffline": ("true", False),
        "LocalPreAuthorize": ("true", False),
        "MeterValuesAlignedData": ("Energy.Active.Import.Register", False),
        "MeterValuesSampledData": ("Energy.Active.Import.Register,Power.Active.Import,Current.Import,Voltage,SoC", False),
        "MeterValueSampleInterval": (str(meter_interval), False),
        "NumberOfConnectors": (str(connectors), True),
        "ResetRetries": ("3", False),
        "StopTransactionOnEVSideDisconnect": ("true", False),
        "StopTransactionOnInvalidId": ("true", False),
        "StopTxnAlignedData": ("", False),
        "StopTxnSampledData": ("Energy.Active.Import.Register", False),
        "SupportedFeatureProfiles": (FEATURE_PROFILES, True),
        "TransactionMessageAttempts": ("3", False),
        "TransactionMessageRetryInterval": ("60", False),
        "UnlockConnectorOnEVSideDisconnect": ("true", False),
        "WebSocketPingInterval": ("60", False),
        "LocalAuthListEnabled": ("true", False),
        "LocalAuthListMaxLength": ("1000", True),
        "SendLocalListMaxLength": ("100", True),
        "ChargeProfileMaxStackLevel": ("8", True),
        "ChargingScheduleAllowedChargingRateUnit": ("Current,Power", True),
        "ChargingScheduleMaxPeriods": ("24", True),
        "MaxChargingProfilesInstalled": ("10", True),
        "ReserveConnectorZeroSupported": ("false", True),
    }.items()}


WRITE_ONLY = {"AuthorizationKey"}  # accepted, never shown (OCPP 1.6 security whitepaper)
REBOOT_REQUIRED = {"ConnectorPhaseRotation", "WebSocketPingInterval"}
INTEGER_KEYS = {"HeartbeatInterval", "MeterValueSampleInterval", "ClockAlignedDataInterval", "ConnectionTimeOut",
                "ResetRetries", "TransactionMessageAttempts", "TransactionMessageRetryInterval", "WebSocketPingInterval"}
BOOLEAN_KEYS = {"AllowOfflineTxForUnknownId", "AuthorizationCacheEnabled", "AuthorizeRemoteTxRequests",
                "LocalAuthorizeOffline", "LocalPreAuthorize", "StopTransactionOnEVSideDisconnect",
                "StopTransactionOnInvalidId", "UnlockConnectorOnEVSideDisconnect", "LocalAuthListEnabled"}
TRIGGERABLE = {"BootNotification", "DiagnosticsStatusNotification", "FirmwareStatusNotification", "Heartbeat",
               "MeterValues", "StatusNotification"}


def iso_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _expired(tag_info: dict) -> bool:
    expiry = tag_info.get("expiryDate")
    if not expiry:
        return False
    try:
        return datetime.fromisoformat(expiry.replace("Z", "+00:00")) <= datetime.now(timezone.utc)
    except ValueError:
        return False


class ChargerState:
    """Configuration, local authorization list and cache of one charger."""

    def __init__(self, connectors: int, meter_interval: int):
        self.config = default_configuration(connectors, meter_interval)
        self.list_version = 0
        self.local_list: dict[str, dict] = {}
        self.cache: dict[str, dict] = {}
        self.secrets: dict[str, str] = {}

    def get(self, key: str) -> str:
        return self.config[key][0]

    def get_int(self, key: str, default: int) -> int:
        try:
            return int(self.config[key][0])
        except (KeyError, ValueError):
            return default

    def enabled(self, key: str) -> bool:
        return self.config.get(key, ["false"])[0].lower() == "true"

    def authorized_locally(self, id_tag: str) -> bool:
        """LocalPreAuthorize: a tag Accepted in the local list (or the cache) needs no Authorize."""
        if not self.enabled("LocalPreAuthorize"):
            return False
        for source, on in ((self.local_list, self.enabled("LocalAuthListEnabled")),
                           (self.cache, self.enabled("AuthorizationCacheEnabled"))):
            info = source.get(id_tag) if on else None
            if info is not None:
                return info.get("status") == "Accepted" and not _expired(info)
        return False

    def remember(self, id_tag: str, tag_info: dict | None) -> None:
        if tag_info and self.enabled("AuthorizationCacheEnabled"):
            self.cache[id_tag] = tag_info

    # -- answers to configuration and local-list calls ---------------------------------
    def get_configuration(self, payload: dict) -> dict:
        asked = payload.get("key")
        if not asked:
            return {"configurationKey": [{"key": k, "readonly": ro, "value": v} for k, (v, ro) in self.config.items()]}
        known, unknown = [], []
        for key in asked:
            if key in self.config:
                value, ro = self.config[key]
                known.append({"key": key, "readonly": ro, "value": value})
            else:
                unknown.append(key)
        out: dict = {"configurationKey": known}
        if unknown:
            out["unknownKey"] = unknown
        return out

    def change_configuration(self, payload: dict) -> tuple[dict, str | None]:
        """The answer, and the key whose new value the charger must apply now (or None)."""
        key, value = str(payload.get("key", "")), str(payload.get("value", ""))
        if key in WRITE_ONLY:
            self.secrets[key] = value
            return {"status": "Accepted"}, None
        if key not in self.config:
            return {"status": "NotSupported"}, None
        if self.config[key][1]:
            return {"status": "Rejected"}, None
        if key in INTEGER_KEYS and not (value.isdigit() and int(value) >= 0):
            return {"status": "Rejected"}, None
        if key in BOOLEAN_KEYS and value.lower() not in ("true", "false"):
            return {"status": "Rejected"}, None
        self.config[key][0] = value
        if key in REBOOT_REQUIRED:
            return {"status": "RebootRequired"}, None
        return {"status": "Accepted"}, key

    def get_local_list_version(self) -> dict:
        return {"listVersion": self.list_version if self.enabled("LocalAuthListEnabled") else -1}

    def send_local_list(self, payload: dict) -> dict:
        if not self.enabled("LocalAuthListEnabled"):
            return {"status": "NotSupported"}
        version = payload.get("listVersion")
        entries = payload.get("localAuthorizationList") or []
        if not isinstance(version, int) or len(entries) > self.get_int("SendLocalListMaxLength", 100):
            return {"status": "Failed"}
        kind = payload.get("updateType")
        if kind == "Full":
            new = {}
        elif kind == "Differential":
            if version <= self.list_version:
                return {"status": "VersionMismatch"}
            new = dict(self.local_list)
        else:
            return {"status": "Failed"}
        for entry in entries:
            tag = entry.get("idTag")
            if not isinstance(tag, str):
                return {"status": "Failed"}
            if "idTagInfo" in entry:
                new[tag] = entry["idTagInfo"]
            else:
                new.pop(tag, None)
        if len(new) > self.get_int("LocalAuthListMaxLength", 1000):
            return {"status": "Failed"}
        self.local_list, self.list_version = new, version
        for tag in new:
            self.cache.pop(tag, None)  # the list wins over the cache
        return {"status": "Accepted"}

    def clear_cache(self) -> dict:
        self.cache.clear()
        return {"status": "Accepted"}


def meter_sample(energy_wh: int, power_w: int, context: str) -> list[dict]:
    amps = round(power_w / 3 / 230.0, 1)
    sampled = [
        {"value": str(energy_wh), "context": context, "measurand": "Energy.Active.Import.Register", "unit": "Wh"},
        {"value": str(power_w), "context": context, "measurand": "Power.Active.Import", "unit": "W"},
    ]
    for phase in ("L1", "L2", "L3"):
        sampled.append({"value": f"{amps}", "context": context, "measurand": "Current.Import", "unit": "A", "phase": phase})
    sampled.append({"value": "230.4", "context": context, "measurand": "Voltage", "unit": "V", "phase": "L1-N"})
    sampled.append({"value": "57", "context": context, "measurand": "SoC", "unit": "Percent"})
    return sampled


def transaction_data(start_at: str, meter_start: int, stop_at: str, meter_stop: int) -> list[dict]:
    def reading(at, wh, ctx):
        return {"timestamp": at, "sampledValue": [
            {"value": str(wh), "context": ctx, "measurand": "Energy.Active.Import.Register", "unit": "Wh"}]}

    return [reading(start_at, meter_start, "Transaction.Begin"), reading(stop_at, meter_stop, "Transaction.End")]


class CentralSystemCalls:
    """Part of a benchmark charger: its answer to every call the central system makes.

    Each ``on_<Action>(payload)`` returns (answer payload, coroutine to run after the
    answer was sent, or None). Expects of the charger: state, connectors, stats,
    accepted, boot_now, ws, call(), status(), meter_values().
    """

    def on_GetConfiguration(self, p):
        return self.state.get_configuration(p), None

    def on_ChangeConfiguration(self, p):
        answer, applied = self.state.change_configuration(p)
        if applied in ("MeterValueSampleInterval", "ClockAlignedDataInterval"):
            for c in self.connectors.values():
                c.wake.set()
        return answer, None

    def on_GetLocalListVersion(self, p):
        return self.state.get_local_list_version(), None

    def on_SendLocalList(self, p):
        return self.state.send_local_list(p), None

    def on_ClearCache(self, p):
        return self.state.clear_cache(), None

    def on_DataTransfer(self, p):
        return {"status": "UnknownVendorId"}, None

    def on_TriggerMessage(self, p):
        what, cid = p.get("requestedMessage"), p.get("connectorId")
        if what not in TRIGGERABLE:
            return {"status": "NotImplemented"}, None
        if cid is not None and cid != 0 and cid not in self.connectors:
            return {"status": "Rejected"}, None
        return {"status": "Accepted"}, self._triggered(what, cid)

    async def _triggered(self, what: str, cid: int | None) -> None:
        if what == "BootNotification":
            if not self.accepted:
                self.boot_now.set()
                return
            answer = await self.call("BootNotification", {"chargePointVendor": "BenchVendor", "chargePointModel": "AC22-2"})
            self.stats.boots[(answer or {}).get("status", "none")] += 1
        elif what == "Heartbeat":
            await self.call("Heartbeat", {})
        elif what == "StatusNotification":
            for n in ([cid] if cid is not None else [0, *self.connectors]):
                await self.status(n, "Available" if n == 0 else self.connectors[n].status)
        elif what == "MeterValues":
            for c in ([self.connectors[cid]] if cid else self.connectors.values()):
                await self.meter_values(c, "Trigger")
        elif what == "FirmwareStatusNotification":
            await self.call("FirmwareStatusNotification", {"status": "Idle"})
        else:
            await self.call("DiagnosticsStatusNotification", {"status": "Idle"})

    def on_RemoteStartTransaction(self, p):
        cid = p.get("connectorId") or next((c.id for c in self.connectors.values()
                                            if c.tx is None and c.status == "Available" and c.operative), None)
        c = self.connectors.get(cid)
        if c is None or not c.operative or c.tx is not None or c.status not in ("Available", "Preparing"):
            return {"status": "Rejected"}, None
        c.remote_tag = p.get("idTag")
        c.wake.set()
        return {"status": "Accepted"}, None

    def on_RemoteStopTransaction(self, p):
        for c in self.connectors.values():
            if c.tx is not None and c.tx == p.get("transactionId"):
                c.stop_reason = "Remote"
                c.wake.set()
                return {"status": "Accepted"}, None
        return {"status": "Rejected"}, None

    def on_Reset(self, p):
        return {"status": "Accepted"}, self._reset("HardReset" if p.get("type") == "Hard" else "SoftReset")

    async def _reset(self, reason: str) -> None:
        self.stats.resets += 1
        running = [c for c in self.connectors.values() if c.tx is not None]
        for c in running:
            c.stop_reason = reason
            c.wake.set()
        deadline = time.monotonic() + 30
        while any(c.tx is not None for c in running) and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        self.reboot_after = 5.0  # then it comes back and boots
        if self.ws is not None:
            await self.ws.close()

    def on_ChangeAvailability(self, p):
        cid, operative = p.get("connectorId"), p.get("type") == "Operative"
        targets = list(self.connectors.values()) if cid == 0 else [self.connectors[cid]] if cid in self.connectors else []
        if not targets:
            return {"status": "Rejected"}, None
        busy = any(c.tx is not None for c in targets) and not operative
        for c in targets:
            c.operative = operative
            c.wake.set()
        return {"status": "Scheduled" if busy else "Accepted"}, self._availability(targets, busy)

    async def _availability(self, targets, busy: bool) -> None:
        for c in targets:
            if c.tx is None:
                await self.status(c.id, "Available" if c.operative else "Unavailable")

    def on_UnlockConnector(self, p):
        c = self.connectors.get(p.get("connectorId"))
        if c is None:
            return {"status": "NotSupported"}, None
        if c.tx is not None:
            c.stop_reason = "UnlockCommand"
            c.wake.set()
        return {"status": "Unlocked"}, None

    def on_SetChargingProfile(self, p):
        return {"status": "Accepted"}, None

    def on_ClearChargingProfile(self, p):
        return {"status": "Unknown"}, None

    def on_GetCompositeSchedule(self, p):
        return {"status": "Rejected"}, None

    def on_ReserveNow(self, p):
        return {"status": "Rejected"}, None

    def on_CancelReservation(self, p):
        return {"status": "Rejected"}, None

    def on_GetDiagnostics(self, p):
        return {}, None

    def on_UpdateFirmware(self, p):
        return {}, None


