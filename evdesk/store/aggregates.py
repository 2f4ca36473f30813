"""Keeping the hourly aggregates (`models/aggregates.py`) equal to the raw rows, in the write path.

How they are kept (all on the database worker, inside the transaction that wrote the raw rows):

* A session's figures are a pure function of its row and its register readings
  (`session_contribution`). Whenever a session row is written (a Start in the group commit, a Stop,
  a close, a price: every versioned change feeds `write.record_changes`, which calls
  `sessions_changed`) or readings of it are inserted (a running session: at most every
  `READINGS_EVERY` seconds), the session's `SessionHour` rows are computed
  again and the difference to the old ones is added to the hour, day and month rows of its charging
  point (`INSERT ... ON CONFLICT DO UPDATE SET x = x + delta`). Cost: one session's readings per change.
* Status seconds of an hour are computed again from the raw status events whenever an event lands in
  or before it (`status_changed`): the hours from the event before the new one to the event after.
* The group commit does neither while stations wait for its answers: it notes what it touched in
  a backlog table in its transaction (`deferred()`, `aggregate_backlog.persist`), and the writer
  folds the backlog in about a second later, in short slices between commits
  (`aggregate_backlog.fold`), so a session touched by many commits meanwhile is recomputed once; a
  failed attempt drops its notes with its rollback. Outside a group commit they are recomputed at once.
* `rebuild()` throws them away and computes them all again from the raw rows (the `evdesk
  aggregates rebuild` command); the tests check that the kept ones equal a rebuild and a query.

Rules of the figures (the metrics built on them are in `core/reads/station_metrics.py`):

* A session counts once, in the hour it started (`sessions_started`), as failed when
  `is_failed_session` says so, with its price in its currency when it has one.
* Plugged time: from its start to its stop (a running session: to its newest reading).
* Energy and charging time come from the register: the start meter, every energy reading of the
  session in time order, the stop meter. Between two points the energy grew by is spread evenly over
  the time between them (a step at one instant goes into that instant's hour); the time between two
  points where the register grew is charging time, the rest of the plugged time is parked time. A
  register that goes backwards (a meter swap) adds nothing for that step. The hours' energy is cut
  from the rounded running total, so the hours of a session add up exactly to its register growth.
* Status: an interval runs from one status event of a charging point to its next one (events in
  station time order); occupied = Preparing, Charging, SuspendedEV, SuspendedEVSE, Finishing,
  Reserved; Unavailable; Faulted. The interval still open (the current status) is in no hour: the
  reads add it up to now from the live connector state.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Iterable
from uuid import UUID

import peewee

from evdesk.store import models as m

HOUR = 3600
OCCUPIED_STATUSES = frozenset({"Preparing", "Charging", "SuspendedEV", "SuspendedEVSE", "Finishing", "Reserved"})
SESSION_SUMS = ("started", "failed", "energy_wh", "charging_s", "plugged_s")
CONNECTOR_SUMS = ("sessions_started", "sessions_failed", "energy_wh", "charging_s", "plugged_s")
STATUS_COLUMNS = ("occupied_s", "unavailable_s", "faulted_s")
CHUNK = 300


def hour_of(at: datetime) -> int:
    return int(at.timestamp()) // HOUR


def hour_start(hour: int) -> datetime:
    return datetime.fromtimestamp(hour * HOUR, timezone.utc)


def is_failed_session(state: str, energy_wh: int | None, flags: Iterable[str] | None) -> bool:
    """A failed session: one that ended without charging. Its state is "failed" (a remote start no
    car took up), it was refused (flag "not_authorized"), or it ended (finished or closed without a
    Stop) with no energy (none known, or 0 Wh). A running session is not failed (yet)."""
    if state == "failed" or "not_authorized" in (flags or ()):
        return True
    return state in ("completed", "closed_inactive") and not energy_wh


# -- one session's figures ---------------------------------------------------------------------------
def session_contribution(row: dict, readings: list[tuple[datetime, float]]) -> dict[int, dict]:
    """{hour: {started, failed, energy_wh, charging_s, plugged_s, revenue_minor, currency}} of one
    session (`row`: started_at, stopped_at, state, meter_start_wh, meter_stop_wh, energy_wh, flags,
    cost_total_minor, currency); `readings` are its (time, register Wh), any order."""
    start: datetime = row["started_at"]
    points = [(start, float(row["meter_start_wh"] or 0))]
    points += sorted((t, float(e)) for t, e in readings if e is not None)
    stopped: datetime | None = row["stopped_at"]
    if stopped is not None and row.get("meter_stop_wh") is not None:
        points.append((stopped, float(row["meter_stop_wh"])))
    points.sort(key=lambda p: p[0])
    end = stopped if stopped is not None else max(start, points[-1][0])
    end = max(end, start)
    out: dict[int, dict] = {}

    def bucket(hour: int) -> dict:
        found = out.get(hour)
        if found is None:
            found = out[hour] = {"started": 0, "failed": 0, "energy_wh": 0, "charging_s": 0.0, "plugged_s": 0.0,
                                 "revenue_minor": 0, "currency": ""}
        return found

    first = bucket(hour_of(start))
    first["started"] = 1
    first["failed"] = int(is_failed_session(row["state"], row.get("energy_wh"), row.get("flags")))
    if row.get("cost_total_minor") is not None:
        first["revenue_minor"] = int(row["cost_total_minor"])
        first["currency"] = row.get("currency") or ""
    for hour, seconds in _split(start.timestamp(), end.timestamp()):
        bucket(hour)["plugged_s"] += seconds
    # energy: the running total of register growth, cut at hour boundaries and rounded there
    total = 0.0
    cut_at: dict[int, float] = {}  # hour -> running total at the end of the hour's last piece
    for (t0, e0), (t1, e1) in zip(points, points[1:]):
        grew = e1 - e0
        if grew <= 0:
            continue
        a, b = t0.timestamp(), t1.timestamp()
        if b <= a:
            total += grew
            cut_at[int(a) // HOUR] = total
            continue
        for hour, seconds in _split(a, b):
            total += grew * seconds / (b - a)
            cut_at[hour] = max(cut_at.get(hour, 0.0), total)
            bucket(hour)["charging_s"] += seconds
    previous = 0
    for hour in sorted(cut_at):
        rounded = int(round(cut_at[hour]))
        if rounded != previous:
            bucket(hour)["energy_wh"] += rounded - previous
        previous = rounded
    for figures in out.values():
        figures["charging_s"] = int(round(figures["charging_s"]))
        figures["plugged_s"] = int(round(figures["plugged_s"]))
    return out


def _split(a: float, b: float) -> list[tuple[int, float]]:
    """[(hour, seconds)] of the time from a to b (epoch seconds)."""
    if b <= a:
        return []
    out = []
    hour = int(a // HOUR)
    while hour * HOUR < b:
        lo, hi = max(a, hour * HOUR), min(b, (hour + 1) * HOUR)
        if hi > lo:
            out.append((hour, hi - lo))
        hour += 1
    return out


# -- keeping them ----------------------------------------------------------------------------------------
class _Pending:
    def __init__(self) -> None:
        self.sessions: set[UUID] = set()
        self.status: dict[tuple[UUID, int], list[datetime]] = {}


_local = threading.local()


@contextmanager
def deferred():
    """Inside: changes are collected in the yielded object (the group commit notes them in the
    backlog at the end of its transaction, `aggregate_backlog.persist`); an exception drops them."""
    pending, outer = _Pending(), getattr(_local, "pending", None)
    _local.pending = pending
    try:
        yield pending
    finally:
        _local.pending = outer


def sessions_changed(ids: Iterable[UUID]) -> None:
    pending = getattr(_local, "pending", None)
    if pending is not None:
        pending.sessions.update(ids)
    else:
        refresh_sessions(set(ids))


# A running session's readings are folded in at most every READINGS_EVERY seconds (a session with
# 180 readings costs ~5 ms to compute again; 4,000 charging points reading every minute would keep
# the writer busy a third of the time). Its row's changes (Stop, close, price) always fold in at once,
# so a finished session is exact; a running one lags by at most this long.
READINGS_EVERY = 300.0
_readings_folded: dict = {}  # session id -> monotonic time its readings were last folded in


def _due(ids: set) -> set:
    now = time.monotonic()
    if len(_readings_folded) > 50_000:  # forget sessions not heard of for a while
        for tx, at in list(_readings_folded.items()):
            if now - at > 2 * READINGS_EVERY:
                del _readings_folded[tx]
    due = {tx for tx in ids if now - _readings_folded.get(tx, -READINGS_EVERY) >= READINGS_EVERY}
    for tx in due:
        _readings_folded[tx] = now
    return due


def rows_inserted(model, rows: list[dict]) -> None:
    """(group commit) Raw rows it inserted: readings of sessions and status events touch aggregates."""
    if model is m.MeterValue:
        sessions_changed(_due({r["transaction"] for r in rows if r.get("transaction") is not None
                               and r.get("energy_wh") is not None}))
    elif model is m.StatusEvent:
        pending = getattr(_local, "pending", None)
        for r in rows:
            key = (r["station"], int(r["connector_id"]))
            if pending is not None:
                pending.status.setdefault(key, []).append(r["timestamp"])
            else:
                refresh_status(key[0], key[1], r["timestamp"], r["timestamp"])


def note_pulled(pending: _Pending, table: str, values: dict) -> None:
    """(sync) A row another seat wrote, as pulled (column names, stored values): what it touches."""
    if table == "transaction":
        pending.sessions.add(values["id"])
    elif table == "meter_value" and values.get("transaction_id") and values.get("energy_wh") is not None:
        pending.sessions.add(values["transaction_id"])
    elif table == "status_event" and values.get("station_id") and values.get("timestamp"):
        at = values["timestamp"]
        at = m.StatusEvent.timestamp.python_value(at) if isinstance(at, str) else at
        pending.status.setdefault((values["station_id"], int(values["connector_id"])), []).append(at)


def refresh_sessions(ids: set[UUID]) -> None:
    """Compute these sessions' hours again and add the difference to the charging points' hours."""
    ids = [i for i in ids if i is not None]
    for start in range(0, len(ids), CHUNK):
        _refresh_chunk(ids[start : start + CHUNK])


def _refresh_chunk(ids: list[UUID]) -> None:
    T, V, SH = m.Transaction, m.MeterValue, m.SessionHour
    rows = {r["id"]: r for r in T.select(
        T.id, T.station, T.connector_id, T.state, T.started_at, T.stopped_at, T.meter_start_wh, T.meter_stop_wh,
        T.energy_wh, T.flags, T.cost_total_minor, T.currency, T.deleted_at).where(T.id.in_(ids)).dicts()}
    readings: dict[UUID, list] = defaultdict(list)
    for tx, at, wh in (V.select(V.transaction, V.timestamp, V.energy_wh)
                       .where(V.transaction.in_(ids) & V.energy_wh.is_null(False)).tuples()):
        readings[tx].append((V.timestamp.python_value(at) if isinstance(at, str) else at, wh))
    delta: dict[tuple, list] = defaultdict(lambda: [0] * len(SESSION_SUMS))
    revenue: dict[tuple, list] = defaultdict(lambda: [0, 0])
    for old in SH.select().where(SH.tx.in_(ids)).dicts():
        key = (old["station"], old["connector_id"], old["hour"])
        sums = delta[key]
        for n, name in enumerate(SESSION_SUMS):
            sums[n] -= old[name]
        if old["currency"]:
            rev = revenue[key + (old["currency"],)]
            rev[0] -= old["revenue_minor"]
            rev[1] -= 1
    SH.delete().where(SH.tx.in_(ids)).execute()
    new_rows = []
    for tx_id, row in rows.items():
        if row["deleted_at"] is not None:
            continue
        station, connector = row["station"], row["connector_id"]
        for hour, figures in session_contribution(row, readings.get(tx_id, [])).items():
            new_rows.append({"tx": tx_id, "hour": hour, "station": station, "connector_id": connector, **figures})
            key = (station, connector, hour)
            sums = delta[key]
            for n, name in enumerate(SESSION_SUMS):
                sums[n] += figures[name]
            if figures["currency"]:
                rev = revenue[key + (figures["currency"],)]
                rev[0] += figures["revenue_minor"]
                rev[1] += 1
    for start in range(0, len(new_rows), 500):
        SH.insert_many(new_rows[start : start + 500]).execute()
    _add_connector_sums([(k, v) for k, v in delta.items() if any(v)])
    _add_revenue([(k, v) for k, v in revenue.items() if any(v)])


def _upsert_add(model, keys: tuple[str, ...], columns: tuple[str, ...], changes: list[tuple[tuple, list]]) -> None:
    """Add `changes` [(key values, column deltas)] to `model`'s rows (a missing row starts at 0)."""
    if not changes:
        return
    db = model._meta.database
    names = ", ".join(f'"{c}"' for c in keys + columns)
    sets = ", ".join(f'"{c}" = "{c}" + excluded."{c}"' for c in columns)
    conflict = ", ".join(f'"{c}"' for c in keys)
    station_conv = model.station.db_value
    one = "(" + ", ".join([db.param] * (len(keys) + len(columns))) + ")"
    for start in range(0, len(changes), 100):
        part = changes[start : start + 100]
        params = []
        for key, sums in part:
            params += [station_conv(key[0]), *key[1:], *sums]
        db.execute_sql(f'INSERT INTO "{model._meta.table_name}" ({names}) VALUES ' + ", ".join([one] * len(part))
                       + f" ON CONFLICT ({conflict}) DO UPDATE SET {sets}", params)


