"""Load management at work: sessions starting and ending, meter readings, circuit and schedule
changes re-allocate (`core/load/controller.py`), and the limits go to the stations as charging
profiles through the command API, actor "load management" (the action log shows each one).

Profiles (OCPP 1.6, limits in A per phase):
* TxProfile per session, connector = the session's, stack level 1, id `TX_PROFILE_ID`, Absolute
  from when it is sent to its lease end (`controller.lease_end`, at most `LEASE_SECONDS`) and
  renewed at the beat before (see the controller: when evdesk stops the stations fall back within
  the lease); 0 A holds a session that has to wait (the car shows SuspendedEVSE).
* TxDefaultProfile per charging point, stack level 0, id `DEFAULT_PROFILE_ID`, at the point's
  fallback share: what the station keeps when evdesk stops or the network fails. Relative with one
  period, or, for an idle point beside leases, Absolute from now with two periods (what fits beside
  the leases, then the share from the lease end on). A station that refuses two periods (its
  ChargingScheduleMaxPeriods is 1) gets the first alone: safe, only smaller after the leases.
Decreases go out (and are answered) first, then the default profiles, then the increases and lease
renewals, so the circuit does not overshoot while the changes travel, and an idle point's default
names the new lease end before any lease reaches it. A re-allocation runs at most once per
`settle_seconds` (events that come together are handled together) and every `tick_seconds`
(schedules, unused current).

What a re-allocation reads: the circuits (kept, read again on `CircuitsChanged` and every tick), and
the user-group priority and departure of sessions on a circuit's stations that it has not read yet
(all again on `CircuitsChanged`, which a departure change publishes, on a user group's or charging
user's change, and every tick). A site without circuits costs nothing per session: a 2,000-station
site without circuits used to re-read 4,000 sessions' priorities five times a second (StartTransaction
p50/p99 27/163 ms with it, 16/120 ms without, tests/benchmarks/latency_benchmark.py).

The check that limits are applied: after a TxProfile is accepted, the station's composite
schedule is read (where its compatibility profile says it takes smart charging); a limit above
what was sent, or a measured current above limit + 10 % at two readings in a row, publishes
`LoadLimitNotApplied` and writes a "load" row into the station's event log (its panel's log tab).
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import math
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from evdesk.core import events as ev
from evdesk.core.clock import utcnow
from evdesk.core.load.controller import DefaultLimit, LoadPlanner, Plan, lease_end, snapshot
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.core.tasks import spawn
from evdesk.core.zones import site_zone

if TYPE_CHECKING:
    from evdesk.core.services import Services
    from evdesk.csms.commands import CommandApi

log = logging.getLogger(__name__)

LOAD_CTX = dataclasses.replace(SYSTEM_CONTEXT, display_name="load management")
TX_PROFILE_ID = 1701
DEFAULT_PROFILE_ID = 1700
REASON = "Load management"


def _iso(t: datetime) -> str:
    return t.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def profile(purpose: str, profile_id: int, stack_level: int, limit_a: float, transaction_id: int | None = None,
            lease_from: datetime | None = None, lease_until: float | None = None) -> dict:
    """Relative and open-ended (the fallback), or Absolute from `lease_from` to `lease_until` (epoch
    seconds; the duration rounds down, so the station's lease never outlasts it)."""
    schedule = {"chargingRateUnit": "A", "chargingSchedulePeriod": [{"startPeriod": 0, "limit": round(limit_a, 1)}]}
    body = {"chargingProfileId": profile_id, "stackLevel": stack_level, "chargingProfilePurpose": purpose,
            "chargingProfileKind": "Relative", "chargingSchedule": schedule}
    if lease_from is not None:
        body["chargingProfileKind"] = "Absolute"
        schedule["startSchedule"] = _iso(lease_from)
        schedule["duration"] = max(1, math.floor(lease_until - lease_from.timestamp()))
    if transaction_id is not None:
        body["transactionId"] = transaction_id
    return body


def default_profile(default: DefaultLimit, now: datetime, *, single_period: bool = False) -> dict:
    """A point's TxDefaultProfile; with a step, Absolute from `now`, the step rounded up (never before
    the leases end) and open-ended after it."""
    step = None if default.until is None else math.ceil(default.until - now.timestamp())
    if step is None or step <= 0 or single_period:
        limit = default.at(now.timestamp()) if step is not None and step <= 0 else default.limit_a
        return profile("TxDefaultProfile", DEFAULT_PROFILE_ID, 0, limit)
    body = profile("TxDefaultProfile", DEFAULT_PROFILE_ID, 0, default.limit_a)
    body["chargingProfileKind"] = "Absolute"
    body["chargingSchedule"]["startSchedule"] = _iso(now)
    body["chargingSchedule"]["chargingSchedulePeriod"].append({"startPeriod": step, "limit": round(default.then_a, 1)})
    return body


class LoadControl:
    def __init__(self, services: "Services", commands: "CommandApi", *, tick_seconds: float = 60.0,
                 settle_seconds: float = 0.2, clock=utcnow):
        self.services = services
        self.commands = commands
        self.planner = LoadPlanner()
        self.tick_seconds = tick_seconds
        self.settle_seconds = settle_seconds
        self.clock = clock
        self.last_plan: Plan | None = None
        self.cpu_ms: list[float] = []
        self.messages_sent = 0
        self.flags: list[ev.LoadLimitNotApplied] = []
        self._dirty = asyncio.Event()
        self._task: asyncio.Task | None = None
        self._checks: set[asyncio.Task] = set()
        self._site = None  # the circuits as last read (None: read them at the next re-allocation)
        self._circuits_changes = 0  # counts CircuitsChanged: a read that a change overtook is not kept
        self._priorities_read: set = set()  # sessions whose priority and departure are known
        self._one_period: set = set()  # stations that refused a two-period default profile
        bus = services.bus
        self._unsubscribe = [bus.subscribe(ev.TransactionStarted, self._started),
                             bus.subscribe(ev.TransactionEnded, self._ended),
                             bus.subscribe(ev.TransactionUpdated, self._updated),
                             bus.subscribe(ev.CircuitsChanged, self._circuits_changed),
                             # a group's priority or a user's group or departure time: read priorities again
                             bus.subscribe(ev.UserGroupChanged, self._people_changed),
                             bus.subscribe(ev.ChargingUserChanged, self._people_changed)]

    def start(self) -> None:
        for t in list(self.services.transactions.active.values()):  # sessions running before we started
            self.planner.started(t.station_id, t.connector_id, t.id, t.ocpp_id, t.started_at.timestamp())
        self._dirty.set()
        self._task = spawn(self._run(), name="load management")

    def close(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()
        for task in [self._task, *self._checks]:
            if task is not None:
                task.cancel()

    # -- events ------------------------------------------------------------------------------------
    def _started(self, e: ev.TransactionStarted) -> None:
        # arrival = when evdesk heard of it (stations' clocks drift; admission must follow real order)
        self.planner.started(e.station_id, e.connector_id, e.transaction_id, e.ocpp_id, self.clock().timestamp())
        self._dirty.set()

    def _circuits_changed(self, _e=None) -> None:
        self._site = None
        self._circuits_changes += 1
        self._priorities_read.clear()
        self._dirty.set()

    def _people_changed(self, _e=None) -> None:
        if self._priorities_read:
            self._priorities_read.clear()
            self._dirty.set()

    def _ended(self, e: ev.TransactionEnded) -> None:
        self.planner.ended(e.station_id, e.connector_id)
        self._dirty.set()

    def _updated(self, e: ev.TransactionUpdated) -> None:
        session = self.planner.sessions.get((e.station_id, e.connector_id))
        phases_before = session.car_phases if session is not None else None
        flag = self.planner.measured(e.station_id, e.connector_id, e.current_a, e.phases_drawing)
        if session is not None and session.car_phases != phases_before:
            self._dirty.set()  # the car draws on other phases than counted: share the circuit again
        if flag is not None:
            self._flag(flag.station_id, flag.connector_id, flag.limit_a, flag.drawn_a, "measured")

    def _flag(self, station_id, connector_id: int, limit_a: float, drawn_a: float | None, how: str) -> None:
        info = self.services.stations.get_by_id(station_id)
        if how == "measured":
            text = (f"{info.display_name} connector {connector_id} draws {drawn_a:.1f} A although load management "
                    f"limited it to {limit_a:.1f} A: the limit is not applied.")
        else:
            text = (f"{info.display_name} connector {connector_id} accepted a limit of {limit_a:.1f} A but its "
                    f"schedule says {drawn_a:.1f} A: the limit is not applied.")
        event = ev.LoadLimitNotApplied(station_id, connector_id, limit_a, drawn_a, text, self.clock())
        self.flags.append(event)
        log.warning(text)
        # into the station's event log (the station panel's log tab shows it)
        self.services.status.station_event(info, "load", "limit not applied", text)
        self.services.bus.publish(event)

    # -- the loop ------------------------------------------------------------------------------------
    async def _run(self) -> None:
        while True:
            try:
                await asyncio.wait_for(self._dirty.wait(), self.tick_seconds)
            except asyncio.TimeoutError:  # a tick: read the circuits and priorities again
                self._site = None
                self._priorities_read.clear()
            await asyncio.sleep(self.settle_seconds)
            self._dirty.clear()
            try:
                await self.reallocate()
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001 - the loop must survive one bad round; logged
                log.exception("load management: re-allocation failed")

    def minute_of_day(self, now: datetime) -> int:
        local = now.astimezone(site_zone(self.services.settings.site_timezone))
        return local.hour * 60 + local.minute

    async def reallocate(self) -> Plan | None:
        """Plan and send; None when the site has no circuits and nothing of an earlier plan is in force."""
        site = self._site
        if site is None:
            changes = self._circuits_changes
            site = await self.services.circuits.site()
            if changes == self._circuits_changes:
                self._site = site
            # else a change came while it was read: this round uses it, the next (already due) reads again
        if not site.circuits and (self.last_plan is None or not (self.last_plan.changes or self.last_plan.fallback)):
            return None
        await self._priorities(site)
        now = self.clock()
        plan = self.planner.plan(site, self.minute_of_day(now), now.timestamp())
        self.cpu_ms.append(plan.cpu_ms)
        self.last_plan = plan
        self.services.bus.publish(ev.LoadAllocated(snapshot(self.planner, plan), self.clock()))
        decreases = [c for c in plan.changes if c.previous_a is not None and c.limit_a < c.previous_a]
        increases = [c for c in plan.changes if c not in decreases]
        renewals = self.planner.renewals(now.timestamp(), plan.changes)
        increases += renewals
        # one line per re-allocation at DEBUG: what the ws benchmark reads out of a running process
        log.debug("load management: re-allocated %d sessions in %.3f ms CPU; %d changes, %d renewals, %d fallbacks",
                  len(plan.allocation.limits), plan.cpu_ms, len(plan.changes), len(renewals), len(plan.fallback))
        planned = now.timestamp()  # every lease of this round ends at lease_end(planned), the idle points' step
        await asyncio.gather(*(self._send_tx(c, planned) for c in decreases))
        await asyncio.gather(*(self._send_default(s, n, default) for (s, n), default in plan.fallback.items()))
        await asyncio.gather(*(self._send_tx(c, planned) for c in increases))
        return plan

    async def _priorities(self, site) -> None:
        """The user-group priority and "needs energy by" of the sessions on a circuit's stations not read
        yet (`core/load/priorities.py`)."""
        on_circuit = {r.station_id for r in site.stations}
        by_transaction = {s.transaction_id: s for s in self.planner.sessions.values()
                          if s.station_id in on_circuit and s.transaction_id not in self._priorities_read}
        if not by_transaction:
            return
        found = await self.services.circuits.session_priorities(list(by_transaction),
                                                                self.services.settings.site_timezone)
        self._priorities_read.update(by_transaction)
        for transaction_id, (priority, departure) in found.items():
            session = by_transaction.get(transaction_id)
            if session is not None:
                session.group_priority, session.departure = priority, departure

    async def _send_tx(self, change, planned: float) -> None:
        """The lease runs from now to the end the plan made at `planned` named, even if a beat passed
        while the round's earlier messages travelled: never past the idle points' step."""
        if not self.commands.is_connected(change.station_id):
            return
        sent_at = self.clock()
        body = profile("TxProfile", TX_PROFILE_ID, 1, change.limit_a, change.ocpp_id, lease_from=sent_at,
                       lease_until=lease_end(planned))
        result = await self.commands.set_charging_profile(change.station_id, change.connector_id, body, ctx=LOAD_CTX,
                                                          reason=REASON)
        self.messages_sent += 1
        if result.ok:
            self.planner.accepted(change.station_id, change.connector_id, change.limit_a, planned)
            if self.services.compat.switches(change.station_id).smart_charging:
                task = spawn(self._check_composite(change), name="load limit check")
                self._checks.add(task)
                task.add_done_callback(self._checks.discard)

    async def _send_default(self, station_id, connector_id: int, default: DefaultLimit) -> None:
        if not self.commands.is_connected(station_id):
            return
        body = default_profile(default, self.clock(), single_period=station_id in self._one_period)
        result = await self.commands.set_charging_profile(station_id, connector_id, body, ctx=LOAD_CTX, reason=REASON)
        self.messages_sent += 1
        two_periods = len(body["chargingSchedule"]["chargingSchedulePeriod"]) > 1
        if not result.ok and result.outcome == "rejected" and two_periods:
            # a station that takes one period: the limit beside the leases, kept after them too (safe).
            # The planner keeps the planned default: while evdesk runs the step is always a beat ahead,
            # so what it reads now is what the station holds, and the same default is not sent again.
            self._one_period.add(station_id)
            body = default_profile(default, self.clock(), single_period=True)
            result = await self.commands.set_charging_profile(station_id, connector_id, body, ctx=LOAD_CTX,
                                                              reason=REASON)
            self.messages_sent += 1
        if result.ok:
            self.planner.fallback_sent(station_id, connector_id, default)

    async def _check_composite(self, change) -> None:
        result = await self.commands.get_composite_schedule(change.station_id, change.connector_id, 60, "A",
                                                            ctx=LOAD_CTX, reason="Load management: limit check")
        if not result.ok:
            return
        schedule = (result.response or {}).get("charging_schedule") or (result.response or {}).get("chargingSchedule")
        schedule = schedule or {}
        periods = schedule.get("charging_schedule_period") or schedule.get("chargingSchedulePeriod") or []
        if periods and float(periods[0].get("limit", 0)) > change.limit_a + 0.05:
            self._flag(change.station_id, change.connector_id, change.limit_a, float(periods[0]["limit"]), "composite")
