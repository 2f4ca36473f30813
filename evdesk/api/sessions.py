"""Charging sessions: the charging log (filtered, sorted, paged), one session with its price
breakdown and timeline, the CSV export (streamed), and re-pricing (admins).

Read through the core's session read service (the operator's domain, the reader
connection, keyset paging); a session outside the domain is 404, as if it did not exist.
"""

from __future__ import annotations

from contextlib import aclosing
from datetime import datetime, timezone
from uuid import UUID

from aiohttp import web

from evdesk.api.errors import ApiError, bad_parameter
from evdesk.api.http import (
    CURSOR_REFUSED,
    DEFAULT_LIMIT,
    MAX_LIMIT,
    SESSION_STATES,
    body_of,
    ctx_of,
    decode_cursor,
    decode_time_cursor,
    encode_cursor,
    ok,
    path_uuid,
    services_of,
)
from evdesk.api.schemas import F, check_query, query_enum, query_int, query_time, query_uuid
from evdesk.core.reads.sessions import SORTS, SessionFilter

FILTER_QUERY = ("station", "group_id", "connector", "user_id", "user_group_id", "token_id", "state", "flagged",
                "since", "until", "q", "sort", "order")
SESSION_QUERY = ("limit", "cursor", *FILTER_QUERY)
EXPORT_QUERY = FILTER_QUERY
REPRICE = {
    "tariff_id": F("uuid", nullable=True, doc="another tariff's prices; left out or null: the prices the session had"),
    "reason": F("string", required=True, doc="why (goes into the action log with the old and new amount)"),
}

DEPARTURE = {
    "departure_at": F("datetime", required=True, nullable=True,
                      doc="load management: this running session needs its energy by then (it is preferred among "
                          "sessions of equal priority); null: back to its user's daily departure time"),
}


def money(amount) -> str | None:
    return None if amount is None else f"{amount:.2f}"


def session_json(t) -> dict:
    return {
        "id": t.id, "transaction_id": t.ocpp_id, "station_id": t.station_id, "station_identity": t.station_identity,
        "station_name": t.station_name, "connector_id": t.connector_id, "id_tag": t.id_tag, "token_id": t.token_id,
        "token_name": t.token_name, "user_id": t.user_id, "user_name": t.user_name,
        "user_group_name": t.user_group_name, "state": t.state, "started_at": t.started_at,
        "stopped_at": t.stopped_at, "duration_s": t.duration_s, "meter_start_wh": t.meter_start_wh,
        "meter_stop_wh": t.meter_stop_wh, "energy_wh": t.energy_wh, "power_w": t.power_w,
        "stop_reason": t.stop_reason, "remote_start": t.remote_start, "flags": list(t.flags),
        "tariff_name": t.tariff_name, "cost_total": money(t.cost_total), "currency": t.currency,
        "cost_state": t.cost_state,
    }


def breakdown_json(b) -> dict | None:
    if b is None:
        return None
    return {"currency": b.currency, "prices_include_vat": b.prices_include_vat, "vat_rate": str(b.vat_rate),
            "net": money(b.net), "vat": money(b.vat), "total": money(b.total),
            "lines": [{"code": ln.code, "label": ln.label, "quantity": str(ln.quantity), "unit": ln.unit,
                       "unit_price": str(ln.unit_price), "amount": money(ln.amount)} for ln in b.lines]}


def frame_json(f) -> dict | None:
    if f is None:
        return None
    return {"id": f.id, "direction": f.direction, "message_type": f.message_type, "unique_id": f.unique_id,
            "action": f.action, "at": f.at, "payload": f.payload}


def query_bool(request, name: str) -> bool:
    raw = request.query.get(name)
    if raw is None or raw == "":
        return False
    if raw.lower() in ("true", "1", "yes"):
        return True
    if raw.lower() in ("false", "0", "no"):
        return False
    raise bad_parameter(f"Query parameter '{name}' must be true or false.", name)


