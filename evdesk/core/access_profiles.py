"""Access-control profiles (the eCharge manual; digest B10): who may charge where, and when.

A profile has a unique name, days and time windows (several a day; one may cross midnight),
members (charging users, charging user groups, tokens), the stations and charging groups
it covers (a group covers its subgroups and their stations), and optionally a tariff.

Rules decided here:

* **Windows** are read in the station's time zone (else the site's). A window's end is
  exclusive (Mon–Fri 06:00–20:00 refuses at 20:00), except that an end of 23:59 means the
  end of the day (the manual's default "00:00–23:59" is the whole day); an end at or
  before the start runs past midnight into the next day; start = end is the whole day.
  A profile needs at least one window (the editor starts with every day, all day).
* **Coverage**: a profile applies at the stations it lists and in the charging groups it
  lists; a profile listing none covers nothing.
* **Vehicles** are not members: OCPP 1.6 never says which vehicle charges, so a vehicle
  would only stand for its driver, who can be a member.
* **How profiles combine with access rights** (applied by the one decision,
  `authorization.decide`): a token whose token, user or user group is a member of a
  profile covering the station may charge there only while one of those profiles admits
  it (any one suffices); outside them it is Invalid with the reason "Outside the access
  profile 'Night shift' hours". A profile restricts further everything else the decision
  checks (token, validity, user, user group, concurrency), and on a `private` station a
  member of an admitting profile is admitted as if it had an access right there. Tokens
  that are not members of a covering profile are decided as before. Free charging needs
  no identification, so profiles do not apply there.
* A profile decides when a session starts: one started inside a window is not stopped
  when the window closes (a stop limit on its tariff or user group does that).
* An accepted answer's expiry is no later than the end of the window that admitted it
  (the station's authorization cache does not outlive the window), and the **local
  authorization list** leaves out tokens that only a time window admits (a charger offline
  at night must not accept them); tokens a covering profile admits at every hour stay.
* **Tariff**: a session admitted by a profile with a tariff gets that tariff (resolution
  order: the access profile's tariff, then the EVSE's tariff group, ...); when several
  admitting profiles have one, the first by name wins. A tariff a profile gives cannot be
  deleted; one gone anyway (another seat) leaves the choice to the tariff groups.
* Profiles are site-wide, like tariffs: every operator reads them; creating, editing and
  deleting them needs `ACCESS_PROFILES` and no base group (whole-site admins), because
  one profile can reach every station and every charging user.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo
from functools import cached_property
from uuid import UUID

from evdesk.core import events as ev
from evdesk.core.authorization import zone_for
from evdesk.core.errors import NotFound, StaleEdit, ValidationError
from evdesk.core.people_domain import require_site_wide_admin
from evdesk.core.permissions import OperatorContext, Permission
from evdesk.core.pricing.selection import DAY_NAMES, TimeWindow, Who
from evdesk.core.tariffs import AppliedTariff
from evdesk.core.tasks import spawn
from evdesk.store.errors import MissingRow, StaleRow
from evdesk.store.repos import access_profiles as repo

PROFILE_NOT_FOUND = "Access profile not found. Someone may have deleted it; reload the list."
NAME_TAKEN = "An access profile with this name already exists."
WEEK_MINUTES = 7 * 24 * 60
END_OF_DAY = time(23, 59)
MAX_WINDOWS = 50
MAX_MEMBERS = 10_000
_CLOCK = re.compile(r"([0-9]{1,2}):([0-9]{2})")  # ASCII digits only


@dataclass(frozen=True)
class AccessProfileRow:
    id: UUID
    version: int
    name: str
    windows: tuple[TimeWindow, ...]
    user_ids: frozenset[UUID] = frozenset()
    user_group_ids: frozenset[UUID] = frozenset()
    token_ids: frozenset[UUID] = frozenset()
    group_ids: frozenset[UUID] = frozenset()
    station_ids: frozenset[UUID] = frozenset()
    tariff_id: UUID | None = None
    notes: str = ""

    def covers(self, station_id: UUID, station_groups: frozenset) -> bool:
        """`station_groups`: the station's group and every group above it."""
        return station_id in self.station_ids or bool(self.group_ids & station_groups)

    def has_member(self, who: Who) -> bool:
        return ((who.token_id is not None and who.token_id in self.token_ids)
                or (who.user_id is not None and who.user_id in self.user_ids)
                or (who.user_group_id is not None and who.user_group_id in self.user_group_ids))

    def admits(self, local: datetime) -> bool:
        return any(w.admits(local) for w in self.windows)

    @cached_property
    def always(self) -> bool:
        """Its windows together cover every minute of the week (worked out once per row)."""
        return always_open(self.windows)


