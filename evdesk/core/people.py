"""The charging-user services of one site, built together: users, tokens, user groups,
the authorizations log, CSV import/export, and the read service behind the lists.
`services.people.users.create(ctx, ...)`, `services.people.reads.users(ctx, ...)`.

Every write runs on the database worker as one transaction that checks the
operator's domain against the rows as they are (`people_domain.py`), writes through
the store's repository (`evdesk/store/repos/people.py`: versioned, fed to the change
feed), reads back what the authorization index needs, then puts it in the index (so
the next decision sees it) and announces the change on the bus (screens, local
authorization lists).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from evdesk.core import events as ev
from evdesk.core.auth_index import Snapshot, read_people
from evdesk.core.auth_log import AuthorizationLog
from evdesk.core.authorization import AuthorizationService
from evdesk.core.csv_io import CsvService
from evdesk.core.errors import NotFound, StaleEdit
from evdesk.core.reads.people import PeopleReads
from evdesk.core.tokens import TokenService
from evdesk.core.user_groups import UserGroupService
from evdesk.core.users import ChargingUserService
from evdesk.store.database import Store
from evdesk.store.errors import MissingRow, StaleRow

T = TypeVar("T")


class PeopleServices:
    def __init__(self, store: Store, bus: ev.EventBus, auth: AuthorizationService, stations):
        self.store = store
        self.bus = bus
        self.auth = auth
        self.stations = stations  # StationService: station rights are checked through the station's group
        self.reads = PeopleReads(store, stations)
        self.users = ChargingUserService(self)
        self.tokens = TokenService(self)
        self.groups = UserGroupService(self)
        self.auth_log = AuthorizationLog(self)
        self.csv = CsvService(self)

    async def load(self) -> None:
        await self.auth.load()

    # -- shared by the services ---------------------------------------------------------
    async def write(self, fn: Callable[..., T], *args: Any, missing: str) -> T:
        """Run `fn(*args)` on the worker inside one transaction; the store's errors worded."""
        def in_transaction():
            with self.store.transaction():
                return fn(*args)

        try:
            return await self.store.run(in_transaction)
        except StaleRow:
            raise StaleEdit() from None
        except MissingRow:
            raise NotFound(missing) from None

    @staticmethod
    def fresh(user_ids=(), token_ids=(), group_ids=()) -> Snapshot:
        """(worker) What the index needs about the rows a write touched."""
        return read_people(user_ids, token_ids, group_ids)

    def changed(self, snap: Snapshot, users=(), tokens=(), groups=(), blocked=()) -> None:
        """(loop) Put fresh entries in the index, then announce the change."""
        self.auth.index.apply(snap)
        for group_id in groups:
            self.bus.publish(ev.UserGroupChanged(group_id))
        for user_id in users:
            self.bus.publish(ev.ChargingUserChanged(user_id))
        for t in tokens:
            self.bus.publish(ev.TokenChanged(t.id, t.uid, t.user_id, t.status, blocked=t.id in blocked))
