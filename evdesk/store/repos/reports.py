"""Saved reports' rows (worker functions: inside `store.run` / `store.read`)."""

from __future__ import annotations

from uuid import UUID

import peewee

from evdesk.store import models as m
from evdesk.store import write as w

R = m.SavedReport


def visible_to(operator_id: UUID | None) -> list[dict]:
    """The operator's own saved reports and the shared ones, by name."""
    mine = R.owner.is_null() if operator_id is None else (R.owner.is_null() | (R.owner == operator_id))
    return list(R.alive(R.id, R.version, R.name, R.owner, R.definition, R.created_by, R.updated_at)
                .where(mine).order_by(peewee.fn.LOWER(R.name), R.id).dicts())


def get(report_id: UUID) -> dict | None:
    return R.alive(R.id, R.version, R.name, R.owner, R.definition, R.created_by, R.updated_at).where(
        R.id == report_id).dicts().first()


def name_taken(name: str, owner: UUID | None, except_id: UUID | None = None) -> bool:
    query = R.alive().where((peewee.fn.LOWER(R.name) == name.lower())
                            & (R.owner.is_null() if owner is None else (R.owner == owner)))
    if except_id is not None:
        query = query.where(R.id != except_id)
    return query.exists()


def insert(name: str, owner: UUID | None, definition: dict, created_by: str) -> dict:
    row = w.versioned_insert(R, name=name, owner=owner, definition=definition, created_by=created_by)
    return get(row.id)


def update(report_id: UUID, version: int, **changes) -> dict:
    w.versioned_update(R, report_id, version, **changes)
    return get(report_id)


def delete(report_id: UUID, version: int) -> None:
    w.tombstone(R, report_id, version)
