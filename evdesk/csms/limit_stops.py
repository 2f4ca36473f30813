"""Stopping sessions that reached a stop limit: core announces `StopLimitReached` (once per
session, `core/stop_limits.py`); this sends the station RemoteStopTransaction through the
command API, so the action log shows actor "limit" and the reason ("Stop limit: max energy
1 kWh reached").

One stop per session. When the station does not answer in time (or drops the connection)
the stop is sent again, `ATTEMPTS` times at most, `RETRY_SECONDS` apart, as long as the
session still runs; an answer (accepted or rejected) ends the attempts. A station not
connected to this seat is not sent anything (no "offline" rows); when it stays away
through every attempt, core judges the session again at its next reading or tick.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from typing import TYPE_CHECKING
from uuid import UUID

from evdesk.core import events as ev
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.core.tasks import spawn

if TYPE_CHECKING:
    from evdesk.core.services import Services
    from evdesk.csms.commands import CommandApi

log = logging.getLogger(__name__)

LIMIT_CTX = dataclasses.replace(SYSTEM_CONTEXT, display_name="limit")
ATTEMPTS = 3
RETRY_SECONDS = 10.0
RETRY_OUTCOMES = ("timeout", "offline")


class LimitStopper:
    def __init__(self, services: "Services", commands: "CommandApi", *, attempts: int = ATTEMPTS,
                 retry_seconds: float = RETRY_SECONDS):
        self.services = services
        self.commands = commands
        self.attempts = attempts
        self.retry_seconds = retry_seconds
        self._stopping: set[UUID] = set()  # sessions a stop was sent for (until they end)
        self.tasks: set[asyncio.Task] = set()
        bus = services.bus
        self._unsubscribe = [bus.subscribe(ev.StopLimitReached, self._reached),
                             bus.subscribe(ev.TransactionEnded, self._ended)]

    def close(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()
        for task in list(self.tasks):
            task.cancel()

    def _reached(self, event: ev.StopLimitReached) -> None:
        if event.transaction_id in self._stopping:
            return
        self._stopping.add(event.transaction_id)
        task = spawn(self._stop(event), name=f"limit-stop {event.ocpp_id}")
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    def _ended(self, event: ev.TransactionEnded) -> None:
        self._stopping.discard(event.transaction_id)

    def _running(self, event: ev.StopLimitReached) -> bool:
        t = self.services.running.by_ocpp_id.get(event.ocpp_id)
        return t is not None and t.id == event.transaction_id

    async def _stop(self, event: ev.StopLimitReached) -> None:
        sent = 0
        for attempt in range(1, self.attempts + 1):
            if not self._running(event):
                return  # the station stopped it meanwhile
            if self.commands.is_connected(event.station_id):
                sent += 1
                result = await self.commands.remote_stop(event.station_id, event.ocpp_id, ctx=LIMIT_CTX,
                                                         reason=event.reason)
                if result.outcome not in RETRY_OUTCOMES:
                    return
            if attempt < self.attempts:
                await asyncio.sleep(self.retry_seconds)
        self._stopping.discard(event.transaction_id)
        if not sent:
            # not connected here (another seat's station, or offline): judged again at its next reading or tick
            self.services.stop_limits.retry_later(event.transaction_id)
            return
        log.warning("session %d reached its stop limit (%s) but the station did not answer %d stop(s)",
                    event.ocpp_id, event.reason, sent)
