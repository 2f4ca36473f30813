"""Charging groups: the tree stations live in, and the operators' domains are cut from.

The whole tree is kept in memory by `GroupTree` (`core/group_tree.py`, shared with
the station service) and written through the store; every change is versioned and
checked against the operator's permission (MANAGE_GROUPS) and domain. Stations are
assigned through `StationService` so its cache and events stay right.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from evdesk.core import events as ev
from evdesk.core.errors import EvdeskError, StaleEdit, ValidationError
from evdesk.core.group_tree import GROUP_NOT_FOUND, GroupInfo, GroupTree
from evdesk.core.permissions import (
    BASIC,
    DomainIndex,
    OperatorContext,
    Permission,
    require,
    require_group,
    require_station,
)
from evdesk.store.database import Store
from evdesk.store.errors import MissingRow, StaleRow
from evdesk.store.repos import groups as repo

PARENT_REQUIRED = "Adding a new group failed. Parent group is required."
__all__ = ["GROUP_NOT_FOUND", "GroupCounts", "GroupInfo", "GroupService", "charging_points"]


@dataclass(frozen=True)
class GroupCounts:
    stations: int  # in the group and its subgroups
    charging_points: int  # connectors of those stations


def charging_points(station) -> int:
    """Connectors 1..n (connector 0 is the station itself in OCPP 1.6)."""
    return sum(1 for c in station.connectors if c > 0)


class GroupService:
    def __init__(self, store: Store, bus: ev.EventBus, tree: GroupTree, stations):
        self.store = store
        self.bus = bus
        self.tree = tree  # the tree in memory, shared with the station service
        self.stations = stations  # StationService

    @property
    def groups(self) -> dict[UUID, GroupInfo]:
        return self.tree.groups

    @property
    def index(self) -> DomainIndex:
        return self.tree.index

    async def load(self) -> None:
        await self.tree.load()

    # -- reading -----------------------------------------------------------------
    def fresh(self, ctx: OperatorContext) -> OperatorContext:
        """`ctx` with its domain recomputed from today's tree (groups added or moved since login)."""
        return self.tree.fresh(ctx)

    def get(self, group_id: UUID) -> GroupInfo:
        return self.tree.get(group_id)

    def name_of(self, group_id: UUID | None) -> str:
        g = self.groups.get(group_id) if group_id else None
        return g.name if g else ""

    def path_of(self, group_id: UUID | None) -> str:
        names, seen = [], set()
        while group_id is not None and group_id in self.groups and group_id not in seen:
            seen.add(group_id)
            names.append(self.groups[group_id].name)
            group_id = self.groups[group_id].parent_id
        return " / ".join(reversed(names))

    def top_groups(self, ctx: OperatorContext) -> list[GroupInfo]:
        """Where the operator's tree starts: their base group, or every top-level group for root."""
        if ctx.base_group_id is not None:
            return [self.groups[ctx.base_group_id]] if ctx.base_group_id in self.groups else []
        return self._sorted(g for g in self.groups.values() if g.parent_id is None)

    def children(self, group_id: UUID) -> list[GroupInfo]:
        return self._sorted(g for g in self.groups.values() if g.parent_id == group_id)

    def visible(self, ctx: OperatorContext) -> list[GroupInfo]:
        ctx = self.fresh(ctx)
        return self._sorted(g for g in self.groups.values() if ctx.sees_group(g.id))

    @staticmethod
    def _sorted(groups) -> list[GroupInfo]:
        return sorted(groups, key=lambda g: (g.name.casefold(), str(g.id)))

    def stations_in(self, group_id: UUID | None):
        return sorted((s for s in self.stations.all() if s.group_id == group_id),
                      key=lambda s: s.display_name.casefold())

    def counts(self) -> dict[UUID, GroupCounts]:
        """Stations and charging points per group, subgroups included."""
        own: dict[UUID, list[int]] = {}
        for s in self.stations.all():
            if s.group_id is not None and s.registration != "rejected":
                c = own.setdefault(s.group_id, [0, 0])
                c[0] += 1
                c[1] += charging_points(s)
        kids = self.index.children()
        out: dict[UUID, GroupCounts] = {}

        def total(gid: UUID, depth: int = 0) -> list[int]:
            if gid in out:
                return [out[gid].stations, out[gid].charging_points]
            t = list(own.get(gid, [0, 0]))
            if depth < 1000:
                for kid in kids.get(gid, ()):
                    sub = total(kid, depth + 1)
                    t[0] += sub[0]
                    t[1] += sub[1]
            out[gid] = GroupCounts(t[0], t[1])
            return t

        for gid in self.groups:
            total(gid)
        return out

    # -- changing ----------------------------------------------------------------
    def _check(self, ctx: OperatorContext) -> OperatorContext:
        require(ctx, Permission.MANAGE_GROUPS)
        return self.fresh(ctx)

    @staticmethod
    def _name(name: str) -> str:
        name = (name or "").strip()
        if not name:
            raise ValidationError("Charging group name is required.", field="name")
        if len(name) > 200:
            raise ValidationError("Use at most 200 characters for the name.", field="name")
        return name

    async def add(self, ctx: OperatorContext, name: str, parent_id: UUID | None = None) -> GroupInfo:
        ctx = self._check(ctx)
        name = self._name(name)
        if parent_id is None:
            if ctx.role == BASIC:
                raise ValidationError(PARENT_REQUIRED, field="parent")
            parent_id = ctx.base_group_id  # "right under your base group"; top level for root
        if parent_id is not None:
            self.get(parent_id)
        require_group(ctx, parent_id)

        info = GroupInfo(*await self.store.run(repo.insert, name, parent_id))
        self.tree.put(info)
        self.bus.publish(ev.GroupChanged(info.id, info.parent_id))
        return info

    async def rename(self, ctx: OperatorContext, group_id: UUID, version: int, name: str) -> GroupInfo:
        ctx = self._check(ctx)
        group = self.get(group_id)
        require_group(ctx, group.id)
        return await self._update(group, version, name=self._name(name))

    async def move(self, ctx: OperatorContext, group_id: UUID, version: int, new_parent_id: UUID | None) -> GroupInfo:
        ctx = self._check(ctx)
        group = self.get(group_id)
        require_group(ctx, group.id)
        if new_parent_id is not None:
            self.get(new_parent_id)
            if self.index.is_descendant(new_parent_id, group.id):
                raise ValidationError(f"A group cannot be moved under itself or one of its subgroups "
                                      f"('{self.groups[new_parent_id].name}' is inside '{group.name}').", field="parent")
        require_group(ctx, new_parent_id)
        if group.id == ctx.base_group_id:
            raise EvdeskError("Your base group cannot be moved: it is the top of your domain.")
        return await self._update(group, version, parent=new_parent_id)

    async def _update(self, group: GroupInfo, version: int, **changes) -> GroupInfo:
        try:
            info = GroupInfo(*await self.store.run(lambda: repo.update(group.id, version, **changes)))
        except (StaleRow, MissingRow):
            raise StaleEdit() from None
        self.tree.put(info)
        self.bus.publish(ev.GroupChanged(info.id, info.parent_id))
        return info

    async def delete(self, ctx: OperatorContext, group_id: UUID, version: int) -> None:
        ctx = self._check(ctx)
        group = self.get(group_id)
        require_group(ctx, group.id)
        if group.id == ctx.base_group_id:
            raise EvdeskError("You cannot delete your own base group.")
        if any(g.parent_id == group.id for g in self.groups.values()):
            raise EvdeskError(f"'{group.name}' has subgroups. Move or delete them first: only an empty group "
                              "can be deleted.")
        if any(s.group_id == group.id for s in self.stations.all()):
            raise EvdeskError(f"'{group.name}' holds charging stations. Move them to another group first: "
                              "only an empty group can be deleted.")

        def write():
            users = repo.operators_based_in(group.id)
            if users:
                raise EvdeskError(f"'{group.name}' is the base group of {', '.join(sorted(users))}. "
                                  "Give them another base group first.")
            if repo.has_stations(group.id):
                raise EvdeskError(f"'{group.name}' holds charging stations. Move them to another group first.")
            try:
                repo.delete(group.id, version)
            except (StaleRow, MissingRow):
                raise StaleEdit() from None

        await self.store.atomic(write)
        self.tree.remove(group.id)
        self.bus.publish(ev.GroupChanged(group.id, group.parent_id, deleted=True))

    async def assign_stations(self, ctx: OperatorContext, group_id: UUID | None, station_ids: list[UUID]) -> None:
        """Put stations into a group; `group_id` None takes them out of every group (orphans)."""
        ctx = self._check(ctx)
        if group_id is not None:
            self.get(group_id)
            require_group(ctx, group_id)
        else:
            require_station(ctx, None)  # only who sees orphans may make them
        infos = [self.stations.get_by_id(sid) for sid in station_ids]
        for info in infos:
            require_station(ctx, info.group_id)
        old_groups = {info.group_id for info in infos if info.group_id != group_id}
        for info in infos:
            if info.group_id != group_id:
                await self.stations.move_to_group(info.id, group_id)
        for gid in old_groups | {group_id}:
            if gid is not None and gid in self.groups:
                self.bus.publish(ev.GroupChanged(gid, self.groups[gid].parent_id))
