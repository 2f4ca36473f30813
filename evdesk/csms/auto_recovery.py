"""Auto-recovery's commands: core's notification watch announces `AutoRecoveryDue` (when, and
never in a loop, is decided there: `core/notifications/watch.py`); this sends the station Reset
Soft or Hard through the command API, so the action log shows actor "auto-recovery" and the
reason, and hands the answer back to the watch for the outcome mail."""

from __future__ import annotations

import asyncio
import dataclasses
from typing import TYPE_CHECKING

from evdesk.core import events as ev
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.core.tasks import spawn

if TYPE_CHECKING:
    from evdesk.core.services import Services
    from evdesk.csms.commands import CommandApi

AUTO_RECOVERY_CTX = dataclasses.replace(SYSTEM_CONTEXT, display_name="auto-recovery")


class AutoRecovery:
    def __init__(self, services: "Services", commands: "CommandApi"):
        self.services = services
        self.commands = commands
        self.tasks: set[asyncio.Task] = set()
        self._unsubscribe = services.bus.subscribe(ev.AutoRecoveryDue, self._due)

    def close(self) -> None:
        self._unsubscribe()
        for task in list(self.tasks):
            task.cancel()

    def _due(self, event: ev.AutoRecoveryDue) -> None:
        task = spawn(self._reset(event), name=f"auto-recovery {event.identity}")
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _reset(self, event: ev.AutoRecoveryDue) -> None:
        result = await self.commands.reset(event.station_id, event.kind, ctx=AUTO_RECOVERY_CTX, reason=event.reason)
        self.services.notifications.watch.recovery_answer(event.station_id, event.kind, result.outcome, result.message)
