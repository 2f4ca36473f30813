"""API keys: an integration acts as the operator a key belongs to (schema 3)."""

from __future__ import annotations

import peewee

from evdesk.store.fields import UtcDateTimeField
from evdesk.store.models.base import SyncedModel, utcnow
from evdesk.store.models.people import Operator


class ApiKey(SyncedModel):
    """The key itself is never stored: `prefix` finds the row, `secret_hash` (SHA-256 of the
    whole key) proves it. Revoked keys stay, for the record."""

    name = peewee.CharField(max_length=200, default="")
    prefix = peewee.CharField(max_length=16, unique=True)
    secret_hash = peewee.CharField(max_length=64)
    operator = peewee.ForeignKeyField(Operator, backref="api_keys", on_delete="CASCADE")
    created_at = UtcDateTimeField(default=utcnow)
    last_used_at = UtcDateTimeField(null=True)
    revoked_at = UtcDateTimeField(null=True)
