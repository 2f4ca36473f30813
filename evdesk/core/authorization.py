"""Who may charge: the one decision behind Authorize, StartTransaction and remote starts.

`decide` is a pure function over plain facts, so every rule has a table test.
`AuthorizationService` gathers the facts from the in-memory `AuthIndex` (no
database on the hot path) and records each decision in the authorizations log.

The decision, in order (the first rule that refuses answers):

1. Access mode `free` (the connector's, else the station's): Accepted, no
   identification needed, even for an unknown tag.
2. Unknown token: Invalid.  Token blocked: Blocked.  Token inactive: Invalid.
3. Validity: before `valid_from`: Invalid; from `valid_to` on: Expired.
   Date-only validity (`valid_from_day` / `valid_to_day`, what the screens enter)
   is read in the station's time zone (else the site's, else UTC): valid from
   00:00 local on the first day through 23:59:59.999… local on the last day,
   i.e. expired from 00:00 local on the day after `valid_to_day`.
4. The token's charging user disabled: Blocked; the user's group inactive: Blocked.
5. Access profiles (`access_profiles.py`): a token that is a member (itself, its
   user or its user group) of profiles covering the station is Invalid outside all
   of their time windows ("Outside the access profile 'Night shift' hours"); inside
   one, an accepted answer expires when that window closes.
6. Access mode `private`: the token needs a user with an access right on the
   station itself or on its charging group or any group above it (a right on a
   group covers its subgroups), or a covering access profile that admits it now;
   otherwise Invalid. `public`: any valid token (with or without a user) may charge.
7. Running sessions: a user may run `max_concurrent_transactions` (the user's,
   else the user group's, else 1) at once across all their tokens; a token
   without a user one. More: ConcurrentTx. (Not checked for StopTransaction.)
8. Otherwise Accepted, with the token's expiry (or the profile window's end, if
   sooner) and its parent token (group tag) as parentIdTag.

Tag matching ignores case, and when the station's `strip_id_tag_suffix` is on a
tag with a vendor suffix (`04A1B2_serial`) also matches `04A1B2` (INTEROP §7).
"""

from __future__ import annotations

import asyncio
import dataclasses
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from uuid import UUID

from evdesk.core import events as ev
from evdesk.core.auth_index import (
    FED_TABLES,
    AuthIndex,
    FedChange,
    Snapshot,
    TokenEntry,
    read_everything,
    read_fed_changes,
    read_for_keys,
    read_group_tree,
)
from evdesk.core.clock import utcnow
from evdesk.core.pricing.selection import Who
from evdesk.core.station_cache import StationInfo
from evdesk.core.tasks import spawn
from evdesk.core.zones import site_zone
from evdesk.store.batch import BatchWriter
from evdesk.store.database import Store
from evdesk.store.repos import people as people_repo

ACCEPTED, BLOCKED, EXPIRED, INVALID, CONCURRENT_TX = "Accepted", "Blocked", "Expired", "Invalid", "ConcurrentTx"
RESULTS = (ACCEPTED, BLOCKED, EXPIRED, INVALID, CONCURRENT_TX)
PUBLIC, PRIVATE, FREE = "public", "private", "free"


@dataclass(frozen=True)
class TokenFacts:
    id: UUID
    uid: str
    status: str  # active / inactive / blocked
    valid_from: datetime | None
    valid_to: datetime | None
    user_id: UUID | None
    user_status: str | None  # active / disabled / None (no user)
    user_group_active: bool | None
    parent_uid: str | None
    max_concurrent: int | None
    valid_from_day: date | None = None
    valid_to_day: date | None = None
    rights_groups: frozenset = frozenset()
    rights_stations: frozenset = frozenset()
    user_group_id: UUID | None = None


@dataclass(frozen=True)
class Decision:
    status: str
    reason: str
    token: TokenFacts | None = None
    expiry: datetime | None = None
    time_limited: bool = False  # admitted only by an access profile's time window (kept off local lists)

    @property
    def accepted(self) -> bool:
        return self.status == ACCEPTED


def zone_for(name: str | None) -> tzinfo:
    """A station's or the site's zone by name; none set (or unknown): this computer's, as on every
    screen and report (`zones.site_zone`), so a tariff's night hours and a token's valid days are
    the hours and days the operator sees."""
    return site_zone(name or "")


def validity(token: TokenFacts, zone: tzinfo) -> tuple[datetime | None, datetime | None]:
    """(first valid instant, first invalid instant) from the exact times and the days."""
    start, end = token.valid_from, token.valid_to
    if token.valid_from_day is not None:
        day_start = datetime.combine(token.valid_from_day, time(0), zone)
        start = day_start if start is None else max(start, day_start)
    if token.valid_to_day is not None:
        day_end = datetime.combine(token.valid_to_day + timedelta(days=1), time(0), zone)
        end = day_end if end is None else min(end, day_end)
    return start, end