def month_of_hour(hour: int) -> int:
    """The UTC calendar month of an epoch hour as year × 12 + month − 1."""
    at = hour_start(hour)
    return at.year * 12 + at.month - 1


def _rolled(changes: list[tuple[tuple, list]], hour_at: int, unit_of) -> list[tuple[tuple, list]]:
    """The same deltas summed per coarser unit (`unit_of(hour)`; the key's element `hour_at` is an hour)."""
    units: dict[tuple, list] = {}
    for key, sums in changes:
        unit_key = key[:hour_at] + (unit_of(key[hour_at]),) + key[hour_at + 1 :]
        found = units.get(unit_key)
        if found is None:
            units[unit_key] = list(sums)
        else:
            for n, v in enumerate(sums):
                found[n] += v
    return [(k, v) for k, v in units.items() if any(v)]


def _day_of_hour(hour: int) -> int:
    return hour // 24


def _add_connector_sums(changes: list[tuple[tuple, list]], columns: tuple[str, ...] = CONNECTOR_SUMS) -> None:
    """Deltas keyed (station, connector, hour) into the hour, day and month rows."""
    _upsert_add(m.ConnectorHour, ("station", "connector_id", "hour"), columns, changes)
    _upsert_add(m.ConnectorDay, ("station", "connector_id", "day"), columns, _rolled(changes, 2, _day_of_hour))
    _upsert_add(m.ConnectorMonth, ("station", "connector_id", "month"), columns, _rolled(changes, 2, month_of_hour))


