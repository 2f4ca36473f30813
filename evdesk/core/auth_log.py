"""The authorizations log (every decision: when, where, which tag, whose, the result
and why) and turning an unknown tag someone tapped on a charger into a token."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

import peewee

from evdesk.core.errors import NotFound
from evdesk.core.people_types import TokenInput, TokenRow, UserInput
from evdesk.core.permissions import OperatorContext
from evdesk.core.queries import Cursor
from evdesk.store import models as m


@dataclass(frozen=True)
class AuthLogRow:
    id: UUID
    at: datetime
    station_id: UUID | None
    station: str
    connector_id: int | None
    id_tag: str
    token_id: UUID | None
    user_id: UUID | None
    user: str
    context: str
    result: str
    reason: str

    @property
    def unknown_tag(self) -> bool:
        return self.token_id is None and self.reason == "unknown token"


@dataclass(frozen=True)
class AuthLogFilter:
    since: datetime | None = None
    until: datetime | None = None
    station_id: UUID | None = None
    result: str | None = None
    text: str = ""  # tag, user name or reason


def auth_log_page(flt: AuthLogFilter, before: Cursor | None, limit: int) -> list[AuthLogRow]:
    """(worker) A newest-first page of decisions."""
    A = m.AuthorizationAttempt
    q = (A.select(A, m.Station.name, m.Station.identity, m.ChargingUser.first_name, m.ChargingUser.last_name)
         .join(m.Station, peewee.JOIN.LEFT_OUTER, on=(A.station == m.Station.id))
         .join(m.ChargingUser, peewee.JOIN.LEFT_OUTER, on=(A.user_id == m.ChargingUser.id), src=A))
    if flt.since is not None:
        q = q.where(A.at >= flt.since)
    if flt.until is not None:
        q = q.where(A.at < flt.until)
    if flt.station_id is not None:
        q = q.where(A.station == flt.station_id)
    if flt.result:
        q = q.where(A.result == flt.result)
    for word in flt.text.split():
        like = f"%{word}%"
        q = q.where((A.id_tag ** like) | (A.reason ** like) | (m.ChargingUser.first_name ** like)
                    | (m.ChargingUser.last_name ** like))
    if before is not None:
        at, row_id = before
        q = q.where((A.at < at) | ((A.at == at) & (A.id < row_id)))
    q = q.order_by(A.at.desc(), A.id.desc()).limit(limit)
    return [row_of(r) for r in q.objects()]


def row_of(r) -> AuthLogRow:
    user = f"{r.first_name or ''} {r.last_name or ''}".strip() if r.user_id else ""
    return AuthLogRow(
        r.id, r.at, r.station_id, (r.name or r.identity) if r.station_id else "", r.connector_id, r.id_tag,
        r.token_id, r.user_id, user, r.context, r.result, r.reason,
    )


class AuthorizationLog:
    def __init__(self, people):
        self.people = people
        self.store = people.store

    async def page(self, flt: AuthLogFilter, before: Cursor | None = None, limit: int = 200) -> list[AuthLogRow]:
        return await self.store.run(auth_log_page, flt, before, limit)

    async def register_tag(self, ctx: OperatorContext, id_tag: str, *, user_id: UUID | None = None,
                           new_user: UserInput | None = None, name: str = "", strip_suffix: bool = False) -> TokenRow:
        """Make a tag seen at a charger a token of an existing user (`user_id`) or of a new
        user (`new_user`). With `strip_suffix` a vendor suffix (`_serial`) is dropped."""
        uid = id_tag.strip()
        if strip_suffix and "_" in uid:
            uid = uid.split("_", 1)[0]
        token = TokenInput(uid=uid, name=name)
        if new_user is not None:
            detail = await self.people.users.create(ctx, new_user, [token])
            return detail.tokens[0]
        if user_id is None:
            raise NotFound("Choose the charging user the token belongs to.")
        return await self.people.tokens.add(ctx, token, user_id)
