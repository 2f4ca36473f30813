"""RFID tokens: add, edit, block, move to another user, delete (admins only).

A token's uid is kept as entered and matched ignoring case (`uid_key`, unique).
A deleted token leaves a tombstone whose key no longer blocks the uid.

Domain (`people_domain.py`): a token belongs to its user's home group, or, without a
user, to its own; the operator must see it to change it, must see a user to give it
the token, and a parent (group) token must be one they see (a parent tag lets a
station treat the tokens as one group, e.g. to stop each other's sessions). Reading
is the read service's (`reads/people.py`).
"""

from __future__ import annotations

from uuid import UUID

from evdesk.core import events as ev
from evdesk.core.errors import NotFound, ValidationError
from evdesk.core.people_domain import KEEP, home_for_new, require_home, sees_home
from evdesk.core.people_types import TOKEN_EXISTS, USER_NOT_FOUND, TokenInput, TokenRow, clean_token, row_of
from evdesk.core.permissions import OperatorContext, Permission, require
from evdesk.store.queries import people as q
from evdesk.store.repos import people as repo

TOKEN_NOT_FOUND = "Token not found. Someone may have deleted it; reload the list."
TOKEN_OF_USER_HOME = "A token of a charging user belongs to the user's charging group."


def uid_key(uid: str) -> str:
    """Tags match ignoring case."""
    return uid.upper()


def parent_id_for(ctx: OperatorContext, uid: str, current_parent: UUID | None = None) -> UUID | None:
    """(worker) The id of the parent token named by uid: one the operator sees (an unchanged
    parent stays whoever set it)."""
    if not uid:
        return None
    parent = q.token_id_by_key(uid_key(uid))
    if parent is not None and parent != current_parent:
        state = q.token_state(parent)
        if state is None or not sees_home(ctx, state["home_group_id"]):
            parent = None
    if parent is None:
        raise ValidationError(f"No token {uid} to use as the parent (group) token. Add it first.", field="parent_uid")
    return parent


def token_fields(ctx: OperatorContext, data: TokenInput, current_parent: UUID | None = None) -> dict:
    return dict(uid=data.uid, name=data.name, status=data.status, valid_from_day=data.valid_from_day,
                valid_to_day=data.valid_to_day, parent=parent_id_for(ctx, data.parent_uid, current_parent))


def insert_token(ctx: OperatorContext, data: TokenInput, user_id: UUID | None, home_group_id: UUID | None) -> UUID:
    """(worker, inside a transaction) `home_group_id`: the user's when there is a user."""
    key = uid_key(data.uid)
    if q.token_key_taken(key):
        raise ValidationError(TOKEN_EXISTS, field="uid")
    return repo.insert_token(uid_key=key, user=user_id, home_group=home_group_id, **token_fields(ctx, data))


def read_token(token_id: UUID) -> TokenRow:
    """(worker) A token as it is now (the caller has checked the domain)."""
    return row_of(TokenRow, q.tokens_by_id([token_id], None)[0])


class TokenService:
    def __init__(self, people):
        self.people = people

    async def add(self, ctx: OperatorContext, data: TokenInput, user_id: UUID | None = None, *,
                  home_group_id=KEEP) -> TokenRow:
        """A token of a user the operator sees, or without a user in `home_group_id` (by
        default the operator's base group)."""
        require(ctx, Permission.EDIT_USERS)
        data = clean_token(data)
        if user_id is not None and home_group_id is not KEEP:
            raise ValidationError(TOKEN_OF_USER_HOME, field="home_group_id")
        home = home_for_new(ctx, home_group_id) if user_id is None else None

        def write():
            owner_home = home
            if user_id is not None:
                user = q.user_state(user_id)
                if user is None:
                    raise NotFound(USER_NOT_FOUND)
                require_home(ctx, user["home_group_id"])
                owner_home = user["home_group_id"]
            elif home is not None and not q.charging_group_exists(home):
                raise ValidationError("That charging group no longer exists. Choose another.", field="home_group_id")
            token_id = insert_token(ctx, data, user_id, owner_home)
            return read_token(token_id), self.people.fresh(token_ids=[token_id])

        row, snap = await self.people.write(write, missing=TOKEN_NOT_FOUND)
        self.people.changed(snap, tokens=[row])
        return row

    async def update(self, ctx: OperatorContext, token_id: UUID, version: int, data: TokenInput, *,
                     user_id=KEEP, home_group_id=KEEP) -> TokenRow:
        """Name, status, validity and parent; the uid itself is fixed once entered.
        `user_id` moves the token to another user the operator sees (None: to no user, staying
        in the old user's group); `home_group_id` moves a token without a user."""
        require(ctx, Permission.EDIT_USERS)
        data = clean_token(data)
        if home_group_id is not KEEP:
            require_home(ctx, home_group_id)

        def write():
            old = q.token_state(token_id)
            if old is None:
                raise NotFound(TOKEN_NOT_FOUND)
            require_home(ctx, old["home_group_id"])
            if uid_key(data.uid) != old["uid_key"]:
                raise ValidationError("The token id cannot be changed. Add a new token instead.", field="uid")
            fields = token_fields(ctx, data, old["parent_id"])
            new_user = old["user_id"] if user_id is KEEP else user_id
            if new_user != old["user_id"]:
                if new_user is None:
                    fields.update(user=None, home_group=old["home_group_id"])
                else:
                    user = q.user_state(new_user)
                    if user is None:
                        raise NotFound(USER_NOT_FOUND)
                    require_home(ctx, user["home_group_id"])
                    fields.update(user=new_user, home_group=user["home_group_id"])
            if home_group_id is not KEEP and home_group_id != old["home_group_id"]:
                if new_user is not None:
                    raise ValidationError(TOKEN_OF_USER_HOME, field="home_group_id")
                if home_group_id is not None and not q.charging_group_exists(home_group_id):
                    raise ValidationError("That charging group no longer exists. Choose another.", field="home_group_id")
                fields["home_group"] = home_group_id
            repo.update_token(token_id, version, **fields)
            return old, read_token(token_id), self.people.fresh(token_ids=[token_id])

        old, row, snap = await self.people.write(write, missing=TOKEN_NOT_FOUND)
        moved_from = [old["user_id"]] if old["user_id"] is not None and old["user_id"] != row.user_id else []
        self.people.changed(snap, users=moved_from, tokens=[row],
                            blocked={row.id} if row.status == "blocked" and old["status"] != "blocked" else ())
        return row

    async def set_status(self, ctx: OperatorContext, token_id: UUID, status: str) -> TokenRow:
        """Block, unblock, (de)activate without the rest of the form (the newest version wins)."""
        current = await self.people.reads.token(ctx, token_id)
        data = TokenInput(current.uid, current.name, status, current.valid_from_day, current.valid_to_day, current.parent_uid)
        return await self.update(ctx, token_id, current.version, data)

    async def delete(self, ctx: OperatorContext, token_id: UUID) -> None:
        require(ctx, Permission.DELETE_TOKENS)

        def write():
            old = q.token_state(token_id)
            if old is None:
                raise NotFound(TOKEN_NOT_FOUND)
            require_home(ctx, old["home_group_id"])
            repo.delete_token(token_id)
            return old

        old = await self.people.write(write, missing=TOKEN_NOT_FOUND)
        self.people.auth.index.drop_token(token_id)
        self.people.bus.publish(ev.TokenChanged(token_id, old["uid"], old["user_id"], old["status"], deleted=True))
