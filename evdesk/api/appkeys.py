"""The keys under which the API application and each request keep what handlers share."""

from __future__ import annotations

from aiohttp import web

from evdesk.core.permissions import OperatorContext

SERVICES = web.AppKey("services", object)
CENTRAL = web.AppKey("central", object)
KEYS = web.AppKey("keys", object)
REFUSALS = web.AppKey("refusals", object)  # errors.RefusalLog: refused requests in the log
CTX = web.RequestKey("ctx", OperatorContext) if hasattr(web, "RequestKey") else "ctx"  # the key's operator
