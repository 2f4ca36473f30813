"""Sums over charging sessions and status events for the dashboard, the statistics tabs and the
charging-points overview (the rules are in `core/reads/station_metrics.py`).

Every query is bounded by a start-time range so it reads the `(started_at, id)` or the
`(station_id, started_at, id)` index of migration 7 (or the status events' `(station, timestamp)`
index), never the whole table. `station_ids` None means every station (the caller decided the
operator sees them all); an empty list means none.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from uuid import UUID

import peewee

from evdesk.store import models as m
from evdesk.store.queries.sessions import _is_postgres

T = m.Transaction
CHUNK = 500
GOOD_STOP_REASONS = ("Local", "Remote", "EVDisconnected")


def energy_expr():
    """Metered energy: the stop's, or a running session's last reading."""
    return peewee.fn.COALESCE(T.energy_wh, T.meter_last_wh - T.meter_start_wh, 0)


def failed_expr():
    """1 for a failed session (the rule in core/reads/station_metrics.py), else 0."""
    no_energy = peewee.fn.COALESCE(T.energy_wh, 0) <= 0
    failed = (T.state.in_(("failed", "closed_inactive"))
              | ((T.state == "completed") & no_energy & T.stop_reason.not_in(GOOD_STOP_REASONS)))
    return peewee.Case(None, [(failed, 1)], 0)


def ended_expr():
    return peewee.Case(None, [(T.state != "active", 1)], 0)


def _ts(at: datetime):
    """A time as the store writes it (for values inside SQL functions, which no field converts)."""
    return peewee.Value(T.started_at.db_value(at), converter=False)


def _seconds_between(later, earlier):
    if _is_postgres():
        return peewee.fn.EXTRACT(peewee.SQL("EPOCH FROM"), later - earlier)
    return (peewee.fn.julianday(later) - peewee.fn.julianday(earlier)) * 86400


def _in_stations(query, station_ids):
    if station_ids is None:
        return [query]
    ids = list(station_ids)
    return [query.where(T.station.in_(ids[i:i + CHUNK])) for i in range(0, len(ids), CHUNK)]


def totals_by_currency(station_ids: list[UUID] | None, since: datetime, until: datetime) -> list[tuple]:
    """(currency, sessions, energy Wh, revenue in minor units) of the sessions started in
    [since, until), one row per currency ("" for unpriced sessions)."""
    if station_ids is not None and not station_ids:
        return []
    query = (T.select(T.currency, peewee.fn.COUNT(T.id), peewee.fn.SUM(energy_expr()),
                      peewee.fn.SUM(T.cost_total_minor))
             .where(T.deleted_at.is_null() & (T.started_at >= since) & (T.started_at < until)))
    out: dict[str, list] = {}
    for part in _in_stations(query, station_ids):
        for currency, n, wh, minor in part.group_by(T.currency).tuples():
            row = out.setdefault(currency or "", [0, 0, 0])
            row[0] += n or 0
            row[1] += int(wh or 0)
            row[2] += int(minor or 0)
    return [(c, *v) for c, v in out.items()]


def points_used(station_ids: list[UUID] | None, since: datetime, until: datetime) -> int:
    """How many (station, connector) pairs had a session start in [since, until)."""
    if station_ids is not None and not station_ids:
        return 0
    query = T.select(T.station, T.connector_id).where(
        T.deleted_at.is_null() & (T.started_at >= since) & (T.started_at < until)).distinct()
    return len({pair for part in _in_stations(query, station_ids) for pair in part.tuples()})


def hourly(station_ids: list[UUID] | None, since: datetime, until: datetime) -> list[tuple[str, int, int]]:
    """(UTC hour as 'YYYY-MM-DD HH', sessions, energy Wh) of the sessions started in [since, until);
    the caller folds hours into days, weeks or months of the site's zone."""
    if station_ids is not None and not station_ids:
        return []
    if _is_postgres():
        hour = peewee.fn.to_char(peewee.SQL("\"t1\".\"started_at\" AT TIME ZONE 'UTC'"), "YYYY-MM-DD HH24")
    else:
        hour = peewee.fn.substr(T.started_at, 1, 13).coerce(False)
    query = (T.select(hour.alias("hour"), peewee.fn.COUNT(T.id), peewee.fn.SUM(energy_expr()))
             .where(T.deleted_at.is_null() & (T.started_at >= since) & (T.started_at < until)))
    out: dict[str, list[int]] = {}
    for part in _in_stations(query, station_ids):
        for h, n, wh in part.group_by(peewee.SQL("hour")).tuples():
            row = out.setdefault(h, [0, 0])
            row[0] += n or 0
            row[1] += int(wh or 0)
    return sorted((h, n, wh) for h, (n, wh) in out.items())