def _add_revenue(changes: list[tuple[tuple, list]]) -> None:
    """Deltas keyed (station, connector, hour, currency): [minor units, sessions]."""
    columns = ("revenue_minor", "sessions")
    _upsert_add(m.ConnectorHourRevenue, ("station", "connector_id", "hour", "currency"), columns, changes)
    _upsert_add(m.ConnectorDayRevenue, ("station", "connector_id", "day", "currency"), columns,
                _rolled(changes, 2, _day_of_hour))
    _upsert_add(m.ConnectorMonthRevenue, ("station", "connector_id", "month", "currency"), columns,
                _rolled(changes, 2, month_of_hour))


def refresh_status(station: UUID, connector_id: int, first: datetime, last: datetime) -> None:
    """Compute the status seconds again of the hours that events between `first` and `last` (new
    ones) change: from the hour of the event before `first` to the hour of the event after `last`."""
    E = m.StatusEvent
    mine = (E.station == station) & (E.connector_id == connector_id)
    before = E.select(E.timestamp).where(mine & (E.timestamp < first)).order_by(E.timestamp.desc()).limit(1).scalar()
    after = E.select(E.timestamp).where(mine & (E.timestamp > last)).order_by(E.timestamp).limit(1).scalar()
    lo = _as_time(before) if before is not None else first
    hi = _as_time(after) if after is not None else last
    _set_status_hours(station, connector_id, hour_of(lo), hour_of(hi))


