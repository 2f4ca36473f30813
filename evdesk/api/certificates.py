"""The site's TLS certificates (admins): what the wss:// listener serves, and the CA for chargers.

`GET /certificates` gives the CA and server certificate (subject, issuer, SANs, validity,
SHA-256 fingerprint), where the server certificate came from, the listener settings and
any expiry warning. `GET /certificates/ca` is the CA certificate chargers must trust,
PEM by default or DER with `?format=der`. Admins only (the core checks); generating and
renewing are done on the Settings → Certificates page or with `evdesk certificates`.
"""

from __future__ import annotations

from aiohttp import web

from evdesk.api.http import CENTRAL, body_of, ctx_of, ok, path_uuid, services_of
from evdesk.api.schemas import F, check_query, query_enum

CA_QUERY = ("format",)


def certificate_json(info) -> dict | None:
    if info is None:
        return None
    return {"subject": info.subject, "issuer": info.issuer, "dns_names": list(info.dns_names),
            "ip_addresses": list(info.ip_addresses), "not_before": info.not_before, "not_after": info.not_after,
            "sha256": info.sha256, "serial": info.serial}


async def get_certificates(request: web.Request) -> web.Response:
    check_query(request, ())
    services = services_of(request)
    status = services.certificates.status(ctx_of(request))
    central = request.app[CENTRAL]
    settings = services.settings
    return ok({
        "source": status.source or None, "ca": certificate_json(status.ca), "server": certificate_json(status.server),
        "client_ca": certificate_json(status.client_ca), "warning": status.warning or None,
        "listener": settings.ocpp_listener, "tls_port": getattr(central, "tls_port", None) or settings.ocpp_tls_port,
    })


async def export_ca(request: web.Request) -> web.Response:
    check_query(request, CA_QUERY)
    fmt = query_enum(request, "format", ("pem", "der")) or "pem"
    data = services_of(request).certificates.export_ca(ctx_of(request), fmt)
    media = "application/x-pem-file" if fmt == "pem" else "application/pkix-cert"
    return web.Response(body=data, content_type=media,
                        headers={"Content-Disposition": f'attachment; filename="evdesk-site-ca.{"crt" if fmt == "pem" else "der"}"'})


# -- stations' certificate signing requests (security profile 3) ------------------------------------
DECISION_BODY = {"reason": F("string", nullable=True, doc="kept in the action log")}


def request_json(r) -> dict:
    return {"id": str(r.id), "station_id": str(r.station_id), "identity": r.identity, "received_at": r.received_at,
            "ocpp_version": r.ocpp_version, "certificate_type": r.certificate_type,
            "requested_subject": r.requested_subject}


async def list_certificate_requests(request: web.Request) -> web.Response:
    check_query(request, ())
    pending = services_of(request).station_csrs.pending(ctx_of(request))
    return ok({"items": [request_json(r) for r in pending]})


async def approve_certificate_request(request: web.Request) -> web.Response:
    b = await body_of(request, DECISION_BODY)
    result = await request.app[CENTRAL].commands.approve_certificate_request(
        path_uuid(request), ctx=ctx_of(request), reason=b.get("reason") or "")
    return ok({"outcome": result.outcome, "message": result.message})


async def refuse_certificate_request(request: web.Request) -> web.Response:
    await body_of(request, DECISION_BODY)
    request.app[CENTRAL].commands.refuse_certificate_request(path_uuid(request), ctx=ctx_of(request))
    return ok({"outcome": "refused"})
