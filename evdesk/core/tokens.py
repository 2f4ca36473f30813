"""RFID tokens: add, edit, block, delete (admins only), list and search.

A token's uid is kept as entered and matched ignoring case (`uid_key`, unique).
A deleted token leaves a tombstone whose key no longer blocks the uid.
"""

from __future__ import annotations

from uuid import UUID

import peewee

from evdesk.core import events as ev
from evdesk.core.clock import utcnow
from evdesk.core.errors import NotFound, ValidationError
from evdesk.core.people_types import TOKEN_EXISTS, TokenInput, TokenRow, check_version, clean_token
from evdesk.core.permissions import OperatorContext, Permission, require
from evdesk.store import models as m

TOKEN_NOT_FOUND = "Token not found. Someone may have deleted it; reload the list."


def token_row(t, user=None) -> TokenRow:
    user = user if user is not None else (t.user if t.user_id else None)
    parent = t.parent if t.parent_id else None
    return TokenRow(
        t.id, t.version, t.uid, t.name, t.status, t.valid_from_day, t.valid_to_day, t.user_id,
        f"{user.first_name} {user.last_name}".strip() if user is not None else "",
        parent.uid if parent is not None and parent.deleted_at is None else "",
    )


def parent_id_for(uid: str) -> UUID | None:
    if not uid:
        return None
    parent = m.Token.alive().where(m.Token.uid_key == uid.upper()).first()
    if parent is None:
        raise ValidationError(f"No token {uid} to use as the parent (group) token. Add it first.", field="parent_uid")
    return parent.id


def insert_token(data: TokenInput, user_id: UUID | None) -> UUID:
    """(worker, inside a transaction)"""
    if m.Token.select().where(m.Token.uid_key == data.uid.upper()).exists():
        raise ValidationError(TOKEN_EXISTS, field="uid")
    return m.Token.create(
        uid=data.uid, uid_key=data.uid.upper(), name=data.name, status=data.status, valid_from_day=data.valid_from_day,
        valid_to_day=data.valid_to_day, parent=parent_id_for(data.parent_uid), user=user_id,
    ).id


def token_query(text: str = "", status: str | None = None, user_id: UUID | None = None):
    q = m.Token.alive().join(m.ChargingUser, peewee.JOIN.LEFT_OUTER, on=(m.Token.user == m.ChargingUser.id)) \
        .select(m.Token, m.ChargingUser)
    if status:
        q = q.where(m.Token.status == status)
    if user_id is not None:
        q = q.where(m.Token.user == user_id)
    text = text.strip()
    if text:
        like = f"%{text}%"
        q = q.where(
            m.Token.uid_key.contains(text.upper()) | m.Token.name ** like | m.ChargingUser.first_name ** like
            | m.ChargingUser.last_name ** like | m.ChargingUser.email ** like
        )
    return q


def list_tokens(text: str = "", status: str | None = None, offset: int = 0, limit: int = 200) -> list[TokenRow]:
    q = token_query(text, status).order_by(m.Token.uid_key).offset(offset).limit(limit)
    return [token_row(t, t.user if t.user_id else None) for t in q]


def count_tokens(text: str = "", status: str | None = None) -> int:
    return token_query(text, status).count()


class TokenService:
    def __init__(self, people):
        self.people = people
        self.store = people.store

    async def list(self, text: str = "", status: str | None = None, offset: int = 0, limit: int = 200) -> list[TokenRow]:
        return await self.store.run(list_tokens, text, status, offset, limit)

    async def count(self, text: str = "", status: str | None = None) -> int:
        return await self.store.run(count_tokens, text, status)

    async def get(self, token_id: UUID) -> TokenRow:
        def read():
            t = m.Token.get_or_none((m.Token.id == token_id) & m.Token.deleted_at.is_null())
            if t is None:
                raise NotFound(TOKEN_NOT_FOUND)
            return token_row(t)

        return await self.store.run(read)

    async def add(self, ctx: OperatorContext, data: TokenInput, user_id: UUID | None = None) -> TokenRow:
        require(ctx, Permission.EDIT_USERS)
        data = clean_token(data)

        def write():
            with self.store.db.atomic():
                if user_id is not None and not m.ChargingUser.alive().where(m.ChargingUser.id == user_id).exists():
                    raise NotFound("Charging user not found.")
                token_id = insert_token(data, user_id)
                return token_row(m.Token.get_by_id(token_id)), self.people.fresh(token_ids=[token_id])

        row, snap = await self.store.run(write)
        self.people.changed(snap, tokens=[row])
        return row

    async def update(self, ctx: OperatorContext, token_id: UUID, version: int, data: TokenInput) -> TokenRow:
        """Name, status, validity and parent; the uid itself is fixed once entered."""
        require(ctx, Permission.EDIT_USERS)
        data = clean_token(data)

        def write():
            with self.store.db.atomic():
                old = m.Token.get_or_none((m.Token.id == token_id) & m.Token.deleted_at.is_null())
                if old is None:
                    raise NotFound(TOKEN_NOT_FOUND)
                if data.uid.upper() != old.uid_key:
                    raise ValidationError("The token id cannot be changed. Add a new token instead.", field="uid")
                n = m.Token.update(
                    uid=data.uid, name=data.name, status=data.status, valid_from_day=data.valid_from_day,
                    valid_to_day=data.valid_to_day, parent=parent_id_for(data.parent_uid), version=m.Token.version + 1,
                    updated_at=utcnow(),
                ).where((m.Token.id == token_id) & (m.Token.version == version) & m.Token.deleted_at.is_null()).execute()
                if not n:
                    check_version(m.Token, token_id, version, TOKEN_NOT_FOUND)
                return old.status, token_row(m.Token.get_by_id(token_id)), self.people.fresh(token_ids=[token_id])

        was, row, snap = await self.store.run(write)
        self.people.changed(snap, tokens=[row], blocked={row.id} if row.status == "blocked" and was != "blocked" else ())
        return row

    async def set_status(self, ctx: OperatorContext, token_id: UUID, status: str) -> TokenRow:
        """Block, unblock, (de)activate without the rest of the form (the newest version wins)."""
        current = await self.get(token_id)
        data = TokenInput(current.uid, current.name, status, current.valid_from_day, current.valid_to_day, current.parent_uid)
        return await self.update(ctx, token_id, current.version, data)

    async def delete(self, ctx: OperatorContext, token_id: UUID) -> None:
        require(ctx, Permission.DELETE_TOKENS)

        def write():
            with self.store.db.atomic():
                t = m.Token.get_or_none((m.Token.id == token_id) & m.Token.deleted_at.is_null())
                if t is None:
                    raise NotFound(TOKEN_NOT_FOUND)
                tombstone(t)
                return t

        t = await self.store.run(write)
        self.people.auth.index.drop_token(token_id)
        self.people.bus.publish(ev.TokenChanged(t.id, t.uid, t.user_id, t.status, deleted=True))


def tombstone(t) -> None:
    """(worker) Delete a token: the uid becomes free for a new token."""
    now = utcnow()
    m.Token.update(deleted_at=now, updated_at=now, version=m.Token.version + 1,
                   uid_key=f"{t.uid_key}~{t.id.hex}"[:64]).where(m.Token.id == t.id).execute()
    m.Token.update(parent=None).where(m.Token.parent == t.id).execute()
