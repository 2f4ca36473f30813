"""Locations, a station's details with its EVSEs and connectors, station templates, the stations
CSV import (issue 16). The path's id is checked first (404 for
one that is not an id), then the body (422 naming the field), then what the id names."""

from __future__ import annotations

from aiohttp import web

from evdesk.api.http import body_of, ctx_of, ok, path_uuid, services_of
from evdesk.api.schemas import F, check_query
from evdesk.api.stations import station_json
from evdesk.core.errors import ValidationError
from evdesk.core.hardware_rules import (
    CURRENT_TYPES, GRID_PHASES, PHASE_ROTATIONS, SOCKET_TYPES, SYSTEM_STATUSES, ConnectorSpec, EvseSpec, power_w,
)
from evdesk.core.locations import LocationInput


# -- locations ------------------------------------------------------------------------------------
def location_json(row) -> dict:
    return {"id": row.id, "name": row.name, "address": row.address, "postcode": row.postcode, "city": row.city,
            "country": row.country, "latitude": row.latitude, "longitude": row.longitude, "timezone": row.timezone,
            "group_id": row.group_id, "stations": row.stations, "version": row.version}


LOCATION_FIELDS = {
    "name": F("string", doc="30-40 characters is best"), "address": F("string"), "postcode": F("string"),
    "city": F("string"), "country": F("string", doc="ISO 3166 two-letter code, e.g. FI"),
    "latitude": F("number", nullable=True, minimum=-90, maximum=90),
    "longitude": F("number", nullable=True, minimum=-180, maximum=180),
    "timezone": F("string", doc="IANA name, e.g. Europe/Helsinki; empty: the site's"),
    "group_id": F("uuid", nullable=True, doc="the charging group whose operators manage it; null: site-wide"),
}
LOCATION_CREATE = {**LOCATION_FIELDS, "name": F("string", required=True)}
LOCATION_PATCH = {"version": F("integer", required=True, doc="the version you read; 409 stale_edit if it moved on"),
                  **LOCATION_FIELDS}


def _location_input(b: dict, base: LocationInput | None = None) -> LocationInput:
    base = base or LocationInput("")
    values = {k: b.get(k, getattr(base, k)) for k in ("name", "address", "postcode", "city", "country", "latitude",
                                                       "longitude", "timezone")}
    return LocationInput(**values, group_id=b["group_id"] if "group_id" in b else base.group_id)


async def list_locations(request: web.Request) -> web.Response:
    check_query(request, ())
    rows = await services_of(request).locations.list(ctx_of(request))
    return ok({"items": [location_json(r) for r in rows]})


async def get_location(request: web.Request) -> web.Response:
    return ok(location_json(await services_of(request).locations.get(ctx_of(request), path_uuid(request))))


async def create_location(request: web.Request) -> web.Response:
    b = await body_of(request, LOCATION_CREATE)
    row = await services_of(request).locations.create(ctx_of(request), _location_input(b))
    return ok(location_json(row), 201)


async def update_location(request: web.Request) -> web.Response:
    location_id = path_uuid(request)
    b = await body_of(request, LOCATION_PATCH)
    services, ctx = services_of(request), ctx_of(request)
    current = await services.locations.get(ctx, location_id)
    row = await services.locations.update(ctx, location_id, b.pop("version"), _location_input(b, current.as_input()))
    return ok(location_json(row))


async def delete_location(request: web.Request) -> web.Response:
    services, ctx, location_id = services_of(request), ctx_of(request), path_uuid(request)
    current = await services.locations.get(ctx, location_id)
    await services.locations.delete(ctx, location_id, current.version)
    return web.Response(status=204)


# -- a station's details, EVSEs and connectors -----------------------------------------------------------
def evse_json(e: EvseSpec) -> dict:
    return {"evse_id": e.evse_id, "current_type": e.current_type,
            "max_power_kw": e.max_power_w / 1000 if e.max_power_w else None, "phases": e.phases, "phase": e.phase,
            "phase_rotation": e.phase_rotation, "evse_code": e.emi3_id,
            "connectors": [{"connector_id": c.connector_id, "socket_type": c.socket_type, "cable": c.cable,
                            "max_power_kw": c.max_power_w / 1000 if c.max_power_w else None} for c in e.connectors]}


