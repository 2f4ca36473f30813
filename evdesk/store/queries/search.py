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
    """Sessions by transaction number (the unique `ocpp_id` index), by token (the foreign-key index), and running sessions by id tag (the `state` index narrows
    to the few running ones before the tag is compared). Newest first."""
    match = None
    if number is not None:
        match = T.ocpp_id == number
    if token_ids:
        by_token = T.token.in_(token_ids)
        match = by_token if match is None else match | by_token
    if id_tag:
        running = (T.state == "active") & (T.id_tag ** f"{id_tag}%")
        match = running if match is None else match | running
    if match is None or (station_ids is not None and not station_ids):
        return []
    q = T.select(T.id).where(T.deleted_at.is_null() & match)
    if station_ids is not None:
        q = q.where(T.station.in_(station_ids))
    return [r[0] for r in q.order_by(T.started_at.desc()).limit(limit).tuples()]
