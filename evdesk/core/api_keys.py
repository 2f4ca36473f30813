"""API keys: a key acts as its operator, with that operator's role and domain. The key is
shown once; the store keeps its prefix (to find the row) and the SHA-256 of the whole key
(to prove it).

Who may make, list and revoke keys — so that a key never lifts anyone above their rights:

* **Your own keys**: any active operator may create, list and revoke keys that act as
  themselves. An analyst's key is read-only because it acts as the analyst.
* **Keys of others**: an admin may create keys for, list and revoke the keys of operators
  inside the admin's domain — the target's base group lies in the admin's domain (their
  base group or below). An operator with no base group is root: only a root admin may act
  for them. The target has no more rights than the admin (role admin ≥ basic ≥ analyst,
  domain within the admin's).
* Nobody else: basic operators and analysts see and touch only their own keys; anything
  outside the domain is "Operator access forbidden.".
* evdesk itself (`SYSTEM_CONTEXT`, e.g. the `evdesk api-key` command line run by whoever
  holds the data folder) is a root admin. A context without an operator that is not the
  system's gets nothing.

The acting operator's role, base group and status are read from the store at each call,
not taken from the context (a login or a cached key check may be minutes old). Keys and
operators are read and written through the store (`store/queries/operators.py`,
`store/repos/operators.py`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from evdesk.core import events as ev
from evdesk.core.clock import utcnow
from evdesk.core.errors import AccessDenied, EvdeskError, NotFound, ValidationError
from evdesk.core.operators import OPERATOR_INACTIVE, context_for, info_from_row
from evdesk.core.permissions import (
    ACCESS_DENIED,
    ADMIN,
    ANALYST,
    BASIC,
    OPERATOR_ACCESS_FORBIDDEN,
    DomainIndex,
    OperatorContext,
)
from evdesk.store.database import Store
from evdesk.store.queries import operators as q
from evdesk.store.repos import groups as group_repo
from evdesk.store.repos import operators as repo

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


def _info(key: q.StoredApiKey, operator: q.StoredOperator) -> ApiKeyInfo:
    return ApiKeyInfo(key.id, key.name, key.prefix, key.operator_id, operator.username, key.created_at,
                      key.last_used_at, key.revoked_at)


RANK = {ANALYST: 0, BASIC: 1, ADMIN: 2}


@dataclass(frozen=True)
class _Actor:
    """Who is acting, as the store says now: their id (None: evdesk itself), role and domain."""

    operator_id: UUID | None
    role: str
    domain: frozenset[UUID] | None  # None: the whole site

    def may_act_for(self, target) -> bool:
        if self.operator_id is not None and target.id == self.operator_id:
            return True  # your own keys
        if self.role != ADMIN or RANK.get(target.role, RANK[ADMIN]) > RANK[self.role]:
            return False
        if self.domain is None:
            return True  # a root admin: everyone
        return target.base_group_id is not None and target.base_group_id in self.domain

    def check(self, target) -> None:
        """AccessDenied unless the actor may make, see and revoke `target`'s keys."""
        if self.may_act_for(target):
            return
        if self.role != ADMIN:
            raise AccessDenied(ACCESS_DENIED)
        raise AccessDenied(OPERATOR_ACCESS_FORBIDDEN)


def _actor(ctx: OperatorContext) -> _Actor:
    """Runs on the database worker: the acting operator's rights as stored now."""
    if ctx.operator_id is None:
        if ctx.via == "system" and ctx.role == ADMIN and ctx.is_root:
            return _Actor(None, ADMIN, None)
        raise AccessDenied(ACCESS_DENIED)  # fail closed: no operator, no keys
    row = q.operator_by_id(ctx.operator_id)
    if row is None or row.status != "active":
        raise AccessDenied(OPERATOR_INACTIVE)
    if row.base_group_id is None:
        return _Actor(row.id, row.role, None)
    tree = DomainIndex({group_id: parent_id for group_id, _name, parent_id, _version in group_repo.all_groups()})
    return _Actor(row.id, row.role, tree.subtree(row.base_group_id))


