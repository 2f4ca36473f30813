"""Site-wide settings: JSON rows by key (`setting`), versioned like every shared row.

Functions run on the database worker. Saving is optimistic: the caller names the
version it read (0: none stored yet) and gets `StaleRow` when another seat saved
meanwhile.
"""

from __future__ import annotations

from typing import Any

import peewee

from evdesk.store import models as m
from evdesk.store import write as w
from evdesk.store.errors import StaleRow

S = m.Setting


def load(key: str) -> tuple[dict[str, Any] | None, int]:
    """The stored value and its version; (None, 0) when nothing is stored."""
    row = S.alive(S.value, S.version).where(S.key == key).first()
    if row is None:
        return None, 0
    return (row.value or {}), row.version


def save(key: str, value: dict[str, Any], expected_version: int) -> int:
    """Store `value` over the version the caller read; returns the new version."""
    row = S.alive(S.id).where(S.key == key).first()
    if row is None:
        if expected_version != 0:
            raise StaleRow()
        try:
            with S._meta.database.atomic():
                w.versioned_insert(S, key=key, value=value)
        except peewee.IntegrityError:  # saved meanwhile (or a deleted row holds the key)
            raise StaleRow() from None
        return 1
    return w.versioned_update(S, row.id, expected_version, value=value)
