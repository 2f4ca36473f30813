"""Charging users: names, e-mail, phone, user group, status, vehicles, access rights, tokens.

Every change takes the operator's `OperatorContext`: adding and editing needs
`EDIT_USERS`, removing `REMOVE_USERS` (admins); access rights may only name
charging groups and stations in the operator's domain. Edits carry the version
read; a stale one is refused (`StaleEdit`).
"""

from __future__ import annotations

from uuid import UUID

import peewee

from evdesk.core import events as ev
from evdesk.core.clock import utcnow
from evdesk.core.errors import NotFound, ValidationError
from evdesk.core.people_types import (
    EMAIL_EXISTS,
    USER_NOT_FOUND,
    TokenInput,
    UserDetail,
    UserInput,
    UserRow,
    check_version,
    clean_token,
    clean_user,
)
from evdesk.core.permissions import OperatorContext, Permission, require, require_group, require_station
from evdesk.core.tokens import insert_token, token_row, tombstone
from evdesk.store import models as m


def user_query(text: str = "", status: str | None = None, user_group_id: UUID | None = None):
    q = m.ChargingUser.alive()
    if status:
        q = q.where(m.ChargingUser.status == status)
    if user_group_id is not None:
        q = q.where(m.ChargingUser.user_group == user_group_id)
    for word in text.split():
        like = f"%{word}%"
        by_token = m.Token.alive(m.Token.user).where(m.Token.uid_key.contains(word.upper()) & m.Token.user.is_null(False))
        q = q.where(
            (m.ChargingUser.first_name ** like) | (m.ChargingUser.last_name ** like) | (m.ChargingUser.email ** like)
            | m.ChargingUser.id.in_(by_token)
        )
    return q


def list_users(text: str = "", status: str | None = None, user_group_id: UUID | None = None,
               offset: int = 0, limit: int = 200) -> list[UserRow]:
    """One page of users by name (worker)."""
    return rows_of(list(
        user_query(text, status, user_group_id)
        .order_by(peewee.fn.LOWER(m.ChargingUser.last_name), peewee.fn.LOWER(m.ChargingUser.first_name), m.ChargingUser.id)
        .offset(offset).limit(limit)
    ))


def user_rows(user_ids) -> list[UserRow]:
    """(worker) The list rows of these users (the live ones; screens refresh changed rows with it)."""
    return rows_of(list(m.ChargingUser.alive().where(m.ChargingUser.id.in_(list(user_ids))))) if user_ids else []


def rows_of(users) -> list[UserRow]:
    ids = [u.id for u in users]
    uids: dict[UUID, list[str]] = {}
    if ids:
        for user_id, uid in m.Token.alive(m.Token.user, m.Token.uid).where(m.Token.user.in_(ids)).order_by(m.Token.uid_key).tuples():
            uids.setdefault(user_id, []).append(uid)
    plates: dict[UUID, list[str]] = {}
    if ids:
        for user_id, plate in m.Vehicle.alive(m.Vehicle.user, m.Vehicle.registration_plate).where(
                m.Vehicle.user.in_(ids)).order_by(m.Vehicle.registration_plate).tuples():
            plates.setdefault(user_id, []).append(plate)
    groups = dict(m.UserGroup.select(m.UserGroup.id, m.UserGroup.name).tuples())
    return [
        UserRow(u.id, u.version, u.first_name, u.last_name, u.email or "", u.phone, u.user_group_id,
                groups.get(u.user_group_id, ""), u.status, tuple(uids.get(u.id, ())), tuple(plates.get(u.id, ())))
        for u in users
    ]


def count_users(text: str = "", status: str | None = None, user_group_id: UUID | None = None) -> int:
    return user_query(text, status, user_group_id).count()


def read_detail(user_id: UUID) -> UserDetail:
    u = m.ChargingUser.get_or_none((m.ChargingUser.id == user_id) & m.ChargingUser.deleted_at.is_null())
    if u is None:
        raise NotFound(USER_NOT_FOUND)
    rights = list(m.AccessRight.alive().where(m.AccessRight.user == user_id))
    data = UserInput(
        u.first_name, u.last_name, u.email or "", u.phone, u.user_group_id, u.status, u.disabled_reason,
        u.max_concurrent_transactions,
        [v.registration_plate for v in m.Vehicle.alive().where(m.Vehicle.user == user_id).order_by(m.Vehicle.registration_plate)],
        [r.group_id for r in rights if r.group_id], [r.station_id for r in rights if r.station_id],
    )
    tokens = [token_row(t, u) for t in m.Token.alive().where(m.Token.user == user_id).order_by(m.Token.uid_key)]
    return UserDetail(u.id, u.version, data, tokens)


def email_taken(email: str, except_id: UUID | None = None) -> bool:
    if not email:
        return False
    q = m.ChargingUser.alive().where(peewee.fn.LOWER(m.ChargingUser.email) == email.lower())
    if except_id is not None:
        q = q.where(m.ChargingUser.id != except_id)
    return q.exists()


def write_children(user_id: UUID, data: UserInput) -> None:
    """Replace a user's vehicles and access rights (worker, in a transaction)."""
    now = utcnow()
    m.Vehicle.update(deleted_at=now, updated_at=now).where((m.Vehicle.user == user_id) & m.Vehicle.deleted_at.is_null()).execute()
    m.AccessRight.update(deleted_at=now, updated_at=now).where(
        (m.AccessRight.user == user_id) & m.AccessRight.deleted_at.is_null()).execute()
    if data.vehicles:
        m.Vehicle.insert_many([{"id": m.base.uuid7(), "user": user_id, "registration_plate": p} for p in data.vehicles]).execute()
    rights = [{"id": m.base.uuid7(), "user": user_id, "group": g, "station": None} for g in data.group_rights]
    rights += [{"id": m.base.uuid7(), "user": user_id, "group": None, "station": s} for s in data.station_rights]
    if rights:
        m.AccessRight.insert_many(rights).execute()


