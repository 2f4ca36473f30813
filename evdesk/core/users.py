"""Charging users: names, e-mail, phone, user group, status, vehicles, access rights,
home charging group, tokens.

Every change takes the operator's `OperatorContext`: adding and editing needs
`EDIT_USERS`, removing `REMOVE_USERS` (admins); the user must be in the operator's
domain, and access rights they give must be too (the rules: `people_domain.py`).
Edits carry the version read; a stale one is refused (`StaleEdit`). Reading is the
read service's (`reads/people.py`).
"""

from __future__ import annotations

from uuid import UUID

from evdesk.core import events as ev
from evdesk.core.auth_index import Snapshot
from evdesk.core.errors import NotFound, ValidationError
from evdesk.core.people_domain import KEEP, check_new_rights, hidden_rights, home_for_new, require_home
from evdesk.core.people_types import (
    EMAIL_EXISTS,
    USER_NOT_FOUND,
    TokenInput,
    UserDetail,
    UserInput,
    clean_token,
    clean_user,
)
from evdesk.core.permissions import OperatorContext, Permission, require
from evdesk.core.reads.people import detail_for
from evdesk.core.tokens import insert_token
from evdesk.store.queries import people as q
from evdesk.store.repos import people as repo

HOME_GROUP_GONE = "That charging group no longer exists. Choose another."


def user_fields(data: UserInput) -> dict:
    return dict(
        first_name=data.first_name, last_name=data.last_name, email=data.email or None, phone=data.phone,
        user_group=data.user_group_id, status=data.status, disabled_reason=data.disabled_reason,
        max_concurrent_transactions=data.max_concurrent_transactions, departure_time=data.departure_time,
    )


def check_references(data: UserInput, home_group_id: UUID | None) -> None:
    """(worker) The user group and the home group still exist; the e-mail is not taken."""
    if data.user_group_id is not None and not q.user_group_exists(data.user_group_id):
        raise ValidationError("That charging user group no longer exists. Choose another.", field="user_group_id")
    if home_group_id is not None and not q.charging_group_exists(home_group_id):
        raise ValidationError(HOME_GROUP_GONE, field="home_group_id")


class ChargingUserService:
    def __init__(self, people):
        self.people = people
        self.stations = people.stations

    def _detail(self, ctx: OperatorContext, user_id: UUID) -> UserDetail:
        """(worker) The user as this operator sees them, after a change."""
        return detail_for(ctx, self.stations, q.user_detail(user_id))

    # -- changing ------------------------------------------------------------------------
    async def create(self, ctx: OperatorContext, data: UserInput, tokens: list[TokenInput] = (), *,
                     home_group_id=KEEP) -> UserDetail:
        """A new user (with tokens) in `home_group_id`, by default the operator's base group."""
        require(ctx, Permission.EDIT_USERS)
        data = clean_user(data)
        home = home_for_new(ctx, home_group_id)
        check_new_rights(ctx, self.stations, data.group_rights, data.station_rights)
        tokens = [clean_token(t) for t in tokens]

        def write():
            check_references(data, home)
            if q.email_taken(data.email):
                raise ValidationError(EMAIL_EXISTS, field="email")
            user_id = repo.insert_user(**user_fields(data), home_group=home)
            repo.set_vehicles(user_id, data.vehicles)
            repo.set_rights(user_id, data.group_rights, data.station_rights)
            for token in tokens:
                insert_token(ctx, token, user_id, home)
            return self._detail(ctx, user_id), self.people.fresh(user_ids=[user_id])

        detail, snap = await self.people.write(write, missing=USER_NOT_FOUND)
        self.people.changed(snap, users=[detail.id], tokens=detail.tokens)
        return detail

    async def update(self, ctx: OperatorContext, user_id: UUID, version: int, data: UserInput, *,
                     home_group_id=KEEP) -> UserDetail:
        """Save the user's form. Rights outside the operator's domain are kept as they are;
        `home_group_id` moves the user to another group of the domain (KEEP: stays)."""
        require(ctx, Permission.EDIT_USERS)
        data = clean_user(data)
        check_new_rights(ctx, self.stations, data.group_rights, data.station_rights)
        if home_group_id is not KEEP:
            require_home(ctx, home_group_id)

        def write():
            state = q.user_state(user_id)
            if state is None:
                raise NotFound(USER_NOT_FOUND)
            require_home(ctx, state["home_group_id"])
            home = state["home_group_id"] if home_group_id is KEEP else home_group_id
            check_references(data, home if home != state["home_group_id"] else None)
            if q.email_taken(data.email, user_id):
                raise ValidationError(EMAIL_EXISTS, field="email")
            repo.update_user(user_id, version, **user_fields(data), home_group=home)
            kept_groups, kept_stations = hidden_rights(ctx, self.stations, state["group_rights"], state["station_rights"])
            repo.set_vehicles(user_id, data.vehicles)
            repo.set_rights(user_id, kept_groups + data.group_rights, kept_stations + data.station_rights)
            return self._detail(ctx, user_id), self.people.fresh(user_ids=[user_id])

        detail, snap = await self.people.write(write, missing=USER_NOT_FOUND)
        self.people.changed(snap, users=[user_id])
        return detail

    async def remove(self, ctx: OperatorContext, user_id: UUID) -> None:
        """Remove a user (admins): their tokens are deleted with them; sessions stay in history."""
        require(ctx, Permission.REMOVE_USERS)

        def write():
            state = q.user_state(user_id)
            if state is None:
                raise NotFound(USER_NOT_FOUND)
            require_home(ctx, state["home_group_id"])
            return repo.remove_user(user_id)

        tokens = await self.people.write(write, missing=USER_NOT_FOUND)
        self.people.auth.index.apply(Snapshot(), removed_users=[user_id], removed_tokens=[t["id"] for t in tokens])
        for t in tokens:
            self.people.bus.publish(ev.TokenChanged(t["id"], t["uid"], user_id, t["status"], deleted=True))
        self.people.bus.publish(ev.ChargingUserChanged(user_id, deleted=True))

    async def disable(self, ctx: OperatorContext, user_id: UUID, reason: str) -> UserDetail:
        detail = await self.people.reads.user(ctx, user_id)
        detail.data.status, detail.data.disabled_reason = "disabled", reason
        return await self.update(ctx, user_id, detail.version, detail.data)

    async def enable(self, ctx: OperatorContext, user_id: UUID) -> UserDetail:
        detail = await self.people.reads.user(ctx, user_id)
        detail.data.status, detail.data.disabled_reason = "active", ""
        return await self.update(ctx, user_id, detail.version, detail.data)
