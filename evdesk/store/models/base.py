"""The base of every table: one database proxy, global ids, versions, tombstones."""

from __future__ import annotations

import threading
from datetime import datetime, timezone

import peewee

from evdesk.store.fields import UtcDateTimeField, uuid7


class ThreadBoundProxy(peewee.DatabaseProxy):
    """The models' database: the one `initialize` set, or the one bound to this thread.

    A store binds its worker and reader threads to its own database, so several stores
    can live in one process (several seats of a site in one test, the sync benchmark);
    other threads use the database set last with `initialize`, as a plain proxy would."""

    def __init__(self):
        object.__setattr__(self, "_thread", threading.local())
        object.__setattr__(self, "_global", None)
        super().__init__()

    @property
    def obj(self):
        bound = getattr(self._thread, "db", None)
        return bound if bound is not None else self._global

    @obj.setter
    def obj(self, value):
        object.__setattr__(self, "_global", value)

    def __setattr__(self, attr, value):
        object.__setattr__(self, attr, value)

    def bind_thread(self, db: peewee.Database | None) -> None:
        self._thread.db = db


database_proxy = ThreadBoundProxy()


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