class ApiKeyService:
    """One per site (`Services.api_keys`): the API, the API keys page and the command line
    share it, so a revoke anywhere clears the key cache the API checks."""

    def __init__(self, store: Store, groups=None, bus: ev.EventBus | None = None):
        self.store = store
        self.groups = groups  # GroupService (its tree cuts the domain); None: a DomainIndex is read
        self._last_written: dict[UUID, float] = {}
        # key hash -> (checked at, context): an integration polling many times a second
        # costs one look-up every AUTH_CACHE_SECONDS; a revocation, or a change of an
        # operator in this process, clears it at once; a change made by another process
        # (another seat, the command line) applies within that time.
        self._recent: dict[str, tuple[float, OperatorContext]] = {}
        if bus is not None:
            bus.subscribe(ev.OperatorChanged, lambda _event: self._recent.clear())
            # another seat deactivated an operator or revoked a key (the change feed tells)
            bus.subscribe(ev.RowsChanged, lambda event: self._recent.clear()
                          if event.entity in ("operator", "api_key") else None)

    # -- managing keys (the rules are in the module text) -----------------------------
    async def create(self, ctx: OperatorContext, operator: str | UUID, name: str = "") -> tuple[ApiKeyInfo, str]:
        """A new key for an operator (by username or id). Returns the key in full: show it once."""
        name = (name or "").strip()
        if len(name) > 200:
            raise ValidationError("Key names have at most 200 characters.", field="name")
        prefix, key = new_key()

        def write():
            actor = _actor(ctx)
            op = q.operator_by_id(operator) if isinstance(operator, UUID) else q.operator_by_username(str(operator))
            if op is None:
                shown = str(operator).strip()[:120]
                raise ValidationError(f"No operator '{shown}'." if shown else "Name the operator the key acts as.",
                                      field="operator")
            actor.check(op)
            row = repo.insert_api_key(name=name or f"key {prefix}", prefix=prefix, secret_hash=hash_key(key),
                                      operator_id=op.id, created_at=utcnow())
            return _info(row, op)

        return await self.store.atomic(write), key

    async def list(self, ctx: OperatorContext, include_revoked: bool = True) -> list[ApiKeyInfo]:
        """The keys `ctx` may see: their own, and for admins those of the operators in their domain."""

        def read():
            actor = _actor(ctx)
            rows = q.api_keys(None if actor.role == ADMIN else actor.operator_id, include_revoked)
            return [_info(key, op) for key, op in rows if actor.may_act_for(op)]

        return await self.store.read(read)

    async def revoke(self, ctx: OperatorContext, prefix: str) -> ApiKeyInfo:
        prefix = (split_key(prefix) or prefix or "").strip()

        def write():
            actor = _actor(ctx)
            found = q.api_key_by_prefix(prefix)
            if found is None:
                raise NotFound("No API key with that prefix.")
            key, op = found
            actor.check(op)
            if key.revoked_at is None:
                key = repo.revoke_api_key(key.id, utcnow())
            return _info(key, op)

        info = await self.store.atomic(write)
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

        found = await self.store.read(q.api_key_by_prefix, prefix)
        row, op = found if found is not None else (None, None)
        if row is None or not hmac.compare_digest(row.secret_hash, digest):
            raise Unauthorized("Invalid API key. Send 'Authorization: Bearer <key>' with a key an admin made.")
        if row.revoked_at is not None:
            raise Unauthorized("This API key was revoked.")
        if op.deleted_at is not None or op.status != "active":
            raise Unauthorized("Operator is inactive.")
        now = time.monotonic()
        if now - self._last_written.get(row.id, -LAST_USED_EVERY) >= LAST_USED_EVERY:
            self._last_written[row.id] = now
            await self.store.run(repo.touch_api_key, row.id, utcnow())
        index = self.groups.index if self.groups is not None else DomainIndex()
        ctx = context_for(info_from_row(op), index, via="api")
        ctx = dataclasses.replace(ctx, display_name=f"{ctx.name} (API key {prefix})"[:120])
        if len(self._recent) > 1000:
            self._recent.clear()
        self._recent[digest] = (now, ctx)
        return ctx
