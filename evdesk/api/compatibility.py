"""A station's compatibility profile over the API: read it, change its switches (and share them
with every station of the model). The rules are the core's (`core/compatibility.py`): the right
to edit stations in your domain; sharing only for administrators of the whole site."""

from __future__ import annotations

from aiohttp import web

from evdesk.api.http import body_of, ctx_of, ok, path_uuid, services_of
from evdesk.api.schemas import F
from evdesk.core.compat_rules import Switches


def compatibility_json(view) -> dict:
    return {
        "station_id": view.station_id, "vendor": view.vendor, "model": view.model, "version": view.version,
        "state": view.state, "source": view.source, "switches": view.switches.as_dict(),
        "operator_set": list(view.operator_set), "observations": view.observations,
        "first_boot_at": view.first_boot_at, "probed_at": view.probed_at,
        "model_profile": None if view.model_shared_by is None else {
            "shared_by": view.model_shared_by, "updated_at": view.model_updated_at},
    }


COMPATIBILITY_PATCH = {
    "version": F("integer", required=True, doc="the version you read (0: no profile stored yet); 409 if it moved on"),
    "strip_id_tag_suffix": F("boolean"), "skip_schema_validation": F("boolean"),
    "naive_times_local": F("boolean", doc="timestamps without zone are the station's local time"),
    "unitless_energy_kwh": F("boolean", doc="energy registers without unit are kWh"),
    "configure_meter_interval": F("boolean", doc="evdesk sets MeterValueSampleInterval after each boot"),
    "smart_charging": F("boolean"),
    "max_stack_level": F("integer", nullable=True, minimum=0, maximum=100, doc="null: not known"),
    "rate_units": F("string", enum=("A", "W", "A,W")),
    "share": F("boolean", doc="also make it the profile every station of this model starts with"),
}


async def get_compatibility(request: web.Request) -> web.Response:
    return ok(compatibility_json(services_of(request).compat.profile(ctx_of(request), path_uuid(request))))


async def update_compatibility(request: web.Request) -> web.Response:
    station_id = path_uuid(request)
    b = await body_of(request, COMPATIBILITY_PATCH)
    services, ctx = services_of(request), ctx_of(request)
    current = services.compat.profile(ctx, station_id)  # the domain first: 403 before anything else
    switches = {name: b.get(name, value) for name, value in current.switches.as_dict().items()
                if name in Switches.__dataclass_fields__}
    view = await services.compat.save(ctx, station_id, switches, expected_version=b["version"],
                                      share=bool(b.get("share", False)))
    return ok(compatibility_json(view))
