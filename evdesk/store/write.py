"""The one write path for synced rows: version, change time and change feed, stamped here.

Every row that several seats may share (`SyncedModel`) carries a `version` that
grows by one on each change, `updated_at`, and is deleted as a tombstone. These
functions are the only way such rows are written: each stamps version and
`updated_at` and appends the change to the change feed (`ChangeFeed`) in the same
transaction, which the caches and the shared-database sync consume.

They run on the database worker (inside `store.run`, `store.atomic` or a group
commit job) and raise store errors: `StaleRow` when the expected version moved
on, `MissingRow` when there is no live row.

What is deliberately *not* fed: a station's live state that changes many times a
second (last seen, connection state, connector status, a running session's meter
progress). It is kept by the seat whose OCPP server the station is connected to;
the acknowledged records behind it (status events, meter values, sessions) are.

Append-only log tables are not versioned and mostly not fed; the ones in
`FED_LOG_TABLES` are records stations create that every seat must hold (meter
readings, status events, authorization attempts): their inserts are fed (version
1) so the shared-database sync sends them. The raw OCPP frames (communication
log) and the action log stay with the seat that wrote them.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any
from uuid import UUID

import peewee

from evdesk.store.errors import MissingRow, StaleRow
from evdesk.store.fields import uuid7
from evdesk.store.models.base import SyncedModel, utcnow
from evdesk.store.models.feed import DELETE, INSERT, UPDATE, ChangeFeed

__all__ = [
    "INSERT", "UPDATE", "DELETE", "bind_seat", "current_seat", "versioned_insert", "versioned_insert_many",
    "versioned_update", "versioned_update_where", "revive", "tombstone", "tombstone_where", "record_changes",
    "FED_LOG_TABLES",
]

_seat = "local"
_thread_seat = threading.local()  # several stores in one process: each worker writes as its seat
FED_LOG_TABLES = frozenset({"meter_value", "status_event", "authorization_attempt"})


def bind_seat(seat_id: str) -> None:
    """Which seat this process (and the calling thread, a store's worker) writes as: set when the
    store opens."""
    global _seat
    _seat = seat_id
    _thread_seat.seat = seat_id


def current_seat() -> str:
    return getattr(_thread_seat, "seat", None) or _seat


def record_changes(model: type[SyncedModel], rows: Iterable[tuple[UUID, int]], op: str, seat: str | None = None) -> None:
    """Append (id, version) changes of `model` to the feed (for writers with their own SQL)."""
    now = utcnow()
    rows = list(rows)
    entries = [{"entity": model._meta.table_name, "row_id": row_id, "version": version, "op": op,
                "seat": seat or current_seat(), "at": now} for row_id, version in rows]
    if model._meta.table_name == "transaction":  # a session written: its hourly aggregates follow
        from evdesk.store import aggregates

        aggregates.sessions_changed(row_id for row_id, _version in rows)
    for start in range(0, len(entries), 400):
        ChangeFeed.insert_many(entries[start : start + 400]).execute()


def versioned_insert(model: type[SyncedModel], **fields: Any) -> SyncedModel:
    fields.setdefault("id", uuid7())
    fields["version"] = 1
    fields["updated_at"] = fields.get("updated_at") or utcnow()
    row = model.create(**fields)
    record_changes(model, [(row.id, 1)], INSERT)
    return row


def versioned_insert_many(model: type[SyncedModel], rows: list[dict[str, Any]]) -> list[UUID]:
    now = utcnow()
    for row in rows:
        row.setdefault("id", uuid7())
        row["version"] = 1
        row.setdefault("updated_at", now)
    for start in range(0, len(rows), 200):
        model.insert_many(rows[start : start + 200]).execute()
    record_changes(model, [(row["id"], 1) for row in rows], INSERT)
    return [row["id"] for row in rows]


def versioned_update(model: type[SyncedModel], row_id: UUID, expected_version: int | None = None,
                     **changes: Any) -> int:
    """Change one live row; refused (`StaleRow`) when `expected_version` is given and moved on.
    Returns the new version."""
    return _change(model, row_id, expected_version, UPDATE, changes)


def tombstone(model: type[SyncedModel], row_id: UUID, expected_version: int | None = None, **changes: Any) -> int:
    """Delete one live row as a tombstone (`deleted_at` set), with any last changes (e.g. a
    freed unique key). Returns the new version."""
    return _change(model, row_id, expected_version, DELETE, {**changes, "deleted_at": utcnow()})


def revive(model: type[SyncedModel], row_id: UUID, **changes: Any) -> int:
    """Bring a tombstone back to life with these changes (a key unique among tombstones too, such
    as a station's connector number, is used again); fed as an update. Returns the new version."""
    now = changes.pop("updated_at", None) or utcnow()
    condition = (model.id == row_id) & model.deleted_at.is_null(False)
    if not model.update(version=model.version + 1, updated_at=now, deleted_at=None, **changes).where(condition).execute():
        raise MissingRow()
    version = model.select(model.version).where(model.id == row_id).scalar()
    record_changes(model, [(row_id, version)], UPDATE)
    return version


def versioned_update_where(model: type[SyncedModel], where: peewee.Expression, **changes: Any) -> list[UUID]:
    """Change every live row that matches; returns their ids."""
    return _change_where(model, where, UPDATE, changes)


def tombstone_where(model: type[SyncedModel], where: peewee.Expression, **changes: Any) -> list[UUID]:
    return _change_where(model, where, DELETE, {**changes, "deleted_at": utcnow()})


def _change(model, row_id, expected_version, op, changes) -> int:
    now = changes.pop("updated_at", None) or utcnow()
    condition = (model.id == row_id) & model.deleted_at.is_null()
    if expected_version is not None:
        condition &= model.version == expected_version
    updated = model.update(version=model.version + 1, updated_at=now, **changes).where(condition).execute()
    if not updated:
        if expected_version is not None and model.alive().where(model.id == row_id).exists():
            raise StaleRow()
        raise MissingRow()
    version = model.select(model.version).where(model.id == row_id).scalar()
    record_changes(model, [(row_id, version)], op)
    return version


def _change_where(model, where, op, changes) -> list[UUID]:
    ids = [row_id for (row_id,) in model.select(model.id).where(where & model.deleted_at.is_null()).tuples()]
    if not ids:
        return []
    now = changes.pop("updated_at", None) or utcnow()
    for start in range(0, len(ids), 400):
        chunk = ids[start : start + 400]
        model.update(version=model.version + 1, updated_at=now, **changes).where(model.id.in_(chunk)).execute()
    versions = []
    for start in range(0, len(ids), 400):
        versions += list(model.select(model.id, model.version).where(model.id.in_(ids[start : start + 400])).tuples())
    record_changes(model, versions, op)
    return ids
