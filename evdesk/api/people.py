"""Charging users and tokens, the authorizations log, API keys, and who the key is."""

from __future__ import annotations

import dataclasses

from aiohttp import web

from evdesk.api.http import (
    DEFAULT_LIMIT,
    KEYS,
    MAX_LIMIT,
    body_of,
    ctx_of,
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
from evdesk.core.people_types import TokenInput, UserInput


# -- charging users and tokens -------------------------------------------------------------------
def token_json(t) -> dict:
    return {"id": t.id, "version": t.version, "uid": t.uid, "name": t.name, "status": t.status,
            "valid_from_day": t.valid_from_day, "valid_to_day": t.valid_to_day, "user_id": t.user_id,
            "user_name": t.user_name, "parent_uid": t.parent_uid}


def user_detail_json(d) -> dict:
    data = dataclasses.asdict(d.data)
    return {"id": d.id, "version": d.version, **data, "tokens": [token_json(t) for t in d.tokens]}


def user_row_json(u) -> dict:
    return {"id": u.id, "version": u.version, "first_name": u.first_name, "last_name": u.last_name, "email": u.email,
            "phone": u.phone, "user_group_id": u.user_group_id, "user_group": u.user_group, "status": u.status,
            "token_uids": list(u.token_uids), "vehicles": list(u.vehicles)}


TOKEN_FIELDS = {
    "uid": F("string", required=True, doc="the RFID uid (at most 20 characters)"), "name": F("string"),
    "status": F("string", enum=("active", "inactive", "blocked")), "valid_from_day": F("date", nullable=True),
    "valid_to_day": F("date", nullable=True), "parent_uid": F("string"),
}
USER_FIELDS = {
    "first_name": F("string"), "last_name": F("string"), "email": F("string"), "phone": F("string"),
    "user_group_id": F("uuid", nullable=True), "status": F("string", enum=("active", "disabled")),
    "disabled_reason": F("string"), "max_concurrent_transactions": F("integer", nullable=True),
    "vehicles": F("strings"), "group_rights": F("uuids"), "station_rights": F("uuids"),
}
USER_CREATE = {**USER_FIELDS, "tokens": F("objects", doc="tokens to add with the user: {uid, name, status, ...}")}
USER_PATCH = {"version": F("integer", required=True), **USER_FIELDS}
TOKEN_CREATE = {**TOKEN_FIELDS, "user_id": F("uuid", nullable=True)}
TOKEN_PATCH = {"version": F("integer", required=True), **{k: dataclasses.replace(f, required=False) for k, f in TOKEN_FIELDS.items() if k != "uid"}}


def token_input(b: dict) -> TokenInput:
    return TokenInput(uid=b["uid"], name=b.get("name", ""), status=b.get("status", "active"),
                      valid_from_day=b.get("valid_from_day"), valid_to_day=b.get("valid_to_day"),
                      parent_uid=b.get("parent_uid", ""))


async def list_users(request: web.Request) -> web.Response:
    check_query(request, ("limit", "offset", "q", "status"))
    people = services_of(request).people
    limit = query_int(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
    offset = query_int(request, "offset", 0, 0, 10**9)
    q, status = request.query.get("q", ""), query_enum(request, "status", ("active", "disabled"))
    rows = await people.users.list(q, status, None, offset, limit)
    total = await people.users.count(q, status, None)
    return ok({"items": [user_row_json(u) for u in rows], "total": total, "offset": offset, "limit": limit})


async def get_user(request: web.Request) -> web.Response:
    return ok(user_detail_json(await services_of(request).people.users.get(path_uuid(request))))


async def create_user(request: web.Request) -> web.Response:
    b = await body_of(request, USER_CREATE)
    tokens = [token_input(validate(t, TOKEN_FIELDS)) for t in b.pop("tokens", [])]
    detail = await services_of(request).people.users.create(ctx_of(request), UserInput(**b), tokens)
    return ok(user_detail_json(detail), 201)


async def update_user(request: web.Request) -> web.Response:
    user_id = path_uuid(request)
    b = await body_of(request, USER_PATCH)
    users = services_of(request).people.users
    current = await users.get(user_id)
    version = b.pop("version")
    data = dataclasses.replace(current.data, **b)
    return ok(user_detail_json(await users.update(ctx_of(request), user_id, version, data)))


async def delete_user(request: web.Request) -> web.Response:
    await services_of(request).people.users.remove(ctx_of(request), path_uuid(request))
    return web.Response(status=204)


async def list_tokens(request: web.Request) -> web.Response:
    check_query(request, ("limit", "offset", "q", "status"))
    people = services_of(request).people
    limit = query_int(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
    offset = query_int(request, "offset", 0, 0, 10**9)
    q, status = request.query.get("q", ""), query_enum(request, "status", ("active", "inactive", "blocked"))
    rows = await people.tokens.list(q, status, offset, limit)
    total = await people.tokens.count(q, status)
    return ok({"items": [token_json(t) for t in rows], "total": total, "offset": offset, "limit": limit})


async def get_token(request: web.Request) -> web.Response:
    return ok(token_json(await services_of(request).people.tokens.get(path_uuid(request))))


async def create_token(request: web.Request) -> web.Response:
    b = await body_of(request, TOKEN_CREATE)
    user_id = b.pop("user_id", None)
    row = await services_of(request).people.tokens.add(ctx_of(request), token_input(b), user_id)
    return ok(token_json(row), 201)


async def update_token(request: web.Request) -> web.Response:
    token_id = path_uuid(request)
    b = await body_of(request, TOKEN_PATCH)
    tokens = services_of(request).people.tokens
    cur = await tokens.get(token_id)
    version = b.pop("version")
    data = TokenInput(cur.uid, cur.name, cur.status, cur.valid_from_day, cur.valid_to_day, cur.parent_uid)
    data = dataclasses.replace(data, **b)
    return ok(token_json(await tokens.update(ctx_of(request), token_id, version, data)))


async def delete_token(request: web.Request) -> web.Response:
    await services_of(request).people.tokens.delete(ctx_of(request), path_uuid(request))
    return web.Response(status=204)


# -- authorizations log ----------------------------------------------------------------------------
async def list_authorizations(request: web.Request) -> web.Response:
    check_query(request, ("limit", "cursor", "station", "result", "since", "until", "q"))
    services = services_of(request)
    limit = query_int(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
    station = query_uuid(request, "station")
    if station is not None:
        visible_station(request, station)
    before = decode_time_cursor(request)
    flt = AuthLogFilter(since=query_time(request, "since"), until=query_time(request, "until"), station_id=station,
                        result=request.query.get("result") or None, text=request.query.get("q", ""))
    ctx = ctx_of(request)
    rows, out = await services.people.auth_log.page(flt, before, limit + 1), []
    for r in rows[:limit]:
        info = services.stations.by_id.get(r.station_id) if r.station_id else None
        if r.station_id and not ctx.sees_station(info.group_id if info else None):
            continue
        out.append({"id": r.id, "at": r.at, "station_id": r.station_id, "station": r.station,
                    "connector_id": r.connector_id, "id_tag": r.id_tag, "token_id": r.token_id, "user_id": r.user_id,
                    "user": r.user, "context": r.context, "result": r.result, "reason": r.reason})
    nxt = encode_cursor(rows[limit - 1].at, rows[limit - 1].id) if len(rows) > limit else None
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


