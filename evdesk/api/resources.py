"""The API's resources: one table of routes (`ROUTES`), which both serves the requests and
writes the OpenAPI document. Every handler acts through the core services with the key's
`OperatorContext`, so the core's permission and domain checks apply unchanged."""

from __future__ import annotations

import base64
import dataclasses
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Callable
from uuid import UUID

import peewee
from aiohttp import web

from evdesk.api.errors import ApiError, bad_parameter, read_json
from evdesk.api.schemas import (
    F,
    check_query,
    query_enum,
    query_int,
    query_time,
    query_uuid,
    validate,
)
from evdesk.core.auth_log import AuthLogFilter
from evdesk.core.errors import NotFound
from evdesk.core.people_types import TokenInput, UserInput
from evdesk.core.permissions import OperatorContext, require_station
from evdesk.store import models as m

SERVICES = web.AppKey("services", object)
CENTRAL = web.AppKey("central", object)
KEYS = web.AppKey("keys", object)
CTX = web.RequestKey("ctx", OperatorContext) if hasattr(web, "RequestKey") else "ctx"
MAX_LIMIT = 1000
DEFAULT_LIMIT = 100
CONNECTION_STATES = ("never_connected", "connected", "disconnected", "silent")
REGISTRATIONS = ("adopted", "pending", "rejected")
SESSION_STATES = ("active", "completed", "closed_inactive", "failed")


# -- JSON -----------------------------------------------------------------------------
def plain(value: Any) -> Any:
    if isinstance(value, (UUID,)):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _default(value):
    return str(value)  # anything else a station may have sent: as text, never a 500


def ok(data: Any, status: int = 200) -> web.Response:
    return web.json_response(plain(data), status=status, dumps=lambda o: json.dumps(o, default=_default))


def encode_cursor(*parts: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(plain(list(parts))).encode()).decode().rstrip("=")


def decode_cursor(request: web.Request) -> list | None:
    raw = request.query.get("cursor")
    if not raw:
        return None
    try:
        parts = json.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
        if not isinstance(parts, list):
            raise ValueError
        return parts
    except ValueError:
        raise bad_parameter("Query parameter 'cursor' is not a cursor this API gave out.", "cursor") from None


def ctx_of(request: web.Request) -> OperatorContext:
    return request[CTX]


def services_of(request: web.Request):
    return request.app[SERVICES]


def path_uuid(request: web.Request, name: str = "id") -> UUID:
    try:
        return UUID(request.match_info[name])
    except ValueError:
        raise ApiError(404, "not_found", f"'{request.match_info[name]}' is not an id (UUID).") from None


async def body_of(request: web.Request, spec: dict[str, F]) -> dict:
    return validate(await read_json(request), spec)


# -- stations -----------------------------------------------------------------------------
def station_json(services, info) -> dict:
    connectors = []
    for cid in sorted(info.connectors):
        c = info.connectors[cid]
        tx = services.transactions.active_on(info.id, cid)
        connectors.append({
            "connector_id": cid, "status": c.status, "error_code": c.error_code, "info": c.info,
            "status_at": c.status_at,
            "session": None if tx is None else {
                "id": tx.id, "transaction_id": tx.ocpp_id, "started_at": tx.started_at, "energy_wh": tx.energy_wh,
                "power_w": tx.power_w,
            },
        })
    return {
        "id": info.id, "identity": info.identity, "name": info.name, "registration": info.registration,
        "version": info.version, "group_id": info.group_id, "access_mode": info.access_mode,
        "connection_state": info.connection_state, "connected": info.connected, "last_seen": info.last_seen,
        "last_boot_at": info.last_boot_at, "vendor": info.vendor, "model": info.model,
        "firmware_version": info.firmware_version, "heartbeat_interval": info.heartbeat_interval,
        "meter_value_interval": info.meter_value_interval, "timezone": info.timezone,
        "strip_id_tag_suffix": info.strip_id_tag_suffix, "skip_schema_validation": info.skip_schema_validation,
        "has_password": bool(info.password_hash), "connectors": connectors,
    }


def visible_station(request: web.Request, station_id: UUID):
    services = services_of(request)
    info = services.stations.get_by_id(station_id)
    require_station(ctx_of(request), info.group_id)
    return info


STATION_QUERY = ("limit", "cursor", "offset", "connection_state", "registration", "q", "group_id")


