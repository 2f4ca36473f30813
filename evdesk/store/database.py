"""Opening the store and the one worker thread that does all database work.

The asyncio loop (the GUI's, or the headless server's) never touches the disk:
it hands functions to `Store.run`, which runs them on a single worker thread that
owns the connection, and awaits the result. High-rate rows go through
`BatchWriter`, which inserts them in one transaction every few hundred ms.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import peewee

from evdesk.store import migrations
from evdesk.store.models import database_proxy

log = logging.getLogger(__name__)
T = TypeVar("T")

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": "normal",  # durable at checkpoints; WAL keeps the file consistent on a crash
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "cache_size": -32000,
}


def open_sqlite(path: Path | str) -> peewee.SqliteDatabase:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return peewee.SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS, check_same_thread=False)


class Store:
    """The database and its worker thread. Create it, `open()`, then `await run(...)`."""

    def __init__(self, db: peewee.Database):
        self.db = db
        self._executor = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="evdesk-db")
        # Look-ups that must not queue behind a batch of writes (a charger waiting for
        # an Authorize answer) read on their own connection: WAL lets readers run
        # beside the writer and see every committed row.
        self._reader = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="evdesk-db-read")
        self._thread_id: int | None = None
        self.closed = False

    @classmethod
    def sqlite(cls, path: Path | str) -> "Store":
        return cls(open_sqlite(path))

    def open(self) -> list[int]:
        """Bind the models, migrate. Runs on the worker; blocks the caller (start-up only)."""
        database_proxy.initialize(self.db)
        return self.call_sync(self._open_on_worker)

    def _open_on_worker(self) -> list[int]:
        self._thread_id = threading.get_ident()
        self.db.connect(reuse_if_open=True)
        return migrations.migrate(self.db)

    def call_sync(self, fn: Callable[..., T], *args: Any) -> T:
        """Run on the worker and wait: for start-up, shutdown, tests and worker threads."""
        if threading.get_ident() == self._thread_id:
            return fn(*args)
        return self._executor.submit(fn, *args).result()

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """Run `fn(*args)` on the database worker and await its result."""
        if self.closed:
            raise RuntimeError("the store is closed")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, fn, *args)

    async def read(self, fn: Callable[..., T], *args: Any) -> T:
        """Run a read-only `fn(*args)` on the reader connection (SQLite) and await it.

        Never write here: only the worker writes. Other databases read on the worker."""
        if self.closed:
            raise RuntimeError("the store is closed")
        if not isinstance(self.db, peewee.SqliteDatabase):
            return await self.run(fn, *args)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._reader, fn, *args)

    async def atomic(self, fn: Callable[..., T], *args: Any) -> T:
        """Like `run`, inside one transaction: a crash leaves all or nothing."""

        def wrapped() -> T:
            with self.db.atomic():
                return fn(*args)

        return await self.run(wrapped)

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        try:
            self._reader.submit(self._close_connection).result(timeout=30)
            self._executor.submit(self._close_on_worker).result(timeout=30)
        finally:
            self._reader.shutdown(wait=True)
            self._executor.shutdown(wait=True)

    def _close_connection(self) -> None:
        if not self.db.is_closed():
            self.db.close()

    def _close_on_worker(self) -> None:
        if isinstance(self.db, peewee.SqliteDatabase) and not self.db.is_closed():
            try:
                self.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            except peewee.DatabaseError:  # pragma: no cover - best effort
                log.exception("WAL checkpoint at close failed")
        if not self.db.is_closed():
            self.db.close()
