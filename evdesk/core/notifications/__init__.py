"""Notifications (issue 13; vaylens' notification groups, the digest's B8): rules, the watch that
mails and recovers, and the mail log as operators read it. See `cases.py` (what is a case, the
OCPP error-code mapping), `rules.py` (who is told, who may edit) and `watch.py` (when mails go,
debounce, repeat window, auto-recovery)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from evdesk.core.clock import utcnow
from evdesk.core.notifications.cases import CASE_LABELS, CASES, FAULT_CASES
from evdesk.core.notifications.rules import NotificationRule, NotificationRules
from evdesk.core.notifications.watch import RECOVERY_CASE, NotificationWatch
from evdesk.core.permissions import OperatorContext, Permission, require
from evdesk.store.queries import notifications as queries

KIND_LABELS = {"start": "Case began", "clear": "Resolved", "recovery": "Auto-recovery"}
OUTCOME_LABELS = {"sent": "Sent", "failed": "Failed"}


@dataclass(frozen=True)
class MailLogEntry:
    id: UUID
    at: datetime
    station_id: UUID | None
    station_identity: str
    station_name: str
    case: str
    kind: str
    to: str
    subject: str
    outcome: str
    answer: str

    @property
    def case_label(self) -> str:
        return "Auto-recovery" if self.case == RECOVERY_CASE else CASE_LABELS.get(self.case, self.case)


class Notifications:
    def __init__(self, store, bus, settings, stations, group_tree, mailer, *, clock: Callable[[], datetime] = utcnow,
                 tick_seconds: float = 5.0):
        self.store = store
        self.stations = stations
        self.group_tree = group_tree
        self.rules = NotificationRules(store, bus, stations, group_tree)
        self.watch = NotificationWatch(store, bus, settings, stations, group_tree, self.rules, mailer, clock=clock,
                                       tick_seconds=tick_seconds)

    async def start(self) -> None:
        await self.rules.load()
        await self.watch.start()

    async def stop(self) -> None:
        await self.watch.stop()

    def open_fault_count(self, ctx: OperatorContext) -> int:
        """Stations of the operator's domain with an open fault case (the Stations badge)."""
        ctx = self.group_tree.fresh(ctx)
        stations = set()
        for episode in self.watch.open_faults():
            info = self.stations.by_id.get(episode.station_id)
            if info is not None and ctx.sees_station(info.group_id):
                stations.add(info.id)
        return len(stations)

    async def mail_log(self, ctx: OperatorContext, limit: int = 200,
                       before: tuple[datetime, UUID] | None = None) -> list[MailLogEntry]:
        """Notification mails, newest first; a group admin sees those of their domain's stations."""
        require(ctx, Permission.NOTIFICATIONS)
        ctx = self.group_tree.fresh(ctx)
        limit = max(1, min(int(limit), 1000))
        station_ids = None
        if not ctx.is_root:
            station_ids = [i.id for i in self.stations.all() if ctx.sees_station(i.group_id)]
        rows = await self.store.read(queries.mail_log, limit, before, station_ids, ctx.is_root)
        return [MailLogEntry(r["id"], r["at"], r["station_id"], r["station_identity"], r["station_name"], r["case"],
                             r["kind"], r["to"], r["subject"], r["outcome"], r["answer"]) for r in rows]


__all__ = ["Notifications", "NotificationRule", "NotificationRules", "NotificationWatch", "MailLogEntry", "CASES",
           "CASE_LABELS", "FAULT_CASES", "KIND_LABELS", "OUTCOME_LABELS"]
