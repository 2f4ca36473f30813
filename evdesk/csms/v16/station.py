"""OCPP 1.6J: what a charge point may send, answered through the core services."""

from __future__ import annotations

import logging
import time
from datetime import datetime, timezone

from ocpp.v16 import call, call_result
from ocpp.v16.enums import Action, DataTransferStatus, RegistrationStatus

from evdesk.core.authorization import Decision
from evdesk.core.clock import utcnow
from evdesk.core.tasks import spawn
from evdesk.csms.csr_handler import answer_csr
from evdesk.csms.connection import StationConnection, handles

log = logging.getLogger(__name__)


def _iso(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _now_iso() -> str:
    return _iso(utcnow())


def id_tag_info(decision: Decision) -> dict:
    info = {"status": decision.status}
    if decision.expiry is not None:
        info["expiryDate"] = _iso(decision.expiry)
    if decision.token is not None and decision.token.parent_uid:
        info["parentIdTag"] = decision.token.parent_uid[:20]
    return info


class StationConnection16(StationConnection):
    """Handlers hold no rules: each validates, calls a core service, and answers."""

    ocpp_version = "1.6"
    subprotocol = "ocpp1.6"
    known_actions = frozenset(a.value for a in Action)
    call_results = call_result

    def __init__(self, info, websocket, services, on_boot_accepted=None, on_start=None):
        super().__init__(info, websocket, services)
        self._on_boot_accepted = on_boot_accepted
        self._on_start = on_start

    @handles("BootNotification")
    async def on_boot_notification(self, charge_point_vendor, charge_point_model, **details):
        services = self.services
        decision = services.stations.decide_boot(self.info)
        details.update(charge_point_vendor=charge_point_vendor, charge_point_model=charge_point_model)
        await services.stations.record_boot(self.info, details, decision)
        self.boot_seen = True
        if decision.status == RegistrationStatus.accepted.value:
            self.booted_at = time.monotonic()
            if self._on_boot_accepted is not None:
                spawn(self._on_boot_accepted(self), name=f"after-boot {self.id}")
        return call_result.BootNotification(current_time=_now_iso(), interval=decision.interval, status=decision.status)

    @handles("Heartbeat")
    def on_heartbeat(self, **_):
        return call_result.Heartbeat(current_time=_now_iso())

    @handles("StatusNotification")
    def on_status_notification(self, connector_id, error_code, status, **kw):
        self.services.status.status_notification(
            self.info, connector_id, status, error_code, kw.get("info", ""), kw.get("timestamp"),
            kw.get("vendor_id", ""), kw.get("vendor_error_code", ""),
        )
        return call_result.StatusNotification()

    @handles("Authorize")
    async def on_authorize(self, id_tag, **_):
        decision = await self.services.auth.authorize(self.info, None, id_tag, "Authorize")
        return call_result.Authorize(id_tag_info=id_tag_info(decision))

    @handles("StartTransaction")
    async def on_start_transaction(self, connector_id, id_tag, meter_start, timestamp, **kw):
        result = await self.services.transactions.start(
            self.info, connector_id, id_tag, meter_start, timestamp, kw.get("reservation_id"),
        )
        if self._on_start is not None:
            self._on_start(self, connector_id, id_tag, result.ocpp_id)
        return call_result.StartTransaction(transaction_id=result.ocpp_id, id_tag_info=id_tag_info(result.decision))

    @handles("StopTransaction")
    async def on_stop_transaction(self, meter_stop, timestamp, transaction_id, **kw):
        decision = await self.services.transactions.stop(
            self.info, transaction_id, meter_stop, timestamp, kw.get("id_tag"), kw.get("reason"),
            kw.get("transaction_data"),
        )
        if decision is None:
            return call_result.StopTransaction()
        return call_result.StopTransaction(id_tag_info=id_tag_info(decision))

    @handles("MeterValues")
    def on_meter_values(self, connector_id, meter_value, **kw):
        self.services.transactions.meter_values(self.info, connector_id, kw.get("transaction_id"), meter_value)
        return call_result.MeterValues()

    @handles("DataTransfer")
    def on_data_transfer(self, vendor_id, **kw):
        detail = f"vendor {vendor_id}, message {kw.get('message_id', '')}: {kw.get('data', '')}"
        self.services.status.station_event(self.info, "data_transfer", "received", detail)
        # evdesk has no vendor extensions: say so, as the spec asks, but keep the data
        return call_result.DataTransfer(status=DataTransferStatus.unknown_vendor_id)

    @handles("DiagnosticsStatusNotification")
    def on_diagnostics_status(self, status, **_):
        self.services.status.station_event(self.info, "diagnostics", status)
        return call_result.DiagnosticsStatusNotification()

    @handles("FirmwareStatusNotification")
    def on_firmware_status(self, status, **_):
        self.services.status.station_event(self.info, "firmware", status)
        return call_result.FirmwareStatusNotification()


    # -- security extension (OCPP 1.6 security whitepaper) ----------------------------
    @handles("SignCertificate")
    async def on_sign_certificate(self, csr, **_):
        return call_result.SignCertificate(status=await answer_csr(self, csr))

    @handles("SecurityEventNotification")
    def on_security_event(self, type, timestamp, **kw):
        self.services.status.station_event(self.info, "security", type, str(kw.get("tech_info") or ""))
        return call_result.SecurityEventNotification()

    @handles("LogStatusNotification")
    def on_log_status(self, status, **kw):
        self.services.status.station_event(self.info, "diagnostics", status,
                                           f"log request {kw.get('request_id', '')}".strip())
        return call_result.LogStatusNotification()

    @handles("SignedFirmwareStatusNotification")
    def on_signed_firmware_status(self, status, **kw):
        self.services.status.station_event(self.info, "firmware", status,
                                           f"signed firmware, request {kw.get('request_id', '')}".strip())
        return call_result.SignedFirmwareStatusNotification()


__all__ = ["StationConnection16", "call", "call_result"]
