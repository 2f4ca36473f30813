"""Charging users and tokens, the authorizations log, API keys, and who the key is."""

from __future__ import annotations

import dataclasses
from uuid import UUID

from aiohttp import web

from evdesk.api.errors import bad_parameter
from evdesk.api.http import (
    DEFAULT_LIMIT,
    KEYS,
    MAX_LIMIT,
    body_of,
    ctx_of,
    decode_cursor,
    decode_time_cursor,
    encode_cursor,
    ok,
    path_uuid,
    services_of,
)
from evdesk.api.schemas import (
    F,
    check_query,
    query_enum,
    query_int,
    query_time,
    query_uuid,
    validate,
)
from evdesk.api.stations import visible_station
from evdesk.core.auth_log import AuthLogFilter
from evdesk.core.people_domain import KEEP
from evdesk.core.people_types import TokenInput, UserInput
from evdesk.core.reads.people import TokenFilter, UserFilter


# -- charging users and tokens -------------------------------------------------------------------
# Every read goes through the people read service and every change through the people
# services with the key's operator: the domain rules of evdesk/core/people_domain.py apply.
def token_json(t) -> dict:
    return {"id": t.id, "version": t.version, "uid": t.uid, "name": t.name, "status": t.status,
            "valid_from_day": t.valid_from_day, "valid_to_day": t.valid_to_day, "user_id": t.user_id,
            "user_name": t.user_name, "parent_uid": t.parent_uid, "home_group_id": t.home_group_id}


def user_detail_json(d) -> dict:
    data = dataclasses.asdict(d.data)
    return {"id": d.id, "version": d.version, **data, "home_group_id": d.home_group_id,
            "tokens": [token_json(t) for t in d.tokens]}


def user_row_json(u) -> dict:
    return {"id": u.id, "version": u.version, "first_name": u.first_name, "last_name": u.last_name, "email": u.email,
            "phone": u.phone, "user_group_id": u.user_group_id, "user_group": u.user_group, "status": u.status,
            "token_uids": list(u.token_uids), "vehicles": list(u.vehicles), "home_group_id": u.home_group_id}


HOME_GROUP = F("uuid", nullable=True, doc="the charging group the user belongs to (operators whose domain holds it "
                                          "see the user); default: your base group; null: site-wide (whole-site "
                                          "operators only)")
TOKEN_FIELDS = {
    "uid": F("string", required=True, doc="the RFID uid (at most 20 characters)"), "name": F("string"),
    "status": F("string", enum=("active", "inactive", "blocked"), doc="blocked: refused everywhere, stations "
                "clear their cache"),
    "valid_from_day": F("date", nullable=True, doc="first valid day in each station's time zone"),
    "valid_to_day": F("date", nullable=True, doc="last valid day; null: valid indefinitely"),
    "parent_uid": F("string", doc="the parent (group) token's uid, one you see"),
}
USER_FIELDS = {
    "first_name": F("string"), "last_name": F("string"), "email": F("string"), "phone": F("string"),
    "user_group_id": F("uuid", nullable=True), "status": F("string", enum=("active", "disabled")),
    "disabled_reason": F("string"), "max_concurrent_transactions": F("integer", nullable=True),
    "vehicles": F("strings"),
    "group_rights": F("uuids", doc="charging groups of your domain (their subgroups included)"),
    "station_rights": F("uuids", doc="stations of your domain; rights outside your domain are kept as they are"),
    "home_group_id": HOME_GROUP,
    "departure_time": F("string", doc="load management: the daily \"needs energy by\" (\"HH:MM\", site time); "
                                      "\"\": none"),
}
USER_CREATE = {**USER_FIELDS, "tokens": F("objects", doc="tokens to add with the user: {uid, name, status, ...}")}
USER_PATCH = {"version": F("integer", required=True), **USER_FIELDS}
TOKEN_HOME = F("uuid", nullable=True, doc="for a token without a user: the charging group it belongs to (default: "
                                          "your base group); a token of a user belongs to the user's group")
