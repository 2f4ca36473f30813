"""`Authorization: Bearer <key>` → the key's operator as an `OperatorContext` (via="api")."""

from __future__ import annotations

from aiohttp import web

from evdesk.api.appkeys import CTX, KEYS
from evdesk.api.errors import refused
from evdesk.api.keys import Unauthorized

PUBLIC_PATHS = frozenset({"/api/v1/openapi.json"})


@web.middleware
async def auth_middleware(request: web.Request, handler):
    if request.path in PUBLIC_PATHS:
        return await handler(request)
    header = request.headers.get("Authorization", "")
    scheme, _, key = header.partition(" ")
    if scheme.lower() != "bearer" or not key.strip():
        resp = refused(request, 401, "unauthorized", "Send 'Authorization: Bearer <key>' with a key an admin made.")
        resp.headers["WWW-Authenticate"] = 'Bearer realm="evdesk"'
        return resp
    try:
        request[CTX] = await request.app[KEYS].authenticate(key.strip())
    except Unauthorized as exc:
        resp = refused(request, 401, "unauthorized", str(exc))
        resp.headers["WWW-Authenticate"] = 'Bearer realm="evdesk", error="invalid_token"'
        return resp
    return await handler(request)
