"""Reads of the hourly aggregates (store/aggregates.py) cut into report buckets.

A period is cut into buckets by their edges in epoch hours (`edges[i]` .. `edges[i + 1]`; the core
turns local days, weeks and months into UTC hours). Buckets of a day or more are read as whole UTC
months and days from the month and day rows plus or minus the few hours between each edge and its
nearest UTC midnight (`_plan`), so a year by month reads ~12 month rows per charging point, not
8,760 hour rows; hour buckets come from the hour rows. Results are {(bucket, *key): [sums...]}; `by` names the
key: () for totals, ("station",), ("station", "connector_id").

What the aggregates cannot serve — filters or breakdowns by charging user, user group or tariff —
is read by `session_sums` from the sessions' own hour shares (`SessionHour`) joined to the session
rows (primary key, and the `hour` index), and distinct users from the sessions (`distinct_users`,
index `(started_at, station_id, user_id)`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from datetime import datetime, timezone
from uuid import UUID

from evdesk.store import models as m

POINT_SUMS = ("sessions_started", "sessions_failed", "energy_wh", "charging_s", "plugged_s", "occupied_s",
              "unavailable_s", "faulted_s")
SESSION_SUMS = ("started", "failed", "energy_wh", "charging_s", "plugged_s")
CASE_LIMIT = 120  # more ranges than this: grouped per unit in SQL and cut into buckets here


def _ranges(edges: list[int]) -> list[tuple[int, int, int]]:
    """[(first hour, end hour, bucket)] of hour-sized buckets, merged where they touch."""
    return _merge([(a, b, n) for n, (a, b) in enumerate(zip(edges, edges[1:])) if a < b])


def _month_first_day(month: int) -> int:
    return int(datetime(month // 12, month % 12 + 1, 1, tzinfo=timezone.utc).timestamp()) // 86400


def _month_of_day(day: int) -> int:
    at = datetime.fromtimestamp(day * 86400, timezone.utc)
    return at.year * 12 + at.month - 1


def _plan(edges: list[int]):
    """How to read buckets of a day or more from the coarse rows.

    Each edge e (an hour) is moved to its nearest UTC midnight A(e); the hours between them are its
    correction c(e) (+ when e is after A(e), − before). A bucket [e0, e1) is then the UTC days
    [A(e0), A(e1)) — whole UTC months of them from the month rows, the rest from the day rows —
    plus c(e1) minus c(e0). Corrections of different edges never overlap (edges are at least 23
    hours apart, corrections at most 12 hours long). Returns (corrections [(lo, hi, edge)], signs
    {edge: ±1}, day ranges, month ranges)."""
    anchors = [int(round(e / 24)) * 24 for e in edges]
    corrections, signs = [], {}
    for n, (e, a) in enumerate(zip(edges, anchors)):
        if e != a:
            corrections.append((min(e, a), max(e, a), n))
            signs[n] = 1 if e > a else -1
    days, months = [], []
    for bucket, (a0, a1) in enumerate(zip(anchors, anchors[1:])):
        d0, d1 = a0 // 24, a1 // 24
        if d1 <= d0:
            continue
        first = _month_of_day(d0)
        if _month_first_day(first) < d0:
            first += 1
        last = _month_of_day(d1)  # months [first, last) lie wholly inside when their start days do
        if first < last and _month_first_day(last) <= d1:
            if d0 < _month_first_day(first):
                days.append((d0, _month_first_day(first), bucket))
            months.append((first, last, bucket))
            if _month_first_day(last) < d1:
                days.append((_month_first_day(last), d1, bucket))
        else:
            days.append((d0, d1, bucket))
    return corrections, signs, _merge(days), _merge(months)


def _merge(ranges: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    out: list[tuple[int, int, int]] = []
    for lo, hi, bucket in ranges:
        if out and out[-1][2] == bucket and out[-1][1] == lo:
            out[-1] = (out[-1][0], hi, bucket)
        else:
            out.append((lo, hi, bucket))
    return out


def _hourly(edges: list[int]) -> bool:
    return any(b - a < 23 for a, b in zip(edges, edges[1:]))


def _combine(edges: list[int], coarse: dict, corrections: dict, signs: dict) -> dict:
    """bucket = coarse + c(end edge) − c(start edge), per key."""
    out = {key: list(values) for key, values in coarse.items()}
    for (edge, *key), values in corrections.items():
        sign = signs[edge]
        for bucket, factor in ((edge - 1, sign), (edge, -sign)):  # the bucket it ends / the one it starts
            if 0 <= bucket < len(edges) - 1:
                target = out.setdefault((bucket, *key), [0] * len(values))
                for n, v in enumerate(values):
                    target[n] += factor * v
    return out


def _station_values(model, stations: list[UUID] | None) -> list[str] | None:
    return None if stations is None else [model.station.db_value(s) for s in stations]


def _read(model, unit: str, ranges, stations, by: tuple[str, ...], columns: tuple[str, ...],
          extra_key: tuple[str, ...] = ()) -> dict[tuple, list]:
    out: dict[tuple, list] = {}
    if not ranges:
        return out
    db = model._meta.database
    table = model._meta.table_name
    keys = by + extra_key
    key_sql = "".join(f', "{k}"' for k in keys)
    sums_sql = ", ".join(f'SUM("{c}")' for c in columns)
    params: list = []
    # Totals (no key) of touching ranges are grouped per unit in the clustered key's order (no CASE per
    # row, no sort): a few hundred rows at most come back and are cut into buckets here. Touching
    # ranges are one sweep (the same rows as their OR).
    contiguous = all(a[1] == b[0] for a, b in zip(ranges, ranges[1:]))
    per_unit = len(ranges) > CASE_LIMIT or (contiguous and not keys)  # (ranges apart: SQLite would scan
    if len(ranges) > CASE_LIMIT or contiguous:  # the whole table in the key's order for a GROUP BY unit)
        where = f'"{unit}" >= {db.param} AND "{unit}" < {db.param}'
        params += [ranges[0][0], ranges[-1][1]]
    else:
        where = "(" + " OR ".join(f'("{unit}" >= {int(lo)} AND "{unit}" < {int(hi)})' for lo, hi, _b in ranges) + ")"
    if per_unit:
        bucket_sql = f'"{unit}"'
    else:
        bucket_sql = "CASE " + " ".join(f'WHEN "{unit}" < {int(hi)} THEN {int(b)}' for _lo, hi, b in ranges) + " END"
    station_list = _station_values(model, stations)
    if station_list is not None:
        if not station_list:
            return out
        where += ' AND "station" IN (' + ", ".join([db.param] * len(station_list)) + ")"
        params += station_list
    sql = (f'SELECT {bucket_sql} AS b{key_sql}, {sums_sql} FROM "{table}" WHERE {where} '
           f'GROUP BY b{key_sql}')
    starts = [lo for lo, _hi, _b in ranges]
    station_at = keys.index("station") + 1 if "station" in keys else None
    for row in db.execute_sql(sql, params).fetchall():
        row = list(row)
        if per_unit:
            n = bisect_right(starts, row[0]) - 1
            if n < 0 or row[0] >= ranges[n][1]:
                continue
            row[0] = ranges[n][2]
        if station_at is not None:
            row[station_at] = UUID(row[station_at])
        key = tuple(row[: 1 + len(keys)])
        found = out.get(key)
        values = [v or 0 for v in row[1 + len(keys):]]
        if found is None:
            out[key] = values
        else:
            for n, v in enumerate(values):
                found[n] += v
    return out


def _add_into(target: dict, more: dict) -> dict:
    for key, values in more.items():
        found = target.get(key)
        if found is None:
            target[key] = list(values)
        else:
            for n, v in enumerate(values):
                found[n] += v
    return target


def _sums(edges: list[int], stations, by, columns, tables, extra_key=()) -> dict[tuple, list]:
    hour_table, day_table, month_table = tables
    if len(edges) < 2:
        return {}
    if _hourly(edges):
        if len(edges) > 2 and not _hourly(edges[:-1]):
            # Only the last bucket is short (a timeframe ending now): the whole buckets from the coarse
            # rows, the running one from its hours — not every bucket from the hour rows.
            out = _sums(edges[:-1], stations, by, columns, tables, extra_key)
            last = len(edges) - 2
            running = _read(hour_table, "hour", [(edges[-2], edges[-1], last)], stations, by, columns, extra_key)
            return _add_into(out, running)
        return _read(hour_table, "hour", _ranges(edges), stations, by, columns, extra_key)
    corrections, signs, days, months = _plan(edges)
    coarse = _read(day_table, "day", days, stations, by, columns, extra_key)
    _add_into(coarse, _read(month_table, "month", months, stations, by, columns, extra_key))
    fixes = _read(hour_table, "hour", corrections, stations, by, columns, extra_key)
    return _combine(edges, coarse, fixes, signs)


def point_sums(edges: list[int], stations: list[UUID] | None, by: tuple[str, ...] = ()) -> dict[tuple, list]:
    """(worker) POINT_SUMS per bucket (and key) of the charging points of `stations` (None: all)."""
    return _sums(edges, stations, by, POINT_SUMS, (m.ConnectorHour, m.ConnectorDay, m.ConnectorMonth))


def revenue_sums(edges: list[int], stations: list[UUID] | None, by: tuple[str, ...] = ()) -> dict[tuple, list]:
    """(worker) [revenue minor, sessions] per (bucket, *key, currency)."""
    return _sums(edges, stations, by, ("revenue_minor", "sessions"),
                 (m.ConnectorHourRevenue, m.ConnectorDayRevenue, m.ConnectorMonthRevenue), ("currency",))


def activity(first_hour: int, end_hour: int, stations: list[UUID] | None) -> tuple[int, int, int]:
    """(worker) (sessions started, energy Wh, charging points where a session started) over the hours
    [first_hour, end_hour) of the charging points of `stations` (None: all) — summed in SQL, one row
    back instead of one per charging point."""
    table, db = m.ConnectorHour._meta.table_name, m.ConnectorHour._meta.database
    where, params = f'"hour" >= {db.param} AND "hour" < {db.param}', [first_hour, end_hour]
    station_list = _station_values(m.ConnectorHour, stations)
    if station_list is not None:
        if not station_list:
            return 0, 0, 0
        where += ' AND "station" IN (' + ", ".join([db.param] * len(station_list)) + ")"
        params += station_list
    sql = (f'SELECT SUM(s), SUM(e), SUM(s > 0) FROM (SELECT SUM("sessions_started") AS s, SUM("energy_wh") AS e '
           f'FROM "{table}" WHERE {where} GROUP BY +"station", +"connector_id")')
    sessions, energy, used = db.execute_sql(sql, params).fetchone()
    return int(sessions or 0), int(energy or 0), int(used or 0)


# -- what the aggregates cannot serve: from the sessions -----------------------------------------
SESSION_KEYS = {
    "station": 'sh."station"',
    "connector_id": 'sh."connector_id"',
    "user": 't."user_id"',
    "tariff": 't."tariff_name"',
    "user_group": 'u."user_group_id"',
    "currency": 'sh."currency"',
}


def session_sums(edges: list[int], stations: list[UUID] | None, *, users: list[UUID] | None = None,
                 user_groups: list[UUID] | None = None, tariffs: list[str] | None = None,
                 points: list[tuple[UUID, int]] | None = None, by: tuple[str, ...] = ()) -> dict[tuple, list]:
    """(worker) SESSION_SUMS + [revenue minor] per (bucket, *key) from the sessions' hour shares,
    filtered by the sessions' users, their user groups, tariff names and charging points."""
    db = m.SessionHour._meta.database
    if len(edges) < 2:
        return {}
    lo, hi = edges[0], edges[-1]
    conv = m.SessionHour.station.db_value
    where = ['sh."hour" >= ?', 'sh."hour" < ?']
    params: list = [lo, hi]

    def among(column: str, values: list) -> None:
        where.append(f"{column} IN (" + ", ".join("?" * len(values)) + ")" if values else "0")
        params.extend(values)

    if stations is not None:
        among('sh."station"', [conv(s) for s in stations])
    if users is not None:
        among('t."user_id"', [m.Transaction.user.db_value(u) for u in users])
    if user_groups is not None:
        among('u."user_group_id"', [m.ChargingUser.user_group.db_value(g) for g in user_groups])
    if tariffs is not None:
        among('t."tariff_name"', list(tariffs))
    if points is not None:
        among('(sh."station" || \':\' || sh."connector_id")', [f"{conv(s)}:{c}" for s, c in points])
    keys = [SESSION_KEYS[k] for k in by]
    key_sql = "".join(f", {k}" for k in keys)
    sums = ", ".join(f'SUM(sh."{c}")' for c in SESSION_SUMS + ("revenue_minor",))
    join_user = 'LEFT JOIN "charging_user" u ON u."id" = t."user_id" ' if (user_groups is not None or "user_group" in by) else ""
    sql = (f'SELECT sh."hour"{key_sql}, {sums} FROM "agg_session_hour" sh JOIN "transaction" t ON t."id" = sh."tx" '
           f'{join_user}WHERE {" AND ".join(where)} GROUP BY sh."hour"{key_sql}')
    out: dict[tuple, list] = {}
    for row in db.execute_sql(sql.replace("?", db.param), params).fetchall():
        bucket = bisect_right(edges, row[0]) - 1
        key = (bucket, *(_key_value(by[n], v) for n, v in enumerate(row[1 : 1 + len(by)])))
        values = [v or 0 for v in row[1 + len(by):]]
        found = out.get(key)
        if found is None:
            out[key] = values
        else:
            for n, v in enumerate(values):
                found[n] += v
    return out


