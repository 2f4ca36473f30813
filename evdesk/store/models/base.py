"""The base of every table: one database proxy, global ids, versions, tombstones."""

from __future__ import annotations

from datetime import datetime, timezone

import peewee

from evdesk.store.fields import UtcDateTimeField, uuid7

database_proxy = peewee.DatabaseProxy()


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class BaseModel(peewee.Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class SyncedModel(BaseModel):
    """A row that several seats may share: global id, version, change time, tombstone.

    `version` grows by one on every change; writers compare it to refuse stale
    edits (optimistic concurrency). Deleting sets `deleted_at` so the deletion can
    travel to other seats; queries on live rows use `.alive()`.
    """

    id = peewee.UUIDField(primary_key=True, default=uuid7)
    version = peewee.IntegerField(default=1)
    updated_at = UtcDateTimeField(default=utcnow, index=True)
    deleted_at = UtcDateTimeField(null=True)

    @classmethod
    def alive(cls, *fields):
        return cls.select(*fields).where(cls.deleted_at.is_null())


class LogModel(BaseModel):
    """An append-only, high-rate row: time-ordered id, never edited, never synced back."""

    id = peewee.UUIDField(primary_key=True, default=uuid7)
