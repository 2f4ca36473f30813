"""How a simulated station answers CSMS-initiated OCPP 1.6 calls.

:class:`StationLink` is the ocpp ChargePoint for one websocket connection; its
handlers decide the answer synchronously and schedule follow-up messages with
``station._defer`` so that they go out after the CALLRESULT.
:class:`OperationsMixin` holds those follow-ups (firmware, diagnostics, reset,
triggered messages).
"""

from __future__ import annotations

import logging
import re

from ocpp.routing import on
from ocpp.v16 import ChargePoint, call, call_result
from ocpp.v16.enums import Action

from .clock import iso_z, parse_iso

log = logging.getLogger("evdesk.simulator")
ocpp_log = logging.getLogger("evdesk.simulator.ocpp")

TRIGGERABLE = {
    "BootNotification",
    "Heartbeat",
    "StatusNotification",
    "MeterValues",
    "FirmwareStatusNotification",
    "DiagnosticsStatusNotification",
}


class StationLink(ChargePoint):
    """The ocpp-library end of one connection of a SimulatedStation."""

    def __init__(self, station, connection) -> None:
        super().__init__(
            station.identity, connection, response_timeout=station.response_timeout, logger=ocpp_log
        )
        self.station = station
        self.closed = False

    # -- core profile --------------------------------------------------------
    @on(Action.remote_start_transaction)
    def on_remote_start_transaction(self, id_tag, connector_id=None, charging_profile=None, **_):
        status = self.station.remote_start(id_tag, connector_id, charging_profile)
        return call_result.RemoteStartTransaction(status=status)

    @on(Action.remote_stop_transaction)
    def on_remote_stop_transaction(self, transaction_id, **_):
        return call_result.RemoteStopTransaction(status=self.station.remote_stop(transaction_id))

    @on(Action.reset)
    def on_reset(self, type, **_):  # noqa: A002 - OCPP field name
        self.station._defer(self.station._do_reset, str(type))
        return call_result.Reset(status="Accepted")

    @on(Action.unlock_connector)
    def on_unlock_connector(self, connector_id, **_):
        st = self.station
        if connector_id == 0 or connector_id not in st.connectors:
            return call_result.UnlockConnector(status="NotSupported")
        if st.connectors[connector_id].charging:
            st._defer(st.stop_charging, connector_id, "UnlockCommand")
        return call_result.UnlockConnector(status="Unlocked")

    @on(Action.change_availability)
    def on_change_availability(self, connector_id, type, **_):  # noqa: A002
        return call_result.ChangeAvailability(
            status=self.station.change_availability(connector_id, str(type))
        )

    @on(Action.get_configuration)
    def on_get_configuration(self, key=None, **_):
        known, unknown = self.station.config.report(key)
        return call_result.GetConfiguration(configuration_key=known, unknown_key=unknown or None)

    @on(Action.change_configuration)
    def on_change_configuration(self, key, value, **_):
        st = self.station
        status, entry = st.config.change(key, value)
        if status in ("Accepted", "RebootRequired") and entry is not None:
            st._config_changed(entry.name, entry.value)
        return call_result.ChangeConfiguration(status=status)

    @on(Action.clear_cache)
    def on_clear_cache(self, **_):
        self.station.auth_cache.clear()
        return call_result.ClearCache(status="Accepted")

    @on(Action.data_transfer)
    def on_data_transfer(self, vendor_id, message_id=None, data=None, **_):
        if vendor_id not in ("evdesk", self.station.vendor):
            return call_result.DataTransfer(status="UnknownVendorId")
        return call_result.DataTransfer(status="Accepted", data=data)

    # -- remote trigger ------------------------------------------------------
    @on(Action.trigger_message)
    def on_trigger_message(self, requested_message, connector_id=None, **_):
        st = self.station
        if connector_id is not None and connector_id not in st.connectors:
            return call_result.TriggerMessage(status="Rejected")
        if str(requested_message) not in TRIGGERABLE:
            return call_result.TriggerMessage(status="NotImplemented")
        st._defer(st._triggered, str(requested_message), connector_id)
        return call_result.TriggerMessage(status="Accepted")

    # -- smart charging ------------------------------------------------------
    @on(Action.set_charging_profile)
    def on_set_charging_profile(self, connector_id, cs_charging_profiles, **_):
        status = self.station._install_profile(connector_id, cs_charging_profiles)
        return call_result.SetChargingProfile(status=status)

    @on(Action.clear_charging_profile)
    def on_clear_charging_profile(self, id=None, connector_id=None, charging_profile_purpose=None,  # noqa: A002
                                  stack_level=None, **_):
        st = self.station
        for c in st._charge_connectors():
            if c.charging:
                st._advance(c)
        removed = st.profiles.clear(id, connector_id, charging_profile_purpose, stack_level)
        return call_result.ClearChargingProfile(status="Accepted" if removed else "Unknown")

    @on(Action.get_composite_schedule)
    def on_get_composite_schedule(self, connector_id, duration, charging_rate_unit=None, **_):
        st = self.station
        unit = str(charging_rate_unit or "W")
        allowed = st.config.get_list("ChargingScheduleAllowedChargingRateUnit")
        if connector_id not in st.connectors or {"A": "Current", "W": "Power"}.get(unit) not in allowed:
            return call_result.GetCompositeSchedule(status="Rejected")
        now = st.clock.now()
        c = st.connectors[connector_id]
        schedule = st.profiles.composite(
            connector_id, now, int(duration), unit, st.max_power_w,
            tx_start=c.session_start, tx_id=c.transaction_id,
        )
        return call_result.GetCompositeSchedule(
            status="Accepted", connector_id=connector_id, schedule_start=iso_z(now),
            charging_schedule=schedule,
        )

    # -- reservation ---------------------------------------------------------
    @on(Action.reserve_now)
    def on_reserve_now(self, connector_id, expiry_date, id_tag, reservation_id, parent_id_tag=None, **_):
        status = self.station.reserve(connector_id, expiry_date, id_tag, reservation_id, parent_id_tag)
        return call_result.ReserveNow(status=status)

    @on(Action.cancel_reservation)
    def on_cancel_reservation(self, reservation_id, **_):
        return call_result.CancelReservation(status=self.station.cancel_reservation(reservation_id))

    # -- local auth list -----------------------------------------------------
    @on(Action.send_local_list)
    def on_send_local_list(self, list_version, update_type, local_authorization_list=None, **_):
        status = self.station.send_local_list(list_version, str(update_type), local_authorization_list)
        return call_result.SendLocalList(status=status)

    @on(Action.get_local_list_version)
    def on_get_local_list_version(self, **_):
        return call_result.GetLocalListVersion(list_version=self.station.get_local_list_version())

    # -- firmware management -------------------------------------------------
    @on(Action.update_firmware)
    def on_update_firmware(self, location, retrieve_date, retries=None, retry_interval=None, **_):
        self.station._defer(self.station._firmware_update, location, retrieve_date)
        return call_result.UpdateFirmware()

    @on(Action.get_diagnostics)
    def on_get_diagnostics(self, location, **_):
        st = self.station
        name = f"{st.identity}-diagnostics-{st.clock.now().strftime('%Y%m%d%H%M%S')}.log"
        st._defer(st._diagnostics_upload, location, name)
        return call_result.GetDiagnostics(file_name=name)


