"""Logging in at a seat: credentials, lockout after repeated failures, expiry and unlock.

A login returns a `LoginSession`: the operator's `OperatorContext` and when the
login expires (`login_valid_minutes` after it was made). After expiry the window
asks for the password again through `unlock`, which applies the same rules.

Recording a login or a failure does not bump the operator row's version: it is
not an edit, and an admin's open edit of that operator stays valid. The rows are
read and written through the store (`store/queries/operators.py`,
`store/repos/operators.py`).

A refused login is an operator's mistake, not a fault: it is logged as one line
(who, from where, why), never with a traceback.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from evdesk.core.clock import utcnow
from evdesk.core.errors import EvdeskError
from evdesk.core.operators import (
    LOCK_MINUTES,
    MAX_FAILED_LOGINS,
    OPERATOR_INACTIVE,
    OPERATOR_NOT_ACTIVE,
    WRONG_CREDENTIALS,
    OperatorInfo,
    context_for,
    info_from_row,
)
from evdesk.core.passwords import hash_password, verify_password
from evdesk.core.permissions import OperatorContext
from evdesk.settings import SiteSettings
from evdesk.store.database import Store
from evdesk.store.queries import operators as q
from evdesk.store.repos import operators as repo

log = logging.getLogger(__name__)
_dummy_hash: str | None = None


class LoginLocked(EvdeskError):
    """Too many wrong passwords: no login until `until` (UTC)."""

    def __init__(self, until: datetime, first: bool = False):
        local = until.astimezone().strftime("%H:%M")
        head = f"{WRONG_CREDENTIALS} " if first else ""
        super().__init__(f"{head}After {MAX_FAILED_LOGINS} failed attempts this login is locked for "
                         f"{LOCK_MINUTES} minutes, until {local}. Try again then, or ask an admin to reset "
                         "your password.")
        self.until = until


@dataclass(frozen=True)
class LoginSession:
    ctx: OperatorContext
    operator: OperatorInfo
    logged_in_at: datetime
    expires_at: datetime

    def expired(self, now: datetime | None = None) -> bool:
        return (now or utcnow()) >= self.expires_at

    def seconds_left(self, now: datetime | None = None) -> float:
        return (self.expires_at - (now or utcnow())).total_seconds()


def count_failure(operator_id) -> datetime | None:
    """Runs on the database worker, in a transaction: one more failed login; returns the
    lock's end when this failure locks the login (`MAX_FAILED_LOGINS` in a row)."""
    if repo.add_failed_login(operator_id) >= MAX_FAILED_LOGINS:
        until = utcnow() + timedelta(minutes=LOCK_MINUTES)
        repo.lock_login(operator_id, until)
        return until
    return None


def _dummy() -> str:
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = hash_password("no such operator, no such password")
    return _dummy_hash


class LoginService:
    def __init__(self, store: Store, settings: SiteSettings, groups):
        self.store = store
        self.settings = settings
        self.groups = groups  # GroupService: the tree the domain is cut from

    async def has_operators(self) -> bool:
        return await self.store.run(q.any_operator)

    async def login(self, username: str, password: str, via: str = "desk") -> LoginSession:
        row = await self.store.run(q.operator_by_username, username)
        try:
            info = await self.verify(row, password)
        except EvdeskError as exc:
            # the name only when it is an operator's: a password typed into the username box stays out of the log
            who = repr(row.username) if row is not None else "an unknown username"
            log.warning("login of %s (%s) refused: %s", who, via, exc)
            raise
        now = utcnow()
        await self.store.run(repo.record_login, info.id, now)
        log.info("%s logged in (%s)", info.username, via)
        return self._session(info, now, via)

    async def unlock(self, session: LoginSession, password: str) -> LoginSession:
        """After expiry: the same operator proves it is them again; a new session with today's rights."""
        row = await self.store.run(q.operator_by_id, session.operator.id)
        try:
            info = await self.verify(row, password)
        except EvdeskError as exc:
            log.warning("unlock of %r (%s) refused: %s", session.operator.username, session.ctx.via, exc)
            raise
        now = utcnow()
        await self.store.run(repo.record_login, info.id, None)
        return self._session(info, now, session.ctx.via)

    def _session(self, info: OperatorInfo, now: datetime, via: str) -> LoginSession:
        ctx = context_for(info, self.groups.index, via)
        return LoginSession(ctx, info, now, now + timedelta(minutes=max(1, self.settings.login_valid_minutes)))

    async def verify(self, row, password: str) -> OperatorInfo:
        """The shared checks: existence, lockout, password, status. Counts failures."""
        if row is None:
            await asyncio.to_thread(verify_password, password or "", _dummy())  # same time as a wrong password
            raise EvdeskError(WRONG_CREDENTIALS)
        now = utcnow()
        if row.locked_until is not None and row.locked_until > now:
            raise LoginLocked(row.locked_until)
        ok = await asyncio.to_thread(verify_password, password or "", row.password_hash)
        if not ok:
            until = await self.store.atomic(count_failure, row.id)
            if until is not None:
                raise LoginLocked(until, first=True)
            raise EvdeskError(WRONG_CREDENTIALS)
        if row.status == "inactive":
            raise EvdeskError(OPERATOR_INACTIVE)
        if row.status != "active":
            raise EvdeskError(f"{OPERATOR_NOT_ACTIVE} Set your password with the code from your invitation "
                              "e-mail first.")
        return info_from_row(row)

