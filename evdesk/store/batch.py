"""Group commit: many stations' rows and writes in one transaction, answered after it.

What a station was told is never lost: the OCPP connection opens a `FrameTicket`
for each frame it handles (`frame_scope`), every row the handler adds with
`add()` is tied to that ticket, and the answer goes out only after
`await committed(ticket)` says those rows are on disk. Many frames share one
commit, so this costs one transaction per flush, not one per frame.

* `add(model, row)` — a row for a multi-row INSERT; tied to the current frame when
  there is one (its answer waits for the commit).
* `add_log(model, row)` — a row nobody waits for (communication log, network log,
  authorization attempts): written with the next flush, lost only if the process
  dies before it.
* `set(model, row_id, **values)` — change columns of one row; all such changes of a
  flush go out as a few multi-row UPDATEs (after the inserts, so a row added and
  changed in the same flush ends up changed). For rows that are not versioned
  (logs, live state); tied to the current frame like `add()`.
* `await call(fn, *args, **kwargs)` — run `fn` on the database worker inside the next group
  transaction (in its own savepoint, after the inserts) and return its result once
  committed. Exceptions raised by `fn` come back to the caller; only `fn`'s own
  work is rolled back.

A flush starts as soon as someone waits (and otherwise every `interval`
seconds, or when `max_rows` are queued). A row the database refuses (a value it
cannot hold) is isolated: the others are written, its frame's answer fails with
`RowRejected` (the station resends), and it is counted in `rejected`. When the
disk cannot be written at all (full, read-only, I/O errors) every waiter gets
`StorageUnavailable`, rows nobody waits for are dropped and counted, and the
store reports the trouble; a probe write every `interval` finds out when writes
work again.

Backpressure: when more than `high_water` rows wait, `wait_for_room()` makes the
OCPP connections stop reading until the disk has caught up.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import time
from collections import defaultdict, deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable

import peewee

from evdesk.store import aggregate_backlog, aggregates
from evdesk.store import models as m
from evdesk.store import write as w
from evdesk.store.bulk import chunk_sizes
from evdesk.store.database import Store, write_transaction
from evdesk.store.errors import RowRejected, StorageUnavailable, storage_problem

log = logging.getLogger(__name__)


@dataclass(eq=False)
class FrameTicket:
    """The rows one handled frame added; `future` resolves when they are committed."""

    rows: int = 0
    future: asyncio.Future | None = None
    error: BaseException | None = None
    done: bool = False  # its rows' flush has ended (committed, or failed with `error`)
    # the frame's handler has returned: a task it started (and that inherited it) adds rows of its own
    closed: bool = False


_current_frame: contextvars.ContextVar[FrameTicket | None] = contextvars.ContextVar("evdesk_frame", default=None)


@dataclass(eq=False)
class _Job:
    fn: Callable[..., Any]
    args: tuple
    kwargs: dict
    future: asyncio.Future
    urgent: bool = False  # a station waits for it (called while answering a frame)
    result: Any = None
    error: BaseException | None = None


@dataclass
class _Batch:
    rows: dict[type, list[tuple[dict, FrameTicket | None]]] = field(default_factory=lambda: defaultdict(list))
    # (model, column names) -> [(row id, values, ticket)]: changes to existing rows
    updates: dict[tuple, list[tuple[Any, tuple, FrameTicket | None]]] = field(default_factory=lambda: defaultdict(list))
    jobs: list[_Job] = field(default_factory=list)
    tickets: set[FrameTicket] = field(default_factory=set)
    count: int = 0


# peewee's translation of the driver's exceptions (we talk to the cursor directly)
_DRIVER_ERRORS = peewee.__exception_wrapper__

# Inserts go in creation order so that a row's foreign keys already exist.
_ORDER = {model: n for n, model in enumerate(m.ALL_MODELS)}


class BatchWriter:
    def __init__(self, store: Store, interval: float = 0.25, max_rows: int = 2000, high_water: int = 20_000,
                 max_jobs: int = 32):
        self.store = store
        self.interval = interval
        self.max_rows = max_rows
        self.high_water = high_water
        self.max_jobs = max_jobs  # background `call()` jobs per group commit; the rest wait for the next
        self.max_jobs_beside_frames = 4  # ... and while stations wait for this commit
        self._room = asyncio.Event()
        self._room.set()
        self._batch = _Batch()
        self._task: asyncio.Task | None = None
        self._closing = False
        self._wake = asyncio.Event()
        self._flush_lock = asyncio.Lock()
        self.rows_written = 0
        self.flushes = 0
        self.rejected: list[tuple[str, str]] = []  # (table, reason) of refused rows, newest last (bounded)
        self.rejected_count = 0
        self.flush_ms: deque[float] = deque(maxlen=20_000)  # how long each group commit took (for the figures)
        self.dropped_count = 0  # unwaited rows lost while the disk could not be written
        # The aggregates' backlog is folded in this often, a slice of at most `aggregates_slice` seconds
        # at a time and more slices while no frame waits (aggregate_backlog.py).
        self.aggregates_every = 1.0
        self.aggregates_slice = 0.02
        self._aggregates_at = 0.0

    # -- frames ------------------------------------------------------------------------
    @contextmanager
    def frame_scope(self):
        """Tie the rows added inside to one ticket (the OCPP connection opens one per frame)."""
        ticket = FrameTicket()
        token = _current_frame.set(ticket)
        try:
            yield ticket
        finally:
            ticket.closed = True
            _current_frame.reset(token)

    async def committed(self, ticket: FrameTicket) -> None:
        """Return once the ticket's rows are committed; raise if they could not be."""
        if ticket.rows == 0:
            return
        if ticket.error is not None:
            raise ticket.error
        if ticket.done:
            return
        if ticket.future is None:
            ticket.future = asyncio.get_running_loop().create_future()
        self._wake.set()
        if not ticket.future.done() and self._task is None:
            await self.flush()  # not started (tests, shutdown): flush here
        await asyncio.shield(ticket.future)

    # -- adding ------------------------------------------------------------------------
    def add(self, model: type[peewee.Model], row: dict[str, Any]) -> None:
        self._append(model, row, self._ticket())

    def _ticket(self) -> FrameTicket | None:
        """The current frame's ticket, counting one more row on it."""
        ticket = _current_frame.get()
        if ticket is not None and ticket.closed:
            return None
        if ticket is not None:
            ticket.rows += 1
            if ticket.done:  # more rows after an earlier flush took the first ones
                ticket.done = False
                if ticket.future is not None and ticket.future.done():
                    ticket.future = None
            self._batch.tickets.add(ticket)
        return ticket

    def add_log(self, model: type[peewee.Model], row: dict[str, Any]) -> None:
        self._append(model, row, None)

    def set(self, model: type[peewee.Model], row_id: Any, **values: Any) -> None:
        ticket = self._ticket()
        names = tuple(sorted(values))
        self._batch.updates[(model, names)].append((row_id, tuple(values[n] for n in names), ticket))
        self._batch.count += 1
        if ticket is not None:
            self._wake.set()

    def _append(self, model, row, ticket) -> None:
        b = self._batch
        b.rows[model].append((row, ticket))
        b.count += 1
        if b.count >= self.max_rows:
            self._wake.set()
            if b.count >= self.high_water:
                self._room.clear()

    async def call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        frame = _current_frame.get()
        job = _Job(fn, args, kwargs, asyncio.get_running_loop().create_future(),
                   urgent=frame is not None and not frame.closed)
        self._batch.jobs.append(job)
        self._wake.set()
        if self._task is None:
            await self.flush()
        return await asyncio.shield(job.future)

    @property
    def pending(self) -> int:
        return self._batch.count

    async def wait_for_room(self) -> None:
        """Return at once unless the writer is behind by more than `high_water` rows."""
        if not self._room.is_set():
            await self._room.wait()

    # -- flushing ----------------------------------------------------------------------
    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._loop(), name="evdesk-batch-writer")

    async def _loop(self) -> None:
        # Ends when `close()` sets `_closing` (not by cancelling: on Python 3.11 `wait_for` can
        # swallow a cancel that arrives as the event is set, and the writer would run on).
        while not self._closing:
            try:
                await asyncio.wait_for(self._wake.wait(), timeout=self.interval)
            except asyncio.TimeoutError:
                pass
            if self._closing:
                return
            self._wake.clear()
            try:
                if self.store.trouble is not None and not (self._batch.count or self._batch.jobs):
                    await self.store.probe()
                else:
                    await self.flush()
                    await self._fold_aggregates()
            except asyncio.CancelledError:
                raise
            except StorageUnavailable:
                pass  # the store reports it; the backlog waits on disk
            except Exception:  # a failed batch must not stop the writer for good
                log.exception("batch flush failed")

    async def _fold_aggregates(self) -> None:
        now = time.monotonic()
        if not aggregate_backlog.waiting(self.store.db) or now - self._aggregates_at < self.aggregates_every:
            return
        self._aggregates_at = now
        async with self._flush_lock:
            while await self.store.run(self._fold, self.aggregates_slice):
                if self._batch.tickets or self._closing:
                    return

    async def fold_aggregates(self) -> None:
        """Write what is queued and fold the whole aggregates' backlog in now, so that they show every
        committed row (a report, a station's statistics). In slices: group commits go in between."""
        await self.flush()
        while aggregate_backlog.waiting(self.store.db):
            async with self._flush_lock:
                if not await self.store.run(self._fold, self.aggregates_slice):
                    return

    def _fold(self, budget_s: float) -> bool:
        """(worker) One slice of the aggregates' backlog, in a transaction of its own."""
        with _DRIVER_ERRORS, write_transaction(self.store.db):
            return aggregate_backlog.fold(budget_s)

    async def flush(self) -> int:
        async with self._flush_lock:
            batch, self._batch = self._batch, _Batch()
            if not batch.count and not batch.jobs:
                return 0
            self._ration_jobs(batch)
            started = time.perf_counter()
            try:
                written = await self.store.run(self._write, batch)
                self.flush_ms.append((time.perf_counter() - started) * 1000)
            except StorageUnavailable as exc:
                self._fail_all(batch, exc)
                return 0
            except Exception as exc:  # a fault in evdesk itself: every waiter hears of it
                log.exception("group commit failed")
                self._fail_all(batch, exc)
                return 0
            finally:
                if self._batch.count < self.high_water:
                    self._room.set()
            self.store.wrote()
            self._settle(batch)
            self.rows_written += written
            self.flushes += 1
            return written

    def _ration_jobs(self, batch: _Batch) -> None:
        """A boot storm queues hundreds of background jobs (configuration kept, lists sent):
        while frames wait in this commit only a few go along, so that a StartTransaction is
        not answered after them; jobs a station waits for (a Stop, a boot) always go."""
        allowance = self.max_jobs_beside_frames if batch.tickets else self.max_jobs
        urgent = [job for job in batch.jobs if job.urgent]
        background = [job for job in batch.jobs if not job.urgent]
        if len(background) <= allowance:
            return
        batch.jobs = urgent + background[:allowance]
        self._batch.jobs[:0] = background[allowance:]
        self._wake.set()

    def stats(self) -> dict:
        """The group commit's figures: flushes, rows, and how long a flush took (p50/p99/max ms)."""
        ordered = sorted(self.flush_ms)
        at = (lambda p: ordered[min(len(ordered) - 1, int(p * (len(ordered) - 1)))]) if ordered else (lambda p: 0.0)
        return {"flushes": self.flushes, "rows_written": self.rows_written, "flush_p50_ms": at(0.5),
                "flush_p99_ms": at(0.99), "flush_max_ms": ordered[-1] if ordered else 0.0}

    def _fail_all(self, batch: _Batch, exc: BaseException) -> None:
        unwaited = sum(1 for rows in batch.rows.values() for _row, ticket in rows if ticket is None)
        self.dropped_count += unwaited
        if unwaited:
            log.warning("%d log rows dropped: %s", unwaited, exc)
        for ticket in batch.tickets:
            _resolve(ticket, exc)
        for job in batch.jobs:
            if not job.future.done():
                job.future.set_exception(exc)

    def _settle(self, batch: _Batch) -> None:
        for ticket in batch.tickets:
            _resolve(ticket, ticket.error)
        for job in batch.jobs:
            if job.future.done():
                continue
            if job.error is not None:
                job.future.set_exception(job.error)
            else:
                job.future.set_result(job.result)

    # -- on the database worker ----------------------------------------------------------
    def _write(self, batch: _Batch) -> int:
        db = self.store.db
        models = sorted(batch.rows, key=lambda model: _ORDER.get(model, len(_ORDER)))
        try:
            with _DRIVER_ERRORS, write_transaction(db), aggregates.deferred() as touched:
                written = self._insert_fast(db, models, batch)
                self._update_fast(db, batch)
                self._run_jobs(db, batch.jobs)
                aggregate_backlog.persist(touched)  # folded in later, apart from these frames' answers
            return written
        except peewee.DatabaseError as exc:
            if storage_problem(exc) is not None:
                raise
            log.warning("a batch was refused (%s); writing its rows one frame at a time", exc)
        except (OverflowError, ValueError, TypeError, UnicodeError) as exc:
            log.warning("a batch held a value the database cannot store (%s); isolating it", exc)
        for job in batch.jobs:
            job.result, job.error = None, None
        with _DRIVER_ERRORS, write_transaction(db), aggregates.deferred() as touched:
            written = self._insert_isolated(db, models, batch)
            self._update_isolated(db, batch)
            self._run_jobs(db, batch.jobs)
            aggregate_backlog.persist(touched)
        return written

    def _insert_fast(self, db, models, batch: _Batch) -> int:
        # Multi-row INSERTs in a few fixed sizes (bulk.py); peewee's query objects
        # would cost more than the insert itself.
        cursor = db.cursor()
        written = 0
        for model in models:
            rows = [row for row, _ticket in batch.rows[model]]
            columns = _insert_columns(model)
            start = 0
            for size in chunk_sizes(len(rows)):
                chunk = rows[start : start + size]
                start += size
                params = [
                    conv(row[name]) if name in row else default()
                    for row in chunk
                    for name, conv, default in columns
                ]
                cursor.execute(_insert_sql(db, model, size), params)
            self._feed(model, rows)
            aggregates.rows_inserted(model, rows)
            written += len(rows)
        return written

    def _insert_isolated(self, db, models, batch: _Batch) -> int:
        """The slow path: each frame's rows (or each unwaited row) in its own savepoint."""
        cursor = db.cursor()
        written = 0
        failed: set[FrameTicket] = set()
        for model in models:
            columns = _insert_columns(model)
            groups: dict[FrameTicket | int, list[dict]] = {}
            for n, (row, ticket) in enumerate(batch.rows[model]):
                groups.setdefault(ticket if ticket is not None else n, []).append(row)
            for key, rows in groups.items():
                if isinstance(key, FrameTicket) and key in failed:
                    continue
                try:
                    with _DRIVER_ERRORS, db.atomic():  # a savepoint inside the outer transaction
                        for row in rows:
                            params = [conv(row[name]) if name in row else default() for name, conv, default in columns]
                            cursor.execute(_insert_sql(db, model, 1), params)
                        self._feed(model, rows)
                        aggregates.rows_inserted(model, rows)
                except (peewee.DatabaseError, OverflowError, ValueError, TypeError, UnicodeError) as exc:
                    if isinstance(exc, peewee.DatabaseError) and storage_problem(exc) is not None:
                        raise
                    self._reject(model, exc)
                    if isinstance(key, FrameTicket):
                        failed.add(key)
                        key.error = RowRejected(f"{model._meta.table_name}: {exc}")
                    continue
                written += len(rows)
        return written

    @staticmethod
    def _update_fast(db, batch: _Batch) -> None:
        cursor = db.cursor()
        for (model, names), changes in batch.updates.items():
            key_conv = model._meta.primary_key.db_value
            convs = [model._meta.fields[n].db_value for n in names]
            start = 0
            for size in chunk_sizes(len(changes)):
                chunk = changes[start : start + size]
                start += size
                params = []
                for row_id, values, _ticket in chunk:
                    params.append(key_conv(row_id))
                    params.extend(conv(v) for conv, v in zip(convs, values))
                cursor.execute(_update_sql(db, model, names, size), params)

    def _update_isolated(self, db, batch: _Batch) -> None:
        cursor = db.cursor()
        for (model, names), changes in batch.updates.items():
            key_conv = model._meta.primary_key.db_value
            convs = [model._meta.fields[n].db_value for n in names]
            for row_id, values, ticket in changes:
                if ticket is not None and ticket.error is not None:
                    continue
                try:
                    with _DRIVER_ERRORS, db.atomic():
                        cursor.execute(_update_sql(db, model, names, 1),
                                       [key_conv(row_id), *(conv(v) for conv, v in zip(convs, values))])
                except (peewee.DatabaseError, OverflowError, ValueError, TypeError, UnicodeError) as exc:
                    if isinstance(exc, peewee.DatabaseError) and storage_problem(exc) is not None:
                        raise
                    self._reject(model, exc)
                    if ticket is not None:
                        ticket.error = RowRejected(f"{model._meta.table_name}: {exc}")

    def _reject(self, model, exc: BaseException) -> None:
        self.rejected_count += 1
        self.rejected.append((model._meta.table_name, str(exc)[:200]))
        del self.rejected[:-100]
        log.error("a %s row was refused by the database and not stored: %s", model._meta.table_name, exc)

    @staticmethod
    def _run_jobs(db, jobs: list[_Job]) -> None:
        for job in jobs:
            try:
                with db.atomic():  # the job's own savepoint
                    job.result = job.fn(*job.args, **job.kwargs)
            except peewee.DatabaseError as exc:
                if storage_problem(exc) is not None:
                    raise
                job.error = exc
            except Exception as exc:  # a refusal of the core's (stale edit, not found) for its caller
                job.error = exc

    @staticmethod
    def _feed(model, rows: list[dict]) -> None:
        if issubclass(model, m.SyncedModel) or model._meta.table_name in w.FED_LOG_TABLES:
            w.record_changes(model, [(row["id"], row.get("version", 1)) for row in rows], w.INSERT)

    async def close(self) -> None:
        """Stop the writer after the flush it is in, then write what is left."""
        if self._task is not None:
            self._closing = True
            self._wake.set()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None
        await self.flush()