def filter_of(request: web.Request) -> SessionFilter:
    connector = request.query.get("connector")
    return SessionFilter(
        since=query_time(request, "since"), until=query_time(request, "until"),
        group_id=query_uuid(request, "group_id"), station_id=query_uuid(request, "station"),
        connector_id=query_int(request, "connector", 0, 0, 2**31 - 1) if connector is not None else None,
        user_id=query_uuid(request, "user_id"), user_group_id=query_uuid(request, "user_group_id"),
        token_id=query_uuid(request, "token_id"), state=query_enum(request, "state", SESSION_STATES),
        flagged=query_bool(request, "flagged"), text=(request.query.get("q") or "")[:200],
        sort=query_enum(request, "sort", SORTS) or "start",
        descending=(query_enum(request, "order", ("asc", "desc")) or "desc") == "desc",
    )


def cursor_of(request: web.Request, flt: SessionFilter):
    if flt.sort == "start":
        return decode_time_cursor(request)
    parts = decode_cursor(request)
    if parts is None:
        return None
    try:
        value, row_id = parts
        if not isinstance(value, int) or isinstance(value, bool) or not -1 <= value < 2**63:
            raise ValueError("not a sort value")
        return value, UUID(row_id)
    except (ValueError, TypeError, AttributeError):
        raise bad_parameter(CURSOR_REFUSED, "cursor") from None


def encode_next(cursor) -> str | None:
    if cursor is None:
        return None
    value, row_id = cursor
    if isinstance(value, datetime):
        value = value.astimezone(timezone.utc)
    return encode_cursor(value, row_id)


async def list_sessions(request: web.Request) -> web.Response:
    check_query(request, SESSION_QUERY)
    limit = query_int(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
    flt = filter_of(request)
    page = await services_of(request).sessions.page(ctx_of(request), flt, cursor=cursor_of(request, flt), limit=limit)
    return ok({"items": [session_json(t) for t in page.items], "next_cursor": encode_next(page.next_cursor)})


async def get_session(request: web.Request) -> web.Response:
    detail = await services_of(request).sessions.get(ctx_of(request), path_uuid(request))
    body = session_json(detail.session)
    body["meter_values"] = [{"timestamp": v.timestamp, "connector_id": v.connector_id, "context": v.context,
                             "energy_wh": v.energy_wh, "power_w": v.power_w, "current_a": v.current_a,
                             "voltage_v": v.voltage_v, "soc": v.soc} for v in detail.meter_values]
    body["breakdown"] = breakdown_json(detail.breakdown)
    body["timeline"] = [{"at": e.at, "kind": e.kind, "title": e.title, "detail": e.detail, "actor": e.actor,
                         "frame": frame_json(e.frame), "answer": frame_json(e.answer)} for e in detail.timeline]
    return ok(body)


async def export_sessions(request: web.Request) -> web.StreamResponse:
    """The CSV of what the filter shows, streamed chunk by chunk as it is read."""
    check_query(request, EXPORT_QUERY)
    flt = filter_of(request)
    services, ctx = services_of(request), ctx_of(request)
    services.sessions.scope(ctx, flt)  # refusals (a station outside the domain) before the answer starts
    response = web.StreamResponse(headers={"Content-Type": "text/csv; charset=utf-8",
                                           "Content-Disposition": 'attachment; filename="charging-sessions.csv"'})
    await response.prepare(request)
    async with aclosing(services.session_export.chunks(ctx, flt)) as pieces:
        try:
            async for piece in pieces:
                await response.write(piece.encode("utf-8"))
        except ConnectionResetError:
            return response  # the client went away: stop reading
    await response.write_eof()
    return response


async def reprice_session(request: web.Request) -> web.Response:
    session_id = path_uuid(request)
    b = await body_of(request, REPRICE)
    reason = b["reason"].strip()
    if not reason:
        raise ApiError(422, "validation_error", "Say why (reason): it goes into the action log.", "reason")
    services = services_of(request)
    old, new = await services.pricing.reprice(ctx_of(request), session_id, b.get("tariff_id"), reason)
    return ok({"old": breakdown_json(old), "new": breakdown_json(new)})


async def set_session_departure(request: web.Request) -> web.Response:
    """A running session's "needs energy by" (`core/load/priorities.py`)."""
    session_id = path_uuid(request)
    b = await body_of(request, DEPARTURE)
    await services_of(request).circuits.set_session_departure(ctx_of(request), session_id, b["departure_at"])
    departure = b["departure_at"]
    return ok({"id": str(session_id), "departure_at": departure.isoformat() if departure else None})
