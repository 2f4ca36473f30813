"""Following the change feed: caches learn what other seats changed.

Each seat's own services update their in-memory caches (stations, running
sessions, the authorization index, the group tree) as they write. Rows another
seat changed arrive in this database through the shared-database sync, which
writes them with that seat's id in the change feed. This watcher reads the feed
on the reader connection about once a second and announces such changes as
`RowsChanged(entity, ids)` on the bus; each cache re-reads the rows it keeps.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from datetime import timedelta

from evdesk.core import events as ev
from evdesk.core.clock import utcnow
from evdesk.core.tasks import cancel_and_wait
from evdesk.store.database import Store
from evdesk.store.queries import feed

log = logging.getLogger(__name__)

FEED_RETENTION = timedelta(days=30)
BATCH = 5000


class ChangeFeedWatcher:
    def __init__(self, store: Store, bus: ev.EventBus, interval: float = 1.0):
        self.store = store
        self.bus = bus
        self.interval = interval
        self.position = 0
        self._task: asyncio.Task | None = None
        self._poked: asyncio.Event | None = None

    async def start(self) -> None:
        # everything up to now was loaded by the caches at start-up
        self.position = await self.store.read(feed.latest_seq)
        self._poked = asyncio.Event()
        self._task = asyncio.get_running_loop().create_task(self._run(), name="evdesk-change-feed")

    async def stop(self) -> None:
        await cancel_and_wait(self._task)
        self._task = None

    async def _run(self) -> None:
        polls = 0
        while True:
            try:
                await asyncio.wait_for(self._poked.wait(), self.interval)
            except asyncio.TimeoutError:
                pass
            self._poked.clear()
            try:
                await self.poll()
                polls += 1
                if polls % 3600 == 1:
                    await self.store.run(feed.trim_before, utcnow() - FEED_RETENTION)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("reading the change feed failed")

    def poke(self) -> None:
        """Read the feed now, not at the next tick (the sync just wrote other seats' rows). On the loop."""
        if self._poked is not None:
            self._poked.set()

    async def poll(self) -> int:
        """Announce other seats' changes since the last poll; returns how many were read."""
        rows = await self.store.read(feed.changes_after, self.position, self.store.seat_id, BATCH)
        if not rows:
            self.position = max(self.position, await self.store.read(feed.latest_seq))
            return 0
        self.position = rows[-1][0]
        changed: dict[str, set] = defaultdict(set)
        deleted: dict[str, set] = defaultdict(set)
        for _seq, entity, row_id, op in rows:
            changed[entity].add(row_id)
            if op == "delete":
                deleted[entity].add(row_id)
        for entity, ids in changed.items():
            self.bus.publish(ev.RowsChanged(entity, frozenset(ids), frozenset(deleted.get(entity, ()))))
        return len(rows)
