"""Writing operators and API keys.

Edits of an operator or a key go through `evdesk.store.write` (version, `updated_at`,
change feed) and raise `StaleRow` / `MissingRow`. Login bookkeeping (failed-login
counter, lock, last login) and one-time codes are not edits of the account: they are
written here without a new version, so an admin's open edit of that operator stays
valid (and are therefore not in the change feed). A key's `last_used_at` likewise.

Functions run on the database worker, inside the caller's transaction.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

import peewee

from evdesk.store import models as m
from evdesk.store import write as w
from evdesk.store.errors import MissingRow, StaleRow
from evdesk.store.queries.operators import StoredApiKey, StoredOperator, api_key_of, operator_of

O, K = m.Operator, m.ApiKey
OPERATOR_COLUMNS = ("username", "email", "first_name", "last_name", "status", "role", "base_group", "password_hash",
                    "one_time_code_hash", "one_time_code_expires", "failed_logins", "locked_until")
MAX_USERNAME = 120


class UsernameTaken(Exception):
    """Another live (or deleted, renamed) operator has that username."""


def _only(fields: dict[str, Any], allowed: tuple[str, ...]) -> dict[str, Any]:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"not a column: {sorted(unknown)}")
    return fields


# -- operators ----------------------------------------------------------------------------------
def insert_operator(**fields: Any) -> StoredOperator:
    try:
        with O._meta.database.atomic():
            return operator_of(w.versioned_insert(O, **_only(fields, OPERATOR_COLUMNS)))
    except peewee.IntegrityError:
        raise UsernameTaken() from None


def update_operator(operator_id: UUID, expected_version: int | None, **changes: Any) -> StoredOperator:
    """An edit of the account (new version). StaleRow / MissingRow / UsernameTaken."""
    try:
        with O._meta.database.atomic():
            w.versioned_update(O, operator_id, expected_version, **_only(changes, OPERATOR_COLUMNS))
    except peewee.IntegrityError:
        raise UsernameTaken() from None
    return operator_of(O.get_by_id(operator_id))


def delete_operator(operator_id: UUID, expected_version: int | None, username: str) -> None:
    """Tombstone: the username is freed (renamed), password and codes are dropped."""
    w.tombstone(O, operator_id, expected_version, username=retired_username(username, operator_id),
                password_hash=None, one_time_code_hash=None, one_time_code_expires=None, status="inactive")


def retired_username(username: str, operator_id: UUID) -> str:
    """What a deleted operator's username becomes: unique, within the column, still readable."""
    suffix = f"~deleted~{operator_id.hex}"
    return username[: MAX_USERNAME - len(suffix)] + suffix


def set_one_time_code(operator_id: UUID, expected_version: int, code_hash: str | None,
                      expires: datetime | None) -> None:
    """A code (invitation, password reset) for the account as it is at `expected_version`; not
    an edit, so the version stays. StaleRow when it moved on, MissingRow when gone."""
    _bookkeeping(operator_id, expected_version, one_time_code_hash=code_hash, one_time_code_expires=expires)


def add_failed_login(operator_id: UUID) -> int:
    """Count one failed login; returns the count now."""
    O.update(failed_logins=O.failed_logins + 1).where(O.id == operator_id).execute()
    return O.select(O.failed_logins).where(O.id == operator_id).scalar() or 0


def lock_login(operator_id: UUID, until: datetime) -> None:
    O.update(failed_logins=0, locked_until=until).where(O.id == operator_id).execute()


def record_login(operator_id: UUID, at: datetime | None) -> None:
    """A successful login (or unlock, `at` None): the failure count and lock are cleared."""
    changes: dict[str, Any] = {"failed_logins": 0, "locked_until": None}
    if at is not None:
        changes["last_login"] = at
    O.update(**changes).where(O.id == operator_id).execute()


def _bookkeeping(operator_id: UUID, expected_version: int | None, **changes: Any) -> None:
    condition = (O.id == operator_id) & O.deleted_at.is_null()
    if expected_version is not None:
        condition &= O.version == expected_version
    if not O.update(**changes).where(condition).execute():
        if expected_version is not None and O.alive().where(O.id == operator_id).exists():
            raise StaleRow()
        raise MissingRow()


# -- API keys -------------------------------------------------------------------------------------
def insert_api_key(*, name: str, prefix: str, secret_hash: str, operator_id: UUID, created_at: datetime) -> StoredApiKey:
    return api_key_of(w.versioned_insert(K, name=name, prefix=prefix, secret_hash=secret_hash, operator=operator_id,
                                         created_at=created_at))


def revoke_api_key(key_id: UUID, at: datetime) -> StoredApiKey:
    w.versioned_update(K, key_id, None, revoked_at=at)
    return api_key_of(K.get_by_id(key_id))


def touch_api_key(key_id: UUID, at: datetime) -> None:
    """When a key was last used (bookkeeping: no new version)."""
    K.update(last_used_at=at).where(K.id == key_id).execute()
