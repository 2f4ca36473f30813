"""How a simulated station answers CSMS-initiated OCPP 1.6 calls.

:class:`StationLink` is the ocpp ChargePoint for one websocket connection; its
handlers decide the answer synchronously (see operations.py) and schedule
follow-up messages with ``station._defer`` so that they go out after the
CALLRESULT.
"""

from __future__ import annotations

import contextvars
import logging
from dataclasses import dataclass
from datetime import datetime

from ocpp.routing import on
from ocpp.v16 import ChargePoint, call_result
from ocpp.v16.enums import Action

from .clock import iso_z

log = logging.getLogger("evdesk.simulator")
ocpp_log = logging.getLogger("evdesk.simulator.ocpp")
if ocpp_log.level == logging.NOTSET:
    # The ocpp library logs every frame at INFO; for simulated stations that is
    # noise next to the CSMS's own log. Lower this logger's level to see them.
    ocpp_log.setLevel(logging.WARNING)

# Outcomes of a station's attempt to send a CALL (besides a result or None).
LOST = object()  # not sent: no (accepted) connection, or it dropped meanwhile
QUEUED = object()  # went to the offline queue

# Follow-ups registered while a CSMS call is being answered.
DEFERRED: contextvars.ContextVar[list | None] = contextvars.ContextVar(
    "evdesk_sim_deferred", default=None
)

TRIGGERABLE = {
    "BootNotification",
    "Heartbeat",
    "StatusNotification",
    "MeterValues",
    "FirmwareStatusNotification",
    "DiagnosticsStatusNotification",
}


@dataclass
class ReceivedCall:
    """A CALL the CSMS sent to the station (payload as sent, camelCase)."""

    action: str
    payload: dict
    unique_id: str
    at: datetime | None = None  # station clock when it arrived


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

    # -- security extension (OCPP 1.6 security whitepaper) ------------------------
    @on(Action.extended_trigger_message)
    def on_extended_trigger_message(self, requested_message, connector_id=None, **_):
        if str(requested_message) != "SignChargePointCertificate":
            return call_result.ExtendedTriggerMessage(status="NotImplemented")
        self.station._defer(self.station.request_certificate)
        return call_result.ExtendedTriggerMessage(status="Accepted")

    @on(Action.certificate_signed)
    def on_certificate_signed(self, certificate_chain, **_):
        self.station.certificate_chain = certificate_chain
        return call_result.CertificateSigned(status="Accepted")

    @on(Action.install_certificate)
    def on_install_certificate(self, certificate_type, certificate, **_):
        return call_result.InstallCertificate(status=self.station.certificates.install(str(certificate_type),
                                                                                       certificate))

    @on(Action.get_installed_certificate_ids)
    def on_get_installed_certificate_ids(self, certificate_type, **_):
        found = self.station.certificates.ids([str(certificate_type)])
        if not found:
            return call_result.GetInstalledCertificateIds(status="NotFound")
        return call_result.GetInstalledCertificateIds(status="Accepted", certificate_hash_data=[h for _k, h in found])

    @on(Action.delete_certificate)
    def on_delete_certificate(self, certificate_hash_data, **_):
        camel = {"hash_algorithm": "hashAlgorithm", "issuer_name_hash": "issuerNameHash",
                 "issuer_key_hash": "issuerKeyHash", "serial_number": "serialNumber"}
        data = {camel.get(k, k): v for k, v in certificate_hash_data.items()}
        return call_result.DeleteCertificate(status=self.station.certificates.delete(data))

    @on(Action.get_log)
    def on_get_log(self, log, log_type, request_id, **_):
        self.station._defer(self.station._security_notifications, "LogStatusNotification", request_id,
                            ("Uploading", "Uploaded"))
        return call_result.GetLog(status="Accepted", filename=f"{self.station.identity}-{log_type}.log")

    @on(Action.signed_update_firmware)
    def on_signed_update_firmware(self, request_id, firmware, **_):
        self.station._defer(self.station._security_notifications, "SignedFirmwareStatusNotification", request_id,
                            ("Downloading", "Downloaded", "SignatureVerified", "Installing", "Installed"))
        return call_result.SignedUpdateFirmware(status="Accepted")

    @on(Action.get_diagnostics)
    def on_get_diagnostics(self, location, **_):
        st = self.station
        name = f"{st.identity}-diagnostics-{st.clock.now().strftime('%Y%m%d%H%M%S')}.log"
        st._defer(st._diagnostics_upload, location, name)
        return call_result.GetDiagnostics(file_name=name)
