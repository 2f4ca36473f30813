"""Firmware and diagnostics of one site, built once in `core/services.py`.

Holds the firmware library, the expected transfers, the roll-outs and the diagnostics
log, and one sweep task (every `SWEEP_SECONDS`) that ends links past their deadline and
reports roll-out stations and diagnostics requests that never finished.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta
from pathlib import Path

from evdesk.core.clock import utcnow
from evdesk.core.firmware.diagnostics import DiagnosticsLog
from evdesk.core.firmware.library import FirmwareLibrary
from evdesk.core.firmware.logs import HardwareLog
from evdesk.core.firmware.rollouts import FirmwareRollouts
from evdesk.core.firmware.transfers import TransferBook
from evdesk.core.tasks import cancel_and_wait, spawn
from evdesk.store.files import data_folder

log = logging.getLogger(__name__)


def data_dir_of(store) -> Path:
    """The data folder: where the database file is."""
    return data_folder(store.db)


class FirmwareAndDiagnostics:
    SWEEP_SECONDS = 5.0

    def __init__(self, store, bus, settings, stations, data_dir: Path | None = None):
        self.settings = settings
        self.data_dir = data_dir or data_dir_of(store)
        self.transfers = TransferBook()
        self.library = FirmwareLibrary(store, bus, settings, self.data_dir / "firmware")
        self.rollouts = FirmwareRollouts(store, bus, stations, self.transfers)
        self.diagnostics = DiagnosticsLog(store, bus, settings, stations, self.transfers, self.data_dir)
        self.hardware = HardwareLog(store, stations)
        self._task: asyncio.Task | None = None

    def download_deadline(self, retrieve_date: datetime) -> datetime:
        return max(retrieve_date, utcnow()) + timedelta(hours=self.settings.firmware_timeout_hours)

    async def start(self) -> None:
        await self.rollouts.load(self.download_deadline)
        await self.diagnostics.load()
        self._task = spawn(self._sweep_loop(), name="firmware and diagnostics sweep")

    async def stop(self) -> None:
        await cancel_and_wait(self._task)
        self._task = None

    async def sweep(self, now: datetime | None = None) -> None:
        """End what is past its deadline (`now` for tests that do not wait half an hour)."""
        now = now or utcnow()
        self.transfers.expire(now)
        await self.rollouts.sweep(now)
        await self.diagnostics.sweep(now)

    async def _sweep_loop(self) -> None:
        while True:
            await asyncio.sleep(self.SWEEP_SECONDS)
            try:
                await self.sweep()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("firmware and diagnostics sweep failed")
