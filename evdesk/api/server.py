"""The API server: an aiohttp application on the site's running loop (qasync in the GUI,
plain asyncio headless), started and stopped by `SiteRuntime`."""

from __future__ import annotations

import logging
import ssl
from pathlib import Path

from aiohttp import web

from evdesk.api.auth import auth_middleware
from evdesk.api.errors import RefusalLog, error_middleware
from evdesk.api.events import on_shutdown_stop_streams
from evdesk.api.http import CENTRAL, KEYS, REFUSALS, SERVICES, query_guard
from evdesk.api.keys import ApiKeyService
from evdesk.api.openapi import build
from evdesk.api.resources import ROUTES
from evdesk.api.stations import run_command
from evdesk.http_listen import listen
from evdesk.core.errors import EvdeskError

log = logging.getLogger(__name__)

MAX_BODY = 4 * 1024 * 1024


def make_app(services, central, keys: ApiKeyService | None = None) -> web.Application:
    app = web.Application(middlewares=[error_middleware, auth_middleware, query_guard], client_max_size=MAX_BODY)
    app[SERVICES] = services
    app[CENTRAL] = central
    app[KEYS] = keys or services.api_keys  # the site's one service: a revoke anywhere applies at once
    app[REFUSALS] = RefusalLog()
    on_shutdown_stop_streams(app)
    document = build()

    async def openapi(_request):
        return web.json_response(document)

    app.router.add_get("/api/v1/openapi.json", openapi)
    commands_added = False
    for r in ROUTES:
        if r.handler is run_command:
            if not commands_added:
                app.router.add_route("POST", "/api/v1/stations/{id}/commands/{name}", run_command)
                commands_added = True
            continue
        app.router.add_route(r.method, r.path, r.handler)
    return app


def tls_context(certificate: str | Path, private_key: str | Path | None = None) -> ssl.SSLContext:
    """HTTPS with the site's certificate (PEM; the key may sit in the same file).
    A missing or unreadable file is an operator mistake: say which file and why."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    try:
        context.load_cert_chain(str(certificate), str(private_key) if private_key else None)
    except (OSError, ssl.SSLError) as exc:
        raise EvdeskError(f"The API certificate could not be used ({certificate}): {exc}") from exc
    return context


class ApiServer:
    def __init__(self, services, central, host: str = "127.0.0.1", port: int = 9080,
                 ssl_context: ssl.SSLContext | None = None):
        self.services, self.central = services, central
        self.host, self.port = host, port
        self.ssl_context = ssl_context
        self.app = make_app(services, central)
        self._runner: web.AppRunner | None = None

    @property
    def keys(self) -> ApiKeyService:
        return self.app[KEYS]

    @property
    def url(self) -> str:
        host = "127.0.0.1" if self.host in ("0.0.0.0", "") else self.host
        scheme = "https" if self.ssl_context is not None else "http"
        return f"{scheme}://{host}:{self.port}/api/v1"

    async def start(self) -> None:
        runner = web.AppRunner(self.app, access_log=None, handle_signals=False, shutdown_timeout=2.0)
        self.port = await listen(runner, self.host, self.port, ssl_context=self.ssl_context)
        self._runner = runner
        log.info("automation API on %s", self.url)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
