"""Tariffs, tariff groups and where they apply; which tariff a session gets.

Rules decided here (the manuals leave them open):

* Tariffs and tariff groups are site-wide, like user groups: every operator reads
  them; creating, editing and deleting them needs `TARIFFS` and no base group
  (whole-site admins), because one price reaches every station that uses it.
  Assigning a tariff group to a charging group, station or connector needs `TARIFFS`
  and the target inside the operator's domain.
* Every price is in the site currency; the currency cannot change once a priced
  tariff exists (the vaylens rule).
* A tariff group's first entry is its base tariff, made Free with the group and named
  "<group>: Base tariff"; it cannot be removed or restricted (its prices can change).
  A tariff in some group, or a group assigned somewhere, cannot be deleted.
* A tariff outside its validity dates admits no session; the group's next choice
  (finally the base, finally Free) applies.
* The tariff in force at a session's start applies to all of it: the session keeps a
  copy of the prices (`resolve` is called at StartTransaction, from memory).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from uuid import UUID

from evdesk.core import events as ev
from evdesk.core.authorization import zone_for
from evdesk.core.errors import AccessDenied, NotFound, StaleEdit, ValidationError
from evdesk.core.people_domain import require_site_wide_admin
from evdesk.core.permissions import OPERATOR_ACCESS_FORBIDDEN, OperatorContext, Permission, require, require_group
from evdesk.core.pricing.selection import GroupEntry, Restriction, TimeWindow, Who, assigned_group, choose_tariff
from evdesk.core.pricing.tariff import TariffPrices, free_prices, prices_from_dict
from evdesk.core.tasks import spawn
from evdesk.store.errors import MissingRow, StaleRow
from evdesk.store.repos import tariffs as repo

TARIFF_NOT_FOUND = "Tariff not found. Someone may have deleted it; reload the list."
GROUP_NOT_FOUND = "Tariff group not found. Someone may have deleted it; reload the list."
TARIFF_NAME_TAKEN = "A tariff with this name already exists."
GROUP_NAME_TAKEN = "A tariff group with this name already exists."
BASE_SUFFIX = ": Base tariff"
FEED_ENTITIES = ("tariff", "tariff_group", "tariff_assignment")


@dataclass(frozen=True)
class TariffRow:
    id: UUID
    version: int
    name: str
    prices: TariffPrices
    valid_from: datetime | None
    valid_to: datetime | None
    notes: str
    base_of: UUID | None  # the tariff group this is the base tariff of
    in_groups: tuple[str, ...]  # names of the tariff groups listing it

    @property
    def kind(self) -> str:
        return self.prices.kind

    def valid_at(self, at: datetime) -> bool:
        return (self.valid_from is None or self.valid_from <= at) and (self.valid_to is None or at < self.valid_to)


@dataclass(frozen=True)
class EntryRow:
    tariff_id: UUID
    user_group_ids: tuple[UUID, ...] = ()
    user_ids: tuple[UUID, ...] = ()
    token_ids: tuple[UUID, ...] = ()
    windows: tuple[TimeWindow, ...] = ()

    def restriction(self) -> Restriction:
        return Restriction(frozenset(self.user_group_ids), frozenset(self.user_ids), frozenset(self.token_ids),
                           self.windows)


@dataclass(frozen=True)
class TariffGroupRow:
    id: UUID
    version: int
    name: str
    base_tariff_id: UUID
    entries: tuple[EntryRow, ...]  # after the base, in order (the lowest admitting one wins)


@dataclass(frozen=True)
class AssignmentRow:
    id: UUID
    tariff_group_id: UUID
    group_id: UUID | None
    station_id: UUID | None
    connector_id: int | None


@dataclass(frozen=True)
class AppliedTariff:
    tariff_id: UUID | None
    name: str
    prices: TariffPrices
    source: str  # why this tariff: "tariff group Depot on station CP-1" / "no tariff group applies"


# -- the stored form of entries -----------------------------------------------------------------------------
def entry_from_dict(data: dict, position: int) -> EntryRow:
    where = f"Entry {position}"
    if not isinstance(data, dict):
        raise ValidationError(f"{where}: not a tariff entry.", "entries")
    try:
        tariff_id = UUID(str(data.get("tariff_id")))
        ids = {key: tuple(UUID(str(v)) for v in (data.get(key) or ()))
               for key in ("user_group_ids", "user_ids", "token_ids")}
    except (ValueError, TypeError):
        raise ValidationError(f"{where}: a tariff, user group, user or token id is not valid.", "entries") from None
    windows = []
    for raw in data.get("windows") or ():
        windows.append(_window_from_dict(raw, where))
    return EntryRow(tariff_id, ids["user_group_ids"], ids["user_ids"], ids["token_ids"], tuple(windows))


def _window_from_dict(raw, where: str) -> TimeWindow:
    if isinstance(raw, TimeWindow):
        return raw
    if not isinstance(raw, dict):
        raise ValidationError(f"{where}: a time window needs days, start and end.", "entries")
    days = raw.get("days")
    if not isinstance(days, (list, tuple)) or not days or not all(isinstance(d, int) and 0 <= d <= 6 for d in days):
        raise ValidationError(f"{where}: choose the days of each time window.", "entries")
    clocks = []
    for key in ("start", "end"):
        value = raw.get(key)
        try:
            hours, minutes = (int(p) for p in str(value).split(":"))
            clocks.append(time(hours, minutes))
        except (ValueError, TypeError):
            raise ValidationError(f"{where}: time window {key} as HH:MM.", "entries") from None
    return TimeWindow(frozenset(days), clocks[0], clocks[1])


def entry_to_dict(entry: EntryRow) -> dict:
    return {"tariff_id": str(entry.tariff_id), "user_group_ids": [str(i) for i in entry.user_group_ids],
            "user_ids": [str(i) for i in entry.user_ids], "token_ids": [str(i) for i in entry.token_ids],
            "windows": [{"days": sorted(w.days), "start": w.start.strftime("%H:%M"), "end": w.end.strftime("%H:%M")}
                        for w in entry.windows]}


class TariffService:
    def __init__(self, store, bus: ev.EventBus, settings, stations, group_tree):
        self.store = store
        self.bus = bus
        self.settings = settings
        self.stations = stations
        self.group_tree = group_tree
        self.tariffs: dict[UUID, TariffRow] = {}
        self.groups: dict[UUID, TariffGroupRow] = {}
        self.assignments: dict[UUID, AssignmentRow] = {}
        self._by_target: dict[tuple, UUID] = {}
        # (station, connector_id, who, at) -> AppliedTariff | None: the access profiles' say (set by Services)
        self._unsubscribe = bus.subscribe(ev.RowsChanged, self._rows_changed)

    # -- the book in memory ---------------------------------------------------------------------------------
    async def load(self) -> None:
        self._apply(await self.store.read(repo.load_all))

    def _apply(self, data: dict) -> None:
        groups = {}
        for g in data["groups"]:
            entries = tuple(entry_from_dict(e, i) for i, e in enumerate(g["entries"] or (), 2))
            groups[g["id"]] = TariffGroupRow(g["id"], g["version"], g["name"], g["base_tariff_id"], entries)
        base_of = {g.base_tariff_id: g.id for g in groups.values()}
        listed: dict[UUID, list[str]] = {}
        for g in groups.values():
            for tariff_id in [g.base_tariff_id] + [e.tariff_id for e in g.entries]:
                listed.setdefault(tariff_id, []).append(g.name)
        tariffs = {}
        for t in data["tariffs"]:
            tariffs[t["id"]] = TariffRow(t["id"], t["version"], t["name"], prices_from_dict(t["prices"] or {}),
                                         t["valid_from"], t["valid_to"], t["notes"], base_of.get(t["id"]),
                                         tuple(sorted(set(listed.get(t["id"], ())))))
        assignments = {a["id"]: AssignmentRow(a["id"], a["tariff_group_id"], a["group_id"], a["station_id"],
                                              a["connector_id"]) for a in data["assignments"]}
        self.tariffs, self.groups, self.assignments = tariffs, groups, assignments
        self._by_target = {self._target_key(a): a.tariff_group_id for a in assignments.values()}

    @staticmethod
    def _target_key(a: AssignmentRow) -> tuple:
        if a.station_id is not None and a.connector_id is not None:
            return ("connector", (a.station_id, a.connector_id))
        if a.station_id is not None:
            return ("station", a.station_id)
        return ("group", a.group_id)

    async def _reload(self) -> None:
        await self.load()
        self.bus.publish(ev.TariffsChanged())

    def _rows_changed(self, event: ev.RowsChanged) -> None:
        if event.entity in FEED_ENTITIES:  # another seat's change
            spawn(self._reload(), name="tariffs refresh")

    # -- reading -----------------------------------------------------------------------------------------------
    def list_tariffs(self) -> list[TariffRow]:
        return sorted(self.tariffs.values(), key=lambda t: (t.base_of is None, t.name.lower()))

    def list_groups(self) -> list[TariffGroupRow]:
        return sorted(self.groups.values(), key=lambda g: g.name.lower())

    def tariff(self, tariff_id: UUID) -> TariffRow:
        try:
            return self.tariffs[tariff_id]
        except KeyError:
            raise NotFound(TARIFF_NOT_FOUND) from None

    def group(self, group_id: UUID) -> TariffGroupRow:
        try:
            return self.groups[group_id]
        except KeyError:
            raise NotFound(GROUP_NOT_FOUND) from None

    def list_assignments(self, ctx: OperatorContext) -> list[AssignmentRow]:
        """Where tariff groups apply, as far as the operator's domain goes."""
        out = []
        for a in self.assignments.values():
            if a.station_id is not None:
                info = self.stations.by_id.get(a.station_id)
                if info is None or not ctx.sees_station(info.group_id):
                    continue
            elif not ctx.sees_group(a.group_id):
                continue
            out.append(a)
        return out

    def assignments_of(self, tariff_group_id: UUID) -> list[AssignmentRow]:
        return [a for a in self.assignments.values() if a.tariff_group_id == tariff_group_id]

    def describe_target(self, a: AssignmentRow) -> str:
        if a.station_id is not None:
            info = self.stations.by_id.get(a.station_id)
            name = (info.name or info.identity) if info else "a removed station"
            return f"{name}, connector {a.connector_id}" if a.connector_id is not None else name
        group = self.group_tree.groups.get(a.group_id)
        return f"group {group.name}" if group else "a removed group"

    # -- which tariff applies -----------------------------------------------------------------------------------
    def _group_chain(self, group_id: UUID | None) -> list[UUID]:
        """The station's charging group and its ancestors, nearest first."""
        chain: list[UUID] = []
        while group_id is not None and group_id not in chain:
            chain.append(group_id)
            info = self.group_tree.groups.get(group_id)
            group_id = info.parent_id if info else None
        return chain

    def applying(self, station, connector_id: int | None = None) -> tuple[TariffGroupRow | None, str]:
        """The tariff group of a station (or of one connector) and where it comes from, as a
        screen says it ("the station's own", "the connector's own", "from charging group Depot");
        (None, "") when none applies."""
        keys = [("connector", (station.id, connector_id))] if connector_id is not None else []
        keys += [("station", station.id)] + [("group", g) for g in self._group_chain(station.group_id)]
        for kind, target in keys:
            found = self.groups.get(self._by_target.get((kind, target)))
            if found is not None:
                if kind == "group":
                    group = self.group_tree.groups.get(target)
                    return found, f"from charging group {group.name if group else '?'}"
                return found, "the connector's own" if kind == "connector" else "the station's own"
        return None, ""

    def resolve(self, station, connector_id: int, who: Who, at: datetime) -> AppliedTariff:
        """The tariff the tariff groups give a session starting now (in memory: called on the
        StartTransaction path, after an admitting access profile's tariff, which comes first)."""
        chain = self._group_chain(station.group_id)
        tg_id = assigned_group((station.id, connector_id), station.id, chain, self._by_target)
        currency = self.settings.currency
        if tg_id is None or tg_id not in self.groups:
            return AppliedTariff(None, "Free", free_prices(currency), "no tariff group applies")
        group = self.groups[tg_id]
        local = at.astimezone(zone_for(station.timezone or self.settings.site_timezone))
        entries = [GroupEntry(group.base_tariff_id)] + [
            GroupEntry(e.tariff_id, e.restriction()) for e in group.entries
            if e.tariff_id in self.tariffs and self.tariffs[e.tariff_id].valid_at(at)]
        chosen = self.tariffs.get(choose_tariff(entries, who, local))
        if chosen is None or not chosen.valid_at(at):
            return AppliedTariff(None, "Free", free_prices(currency), f"tariff group {group.name}: base not valid now")
        return AppliedTariff(chosen.id, chosen.name, chosen.prices, f"tariff group {group.name}")

    # -- changing ------------------------------------------------------------------------------------------------
    async def _write(self, fn, *args, missing: str):
        def in_transaction():
            with self.store.transaction():
                return fn(*args)

        try:
            result = await self.store.run(in_transaction)
        except StaleRow:
            raise StaleEdit() from None
        except MissingRow:
            raise NotFound(missing) from None
        await self._reload()
        return result

    def _checked(self, name: str, prices: dict | TariffPrices, valid_from, valid_to) -> tuple[str, TariffPrices]:
        name = (name or "").strip()
        if not name:
            raise ValidationError("Give the tariff a name.", "name")
        if len(name) > 200:
            raise ValidationError("Tariff names have at most 200 characters.", "name")
        if isinstance(prices, TariffPrices):
            prices = prices.to_dict()
        prices = dict(prices)
        currency = prices.get("currency") or self.settings.currency
        if str(currency).upper() != self.settings.currency:
            raise ValidationError(f"Prices are in the site currency, {self.settings.currency}.", "currency")
        prices["currency"] = self.settings.currency
        checked = prices_from_dict(prices)
        for label, value in (("Valid from", valid_from), ("Valid to", valid_to)):
            if value is not None and (not isinstance(value, datetime) or value.tzinfo is None):
                raise ValidationError(f"{label}: a date and time with its zone.", label.lower().replace(" ", "_"))
        if valid_from is not None and valid_to is not None and valid_to <= valid_from:
            raise ValidationError("Valid to must be after valid from.", "valid_to")
        return name, checked

    async def create_tariff(self, ctx: OperatorContext, name: str, prices: dict | TariffPrices,
                            valid_from: datetime | None = None, valid_to: datetime | None = None,
                            notes: str = "") -> TariffRow:
        require_site_wide_admin(ctx, Permission.TARIFFS)
        name, checked = self._checked(name, prices, valid_from, valid_to)

        def write():
            if repo.tariff_name_taken(name):
                raise ValidationError(TARIFF_NAME_TAKEN, "name")
            return repo.insert_tariff(name, checked.kind, checked.to_dict(), valid_from, valid_to, notes)

        return self.tariff(await self._write(write, missing=TARIFF_NOT_FOUND))

    async def update_tariff(self, ctx: OperatorContext, tariff_id: UUID, version: int, name: str,
                            prices: dict | TariffPrices, valid_from: datetime | None = None,
                            valid_to: datetime | None = None, notes: str = "") -> TariffRow:
        require_site_wide_admin(ctx, Permission.TARIFFS)
        name, checked = self._checked(name, prices, valid_from, valid_to)
        current = self.tariff(tariff_id)
        if current.base_of is not None and not name.endswith(BASE_SUFFIX):
            name = self.groups[current.base_of].name + BASE_SUFFIX  # the base keeps its group's name

        def write():
            if repo.tariff_name_taken(name, tariff_id):
                raise ValidationError(TARIFF_NAME_TAKEN, "name")
            repo.update_tariff(tariff_id, version, name=name, kind=checked.kind, prices=checked.to_dict(),
                               valid_from=valid_from, valid_to=valid_to, notes=notes)
            return tariff_id

        return self.tariff(await self._write(write, missing=TARIFF_NOT_FOUND))

    async def delete_tariff(self, ctx: OperatorContext, tariff_id: UUID, version: int) -> None:
        require_site_wide_admin(ctx, Permission.TARIFFS)
        current = self.tariff(tariff_id)
        if current.base_of is not None:
            raise ValidationError("A base tariff belongs to its tariff group and cannot be deleted on its own.")
        if current.in_groups:
            raise ValidationError(f"This tariff is in the tariff group(s) {', '.join(current.in_groups)}. "
                                  "Remove it from them first.")

        def write():
            profiles = repo.profiles_giving(tariff_id)
            if profiles:
                raise ValidationError(f"This tariff is the tariff of the access profile(s) {', '.join(profiles)}. "
                                      "Choose another tariff there first.")
            repo.tombstone_tariff(tariff_id, version)

        await self._write(write, missing=TARIFF_NOT_FOUND)

    def _checked_entries(self, group_id: UUID | None, base_tariff_id: UUID | None, entries) -> list[dict]:
        rows = [e if isinstance(e, EntryRow) else entry_from_dict(e, i) for i, e in enumerate(entries or (), 2)]
        for i, e in enumerate(rows, 2):
            t = self.tariffs.get(e.tariff_id)
            if t is None:
                raise ValidationError(f"Entry {i}: the tariff no longer exists.", "entries")
            if t.base_of is not None:
                raise ValidationError(f"Entry {i}: {t.name} is a base tariff; base tariffs stay in their own group.",
                                      "entries")
        return [entry_to_dict(e) for e in rows]

    def _group_name(self, name: str) -> str:
        name = (name or "").strip()
        if not name:
            raise ValidationError("Give the tariff group a name.", "name")
        if len(name) > 180:
            raise ValidationError("Tariff group names have at most 180 characters.", "name")
        return name

    async def create_group(self, ctx: OperatorContext, name: str, entries=()) -> TariffGroupRow:
        require_site_wide_admin(ctx, Permission.TARIFFS)
        name = self._group_name(name)
        stored = self._checked_entries(None, None, entries)
        base = free_prices(self.settings.currency)

        def write():
            if repo.group_name_taken(name):
                raise ValidationError(GROUP_NAME_TAKEN, "name")
            if repo.tariff_name_taken(name + BASE_SUFFIX):
                raise ValidationError(f"A tariff named {name}{BASE_SUFFIX} already exists; choose another name.", "name")
            base_id = repo.insert_tariff(name + BASE_SUFFIX, base.kind, base.to_dict(), None, None)
            return repo.insert_group(name, base_id, stored)

        return self.group(await self._write(write, missing=GROUP_NOT_FOUND))

    async def update_group(self, ctx: OperatorContext, group_id: UUID, version: int, name: str,
                           entries) -> TariffGroupRow:
        require_site_wide_admin(ctx, Permission.TARIFFS)
        name = self._group_name(name)
        current = self.group(group_id)
        stored = self._checked_entries(group_id, current.base_tariff_id, entries)
        base = self.tariffs.get(current.base_tariff_id)

        def write():
            if repo.group_name_taken(name, group_id):
                raise ValidationError(GROUP_NAME_TAKEN, "name")
            repo.update_group(group_id, version, name=name, entries=stored)
            if base is not None and name != current.name:
                if repo.tariff_name_taken(name + BASE_SUFFIX, base.id):
                    raise ValidationError(f"A tariff named {name}{BASE_SUFFIX} already exists; choose another name.",
                                          "name")
                repo.update_tariff(base.id, base.version, name=name + BASE_SUFFIX)
            return group_id

        return self.group(await self._write(write, missing=GROUP_NOT_FOUND))

    async def delete_group(self, ctx: OperatorContext, group_id: UUID, version: int) -> None:
        require_site_wide_admin(ctx, Permission.TARIFFS)
        current = self.group(group_id)
        used = self.assignments_of(group_id)
        if used:
            places = ", ".join(sorted(self.describe_target(a) for a in used))
            raise ValidationError(f"This tariff group is in use ({places}). Remove those assignments first.")

        def write():
            if repo.group_is_assigned(group_id):
                raise ValidationError("This tariff group is in use. Reload and remove its assignments first.")
            repo.tombstone_group(group_id, version)
            repo.tombstone_tariff(current.base_tariff_id, None)

        await self._write(write, missing=GROUP_NOT_FOUND)

    async def assign(self, ctx: OperatorContext, tariff_group_id: UUID, *, group_id: UUID | None = None,
                     station_id: UUID | None = None, connector_id: int | None = None) -> AssignmentRow:
        """Make the tariff group the one for a charging group (and its subgroups), a station, or a connector."""
        require(ctx, Permission.TARIFFS)
        self.group(tariff_group_id)
        if (group_id is None) == (station_id is None):
            raise ValidationError("Assign the tariff group to a charging group or to a station.")
        if station_id is not None:
            info = self.stations.get_by_id(station_id)
            if not ctx.sees_station(info.group_id):
                raise AccessDenied(OPERATOR_ACCESS_FORBIDDEN)
            if connector_id is not None and not 1 <= connector_id <= 1000:
                raise ValidationError("Connector numbers start at 1.", "connector_id")
        else:
            self.group_tree.get(group_id)
            require_group(ctx, group_id)
            if connector_id is not None:
                raise ValidationError("A connector belongs to a station: choose the station.", "connector_id")
        new_id = await self._write(
            lambda: repo.assign(tariff_group_id, group_id=group_id, station_id=station_id, connector_id=connector_id),
            missing=GROUP_NOT_FOUND)
        return self.assignments[new_id]

    async def unassign(self, ctx: OperatorContext, assignment_id: UUID) -> None:
        require(ctx, Permission.TARIFFS)
        a = self.assignments.get(assignment_id)
        if a is None or a not in self.list_assignments(ctx):
            raise NotFound("Assignment not found. Reload the list.")
        await self._write(repo.unassign, assignment_id, missing="Assignment not found. Reload the list.")

    def check_currency_change(self, new_currency: str) -> None:
        """The site currency cannot change once a tariff has a price (called by the settings save)."""
        if new_currency == self.settings.currency:
            return
        if any(not t.prices.is_free for t in self.tariffs.values()):
            raise ValidationError("The currency cannot change once a tariff has prices in it.", "currency")


__all__ = ["TariffService", "TariffRow", "TariffGroupRow", "EntryRow", "AssignmentRow", "AppliedTariff", "Who",
           "entry_from_dict", "entry_to_dict"]
