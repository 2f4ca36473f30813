"""Charging user groups: a name, an active flag, a session limit, members. A user is in one
group at most; a group can be deleted only when it has no members.

User groups are site-wide (`people_domain.py`): every operator sees the list and may
put the users they manage in any group; adding, editing and deleting a group reaches
every member on the site, so it needs `MANAGE_USER_GROUPS` and no base group
(whole-site admins); a base-group admin gets "Operator access forbidden.".
"""

from __future__ import annotations

from uuid import UUID

from evdesk.core import events as ev
from evdesk.core.auth_index import Snapshot
from evdesk.core.errors import ValidationError
from evdesk.core.people_domain import require_site_wide_admin
from evdesk.core.people_types import UserGroupRow, row_of
from evdesk.core.permissions import OperatorContext, Permission
from evdesk.store.queries import people as q
from evdesk.store.repos import people as repo

GROUP_NOT_FOUND = "Charging user group not found. Someone may have deleted it; reload the list."
GROUP_HAS_MEMBERS = "This charging user group has members. Move them to another group (or none) before deleting it."
NAME_TAKEN = "A charging user group with this name already exists."


def _clean(name: str, max_concurrent: int | None) -> str:
    name = name.strip()
    if not name:
        raise ValidationError("Give the group a name.", field="name")
    if len(name) > 200:
        raise ValidationError("Group names have at most 200 characters.", field="name")
    if max_concurrent is not None and max_concurrent < 1:
        raise ValidationError("Allow at least one session at a time.", field="max_concurrent_transactions")
    return name


def _rows(text: str = "") -> list[UserGroupRow]:
    return [row_of(UserGroupRow, r) for r in q.user_group_rows(text)]


class UserGroupService:
    def __init__(self, people):
        self.people = people
        self.store = people.store

    async def list(self, text: str = "") -> list[UserGroupRow]:
        """Every group (site-wide objects: the same list for every operator)."""
        return await self.store.read(_rows, text)

    async def create(self, ctx: OperatorContext, name: str, active: bool = True, member_ids: list[UUID] | None = None,
                     max_concurrent: int | None = None) -> UserGroupRow:
        require_site_wide_admin(ctx, Permission.MANAGE_USER_GROUPS)
        name = _clean(name, max_concurrent)

        def write():
            if q.user_group_name_taken(name):
                raise ValidationError(NAME_TAKEN, field="name")
            group_id = repo.insert_user_group(name, active, max_concurrent)
            moved = repo.set_user_group_members(group_id, member_ids) if member_ids is not None else []
            return self._row(group_id), moved, self.people.fresh(user_ids=moved, group_ids=[group_id])

        row, moved, snap = await self.people.write(write, missing=GROUP_NOT_FOUND)
        self.people.changed(snap, users=moved, groups=[row.id])
        return row

    async def update(self, ctx: OperatorContext, group_id: UUID, version: int, name: str, active: bool,
                     member_ids: list[UUID] | None = None, max_concurrent: int | None = None) -> UserGroupRow:
        require_site_wide_admin(ctx, Permission.MANAGE_USER_GROUPS)
        name = _clean(name, max_concurrent)

        def write():
            if q.user_group_name_taken(name, group_id):
                raise ValidationError(NAME_TAKEN, field="name")
            repo.update_user_group(group_id, version, name, active, max_concurrent)
            moved = repo.set_user_group_members(group_id, member_ids) if member_ids is not None else []
            return self._row(group_id), moved, self.people.fresh(user_ids=moved, group_ids=[group_id])

        row, moved, snap = await self.people.write(write, missing=GROUP_NOT_FOUND)
        self.people.changed(snap, users=moved, groups=[group_id])
        return row

    @staticmethod
    def _row(group_id: UUID) -> UserGroupRow:
        return next(g for g in _rows() if g.id == group_id)

    async def delete(self, ctx: OperatorContext, group_id: UUID) -> None:
        require_site_wide_admin(ctx, Permission.MANAGE_USER_GROUPS)

        def write():
            if q.user_group_has_members(group_id):
                raise ValidationError(GROUP_HAS_MEMBERS, field="members")
            repo.delete_user_group(group_id)

        await self.people.write(write, missing=GROUP_NOT_FOUND)
        self.people.auth.index.apply(Snapshot(), removed_groups=[group_id])
        self.people.bus.publish(ev.UserGroupChanged(group_id, deleted=True))
