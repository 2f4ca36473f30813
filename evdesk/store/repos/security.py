"""Writes of stations' pending certificate signing requests (`models/security.py`)."""

from __future__ import annotations

from uuid import UUID

from evdesk.store import models as m


def keep_request(row: dict) -> None:
    """The station's newest request replaces an older one of the same station."""
    R = m.PendingCertificateRequest
    R.delete().where(R.station == row["station"]).execute()
    R.insert(row).execute()


def drop_request(request_id: UUID) -> None:
    m.PendingCertificateRequest.delete().where(m.PendingCertificateRequest.id == request_id).execute()
