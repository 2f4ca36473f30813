"""Charging user groups (admins): a name, an active flag, members. A user is in one group
at most; a group can be deleted only when it has no members."""

from __future__ import annotations

from uuid import UUID

import peewee

from evdesk.core import events as ev
from evdesk.core.clock import utcnow
from evdesk.core.errors import NotFound, ValidationError
from evdesk.core.people_types import UserGroupRow, check_version
from evdesk.core.permissions import OperatorContext, Permission, require
from evdesk.store import models as m

GROUP_NOT_FOUND = "Charging user group not found. Someone may have deleted it; reload the list."
GROUP_HAS_MEMBERS = "This charging user group has members. Move them to another group (or none) before deleting it."


def list_groups(text: str = "") -> list[UserGroupRow]:
    members = dict(
        m.ChargingUser.alive(m.ChargingUser.user_group, peewee.fn.COUNT(m.ChargingUser.id))
        .where(m.ChargingUser.user_group.is_null(False)).group_by(m.ChargingUser.user_group).tuples()
    )
    q = m.UserGroup.alive().order_by(peewee.fn.LOWER(m.UserGroup.name))
    if text.strip():
        q = q.where(m.UserGroup.name ** f"%{text.strip()}%")
    return [UserGroupRow(g.id, g.version, g.name, g.active, members.get(g.id, 0), g.max_concurrent_transactions) for g in q]


def _clean(name: str, max_concurrent: int | None) -> str:
    name = name.strip()
    if not name:
        raise ValidationError("Give the group a name.", field="name")
    if len(name) > 200:
        raise ValidationError("Group names have at most 200 characters.", field="name")
    if max_concurrent is not None and max_concurrent < 1:
        raise ValidationError("Allow at least one session at a time.", field="max_concurrent_transactions")
    return name


def _name_taken(name: str, except_id: UUID | None = None) -> bool:
    q = m.UserGroup.alive().where(peewee.fn.LOWER(m.UserGroup.name) == name.lower())
    if except_id is not None:
        q = q.where(m.UserGroup.id != except_id)
    return q.exists()


def _set_members(group_id: UUID, member_ids: list[UUID] | None) -> list[UUID]:
    """Make exactly these users the members; returns every user whose group changed."""
    if member_ids is None:
        return []
    now = utcnow()
    current = {u for (u,) in m.ChargingUser.alive(m.ChargingUser.id).where(m.ChargingUser.user_group == group_id).tuples()}
    wanted = set(member_ids)
    leaving, joining = current - wanted, wanted - current
    if leaving:
        m.ChargingUser.update(user_group=None, updated_at=now, version=m.ChargingUser.version + 1).where(
            m.ChargingUser.id.in_(list(leaving))).execute()
    if joining:
        m.ChargingUser.update(user_group=group_id, updated_at=now, version=m.ChargingUser.version + 1).where(
            m.ChargingUser.id.in_(list(joining)) & m.ChargingUser.deleted_at.is_null()).execute()
    return list(leaving | joining)


class UserGroupService:
    def __init__(self, people):
        self.people = people
        self.store = people.store

    async def list(self, text: str = "") -> list[UserGroupRow]:
        return await self.store.run(list_groups, text)

    async def members(self, group_id: UUID) -> list[UUID]:
        return await self.store.run(lambda: [u for (u,) in m.ChargingUser.alive(m.ChargingUser.id).where(
            m.ChargingUser.user_group == group_id).tuples()])

    async def create(self, ctx: OperatorContext, name: str, active: bool = True, member_ids: list[UUID] | None = None,
                     max_concurrent: int | None = None) -> UserGroupRow:
        require(ctx, Permission.MANAGE_USER_GROUPS)
        name = _clean(name, max_concurrent)

        def write():
            with self.store.db.atomic():
                if _name_taken(name):
                    raise ValidationError("A charging user group with this name already exists.", field="name")
                g = m.UserGroup.create(name=name, active=active, max_concurrent_transactions=max_concurrent)
                moved = _set_members(g.id, member_ids)
                return g.id, moved, self.people.fresh(user_ids=moved, group_ids=[g.id])

        group_id, moved, snap = await self.store.run(write)
        self.people.changed(snap, users=moved, groups=[group_id])
        return next(g for g in await self.list() if g.id == group_id)

    async def update(self, ctx: OperatorContext, group_id: UUID, version: int, name: str, active: bool,
                     member_ids: list[UUID] | None = None, max_concurrent: int | None = None) -> UserGroupRow:
        require(ctx, Permission.MANAGE_USER_GROUPS)
        name = _clean(name, max_concurrent)

        def write():
            with self.store.db.atomic():
                if _name_taken(name, group_id):
                    raise ValidationError("A charging user group with this name already exists.", field="name")
                n = m.UserGroup.update(
                    name=name, active=active, max_concurrent_transactions=max_concurrent,
                    version=m.UserGroup.version + 1, updated_at=utcnow(),
                ).where((m.UserGroup.id == group_id) & (m.UserGroup.version == version) & m.UserGroup.deleted_at.is_null()).execute()
                if not n:
                    check_version(m.UserGroup, group_id, version, GROUP_NOT_FOUND)
                moved = _set_members(group_id, member_ids)
                return moved, self.people.fresh(user_ids=moved, group_ids=[group_id])

        moved, snap = await self.store.run(write)
        self.people.changed(snap, users=moved, groups=[group_id])
        return next(g for g in await self.list() if g.id == group_id)

    async def delete(self, ctx: OperatorContext, group_id: UUID) -> None:
        require(ctx, Permission.MANAGE_USER_GROUPS)

        def write():
            with self.store.db.atomic():
                g = m.UserGroup.get_or_none((m.UserGroup.id == group_id) & m.UserGroup.deleted_at.is_null())
                if g is None:
                    raise NotFound(GROUP_NOT_FOUND)
                if m.ChargingUser.alive().where(m.ChargingUser.user_group == group_id).exists():
                    raise ValidationError(GROUP_HAS_MEMBERS, field="members")
                now = utcnow()
                m.UserGroup.update(deleted_at=now, updated_at=now, version=m.UserGroup.version + 1).where(
                    m.UserGroup.id == group_id).execute()

        await self.store.run(write)
        self.people.auth.index.apply(self.people.empty(), removed_groups=[group_id])
        self.people.bus.publish(ev.UserGroupChanged(group_id, deleted=True))