def _resolve(ticket: FrameTicket, error: BaseException | None) -> None:
    ticket.done = True
    if ticket.error is None and error is not None:
        ticket.error = error
    if ticket.future is not None and not ticket.future.done():
        if ticket.error is not None:
            ticket.future.set_exception(ticket.error)
            ticket.future.exception()  # retrieved: a frame that stopped waiting leaves no warning
        else:
            ticket.future.set_result(None)


_COLUMNS: dict[type, list] = {}
_SQL: dict[tuple, str] = {}


def _insert_columns(model: type[peewee.Model]) -> list:
    """Every column with its converter and default (cached per model)."""
    found = _COLUMNS.get(model)
    if found is None:
        found = _COLUMNS[model] = [(f.name, f.db_value, _default_of(f)) for f in model._meta.sorted_fields
                                   if not isinstance(f, peewee.AutoField)]
    return found


def _insert_sql(db: peewee.Database, model: type[peewee.Model], rows: int) -> str:
    key = (id(db), model, rows)
    sql = _SQL.get(key)
    if sql is None:
        fields = [f for f in model._meta.sorted_fields if not isinstance(f, peewee.AutoField)]
        columns = ", ".join(f'"{f.column_name}"' for f in fields)
        one_row = "(" + ", ".join([db.param] * len(fields)) + ")"
        sql = _SQL[key] = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ' + ", ".join([one_row] * rows)
    return sql


