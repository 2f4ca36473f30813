"""One running site: the store, the core services, the OCPP server and (for the demo)
the simulated stations. Started and stopped in order on whatever loop is running."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from pathlib import Path

import peewee

from evdesk.core.gc_pacer import GcPacer
from evdesk.core.scheduling.runner import TaskScheduler
from evdesk.core.services import Services
from evdesk.core.tasks import cancel_and_wait, spawn
from evdesk.csms.server import CentralSystem
from evdesk.errors import EvdeskError
from evdesk.paths import database_path
from evdesk.store.database import Store
from evdesk.store.errors import StorageUnavailable, storage_problem
from evdesk.store.migrations import DatabaseTooNew

__all__ = ["DatabaseTooNew", "RuntimeOptions", "SiteCannotOpen", "SiteRuntime"]
log = logging.getLogger(__name__)
GC_TICK_SECONDS = 0.5


class SiteCannotOpen(EvdeskError):
    """The data folder's database cannot be opened or written (read-only, full, not a
    database, locked...): the message says which, in an operator's words."""


@dataclass
class RuntimeOptions:
    data_dir: Path
    host: str = "0.0.0.0"
    port: int = 9000
    demo: bool = False
    # the automation API (evdesk.api): loopback only unless an admin says otherwise
    api_host: str = "127.0.0.1"
    api_port: int = 9080
    api_enabled: bool = True
    # HTTPS for the API when the site has a certificate (PEM files)
    api_certificate: Path | None = None
    api_private_key: Path | None = None
    # garbage collection paced on the loop (core/gc_pacer.py); the window does it on its own timer
    pace_gc: bool = True


class SiteRuntime:
    def __init__(self, options: RuntimeOptions):
        self.options = options
        self.store: Store | None = None
        self.services: Services | None = None
        self.central: CentralSystem | None = None
        self.scheduler: TaskScheduler | None = None
        self.demo_fleet = None
        self.gc_pacer: GcPacer | None = None
        self._gc_task = None
        self._demo_task = None
        self.api = None
        self.api_error = ""

    def open_store(self) -> Store:
        """Open and migrate the database (blocking: start-up only, before the loop serves).

        `DatabaseTooNew` when a newer evdesk wrote it; `SiteCannotOpen` when the file or its
        folder cannot be used (the window and `--headless` show the message, no traceback)."""
        path = database_path(self.options.data_dir)
        store = None
        try:
            store = Store.sqlite(path)
            store.open()
        except DatabaseTooNew:
            _close_quietly(store)
            raise
        except (peewee.DatabaseError, StorageUnavailable, OSError) as exc:
            _close_quietly(store)
            problem = storage_problem(exc)
            reason = problem.reason if problem is not None else (getattr(exc, "strerror", None) or str(exc))
            raise SiteCannotOpen(f"The database {path} cannot be opened: {reason}") from exc
        self.store = store
        return self.store

    async def start(self) -> None:
        if self.store is None:
            self.open_store()
        self.services = Services(self.store)
        await self.services.start()
        if self.options.demo:
            from evdesk.demo import seed_demo

            await seed_demo(self.services)
            # the demo's simulated stations need no wait for a boot storm gate
            self.services.settings.post_boot_quiet_seconds = 2.0
            # beside a real evdesk on the same computer: the demo's file servers on ports of their own
            self.services.settings.file_server_port = self.options.port + 1
            self.services.settings.ftp_port = self.options.port + 21
        self.central = CentralSystem(self.services, self.options.host, self.options.port)
        await self.central.start()
        # scheduled tasks run on the site's loop (window or headless), through the command API
        self.scheduler = TaskScheduler(self.services, self.central.commands)
        await self.scheduler.start()
        if self.options.api_enabled:
            await self._start_api()
        if self.options.demo:
            self._demo_task = spawn(self._start_demo_fleet(), name="demo-fleet")
        if self.options.pace_gc:
            self.gc_pacer = GcPacer()
            self.gc_pacer.start()  # after start-up: what it made lives on and is frozen
            self._gc_task = spawn(self._pace_gc(), name="gc-pacer")

    async def _pace_gc(self) -> None:
        while True:
            await asyncio.sleep(GC_TICK_SECONDS)
            self.gc_pacer.tick()

    async def _start_api(self) -> None:
        """The API is an extra: if its port is taken the site still runs (and says why)."""
        from evdesk.api.server import ApiServer, tls_context
        from evdesk.core.errors import EvdeskError

        try:
            context = tls_context(self.options.api_certificate, self.options.api_private_key) \
                if self.options.api_certificate else None
        except EvdeskError as exc:
            self.api_error = str(exc)
            log.error("automation API not started: %s", self.api_error)
            return
        api = ApiServer(self.services, self.central, self.options.api_host, self.options.api_port, context)
        try:
            await api.start()
        except OSError as exc:
            self.api_error = f"cannot listen on {self.options.api_host}:{self.options.api_port}: {exc.strerror or exc}"
            log.error("automation API not started: %s", self.api_error)
            return
        self.api = api

    async def _start_demo_fleet(self) -> None:
        from evdesk.demo_fleet import start_demo_fleet

        self.demo_fleet = await start_demo_fleet(self.central.url)

    @property
    def address(self) -> str:
        return self.central.address if self.central else ""

    async def stop(self) -> None:
        """Stop in reverse order: simulated stations, server, services, store."""
        if self._demo_task is not None:
            self._demo_task.cancel()
        if self.demo_fleet is not None:
            try:
                await self.demo_fleet.stop()
            except Exception:  # a fault in the simulator: its traceback helps
                log.exception("stopping the demo fleet failed")
        if self.api is not None:
            await self.api.stop()
        if self.scheduler is not None:
            await self.scheduler.stop()
        if self.central is not None:
            await self.central.stop()
        if self.services is not None:
            await self.services.stop()
        if self.store is not None:
            self.store.close()
        if self._gc_task is not None:
            await cancel_and_wait(self._gc_task)
            self._gc_task = None
            self.gc_pacer.stop()


def _close_quietly(store: Store | None) -> None:
    if store is None:
        return
    try:
        store.close()
    except Exception as exc:  # noqa: BLE001 - already failing to open: the first reason is the one to tell
        log.debug("closing the store that did not open failed: %s", exc)