@dataclass(frozen=True)
class ProfileCheck:
    """What the profiles say about one token at one station at one moment (for `decide`)."""

    covering: tuple[str, ...] = ()  # names of the covering profiles the token is a member of
    admitting: str | None = None  # the first of them that admits it now
    until: datetime | None = None  # when the admitting window(s) close
    time_limited: bool = False  # only time windows admit it (not listed in local lists)


NO_PROFILE = ProfileCheck()


# -- windows -----------------------------------------------------------------------------------------
def always_open(windows) -> bool:
    covered = bytearray(WEEK_MINUTES)
    for w in windows:
        start = w.start.hour * 60 + w.start.minute
        end = w.end.hour * 60 + w.end.minute
        length = 1440 if start == end else (end - start) % 1440
        for day in w.days:
            first = day * 1440 + start
            for minute in range(first, first + length):
                covered[minute % WEEK_MINUTES] = 1
    return all(covered)


def window_closes(w: TimeWindow, local: datetime) -> datetime:
    """When the window that admits `local` closes (aware, in local's zone)."""
    zone = local.tzinfo
    day = local.date()
    if w.start == w.end:
        return datetime.combine(day + timedelta(days=1), time(0), zone)
    if w.start < w.end:
        return datetime.combine(day, w.end, zone)
    if local.time().replace(tzinfo=None) >= w.start:
        return datetime.combine(day + timedelta(days=1), w.end, zone)
    return datetime.combine(day, w.end, zone)


def describe_window(w: TimeWindow) -> str:
    """"Mon–Fri 22:00–06:00", "Sat 20:00–24:00", "Every day, all day" (runs of days joined)."""
    days = sorted(w.days)
    runs, first = [], None
    for i, d in enumerate(days):
        if first is None:
            first = d
        if i + 1 == len(days) or days[i + 1] != d + 1:
            runs.append(DAY_NAMES[first] if first == d else
                        f"{DAY_NAMES[first]}, {DAY_NAMES[d]}" if d == first + 1 else f"{DAY_NAMES[first]}–{DAY_NAMES[d]}")
            first = None
    text = "Every day" if len(days) == 7 else ", ".join(runs)
    if w.start == w.end:
        return f"{text}, all day"
    end = "24:00" if w.end == time(0) else w.end.strftime("%H:%M")
    return f"{text} {w.start.strftime('%H:%M')}–{end}"


def window_from_dict(raw, position: int) -> TimeWindow:
    where = f"Time window {position}"
    if isinstance(raw, TimeWindow):
        return raw
    if not isinstance(raw, dict):
        raise ValidationError(f"{where}: give its days, start and end.", "windows")
    days = raw.get("days")
    if (not isinstance(days, (list, tuple)) or not days
            or not all(isinstance(d, int) and not isinstance(d, bool) and 0 <= d <= 6 for d in days)):
        raise ValidationError(f"{where}: tick at least one day.", "windows")
    clocks = []
    for key, label in (("start", "start"), ("end", "end")):
        value = raw.get(key)
        try:
            found = _CLOCK.fullmatch(value) if isinstance(value, str) else None
            if found is None:
                raise ValueError
            clocks.append(time(int(found.group(1)), int(found.group(2))))
        except (ValueError, TypeError):
            raise ValidationError(f"{where}: the {label} as HH:MM (00:00 to 23:59).", "windows") from None
    start, end = clocks
    if end == END_OF_DAY:
        end = time(0)  # "until 23:59" is the whole rest of the day
    return TimeWindow(frozenset(days), start, end)


def window_to_dict(w: TimeWindow) -> dict:
    return {"days": sorted(w.days), "start": w.start.strftime("%H:%M"), "end": w.end.strftime("%H:%M")}


def _ids(values, field: str, what: str) -> frozenset[UUID]:
    if values is None:
        return frozenset()
    if isinstance(values, (str, bytes)) or not hasattr(values, "__iter__"):
        raise ValidationError(f"Choose the {what} from the list.", field)
    out = set()
    for v in values:
        try:
            out.add(v if isinstance(v, UUID) else UUID(str(v)))
        except (ValueError, TypeError):
            raise ValidationError(f"One of the chosen {what} is not valid.", field) from None
    if len(out) > MAX_MEMBERS:
        raise ValidationError(f"At most {MAX_MEMBERS} {what} in one profile.", field)
    return frozenset(out)


def _row(data: dict) -> AccessProfileRow:
    return AccessProfileRow(
        data["id"], data["version"], data["name"],
        tuple(window_from_dict(w, i) for i, w in enumerate(data["windows"] or (), 1)),
        _ids(data["user_ids"], "user_ids", "users"), _ids(data["user_group_ids"], "user_group_ids", "user groups"),
        _ids(data["token_ids"], "token_ids", "tokens"), _ids(data["group_ids"], "group_ids", "groups"),
        _ids(data["station_ids"], "station_ids", "stations"), data["tariff_id"], data.get("notes") or "")


