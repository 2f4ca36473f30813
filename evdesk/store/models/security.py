"""Stations' certificate signing requests waiting for an admin (security profile 3)."""

from __future__ import annotations

import peewee

from evdesk.store.models.base import BaseModel
from evdesk.store.models.site import Station


class PendingCertificateRequest(BaseModel):
    """One station's newest request, kept on the seat the station is connected to (CertificateSigned
    can go only over that connection; not synced). Written before the station is told Accepted, so a
    restart does not lose it; removed when an admin signs or refuses it."""

    id = peewee.UUIDField(primary_key=True)
    station = peewee.ForeignKeyField(Station, unique=True, on_delete="CASCADE")
    received_at = peewee.DateTimeField()
    ocpp_version = peewee.CharField(max_length=8)
    certificate_type = peewee.CharField(max_length=40, null=True)
    requested_subject = peewee.TextField(default="")
    csr_pem = peewee.TextField()

    class Meta:
        table_name = "pending_certificate_request"
