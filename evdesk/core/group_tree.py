"""The charging-group tree in memory, and the operators' domains cut from it.

One object holds the tree (a site has tens to a few thousand groups) for every
service that needs a domain as the tree is now: `GroupService` changes it,
`StationService` and the command API check operators' domains against it. It
follows the change feed: groups another seat added, changed or deleted are
re-read and announced (`GroupChanged`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from uuid import UUID

from evdesk.core import events as ev
from evdesk.core.errors import NotFound
from evdesk.core.permissions import DomainIndex, OperatorContext
from evdesk.core.tasks import spawn
from evdesk.store.database import Store
from evdesk.store.repos import groups as repo

GROUP_NOT_FOUND = "Charging group does not exist."


@dataclass(frozen=True)
class GroupInfo:
    id: UUID
    name: str
    parent_id: UUID | None
    version: int = 1


class GroupTree:
    def __init__(self, store: Store, bus: ev.EventBus):
        self.store = store
        self.bus = bus
        self.groups: dict[UUID, GroupInfo] = {}
        self.index = DomainIndex()
        self._unsubscribe = bus.subscribe(ev.RowsChanged, self._rows_changed)

    async def load(self) -> None:
        rows = await self.store.run(repo.all_groups)
        self.groups = {g.id: g for g in (GroupInfo(*row) for row in rows)}
        self._reindex()

    def fresh(self, ctx: OperatorContext) -> OperatorContext:
        """`ctx` with its domain recomputed from today's tree (groups added or moved since login)."""
        if ctx.base_group_id is None:
            return dataclasses.replace(ctx, domain_groups=None)
        return dataclasses.replace(ctx, domain_groups=self.index.subtree(ctx.base_group_id))

    def get(self, group_id: UUID) -> GroupInfo:
        try:
            return self.groups[group_id]
        except KeyError:
            raise NotFound(GROUP_NOT_FOUND) from None

    def put(self, info: GroupInfo) -> None:
        self.groups[info.id] = info
        self._reindex()

    def remove(self, group_id: UUID) -> None:
        self.groups.pop(group_id, None)
        self._reindex()

    def _reindex(self) -> None:
        self.index = DomainIndex({g.id: g.parent_id for g in self.groups.values()})

    # -- other seats' changes --------------------------------------------------------
    def _rows_changed(self, event: ev.RowsChanged) -> None:
        if event.entity == "charging_group":
            spawn(self._refresh(event.ids), name="group tree refresh")

    async def _refresh(self, ids) -> None:
        """Groups another seat added, changed or deleted: re-read them, then announce."""
        rows = {row[0]: GroupInfo(*row) for row in await self.store.read(repo.groups_by_id, ids)}
        for group_id in ids:
            self.groups.pop(group_id, None)
            new = rows.get(group_id)
            if new is not None:
                self.groups[group_id] = new
        self._reindex()
        for group_id in ids:
            new = rows.get(group_id)
            self.bus.publish(ev.GroupChanged(group_id, new.parent_id if new else None, deleted=new is None))
