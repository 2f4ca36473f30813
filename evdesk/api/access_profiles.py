"""Access-control profiles: who may charge where and when (`core/access_profiles.py` has the
rules). Every key reads them; whole-site admins change them."""

from __future__ import annotations

from aiohttp import web

from evdesk.api.http import body_of, ctx_of, ok, path_uuid, services_of
from evdesk.api.schemas import F, check_query
from evdesk.core.access_profiles import window_to_dict


def profile_json(services, p) -> dict:
    tariff = services.tariffs.tariffs.get(p.tariff_id) if p.tariff_id is not None else None
    return {"id": p.id, "version": p.version, "name": p.name,
            "windows": [window_to_dict(w) for w in p.windows],
            "user_ids": sorted(str(i) for i in p.user_ids), "user_group_ids": sorted(str(i) for i in p.user_group_ids),
            "token_ids": sorted(str(i) for i in p.token_ids), "group_ids": sorted(str(i) for i in p.group_ids),
            "station_ids": sorted(str(i) for i in p.station_ids), "tariff_id": p.tariff_id,
            "tariff_name": tariff.name if tariff is not None else None, "notes": p.notes,
            "always_open": p.always}


PROFILE_FIELDS = {
    "name": F("string", doc="unique among the profiles"),
    "windows": F("objects", doc="when members may charge, in the station's time zone: "
                                "[{\"days\": [0..6] (0 = Monday), \"start\": \"HH:MM\", \"end\": \"HH:MM\"}]; an end at "
                                "or before the start runs past midnight; 23:59 means the end of the day"),
    "user_ids": F("uuids", doc="member charging users"),
    "user_group_ids": F("uuids", doc="member charging user groups"),
    "token_ids": F("uuids", doc="member tokens"),
    "group_ids": F("uuids", doc="charging groups covered (their subgroups and stations too)"),
    "station_ids": F("uuids", doc="stations covered"),
    "tariff_id": F("uuid", nullable=True, doc="the tariff of the sessions it admits; null: as the tariff groups decide"),
    "notes": F("string"),
}
PROFILE_CREATE = {**PROFILE_FIELDS, "name": F("string", required=True, doc="unique among the profiles"),
                  "windows": F("objects", required=True, doc=PROFILE_FIELDS["windows"].doc)}
PROFILE_PATCH = {"version": F("integer", required=True, doc="the version you read; 409 stale_edit if it moved on"),
                 **PROFILE_FIELDS}
KEYS = ("user_ids", "user_group_ids", "token_ids", "group_ids", "station_ids")


async def list_profiles(request: web.Request) -> web.Response:
    check_query(request, ())
    services = services_of(request)
    items = [profile_json(services, p) for p in services.access_profiles.list()]
    return ok({"items": items, "total": len(items)})


async def get_profile(request: web.Request) -> web.Response:
    services = services_of(request)
    return ok(profile_json(services, services.access_profiles.get(path_uuid(request))))


async def create_profile(request: web.Request) -> web.Response:
    b = await body_of(request, PROFILE_CREATE)
    services = services_of(request)
    p = await services.access_profiles.create(ctx_of(request), b["name"], b["windows"],
                                              **{k: b.get(k) or () for k in KEYS}, tariff_id=b.get("tariff_id"),
                                              notes=b.get("notes", ""))
    return ok(profile_json(services, p), 201)


async def update_profile(request: web.Request) -> web.Response:
    services = services_of(request)
    current = services.access_profiles.get(path_uuid(request))
    b = await body_of(request, PROFILE_PATCH)
    p = await services.access_profiles.update(
        ctx_of(request), current.id, b["version"], b.get("name", current.name),
        b["windows"] if "windows" in b else [window_to_dict(w) for w in current.windows],
        **{k: b[k] if k in b else getattr(current, k) for k in KEYS},
        tariff_id=b["tariff_id"] if "tariff_id" in b else current.tariff_id, notes=b.get("notes", current.notes))
    return ok(profile_json(services, p))


async def delete_profile(request: web.Request) -> web.Response:
    services = services_of(request)
    current = services.access_profiles.get(path_uuid(request))
    await services.access_profiles.delete(ctx_of(request), current.id, current.version)
    return web.Response(status=204)
