"""The charging-user services of one site, built together: users, tokens, user groups,
the authorizations log and CSV import/export. `services.people.users.create(ctx, ...)`.

Every write runs on the database worker, reads back what the authorization index
needs in the same call, puts it in the index (so the next decision sees it) and
announces the change on the bus (screens, local authorization lists).
"""

from __future__ import annotations

from evdesk.core import events as ev
from evdesk.core.auth_index import Snapshot, read_people
from evdesk.core.auth_log import AuthorizationLog
from evdesk.core.csv_io import CsvService
from evdesk.core.tokens import TokenService
from evdesk.core.user_groups import UserGroupService
from evdesk.core.users import ChargingUserService


class PeopleServices:
    def __init__(self, services):
        self.store = services.store
        self.bus = services.bus
        self.auth = services.auth
        self.stations = services.stations
        self.users = ChargingUserService(self)
        self.tokens = TokenService(self)
        self.groups = UserGroupService(self)
        self.auth_log = AuthorizationLog(self)
        self.csv = CsvService(self)

    async def load(self) -> None:
        await self.auth.load()

    # -- shared by the services ---------------------------------------------------------
    @staticmethod
    def fresh(user_ids=(), token_ids=(), group_ids=()) -> Snapshot:
        """(worker) What the index needs about the rows a write touched."""
        return read_people(user_ids, token_ids, group_ids)

    @staticmethod
    def empty() -> Snapshot:
        return Snapshot()

    def changed(self, snap: Snapshot, users=(), tokens=(), groups=(), blocked=()) -> None:
        """(loop) Put fresh entries in the index, then announce the change."""
        self.auth.index.apply(snap)
        for group_id in groups:
            self.bus.publish(ev.UserGroupChanged(group_id))
        for user_id in users:
            self.bus.publish(ev.ChargingUserChanged(user_id))
        for t in tokens:
            self.bus.publish(ev.TokenChanged(t.id, t.uid, t.user_id, t.status, blocked=t.id in blocked))