def _update_sql(db: peewee.Database, model: type[peewee.Model], names: tuple[str, ...], rows: int) -> str:
    """'WITH v(id, a, b) AS (VALUES ...) UPDATE t SET a = v.a, b = v.b FROM v WHERE t.id = v.id'."""
    key = (id(db), model, names, rows)
    sql = _SQL.get(key)
    if sql is None:
        table = model._meta.table_name
        pk = model._meta.primary_key.column_name
        columns = [model._meta.fields[n].column_name for n in names]
        one = "(" + ", ".join([db.param] * (len(columns) + 1)) + ")"
        names_sql = ", ".join(f'"{c}"' for c in columns)
        cte = f'WITH v("k", {names_sql}) AS (VALUES ' + ", ".join([one] * rows) + ")"
        sets = ", ".join(f'"{c}" = v."{c}"' for c in columns)
        sql = _SQL[key] = f'{cte} UPDATE "{table}" SET {sets} FROM v WHERE "{table}"."{pk}" = v."k"'
    return sql


def _default_of(field: peewee.Field):
    default = field.default
    if callable(default):
        return lambda: field.db_value(default())
    value = field.db_value(default)
    return lambda: value


__all__ = ["BatchWriter", "FrameTicket", "RowRejected", "StorageUnavailable"]