def details_json(d) -> dict:
    return {"station_id": d.id, "identity": d.identity, "version": d.version, "location_id": d.location_id,
            "system_status": d.system_status, "integration_date": d.integration_date, "manufacturer": d.vendor,
            "model": d.model, "serial_number": d.serial_number, "firmware_version": d.firmware_version,
            "evses": [evse_json(e) for e in d.evses]}


EVSE_DOC = ("charging points: {evse_id, current_type (AC/DC), max_power_kw, phases (1/3), phase (L1-L3, single-phase), "
            "phase_rotation (" + "/".join(PHASE_ROTATIONS) + ", three-phase), evse_code (EVSE-ID, e.g. FI*ABC*E12345), "
            "connectors: [{connector_id, socket_type (" + "/".join(SOCKET_TYPES) + "), cable, max_power_kw}] "
            "(at most 4)}; replaces the station's")
HARDWARE_PATCH = {
    "version": F("integer", required=True, doc="the station's version you read; 409 stale_edit if it moved on"),
    "location_id": F("uuid", nullable=True), "system_status": F("string", enum=SYSTEM_STATUSES),
    "integration_date": F("date", nullable=True), "evses": F("objects", doc=EVSE_DOC),
}
EVSE_KEYS = {"evse_id", "current_type", "max_power_kw", "phases", "phase", "phase_rotation", "evse_code", "connectors"}
CONNECTOR_KEYS = {"connector_id", "socket_type", "cable", "max_power_kw"}


def _pick(obj: dict, name: str, kind, where: str, default=None, choices=None):
    value = obj.get(name, default)
    if value is None and default is None:  # absent or null: not given
        return None
    ok_type = isinstance(value, kind) and not (kind is not bool and isinstance(value, bool))
    if not ok_type or (choices is not None and value not in choices):
        words = f"one of {', '.join(map(str, choices))}" if choices else {int: "an integer", str: "a string",
                                                                          bool: "true or false"}.get(kind, "a number")
        raise ValidationError(f"Field '{where}{name}' must be {words}.", field=f"{where}{name}")
    return value


def parse_evses(items: list[dict]) -> list[EvseSpec]:
    """The API's charging points as specs; ValidationError naming `evses[i].field`."""
    out = []
    for i, e in enumerate(items):
        at = f"evses[{i}]."
        unknown = sorted(set(e) - EVSE_KEYS)
        if unknown:
            raise ValidationError(f"Unknown field '{at}{unknown[0]}'.", field=at + unknown[0])
        connectors = e.get("connectors", [])
        if not isinstance(connectors, list) or not all(isinstance(c, dict) for c in connectors):
            raise ValidationError(f"Field '{at}connectors' must be a list of objects.", field=at + "connectors")
        specs = []
        for j, c in enumerate(connectors):
            where = f"{at}connectors[{j}]."
            unknown = sorted(set(c) - CONNECTOR_KEYS)
            if unknown:
                raise ValidationError(f"Unknown field '{where}{unknown[0]}'.", field=where + unknown[0])
            specs.append(ConnectorSpec(_pick(c, "connector_id", int, where, 0), _pick(c, "socket_type", str, where,
                                                                                       "Type2", SOCKET_TYPES),
                                       _pick(c, "cable", bool, where, False),
                                       power_w(_pick(c, "max_power_kw", (int, float), where), where + "max_power_kw")))
        out.append(EvseSpec(
            _pick(e, "evse_id", int, at, 0), _pick(e, "current_type", str, at, "AC", CURRENT_TYPES),
            power_w(_pick(e, "max_power_kw", (int, float), at), at + "max_power_kw"),
            _pick(e, "phases", int, at, 3, (1, 3)), _pick(e, "phase", str, at, "", ("",) + GRID_PHASES),
            _pick(e, "phase_rotation", str, at, "", ("",) + PHASE_ROTATIONS), _pick(e, "evse_code", str, at, ""),
            tuple(specs)))
    return out


async def get_hardware(request: web.Request) -> web.Response:
    details = await services_of(request).station_details.details(ctx_of(request), path_uuid(request))
    return ok(details_json(details))


