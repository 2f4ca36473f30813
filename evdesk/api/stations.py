"""Stations, their remote commands and their charging sessions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

import peewee
from aiohttp import web

from evdesk.api.errors import ApiError, bad_parameter, invalid
from evdesk.api.http import (
    CENTRAL,
    CONNECTION_STATES,
    DEFAULT_LIMIT,
    MAX_LIMIT,
    REGISTRATIONS,
    SESSION_STATES,
    body_of,
    ctx_of,
    decode_cursor,
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
)
from evdesk.core.errors import NotFound
from evdesk.core.permissions import require_station
from evdesk.store import models as m


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


def known_group(services, body: dict) -> None:
    """422 for a `group_id` that names no charging group (instead of a failed write)."""
    group_id = body.get("group_id")
    if group_id is not None and group_id not in services.groups.groups:
        raise invalid(f"Field 'group_id': no charging group has the id {group_id}.", "group_id")


STATION_CREATE = {
    "identity": F("string", required=True, doc="OCPP identity: letters, digits, - and _"),
    "name": F("string"), "group_id": F("uuid", nullable=True), "connectors": F("integer"),
    "password": F("string", nullable=True, doc="basic-auth password (security profile 1)"),
}


async def create_station(request: web.Request) -> web.Response:
    b = await body_of(request, STATION_CREATE)
    services = services_of(request)
    known_group(services, b)
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
    known_group(services, b)
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
    known_group(services, b)
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
