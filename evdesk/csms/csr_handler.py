"""A station's SignCertificate (1.6 security extension and 2.0.1 alike): checked and kept by
`core.station_csr`; the answer is Accepted when the request is kept (signed later by an admin, or
at once for adopted stations when the site says so), Rejected with the reason in the station's
event feed otherwise."""

from __future__ import annotations

from evdesk.core.station_csr import CsrRefused


async def answer_csr(conn, csr: str, certificate_type: str | None = None) -> str:
    try:
        request = await conn.services.station_csrs.received(conn.info, csr, conn.ocpp_version, certificate_type)
    except CsrRefused as exc:
        conn.services.status.station_event(conn.info, "security", "CertificateRequestRejected", str(exc))
        return "Rejected"
    conn.services.status.station_event(conn.info, "security", "CertificateRequested",
                                       f"asked for {request.requested_subject or 'a certificate'}")
    return "Accepted"
