"""The communication log: every OCPP frame, in and out, kept for a retention period."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from evdesk.core import events as ev
from evdesk.core.clock import utcnow
from evdesk.core.tasks import cancel_and_wait
from evdesk.settings import SiteSettings
from evdesk.store import models as m
from evdesk.store.batch import BatchWriter
from evdesk.store.database import Store

log = logging.getLogger(__name__)

MAX_STORED_PAYLOAD = 65536


class CommLogService:
    def __init__(self, store: Store, bus: ev.EventBus, settings: SiteSettings, batch: BatchWriter):
        self.store = store
        self.bus = bus
        self.settings = settings
        self.batch = batch
        self._task: asyncio.Task | None = None

    def frame(self, identity: str, direction: str, text: str, message_type: int | None, unique_id: str, action: str) -> None:
        row = {
            "id": m.base.uuid7(),
            "station_identity": identity,
            "direction": direction,
            "message_type": message_type,
            "unique_id": (unique_id or "")[:64],
            "action": (action or "")[:64],
            "payload": text if len(text) <= MAX_STORED_PAYLOAD else text[:MAX_STORED_PAYLOAD] + "…(truncated)",
            "at": utcnow(),
        }
        self.batch.add(m.MessageLog, row)
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
            try:
                await self.apply_retention()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("communication log retention failed")
            await asyncio.sleep(3600)

    async def apply_retention(self) -> int:
        """Delete frames older than the retention period, then the oldest beyond the row limit."""
        cutoff = utcnow() - timedelta(days=self.settings.message_log_retention_days)
        max_rows = self.settings.message_log_max_rows

        def work():
            removed = m.MessageLog.delete().where(m.MessageLog.at < cutoff).execute()
            total = m.MessageLog.select().count()
            if total > max_rows:
                edge = m.MessageLog.select(m.MessageLog.at).order_by(m.MessageLog.at.desc()).offset(max_rows).limit(1).scalar()
                if edge is not None:
                    removed += m.MessageLog.delete().where(m.MessageLog.at <= edge).execute()
            return removed

        return await self.store.run(work)