def _key_value(name: str, value):
    if value is None or name in ("connector_id", "tariff", "currency"):
        return value if value is not None else ("" if name in ("tariff", "currency") else None)
    return UUID(value)


def distinct_users(edges: list[int], stations: list[UUID] | None, *, users: list[UUID] | None = None,
                   user_groups: list[UUID] | None = None, tariffs: list[str] | None = None,
                   by: tuple[str, ...] = ()) -> dict[tuple, set]:
    """(worker) The different charging users who started sessions, per (bucket, *key) (sets: the
    caller merges keys, e.g. stations into groups, without counting anyone twice). Sessions without
    a known user (unknown tags) are not counted."""
    T, U = m.Transaction, m.ChargingUser
    lo = datetime.fromtimestamp(edges[0] * 3600, timezone.utc)
    hi = datetime.fromtimestamp(edges[-1] * 3600, timezone.utc)
    columns = [T.started_at, T.user]
    names = {"station": T.station, "connector_id": T.connector_id, "tariff": T.tariff_name, "user": T.user,
             "user_group": U.user_group}
    columns += [names[k] for k in by]
    query = T.select(*columns).where((T.started_at >= lo) & (T.started_at < hi) & T.user.is_null(False)
                                     & T.deleted_at.is_null())
    if user_groups is not None or "user_group" in by:
        query = query.join(U, on=(U.id == T.user))
    if stations is not None:
        query = query.where(T.station.in_(stations)) if stations else query.where(T.id.is_null())
    if users is not None:
        query = query.where(T.user.in_(users))
    if user_groups is not None:
        query = query.where(U.user_group.in_(user_groups))
    if tariffs is not None:
        query = query.where(T.tariff_name.in_(list(tariffs)))
    seen: dict[tuple, set] = defaultdict(set)
    for row in query.tuples().iterator():
        hour = int(row[0].timestamp()) // 3600
        bucket = bisect_right(edges, hour) - 1
        seen[(bucket, *row[2:])].add(row[1])
    return dict(seen)


