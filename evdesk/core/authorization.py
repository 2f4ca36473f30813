"""Who may charge: the one decision behind Authorize, StartTransaction and remote starts.

`decide` is a pure function over plain facts, so every rule has a table test.
`AuthorizationService` gathers the facts from the store and records each decision
in the authorizations log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from evdesk.core import events as ev
from evdesk.core.clock import utcnow
from evdesk.core.station_cache import StationInfo
from evdesk.store import models as m
from evdesk.store.batch import BatchWriter
from evdesk.store.database import Store

ACCEPTED, BLOCKED, EXPIRED, INVALID, CONCURRENT_TX = "Accepted", "Blocked", "Expired", "Invalid", "ConcurrentTx"


@dataclass(frozen=True)
class TokenFacts:
    id: UUID
    uid: str
    status: str  # active / inactive / blocked
    valid_from: datetime | None
    valid_to: datetime | None
    user_id: UUID | None
    user_status: str | None  # active / disabled / None (no user)
    user_group_active: bool | None
    parent_uid: str | None
    max_concurrent: int | None


@dataclass(frozen=True)
class Decision:
    status: str
    reason: str
    token: TokenFacts | None = None
    expiry: datetime | None = None

    @property
    def accepted(self) -> bool:
        return self.status == ACCEPTED


def decide(token: TokenFacts | None, *, access_mode: str, now: datetime, active_transactions: int = 0) -> Decision:
    """The authorization decision table (issue 3 extends it with access rights)."""
    if access_mode == "free":
        return Decision(ACCEPTED, "free charging", token)
    if token is None:
        return Decision(INVALID, "unknown token")
    if token.status == "blocked":
        return Decision(BLOCKED, "token blocked", token)
    if token.status != "active":
        return Decision(INVALID, "token inactive", token)
    if token.valid_from is not None and now < token.valid_from:
        return Decision(INVALID, "token not yet valid", token)
    if token.valid_to is not None and now >= token.valid_to:
        return Decision(EXPIRED, "token expired", token)
    if token.user_id is not None:
        if token.user_status != "active":
            return Decision(BLOCKED, "charging user disabled", token)
        if token.user_group_active is False:
            return Decision(BLOCKED, "user group inactive", token)
    limit = token.max_concurrent if token.max_concurrent is not None else 1
    if active_transactions >= limit:
        return Decision(CONCURRENT_TX, f"already charging ({active_transactions} running)", token)
    return Decision(ACCEPTED, "token accepted", token, expiry=token.valid_to)


def uid_candidates(id_tag: str, strip_suffix: bool) -> list[str]:
    """Keys to look a tag up by: as sent (any case), then without a vendor suffix (INTEROP §7)."""
    key = (id_tag or "").strip().upper()
    keys = [key]
    if strip_suffix and "_" in key:
        keys.append(key.split("_", 1)[0])
    return keys


def load_token_facts(keys: list[str]) -> TokenFacts | None:
    """Store query (runs on the database worker)."""
    for key in keys:
        row = (
            m.Token.alive()
            .where(m.Token.uid_key == key)
            .first()
        )
        if row is None:
            continue
        user = m.ChargingUser.get_or_none((m.ChargingUser.id == row.user_id) & m.ChargingUser.deleted_at.is_null()) if row.user_id else None
        group_active = None
        if user is not None and user.user_group_id:
            group = m.UserGroup.get_or_none(m.UserGroup.id == user.user_group_id)
            group_active = group.active if group is not None else None
        parent = m.Token.get_or_none(m.Token.id == row.parent_id) if row.parent_id else None
        return TokenFacts(
            id=row.id,
            uid=row.uid,
            status=row.status,
            valid_from=row.valid_from,
            valid_to=row.valid_to,
            user_id=row.user_id,
            user_status=user.status if user is not None else None,
            user_group_active=group_active,
            parent_uid=parent.uid if parent is not None else None,
            max_concurrent=user.max_concurrent_transactions if user is not None else None,
        )
    return None


class AuthorizationService:
    def __init__(self, store: Store, bus: ev.EventBus, batch: BatchWriter, active_count=None):
        self.store = store
        self.bus = bus
        self.batch = batch
        # callable(token uid key) -> number of running transactions for that token
        self.active_count = active_count or (lambda key: 0)

    async def authorize(
        self, info: StationInfo, connector_id: int | None, id_tag: str, context: str, *, starting: bool = True
    ) -> Decision:
        keys = uid_candidates(id_tag, info.strip_id_tag_suffix)
        token = await self.store.run(load_token_facts, keys)
        now = utcnow()
        running = self.active_count(token.uid.upper()) if (token is not None and starting) else 0
        if info.registration != "adopted":
            # a station waiting for adoption may talk, but nobody charges there yet
            decision = Decision(INVALID, "station not adopted", token)
        else:
            decision = decide(token, access_mode=info.access_mode, now=now, active_transactions=running)
        if decision.accepted and decision.expiry is None:
            # let the station cache the answer for a day at most
            decision = Decision(decision.status, decision.reason, decision.token, now + timedelta(days=1))
        self.batch.add(
            m.AuthorizationAttempt,
            {
                "id": m.base.uuid7(),
                "at": now,
                "station": info.id,
                "connector_id": connector_id,
                "id_tag": id_tag[:64],
                "token_id": token.id if token else None,
                "user_id": token.user_id if token else None,
                "context": context,
                "result": decision.status,
                "reason": decision.reason,
            },
        )
        self.bus.publish(ev.AuthorizationDecided(info.id, id_tag, decision.status, decision.reason))
        return decision
