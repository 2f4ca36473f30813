"""Batched inserts for high-rate rows (meter values, status events, OCPP frames)."""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from typing import Any

import peewee

from evdesk.store.bulk import chunk_sizes
from evdesk.store.database import Store

log = logging.getLogger(__name__)


class BatchWriter:
    """Collects rows on the loop and inserts them per table in one transaction.

    `add()` costs a list append. A flush runs every `interval` seconds, or as soon
    as `max_rows` are waiting. Rows are lost only if the process dies before the
    next flush (at most `interval` seconds of logs); transactions themselves are
    not written through here.

    Backpressure: when more than `high_water` rows wait, `wait_for_room()` makes
    the OCPP connections stop reading until the disk has caught up, so a flood
    slows the stations down instead of filling the memory.
    """

    def __init__(self, store: Store, interval: float = 0.25, max_rows: int = 2000, high_water: int = 20_000):
        self.store = store
        self.interval = interval
        self.max_rows = max_rows
        self.high_water = high_water
        self._room = asyncio.Event()
        self._room.set()
        self._pending: dict[type[peewee.Model], list[dict[str, Any]]] = defaultdict(list)
        self._count = 0
        self._task: asyncio.Task | None = None
        self._wake = asyncio.Event()
        self._flush_lock = asyncio.Lock()
        self.rows_written = 0
        self.flushes = 0

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._loop(), name="evdesk-batch-writer")

    def add(self, model: type[peewee.Model], row: dict[str, Any]) -> None:
        self._pending[model].append(row)
        self._count += 1
        if self._count >= self.max_rows:
            self._wake.set()
            if self._count >= self.high_water:
                self._room.clear()

    @property
    def pending(self) -> int:
        return self._count

    async def wait_for_room(self) -> None:
        """Return at once unless the writer is behind by more than `high_water` rows."""
        if not self._room.is_set():
            await self._room.wait()

    async def _loop(self) -> None:
        while True:
            try:
                await asyncio.wait_for(self._wake.wait(), timeout=self.interval)
            except asyncio.TimeoutError:
                pass
            self._wake.clear()
            try:
                await self.flush()
            except asyncio.CancelledError:
                raise
            except Exception:  # a failed batch must not stop logging for good
                log.exception("batch flush failed")

    async def flush(self) -> int:
        async with self._flush_lock:
            if not self._count:
                return 0
            batch, self._pending = self._pending, defaultdict(list)
            n, self._count = self._count, 0
            try:
                await self.store.run(self._write, batch)
            finally:
                if self._count < self.high_water:
                    self._room.set()
            self.rows_written += n
            self.flushes += 1
            return n

    def _write(self, batch: dict[type[peewee.Model], list[dict[str, Any]]]) -> None:
        # Multi-row INSERTs (see bulk.py); peewee's query objects would cost more
        # than the insert itself.
        db = self.store.db
        with db.atomic():
            cursor = db.cursor()
            for model, rows in batch.items():
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

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None
        await self.flush()


_COLUMNS: dict[type, list] = {}
_SQL: dict[tuple, str] = {}


def _insert_columns(model: type[peewee.Model]) -> list:
    """Every column with its converter and default (cached per model)."""
    found = _COLUMNS.get(model)
    if found is None:
        found = _COLUMNS[model] = [(f.name, f.db_value, _default_of(f)) for f in model._meta.sorted_fields]
    return found


def _insert_sql(db: peewee.Database, model: type[peewee.Model], rows: int) -> str:
    key = (id(db), model, rows)
    sql = _SQL.get(key)
    if sql is None:
        fields = model._meta.sorted_fields
        columns = ", ".join(f'"{f.column_name}"' for f in fields)
        one_row = "(" + ", ".join([db.param] * len(fields)) + ")"
        sql = _SQL[key] = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ' + ", ".join([one_row] * rows)
    return sql


def _default_of(field: peewee.Field):
    default = field.default
    if callable(default):
        return lambda: field.db_value(default())
    value = field.db_value(default)
    return lambda: value