async def list_stations(request: web.Request) -> web.Response:
    check_query(request, STATION_QUERY)
    ctx, services = ctx_of(request), services_of(request)
    limit = query_int(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
    offset = query_int(request, "offset", 0, 0, 10**9)
    state = query_enum(request, "connection_state", CONNECTION_STATES)
    registration = query_enum(request, "registration", REGISTRATIONS)
    group_id = query_uuid(request, "group_id")
    words = request.query.get("q", "").casefold().split()
    cursor = decode_cursor(request)
    rows = []
    for info in services.stations.all():
        if not ctx.sees_station(info.group_id):
            continue
        if state and info.connection_state != state:
            continue
        if registration and info.registration != registration:
            continue
        if group_id and info.group_id != group_id:
            continue
        if words:
            hay = f"{info.identity} {info.name} {info.vendor} {info.model}".casefold()
            if not all(w in hay for w in words):
                continue
        rows.append(info)
    rows.sort(key=lambda i: i.identity.casefold())
    total = len(rows)
    if cursor is not None:
        after = str(cursor[0]).casefold() if cursor else ""
        rows = [i for i in rows if i.identity.casefold() > after]
    else:
        rows = rows[offset:]
    page = rows[:limit]
    more = len(rows) > limit
    return ok({"items": [station_json(services, i) for i in page], "total": total,
               "next_cursor": encode_cursor(page[-1].identity) if more and page else None})


async def get_station(request: web.Request) -> web.Response:
    info = visible_station(request, path_uuid(request))
    return ok(station_json(services_of(request), info))


STATION_CREATE = {
    "identity": F("string", required=True, doc="OCPP identity: letters, digits, - and _"),
    "name": F("string"), "group_id": F("uuid", nullable=True), "connectors": F("integer"),
    "password": F("string", nullable=True, doc="basic-auth password (security profile 1)"),
}


async def create_station(request: web.Request) -> web.Response:
    b = await body_of(request, STATION_CREATE)
    services = services_of(request)
    info = await services.stations.create_station(
        b["identity"], b.get("name", ""), b.get("group_id"), b.get("connectors", 1), b.get("password"),
        ctx=ctx_of(request))
    return ok(station_json(services, info), 201)


STATION_PATCH = {
    "version": F("integer", required=True, doc="the version you read; 409 stale_edit if it moved on"),
    "name": F("string"), "group_id": F("uuid", nullable=True),
    "access_mode": F("string", enum=("public", "private", "free")),
    "heartbeat_interval": F("integer"), "meter_value_interval": F("integer"),
    "strip_id_tag_suffix": F("boolean"), "skip_schema_validation": F("boolean"), "timezone": F("string"),
    "password": F("string", nullable=True, doc="new basic-auth password; null removes it"),
}


async def update_station(request: web.Request) -> web.Response:
    b = await body_of(request, STATION_PATCH)
    services, ctx = services_of(request), ctx_of(request)
    station_id = path_uuid(request)
    visible_station(request, station_id)
    version = b.pop("version")
    has_password, password = "password" in b, b.pop("password", None)
    if "group_id" in b:
        b["group"] = b.pop("group_id")
    info = await services.stations.update_station(station_id, version, ctx=ctx, **b)
    if has_password:
        info = await services.stations.set_password(station_id, password, ctx=ctx)
    return ok(station_json(services, info))


async def delete_station(request: web.Request) -> web.Response:
    station_id = path_uuid(request)
    visible_station(request, station_id)
    await services_of(request).stations.delete_station(station_id, ctx=ctx_of(request))
    return web.Response(status=204)


STATION_ADOPT = {"name": F("string"), "group_id": F("uuid", nullable=True)}


async def adopt_station(request: web.Request) -> web.Response:
    b = await body_of(request, STATION_ADOPT)
    station_id = path_uuid(request)
    visible_station(request, station_id)
    services = services_of(request)
    info = await services.stations.adopt(station_id, b.get("name"), b.get("group_id"), ctx=ctx_of(request))
    return ok(station_json(services, info))


# -- remote commands ------------------------------------------------------------------------
@dataclass(frozen=True)
class Command:
    method: str  # CommandApi method
    ocpp: str
    params: dict[str, F]
    defaults: dict = field(default_factory=dict)


COMMANDS: dict[str, Command] = {
    "remote-start": Command("remote_start", "RemoteStartTransaction", {
        "connector_id": F("integer", nullable=True, doc="null: the station chooses"),
        "id_tag": F("string", required=True), "charging_profile": F("object", nullable=True)}, {"connector_id": None}),
    "remote-stop": Command("remote_stop", "RemoteStopTransaction", {"transaction_id": F("integer", required=True)}),
    "reset": Command("reset", "Reset", {"kind": F("string", required=True, enum=("Soft", "Hard"))}),
    "unlock": Command("unlock_connector", "UnlockConnector", {"connector_id": F("integer", required=True)}),
    "change-availability": Command("change_availability", "ChangeAvailability", {
        "connector_id": F("integer", required=True, doc="0: the whole station"),
        "available": F("boolean", required=True)}),
    "get-configuration": Command("get_configuration", "GetConfiguration", {"keys": F("strings", nullable=True)}),
    "change-configuration": Command("change_configuration", "ChangeConfiguration", {
        "key": F("string", required=True), "value": F("string", required=True)}),
    "clear-cache": Command("clear_cache", "ClearCache", {}),
    "trigger-message": Command("trigger_message", "TriggerMessage", {
        "message": F("string", required=True), "connector_id": F("integer", nullable=True)}),
    "set-charging-profile": Command("set_charging_profile", "SetChargingProfile", {
        "connector_id": F("integer", required=True), "profile": F("object", required=True, doc="OCPP 1.6 csChargingProfiles")}),
    "clear-charging-profile": Command("clear_charging_profile", "ClearChargingProfile", {
        "profile_id": F("integer", nullable=True), "connector_id": F("integer", nullable=True),
        "purpose": F("string", nullable=True), "stack_level": F("integer", nullable=True)}),
    "get-composite-schedule": Command("get_composite_schedule", "GetCompositeSchedule", {
        "connector_id": F("integer", required=True), "duration": F("integer", required=True),
        "unit": F("string", nullable=True, enum=("A", "W"))}),
    "reserve-now": Command("reserve_now", "ReserveNow", {
        "connector_id": F("integer", required=True), "id_tag": F("string", required=True),
        "expiry": F("datetime", required=True), "parent_id_tag": F("string", nullable=True)}),
    "cancel-reservation": Command("cancel_reservation", "CancelReservation", {"reservation_id": F("integer", required=True)}),
    "send-local-list": Command("send_local_list", "SendLocalList", {
        "version": F("integer", required=True), "update_type": F("string", required=True, enum=("Full", "Differential")),
        "entries": F("objects", required=True, doc="OCPP 1.6 localAuthorizationList entries")}),
    "get-local-list-version": Command("get_local_list_version", "GetLocalListVersion", {}),
    "update-firmware": Command("update_firmware", "UpdateFirmware", {
        "location": F("string", required=True), "retrieve_date": F("datetime", required=True),
        "retries": F("integer", nullable=True), "retry_interval": F("integer", nullable=True)}),
    "get-diagnostics": Command("get_diagnostics", "GetDiagnostics", {
        "location": F("string", required=True), "start_time": F("datetime", nullable=True),
        "stop_time": F("datetime", nullable=True), "retries": F("integer", nullable=True),
        "retry_interval": F("integer", nullable=True)}),
    "data-transfer": Command("data_transfer", "DataTransfer", {
        "vendor_id": F("string", required=True), "message_id": F("string", nullable=True),
        "data": F("string", nullable=True)}),
}
REASON = F("string", required=True, doc="why: recorded in the action log with the key's operator")
# The HTTP status for each command outcome (the body is the same CommandResult every time).
OUTCOME_STATUS = {"accepted": 200, "rejected": 200, "error": 502, "timeout": 504, "offline": 409}


def command_spec(cmd: Command) -> dict[str, F]:
    return {**cmd.params, "reason": REASON}


async def run_command(request: web.Request) -> web.Response:
    name = request.match_info["name"]
    cmd = COMMANDS.get(name)
    if cmd is None:
        raise ApiError(404, "not_found", f"No command '{name}'. Commands: {', '.join(COMMANDS)}.")
    b = await body_of(request, command_spec(cmd))
    station_id = path_uuid(request)
    visible_station(request, station_id)
    reason = b.pop("reason").strip()
    if not reason:
        raise ApiError(422, "validation_error", "Say why (reason): it goes into the action log.", "reason")
    params = {**cmd.defaults, **b}
    central = request.app[CENTRAL]
    if central is None:
        raise ApiError(503, "station_offline", "The OCPP server is not running here.")
    result = await getattr(central.commands, cmd.method)(station_id, **params, ctx=ctx_of(request), reason=reason)
    return ok({"outcome": result.outcome, "message": result.message, "response": result.response,
               "action_id": result.action_id}, OUTCOME_STATUS.get(result.outcome, 200))


# -- sessions -----------------------------------------------------------------------------
def visible_station_ids(request: web.Request) -> list[UUID] | None:
    """None: every station (whole-site admins); else the ids this operator sees."""
    ctx = ctx_of(request)
    if ctx.is_root and ctx.role == "admin":
        return None
    return [i.id for i in services_of(request).stations.all() if ctx.sees_station(i.group_id)]


def session_json(services, t, identity: str) -> dict:
    live = services.transactions.active.get(t.ocpp_id) if t.state == "active" else None
    energy = t.energy_wh if t.energy_wh is not None else (live.energy_wh if live else
                                                          (t.meter_last_wh - t.meter_start_wh if t.meter_last_wh is not None else None))
    return {
        "id": t.id, "transaction_id": t.ocpp_id, "station_id": t.station_id, "station_identity": identity,
        "connector_id": t.connector_id, "id_tag": t.id_tag, "token_id": t.token_id, "user_id": t.user_id,
        "state": t.state, "started_at": t.started_at, "stopped_at": t.stopped_at, "meter_start_wh": t.meter_start_wh,
        "meter_stop_wh": t.meter_stop_wh, "energy_wh": energy, "power_w": live.power_w if live else None,
        "stop_reason": t.stop_reason, "remote_start": t.remote_start, "flags": t.flags,
    }


SESSION_QUERY = ("limit", "cursor", "station", "state", "since", "until")


async def list_sessions(request: web.Request) -> web.Response:
    check_query(request, SESSION_QUERY)
    services = services_of(request)
    limit = query_int(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
    station = query_uuid(request, "station")
    state = query_enum(request, "state", SESSION_STATES)
    since, until = query_time(request, "since"), query_time(request, "until")
    cursor = decode_cursor(request)
    if cursor is not None:
        try:
            cursor = (datetime.fromisoformat(cursor[0]), UUID(cursor[1]))
        except (ValueError, IndexError, TypeError):
            raise bad_parameter("Query parameter 'cursor' is not a cursor this API gave out.", "cursor") from None
    if station is not None:
        visible_station(request, station)
    ids = visible_station_ids(request)

    def read():
        T = m.Transaction
        q = T.alive().select(T, m.Station.identity).join(m.Station, on=(T.station == m.Station.id))
        if station is not None:
            q = q.where(T.station == station)
        elif ids is not None:
            q = q.where(T.station.in_(ids)) if ids else q.where(peewee.SQL("0"))
        if state:
            q = q.where(T.state == state)
        if since is not None:
            q = q.where(T.started_at >= since)
        if until is not None:
            q = q.where(T.started_at < until)
        if cursor is not None:
            at, row_id = cursor
            q = q.where((T.started_at < at) | ((T.started_at == at) & (T.id < row_id)))
        return list(q.order_by(T.started_at.desc(), T.id.desc()).limit(limit + 1))

    rows = await services.store.read(read)
    page = rows[:limit]
    nxt = encode_cursor(page[-1].started_at, page[-1].id) if len(rows) > limit else None
    return ok({"items": [session_json(services, t, t.station.identity) for t in page], "next_cursor": nxt})


async def get_session(request: web.Request) -> web.Response:
    services = services_of(request)
    session_id = path_uuid(request)

    def read():
        T = m.Transaction
        t = T.alive().select(T, m.Station.identity).join(m.Station, on=(T.station == m.Station.id)).where(T.id == session_id).first()
        if t is None:
            return None, []
        values = list(m.MeterValue.select().where(m.MeterValue.transaction == session_id).order_by(m.MeterValue.timestamp))
        return t, values

    t, values = await services.store.read(read)
    if t is None:
        raise NotFound("Charging session not found.")
    info = services.stations.by_id.get(t.station_id)
    require_station(ctx_of(request), info.group_id if info else None)
    body = session_json(services, t, t.station.identity)
    body["meter_values"] = [{"timestamp": v.timestamp, "connector_id": v.connector_id, "context": v.context,
                             "energy_wh": v.energy_wh, "power_w": v.power_w, "current_a": v.current_a,
                             "voltage_v": v.voltage_v, "soc": v.soc} for v in values]
    return ok(body)


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
    b = await body_of(request, USER_PATCH)
    users = services_of(request).people.users
    user_id = path_uuid(request)
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
    b = await body_of(request, TOKEN_PATCH)
    tokens = services_of(request).people.tokens
    token_id = path_uuid(request)
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
    cursor = decode_cursor(request)
    before = None
    if cursor is not None:
        try:
            before = (datetime.fromisoformat(cursor[0]), UUID(cursor[1]))
        except (ValueError, IndexError, TypeError):
            raise bad_parameter("Query parameter 'cursor' is not a cursor this API gave out.", "cursor") from None
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


# -- the table -----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Route:
    method: str
    path: str
    handler: Callable
    summary: str
    tag: str
    body: dict[str, F] | None = None
    query: tuple[str, ...] = ()
    success: int = 200
    public: bool = False


V1 = "/api/v1"
ROUTES: list[Route] = [
    Route("GET", f"{V1}/me", me, "The operator this key acts as", "keys"),
    Route("GET", f"{V1}/stations", list_stations, "Stations with live connector status (paged)", "stations", query=STATION_QUERY),
    Route("POST", f"{V1}/stations", create_station, "Add a station", "stations", STATION_CREATE, success=201),
    Route("GET", f"{V1}/stations/{{id}}", get_station, "One station with live connector status", "stations"),
    Route("PATCH", f"{V1}/stations/{{id}}", update_station, "Edit a station's settings", "stations", STATION_PATCH),
    Route("DELETE", f"{V1}/stations/{{id}}", delete_station, "Delete a station", "stations", success=204),
    Route("POST", f"{V1}/stations/{{id}}/adopt", adopt_station, "Adopt a station waiting for adoption", "stations", STATION_ADOPT),
    *[Route("POST", f"{V1}/stations/{{id}}/commands/{name}", run_command, f"Send {cmd.ocpp}", "commands", command_spec(cmd))
      for name, cmd in COMMANDS.items()],
    Route("GET", f"{V1}/sessions", list_sessions, "Charging sessions, newest first (paged)", "sessions", query=SESSION_QUERY),
    Route("GET", f"{V1}/sessions/{{id}}", get_session, "One charging session with its meter values", "sessions"),
    Route("GET", f"{V1}/users", list_users, "Charging users (paged)", "people", query=("limit", "offset", "q", "status")),
    Route("POST", f"{V1}/users", create_user, "Add a charging user (with tokens)", "people", USER_CREATE, success=201),
    Route("GET", f"{V1}/users/{{id}}", get_user, "One charging user with tokens", "people"),
    Route("PATCH", f"{V1}/users/{{id}}", update_user, "Edit a charging user", "people", USER_PATCH),
    Route("DELETE", f"{V1}/users/{{id}}", delete_user, "Remove a charging user (and their tokens)", "people", success=204),
    Route("GET", f"{V1}/tokens", list_tokens, "Tokens (paged)", "people", query=("limit", "offset", "q", "status")),
    Route("POST", f"{V1}/tokens", create_token, "Add a token", "people", TOKEN_CREATE, success=201),
    Route("GET", f"{V1}/tokens/{{id}}", get_token, "One token", "people"),
    Route("PATCH", f"{V1}/tokens/{{id}}", update_token, "Edit a token (name, status, validity, parent)", "people", TOKEN_PATCH),
    Route("DELETE", f"{V1}/tokens/{{id}}", delete_token, "Delete a token", "people", success=204),
    Route("GET", f"{V1}/authorizations", list_authorizations, "The authorizations log, newest first (paged)", "people",
          query=("limit", "cursor", "station", "result", "since", "until", "q")),
    Route("GET", f"{V1}/api-keys", list_keys, "API keys (admins)", "keys"),
    Route("POST", f"{V1}/api-keys", create_key, "Make an API key (admins); the key is in this answer only", "keys", KEY_CREATE, success=201),
    Route("DELETE", f"{V1}/api-keys/{{prefix}}", revoke_key, "Revoke an API key (admins)", "keys"),
]
