"""What the dashboard and the charging-points overview read besides the hourly aggregates
(`queries/aggregates.py`): new charging users of a period and the latest session start of each
charging point. Each is an indexed read (the users' time-ordered primary key; the sessions'
`(started_at, id)` and `(station_id, started_at, id)` indexes of migration 7).
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import peewee

from evdesk.store import models as m

T = m.Transaction


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


def last_starts_since(since: datetime) -> dict[tuple[UUID, int], datetime]:
    """The latest session start of each (station, connector) that had a session since `since`."""
    query = (T.select(T.station, T.connector_id, peewee.fn.MAX(T.started_at).coerce(False))
             .where(T.deleted_at.is_null() & (T.started_at >= since)).group_by(T.station, T.connector_id))
    return {(sid, cid): T.started_at.python_value(at) for sid, cid, at in query.tuples()}


def last_session_starts(pairs: list[tuple[UUID, int]]) -> dict[tuple[UUID, int], datetime]:
    """The start of the latest session of each (station, connector), over all time: for the points
    without a session in the recent window. One lookup each, walking the `(station_id, started_at,
    id)` index back from the newest; the statement is written once (thousands of idle points)."""
    db = T._meta.database
    sql = (f'SELECT "started_at" FROM "{T._meta.table_name}" WHERE "station_id" = {db.param} AND '
           f'"connector_id" = {db.param} AND "deleted_at" IS NULL ORDER BY "started_at" DESC LIMIT 1')
    out = {}
    for sid, cid in pairs:
        row = db.execute_sql(sql, (T.station.db_value(sid), cid)).fetchone()
        if row is not None and row[0] is not None:
            out[(sid, cid)] = T.started_at.python_value(row[0])
    return out