class AccessProfileService:
    def __init__(self, store, bus: ev.EventBus, settings, stations, group_tree, tariffs, auth_index):
        self.store = store
        self.bus = bus
        self.settings = settings
        self.stations = stations
        self.group_tree = group_tree
        self.tariffs = tariffs
        self.auth_index = auth_index  # users, user groups and tokens in memory: members must exist
        self.profiles: dict[UUID, AccessProfileRow] = {}
        self._by_name: list[AccessProfileRow] = []  # the hot path walks this, sorted once per change
        # (station id, its groups) -> (position, profile) covering it: a local list asks once per token
        self._at_station: dict[tuple, list[tuple[int, AccessProfileRow]]] = {}
        self._by_member: dict[UUID, frozenset[int]] = {}
        self._unsubscribe = bus.subscribe(ev.RowsChanged, self._rows_changed)

    # -- the book in memory (follows the change feed) ---------------------------------------------
    async def load(self) -> None:
        self.set_profiles(_row(r) for r in await self.store.read(repo.load_all))

    def set_profiles(self, rows) -> None:
        """The book as given (loaded rows; tests may pass rows of their own)."""
        self.profiles = {p.id: p for p in rows}
        self._by_name = sorted(self.profiles.values(), key=lambda p: p.name.lower())
        self._at_station.clear()
        by_member: dict[UUID, set[int]] = {}  # token, user or user group id -> positions in _by_name
        for i, p in enumerate(self._by_name):
            for member in p.token_ids | p.user_ids | p.user_group_ids:
                by_member.setdefault(member, set()).add(i)
        self._by_member = {k: frozenset(v) for k, v in by_member.items()}

    async def _reload(self) -> None:
        await self.load()
        self.bus.publish(ev.AccessProfilesChanged())

    def _rows_changed(self, event: ev.RowsChanged) -> None:
        if event.entity == "access_profile":  # another seat's change
            spawn(self._reload(), name="access profiles refresh")

    # -- reading (every operator: site-wide objects) -----------------------------------------------
    def list(self) -> list[AccessProfileRow]:
        return list(self._by_name)

    def get(self, profile_id: UUID) -> AccessProfileRow:
        try:
            return self.profiles[profile_id]
        except KeyError:
            raise NotFound(PROFILE_NOT_FOUND) from None

    # -- what they decide (in memory: the authorization hot path) -------------------------------------
    def _zone(self, info) -> tzinfo:
        return zone_for(info.timezone or self.settings.site_timezone)

    def _station_groups(self, info) -> frozenset:
        chain, group_id = set(), info.group_id
        while group_id is not None and group_id not in chain:
            chain.add(group_id)
            group = self.group_tree.groups.get(group_id)
            group_id = group.parent_id if group else None
        return frozenset(chain)

    def covering(self, info, who: Who, station_groups: frozenset | None = None) -> list[AccessProfileRow]:
        """The profiles covering this station that `who` is a member of, by name."""
        if not self._by_member:
            return []
        member_of: frozenset[int] = frozenset()
        for key in (who.token_id, who.user_id, who.user_group_id):
            if key is not None:
                found = self._by_member.get(key)
                if found:
                    member_of = member_of | found
        if not member_of:
            return []
        groups = self._station_groups(info) if station_groups is None else station_groups
        here = self._at_station.get((info.id, groups))
        if here is None:
            if len(self._at_station) > 10_000:
                self._at_station.clear()
            here = self._at_station[(info.id, groups)] = [
                (i, p) for i, p in enumerate(self._by_name) if p.covers(info.id, groups)]
        return [p for i, p in here if i in member_of]

    def check(self, info, who: Who, now: datetime, station_groups: frozenset | None = None) -> ProfileCheck:
        found = self.covering(info, who, station_groups)
        if not found:
            return NO_PROFILE
        local = now.astimezone(self._zone(info))
        admitting, until = None, None
        for p in found:
            open_windows = [w for w in p.windows if w.admits(local)]
            if not open_windows:
                continue
            admitting = admitting or p.name
            closes = max(window_closes(w, local) for w in open_windows)
            until = closes if until is None else max(until, closes)
        limited = not any(p.always for p in found)
        return ProfileCheck(tuple(p.name for p in found), admitting, until if limited else None, limited)

    def tariff_for(self, info, connector_id: int, who: Who, at: datetime):
        """The tariff of the first admitting covering profile that has one; None: the tariff groups decide."""
        local = at.astimezone(self._zone(info))
        for p in self.covering(info, who):
            if p.tariff_id is not None and p.admits(local):
                tariff = self.tariffs.tariffs.get(p.tariff_id)
                if tariff is not None and tariff.valid_at(at):
                    return AppliedTariff(tariff.id, tariff.name, tariff.prices, f"access profile {p.name}")
        return None

    # -- changing (whole-site admins) --------------------------------------------------------------------
    def _checked(self, name: str, windows, user_ids, user_group_ids, token_ids, group_ids, station_ids, tariff_id,
                 notes: str) -> dict:
        name = (name or "").strip() if isinstance(name, str) else ""
        if not name:
            raise ValidationError("Give the access profile a name.", "name")
        if len(name) > 200:
            raise ValidationError("Access profile names have at most 200 characters.", "name")
        if not isinstance(windows, (list, tuple)) or not windows:
            raise ValidationError("Add at least one time window (days and hours).", "windows")
        if len(windows) > MAX_WINDOWS:
            raise ValidationError(f"At most {MAX_WINDOWS} time windows.", "windows")
        checked = [window_from_dict(w, i) for i, w in enumerate(windows, 1)]
        index = self.auth_index
        members = {
            "user_ids": (_ids(user_ids, "user_ids", "charging users"), index.users, "charging user"),
            "user_group_ids": (_ids(user_group_ids, "user_group_ids", "user groups"), index.groups, "user group"),
            "token_ids": (_ids(token_ids, "token_ids", "tokens"), index.tokens_by_id, "token"),
            "group_ids": (_ids(group_ids, "group_ids", "charging groups"), self.group_tree.groups, "charging group"),
            "station_ids": (_ids(station_ids, "station_ids", "stations"), self.stations.by_id, "station"),
        }
        for field, (ids, known, what) in members.items():
            if any(i not in known for i in ids):
                raise ValidationError(f"A chosen {what} no longer exists. Reload and choose again.", field)
        if tariff_id is not None:
            if not isinstance(tariff_id, UUID):
                try:
                    tariff_id = UUID(str(tariff_id))
                except ValueError:
                    raise ValidationError("Choose the tariff from the list.", "tariff_id") from None
            if tariff_id not in self.tariffs.tariffs:
                raise ValidationError("The chosen tariff no longer exists.", "tariff_id")
        notes = notes if isinstance(notes, str) else ""
        if len(notes) > 2000:
            raise ValidationError("Notes have at most 2,000 characters.", "notes")
        return {"name": name, "windows": [window_to_dict(w) for w in checked],
                **{field: sorted(str(i) for i in ids) for field, (ids, _k, _w) in members.items()},
                "tariff_id": tariff_id, "notes": notes}

    async def _write(self, fn):
        def in_transaction():
            with self.store.transaction():
                return fn()

        try:
            result = await self.store.run(in_transaction)
        except StaleRow:
            raise StaleEdit() from None
        except MissingRow:
            raise NotFound(PROFILE_NOT_FOUND) from None
        await self._reload()
        return result

    async def create(self, ctx: OperatorContext, name: str, windows, *, user_ids=(), user_group_ids=(), token_ids=(),
                     group_ids=(), station_ids=(), tariff_id: UUID | None = None, notes: str = "") -> AccessProfileRow:
        require_site_wide_admin(ctx, Permission.ACCESS_PROFILES)
        fields = self._checked(name, windows, user_ids, user_group_ids, token_ids, group_ids, station_ids, tariff_id,
                               notes)

        def write():
            if repo.name_taken(fields["name"]):
                raise ValidationError(NAME_TAKEN, "name")
            return repo.insert(**fields)

        return self.get(await self._write(write))

    async def update(self, ctx: OperatorContext, profile_id: UUID, version: int, name: str, windows, *, user_ids=(),
                     user_group_ids=(), token_ids=(), group_ids=(), station_ids=(), tariff_id: UUID | None = None,
                     notes: str = "") -> AccessProfileRow:
        require_site_wide_admin(ctx, Permission.ACCESS_PROFILES)
        self.get(profile_id)
        fields = self._checked(name, windows, user_ids, user_group_ids, token_ids, group_ids, station_ids, tariff_id,
                               notes)

        def write():
            if repo.name_taken(fields["name"], profile_id):
                raise ValidationError(NAME_TAKEN, "name")
            repo.update(profile_id, version, **fields)
            return profile_id

        return self.get(await self._write(write))

    async def delete(self, ctx: OperatorContext, profile_id: UUID, version: int) -> None:
        require_site_wide_admin(ctx, Permission.ACCESS_PROFILES)
        self.get(profile_id)
        await self._write(lambda: repo.tombstone(profile_id, version))


__all__ = ["AccessProfileService", "AccessProfileRow", "ProfileCheck", "NO_PROFILE", "always_open", "describe_window",
           "window_from_dict", "window_to_dict"]