async def update_hardware(request: web.Request) -> web.Response:
    station_id = path_uuid(request)
    b = await body_of(request, HARDWARE_PATCH)
    evses = parse_evses(b["evses"]) if "evses" in b else None
    changes = {}
    if "location_id" in b:
        changes["location"] = b["location_id"]
    for name in ("system_status", "integration_date"):
        if name in b:
            changes[name] = b[name]
    try:
        details = await services_of(request).station_details.save(ctx_of(request), station_id, b["version"],
                                                           evses=evses, **changes)
    except ValidationError as exc:  # the API calls the EVSE-ID evse_code
        if exc.field and exc.field.endswith(".emi3_id"):
            raise ValidationError(str(exc), field=exc.field.removesuffix("emi3_id") + "evse_code") from None
        raise
    return ok(details_json(details))


# -- templates ---------------------------------------------------------------------------------------
def template_json(t) -> dict:
    return {"id": t.id, "name": t.name, "group_id": t.group_id, "manufacturer": t.vendor, "model": t.model,
            "settings": t.settings, "evses": [evse_json(e) for e in t.evses], "summary": t.summary,
            "version": t.version}


TEMPLATE_CREATE = {"station_id": F("uuid", required=True, doc="the station to save as a template"),
                   "name": F("string", required=True)}
TEMPLATE_PATCH = {"version": F("integer", required=True), "name": F("string", required=True)}
FROM_TEMPLATE = {
    "identity": F("string", required=True, doc="OCPP identity of the new (pre-registered) station"),
    "name": F("string"), "group_id": F("uuid", nullable=True), "location_id": F("uuid", nullable=True),
    "system_status": F("string", enum=SYSTEM_STATUSES), "integration_date": F("date", nullable=True),
    "password": F("string", nullable=True, doc="basic-auth password (security profile 1)"),
}


async def list_templates(request: web.Request) -> web.Response:
    check_query(request, ())
    return ok({"items": [template_json(t) for t in await services_of(request).station_details.templates(ctx_of(request))]})


async def get_template(request: web.Request) -> web.Response:
    return ok(template_json(await services_of(request).station_details.template(ctx_of(request), path_uuid(request))))


async def create_template(request: web.Request) -> web.Response:
    b = await body_of(request, TEMPLATE_CREATE)
    t = await services_of(request).station_details.save_as_template(ctx_of(request), b["station_id"], b["name"])
    return ok(template_json(t), 201)


async def rename_template(request: web.Request) -> web.Response:
    template_id = path_uuid(request)
    b = await body_of(request, TEMPLATE_PATCH)
    t = await services_of(request).station_details.rename_template(ctx_of(request), template_id, b["version"],
                                                            b["name"])
    return ok(template_json(t))


async def delete_template(request: web.Request) -> web.Response:
    services, ctx, template_id = services_of(request), ctx_of(request), path_uuid(request)
    current = await services.station_details.template(ctx, template_id)
    await services.station_details.delete_template(ctx, template_id, current.version)
    return web.Response(status=204)


async def station_from_template(request: web.Request) -> web.Response:
    template_id = path_uuid(request)
    b = await body_of(request, FROM_TEMPLATE)
    services = services_of(request)
    info = await services.station_details.create_from_template(
        ctx_of(request), template_id, b["identity"], b.get("name", ""), group_id=b.get("group_id"),
        location_id=b.get("location_id"), system_status=b.get("system_status", "active"),
        integration_date=b.get("integration_date"), password=b.get("password"))
    return ok(station_json(services, info), 201)


# -- the CSV import ----------------------------------------------------------------------------------
STATION_IMPORT = {"csv": F("string", required=True, doc="the file's text; columns in the README (Stations CSV)")}


async def import_stations(request: web.Request) -> web.Response:
    """Each row is checked whole; the answer lists every refused row (200 either way)."""
    b = await body_of(request, STATION_IMPORT)
    result = await services_of(request).station_import.import_text(ctx_of(request), b["csv"])
    return ok({"rows": result.rows, "stations_added": result.stations_added, "refused_rows": result.refused_rows,
               "problems": [{"row": p.row, "field": p.field, "message": p.message} for p in result.problems]})
