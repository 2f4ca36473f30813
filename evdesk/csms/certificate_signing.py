"""Certificate signing for stations over OCPP: asking a station for a CSR, and answering a CSR with
CertificateSigned (2.0.1; and 1.6 with the security extension, whose messages have the same names
and the same `certificateChain` field).

Rules (decided; the checks themselves are `core.station_csr`'s):
* Asking: 1.6 ExtendedTriggerMessage(SignChargePointCertificate), 2.0.1
  TriggerMessage(SignChargingStationCertificate). The station answers with SignCertificate.
* Signing goes through the command API (`_execute`), so CertificateSigned is in the action log like
  every command — by the approving admin, or by "evdesk" (system) when the site signs automatically.
* A refused request: the station gets nothing (OCPP has no "refused" message; the station's own
  time-out and retry apply) and the refusal is in its event feed.
"""

from __future__ import annotations

import logging
from uuid import UUID

from ocpp.v16 import call as call16
from ocpp.v201 import call as call201

from evdesk.core.permissions import SYSTEM_CONTEXT, OperatorContext, Permission, require
from evdesk.core.tasks import spawn
from evdesk.core.station_csr import STATION_CERTIFICATE

log = logging.getLogger(__name__)


async def request_station_certificate(commands, station_id: UUID, *, ctx: OperatorContext, reason: str = ""):
    """Ask the station to send a certificate signing request now."""
    require(ctx, Permission.EDIT_STATIONS)
    commands._allow(ctx, station_id, Permission.EDIT_STATIONS)
    if commands.version_of(station_id) == "2.0.1":
        payload = call201.TriggerMessage(requested_message="SignChargingStationCertificate")
    else:
        payload = call16.ExtendedTriggerMessage(requested_message="SignChargePointCertificate")
    return await commands._execute(station_id, type(payload).__name__, payload, ctx=ctx,
                                   reason=reason or "certificate request")


async def approve(commands, request_id: UUID, *, ctx: OperatorContext, reason: str = ""):
    """Sign a pending request with the site CA and send the chain to the station."""
    services = commands.services
    request = services.station_csrs.take(ctx, request_id)
    commands._allow(ctx, request.station_id, Permission.EDIT_STATIONS)
    chain = services.station_csrs.certificate_chain(request)
    if request.ocpp_version == "2.0.1":
        payload = call201.CertificateSigned(certificate_chain=chain, certificate_type=STATION_CERTIFICATE)
    else:
        payload = call16.CertificateSigned(certificate_chain=chain)
    result = await commands._execute(request.station_id, "CertificateSigned", payload, ctx=ctx,
                                     reason=reason or "certificate signing request approved")
    info = services.stations.get_by_id(request.station_id)
    services.status.station_event(info, "security", "CertificateSigned" if result.ok else "CertificateNotInstalled",
                                  f"certificate CN={request.identity} by {ctx.name}: {result.message}")
    return result


def refuse(commands, request_id: UUID, *, ctx: OperatorContext) -> None:
    services = commands.services
    request = services.station_csrs.take(ctx, request_id)
    info = services.stations.get_by_id(request.station_id)
    services.status.station_event(info, "security", "CertificateRequestRefused",
                                  f"asked for {request.requested_subject}; refused by {ctx.name}")


def sign_automatically(commands, event) -> None:
    """Bus listener: a request the site signs without an admin."""
    if event.automatic and not event.decided:
        spawn(approve(commands, event.request_id, ctx=SYSTEM_CONTEXT, reason="signed automatically (adopted station)"),
              name="sign station certificate")
