"""OCPP 2.0.1: what a charging station may send, answered through the core services.

Blocks (CSMS side): B provisioning (BootNotification incl. Pending, NotifyReport kept as
the device model), C authorization (Authorize; idToken types; groupIdToken), E
transactions (TransactionEvent, see `transactions.py`), G availability (StatusNotification
per EVSE/connector, Heartbeat), J meter values, K ReportChargingProfiles, L
FirmwareStatusNotification, N LogStatusNotification and NotifyEvent (into the station's
event feed), P DataTransfer, H ReservationStatusUpdate, A SecurityEventNotification
(kept in the event feed).

Rules: connector numbers follow `core.device_model` (evse id + connector id → evdesk
connector). 2.0.1 connector states map onto evdesk's (1.6) states so screens, sessions and
notification rules read them alike: Available, Reserved, Unavailable, Faulted are the same
words; Occupied is Charging while a session runs on it, Preparing otherwise (a TransactionEvent
with chargingState refines it: EVConnected → Preparing, Charging → Charging, SuspendedEV /
SuspendedEVSE as such, Idle → Finishing). A token of type NoAuthorization is judged as
the empty id: only a free-charging station lets it charge.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime, timezone

from ocpp.v201 import call, call_result
from ocpp.v201.enums import Action

from evdesk.core import events as ev
from evdesk.core.authorization import Decision
from evdesk.core.clock import utcnow
from evdesk.core.device_model import address_from_ocpp, connector_number
from evdesk.core.tasks import spawn
from evdesk.csms.csr_handler import answer_csr
from evdesk.csms.connection import StationConnection, handles
from evdesk.csms.redaction import MASK, is_secret_key
from evdesk.csms.v201.transactions import TransactionEvents, meter_values_16
from evdesk.store.repos import config as config_repo

log = logging.getLogger(__name__)

CHARGING_STATES = {"EVConnected": "Preparing", "Charging": "Charging", "SuspendedEV": "SuspendedEV",
                   "SuspendedEVSE": "SuspendedEVSE", "Idle": "Finishing"}


def _iso(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def id_token_info(decision: Decision) -> dict:
    """IdTokenInfoType (camelCase) of a decision: status, cache expiry, the group token."""
    info: dict = {"status": decision.status}
    if decision.expiry is not None:
        info["cacheExpiryDateTime"] = _iso(decision.expiry)
    if decision.token is not None and decision.token.parent_uid:
        info["groupIdToken"] = {"idToken": decision.token.parent_uid[:36], "type": "Central"}
    return info


class StationConnection201(StationConnection):
    """Handlers hold no rules beyond the mapping: each validates, calls a core service, and answers."""

    ocpp_version = "2.0.1"
    subprotocol = "ocpp2.0.1"
    known_actions = frozenset(a.value for a in Action)
    call_results = call_result

    def __init__(self, info, websocket, services, transactions: TransactionEvents, on_boot_accepted=None,
                 on_start=None):
        super().__init__(info, websocket, services)
        self.transactions = transactions
        self._on_boot_accepted = on_boot_accepted
        self._on_start = on_start

    # -- B provisioning ------------------------------------------------------
    @handles("BootNotification")
    async def on_boot_notification(self, charging_station, reason, **_):
        services = self.services
        decision = services.stations.decide_boot(self.info)
        modem = charging_station.get("modem") or {}
        details = {"charge_point_vendor": charging_station.get("vendor_name", ""),
                   "charge_point_model": charging_station.get("model", ""),
                   "charge_point_serial_number": charging_station.get("serial_number", ""),
                   "firmware_version": charging_station.get("firmware_version", ""),
                   "iccid": modem.get("iccid", ""), "imsi": modem.get("imsi", ""), "ocpp_version": "2.0.1"}
        await services.stations.record_boot(self.info, details, decision)
        self.boot_seen = True
        if decision.status == "Accepted":
            self.booted_at = time.monotonic()
            if self._on_boot_accepted is not None:
                spawn(self._on_boot_accepted(self), name=f"after-boot {self.id}")
        return call_result.BootNotification(current_time=_iso(utcnow()), interval=decision.interval,
                                            status=decision.status)

    @handles("NotifyReport")
    async def on_notify_report(self, request_id, generated_at, seq_no, report_data=None, **_):
        """A part of a report (GetBaseReport / GetReport): its variables stored as device-model keys."""
        rows = []
        for item in report_data or ():
            component, variable = item.get("component") or {}, item.get("variable") or {}
            for attribute in item.get("variable_attribute") or ():
                address = address_from_ocpp(component, variable, attribute.get("type"))
                value = attribute.get("value")
                if value is not None and (is_secret_key(address.variable) or address.variable == "BasicAuthPassword"):
                    value = MASK
                rows.append((address.key, value, attribute.get("mutability") == "ReadOnly"))
        if rows:
            await self.services.batch.call(config_repo.store_configuration, self.info.id, rows, False, [], utcnow())
            self.services.bus.publish(ev.DeviceModelReported(self.info.id, len(rows)))
        return call_result.NotifyReport()

    # -- G availability ------------------------------------------------------
    @handles("Heartbeat")
    def on_heartbeat(self, **_):
        return call_result.Heartbeat(current_time=_iso(utcnow()))

    @handles("StatusNotification")
    def on_status_notification(self, timestamp, connector_status, evse_id, connector_id, **_):
        number = connector_number(evse_id, connector_id)
        status = connector_status
        if status == "Occupied":
            status = "Charging" if self.services.transactions.active_on(self.info.id, number) else "Preparing"
        self.services.status.status_notification(self.info, number, status, "NoError", "", timestamp)
        return call_result.StatusNotification()

    # -- C authorization -----------------------------------------------------
    @handles("Authorize")
    async def on_authorize(self, id_token, **_):
        decision = await self.services.auth.authorize(self.info, None, _token_text(id_token), "Authorize")
        return call_result.Authorize(id_token_info=id_token_info(decision))

    # -- E transactions, J meter values ----------------------------------------
    @handles("TransactionEvent")
    async def on_transaction_event(self, event_type, timestamp, trigger_reason, seq_no, transaction_info, **kw):
        id_token = kw.get("id_token")
        if id_token is not None and id_token.get("type") == "NoAuthorization":
            id_token = {**id_token, "id_token": ""}
        outcome = await self.transactions.handle(
            self.info, event_type, timestamp, trigger_reason, seq_no, transaction_info, kw.get("evse"), id_token,
            kw.get("meter_value"), kw.get("reservation_id"), bool(kw.get("offline")))
        evse = kw.get("evse") or {}
        number = connector_number(evse.get("id"), evse.get("connector_id"))
        state = CHARGING_STATES.get(transaction_info.get("charging_state") or "")
        current = self.info.connectors.get(number)
        if (state and number and event_type != "Ended" and not outcome.repeated
                and (current is None or current.status != state)):  # a change of state only: no row per event
            self.services.status.status_notification(self.info, number, state, "NoError", "", timestamp)
        if outcome.started and self._on_start is not None:
            self._on_start(self, number, (id_token or {}).get("id_token", ""), outcome.ocpp_id)
        if id_token is not None and outcome.decision is not None:
            return call_result.TransactionEvent(id_token_info=id_token_info(outcome.decision))
        return call_result.TransactionEvent()

    @handles("MeterValues")
    def on_meter_values(self, evse_id, meter_value, **_):
        self.services.transactions.meter_values(self.info, connector_number(evse_id), None,
                                                meter_values_16(meter_value))
        return call_result.MeterValues()

    # -- K, L, N, H, A, P: reports into the station's event feed -----------------
    @handles("ReportChargingProfiles")
    def on_report_charging_profiles(self, request_id, charging_limit_source, evse_id, charging_profile, **_):
        ids = ", ".join(str(p.get("id")) for p in charging_profile)
        self.services.status.station_event(self.info, "charging_profiles", "reported",
                                           f"EVSE {evse_id}: profiles {ids} (source {charging_limit_source})")
        return call_result.ReportChargingProfiles()

    @handles("FirmwareStatusNotification")
    def on_firmware_status(self, status, **_):
        self.services.status.station_event(self.info, "firmware", status)
        return call_result.FirmwareStatusNotification()

    @handles("LogStatusNotification")
    def on_log_status(self, status, **kw):
        self.services.status.station_event(self.info, "diagnostics", status,
                                           f"log request {kw.get('request_id', '')}".strip())
        return call_result.LogStatusNotification()

    @handles("NotifyEvent")
    def on_notify_event(self, generated_at, seq_no, event_data, **_):
        for e in event_data:
            address = address_from_ocpp(e.get("component") or {}, e.get("variable") or {})
            detail = (f"{address.key} = {e.get('actual_value', '')} ({e.get('event_notification_type', '')}, "
                      f"event {e.get('event_id')}" + (f", {e['tech_info']}" if e.get("tech_info") else "") + ")")
            self.services.status.station_event(self.info, "event", str(e.get("trigger", "")), detail)
        return call_result.NotifyEvent()

    @handles("SecurityEventNotification")
    def on_security_event(self, type, timestamp, **kw):
        self.services.status.station_event(self.info, "security", type, str(kw.get("tech_info") or ""))
        return call_result.SecurityEventNotification()

    @handles("SignCertificate")
    async def on_sign_certificate(self, csr, certificate_type=None, **_):
        return call_result.SignCertificate(status=await answer_csr(self, csr, certificate_type))

    @handles("ReservationStatusUpdate")
    def on_reservation_status(self, reservation_id, reservation_update_status, **_):
        self.services.status.station_event(self.info, "reservation", reservation_update_status,
                                           f"reservation {reservation_id}")
        return call_result.ReservationStatusUpdate()

    @handles("DataTransfer")
    def on_data_transfer(self, vendor_id, **kw):
        detail = f"vendor {vendor_id}, message {kw.get('message_id', '')}: {kw.get('data', '')}"
        self.services.status.station_event(self.info, "data_transfer", "received", detail)
        # evdesk has no vendor extensions: say so, as the spec asks, but keep the data
        return call_result.DataTransfer(status="UnknownVendorId")


def _token_text(id_token: dict) -> str:
    if id_token.get("type") == "NoAuthorization":
        return ""
    return str(id_token.get("id_token") or "")


__all__ = ["StationConnection201", "call", "call_result"]
