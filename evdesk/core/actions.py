"""The action log: every command evdesk sends a station, with who, why and what came back."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from evdesk.core import events as ev
from evdesk.core.clock import utcnow
from evdesk.store import models as m
from evdesk.store.database import Store

OUTCOME_LABELS = {
    "pending": "Waiting for the station",
    "accepted": "Accepted by the station",
    "rejected": "Rejected by the station",
    "timeout": "No answer in time",
    "error": "Failed",
    "offline": "Station not connected",
    "failed": "Failed",
}


@dataclass(frozen=True)
class Actor:
    """Who asked: an operator (id and name), or the system itself."""

    name: str
    operator_id: UUID | None = None

    @classmethod
    def system(cls, what: str = "system") -> "Actor":
        return cls(what)


class ActionLogService:
    def __init__(self, store: Store, bus: ev.EventBus):
        self.store = store
        self.bus = bus

    async def begin(self, station_id: UUID | None, actor: Actor, action: str, reason: str, request: dict) -> UUID:
        row_id = m.base.uuid7()

        def write():
            m.ActionLog.create(
                id=row_id, station=station_id, operator=actor.operator_id, actor=actor.name[:120], action=action,
                reason=reason or "", request=request, outcome="pending", started_at=utcnow(),
            )

        await self.store.run(write)
        self.bus.publish(ev.ActionLogged(row_id, station_id, action, "pending"))
        return row_id

    async def finish(self, action_id: UUID, outcome: str, response: dict | None = None, error: str = "") -> None:
        def write():
            row = m.ActionLog.get_by_id(action_id)
            m.ActionLog.update(outcome=outcome, response=response, error=error or "", finished_at=utcnow()).where(
                m.ActionLog.id == action_id
            ).execute()
            return row.station_id, row.action

        station_id, action = await self.store.run(write)
        self.bus.publish(ev.ActionLogged(action_id, station_id, action, outcome))