def per_connector(station_ids: list[UUID] | None, since: datetime, until: datetime, now: datetime) -> list[tuple]:
    """Per (station, connector): sessions started in [since, until), their energy Wh, ended ones,
    failed ones, the latest start among them, and the seconds all sessions overlapping the period
    were in progress within it (running ones to `now`)."""
    if station_ids is not None and not station_ids:
        return []
    until_v, since_v = _ts(until), _ts(since)
    stop = peewee.fn.COALESCE(T.stopped_at, _ts(now))
    if _is_postgres():
        clipped_end, clipped_start = peewee.fn.LEAST(stop, until_v), peewee.fn.GREATEST(T.started_at, since_v)
    else:
        clipped_end, clipped_start = peewee.fn.MIN(stop, until_v), peewee.fn.MAX(T.started_at, since_v)
    busy = peewee.Case(None, [(clipped_end > clipped_start, _seconds_between(clipped_end, clipped_start))], 0)
    started_in = (T.started_at >= since)
    one_if_in = lambda expr: peewee.Case(None, [(started_in, expr)], 0)  # noqa: E731
    overlap = (((T.started_at >= since - timedelta(hours=48)) & (T.started_at < until)
                & (T.stopped_at.is_null() | (T.stopped_at > since)))
               | ((T.state == "active") & (T.started_at < since)))
    query = (T.select(T.station, T.connector_id, peewee.fn.SUM(one_if_in(1)), peewee.fn.SUM(one_if_in(energy_expr())),
                      peewee.fn.SUM(one_if_in(ended_expr())), peewee.fn.SUM(one_if_in(failed_expr())),
                      peewee.fn.MAX(peewee.Case(None, [(started_in, T.started_at)], None)), peewee.fn.SUM(busy))
             .where(T.deleted_at.is_null() & overlap).group_by(T.station, T.connector_id))
    rows = []
    for part in _in_stations(query, station_ids):
        for sid, cid, n, wh, ended, failed, last, busy_s in part.tuples():
            if isinstance(last, str):
                last = m.Transaction.started_at.python_value(last)
            rows.append((sid, cid, int(n or 0), int(wh or 0), int(ended or 0), int(failed or 0), last,
                         float(busy_s or 0)))
    return rows


def last_session_starts(pairs: list[tuple[UUID, int]]) -> dict[tuple[UUID, int], datetime]:
    """The start of the latest session of each (station, connector), over all time (one indexed
    lookup each: the connectors without a session in the recent window)."""
    out = {}
    for sid, cid in pairs:
        at = (T.select(T.started_at).where((T.station == sid) & (T.connector_id == cid) & T.deleted_at.is_null())
              .order_by(T.started_at.desc()).limit(1).scalar())
        if at is not None:
            out[(sid, cid)] = T.started_at.python_value(at)
    return out


def status_changes(station_ids: list[UUID], since: datetime, until: datetime, lookback: timedelta) -> dict:
    """Per station: {connector id: [(time, status)]} of the status events in [since − lookback,
    until) and [(time, network state)] of its connection changes in the same span, in time order
    (the caller takes the last one before `since` as the state at the start)."""
    S, E = m.StatusEvent, m.StationEvent
    out: dict[UUID, dict] = {}
    start = since - lookback
    for i in range(0, len(station_ids), CHUNK):
        chunk = station_ids[i:i + CHUNK]
        for sid, cid, status, at in (S.select(S.station, S.connector_id, S.status, S.timestamp)
                                     .where(S.station.in_(chunk) & (S.timestamp >= start) & (S.timestamp < until))
                                     .order_by(S.timestamp, S.id).tuples()):
            out.setdefault(sid, {"connectors": {}, "network": []})["connectors"].setdefault(cid, []).append((at, status))
        for sid, state, at in (E.select(E.station, E.state, E.at)
                               .where(E.station.in_(chunk) & (E.kind == "network") & (E.at >= start) & (E.at < until))
                               .order_by(E.at, E.id).tuples()):
            out.setdefault(sid, {"connectors": {}, "network": []})["network"].append((at, state))
    return out


def new_users(home_groups: frozenset[UUID] | None, since_id: UUID, until_id: UUID) -> int:
    """Charging users created in the id range (ids are time-ordered UUIDv7) whose home group is
    among `home_groups` (None: every user)."""
    U = m.ChargingUser
    query = U.alive(U.id).where((U.id >= since_id) & (U.id < until_id))
    if home_groups is not None:
        if not home_groups:
            return 0
        query = query.where(U.home_group.in_(list(home_groups)))
    return query.count()
