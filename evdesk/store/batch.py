"""Batched inserts for high-rate rows (meter values, status events, OCPP frames)."""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from typing import Any

import peewee

from evdesk.store.database import Store

log = logging.getLogger(__name__)


class BatchWriter:
    """Collects rows on the loop and inserts them per table in one transaction.

    `add()` costs a list append. A flush runs every `interval` seconds, or as soon
    as `max_rows` are waiting. Rows are lost only if the process dies before the
    next flush (at most `interval` seconds of logs); transactions themselves are
    not written through here.
    """

    def __init__(self, store: Store, interval: float = 0.25, max_rows: int = 2000):
        self.store = store
        self.interval = interval
        self.max_rows = max_rows
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

    @property
    def pending(self) -> int:
        return self._count

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
            await self.store.run(self._write, batch)
            self.rows_written += n
            self.flushes += 1
            return n

    def _write(self, batch: dict[type[peewee.Model], list[dict[str, Any]]]) -> None:
        # Plain executemany: building the SQL through peewee's query objects costs
        # more than the insert itself at thousands of rows per second.
        db = self.store.db
        with db.atomic():
            cursor = db.cursor()
            for model, rows in batch.items():
                sql, columns = _insert_statement(db, model)
                params = [
                    tuple(conv(row[name]) if name in row else default() for name, conv, default in columns)
                    for row in rows
                ]
                cursor.executemany(sql, params)

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None
        await self.flush()


_STATEMENTS: dict[tuple, tuple[str, list]] = {}


def _insert_statement(db: peewee.Database, model: type[peewee.Model]):
    """INSERT of every column, with each column's converter and default (cached)."""
    cache_key = (id(db), model)
    found = _STATEMENTS.get(cache_key)
    if found is None:
        fields = list(model._meta.sorted_fields)
        columns = ", ".join(f'"{f.column_name}"' for f in fields)
        marks = ", ".join([db.param] * len(fields))
        sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})'
        found = _STATEMENTS[cache_key] = (sql, [(f.name, f.db_value, _default_of(f)) for f in fields])
    return found


def _default_of(field: peewee.Field):
    default = field.default
    if callable(default):
        return lambda: field.db_value(default())
    value = field.db_value(default)
    return lambda: value
