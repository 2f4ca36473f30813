"""The action log: every command evdesk sends a station, with who, why and what came back.

Both writes go through the group commit, so a boot storm's configuration calls
cost no transaction (and no fsync) of their own: the starting row is added to the
next flush and `begin` returns once it is stored; the outcome is written inside
the next flush (`batch.call`). `ActionLogged` is published after each commit, so
a screen that re-reads the row on the event finds it as announced.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from evdesk.core import events as ev
from evdesk.core.clock import utcnow
from evdesk.store.batch import BatchWriter
from evdesk.store.database import Store
from evdesk.store.repos import logs

OUTCOME_LABELS = {
    "pending": "Waiting for the station",
    "accepted": "Accepted by the station",
    "rejected": "Rejected by the station",
    "timeout": "No answer in time",
    "error": "Failed",
    "offline": "Station not connected",
    "failed": "Failed",
    "done": "Done",
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
    def __init__(self, store: Store, bus: ev.EventBus, batch: BatchWriter):
        self.store = store
        self.bus = bus
        self.batch = batch
        self._open: dict[UUID, tuple[UUID | None, str]] = {}  # begun, not finished: id -> (station, action)

    async def begin(self, station_id: UUID | None, actor: Actor, action: str, reason: str, request: dict) -> UUID:
        """Record a command as it starts; returns its id once the row is stored."""
        row_id = logs.new_id()
        row = {"id": row_id, "station": station_id, "operator": actor.operator_id, "actor": actor.name[:120],
               "action": action, "reason": reason or "", "request": request, "outcome": "pending",
               "started_at": utcnow()}
        with self.batch.frame_scope() as ticket:  # its own ticket, whatever frame the caller handles
            logs.queue_action(self.batch, row)
        await self.batch.committed(ticket)
        self._open[row_id] = (station_id, action)
        self.bus.publish(ev.ActionLogged(row_id, station_id, action, "pending", request))
        return row_id

    async def finish(self, action_id: UUID, outcome: str, response: dict | None = None, error: str = "") -> None:
        """Record a command's outcome; `ActionLogged` once it is stored."""
        found = self._open.pop(action_id, None)
        if found is None:  # begun before this program started, or finished twice: ask the store
            found = await self.batch.call(logs.finish_action, action_id, outcome, response, error, utcnow())
            if found is None:
                return
        else:
            # one multi-row UPDATE for all the outcomes of a group commit (a boot storm's
            # configuration calls), not a statement and a savepoint each
            with self.batch.frame_scope() as ticket:
                logs.queue_action_outcome(self.batch, action_id, outcome, response, error, utcnow())
            await self.batch.committed(ticket)
        station_id, action = found
        self.bus.publish(ev.ActionLogged(action_id, station_id, action, outcome))
