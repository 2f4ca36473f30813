"""Reads behind the universal search (`core/reads/search.py`): the few things the in-memory
registries do not hold. Each is an indexed lookup or a scan of a small table."""

from __future__ import annotations

from uuid import UUID

from evdesk.store import models as m

S, T = m.Station, m.Transaction


def stations_by_serial(text: str, limit: int) -> list[UUID]:
    """Live stations whose serial number starts with `text` (ignoring ASCII case; the stations
    table is small — thousands of rows — so a scan is cheap)."""
    like = f"{text}%"
    q = S.alive(S.id).where((S.serial_number ** like) & (S.serial_number != "")).limit(limit)
    return [r[0] for r in q.tuples()]


def session_ids(number: int | None, token_ids: list[UUID], id_tag: str, station_ids: list[UUID] | None,
                limit: int) -> list[UUID]:
    """Sessions by transaction number (the unique `ocpp_id` index), by token (the foreign-key index),
    and running sessions by id tag (the `state` index narrows to the few running ones before the tag
    is compared); newest first. Three small queries rather than one OR: with one ORDER BY over the
    OR, SQLite walks the whole `started_at` index looking for matches. The domain (`station_ids`,
    None = every station) is applied to the few rows found, so the planner never trades these
    indexes for the station's."""
    seen = None if station_ids is None else set(station_ids)
    base = T.select(T.id, T.station, T.started_at).where(T.deleted_at.is_null())
    queries = []
    if number is not None:
        queries.append(base.where(T.ocpp_id == number))
    if token_ids:
        queries.append(base.where(T.token.in_(token_ids)).order_by(T.started_at.desc()).limit(limit * 20))
    if id_tag:
        queries.append(base.where((T.state == "active") & (T.id_tag ** f"{id_tag}%")))
    found = {}
    for q in queries:
        for row_id, station, started in q.tuples():
            if seen is None or station in seen:
                found[row_id] = started
    return [row_id for row_id, _ in sorted(found.items(), key=lambda kv: kv[1], reverse=True)[:limit]]
