"""This seat's shared database (issue 14), for admins of the whole site.

`GET` gives the settings (never the password) and how the sync is going; `PATCH` changes
some of them (checked as the Settings page checks them, 422 naming the field) and, with
`password`, keeps a new password in the OS keychain; `POST …/test` tries settings without
saving them and answers with the sentence the Settings page shows; `GET …/conflicts` lists
the edits that lost to another seat's, with the values that lost.
"""

from __future__ import annotations

import dataclasses

from aiohttp import web

from evdesk.api.http import body_of, ctx_of, ok, services_of
from evdesk.api.schemas import F
from evdesk.core.shared_db_settings import TLS_MODES
from evdesk.core.site_settings import require_site_admin

SHARED_DB_PATCH = {
    "enabled": F("boolean", doc="sync with the shared database"),
    "host": F("string"), "port": F("integer", minimum=1, maximum=65535), "database": F("string"),
    "user": F("string"), "tls": F("string", enum=TLS_MODES), "ca_file": F("string"),
    "seat_name": F("string", doc="this seat's name on the site"),
    "password": F("string", doc="kept in the OS keychain of the computer evdesk runs on; never read back"),
}


def _json(service) -> dict:
    status = service.status
    return {**dataclasses.asdict(service.settings),
            "status": {"state": status.state, "since": status.since, "detail": status.detail}}


def _changed(service, body: dict):
    values = {k: v for k, v in body.items() if k != "password"}
    return dataclasses.replace(service.settings, **values), body.get("password")


async def get_shared_db(request: web.Request) -> web.Response:
    require_site_admin(ctx_of(request))
    return ok(_json(services_of(request).shared_db))


async def update_shared_db(request: web.Request) -> web.Response:
    require_site_admin(ctx_of(request))
    body = await body_of(request, SHARED_DB_PATCH)
    service = services_of(request).shared_db
    settings, password = _changed(service, body)
    await service.save(settings, password, ctx=ctx_of(request))
    return ok(_json(service))


async def test_shared_db(request: web.Request) -> web.Response:
    require_site_admin(ctx_of(request))
    body = await body_of(request, SHARED_DB_PATCH)
    service = services_of(request).shared_db
    settings, password = _changed(service, body)
    return ok({"result": await service.test_connection(settings, password, ctx=ctx_of(request))})


async def list_conflicts(request: web.Request) -> web.Response:
    rows = await services_of(request).shared_db.conflicts(ctx=ctx_of(request))
    return ok({"items": rows})
