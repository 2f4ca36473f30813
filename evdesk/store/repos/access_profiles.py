"""Access-control profiles: rows as plain dicts for the core's in-memory book.

Functions run on the database worker (writes inside the caller's transaction) and raise
`StaleRow` / `MissingRow`; every row goes through `evdesk.store.write`.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from evdesk.store import models as m
from evdesk.store import write as w

AP = m.AccessProfile
FIELDS = ("name", "windows", "user_ids", "user_group_ids", "token_ids", "group_ids", "station_ids", "tariff_id",
          "notes")


def load_all() -> list[dict]:
    """Every live profile (a site has tens)."""
    return list(AP.alive(AP.id, AP.version, *(getattr(AP, f) for f in FIELDS)).dicts())


def name_taken(name: str, except_id: UUID | None = None) -> bool:
    query = AP.alive().where(AP.name == name)
    if except_id is not None:
        query = query.where(AP.id != except_id)
    return query.exists()


def insert(**fields: Any) -> UUID:
    return w.versioned_insert(AP, **fields).id


def update(profile_id: UUID, version: int, **fields: Any) -> int:
    return w.versioned_update(AP, profile_id, version, **fields)


def tombstone(profile_id: UUID, version: int) -> int:
    return w.tombstone(AP, profile_id, version)
