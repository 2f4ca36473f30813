"""Opening the store and the one worker thread that does all database work.

The asyncio loop (the GUI's, or the headless server's) never touches the disk:
it hands functions to `Store.run`, which runs them on a single worker thread that
owns the connection, and awaits the result. Reads that must not queue behind
writes go to `Store.read` (a reader connection). Rows that stations send go
through `BatchWriter`'s group commit.

Durability: SQLite in WAL mode with `synchronous=FULL`, so a committed row also
survives an OS crash or power cut, not only a killed process. With group commit
the WAL is synced once per flush (one fsync for many stations' frames), which is
what makes FULL affordable; `synchronous=NORMAL` would risk the last commits
before a power cut, which a station was already told were received.

When the disk cannot be written (full, read-only, I/O errors) the store says so
once (`on_health` listeners get the reason; `trouble` holds it) and says again when
a write succeeds (`probe()` tries a tiny write).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import peewee

from evdesk.store import migrations
from evdesk.store import write as w
from evdesk.store.errors import ConstraintViolated, StorageUnavailable, storage_problem
from evdesk.store.fields import uuid7
from evdesk.store.models import LocalState, database_proxy, utcnow

log = logging.getLogger(__name__)
T = TypeVar("T")

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": "full",  # a commit is on disk before it returns (see the module text)
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "cache_size": -32000,
}


def write_transaction(db: peewee.Database):
    """A transaction for the worker's writes. On SQLite it begins IMMEDIATE: the write lock is taken
    at BEGIN (waiting up to busy_timeout if another process holds it), not at the first write after
    some reads, where SQLite answers "database is locked" at once when another process wrote in
    between (an `evdesk` command on the same data folder while the desk runs). Inside a transaction:
    a savepoint."""
    if isinstance(db, peewee.SqliteDatabase) and db.transaction_depth() == 0:
        return db.atomic("IMMEDIATE")
    return db.atomic()


def open_sqlite(path: Path | str) -> peewee.SqliteDatabase:
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageUnavailable(_cannot_write(path.parent, exc)) from exc
    return peewee.SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS, check_same_thread=False)


def _cannot_write(folder: Path, exc: BaseException) -> str:
    return (f"evdesk cannot write its data folder {folder} ({getattr(exc, 'strerror', None) or exc}). "
            "Give this user write access to it, or choose another folder with --data-dir.")


class Store:
    """The database and its worker thread. Create it, `open()`, then `await run(...)`."""

    def __init__(self, db: peewee.Database):
        self.db = db
        self._executor = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="evdesk-db",
                                                               initializer=database_proxy.bind_thread, initargs=(db,))
        # Look-ups that must not queue behind a batch of writes (a charger waiting for
        # an Authorize answer) read on their own connection: WAL lets readers run
        # beside the writer and see every committed row.
        self._reader = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="evdesk-db-read",
                                                             initializer=database_proxy.bind_thread, initargs=(db,))
        self._thread_id: int | None = None
        self.closed = False
        self.seat_id = ""
        # (reason, since) while the disk cannot be written; None when all is well
        self.trouble: tuple[str, datetime] | None = None
        self._health_listeners: list[Callable[[tuple[str, datetime] | None], None]] = []

    @classmethod
    def sqlite(cls, path: Path | str) -> "Store":
        return cls(open_sqlite(path))

    def open(self) -> list[int]:
        """Bind the models, migrate. Runs on the worker; blocks the caller (start-up only).

        A folder or disk that cannot be written is `StorageUnavailable` with words for it."""
        database_proxy.initialize(self.db)
        try:
            return self.call_sync(self._open_on_worker)
        except (peewee.DatabaseError, OSError) as exc:
            problem = storage_problem(exc)
            text = str(exc).lower()
            if problem is None and "unable to open database file" not in text:
                raise
            folder = Path(self.db.database).parent if isinstance(self.db, peewee.SqliteDatabase) else None
            raise StorageUnavailable(_cannot_write(folder, exc) if folder else (problem or exc).args[0]) from exc

    def _open_on_worker(self) -> list[int]:
        self._thread_id = threading.get_ident()
        self.db.connect(reuse_if_open=True)
        applied = migrations.migrate(self.db)
        self.seat_id = self._seat_on_worker()
        w.bind_seat(self.seat_id)
        return applied

    @staticmethod
    def _seat_on_worker() -> str:
        """This database file's seat id: made once, never travels to another seat."""
        row = LocalState.get_or_none(LocalState.key == "seat_id")
        if row is None:
            row = LocalState.create(key="seat_id", value=str(uuid7()))
        return row.value

    def transaction(self):
        """A transaction (or a savepoint inside one) for work already on the worker."""
        return write_transaction(self.db)

    # -- health --------------------------------------------------------------------
    def on_health(self, listener: Callable[[tuple[str, datetime] | None], None]) -> Callable[[], None]:
        """Call `listener((reason, since))` when writing starts failing, `listener(None)` when it
        works again (on the loop). Returns a function that stops listening."""
        self._health_listeners.append(listener)
        return lambda: self._health_listeners.remove(listener) if listener in self._health_listeners else None

    def _set_trouble(self, reason: str | None) -> None:
        if reason is None:
            if self.trouble is None:
                return
            log.warning("the database can be written again (trouble since %s: %s)", self.trouble[1], self.trouble[0])
            self.trouble = None
        else:
            if self.trouble is not None and self.trouble[0] == reason:
                return
            self.trouble = (reason, utcnow())
            log.error("the database cannot be written: %s", reason)
        for listener in list(self._health_listeners):
            try:
                listener(self.trouble)
            except Exception:
                log.exception("store health listener failed")

    def wrote(self) -> None:
        """A write succeeded: any storage trouble is over."""
        if self.trouble is not None:
            self._set_trouble(None)

    async def probe(self) -> bool:
        """Try a tiny write; True when it worked (and the trouble, if any, is over)."""
        def write():
            with self.db.atomic():
                LocalState.replace(key="probe", value=utcnow().isoformat()).execute()

        try:
            await self.run(write)
        except StorageUnavailable:
            return False
        self.wrote()
        return True

    def call_sync(self, fn: Callable[..., T], *args: Any) -> T:
        """Run on the worker and wait: for start-up, shutdown, tests and worker threads."""
        if threading.get_ident() == self._thread_id:
            return fn(*args)
        return self._executor.submit(fn, *args).result()

    def read_sync(self, fn: Callable[..., T], *args: Any) -> T:
        """A read-only `fn(*args)` on the reader connection, waited for: for worker threads of their own
        (the shared-database sync), never the loop."""
        if not isinstance(self.db, peewee.SqliteDatabase):
            return self.call_sync(fn, *args)
        return self._reader.submit(fn, *args).result()

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """Run `fn(*args)` on the database worker and await its result.

        A failure that means the disk cannot be written comes back as
        `StorageUnavailable` (and is reported to the health listeners)."""
        if self.closed:
            raise RuntimeError("the store is closed")
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._executor, fn, *args)
        except StorageUnavailable as exc:
            self._set_trouble(exc.reason)
            raise
        except peewee.IntegrityError as exc:
            raise ConstraintViolated(str(exc)) from exc
        except (peewee.DatabaseError, OSError) as exc:
            problem = storage_problem(exc)
            if problem is None:
                raise
            self._set_trouble(problem.reason)
            raise problem from exc

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
            with write_transaction(self.db):
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
            except peewee.DatabaseError as exc:  # best effort: the WAL is checkpointed at the next open
                log.warning("WAL checkpoint at close failed: %s", exc)
        if not self.db.is_closed():
            self.db.close()
