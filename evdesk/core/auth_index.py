"""Everything the authorization decision needs, in memory: tokens, users, user groups,
access rights and the charging-group tree.

A decision must answer in well under a millisecond with 100,000 tokens, so nothing
on the hot path touches the database. The index is loaded once at start-up (on the
database worker) and kept fresh by the services that change people: each write
returns the fresh rows from the worker and the service puts them here before it
announces the change on the bus. The charging-group tree (edited by the groups
service) is re-read whenever a `GroupChanged` event arrives.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from uuid import UUID

from evdesk.store import models as m


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


@dataclass
class Snapshot:
    tokens: list[TokenEntry] = field(default_factory=list)
    users: list[UserEntry] = field(default_factory=list)
    groups: list[GroupEntry] = field(default_factory=list)
    group_parent: dict[UUID, UUID | None] | None = None


TOKEN_COLUMNS = (
    m.Token.id, m.Token.uid, m.Token.uid_key, m.Token.status, m.Token.valid_from, m.Token.valid_to,
    m.Token.valid_from_day, m.Token.valid_to_day, m.Token.user, m.Token.parent,
)


def _token(row) -> TokenEntry:
    return TokenEntry(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[9])


def read_tokens(where=None) -> list[TokenEntry]:
    q = m.Token.alive(*TOKEN_COLUMNS)
    if where is not None:
        q = q.where(where)
    # .tuples() skips model construction; the converters (UTC, dates) still apply
    return [_token(r) for r in q.tuples()]


def read_users(where=None) -> list[UserEntry]:
    q = m.ChargingUser.alive(
        m.ChargingUser.id, m.ChargingUser.status, m.ChargingUser.user_group, m.ChargingUser.max_concurrent_transactions,
    )
    if where is not None:
        q = q.where(where)
    users = {r[0]: UserEntry(r[0], r[1], r[2], r[3]) for r in q.tuples()}
    if not users:
        return []
    rights_q = m.AccessRight.alive(m.AccessRight.user, m.AccessRight.group, m.AccessRight.station)
    if where is not None:
        rights_q = rights_q.where(m.AccessRight.user.in_(list(users)))
    groups: dict[UUID, set] = {}
    stations: dict[UUID, set] = {}
    for user_id, group_id, station_id in rights_q.tuples():
        if user_id not in users:
            continue
        if group_id is not None:
            groups.setdefault(user_id, set()).add(group_id)
        if station_id is not None:
            stations.setdefault(user_id, set()).add(station_id)
    for user_id, entry in users.items():
        entry.rights_groups = frozenset(groups.get(user_id, ()))
        entry.rights_stations = frozenset(stations.get(user_id, ()))
    return list(users.values())


def read_user_groups(where=None) -> list[GroupEntry]:
    q = m.UserGroup.alive(m.UserGroup.id, m.UserGroup.active, m.UserGroup.max_concurrent_transactions)
    if where is not None:
        q = q.where(where)
    return [GroupEntry(r[0], bool(r[1]), r[2]) for r in q.tuples()]


def read_group_tree() -> dict[UUID, UUID | None]:
    return dict(m.ChargingGroup.alive(m.ChargingGroup.id, m.ChargingGroup.parent).tuples())


def read_everything() -> Snapshot:
    """The whole index (runs on the database worker)."""
    return Snapshot(read_tokens(), read_users(), read_user_groups(), read_group_tree())


def read_people(user_ids=(), token_ids=(), group_ids=()) -> Snapshot:
    """Fresh entries for what one write touched (runs on the database worker)."""
    snap = Snapshot()
    user_ids, token_ids, group_ids = list(user_ids), list(token_ids), list(group_ids)
    for i in range(0, len(user_ids), 500):
        part = user_ids[i:i + 500]
        snap.users += read_users(m.ChargingUser.id.in_(part))
        snap.tokens += read_tokens(m.Token.user.in_(part))
    for i in range(0, len(token_ids), 500):
        snap.tokens += read_tokens(m.Token.id.in_(token_ids[i:i + 500]))
    if group_ids:
        snap.groups = read_user_groups(m.UserGroup.id.in_(group_ids))
    return snap


def read_for_keys(keys: list[str]) -> Snapshot:
    """(worker) Tokens by key with their users and groups: a miss in the index is checked
    against the store once (rows another seat or a script wrote)."""
    snap = Snapshot(tokens=read_tokens(m.Token.uid_key.in_(keys)))
    user_ids = [t.user_id for t in snap.tokens if t.user_id is not None]
    if user_ids:
        # apply() takes a user's tokens in a snapshot as all of them: read them all
        snap.tokens = read_tokens(m.Token.uid_key.in_(keys) | m.Token.user.in_(user_ids))
        snap.users = read_users(m.ChargingUser.id.in_(user_ids))
        group_ids = [u.group_id for u in snap.users if u.group_id is not None]
        if group_ids:
            snap.groups = read_user_groups(m.UserGroup.id.in_(group_ids))
    parents = [t.parent_id for t in snap.tokens if t.parent_id is not None]
    if parents:
        snap.tokens += read_tokens(m.Token.id.in_(parents))
    return snap


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
