"""The site's TLS certificates (admins): what the wss:// listener serves, and the CA for chargers.

`GET /certificates` gives the CA and server certificate (subject, issuer, SANs, validity,
SHA-256 fingerprint), where the server certificate came from, the listener settings and
any expiry warning. `GET /certificates/ca` is the CA certificate chargers must trust,
PEM by default or DER with `?format=der`. Admins only (the core checks); generating and
renewing are done on the Settings → Certificates page or with `evdesk certificates`.
"""

from __future__ import annotations

from aiohttp import web

from evdesk.api.http import CENTRAL, ctx_of, ok, services_of
from evdesk.api.schemas import check_query, query_enum

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