def user_fields(data: UserInput) -> dict:
    return dict(
        first_name=data.first_name, last_name=data.last_name, email=data.email or None, phone=data.phone,
        user_group=data.user_group_id, status=data.status, disabled_reason=data.disabled_reason,
        max_concurrent_transactions=data.max_concurrent_transactions,
    )


def check_references(data: UserInput) -> None:
    if data.user_group_id is not None and not m.UserGroup.alive().where(m.UserGroup.id == data.user_group_id).exists():
        raise ValidationError("That charging user group no longer exists. Choose another.", field="user_group_id")


class ChargingUserService:
    def __init__(self, people):
        self.people = people
        self.store = people.store

    # -- reading --------------------------------------------------------------------
    async def list(self, text: str = "", status: str | None = None, user_group_id: UUID | None = None,
                   offset: int = 0, limit: int = 200) -> list[UserRow]:
        return await self.store.run(list_users, text, status, user_group_id, offset, limit)

    async def rows(self, user_ids) -> list[UserRow]:
        """List rows of the given users (missing ones are left out: removed)."""
        return await self.store.run(user_rows, list(user_ids))

    async def count(self, text: str = "", status: str | None = None, user_group_id: UUID | None = None) -> int:
        return await self.store.run(count_users, text, status, user_group_id)

    async def get(self, user_id: UUID) -> UserDetail:
        return await self.store.run(read_detail, user_id)

    # -- checks ----------------------------------------------------------------------
    def check_rights(self, ctx: OperatorContext, data: UserInput) -> None:
        for group_id in data.group_rights:
            require_group(ctx, group_id)
        for station_id in data.station_rights:
            info = self.people.stations.by_id.get(station_id)
            if info is None:
                raise ValidationError("A chosen charging station no longer exists.", field="station_rights")
            require_station(ctx, info.group_id)

    # -- changing ------------------------------------------------------------------------
    async def create(self, ctx: OperatorContext, data: UserInput, tokens: list[TokenInput] = ()) -> UserDetail:
        require(ctx, Permission.EDIT_USERS)
        data = clean_user(data)
        self.check_rights(ctx, data)
        tokens = [clean_token(t) for t in tokens]

        def write():
            with self.store.db.atomic():
                if email_taken(data.email):
                    raise ValidationError(EMAIL_EXISTS, field="email")
                check_references(data)
                user = m.ChargingUser.create(**user_fields(data))
                write_children(user.id, data)
                for token in tokens:
                    insert_token(token, user.id)
                return read_detail(user.id), self.people.fresh(user_ids=[user.id])

        detail, snap = await self.store.run(write)
        self.people.changed(snap, users=[detail.id], tokens=detail.tokens)
        return detail

    async def update(self, ctx: OperatorContext, user_id: UUID, version: int, data: UserInput) -> UserDetail:
        require(ctx, Permission.EDIT_USERS)
        data = clean_user(data)
        self.check_rights(ctx, data)

        def write():
            with self.store.db.atomic():
                if email_taken(data.email, user_id):
                    raise ValidationError(EMAIL_EXISTS, field="email")
                check_references(data)
                n = m.ChargingUser.update(
                    **user_fields(data), version=m.ChargingUser.version + 1, updated_at=utcnow(),
                ).where((m.ChargingUser.id == user_id) & (m.ChargingUser.version == version)
                        & m.ChargingUser.deleted_at.is_null()).execute()
                if not n:
                    check_version(m.ChargingUser, user_id, version, USER_NOT_FOUND)
                write_children(user_id, data)
                return read_detail(user_id), self.people.fresh(user_ids=[user_id])

        detail, snap = await self.store.run(write)
        self.people.changed(snap, users=[user_id])
        return detail

    async def remove(self, ctx: OperatorContext, user_id: UUID) -> None:
        """Remove a user (admins): their tokens are deleted with them; sessions stay in history."""
        require(ctx, Permission.REMOVE_USERS)

        def write():
            with self.store.db.atomic():
                u = m.ChargingUser.get_or_none((m.ChargingUser.id == user_id) & m.ChargingUser.deleted_at.is_null())
                if u is None:
                    raise NotFound(USER_NOT_FOUND)
                tokens = list(m.Token.alive().where(m.Token.user == user_id))
                for t in tokens:
                    tombstone(t)
                now = utcnow()
                m.ChargingUser.update(deleted_at=now, updated_at=now, version=m.ChargingUser.version + 1,
                                      email=None).where(m.ChargingUser.id == user_id).execute()
                return tokens

        tokens = await self.store.run(write)
        index = self.people.auth.index
        for t in tokens:
            index.drop_token(t.id)
        index.apply(self.people.empty(), removed_users=[user_id])
        for t in tokens:
            self.people.bus.publish(ev.TokenChanged(t.id, t.uid, user_id, t.status, deleted=True))
        self.people.bus.publish(ev.ChargingUserChanged(user_id, deleted=True))

    async def disable(self, ctx: OperatorContext, user_id: UUID, reason: str) -> UserDetail:
        detail = await self.get(user_id)
        detail.data.status, detail.data.disabled_reason = "disabled", reason
        return await self.update(ctx, user_id, detail.version, detail.data)