def connectors_of(stations: list[UUID] | None) -> list[tuple[UUID, int, str, str, object]]:
    """(worker) (station, connector id, socket type, live status, status since) of the stations'
    charging points (connector 0, the station itself, is none)."""
    C = m.Connector
    query = C.select(C.station, C.connector_id, C.socket_type, C.status, C.status_at).where(
        C.deleted_at.is_null() & (C.connector_id > 0))
    if stations is not None:
        query = query.where(C.station.in_(stations)) if stations else query.where(C.id.is_null())
    return list(query.tuples())


def names_of_users(ids: list[UUID]) -> dict[UUID, str]:
    """(worker) "First Last" (or the e-mail) of charging users, removed ones too (old sessions)."""
    U = m.ChargingUser
    out = {}
    for start in range(0, len(ids), 500):
        for uid, first, last, email in U.select(U.id, U.first_name, U.last_name, U.email).where(
                U.id.in_(ids[start : start + 500])).tuples():
            out[uid] = " ".join(p for p in (first, last) if p) or email or str(uid)[:8]
    return out


def names_of_user_groups(ids: list[UUID]) -> dict[UUID, str]:
    G = m.UserGroup
    return dict(G.select(G.id, G.name).where(G.id.in_(ids)).tuples()) if ids else {}


def users_of_groups(group_ids: list[UUID]) -> list[UUID]:
    """(worker) The charging users in these user groups (a user-group filter of the aggregates' path)."""
    U = m.ChargingUser
    return [u for (u,) in U.select(U.id).where(U.user_group.in_(group_ids)).tuples()] if group_ids else []
