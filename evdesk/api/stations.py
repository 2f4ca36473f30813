"""Stations, their remote commands and their charging sessions."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from uuid import UUID

from aiohttp import web

from evdesk.api.errors import ApiError, bad_parameter, invalid
from evdesk.api.http import (
    CENTRAL,
    CONNECTION_STATES,
    CURSOR_REFUSED,
    DEFAULT_LIMIT,
    MAX_LIMIT,
    REGISTRATIONS,
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
    query_uuid,
)
from evdesk.core.permissions import OperatorContext, require_station

if TYPE_CHECKING:  # the command API lives in csms; the API only calls it
    from evdesk.csms.commands import CommandApi, CommandResult


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
        "firmware_version": info.firmware_version, "ocpp_version": info.ocpp_version,
        "heartbeat_interval": info.heartbeat_interval, "security_profile": info.security_profile,
        "meter_value_interval": info.meter_value_interval, "timezone": info.timezone,
        "strip_id_tag_suffix": info.strip_id_tag_suffix, "skip_schema_validation": info.skip_schema_validation,
        "has_password": bool(info.password_hash), "connectors": connectors,
        "system_status": info.system_status, "location_id": info.location_id,
    }


def visible_station(request: web.Request, station_id: UUID):
    services = services_of(request)
    info = services.stations.get_by_id(station_id)
    require_station(ctx_of(request), info.group_id)
    return info


STATION_QUERY = ("limit", "cursor", "offset", "connection_state", "registration", "q", "group_id", "identity")


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
    if cursor and not isinstance(cursor[0], str):
        raise bad_parameter(CURSOR_REFUSED, "cursor")
    if "identity" in request.query:  # exact, as the station sends it: at most one
        one = services.stations.get(request.query["identity"])
        candidates = [one] if one is not None else []
    else:
        candidates = services.stations.all()
    rows = []
    for info in candidates:
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
        after = cursor[0].casefold() if cursor else ""
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
    "security_profile": F("integer", minimum=1, maximum=3, doc="1 basic auth, 2 TLS (wss:// only), 3 TLS with a "
                                                               "client certificate naming the station"),
}


async def update_station(request: web.Request) -> web.Response:
    station_id = path_uuid(request)
    b = await body_of(request, STATION_PATCH)
    services, ctx = services_of(request), ctx_of(request)
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
    station_id = path_uuid(request)
    b = await body_of(request, STATION_ADOPT)
    visible_station(request, station_id)
    services = services_of(request)
    known_group(services, b)
    info = await services.stations.adopt(station_id, b.get("name"), b.get("group_id"), ctx=ctx_of(request))
    return ok(station_json(services, info))


# -- remote commands ------------------------------------------------------------------------
# Each command calls its typed `CommandApi` method: (commands, station id, ctx, reason, checked params).
Send = Callable[["CommandApi", UUID, OperatorContext, str, dict], Awaitable["CommandResult"]]


@dataclass(frozen=True)
class Command:
    ocpp: str
    params: dict[str, F]
    send: Send


OCPP_INT_MIN, OCPP_INT_MAX = -(2**31), 2**31 - 1


def i32(required: bool = False, nullable: bool = False, doc: str = "") -> F:
    """An OCPP integer: 32 bits, as the 1.6 JSON schemas mean it."""
    return F("integer", required=required, nullable=nullable, doc=doc, minimum=OCPP_INT_MIN, maximum=OCPP_INT_MAX)


COMMANDS: dict[str, Command] = {
    "remote-start": Command("RemoteStartTransaction", {
        "connector_id": i32(nullable=True, doc="null: the station chooses"),
        "id_tag": F("string", required=True), "charging_profile": F("object", nullable=True),
        "tariff_id": F("uuid", nullable=True, doc="the tariff this session gets; null/absent: as the tariff groups "
                                                  "decide"),
        "free": F("boolean", doc="true: the session is Free (not with tariff_id)"),
        "max_minutes": F("integer", nullable=True, minimum=1, maximum=10080,
                         doc="stop limit: minutes (replaces the tariff's)"),
        "max_kwh": F("string", nullable=True, doc="stop limit: kWh as a decimal string, e.g. \"12.5\""),
        "max_cost": F("string", nullable=True, doc="stop limit: cost in the site currency, e.g. \"9.50\"")},
        lambda c, sid, ctx, reason, p: c.remote_start(sid, p.get("connector_id"), p["id_tag"], ctx=ctx, reason=reason,
                                                      charging_profile=p.get("charging_profile"),
                                                      tariff_id=p.get("tariff_id"), free=p.get("free", False),
                                                      max_minutes=p.get("max_minutes"), max_kwh=p.get("max_kwh"),
                                                      max_cost=p.get("max_cost"))),
    "remote-stop": Command("RemoteStopTransaction", {"transaction_id": i32(required=True)},
                           lambda c, sid, ctx, reason, p: c.remote_stop(sid, p["transaction_id"], ctx=ctx, reason=reason)),
    "reset": Command("Reset", {"kind": F("string", required=True, enum=("Soft", "Hard"))},
                     lambda c, sid, ctx, reason, p: c.reset(sid, p["kind"], ctx=ctx, reason=reason)),
    "unlock": Command("UnlockConnector", {"connector_id": i32(required=True)},
                      lambda c, sid, ctx, reason, p: c.unlock_connector(sid, p["connector_id"], ctx=ctx, reason=reason)),
    "change-availability": Command("ChangeAvailability", {
        "connector_id": i32(required=True, doc="0: the whole station"), "available": F("boolean", required=True)},
        lambda c, sid, ctx, reason, p: c.change_availability(sid, p["connector_id"], p["available"], ctx=ctx,
                                                             reason=reason)),
    "get-configuration": Command("GetConfiguration", {"keys": F("strings", nullable=True)},
                                 lambda c, sid, ctx, reason, p: c.get_configuration(sid, p.get("keys"), ctx=ctx,
                                                                                    reason=reason)),
    "change-configuration": Command("ChangeConfiguration", {
        "key": F("string", required=True), "value": F("string", required=True)},
        lambda c, sid, ctx, reason, p: c.change_configuration(sid, p["key"], p["value"], ctx=ctx, reason=reason)),
    "clear-cache": Command("ClearCache", {}, lambda c, sid, ctx, reason, p: c.clear_cache(sid, ctx=ctx, reason=reason)),
    "rotate-password": Command("ChangeConfiguration", {}, lambda c, sid, ctx, reason, p: c.rotate_password(sid, ctx=ctx, reason=reason)),
    "request-certificate": Command("ExtendedTriggerMessage", {}, lambda c, sid, ctx, reason, p:
                                   c.request_station_certificate(sid, ctx=ctx, reason=reason)),
    "trigger-message": Command("TriggerMessage", {
        "message": F("string", required=True), "connector_id": i32(nullable=True)},
        lambda c, sid, ctx, reason, p: c.trigger_message(sid, p["message"], p.get("connector_id"), ctx=ctx,
                                                         reason=reason)),
    "set-charging-profile": Command("SetChargingProfile", {
        "connector_id": i32(required=True), "profile": F("object", required=True, doc="OCPP 1.6 csChargingProfiles")},
        lambda c, sid, ctx, reason, p: c.set_charging_profile(sid, p["connector_id"], p["profile"], ctx=ctx,
                                                              reason=reason)),
    "clear-charging-profile": Command("ClearChargingProfile", {
        "profile_id": i32(nullable=True), "connector_id": i32(nullable=True),
        "purpose": F("string", nullable=True), "stack_level": i32(nullable=True)},
        lambda c, sid, ctx, reason, p: c.clear_charging_profile(
            sid, p.get("profile_id"), p.get("connector_id"), p.get("purpose"), p.get("stack_level"), ctx=ctx,
            reason=reason)),
    "get-composite-schedule": Command("GetCompositeSchedule", {
        "connector_id": i32(required=True), "duration": i32(required=True),
        "unit": F("string", nullable=True, enum=("A", "W"))},
        lambda c, sid, ctx, reason, p: c.get_composite_schedule(sid, p["connector_id"], p["duration"], p.get("unit"),
                                                                ctx=ctx, reason=reason)),
    "reserve-now": Command("ReserveNow", {
        "connector_id": i32(required=True), "id_tag": F("string", required=True),
        "expiry": F("datetime", required=True), "parent_id_tag": F("string", nullable=True)},
        lambda c, sid, ctx, reason, p: c.reserve_now(sid, p["connector_id"], p["id_tag"], p["expiry"],
                                                     p.get("parent_id_tag"), ctx=ctx, reason=reason)),
    "cancel-reservation": Command("CancelReservation", {"reservation_id": i32(required=True)},
                                  lambda c, sid, ctx, reason, p: c.cancel_reservation(sid, p["reservation_id"], ctx=ctx,
                                                                                      reason=reason)),
    "send-local-list": Command("SendLocalList", {
        "version": i32(required=True), "update_type": F("string", required=True, enum=("Full", "Differential")),
        "entries": F("objects", required=True, doc="OCPP 1.6 localAuthorizationList entries")},
        lambda c, sid, ctx, reason, p: c.send_local_list(sid, p["version"], p["update_type"], p["entries"], ctx=ctx,
                                                         reason=reason)),
    "get-local-list-version": Command("GetLocalListVersion", {},
                                      lambda c, sid, ctx, reason, p: c.get_local_list_version(sid, ctx=ctx,
                                                                                              reason=reason)),
    "update-firmware": Command("UpdateFirmware", {
        "location": F("string", required=True), "retrieve_date": F("datetime", required=True),
        "retries": i32(nullable=True), "retry_interval": i32(nullable=True)},
        lambda c, sid, ctx, reason, p: c.update_firmware(sid, p["location"], p["retrieve_date"], p.get("retries"),
                                                         p.get("retry_interval"), ctx=ctx, reason=reason)),
    "get-diagnostics": Command("GetDiagnostics", {
        "location": F("string", required=True), "start_time": F("datetime", nullable=True),
        "stop_time": F("datetime", nullable=True), "retries": i32(nullable=True), "retry_interval": i32(nullable=True)},
        lambda c, sid, ctx, reason, p: c.get_diagnostics(sid, p["location"], p.get("start_time"), p.get("stop_time"),
                                                         p.get("retries"), p.get("retry_interval"), ctx=ctx,
                                                         reason=reason)),
    # the 1.6 security extension (version-neutral where 2.0.1 has the same; csms/security_commands.py)
    "install-certificate": Command("InstallCertificate", {}, lambda c, sid, ctx, reason, p:
                                   c.install_certificate(sid, ctx=ctx, reason=reason)),
    "get-installed-certificate-ids": Command("GetInstalledCertificateIds", {
        "certificate_type": F("string", nullable=True, doc="CentralSystemRootCertificate (default) or another kind")},
        lambda c, sid, ctx, reason, p: c.get_installed_certificate_ids(
            sid, p.get("certificate_type") or "CentralSystemRootCertificate", ctx=ctx, reason=reason)),
    "delete-certificate": Command("DeleteCertificate", {
        "hash_data": F("object", required=True, doc="as GetInstalledCertificateIds reported it")},
        lambda c, sid, ctx, reason, p: c.delete_certificate(sid, p["hash_data"], ctx=ctx, reason=reason)),
    "get-log": Command("GetLog", {
        "location": F("string", required=True), "log_type": F("string", nullable=True, doc="DiagnosticsLog or SecurityLog"),
        "start_time": F("datetime", nullable=True), "stop_time": F("datetime", nullable=True)},
        lambda c, sid, ctx, reason, p: c.get_log(sid, p["location"], p.get("log_type") or "DiagnosticsLog",
                                                 p.get("start_time"), p.get("stop_time"), ctx=ctx, reason=reason)),
    "signed-update-firmware": Command("SignedUpdateFirmware", {
        "location": F("string", required=True), "retrieve_date": F("datetime", required=True),
        "signing_certificate": F("string", required=True, doc="PEM"), "signature": F("string", required=True)},
        lambda c, sid, ctx, reason, p: c.signed_update_firmware(sid, p["location"], p["retrieve_date"],
                                                                p["signing_certificate"], p["signature"], ctx=ctx,
                                                                reason=reason)),
    "data-transfer": Command("DataTransfer", {
        "vendor_id": F("string", required=True), "message_id": F("string", nullable=True),
        "data": F("string", nullable=True)},
        lambda c, sid, ctx, reason, p: c.data_transfer(sid, p["vendor_id"], p.get("message_id"), p.get("data"), ctx=ctx,
                                                       reason=reason)),
    # OCPP 2.0.1 stations (the commands above serve both versions)
    "get-base-report": Command("GetBaseReport", {
        "report_base": F("string", required=True, enum=("ConfigurationInventory", "FullInventory", "SummaryInventory"))},
        lambda c, sid, ctx, reason, p: c.get_base_report(sid, p["report_base"], ctx=ctx, reason=reason)),
    "get-charging-profiles": Command("GetChargingProfiles", {
        "connector_id": i32(nullable=True), "purpose": F("string", nullable=True)},
        lambda c, sid, ctx, reason, p: c.get_charging_profiles(sid, p.get("connector_id"), p.get("purpose"), ctx=ctx,
                                                               reason=reason)),
    "set-variable-monitoring": Command("SetVariableMonitoring", {
        "key": F("string", required=True, doc="the variable, e.g. EVSE@1/Power"),
        "kind": F("string", required=True, enum=("UpperThreshold", "LowerThreshold", "Delta", "Periodic",
                                                 "PeriodicClockAligned")),
        "value": F("string", required=True, doc="threshold, delta or seconds, as a decimal string"),
        "severity": F("integer", minimum=0, maximum=9, doc="0 (danger) .. 9 (debug); default 5")},
        lambda c, sid, ctx, reason, p: c.set_variable_monitoring(sid, p["key"], p["kind"], p["value"],
                                                                 p.get("severity", 5), ctx=ctx, reason=reason)),
    "get-transaction-status": Command("GetTransactionStatus", {"transaction_id": i32(nullable=True)},
                                      lambda c, sid, ctx, reason, p: c.get_transaction_status(
                                          sid, p.get("transaction_id"), ctx=ctx, reason=reason)),
    # admins: any action of the station's OCPP version, the payload as OCPP writes it (checked by its schema)
    "raw-call": Command("(any)", {
        "action": F("string", required=True, doc="an action of the station's OCPP version, e.g. GetVariables"),
        "payload": F("object", required=True, doc="the request payload in OCPP's camelCase")},
        lambda c, sid, ctx, reason, p: c.raw_call(sid, p["action"], p["payload"], ctx=ctx, reason=reason)),
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
    station_id = path_uuid(request)
    b = await body_of(request, command_spec(cmd))
    visible_station(request, station_id)
    reason = b.pop("reason").strip()
    if not reason:
        raise ApiError(422, "validation_error", "Say why (reason): it goes into the action log.", "reason")
    central = request.app[CENTRAL]
    if central is None:
        raise ApiError(503, "station_offline", "The OCPP server is not running here.")
    result = await cmd.send(central.commands, station_id, ctx_of(request), reason, b)
    return ok({"outcome": result.outcome, "message": result.message, "response": result.response,
               "action_id": result.action_id}, OUTCOME_STATUS.get(result.outcome, 200))