def decide(
    token: TokenFacts | None, *, access_mode: str, now: datetime, active_transactions: int = 0,
    station_id: UUID | None = None, station_groups: frozenset = frozenset(), zone: tzinfo = timezone.utc,
    profile=None,
) -> Decision:
    """The authorization decision table (see the module text for the rules)."""
    if access_mode == FREE:
        return Decision(ACCEPTED, "free charging: no identification needed", token)
    if token is None:
        return Decision(INVALID, "unknown token")
    if token.status == "blocked":
        return Decision(BLOCKED, "token blocked", token)
    if token.status != "active":
        return Decision(INVALID, "token inactive", token)
    start, end = validity(token, zone)
    if start is not None and now < start:
        return Decision(INVALID, "token not yet valid", token)
    if end is not None and now >= end:
        return Decision(EXPIRED, "token expired", token)
    if token.user_id is not None:
        if token.user_status != "active":
            return Decision(BLOCKED, "charging user disabled", token)
        if token.user_group_active is False:
            return Decision(BLOCKED, "user group inactive", token)
    admitted_by = None
    if profile is not None and profile.covering:
        if profile.admitting is None:
            if len(profile.covering) == 1:
                return Decision(INVALID, f"Outside the access profile '{profile.covering[0]}' hours", token)
            names = ", ".join(f"'{n}'" for n in profile.covering)
            return Decision(INVALID, f"Outside the hours of the access profiles {names}", token)
        admitted_by = profile.admitting
        if profile.until is not None:
            end = profile.until if end is None else min(end, profile.until)
    if access_mode == PRIVATE and admitted_by is None:
        if token.user_id is None:
            return Decision(INVALID, "private station: token has no charging user", token)
        if station_id not in token.rights_stations and not (token.rights_groups & station_groups):
            return Decision(INVALID, "no access right to this station", token)
    limit = token.max_concurrent if token.max_concurrent is not None else 1
    if active_transactions >= limit:
        return Decision(CONCURRENT_TX, f"already charging ({active_transactions} running, {limit} allowed)", token)
    reason = "token accepted" if admitted_by is None else f"token accepted (access profile '{admitted_by}')"
    return Decision(ACCEPTED, reason, token, expiry=end, time_limited=bool(profile and profile.time_limited))


def uid_candidates(id_tag: str, strip_suffix: bool) -> list[str]:
    """Keys to look a tag up by: as sent (any case), then without a vendor suffix (INTEROP §7)."""
    key = (id_tag or "").strip().upper()
    keys = [key]
    if strip_suffix and "_" in key:
        keys.append(key.split("_", 1)[0])
    return keys


def effective_access_mode(info: StationInfo, connector_id: int | None) -> str:
    """The connector's access mode when it has one, else the station's."""
    if connector_id:
        connector = info.connectors.get(connector_id)
        if connector is not None and connector.access_mode:
            return connector.access_mode
    return info.access_mode or PUBLIC