def _as_time(value) -> datetime:
    return m.StatusEvent.timestamp.python_value(value) if isinstance(value, str) else value


def _set_status_hours(station: UUID, connector_id: int, first_hour: int, last_hour: int, days: bool = True) -> None:
    E = m.StatusEvent
    mine = (E.station == station) & (E.connector_id == connector_id)
    lo, hi = hour_start(first_hour), hour_start(last_hour + 1)
    anchor = (E.select(E.timestamp, E.status).where(mine & (E.timestamp < lo))
              .order_by(E.timestamp.desc(), E.id.desc()).limit(1).tuples())
    events = [(_as_time(t), s) for t, s in anchor]
    events += [(_as_time(t), s) for t, s in E.select(E.timestamp, E.status)
               .where(mine & (E.timestamp >= lo) & (E.timestamp < hi)).order_by(E.timestamp, E.id).tuples()]
    events += [(_as_time(t), s) for t, s in (E.select(E.timestamp, E.status).where(mine & (E.timestamp >= hi))
                                             .order_by(E.timestamp, E.id).limit(1).tuples())]
    seconds: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for (t0, status), (t1, _next) in zip(events, events[1:]):
        column = _status_column(status)
        if column is None:
            continue
        for hour, s in _split(max(t0, lo).timestamp(), min(t1, hi).timestamp()):
            seconds[hour][column] += s
    _set_status_columns(station, connector_id, first_hour, last_hour, seconds, days)


