"""The communication log: every OCPP frame, in and out, kept for a retention period.

The hourly retention work also runs the other hourly purges it is given (the
station service's removal of dropped pending stations' tombstones).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta

from evdesk.core import events as ev
from evdesk.core.clock import utcnow
from evdesk.core.tasks import cancel_and_wait
from evdesk.settings import SiteSettings
from evdesk.store.batch import BatchWriter
from evdesk.store.database import Store
from evdesk.store.repos import logs

log = logging.getLogger(__name__)

MAX_STORED_PAYLOAD = 65536


class CommLogService:
    def __init__(self, store: Store, bus: ev.EventBus, settings: SiteSettings, batch: BatchWriter,
                 hourly: tuple[Callable[[], Awaitable], ...] = ()):
        self.store = store
        self.bus = bus
        self.settings = settings
        self.batch = batch
        self.hourly = hourly  # other retention work, run after the log's own
        self._task: asyncio.Task | None = None

    def frame(self, identity: str, direction: str, text: str, message_type: int | None, unique_id: str, action: str) -> None:
        row = {
            "id": logs.new_id(),
            "station_identity": identity,
            "direction": direction,
            "message_type": message_type,
            "unique_id": (unique_id or "")[:64],
            "action": (action or "")[:64],
            "payload": text if len(text) <= MAX_STORED_PAYLOAD else text[:MAX_STORED_PAYLOAD] + "…(truncated)",
            "at": utcnow(),
        }
        logs.queue_frame(self.batch, row)
        if self.bus.has_listeners(ev.MessageLogged):
            self.bus.publish(ev.MessageLogged(identity, row))

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._loop(), name="evdesk-commlog-retention")

    async def stop(self) -> None:
        await cancel_and_wait(self._task)
        self._task = None

    async def _loop(self) -> None:
        while True:
            for work in (self.apply_retention, *self.hourly):
                try:
                    await work()
                except asyncio.CancelledError:
                    raise
                except Exception:
                    log.exception("hourly retention work failed (%s)", getattr(work, "__name__", work))
            await asyncio.sleep(3600)

    async def apply_retention(self) -> int:
        """Delete frames older than the retention period, then the oldest beyond the row limit."""
        cutoff = utcnow() - timedelta(days=self.settings.message_log_retention_days)
        max_rows = self.settings.message_log_max_rows
        return await self.store.atomic(logs.trim_frames, cutoff, max_rows)