class AuthorizationService:
    def __init__(self, store: Store, bus: ev.EventBus, batch: BatchWriter, settings, running, index: AuthIndex,
                 profiles):
        self.store = store
        self.bus = bus
        self.batch = batch
        self.settings = settings
        self.index = index  # users, user groups and tokens in memory (the access profiles check members in it)
        self.running = running  # RunningSessions: running sessions per token
        self.profiles = profiles  # AccessProfileService: time windows per member and station
        self._unsubscribe = [bus.subscribe(ev.GroupChanged, self._group_changed),
                             bus.subscribe(ev.RowsChanged, self._rows_changed)]
        self._tree_task = None
        self._tree_dirty = False
        self._fed: dict[str, set] = {}
        self._feed_task = None

    async def load(self) -> None:
        self.index.replace(await self.store.run(read_everything))

    def _group_changed(self, _event) -> None:
        self._tree_dirty = True
        if self._tree_task is None or self._tree_task.done():
            self._tree_task = spawn(self._refresh_tree(), name="auth-index group tree")

    async def _refresh_tree(self) -> None:
        while self._tree_dirty:  # a change during the read is read again
            self._tree_dirty = False
            self.index.apply(Snapshot(group_parent=await self.store.read(read_group_tree)))

    # -- another seat's changes (the change feed) ---------------------------------------------
    def _rows_changed(self, event: ev.RowsChanged) -> None:
        if event.entity == "charging_group":
            self._group_changed(event)
            return
        if event.entity not in FED_TABLES:
            return
        self._fed.setdefault(event.entity, set()).update(event.ids)
        if self._feed_task is None or self._feed_task.done():
            self._feed_task = spawn(self._apply_fed(), name="auth-index change feed")

    async def _apply_fed(self) -> None:
        while self._fed:
            changed, self._fed = self._fed, {}
            try:
                fed = await self.store.read(read_fed_changes, changed)
            except BaseException:
                for entity, ids in changed.items():  # read again with the next change
                    self._fed.setdefault(entity, set()).update(ids)
                raise
            self._apply(fed)

    def _apply(self, fed: FedChange) -> None:
        """Put what another seat changed in the index, and tell the screens and local lists."""
        index = self.index
        before = {t: index.tokens_by_id.get(t) for t in {*fed.removed_tokens, *(t.id for t in fed.snap.tokens)}}
        users = set(fed.users) | {e.user_id for e in before.values() if e is not None and e.user_id is not None}
        index.apply(fed.snap, removed_users=fed.removed_users, removed_tokens=fed.removed_tokens,
                    removed_groups=fed.removed_groups)
        for group in fed.snap.groups:
            self.bus.publish(ev.UserGroupChanged(group.id))
        for group_id in fed.removed_groups:
            self.bus.publish(ev.UserGroupChanged(group_id, deleted=True))
        for user_id in users:
            self.bus.publish(ev.ChargingUserChanged(user_id, deleted=user_id in fed.removed_users))
        for token in fed.snap.tokens:
            old = before.get(token.id)
            blocked = token.status == "blocked" and (old is None or old.status != "blocked")
            self.bus.publish(ev.TokenChanged(token.id, token.uid, token.user_id, token.status, blocked=blocked))
        for token_id in fed.removed_tokens:
            old = before.get(token_id)
            if old is not None:
                self.bus.publish(ev.TokenChanged(token_id, old.uid, old.user_id, old.status, deleted=True))

    async def caught_up(self) -> None:
        """Wait until the changes announced so far are in the index (tests, diagnostics)."""
        for task in (self._feed_task, self._tree_task):
            while task is not None and not task.done():
                await asyncio.wait({task})

    # -- the facts -----------------------------------------------------------------
    def facts(self, entry: TokenEntry | None) -> TokenFacts | None:
        if entry is None:
            return None
        index = self.index
        user = index.users.get(entry.user_id) if entry.user_id is not None else None
        group = index.groups.get(user.group_id) if user is not None and user.group_id is not None else None
        parent = index.tokens_by_id.get(entry.parent_id) if entry.parent_id is not None else None
        max_concurrent = None
        if user is not None:
            max_concurrent = user.max_concurrent if user.max_concurrent is not None else (group.max_concurrent if group else None)
        return TokenFacts(
            id=entry.id, uid=entry.uid, status=entry.status, valid_from=entry.valid_from, valid_to=entry.valid_to,
            user_id=entry.user_id if user is not None else None, user_status=user.status if user is not None else None,
            user_group_active=group.active if group is not None else None,
            parent_uid=parent.uid if parent is not None else None, max_concurrent=max_concurrent,
            valid_from_day=entry.valid_from_day, valid_to_day=entry.valid_to_day,
            rights_groups=user.rights_groups if user is not None else frozenset(),
            rights_stations=user.rights_stations if user is not None else frozenset(),
            user_group_id=user.group_id if user is not None else None,
        )

    def running_for(self, token: TokenFacts) -> int:
        """Sessions running now for the token's user (all their tokens) or the token alone."""
        if token.user_id is None:
            return self.running.count_for_tag(token.uid.upper())
        return sum(self.running.count_for_tag(key) for key in self.index.tokens_of(token.user_id))

    def zone_of(self, info: StationInfo) -> tzinfo:
        name = info.timezone or self.settings.site_timezone
        return zone_for(name)

    def evaluate(self, info: StationInfo, connector_id: int | None, id_tag: str, *, starting: bool = True,
                 now: datetime | None = None) -> Decision:
        """The decision without recording it (also what the local lists are built from)."""
        now = now or utcnow()
        token = self.facts(self.index.find(uid_candidates(id_tag, info.strip_id_tag_suffix)))
        if info.registration != "adopted":
            # a station waiting for adoption may talk, but nobody charges there yet
            return Decision(INVALID, "station not adopted", token)
        running = self.running_for(token) if (token is not None and starting) else 0
        groups = self.index.ancestors(info.group_id)
        profile = None
        if token is not None and self.profiles is not None:
            profile = self.profiles.check(info, Who(token.user_id, token.user_group_id, token.id), now, groups)
        return decide(
            token, access_mode=effective_access_mode(info, connector_id), now=now, active_transactions=running,
            station_id=info.id, station_groups=groups, zone=self.zone_of(info), profile=profile,
        )

    async def authorize(
        self, info: StationInfo, connector_id: int | None, id_tag: str, context: str, *, starting: bool = True
    ) -> Decision:
        if not self.index.loaded:
            await self.load()
        keys = uid_candidates(id_tag, info.strip_id_tag_suffix)
        if self.index.find(keys) is None:
            # not in memory: another seat or a script may have written it since the load
            self.index.apply(await self.store.read(read_for_keys, keys))
        now = utcnow()
        decision = self.evaluate(info, connector_id, id_tag, starting=starting, now=now)
        if decision.accepted and decision.expiry is None:
            # let the station cache the answer for a day at most
            decision = dataclasses.replace(decision, expiry=now + timedelta(days=1))
        token = decision.token
        people_repo.log_authorization(
            self.batch, at=now, station=info.id, connector_id=connector_id, id_tag=id_tag[:64],
            token_id=token.id if token else None, user_id=token.user_id if token else None, context=context,
            result=decision.status, reason=decision.reason,
        )
        self.bus.publish(ev.AuthorizationDecided(info.id, id_tag, decision.status, decision.reason))
        return decision