def _next_version(current: str, location: str) -> str:
    found = re.findall(r"(\d+(?:\.\d+)+)", location.rsplit("/", 1)[-1])
    if found:
        return found[-1]
    parts = current.split(".")
    for i in range(len(parts) - 1, -1, -1):
        if parts[i].isdigit():
            parts[i] = str(int(parts[i]) + 1)
            return ".".join(parts)
    return current + ".1"


class OperationsMixin:
    """Follow-up work of CSMS-initiated calls (runs after the answer is sent)."""

    FIRMWARE_STEP = 2.0  # simulated seconds per firmware/diagnostics step

    def _config_changed(self, name: str, value: str) -> None:
        if name == "HeartbeatInterval":
            self._hb_changed.set()
        elif name == "ClockAlignedDataInterval":
            self._ensure_aligned()
        elif name == "AuthorizationKey":
            self.password = value  # used from the next connection on

    async def _do_reset(self, kind: str) -> None:
        log.info("%s: %s reset", self.identity, kind)
        await self.reboot("HardReset" if kind == "Hard" else "SoftReset")

    async def _triggered(self, message: str, connector_id: int | None) -> None:
        if message == "BootNotification":
            result = await self._send(self._boot_payload(), force=True)
            if hasattr(result, "status"):
                self._apply_boot_result(result)
        elif message == "Heartbeat":
            await self._send(call.Heartbeat(), force=True)
        elif message == "StatusNotification":
            ids = sorted(self.connectors) if connector_id is None else [connector_id]
            for cid in ids:
                await self._send_status(cid, force=True)
        elif message == "MeterValues":
            ids = [c.id for c in self._charge_connectors()] if not connector_id else [connector_id]
            for cid in ids:
                await self._send_meter_values(self.connectors[cid], "Trigger")
        elif message == "FirmwareStatusNotification":
            await self._send(call.FirmwareStatusNotification(status=self.firmware_status), force=True)
        elif message == "DiagnosticsStatusNotification":
            await self._send(call.DiagnosticsStatusNotification(status=self.diagnostics_status), force=True)

    async def _firmware_status(self, status: str) -> None:
        self.firmware_status = status
        await self._send(call.FirmwareStatusNotification(status=status))

    async def _firmware_update(self, location: str, retrieve_date: str) -> None:
        when = parse_iso(retrieve_date)
        if when is not None:
            await self.clock.sleep((when - self.clock.now()).total_seconds())
        step = self.FIRMWARE_STEP
        await self._firmware_status("Downloading")
        await self.clock.sleep(step)
        if self.firmware_failure == "download":
            await self._firmware_status("DownloadFailed")
            return
        await self._firmware_status("Downloaded")
        while any(c.charging for c in self._charge_connectors()):
            await self.clock.sleep(10)  # install only between sessions
        await self._firmware_status("Installing")
        await self.clock.sleep(step)
        if self.firmware_failure == "install":
            await self._firmware_status("InstallationFailed")
            return
        await self._firmware_status("Installed")
        self._pending_firmware = _next_version(self.firmware, location)
        log.info("%s: firmware %s installed, rebooting", self.identity, self._pending_firmware)
        await self.reboot("Reboot")

    async def _diagnostics_upload(self, location: str, name: str) -> None:
        step = self.FIRMWARE_STEP
        await self.clock.sleep(step / 2)
        self.diagnostics_status = "Uploading"
        await self._send(call.DiagnosticsStatusNotification(status="Uploading"))
        await self.clock.sleep(step)
        self.diagnostics_status = "Uploaded"
        await self._send(call.DiagnosticsStatusNotification(status="Uploaded"))
        self.diagnostics_status = "Idle"
