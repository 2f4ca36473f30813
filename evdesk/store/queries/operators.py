"""Reading operators and API keys: plain rows for the core's operator, login and key services.

Run on either connection (`store.read` for what screens list, `store.run` inside a
write's transaction). No rules: who may see whom is decided by the core.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

import peewee

from evdesk.store import models as m

O, K = m.Operator, m.ApiKey


@dataclass(frozen=True)
class StoredOperator:
    id: UUID
    username: str
    email: str
    first_name: str
    last_name: str
    status: str
    role: str
    base_group_id: UUID | None
    password_hash: str | None
    last_login: datetime | None
    failed_logins: int
    locked_until: datetime | None
    one_time_code_hash: str | None
    one_time_code_expires: datetime | None
    version: int
    deleted_at: datetime | None = None


@dataclass(frozen=True)
class StoredApiKey:
    id: UUID
    name: str
    prefix: str
    secret_hash: str
    operator_id: UUID
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None
    version: int


def operator_of(row) -> StoredOperator:
    return StoredOperator(
        id=row.id, username=row.username, email=row.email, first_name=row.first_name, last_name=row.last_name,
        status=row.status, role=row.role, base_group_id=row.base_group_id, password_hash=row.password_hash,
        last_login=row.last_login, failed_logins=row.failed_logins, locked_until=row.locked_until,
        one_time_code_hash=row.one_time_code_hash, one_time_code_expires=row.one_time_code_expires,
        version=row.version, deleted_at=row.deleted_at,
    )


def api_key_of(row) -> StoredApiKey:
    return StoredApiKey(row.id, row.name, row.prefix, row.secret_hash, row.operator_id, row.created_at,
                        row.last_used_at, row.revoked_at, row.version)


# -- operators ----------------------------------------------------------------------------------
def all_operators() -> list[StoredOperator]:
    """Every live operator, by username."""
    return [operator_of(r) for r in O.alive().order_by(O.username)]


def operator_by_id(operator_id: UUID) -> StoredOperator | None:
    row = O.alive().where(O.id == operator_id).first()
    return operator_of(row) if row is not None else None


def operator_by_username(username: str) -> StoredOperator | None:
    """The live operator with that username, case ignored (None for an empty name)."""
    name = (username or "").strip()
    if not name:
        return None
    row = O.alive().where(peewee.fn.LOWER(O.username) == name.lower()).first()
    return operator_of(row) if row is not None else None


def operator_count() -> int:
    return O.alive().count()


def any_operator() -> bool:
    return O.alive().exists()


def active_admins_except(operator_id: UUID) -> int:
    """How many other live operators are active admins."""
    return O.alive().where((O.role == "admin") & (O.status == "active") & (O.id != operator_id)).count()


# -- API keys -------------------------------------------------------------------------------------
def api_keys(operator_id: UUID | None = None, include_revoked: bool = True) -> list[tuple[StoredApiKey, StoredOperator]]:
    """Live keys with their operators, newest first; only `operator_id`'s when given."""
    query = K.alive().join(O).select(K, O).order_by(K.created_at.desc())
    if operator_id is not None:
        query = query.where(K.operator == operator_id)
    if not include_revoked:
        query = query.where(K.revoked_at.is_null())
    return [(api_key_of(r), operator_of(r.operator)) for r in query]


def api_key_by_prefix(prefix: str) -> tuple[StoredApiKey, StoredOperator] | None:
    """The live key with that prefix and its operator (who may be deleted or inactive)."""
    row = K.alive().join(O).select(K, O).where(K.prefix == prefix).first()
    return (api_key_of(row), operator_of(row.operator)) if row is not None else None


def api_key_by_id(key_id: UUID) -> tuple[StoredApiKey, StoredOperator] | None:
    row = K.select(K, O).join(O).where(K.id == key_id).first()
    return (api_key_of(row), operator_of(row.operator)) if row is not None else None
