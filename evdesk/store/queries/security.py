"""Reads of stations' pending certificate signing requests (`models/security.py`)."""

from __future__ import annotations

from evdesk.store import models as m


def pending_requests() -> list[dict]:
    R = m.PendingCertificateRequest
    return list(R.select(R.id, R.station, R.received_at, R.ocpp_version, R.certificate_type, R.requested_subject,
                         R.csr_pem).order_by(R.received_at).dicts())
