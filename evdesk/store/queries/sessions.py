"""Charging sessions for the read side (the sessions page, the API, the CSV export).

`page` reads one page of sessions with the names the list shows (user, user group,
token) joined in, filtered and sorted as asked, continued with a keyset cursor
`(sort value, id)`; `timeline_records` reads what a session's timeline is built from.
Who may see which station is decided by the caller (it passes the station ids).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from uuid import UUID

import peewee

from evdesk.store import models as m

T = m.Transaction
U, UG, TK = m.ChargingUser, m.UserGroup, m.Token
SORTS = ("start", "energy", "duration", "cost")
# Sessions with no value (no energy, no price, still running for the duration) sort as -1, below
# every real one: keyset paging needs a total order.


def _is_postgres() -> bool:
    db = T._meta.database
    return isinstance(getattr(db, "obj", db), peewee.PostgresqlDatabase)


def duration_expr():
    """Whole seconds from start to stop; running sessions (no stop yet) have none (-1)."""
    if _is_postgres():
        return peewee.fn.COALESCE(peewee.fn.EXTRACT(peewee.SQL("EPOCH FROM"), T.stopped_at - T.started_at),
                                  peewee.SQL("-1"))
    days = peewee.fn.julianday(T.stopped_at) - peewee.fn.julianday(T.started_at)
    return peewee.fn.COALESCE(peewee.Cast(days * peewee.SQL("86400"), "INTEGER"), peewee.SQL("-1"))


def sort_expr(sort: str, _now: datetime | None = None):
    """The value a sort orders by; written as the expression indexes of migration 7 are (literal -1),
    so SQLite reads them in index order."""
    if sort == "energy":
        return peewee.fn.COALESCE(T.energy_wh, peewee.SQL("-1"))
    if sort == "cost":
        return peewee.fn.COALESCE(T.cost_total_minor, peewee.SQL("-1"))
    if sort == "duration":
        return duration_expr()
    return T.started_at


def _filtered(query, station_ids: list[UUID] | None, f: dict):
    """`f`: since, until, connector_id, user_id, user_group_id, token_id, state, flagged, words
    (each word: (text, station ids whose identity or name holds it))."""
    if station_ids is not None:
        query = query.where(T.station.in_(station_ids))
    if f.get("since") is not None:
        query = query.where(T.started_at >= f["since"])
    if f.get("until") is not None:
        query = query.where(T.started_at < f["until"])
    if f.get("connector_id") is not None:
        query = query.where(T.connector_id == f["connector_id"])
    if f.get("user_id") is not None:
        query = query.where(T.user == f["user_id"])
    if f.get("user_group_id") is not None:
        # EXISTS, not IN: the planner then walks the sort's index instead of sorting every member's sessions
        member = U.select(peewee.SQL("1")).where((U.id == T.user) & (U.user_group == f["user_group_id"]))
        query = query.where(peewee.fn.EXISTS(member))
    if f.get("token_id") is not None:
        query = query.where(T.token == f["token_id"])
    if f.get("state"):
        query = query.where(T.state == f["state"])
    if f.get("flagged"):
        query = query.where(T.flags.is_null(False) & (T.flags != peewee.Value("[]", converter=False)))
    for word, word_stations in f.get("words") or ():
        # SQLite ignores case for ASCII letters only: the usual spellings of a word are tried too
        likes = [f"%{w}%" for w in sorted({word, word.lower(), word.upper(), word.capitalize()})]
        name_match = tag_match = None
        for like in likes:
            one_name = (U.first_name ** like) | (U.last_name ** like)
            name_match = one_name if name_match is None else name_match | one_name
            tag_match = (T.id_tag ** like) if tag_match is None else tag_match | (T.id_tag ** like)
        match = tag_match | T.user.in_(U.select(U.id).where(name_match))
        if word_stations:
            match = match | T.station.in_(word_stations)
        query = query.where(match)
    return query


def _select():
    return (T.select(T, U.first_name.alias("user_first_name"), U.last_name.alias("user_last_name"),
                     UG.name.alias("user_group_name"), TK.name.alias("token_name"), TK.uid.alias("token_uid"))
            .join(U, peewee.JOIN.LEFT_OUTER, on=(T.user == U.id))
            .join(UG, peewee.JOIN.LEFT_OUTER, on=(U.user_group == UG.id))
            .switch(T).join(TK, peewee.JOIN.LEFT_OUTER, on=(T.token == TK.id))
            .where(T.deleted_at.is_null()))


def page(station_ids: list[UUID] | None, f: dict, sort: str, descending: bool, after: tuple | None, limit: int,
         now: datetime) -> list[dict]:
    """One page of sessions (dicts of the row and the names), in `sort` order then id; `after` is the
    (sort value, id) of the last row shown. Each dict carries its `sort_value`."""
    if station_ids is not None and not station_ids:
        return []
    key = sort_expr(sort)
    query = _filtered(_select().select_extend(key.alias("sort_value")), station_ids, f)
    if after is not None:
        value, row_id = after
        # a range on the sort key first (its index is read from there), then the tie by id
        if descending:
            query = query.where((key <= value) & ((key < value) | (T.id < row_id)))
        else:
            query = query.where((key >= value) & ((key > value) | (T.id > row_id)))
    order = (key.desc(), T.id.desc()) if descending else (key.asc(), T.id.asc())
    return list(query.order_by(*order).limit(limit).dicts())


def count(station_ids: list[UUID] | None, f: dict, cap: int) -> int:
    """How many sessions match, counted up to `cap` (a count over a million rows costs; the screen
    says "more than …")."""
    if station_ids is not None and not station_ids:
        return 0
    inner = _filtered(T.select(T.id).where(T.deleted_at.is_null()), station_ids, f).limit(cap)
    return inner.count()


def by_ids(ids: list[UUID]) -> list[dict]:
    """These sessions with their names (live updates of the rows a screen shows)."""
    if not ids:
        return []
    return list(_select().where(T.id.in_(ids)).dicts())


def one(session_id: UUID) -> dict | None:
    rows = list(_select().where(T.id == session_id).dicts())
    return rows[0] if rows else None


def meter_values(session_id: UUID) -> list[dict]:
    V = m.MeterValue
    return list(V.select().where(V.transaction == session_id).order_by(V.timestamp, V.id).dicts())


# -- the timeline ------------------------------------------------------------------------------------------------
TIMELINE_LEAD = timedelta(minutes=15)  # a car plugged in (Preparing) / a card shown before the start
UNPLUG_WAIT = timedelta(hours=24)  # how long after the stop the connector's release is looked for
MAX_STATUSES = 500
MAX_FRAMES = 5000
MAX_ACTIONS = 200
FREE_STATUSES = ("Available", "Unavailable", "Faulted", "Preparing", "Reserved")


def timeline_records(row: dict, identity: str, now: datetime) -> dict:
    """What a session's timeline is made of: its connector's status events from shortly before the
    start until the connector is free again, the authorization attempts of its tags at that
    station, the commands sent to the station meanwhile (and any re-pricing of it), and the OCPP
    frames of that station in that time (heartbeats left out), each as stored."""
    S, A, AA, M = m.StatusEvent, m.ActionLog, m.AuthorizationAttempt, m.MessageLog
    station, connector = row["station"], row["connector_id"]
    start = row["started_at"]
    stop = row["stopped_at"]
    lead = start - TIMELINE_LEAD
    # the connector is free again: the first free status after the stop (within a day)
    freed = None
    if stop is not None:
        freed = (S.select(S.timestamp, S.received_at)
                 .where((S.station == station) & (S.connector_id == connector) & (S.timestamp >= stop)
                        & (S.timestamp <= stop + UNPLUG_WAIT) & S.status.in_(FREE_STATUSES))
                 .order_by(S.timestamp).limit(1).tuples().first())
    end = freed[0] if freed else (stop or now)
    statuses = list(S.select().where((S.station == station) & (S.connector_id == connector) & (S.timestamp >= lead)
                                     & (S.timestamp <= end)).order_by(S.timestamp, S.id).limit(MAX_STATUSES).dicts())
    tags = {t for t in (row["id_tag"], row.get("stop_id_tag") or "") if t}
    auths = []
    if tags:
        auths = list(AA.select().where((AA.station == station) & (AA.at >= lead) & (AA.at <= end + timedelta(minutes=1))
                                       & AA.id_tag.in_(sorted(tags))
                                       & ((AA.connector_id == connector) | AA.connector_id.is_null()))
                     .order_by(AA.at, AA.id).limit(MAX_ACTIONS).dicts())
    actions = list(A.select().where((A.station == station) & (A.started_at >= lead) & (A.started_at <= end))
                   .order_by(A.started_at, A.id).limit(MAX_ACTIONS).dicts())
    actions += list(A.select().where((A.station == station) & (A.action == "Reprice") & (A.started_at > end)
                                     & peewee.Expression(A.request, peewee.OP.ILIKE, peewee.Value(f'%{row["id"]}%', converter=False)))
                   .order_by(A.started_at).limit(50).dicts())
    # frames: by when evdesk received them (statuses may carry the station's clock; give it room)
    received = [s["received_at"] for s in statuses] + [a["at"] for a in auths]
    frames_from = min([lead, *received]) - timedelta(minutes=1)
    frames_to = max([end + timedelta(minutes=2), *received]) + timedelta(minutes=1)
    frames = list(M.select().where((M.station_identity == identity) & (M.at >= frames_from) & (M.at <= frames_to)
                                   & (M.action != "Heartbeat")).order_by(M.at, M.id).limit(MAX_FRAMES).dicts())
    return {"statuses": statuses, "auths": auths, "actions": actions, "frames": frames, "freed_at": end if freed else None}


# -- pricing ---------------------------------------------------------------------------------------------------
def pricing_facts(row: dict, readings: bool, statuses: bool, status_until: datetime | None) -> dict:
    """What pricing a session (its row, as `one` read it) needs besides: its connector's socket
    type, its energy readings (time, Wh) when the tariff splits by time of day, and its
    connector's status changes from the start to `status_until` (for charging time and parking)."""
    session_id = row["id"]
    C = m.Connector
    socket = C.alive(C.socket_type).where((C.station == row["station"]) & (C.connector_id == row["connector_id"])).scalar()
    facts = {"row": row, "readings": [], "statuses": [], "socket_type": socket or ""}
    if readings:
        V = m.MeterValue
        facts["readings"] = list(V.select(V.timestamp, V.energy_wh).where(
            (V.transaction == session_id) & V.energy_wh.is_null(False)).order_by(V.timestamp).tuples())
    if statuses:
        S = m.StatusEvent
        query = S.select(S.timestamp, S.status).where(
            (S.station == row["station"]) & (S.connector_id == row["connector_id"]) & (S.timestamp >= row["started_at"]))
        if status_until is not None:
            query = query.where(S.timestamp <= status_until)
        facts["statuses"] = list(query.order_by(S.timestamp, S.id).limit(5000).tuples())
    return facts


def unpriced_ended(limit: int = 10_000) -> list[UUID]:
    """Ended sessions with a tariff but no final price (a crash between the Stop and its price),
    and sessions whose parking time may still run."""
    query = T.alive(T.id).where(
        (T.state != "active") & T.tariff_prices.is_null(False) & (T.cost_state != "final")).limit(limit)
    return [r for (r,) in query.tuples()]