TOKEN_CREATE = {**TOKEN_FIELDS, "user_id": F("uuid", nullable=True), "home_group_id": TOKEN_HOME}
TOKEN_PATCH = {"version": F("integer", required=True),
               **{k: dataclasses.replace(f, required=False) for k, f in TOKEN_FIELDS.items() if k != "uid"},
               "user_id": F("uuid", nullable=True, doc="move the token to this user (one you see); null: to no user"),
               "home_group_id": TOKEN_HOME}
PEOPLE_QUERY = ("limit", "offset", "cursor", "q", "status")
USERS_QUERY = (*PEOPLE_QUERY, "user_group_id")


def token_input(b: dict) -> TokenInput:
    return TokenInput(uid=b["uid"], name=b.get("name", ""), status=b.get("status", "active"),
                      valid_from_day=b.get("valid_from_day"), valid_to_day=b.get("valid_to_day"),
                      parent_uid=b.get("parent_uid", ""))


def _sort_cursor(request: web.Request, width: int) -> tuple | None:
    """A list cursor: the sort key of the last row shown (texts, then the id for users)."""
    parts = decode_cursor(request)
    if parts is None:
        return None
    if len(parts) != width or not all(isinstance(p, str) for p in parts):
        raise bad_parameter("Query parameter 'cursor' is not a cursor this API gave out.", "cursor")
    if width == 3:
        try:
            return parts[0], parts[1], UUID(parts[2])
        except ValueError:
            raise bad_parameter("Query parameter 'cursor' is not a cursor this API gave out.", "cursor") from None
    return tuple(parts)


def _paged(page, total: int, offset: int, limit: int, to_json) -> web.Response:
    nxt = encode_cursor(*page.next_cursor) if page.next_cursor is not None else None
    return ok({"items": [to_json(r) for r in page.items], "total": total, "offset": offset, "limit": limit,
               "next_cursor": nxt})


