"""Security commands of the command API (the 1.6 security extension; version-neutral where 2.0.1 has the same):
certificates on the station, signed firmware, security and diagnostics logs, and stations' certificate requests.

Rules (decided):
* InstallCertificate sends the site CA — the one chargers must trust for wss:// — as the CSMS root
  (1.6 `CentralSystemRootCertificate`, 2.0.1 `CSMSRootCertificate`); evdesk has no other root to give.
* Certificate kinds are named as the station's version names them; the other version's name for the
  same kind is accepted and translated (CentralSystemRootCertificate ⇄ CSMSRootCertificate).
* DeleteCertificate takes the hash data exactly as GetInstalledCertificateIds reported it
  (camelCase or snake_case keys).
* GetLog (DiagnosticsLog or SecurityLog) is the same request in both versions. Signed firmware: 1.6
  SignedUpdateFirmware, 2.0.1 UpdateFirmware with the signature (the same firmware fields) — both
  need the firmware-updates right, as UpdateFirmware does.
* Changing what a station trusts (install, delete) and asking for a certificate need the right to
  edit stations; reading the list and logs need the right to send commands.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from ocpp.v16 import call as call16
from ocpp.v201 import call as call201

from evdesk.core.errors import ValidationError
from evdesk.core.permissions import OperatorContext, Permission, require
from evdesk.csms import certificate_signing
from evdesk.csms.v201.requests import iso, next_request_id

ROOT_16 = ("CentralSystemRootCertificate", "ManufacturerRootCertificate")
ROOT_201 = ("CSMSRootCertificate", "ManufacturerRootCertificate", "V2GRootCertificate", "MORootCertificate",
            "V2GCertificateChain")
SAME_KIND = {"CentralSystemRootCertificate": "CSMSRootCertificate", "CSMSRootCertificate": "CentralSystemRootCertificate"}
LOG_TYPES = ("DiagnosticsLog", "SecurityLog")
HASH_FIELDS = {"hashAlgorithm": "hash_algorithm", "issuerNameHash": "issuer_name_hash",
               "issuerKeyHash": "issuer_key_hash", "serialNumber": "serial_number"}


def _url(location: str, field: str = "location") -> None:
    if not location or "://" not in location:
        raise ValidationError("Give the location as a URL (ftp://, http:// or https://).", field=field)


class SecurityCommands:
    """Mixed into CommandApi (uses its `_execute`, `_allow`, `version_of`, `services`)."""

    def _kind(self, station_id: UUID, certificate_type: str) -> str:
        allowed = ROOT_201 if self.version_of(station_id) == "2.0.1" else ROOT_16
        kind = certificate_type if certificate_type in allowed else SAME_KIND.get(certificate_type)
        if kind not in allowed:
            raise ValidationError(f"This station knows the certificate kinds {', '.join(allowed)}.",
                                  field="certificate_type")
        return kind

    async def install_certificate(self, station_id: UUID, *, ctx: OperatorContext, reason: str = ""):
        """Give the station the site CA as its CSMS root certificate."""
        require(ctx, Permission.EDIT_STATIONS)
        self._allow(ctx, station_id, Permission.EDIT_STATIONS)
        pem = self.services.certificates.export_ca(ctx, "pem").decode("ascii")
        if self.version_of(station_id) == "2.0.1":
            payload = call201.InstallCertificate(certificate_type="CSMSRootCertificate", certificate=pem)
        else:
            payload = call16.InstallCertificate(certificate_type="CentralSystemRootCertificate", certificate=pem)
        return await self._execute(station_id, "InstallCertificate", payload, ctx=ctx, reason=reason)

    async def get_installed_certificate_ids(self, station_id: UUID, certificate_type: str = "CentralSystemRootCertificate",
                                            *, ctx: OperatorContext, reason: str = ""):
        kind = self._kind(station_id, certificate_type)
        if self.version_of(station_id) == "2.0.1":
            payload = call201.GetInstalledCertificateIds(certificate_type=[kind])
        else:
            payload = call16.GetInstalledCertificateIds(certificate_type=kind)
        return await self._execute(station_id, "GetInstalledCertificateIds", payload, ctx=ctx, reason=reason)

    async def delete_certificate(self, station_id: UUID, hash_data: dict, *, ctx: OperatorContext, reason: str = ""):
        require(ctx, Permission.EDIT_STATIONS)
        self._allow(ctx, station_id, Permission.EDIT_STATIONS)
        snake = {v: k for k, v in HASH_FIELDS.items()}
        data = {}
        for key, value in (hash_data or {}).items():
            camel = snake.get(key, key)
            if camel not in HASH_FIELDS or not isinstance(value, str) or not value:
                raise ValidationError("Give the certificate's hash data as the station reported it (hashAlgorithm, "
                                      "issuerNameHash, issuerKeyHash, serialNumber).", field="hash_data")
            data[camel] = value
        if set(data) != set(HASH_FIELDS):
            raise ValidationError("The hash data needs hashAlgorithm, issuerNameHash, issuerKeyHash and serialNumber.",
                                  field="hash_data")
        cls = call201 if self.version_of(station_id) == "2.0.1" else call16
        return await self._execute(station_id, "DeleteCertificate", cls.DeleteCertificate(certificate_hash_data=data),
                                   ctx=ctx, reason=reason)

    async def get_log(self, station_id: UUID, location: str, log_type: str = "DiagnosticsLog",
                      start_time: datetime | None = None, stop_time: datetime | None = None, *,
                      ctx: OperatorContext, reason: str = ""):
        _url(location)
        if log_type not in LOG_TYPES:
            raise ValidationError("The log is DiagnosticsLog or SecurityLog.", field="log_type")
        log = {"remoteLocation": location}
        if start_time:
            log["oldestTimestamp"] = iso(start_time)
        if stop_time:
            log["latestTimestamp"] = iso(stop_time)
        cls = call201 if self.version_of(station_id) == "2.0.1" else call16
        return await self._execute(station_id, "GetLog", cls.GetLog(log=log, log_type=log_type,
                                                                    request_id=next_request_id()), ctx=ctx, reason=reason)

    async def signed_update_firmware(self, station_id: UUID, location: str, retrieve_date: datetime,
                                     signing_certificate: str, signature: str, *, ctx: OperatorContext,
                                     reason: str = ""):
        require(ctx, Permission.FIRMWARE_UPDATES)
        self._allow(ctx, station_id, Permission.FIRMWARE_UPDATES)
        _url(location)
        if "BEGIN CERTIFICATE" not in (signing_certificate or ""):
            raise ValidationError("Give the firmware signing certificate in PEM.", field="signing_certificate")
        if not signature:
            raise ValidationError("Give the firmware's signature (base64).", field="signature")
        firmware = {"location": location, "retrieveDateTime": iso(retrieve_date),
                    "signingCertificate": signing_certificate, "signature": signature}
        if self.version_of(station_id) == "2.0.1":
            payload = call201.UpdateFirmware(request_id=next_request_id(), firmware=firmware)
        else:
            payload = call16.SignedUpdateFirmware(request_id=next_request_id(), firmware=firmware)
        return await self._execute(station_id, type(payload).__name__, payload, ctx=ctx, reason=reason)

    # -- stations' certificate signing requests (certificate_signing.py) --------------------------
    async def request_station_certificate(self, station_id: UUID, *, ctx: OperatorContext, reason: str = ""):
        """Ask the station for a certificate signing request."""
        return await certificate_signing.request_station_certificate(self, station_id, ctx=ctx, reason=reason)

    async def approve_certificate_request(self, request_id: UUID, *, ctx: OperatorContext, reason: str = ""):
        """Sign a station's pending CSR with the site CA and send it (CertificateSigned)."""
        return await certificate_signing.approve(self, request_id, ctx=ctx, reason=reason)

    def refuse_certificate_request(self, request_id: UUID, *, ctx: OperatorContext) -> None:
        certificate_signing.refuse(self, request_id, ctx=ctx)
