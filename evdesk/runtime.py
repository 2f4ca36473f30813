"""One running site: the store, the core services, the OCPP server and (for the demo)
the simulated stations. Started and stopped in order on whatever loop is running."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from evdesk.core.services import Services
from evdesk.core.tasks import spawn
from evdesk.csms.server import CentralSystem
from evdesk.paths import database_path
from evdesk.store.database import Store

log = logging.getLogger(__name__)


@dataclass
class RuntimeOptions:
    data_dir: Path
    host: str = "0.0.0.0"
    port: int = 9000
    demo: bool = False


class SiteRuntime:
    def __init__(self, options: RuntimeOptions):
        self.options = options
        self.store: Store | None = None
        self.services: Services | None = None
        self.central: CentralSystem | None = None
        self.demo_fleet = None
        self._demo_task = None

    def open_store(self) -> Store:
        """Open and migrate the database (blocking: start-up only, before the loop serves)."""
        self.store = Store.sqlite(database_path(self.options.data_dir))
        self.store.open()
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
        self.central = CentralSystem(self.services, self.options.host, self.options.port)
        await self.central.start()
        if self.options.demo:
            self._demo_task = spawn(self._start_demo_fleet(), name="demo-fleet")

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
            except Exception:
                log.exception("stopping the demo fleet failed")
        if self.central is not None:
            await self.central.stop()
        if self.services is not None:
            await self.services.stop()
        if self.store is not None:
            self.store.close()