async def list_users(request: web.Request) -> web.Response:
    check_query(request, USERS_QUERY)
    reads, ctx = services_of(request).people.reads, ctx_of(request)
    limit = query_int(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
    offset = query_int(request, "offset", 0, 0, 10**9)
    flt = UserFilter(request.query.get("q", ""), query_enum(request, "status", ("active", "disabled")),
                     query_uuid(request, "user_group_id"))
    page = await reads.users(ctx, flt, after=_sort_cursor(request, 3), offset=offset, limit=limit)
    return _paged(page, await reads.count_users(ctx, flt), offset, limit, user_row_json)


async def get_user(request: web.Request) -> web.Response:
    return ok(user_detail_json(await services_of(request).people.reads.user(ctx_of(request), path_uuid(request))))


async def create_user(request: web.Request) -> web.Response:
    b = await body_of(request, USER_CREATE)
    tokens = [token_input(validate(t, TOKEN_FIELDS)) for t in b.pop("tokens", [])]
    home = b.pop("home_group_id", KEEP)
    detail = await services_of(request).people.users.create(ctx_of(request), UserInput(**b), tokens, home_group_id=home)
    return ok(user_detail_json(detail), 201)


async def update_user(request: web.Request) -> web.Response:
    user_id = path_uuid(request)
    b = await body_of(request, USER_PATCH)
    people, ctx = services_of(request).people, ctx_of(request)
    current = await people.reads.user(ctx, user_id)  # the rights inside the domain: the rest is kept
    version, home = b.pop("version"), b.pop("home_group_id", KEEP)
    data = dataclasses.replace(current.data, **b)
    return ok(user_detail_json(await people.users.update(ctx, user_id, version, data, home_group_id=home)))


async def delete_user(request: web.Request) -> web.Response:
    await services_of(request).people.users.remove(ctx_of(request), path_uuid(request))
    return web.Response(status=204)


async def list_tokens(request: web.Request) -> web.Response:
    check_query(request, PEOPLE_QUERY)
    reads, ctx = services_of(request).people.reads, ctx_of(request)
    limit = query_int(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
    offset = query_int(request, "offset", 0, 0, 10**9)
    flt = TokenFilter(request.query.get("q", ""), query_enum(request, "status", ("active", "inactive", "blocked")))
    page = await reads.tokens(ctx, flt, after=_sort_cursor(request, 1), offset=offset, limit=limit)
    return _paged(page, await reads.count_tokens(ctx, flt), offset, limit, token_json)


async def get_token(request: web.Request) -> web.Response:
    return ok(token_json(await services_of(request).people.reads.token(ctx_of(request), path_uuid(request))))


async def create_token(request: web.Request) -> web.Response:
    b = await body_of(request, TOKEN_CREATE)
    user_id, home = b.pop("user_id", None), b.pop("home_group_id", KEEP)
    row = await services_of(request).people.tokens.add(ctx_of(request), token_input(b), user_id, home_group_id=home)
    return ok(token_json(row), 201)


async def update_token(request: web.Request) -> web.Response:
    """Name, status (block / unblock), validity days, parent, the user it belongs to."""
    token_id = path_uuid(request)
    b = await body_of(request, TOKEN_PATCH)
    people, ctx = services_of(request).people, ctx_of(request)
    cur = await people.reads.token(ctx, token_id)
    version, user_id, home = b.pop("version"), b.pop("user_id", KEEP), b.pop("home_group_id", KEEP)
    data = TokenInput(cur.uid, cur.name, cur.status, cur.valid_from_day, cur.valid_to_day, cur.parent_uid)
    data = dataclasses.replace(data, **b)
    row = await people.tokens.update(ctx, token_id, version, data, user_id=user_id, home_group_id=home)
    return ok(token_json(row))


async def delete_token(request: web.Request) -> web.Response:
    await services_of(request).people.tokens.delete(ctx_of(request), path_uuid(request))
    return web.Response(status=204)


# -- authorizations log ----------------------------------------------------------------------------
AUTHORIZATIONS_QUERY = ("limit", "cursor", "station", "result", "since", "until", "q")


async def list_authorizations(request: web.Request) -> web.Response:
    """The decisions at the stations this key's operator sees, newest first."""
    check_query(request, AUTHORIZATIONS_QUERY)
    reads = services_of(request).people.reads
    limit = query_int(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
    station = query_uuid(request, "station")
    if station is not None:
        visible_station(request, station)
    flt = AuthLogFilter(since=query_time(request, "since"), until=query_time(request, "until"),
                        station_id=station, result=request.query.get("result") or None,
                        text=request.query.get("q", ""))
    page = await reads.authorizations(ctx_of(request), flt, before=decode_time_cursor(request), limit=limit)
    out = [{"id": r.id, "at": r.at, "station_id": r.station_id, "station": r.station, "connector_id": r.connector_id,
            "id_tag": r.id_tag, "token_id": r.token_id, "user_id": r.user_id, "user": r.user, "context": r.context,
            "result": r.result, "reason": r.reason} for r in page.items]
    nxt = encode_cursor(*page.next_cursor) if page.next_cursor is not None else None
    return ok({"items": out, "next_cursor": nxt})


# -- API keys and who am I ------------------------------------------------------------------------------
def key_json(k) -> dict:
    return {"id": k.id, "name": k.name, "prefix": k.prefix, "operator_id": k.operator_id, "operator": k.operator,
            "created_at": k.created_at, "last_used_at": k.last_used_at, "revoked_at": k.revoked_at}


KEY_CREATE = {"operator": F("string", required=True, doc="the operator's username"), "name": F("string")}


async def list_keys(request: web.Request) -> web.Response:
    keys = await request.app[KEYS].list(ctx_of(request))
    return ok({"items": [key_json(k) for k in keys]})


async def create_key(request: web.Request) -> web.Response:
    b = await body_of(request, KEY_CREATE)
    info, key = await request.app[KEYS].create(ctx_of(request), b["operator"], b.get("name", ""))
    return ok({**key_json(info), "key": key}, 201)


async def revoke_key(request: web.Request) -> web.Response:
    return ok(key_json(await request.app[KEYS].revoke(ctx_of(request), request.match_info["prefix"])))


async def me(request: web.Request) -> web.Response:
    ctx = ctx_of(request)
    return ok({"operator_id": ctx.operator_id, "username": ctx.username, "role": ctx.role,
               "base_group_id": ctx.base_group_id})