def _status_column(status: str) -> int | None:
    if status in OCCUPIED_STATUSES:
        return 0
    if status == "Unavailable":
        return 1
    if status == "Faulted":
        return 2
    return None


def _set_status_columns(station: UUID, connector_id: int, first_hour: int, last_hour: int,
                        seconds: dict[int, list[float]], days: bool = True) -> None:
    """Status seconds of these hours become `seconds` (hours without an entry: none); the
    difference goes into the hour and day rows."""
    CH = m.ConnectorHour
    old = {hour: (o, u, f) for hour, o, u, f in CH.select(CH.hour, CH.occupied_s, CH.unavailable_s, CH.faulted_s).where(
        (CH.station == station) & (CH.connector_id == connector_id) & CH.hour.between(first_hour, last_hour)).tuples()}
    changes = []
    for hour in set(old) | set(seconds):
        new = [int(round(v)) for v in seconds.get(hour, (0, 0, 0))]
        before = old.get(hour, (0, 0, 0))
        delta = [n - b for n, b in zip(new, before)]
        if any(delta):
            changes.append(((station, connector_id, hour), delta))
    if days:
        _add_connector_sums(changes, STATUS_COLUMNS)
    else:  # a rebuild sums the days from the hours afterwards
        _upsert_add(m.ConnectorHour, ("station", "connector_id", "hour"), STATUS_COLUMNS, changes)


