"""API keys: made and revoked by admins; a key acts as its operator, with that operator's
role and domain. The key is shown once; the store keeps its prefix (to find the row) and
the SHA-256 of the whole key (to prove it)."""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

import peewee

from evdesk.core.clock import utcnow
from evdesk.core.errors import EvdeskError, NotFound, ValidationError
from evdesk.core.operators import context_for, info_from_row
from evdesk.core.permissions import DomainIndex, OperatorContext, Permission, require
from evdesk.store import models as m
from evdesk.store.database import Store

KEY_PREFIX = "evk"
LAST_USED_EVERY = 60.0  # seconds: how often `last_used_at` is written for a busy key
AUTH_CACHE_SECONDS = 5.0  # a checked key is trusted this long before it is looked up again


class Unauthorized(EvdeskError):
    """No key, an unknown or revoked key, or an operator who may not act (401)."""


@dataclass(frozen=True)
class ApiKeyInfo:
    id: UUID
    name: str
    prefix: str
    operator_id: UUID
    operator: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def new_key() -> tuple[str, str]:
    """(prefix, whole key) such as ('k3f9a1c2', 'evk_k3f9a1c2_...43 url-safe characters')."""
    prefix = secrets.token_hex(4)
    return prefix, f"{KEY_PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"


def split_key(key: str) -> str | None:
    parts = (key or "").strip().split("_", 2)
    if len(parts) != 3 or parts[0] != KEY_PREFIX or len(parts[1]) != 8:
        return None
    return parts[1]


def _info(row, operator=None) -> ApiKeyInfo:
    op = operator or row.operator
    return ApiKeyInfo(row.id, row.name, row.prefix, row.operator_id, op.username, row.created_at, row.last_used_at,
                      row.revoked_at)


def _find_operator(username: str):
    name = (username or "").strip()
    return m.Operator.alive().where(peewee.fn.LOWER(m.Operator.username) == name.lower()).first() if name else None


class ApiKeyService:
    def __init__(self, store: Store, groups=None):
        self.store = store
        self.groups = groups  # GroupService (its tree cuts the domain); None: a DomainIndex is read
        self._last_written: dict[UUID, float] = {}
        # key hash -> (checked at, context): an integration polling many times a second
        # costs one look-up every AUTH_CACHE_SECONDS; a revocation here clears it at once,
        # an operator deactivated elsewhere is refused within that time.
        self._recent: dict[str, tuple[float, OperatorContext]] = {}

    # -- admins ---------------------------------------------------------------------
    async def create(self, ctx: OperatorContext, operator: str | UUID, name: str = "") -> tuple[ApiKeyInfo, str]:
        """A new key for an operator (by username or id). Returns the key in full: show it once."""
        require(ctx, Permission.API_KEYS)
        name = (name or "").strip()
        if len(name) > 200:
            raise ValidationError("Key names have at most 200 characters.", field="name")
        prefix, key = new_key()

        def write():
            if isinstance(operator, UUID):
                op = m.Operator.alive().where(m.Operator.id == operator).first()
            else:
                op = _find_operator(str(operator))
            if op is None:
                raise ValidationError("No operator with that username.", field="operator")
            row = m.ApiKey.create(name=name or f"key {prefix}", prefix=prefix, secret_hash=hash_key(key), operator=op,
                                  created_at=utcnow())
            return _info(row, op)

        return await self.store.run(write), key

    async def list(self, ctx: OperatorContext, include_revoked: bool = True) -> list[ApiKeyInfo]:
        require(ctx, Permission.API_KEYS)

        def read():
            q = (m.ApiKey.alive().join(m.Operator).select(m.ApiKey, m.Operator)
                 .order_by(m.ApiKey.created_at.desc()))
            if not include_revoked:
                q = q.where(m.ApiKey.revoked_at.is_null())
            return [_info(r) for r in q]

        return await self.store.run(read)

    async def revoke(self, ctx: OperatorContext, prefix: str) -> ApiKeyInfo:
        require(ctx, Permission.API_KEYS)
        prefix = (split_key(prefix) or prefix or "").strip()

        def write():
            row = m.ApiKey.alive().where(m.ApiKey.prefix == prefix).first()
            if row is None:
                raise NotFound("No API key with that prefix.")
            if row.revoked_at is None:
                now = utcnow()
                m.ApiKey.update(revoked_at=now, updated_at=now, version=m.ApiKey.version + 1).where(
                    m.ApiKey.id == row.id).execute()
            return _info(m.ApiKey.get_by_id(row.id))

        info = await self.store.run(write)
        self._recent.clear()
        return info

    # -- every request ------------------------------------------------------------------
    async def authenticate(self, key: str) -> OperatorContext:
        prefix = split_key(key)
        if prefix is None:
            raise Unauthorized("Invalid API key. Send 'Authorization: Bearer <key>' with a key an admin made.")
        digest = hash_key(key.strip())
        recent = self._recent.get(digest)
        if recent is not None and time.monotonic() - recent[0] < AUTH_CACHE_SECONDS:
            return recent[1]

        def read():
            row = (m.ApiKey.alive().join(m.Operator).select(m.ApiKey, m.Operator)
                   .where(m.ApiKey.prefix == prefix).first())
            return row, (row.operator if row is not None else None)

        row, op = await self.store.read(read)
        if row is None or not hmac.compare_digest(row.secret_hash, digest):
            raise Unauthorized("Invalid API key. Send 'Authorization: Bearer <key>' with a key an admin made.")
        if row.revoked_at is not None:
            raise Unauthorized("This API key was revoked.")
        if op.deleted_at is not None or op.status != "active":
            raise Unauthorized("Operator is inactive.")
        now = time.monotonic()
        if now - self._last_written.get(row.id, -LAST_USED_EVERY) >= LAST_USED_EVERY:
            self._last_written[row.id] = now
            key_id, at = row.id, utcnow()
            await self.store.run(lambda: m.ApiKey.update(last_used_at=at).where(m.ApiKey.id == key_id).execute())
        index = self.groups.index if self.groups is not None else DomainIndex()
        ctx = context_for(info_from_row(op), index, via="api")
        ctx = dataclasses.replace(ctx, display_name=f"{ctx.name} (API key {prefix})"[:120])
        if len(self._recent) > 1000:
            self._recent.clear()
        self._recent[digest] = (now, ctx)
        return ctx
