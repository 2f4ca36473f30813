"""Certificate signing requests from stations (security profile 3): kept until an admin decides, or
signed at once for adopted stations when the site says so.

Rules (decided):
* The certificate evdesk issues is the site CA's, for client authentication, and its subject is
  CN = the station's identity — whatever subject the CSR asked for (the listener matches the
  identity against the CN on profile 3, so any other name would lock the station out). The CSR
  only gives the public key; its own signature must verify (proof the station holds the key).
* Only charging-station certificates: a 2.0.1 request for a V2GCertificate is refused (that one
  belongs to the ISO 15118 PKI, not to the site CA).
* Without the site's own CA key (a site that gave evdesk its own server certificate) nothing can
  be signed: the request is refused at once, so the station does not wait for nothing.
* Automatic signing (setting `sign_station_certificates_automatically`) applies to adopted stations
  only; a station still waiting for adoption always waits for an admin.
* Pending requests are kept on the seat the station is connected to (CertificateSigned can go
  only over that connection; not synced), in the store before the station hears Accepted, so a
  restart keeps them. A newer request of the same station replaces its older pending one.
* Who decides: operators with the right to edit stations, for stations in their domain.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from evdesk.core import cert_pki as pki
from evdesk.core import events as ev
from evdesk.core.certificates import CA_FILE, CA_KEY
from evdesk.core.clock import utcnow
from evdesk.core.errors import NotFound, ValidationError
from evdesk.core.permissions import OperatorContext, Permission, require, require_station
from evdesk.core.tasks import spawn
from evdesk.store.queries import security as q
from evdesk.store.repos import security as repo

CERTIFICATE_DAYS = 2 * 365
STATION_CERTIFICATE = "ChargingStationCertificate"


@dataclass(frozen=True)
class CertificateRequest:
    id: UUID
    station_id: UUID
    identity: str
    group_id: UUID | None
    received_at: datetime
    ocpp_version: str
    certificate_type: str | None  # 2.0.1's certificateType (None: not given / 1.6)
    requested_subject: str  # what the CSR asked for (shown; the certificate says CN = identity)
    csr_pem: str


class CsrRefused(ValueError):
    """The request cannot be signed; the message says why (for the station's event feed)."""


def parse_csr(csr_pem: str) -> x509.CertificateSigningRequest:
    try:
        csr = x509.load_pem_x509_csr(csr_pem.encode("ascii", "replace"))
    except ValueError as exc:
        raise CsrRefused("the CSR is not a PEM certificate signing request") from exc
    if not csr.is_signature_valid:
        raise CsrRefused("the CSR's signature does not verify")
    return csr


def sign_station_csr(ca_cert, ca_key, csr: x509.CertificateSigningRequest, identity: str, now: datetime,
                     days: int = CERTIFICATE_DAYS):
    """The station's client certificate: the CSR's public key, CN = identity, signed by the site CA."""
    return (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, identity)]))
        .issuer_name(ca_cert.subject)
        .public_key(csr.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5)).not_valid_after(now + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )


class StationCertificateRequests:
    def __init__(self, store, batch, certificates, stations, settings, bus: ev.EventBus, *, clock=utcnow):
        self.store = store
        self.batch = batch
        self.certificates = certificates
        self.stations = stations
        self.settings = settings
        self.bus = bus
        self.clock = clock
        self._pending: dict[UUID, CertificateRequest] = {}

    async def load(self) -> None:
        """The requests kept before a restart (their stations' names and groups as they are now)."""
        self._pending.clear()
        for row in await self.store.read(q.pending_requests):
            info = self.stations.by_id.get(row["station"])
            if info is None:
                continue
            self._pending[row["id"]] = CertificateRequest(
                row["id"], info.id, info.identity, info.group_id, row["received_at"], row["ocpp_version"],
                row["certificate_type"], row["requested_subject"], row["csr_pem"])

    # -- from the station --------------------------------------------------------------
    async def received(self, info, csr_pem: str, ocpp_version: str,
                       certificate_type: str | None = None) -> CertificateRequest:
        """Check and keep a station's request (raises CsrRefused: answer Rejected); kept in the store
        with the frame's group commit (the station hears Accepted after it). Publishes
        StationCertificateRequested; `automatic` tells the OCPP side to sign it now."""
        if certificate_type not in (None, STATION_CERTIFICATE):
            raise CsrRefused(f"evdesk signs charging-station certificates only, not {certificate_type}")
        csr = parse_csr(csr_pem)
        if self._ca() is None:
            raise CsrRefused("this site has no CA of its own in evdesk to sign with")
        subject = csr.subject.rfc4514_string()
        request = CertificateRequest(uuid.uuid4(), info.id, info.identity, info.group_id, self.clock(), ocpp_version,
                                     certificate_type, subject, csr_pem)
        await self.batch.call(repo.keep_request, {
            "id": request.id, "station": info.id, "received_at": request.received_at, "ocpp_version": ocpp_version,
            "certificate_type": certificate_type, "requested_subject": subject, "csr_pem": csr_pem})
        for old in [r for r in self._pending.values() if r.station_id == info.id]:
            del self._pending[old.id]
        self._pending[request.id] = request
        automatic = bool(getattr(self.settings, "sign_station_certificates_automatically", False)) and \
            info.registration == "adopted"
        self.bus.publish(ev.StationCertificateRequested(request.id, info.id, automatic))
        return request

    # -- for admins --------------------------------------------------------------------
    def pending(self, ctx: OperatorContext) -> list[CertificateRequest]:
        require(ctx, Permission.EDIT_STATIONS)
        fresh = self.stations.fresh_context(ctx)
        return sorted((r for r in self._pending.values() if fresh.sees_station(r.group_id)),
                      key=lambda r: r.received_at)

    def take(self, ctx: OperatorContext, request_id: UUID) -> CertificateRequest:
        """The request, no longer pending (the caller signs it or refuses it)."""
        require(ctx, Permission.EDIT_STATIONS)
        request = self._pending.get(request_id)
        if request is None:
            raise NotFound("This certificate request is no longer waiting (decided already, or replaced by a newer one).")
        require_station(self.stations.fresh_context(ctx), request.group_id)
        del self._pending[request_id]
        # decided: off the store too (a crash before this write shows it again, to decide once more)
        spawn(self.store.run(repo.drop_request, request_id), name="certificate request decided")
        self.bus.publish(ev.StationCertificateRequested(request.id, request.station_id, False, decided=True))
        return request

    def certificate_chain(self, request: CertificateRequest) -> str:
        """PEM: the station's new certificate followed by the site CA."""
        ca = self._ca()
        if ca is None:
            raise ValidationError("This site has no CA of its own in evdesk to sign with.", field="request")
        ca_cert, ca_key = ca
        cert = sign_station_csr(ca_cert, ca_key, parse_csr(request.csr_pem), request.identity, self.clock())
        return (pki.cert_pem(cert) + pki.cert_pem(ca_cert)).decode("ascii")

    def _ca(self):
        folder = self.certificates.folder
        if folder is None or not (folder / CA_FILE).exists() or not (folder / CA_KEY).exists():
            return None
        return (pki.load_certificates((folder / CA_FILE).read_bytes())[0],
                pki.load_key((folder / CA_KEY).read_bytes()))