# -- rebuilding ------------------------------------------------------------------------------------------
def rebuild(progress=None) -> dict:
    """(worker, in a transaction) Throw the aggregates away and compute them again from the raw rows:
    one pass over the sessions and their readings (both in session order, by their indexes) writes
    the sessions' hours; SQL sums them per charging point; then each point's status events.
    Returns counts: sessions, charging points with status events, hour rows."""
    for model in m.AGGREGATE_MODELS + [m.AggregateBacklog]:
        model.delete().execute()
    T, V, E, SH = m.Transaction, m.MeterValue, m.StatusEvent, m.SessionHour
    db = T._meta.database
    total = T.select().where(T.deleted_at.is_null()).count()
    sessions = (T.select(T.id, T.station, T.connector_id, T.state, T.started_at, T.stopped_at, T.meter_start_wh,
                         T.meter_stop_wh, T.energy_wh, T.flags, T.cost_total_minor, T.currency)
                .where(T.deleted_at.is_null()).order_by(T.id).dicts().iterator())
    readings = db.execute_sql(f'SELECT "transaction_id", "timestamp", "energy_wh" FROM "{V._meta.table_name}" '
                              'WHERE "transaction_id" IS NOT NULL AND "energy_wh" IS NOT NULL '
                              'ORDER BY "transaction_id", "timestamp"')
    to_key = V.transaction.db_value
    to_time = V.timestamp.python_value
    pending = readings.fetchone()
    rows, done = [], 0
    for row in sessions:
        key = to_key(row["id"])
        mine = []
        while pending is not None and pending[0] <= key:
            if pending[0] == key:
                mine.append((to_time(pending[1]), pending[2]))
            pending = readings.fetchone()
        for hour, figures in session_contribution(row, mine).items():
            rows.append((key, hour, row["station"], row["connector_id"], figures))
        done += 1
        if len(rows) >= 5000:
            _insert_session_hours(rows)
            rows = []
        if progress is not None and done % 20_000 == 0:
            progress(done, total)
    _insert_session_hours(rows)
    if progress is not None:
        progress(done, total)
    sums = ", ".join(f'SUM("{c}")' for c in SESSION_SUMS)
    names = ", ".join(f'"{c}"' for c in CONNECTOR_SUMS)
    db.execute_sql(f'INSERT INTO "{m.ConnectorHour._meta.table_name}" ("station", "connector_id", "hour", {names}) '
                   f'SELECT "station", "connector_id", "hour", {sums} FROM "{SH._meta.table_name}" '
                   'GROUP BY "station", "connector_id", "hour"')
    db.execute_sql(f'INSERT INTO "{m.ConnectorHourRevenue._meta.table_name}" ("station", "connector_id", "hour", '
                   '"currency", "revenue_minor", "sessions") SELECT "station", "connector_id", "hour", "currency", '
                   f'SUM("revenue_minor"), COUNT(*) FROM "{SH._meta.table_name}" WHERE "currency" != \'\' '
                   'GROUP BY "station", "connector_id", "hour", "currency"')
    points = list(E.select(E.station, E.connector_id, peewee.fn.MIN(E.timestamp), peewee.fn.MAX(E.timestamp))
                  .group_by(E.station, E.connector_id).tuples())
    for station, connector, lo, hi in points:
        _set_status_hours(station, connector, hour_of(_as_time(lo)), hour_of(_as_time(hi)), days=False)
    all_sums = ", ".join(f'SUM("{c}")' for c in CONNECTOR_SUMS + STATUS_COLUMNS)
    all_names = ", ".join(f'"{c}"' for c in CONNECTOR_SUMS + STATUS_COLUMNS)
    db.execute_sql(f'INSERT INTO "{m.ConnectorDay._meta.table_name}" ("station", "connector_id", "day", {all_names}) '
                   f'SELECT "station", "connector_id", "hour" / 24, {all_sums} FROM "{m.ConnectorHour._meta.table_name}" '
                   'GROUP BY "station", "connector_id", "hour" / 24')
    db.execute_sql(f'INSERT INTO "{m.ConnectorDayRevenue._meta.table_name}" ("station", "connector_id", "day", '
                   '"currency", "revenue_minor", "sessions") SELECT "station", "connector_id", "hour" / 24, "currency", '
                   f'SUM("revenue_minor"), SUM("sessions") FROM "{m.ConnectorHourRevenue._meta.table_name}" '
                   'GROUP BY "station", "connector_id", "hour" / 24, "currency"')
    month_sql = ("(CAST(strftime('%Y', \"day\" * 86400, 'unixepoch') AS INTEGER) * 12 "
                 "+ CAST(strftime('%m', \"day\" * 86400, 'unixepoch') AS INTEGER) - 1)")
    if isinstance(getattr(db, "obj", db), peewee.PostgresqlDatabase):
        month_sql = ("(EXTRACT(YEAR FROM to_timestamp(\"day\" * 86400)) * 12 "
                     "+ EXTRACT(MONTH FROM to_timestamp(\"day\" * 86400)) - 1)::integer")
    db.execute_sql(f'INSERT INTO "{m.ConnectorMonth._meta.table_name}" ("station", "connector_id", "month", '
                   f'{all_names}) SELECT "station", "connector_id", {month_sql}, {all_sums} '
                   f'FROM "{m.ConnectorDay._meta.table_name}" GROUP BY "station", "connector_id", {month_sql}')
    db.execute_sql(f'INSERT INTO "{m.ConnectorMonthRevenue._meta.table_name}" ("station", "connector_id", "month", '
                   f'"currency", "revenue_minor", "sessions") SELECT "station", "connector_id", {month_sql}, "currency", '
                   f'SUM("revenue_minor"), SUM("sessions") FROM "{m.ConnectorDayRevenue._meta.table_name}" '
                   f'GROUP BY "station", "connector_id", {month_sql}, "currency"')
    return {"sessions": done, "charging_points_with_status": len(points),
            "hour_rows": m.ConnectorHour.select().count()}


def _insert_session_hours(rows: list[tuple]) -> None:
    if not rows:
        return
    SH = m.SessionHour
    db = SH._meta.database
    conv = SH.station.db_value
    columns = ("tx", "hour", "station", "connector_id", *SESSION_SUMS, "revenue_minor", "currency")
    sql = (f'INSERT INTO "{SH._meta.table_name}" (' + ", ".join(f'"{c}"' for c in columns) + ") VALUES ("
           + ", ".join([db.param] * len(columns)) + ")")
    db.cursor().executemany(sql, [(tx, hour, conv(station), connector, *(f[c] for c in SESSION_SUMS),
                                   f["revenue_minor"], f["currency"]) for tx, hour, station, connector, f in rows])
