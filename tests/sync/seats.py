"""Seats of one site in one test process: each its own SQLite store, services and OCPP server,
all syncing with one real PostgreSQL (tests/pg.py)."""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.core.services import Services
from evdesk.core.shared_db_settings import LOCAL_STATE_KEY
from evdesk.csms.server import CentralSystem
from evdesk.settings import SiteSettings
from evdesk.store import models as m
from evdesk.store.database import Store
from evdesk.store.sync.local import save_settings_text

# the tables whose copies must agree on every seat (counts and a checksum each)
COMPARED = ("charging_group", "station", "token", "transaction", "meter_value", "status_event",
            "authorization_attempt")


@dataclass
class Seat:
    name: str
    path: Path
    store: Store
    services: Services
    central: CentralSystem

    @property
    def engine(self):
        return self.services.shared_db.engine

    async def stop(self) -> None:
        await self.central.stop()
        await self.services.stop()
        self.store.close()


def configure(path: Path, settings) -> None:
    """Write the shared-database settings into a seat's store before it starts."""
    store = Store.sqlite(path)
    store.open()
    store.call_sync(save_settings_text, LOCAL_STATE_KEY, settings.to_json())
    store.close()


async def start_seat(folder: Path, name: str, cluster, database: str, *, configured: bool = True) -> Seat:
    path = folder / f"{name}.db"
    if configured:
        configure(path, cluster.settings(database, name))
    store = Store.sqlite(path)
    store.open()
    services = Services(store, SiteSettings(post_boot_quiet_seconds=0.0, boot_accept_rate=10_000))
    await services.start(load_settings=False)
    central = CentralSystem(services, "127.0.0.1", 0)
    await central.start()
    return Seat(name, path, store, services, central)


def table_digest(path: Path, table: str) -> tuple[int, str]:
    """(rows, checksum of every row's id and version) of one table in a seat's file, read with its own
    connection (the way another program would see it)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    try:
        has_version = any(col[1] == "version" for col in conn.execute(f'PRAGMA table_info("{table}")'))
        cols = "id, version" if has_version else "id"
        rows = conn.execute(f'SELECT {cols} FROM "{table}" ORDER BY id').fetchall()
    finally:
        conn.close()
    digest = hashlib.sha256(repr(rows).encode()).hexdigest()[:16]
    return len(rows), digest


def digests(path: Path) -> dict[str, tuple[int, str]]:
    return {table: table_digest(path, table) for table in COMPARED}


async def create_station(seat: Seat, identity: str, connectors: int = 1):
    return await seat.services.stations.create_station(identity, connectors=connectors, ctx=SYSTEM_CONTEXT)


def live(model, **where):
    def read():
        query = model.alive()
        for name, value in where.items():
            query = query.where(getattr(model, name) == value)
        return query.first()
    return read


__all__ = ["Seat", "start_seat", "digests", "table_digest", "create_station", "live", "configure", "m"]
