"""Everything the authorization decision needs, in memory: tokens, users, user groups,
access rights and the charging-group tree.

A decision must answer in well under a millisecond with 100,000 tokens, so nothing
on the hot path touches the database. The index is loaded once at start-up (on the
database worker) and kept fresh by the services that change people: each write
returns the fresh rows from the worker and the service puts them here before it
announces the change on the bus. Rows another seat changed arrive through the change
feed (`RowsChanged` for the `FED_TABLES`): the authorization service re-reads exactly
those rows on the reader connection (`read_fed_changes`) and applies them. The
charging-group tree (edited by the groups service) is re-read whenever a
`GroupChanged` event arrives, or the feed names a charging group.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from uuid import UUID

from evdesk.store.queries import people as q


@dataclass(slots=True)
class TokenEntry:
    id: UUID
    uid: str
    key: str
    status: str
    valid_from: datetime | None
    valid_to: datetime | None
    valid_from_day: date | None
    valid_to_day: date | None
    user_id: UUID | None
    parent_id: UUID | None


@dataclass(slots=True)
class UserEntry:
    id: UUID
    status: str
    group_id: UUID | None
    max_concurrent: int | None
    rights_groups: frozenset = frozenset()
    rights_stations: frozenset = frozenset()


@dataclass(slots=True)
class GroupEntry:
    id: UUID
    active: bool
    max_concurrent: int | None
    limit_minutes: int | None = None  # the members' sessions' stop limits
    limit_wh: int | None = None
    limit_cost_minor: int | None = None


@dataclass
class Snapshot:
    tokens: list[TokenEntry] = field(default_factory=list)
    users: list[UserEntry] = field(default_factory=list)
    groups: list[GroupEntry] = field(default_factory=list)
    group_parent: dict[UUID, UUID | None] | None = None


def read_everything() -> Snapshot:
    """The whole index (runs on the database worker)."""
    return Snapshot([TokenEntry(*r) for r in q.index_tokens()], [UserEntry(*r) for r in q.index_users()],
                    [GroupEntry(*r) for r in q.index_user_groups()], q.group_tree())


def read_group_tree() -> dict[UUID, UUID | None]:
    return q.group_tree()


def read_people(user_ids=(), token_ids=(), group_ids=()) -> Snapshot:
    """Fresh entries for what one write touched: the users with all their tokens, the
    tokens, the user groups (live ones; what is missing was deleted)."""
    user_ids, token_ids, group_ids = list(user_ids), list(token_ids), list(group_ids)
    return Snapshot(
        tokens=[TokenEntry(*r) for r in q.index_tokens_by(ids=token_ids, user_ids=user_ids)],
        users=[UserEntry(*r) for r in q.index_users(user_ids)] if user_ids else [],
        groups=[GroupEntry(*r) for r in q.index_user_groups(group_ids)] if group_ids else [],
    )


def read_for_keys(keys: list[str]) -> Snapshot:
    """Tokens by key with their users and groups: a miss in the index is checked against
    the store once (rows another seat or a script wrote)."""
    tokens = [TokenEntry(*r) for r in q.index_tokens_by(keys=keys)]
    user_ids = [t.user_id for t in tokens if t.user_id is not None]
    snap = Snapshot(tokens=tokens)
    if user_ids:
        # apply() takes a user's tokens in a snapshot as all of them: read them all
        snap = read_people(user_ids=user_ids)
        snap.tokens += [t for t in tokens if t.user_id is None]
        group_ids = [u.group_id for u in snap.users if u.group_id is not None]
        if group_ids:
            snap.groups = [GroupEntry(*r) for r in q.index_user_groups(group_ids)]
    parents = [t.parent_id for t in snap.tokens if t.parent_id is not None]
    if parents:
        snap.tokens += [TokenEntry(*r) for r in q.index_tokens_by(ids=parents)]
    return snap


# Tables of the change feed the index follows (another seat's changes).
FED_TABLES = ("token", "charging_user", "user_group", "access_right", "vehicle")


@dataclass
class FedChange:
    """What other seats changed, read again: fresh entries, and what is gone."""

    snap: Snapshot
    removed_users: set
    removed_tokens: set
    removed_groups: set
    users: set  # every user touched (their rows, rights, vehicles or tokens' ownership)


def read_fed_changes(changed: dict[str, set]) -> FedChange:
    """(reader) Re-read exactly the rows the feed named: users (also through their rights
    and vehicles) with all their tokens, tokens, user groups."""
    users = set(changed.get("charging_user", ()))
    users |= q.users_of("access_right", changed.get("access_right", ()))
    users |= q.users_of("vehicle", changed.get("vehicle", ()))
    tokens, groups = set(changed.get("token", ())), set(changed.get("user_group", ()))
    snap = read_people(users, tokens, groups)
    found_users = {u.id for u in snap.users}
    found_tokens = {t.id for t in snap.tokens}
    found_groups = {g.id for g in snap.groups}
    owners = {t.user_id for t in snap.tokens if t.id in tokens and t.user_id is not None}
    return FedChange(snap, users - found_users, tokens - found_tokens, groups - found_groups, users | owners)


class AuthIndex:
    def __init__(self):
        self.tokens_by_key: dict[str, TokenEntry] = {}
        self.tokens_by_id: dict[UUID, TokenEntry] = {}
        self.users: dict[UUID, UserEntry] = {}
        self.user_tokens: dict[UUID, set[str]] = {}  # user id -> token keys
        self.groups: dict[UUID, GroupEntry] = {}
        self.group_parent: dict[UUID, UUID | None] = {}
        self._ancestors: dict[UUID, frozenset] = {}
        self.loaded = False

    # -- keeping it fresh ------------------------------------------------------------
    def replace(self, snap: Snapshot) -> None:
        self.__init__()
        self.apply(snap)
        self.loaded = True

    def apply(self, snap: Snapshot, *, removed_users=(), removed_tokens=(), removed_groups=()) -> None:
        """Put fresh entries in, take removed ones out. Users given in the snapshot had
        all their tokens read too: tokens of theirs not in it are gone."""
        for token_id in removed_tokens:
            self.drop_token(token_id)
        for user_id in removed_users:
            self.users.pop(user_id, None)
            for key in self.user_tokens.pop(user_id, set()):
                entry = self.tokens_by_key.get(key)
                if entry is not None and entry.user_id == user_id:
                    entry.user_id = None
        for group_id in removed_groups:
            self.groups.pop(group_id, None)
        for user in snap.users:
            self.users[user.id] = user
        fresh_tokens = {t.id for t in snap.tokens}
        for user in snap.users:
            for key in list(self.user_tokens.get(user.id, ())):
                old = self.tokens_by_key.get(key)
                if old is not None and old.id not in fresh_tokens:
                    self.drop_token(old.id)
        for token in snap.tokens:
            self.put_token(token)
        for group in snap.groups:
            self.groups[group.id] = group
        if snap.group_parent is not None:
            self.group_parent = snap.group_parent
            self._ancestors.clear()

    def put_token(self, token: TokenEntry) -> None:
        old = self.tokens_by_id.get(token.id)
        if old is not None:
            self._unlink(old)
        self.tokens_by_id[token.id] = token
        self.tokens_by_key[token.key] = token
        if token.user_id is not None:
            self.user_tokens.setdefault(token.user_id, set()).add(token.key)

    def drop_token(self, token_id: UUID) -> None:
        old = self.tokens_by_id.pop(token_id, None)
        if old is not None:
            self._unlink(old)

    def _unlink(self, token: TokenEntry) -> None:
        if self.tokens_by_key.get(token.key) is token:
            del self.tokens_by_key[token.key]
        if token.user_id is not None:
            keys = self.user_tokens.get(token.user_id)
            if keys is not None:
                keys.discard(token.key)

    # -- reading -----------------------------------------------------------------------
    def find(self, keys: list[str]) -> TokenEntry | None:
        for key in keys:
            entry = self.tokens_by_key.get(key)
            if entry is not None:
                return entry
        return None

    def ancestors(self, group_id: UUID | None) -> frozenset:
        """The group and every group above it (a right on any of them covers a station here)."""
        if group_id is None:
            return frozenset()
        found = self._ancestors.get(group_id)
        if found is None:
            chain, current = set(), group_id
            while current is not None and current not in chain:
                chain.add(current)
                current = self.group_parent.get(current)
            found = self._ancestors[group_id] = frozenset(chain)
        return found

    def tokens_of(self, user_id: UUID) -> set[str]:
        return self.user_tokens.get(user_id, set())
