"""Stop limits, enforced: when a running session reaches its maximum time, energy or cost,
core says so once (`StopLimitReached`); the OCPP command layer listens and asks the
station to stop (RemoteStopTransaction, actor "limit", `csms/limit_stops.py`).

Rules decided here:

* Energy and cost are judged at each meter reading (every `TransactionUpdated`), so a
  session overshoots by at most one meter-value interval. Cost is the running price
  "so far" (`SessionPricing.so_far`), with the prices the session started with.
* Time is judged at each meter reading and on a tick every 5 s, on evdesk's clock:
  from the session's start as the station reported it when that time was plausible
  (not flagged `suspicious_timestamp`), else from when evdesk received the Start
  (a station with a wrong clock stops neither early nor never).
* Each session is judged until a limit is reached once (`limit_stop_requested`): one
  event per session, however many readings follow before the station's Stop arrives.
* Where the limits come from is `session_limits.py` (the remote start's, else the
  tariff's).
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from uuid import UUID

from evdesk.core import events as ev
from evdesk.core.clock import utcnow
from evdesk.core.running_sessions import ActiveTransaction, RunningSessions
from evdesk.core.session_limits import LimitReached, limit_reached
from evdesk.core.tasks import cancel_and_wait

log = logging.getLogger(__name__)

TICK_SECONDS = 5.0
SUSPICIOUS = "suspicious_timestamp"


class StopLimitWatch:
    def __init__(self, bus: ev.EventBus, running: RunningSessions, pricing):
        self.bus = bus
        self.running = running
        self.pricing = pricing  # SessionPricing: so_far() for cost limits
        self._received: dict[UUID, datetime] = {}  # session id -> when evdesk heard its Start
        self._task: asyncio.Task | None = None
        self._unsubscribe = [bus.subscribe(ev.TransactionStarted, self._started),
                             bus.subscribe(ev.TransactionUpdated, self._updated),
                             bus.subscribe(ev.TransactionEnded, self._ended)]

    # -- life ------------------------------------------------------------------------------------
    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._loop(), name="evdesk-stop-limits")

    async def stop(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []
        await cancel_and_wait(self._task)
        self._task = None

    async def _loop(self) -> None:
        while True:
            await asyncio.sleep(TICK_SECONDS)
            try:
                self.tick()
            except Exception:
                log.exception("stop limit check failed")

    # -- judging -----------------------------------------------------------------------------------
    def judge(self, t: ActiveTransaction, now: datetime | None = None) -> LimitReached | None:
        """The limit this session has reached, if any (pure: does not mark or announce)."""
        if t.limit_minutes is None and t.limit_wh is None and t.limit_cost_minor is None:
            return None
        now = now or utcnow()
        start = t.started_at
        received = self._received.get(t.id)
        if received is not None and SUSPICIOUS in t.flags:
            start = received
        cost_minor = None
        if t.limit_cost_minor is not None and t.prices is not None:
            so_far = self.pricing.so_far(t, now)
            if so_far is not None:
                cost_minor = int((so_far.total * 100).to_integral_value())
        return limit_reached(start, now, t.energy_wh, cost_minor, limit_minutes=t.limit_minutes,
                             limit_wh=t.limit_wh, limit_cost_minor=t.limit_cost_minor)

    def check(self, t: ActiveTransaction, now: datetime | None = None) -> LimitReached | None:
        """Judge one session; announce a reached limit once per session."""
        if t.limit_stop_requested:
            return None
        reached = self.judge(t, now)
        if reached is not None:
            t.limit_stop_requested = True
            log.info("%s: session %d on connector %d: %s", t.identity, t.ocpp_id, t.connector_id, reached.reason)
            self.bus.publish(ev.StopLimitReached(t.id, t.station_id, t.connector_id, t.ocpp_id, reached.kind,
                                                 reached.reason, t.energy_wh))
        return reached

    def retry_later(self, transaction_id: UUID) -> None:
        """The stop could not be sent (the station was not connected here): judge the session again."""
        t = self.running.by_id(transaction_id)
        if t is not None:
            t.limit_stop_requested = False

    def tick(self, now: datetime | None = None) -> int:
        """The housekeeping check of every running session with a limit (time passes without
        readings); returns how many reached one now. Tests pass a later `now`."""
        found = 0
        for t in list(self.running.by_ocpp_id.values()):
            if not t.limit_stop_requested and (t.limit_minutes is not None or t.limit_cost_minor is not None):
                found += self.check(t, now) is not None
        return found

    # -- events --------------------------------------------------------------------------------------
    def _started(self, event: ev.TransactionStarted) -> None:
        self._received[event.transaction_id] = utcnow()

    def _ended(self, event: ev.TransactionEnded) -> None:
        self._received.pop(event.transaction_id, None)

    def _updated(self, event: ev.TransactionUpdated) -> None:
        t = self.running.on(event.station_id, event.connector_id)
        if t is None or t.id != event.transaction_id or t.limit_stop_requested:
            return
        if t.limit_minutes is None and t.limit_wh is None and t.limit_cost_minor is None:
            return
        self.check(t)
