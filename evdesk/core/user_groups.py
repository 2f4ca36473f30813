"""Charging user groups: a name, an active flag, a session limit, the stop limits of the
members' sessions (maximum minutes, kWh, cost: the stricter of these and the tariff's
applies, `session_limits.py`), a load-management priority (`core/load/priorities.py`), members. A user is in one group at most; a group can be
deleted only when it has no members.

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
from evdesk.core.load.priorities import clean_priority
from evdesk.core.people_domain import KEEP, require_site_wide_admin
from evdesk.core.people_types import UserGroupRow, row_of
from evdesk.core.permissions import OperatorContext, Permission
from evdesk.core.session_limits import checked_limits
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


def stop_limits(minutes, kwh, cost) -> dict:
    """The group's stop limits as stored; an argument left KEEP is left out (unchanged on an update)."""
    given = {k: v for k, v in (("limit_minutes", minutes), ("limit_kwh", kwh), ("limit_cost", cost)) if v is not KEEP}
    checked = checked_limits(given.get("limit_minutes"), given.get("limit_kwh"), given.get("limit_cost"),
                             fields=("limit_minutes", "limit_kwh", "limit_cost"))
    out = {"limit_minutes": checked[0], "limit_wh": int(checked[1] * 1000) if checked[1] is not None else None,
           "limit_cost_minor": int(checked[2] * 100) if checked[2] is not None else None}
    names = {"limit_minutes": "limit_minutes", "limit_kwh": "limit_wh", "limit_cost": "limit_cost_minor"}
    return {names[k]: out[names[k]] for k in given}


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
                     max_concurrent: int | None = None, *, limit_minutes: int | None = None, limit_kwh=None,
                     limit_cost=None, load_priority=0) -> UserGroupRow:
        require_site_wide_admin(ctx, Permission.MANAGE_USER_GROUPS)
        name = _clean(name, max_concurrent)
        limits = stop_limits(limit_minutes, limit_kwh, limit_cost)
        limits["load_priority"] = clean_priority(load_priority)

        def write():
            if q.user_group_name_taken(name):
                raise ValidationError(NAME_TAKEN, field="name")
            group_id = repo.insert_user_group(name, active, max_concurrent, limits)
            moved = repo.set_user_group_members(group_id, member_ids) if member_ids is not None else []
            return self._row(group_id), moved, self.people.fresh(user_ids=moved, group_ids=[group_id])

        row, moved, snap = await self.people.write(write, missing=GROUP_NOT_FOUND)
        self.people.changed(snap, users=moved, groups=[row.id])
        return row

    async def update(self, ctx: OperatorContext, group_id: UUID, version: int, name: str, active: bool,
                     member_ids: list[UUID] | None = None, max_concurrent: int | None = None, *,
                     limit_minutes=KEEP, limit_kwh=KEEP, limit_cost=KEEP, load_priority=KEEP) -> UserGroupRow:
        """Stop limits (and the load priority) left KEEP stay as they are; None removes a limit."""
        require_site_wide_admin(ctx, Permission.MANAGE_USER_GROUPS)
        name = _clean(name, max_concurrent)
        limits = stop_limits(limit_minutes, limit_kwh, limit_cost)
        if load_priority is not KEEP:
            limits["load_priority"] = clean_priority(load_priority)

        def write():
            if q.user_group_name_taken(name, group_id):
                raise ValidationError(NAME_TAKEN, field="name")
            repo.update_user_group(group_id, version, name, active, max_concurrent, limits)
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
