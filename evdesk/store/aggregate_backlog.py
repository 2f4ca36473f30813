"""The aggregates' backlog: the hourly aggregates are folded in beside the station answers, not in them.

Recomputing the hours of the sessions and charging points a group commit touched costs far more than
the commit itself (a boot storm's StatusNotifications touch thousands of charging points), and the
answers of that commit's frames waited for it. Now the commit only notes what it touched in
`AggregateBacklog` (one multi-row upsert in the commit's own transaction, so a crash loses nothing;
the sync does the same for rows it pulls from other seats), and the writer folds the backlog in a
moment later (`fold`, in short slices between group commits, oldest first, at most one slice while
frames wait). A charging point or session touched by many commits meanwhile is folded in once.

What the reads see: the aggregates lag the committed rows by about `BatchWriter.aggregates_every`
seconds (a running session's readings by up to `aggregates.READINGS_EVERY`). Reports and station
statistics first call `BatchWriter.fold_aggregates()`, which folds the whole backlog in, slice by
slice, so they see every committed row; `evdesk aggregates rebuild` starts from the raw rows.
"""

from __future__ import annotations

import time
import weakref
from datetime import datetime

import peewee

from evdesk.store import aggregates
from evdesk.store import models as m

# Per database: whether its backlog may hold rows (a cheap check before a slice without a trip to the
# worker; unknown = true, for a crash's leftovers). Several stores may live in one process (seats in a test).
_waiting: "weakref.WeakKeyDictionary[peewee.Database, bool]" = weakref.WeakKeyDictionary()


def waiting(db: peewee.Database) -> bool:
    return _waiting.get(db, True)


def _set_waiting(value: bool) -> None:
    """(worker) For the database this thread writes to."""
    _waiting[m.database_proxy.obj] = value


def persist(touched: aggregates._Pending) -> None:
    """(group commit, sync, in their transaction) Note what they touched in the backlog."""
    B = m.AggregateBacklog
    now = time.time()
    rows = [(f"s {tx}", tx, None, None, None, None) for tx in touched.sessions if tx is not None]
    rows += [(f"c {station} {connector}", None, station, connector, min(times), max(times))
             for (station, connector), times in touched.status.items()]
    touched.sessions, touched.status = set(), {}
    if not rows:
        return
    db = B._meta.database
    to_uuid, to_time = B.tx.db_value, B.first_at.db_value
    table = B._meta.table_name
    one = "(" + ", ".join([db.param] * 7) + ")"
    for start in range(0, len(rows), 100):
        part = rows[start : start + 100]
        params = []
        for key, tx, station, connector, first, last in part:
            params += [key, to_uuid(tx), to_uuid(station), connector, to_time(first), to_time(last), now]
        db.execute_sql(
            f'INSERT INTO "{table}" ("key", "tx", "station", "connector_id", "first_at", "last_at", "queued") '
            "VALUES " + ", ".join([one] * len(part))
            + ' ON CONFLICT ("key") DO UPDATE SET '
            f'"first_at" = CASE WHEN excluded."first_at" < "{table}"."first_at" THEN excluded."first_at" '
            f'ELSE "{table}"."first_at" END, '
            f'"last_at" = CASE WHEN excluded."last_at" > "{table}"."last_at" THEN excluded."last_at" '
            f'ELSE "{table}"."last_at" END', params)
    _set_waiting(True)


def fold(budget_s: float | None = None, take: int = 200) -> bool:
    """(worker, in a transaction) Fold the oldest backlog rows into the aggregates, for about
    `budget_s` seconds (None: all of them). True when rows remain."""
    B = m.AggregateBacklog
    started = time.perf_counter()

    def spent() -> bool:
        return budget_s is not None and time.perf_counter() - started > budget_s

    while True:
        rows = list(B.select(B.key, B.tx, B.station, B.connector_id, B.first_at, B.last_at)
                    .order_by(B.queued, B.key).limit(take).tuples())
        if not rows:
            _set_waiting(False)
            return False
        done: list[str] = []
        sessions: list[tuple[str, object]] = []
        for key, tx, station, connector, first, last in rows:
            if tx is not None:
                sessions.append((key, tx))
                if len(sessions) < SESSIONS_TOGETHER:
                    continue
                _fold_sessions(sessions, done)
            else:
                aggregates.refresh_status(station, connector, _as_time(first), _as_time(last))
                done.append(key)
            if spent():
                break
        _fold_sessions(sessions, done)
        for start in range(0, len(done), 300):
            B.delete().where(B.key.in_(done[start : start + 300])).execute()
        if spent():
            more = B.select().exists()
            _set_waiting(more)
            return more


SESSIONS_TOGETHER = 20  # sessions folded in by one set of queries (a few ms each with their readings)


def _fold_sessions(sessions: list, done: list) -> None:
    if sessions:
        aggregates.refresh_sessions({tx for _key, tx in sessions})
        done += [key for key, _tx in sessions]
        sessions.clear()


def _as_time(value) -> datetime:
    return m.AggregateBacklog.first_at.python_value(value) if isinstance(value, str) else value
