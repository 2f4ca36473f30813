"""The site settings (admins): read them, change some of them with the `version` read.

Admins read them; only admins of the whole site (no base group) change them (the core's
`Services.save_settings` checks that too). `GET` first makes the stored settings the ones in force (another seat or `evdesk settings
set` may have saved), as Reload on the Settings page does, so the `version` it gives is the
one a `PATCH` must name. The whole set is checked by `SiteSettings.validate()` on saving (the
Settings page's messages, as 422 naming the field); a stale `version` is 409 stale_edit.
The SMTP password lives in the OS keychain and is not part of this resource.
"""

from __future__ import annotations

import dataclasses

from aiohttp import web

from evdesk.api.http import body_of, ctx_of, ok, services_of
from evdesk.api.schemas import F
from evdesk.core.errors import StaleEdit
from evdesk.core.permissions import Permission, require
from evdesk.core.site_settings import require_site_admin
from evdesk.settings import SiteSettings

_TYPES = {bool: "boolean", int: "integer", float: "number", str: "string"}
OCPP_INT_MAX = 2**31 - 1  # intervals go to stations as OCPP integers
SETTING_FIELDS: dict[str, F] = {
    f.name: F(_TYPES[type(getattr(SiteSettings(), f.name))], minimum=-OCPP_INT_MAX - 1, maximum=OCPP_INT_MAX)
    for f in dataclasses.fields(SiteSettings)
}
SETTINGS_PATCH = {"version": F("integer", required=True, doc="the version you read; 409 stale_edit if it moved on"),
                  **SETTING_FIELDS}


def settings_json(services) -> dict:
    return {"version": services.settings_version, **services.settings.as_dict()}


async def get_settings(request: web.Request) -> web.Response:
    require(ctx_of(request), Permission.SITE_SETTINGS)
    services = services_of(request)
    await services.reload_settings()
    return ok(settings_json(services))


async def update_settings(request: web.Request) -> web.Response:
    require_site_admin(ctx_of(request))  # before the body: a group admin gets 403 whatever they send
    b = await body_of(request, SETTINGS_PATCH)
    services = services_of(request)
    if b.pop("version") != services.settings_version:
        raise StaleEdit()
    changed = dataclasses.replace(SiteSettings.from_dict(services.settings.as_dict()),
                                  **{k: float(v) if SETTING_FIELDS[k].type == "number" else v for k, v in b.items()})
    await services.save_settings(changed, ctx=ctx_of(request))
    return ok(settings_json(services))
