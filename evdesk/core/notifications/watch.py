"""The notification watch: turns the bus's station events into cases, mails and auto-recovery.

It belongs to the site (built in `Services`, started with them), so a headless seat mails too.

**Hot path.** Listeners (status notifications, connection states, actions, session starts) only
update dictionaries in memory; no database work, no mail. Every `tick_seconds` (5 s) `tick()`
looks at the open episodes (a handful on a site of thousands of stations), sends what is due in
one background task and writes the tick's mail-log rows in one statement.

**Episodes.** A station's case starts when its first source (a connector, the connection, a
start failure) enters it and clears when its last source leaves. Per rule covering the station
and naming the case:

* the start mail goes once the case has lasted the rule's settle time (debounce); a case that
  clears before nobody has been told is a flap and sends nothing;
* no second start mail for the same rule, station and case within the rule's repeat window
  (the newest start mails are read back from the log at start, so a restart keeps the window);
* the "resolved" mail (if the rule wants it) goes once the clear has lasted the settle time, and
  only after a start mail was really sent; a case that returns within the settle time continues
  the same episode (no new mail).

**Storms.** When one tick has more than `DIGEST_OVER` (5) start (or clear) mails of one rule —
a power cut, a network outage — its recipients get one digest listing every station and case
instead (the log still has a row per station and recipient). Mails go `SMTP_CONCURRENCY` (4) at
a time; a failure is logged with the server's answer and does not stop the others.

**At start** a station already long-term unavailable that was last seen less than 24 h ago is a
case (it may have gone while evdesk was closed; the repeat window read back from the log keeps it
from being mailed twice); one gone longer is not (a station retired months ago would otherwise be
mailed after every restart). Connectors already Unavailable are not news (`cases.py`).

The seat's tray and Stations badge follow the same episodes (`NotificationCaseChanged`), with
`seat_settle_seconds` (60 s), whether or not a rule covers the station.

**System status** (`core/hardware_rules.py`): only stations an operator left "active" are
monitored — a disabled or out-of-order station's cases are neither mailed, nor announced, nor
counted in the badge, and it gets no auto-recovery; its open case is judged once it is active again.

**Auto-recovery** (rules with `recovery_minutes` N; the smallest N of a station's rules counts):
a station with a connector Faulted for N minutes, adopted and online ("active"), gets a soft
reset; still (or again) Faulted N minutes later, a hard reset; N minutes after that, a mail says
whether it worked. No connector Faulted N minutes after a reset ends the sequence with a "worked"
mail. One sequence per fault episode — an episode ends only after the station was fault-free for
`FAULT_EPISODE_GAP` (1 h), so the Available/Faulted flicker of a reboot does not start a new one —
and at most one sequence per station per `RECOVERY_COOLDOWN` (24 h) in one run of evdesk: a
station that faults again after every reboot is reset twice, then a person is mailed, never a
loop. The commands are sent by `csms/auto_recovery.py` (actor
"auto-recovery").
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from datetime import datetime, timedelta
from uuid import UUID

from evdesk.core import events as ev
from evdesk.core.clock import utcnow
from evdesk.core.errors import EvdeskError
from evdesk.core.hardware_rules import is_monitored
from evdesk.core.notifications import mails
from evdesk.core.notifications.cases import (FAULT_CASES, LOAD_LIMIT_NOT_APPLIED, START_FAILED, UNAVAILABLE,
                                             case_for_status)
from evdesk.core.tasks import cancel_and_wait, spawn
from evdesk.store.queries import operators as operator_queries
from evdesk.store.repos import logs as log_repo
from evdesk.store.repos import notifications as repo

log = logging.getLogger(__name__)

LINK = "link"  # the connection as a source of the unavailable case
START = "start"  # failed remote starts as a source
START_FAILURES = ("rejected", "timeout", "failed", "error")
RECOVERY_COOLDOWN = timedelta(hours=24)
RECENTLY_GONE = timedelta(hours=24)  # at start: stations long-term unavailable since less than this are a case
FAULT_EPISODE_GAP = timedelta(hours=1)  # fault-free this long: the next fault is a new episode
REPEAT_MEMORY = timedelta(days=7)  # the longest repeat window a rule may have
RECOVERY_CASE = "auto_recovery"
DIGEST_OVER = 5  # more start (or clear) mails of one rule in one tick than this go as one digest
SMTP_CONCURRENCY = 4  # mails in flight at once (each is its own SMTP connection)
COMPOSE_BATCH = 50  # mail texts written between two yields to the loop


@dataclass
class Episode:
    station_id: UUID
    case: str
    started_at: datetime
    detail: str = ""
    cleared_at: datetime | None = None
    announced: bool = False  # the seat was told (tray, badge)
    judged: set = field(default_factory=set)  # rules whose start mail was sent or skipped (repeat window)
    mailed: set = field(default_factory=set)  # rules whose start mail was sent
    cleared: set = field(default_factory=set)  # rules whose "resolved" mail was sent


@dataclass
class Recovery:
    station_id: UUID
    faulted_since: datetime
    step: str  # Soft / Hard / done
    step_at: datetime
    steps: list = field(default_factory=list)  # what happened, in words, for the outcome mail


@dataclass(frozen=True)
class Outgoing:
    """A mail the tick decided on; its words are written later, in the delivery task (a storm's
    hundreds of texts must not hold up the loop inside one tick)."""

    rule: object
    info: object
    case: str
    kind: str  # start / clear / recovery
    compose: Callable[[], tuple[str, str]]  # -> subject, body
    line: Callable[[], str] | None = None  # this mail as one line of a digest


class NotificationWatch:
    def __init__(self, store, bus: ev.EventBus, settings, stations, group_tree, rules, mailer, *,
                 clock: Callable[[], datetime] = utcnow, tick_seconds: float = 5.0, seat_settle_seconds: int = 60):
        self.store = store
        self.bus = bus
        self.settings = settings
        self.stations = stations
        self.group_tree = group_tree
        self.rules = rules
        self.mailer = mailer
        self.clock = clock
        self.tick_seconds = tick_seconds
        self.seat_settle = timedelta(seconds=seat_settle_seconds)
        self._sources: dict[UUID, dict[object, str]] = {}  # station -> source -> case
        self._details: dict[tuple[UUID, str], str] = {}
        self.episodes: dict[tuple[UUID, str], Episode] = {}
        self._inoperative: set[tuple[UUID, int]] = set()  # connectors an operator switched off (0: all)
        self._seeded: set[tuple[UUID, int]] = set()  # held only because they were Unavailable at start
        self._availability_sent: dict[UUID, tuple[UUID, int, bool]] = {}  # action -> (station, connector, off)
        self._last_start: dict[tuple[UUID, UUID, str], datetime] = {}  # (rule, station, case) -> newest start mail
        self._faulted: dict[UUID, dict[int, datetime]] = {}  # station -> Faulted connector -> since
        self._episode_since: dict[UUID, datetime] = {}  # station -> when its fault episode began
        self._fault_free_at: dict[UUID, datetime] = {}  # station -> when its last connector left Faulted
        self.recoveries: dict[UUID, Recovery] = {}
        self._recovered_at: dict[UUID, datetime] = {}
        self._task: asyncio.Task | None = None
        self._deliveries: set[asyncio.Task] = set()
        self._unsubscribe = [
            bus.subscribe(ev.ConnectorStatusChanged, self._connector_status),
            bus.subscribe(ev.ConnectionStateChanged, self._connection_state),
            bus.subscribe(ev.ActionLogged, self._action),
            bus.subscribe(ev.TransactionStarted, self._session_started),
            bus.subscribe(ev.StationRemoved, self._station_removed),
            bus.subscribe(ev.LoadLimitNotApplied, self._load_limit),
            bus.subscribe(ev.TransactionEnded, self._session_ended),
        ]

    # -- life -------------------------------------------------------------------------------------
    async def start(self) -> None:
        since = self.clock() - REPEAT_MEMORY
        for rule_id, station_id, case, at in await self.store.read(repo.last_start_mails, since):
            if rule_id is not None and station_id is not None:
                self._last_start[(rule_id, station_id, case)] = at
        now = self.clock()
        for info in self.stations.all():
            # gone while evdesk was closed (or just before): news, unless mailed within the repeat window
            if (info.connection_state == "long_term_unavailable" and info.last_seen is not None
                    and now - info.last_seen < RECENTLY_GONE):
                self._set_source(info.id, LINK, UNAVAILABLE,
                                 f"not in contact since {info.last_seen:%Y-%m-%d %H:%M} UTC")
            # what the stations said before this start is not news
            for cid, c in info.connectors.items():
                if c.status == "Unavailable" and c.error_code in ("", "NoError"):
                    self._inoperative.add((info.id, cid))
                    self._seeded.add((info.id, cid))
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._loop(), name="evdesk-notification-watch")

    async def stop(self) -> None:
        await cancel_and_wait(self._task)
        self._task = None
        await self.idle()

    async def idle(self) -> None:
        """Wait until the mails handed out so far are sent and logged."""
        while self._deliveries:
            await asyncio.gather(*list(self._deliveries), return_exceptions=True)

    async def _loop(self) -> None:
        while True:
            await asyncio.sleep(self.tick_seconds)
            try:
                self.tick()
            except Exception:
                log.exception("notification watch tick failed")

    # -- listening (the hot path: memory only) ------------------------------------------------------
    def _set_source(self, station_id: UUID, source, case: str | None, detail: str = "") -> None:
        sources = self._sources.get(station_id)
        old = sources.get(source) if sources else None
        if old == case:
            if case is not None and detail:
                self._details[(station_id, case)] = detail
            return
        if sources is None:
            sources = self._sources[station_id] = {}
        before = set(sources.values())
        if case is None:
            sources.pop(source, None)
        else:
            sources[source] = case
            if detail:
                self._details[(station_id, case)] = detail
        after = set(sources.values())
        if not sources:
            del self._sources[station_id]
        now = self.clock()
        for started in after - before:
            episode = self.episodes.get((station_id, started))
            if episode is not None:  # back within the settle time: the same episode goes on
                episode.cleared_at = None
            else:
                self.episodes[(station_id, started)] = Episode(station_id, started, now)
        for ended in before - after:
            episode = self.episodes.get((station_id, ended))
            if episode is not None and episode.cleared_at is None:
                episode.cleared_at = now
                if not episode.announced and not episode.judged:  # a flap: nobody was told, nobody will be
                    del self.episodes[(station_id, ended)]

    def _connector_status(self, event: ev.ConnectorStatusChanged) -> None:
        info = self.stations.by_id.get(event.station_id)
        vendor = ""
        if info is not None and event.connector_id in info.connectors:
            vendor = info.connectors[event.connector_id].vendor_error_code
        key = (event.station_id, event.connector_id)
        if key in self._seeded and event.status != "Unavailable":  # back in use: its next Unavailable is news
            self._seeded.discard(key)
            self._inoperative.discard(key)
        held = key in self._inoperative or (event.station_id, 0) in self._inoperative
        case = case_for_status(event.status, event.error_code, vendor, event.info, operator_unavailable=held)
        parts = [f"connector {event.connector_id} {event.status}"]
        if event.error_code and event.error_code != "NoError":
            parts.append(f"error {event.error_code}")
        if vendor:
            parts.append(f"vendor code {vendor}")
        if event.info:
            parts.append(f"\"{event.info[:120]}\"")
        self._set_source(event.station_id, ("connector", event.connector_id), case, ", ".join(parts))
        station_id = event.station_id
        was_faulted = station_id in self._faulted
        faulted = self._faulted.setdefault(station_id, {})
        if event.status == "Faulted":
            faulted.setdefault(event.connector_id, self.clock())
        else:
            faulted.pop(event.connector_id, None)
        if not faulted:
            del self._faulted[station_id]
            if was_faulted:
                self._fault_free_at[station_id] = self.clock()
        elif not was_faulted:  # a new fault episode, unless the last one ended only just now (a reboot)
            free_at = self._fault_free_at.pop(station_id, None)
            if station_id not in self._episode_since or (
                    free_at is not None and self.clock() - free_at >= FAULT_EPISODE_GAP):
                self._episode_since[station_id] = self.clock()

    def _connection_state(self, event: ev.ConnectionStateChanged) -> None:
        if event.state == "long_term_unavailable":
            self._set_source(event.station_id, LINK, UNAVAILABLE,
                             f"no contact for {self.settings.long_term_unavailable_after} s or more")
        elif event.state == "online":
            self._set_source(event.station_id, LINK, None)

    def _action(self, event: ev.ActionLogged) -> None:
        if event.station_id is None:
            return
        if event.action == "ChangeAvailability":
            if event.outcome == "pending" and event.request:
                connector = int(event.request.get("connector_id") or 0)
                off = event.request.get("type") == "Inoperative"
                self._availability_sent[event.action_id] = (event.station_id, connector, off)
                self._hold(event.station_id, connector, off)
            elif event.outcome != "pending":
                sent = self._availability_sent.pop(event.action_id, None)
                if sent is not None and event.outcome != "accepted" and sent[2]:
                    self._hold(sent[0], sent[1], False)  # refused or not delivered: nothing was switched off
        elif event.action == "RemoteStartTransaction" and event.outcome in START_FAILURES:
            self._set_source(event.station_id, START, START_FAILED, f"remote start {event.outcome}")

    def _hold(self, station_id: UUID, connector: int, off: bool) -> None:
        if off:
            self._inoperative.add((station_id, connector))
        elif connector == 0:
            self._inoperative = {k for k in self._inoperative if k[0] != station_id}
        else:
            self._inoperative.discard((station_id, connector))
            self._inoperative.discard((station_id, 0))
        sources = self._sources.get(station_id, {})
        for source, case in list(sources.items()):  # a connector already Unavailable is no case any more
            this_one = connector == 0 or source == ("connector", connector)
            if off and case == UNAVAILABLE and source != LINK and this_one:
                self._set_source(station_id, source, None)

    def _session_started(self, event: ev.TransactionStarted) -> None:
        self._set_source(event.station_id, START, None)

    def _load_limit(self, event: ev.LoadLimitNotApplied) -> None:
        self._set_source(event.station_id, ("load", event.connector_id), LOAD_LIMIT_NOT_APPLIED, event.text)

    def _session_ended(self, event: ev.TransactionEnded) -> None:
        self._set_source(event.station_id, ("load", event.connector_id), None)

    def _station_removed(self, event: ev.StationRemoved) -> None:
        for source in list(self._sources.get(event.station_id, {})):
            self._set_source(event.station_id, source, None)
        self._faulted.pop(event.station_id, None)
        self.recoveries.pop(event.station_id, None)

    # -- what the seat shows ------------------------------------------------------------------------
    def open_faults(self) -> list[Episode]:
        """Cases the seat was told about and that have not ended (the Stations badge); those of
        stations an operator disabled or marked out of order are not counted (not monitored)."""
        return [e for e in self.episodes.values() if e.announced and e.case in FAULT_CASES and self._monitored(e.station_id)]

    def _monitored(self, station_id: UUID) -> bool:
        info = self.stations.by_id.get(station_id)
        return info is not None and is_monitored(info.system_status)

    # -- the tick -----------------------------------------------------------------------------------
    def tick(self) -> None:
        now = self.clock()
        outgoing: list[Outgoing] = []
        for key, episode in list(self.episodes.items()):
            info = self.stations.by_id.get(episode.station_id)
            if info is None:
                del self.episodes[key]
                continue
            if episode.cleared_at is None and not is_monitored(info.system_status):
                continue  # disabled or out of order: not watched (judged when it is active again)
            rules = [r for r in self.rules.for_station(info) if episode.case in r.cases]
            detail = self._details.get(key, "")
            if episode.cleared_at is None:
                if not episode.announced and now - episode.started_at >= self.seat_settle:
                    episode.announced = True
                    self.bus.publish(ev.NotificationCaseChanged(info.id, info.identity, episode.case, True,
                                                                episode.started_at))
                for rule in rules:
                    if rule.id in episode.judged or now - episode.started_at < timedelta(seconds=rule.settle_seconds):
                        continue
                    episode.judged.add(rule.id)
                    last = self._last_start.get((rule.id, info.id, episode.case))
                    if last is not None and now - last < timedelta(minutes=rule.repeat_minutes):
                        continue  # told within the repeat window
                    self._last_start[(rule.id, info.id, episode.case)] = now
                    episode.mailed.add(rule.id)
                    group, zone = self._group_name(info), self._zone(info)
                    outgoing.append(Outgoing(
                        rule, info, episode.case, "start",
                        partial(mails.start_mail, self.settings.site_name, info, group, episode.case,
                                episode.started_at, zone, detail, rule.name),
                        partial(mails.digest_line, info, group, episode.case, episode.started_at, zone, detail)))
                continue
            quiet = now - episode.cleared_at
            for rule in rules:
                if (rule.clear_mails and rule.id in episode.mailed and rule.id not in episode.cleared
                        and quiet >= timedelta(seconds=rule.settle_seconds)):
                    episode.cleared.add(rule.id)
                    group, zone = self._group_name(info), self._zone(info)
                    outgoing.append(Outgoing(
                        rule, info, episode.case, "clear",
                        partial(mails.clear_mail, self.settings.site_name, info, group, episode.case,
                                episode.started_at, episode.cleared_at, zone, rule.name),
                        partial(mails.digest_line, info, group, episode.case, episode.cleared_at, zone, "",
                                cleared=True)))
            longest = max([timedelta(seconds=r.settle_seconds) for r in rules] + [self.seat_settle])
            if quiet >= longest:
                del self.episodes[key]
                self._details.pop(key, None)
                if episode.announced:
                    self.bus.publish(ev.NotificationCaseChanged(info.id, info.identity, episode.case, False,
                                                                episode.started_at))
        outgoing += self._recovery_tick(now)
        if outgoing:
            task = spawn(self._deliver(outgoing), name="notification mails")
            self._deliveries.add(task)
            task.add_done_callback(self._deliveries.discard)

    def _recovery_tick(self, now: datetime) -> list[Outgoing]:
        outgoing = []
        for station_id in set(self._faulted) | set(self.recoveries):
            info = self.stations.by_id.get(station_id)
            if info is None:
                continue
            rules = [r for r in self.rules.for_station(info) if r.recovery_minutes]
            recovery = self.recoveries.get(station_id)
            if not rules:
                continue
            wait = timedelta(minutes=min(r.recovery_minutes for r in rules))
            faulted = self._faulted.get(station_id)
            active = (info.registration == "adopted" and info.connection_state == "online"
                      and is_monitored(info.system_status))
            if recovery is None or recovery.step == "done":
                if not faulted or not active:
                    continue
                since = self._episode_since.get(station_id) or min(faulted.values())
                if recovery is not None and recovery.faulted_since == since:
                    continue  # this episode had its sequence
                done = self._recovered_at.get(station_id)
                if now - since < wait or (done is not None and now - done < RECOVERY_COOLDOWN):
                    continue
                self.recoveries[station_id] = Recovery(station_id, since, "Soft", now)
                self._request_reset(info, "Soft", wait)
            elif now - recovery.step_at >= wait:
                if not faulted:
                    recovery.steps.append(f"{mails.local_time(now, self._zone(info))}: no fault for "
                                          f"{int(wait.total_seconds() // 60)} minutes")
                    outgoing += self._recovery_outcome(info, rules, recovery, True, now)
                elif recovery.step == "Soft" and active:
                    recovery.step, recovery.step_at = "Hard", now
                    self._request_reset(info, "Hard", wait)
                elif recovery.step == "Hard":
                    outgoing += self._recovery_outcome(info, rules, recovery, False, now)
        return outgoing

    def _request_reset(self, info, kind: str, wait: timedelta) -> None:
        minutes = int(wait.total_seconds() // 60)
        reason = (f"Auto-recovery: Faulted for {minutes} minutes" if kind == "Soft" else
                  f"Auto-recovery: still Faulted {minutes} minutes after a soft reset")
        self.bus.publish(ev.AutoRecoveryDue(info.id, info.identity, kind, reason))

    def recovery_answer(self, station_id: UUID, kind: str, outcome: str, message: str) -> None:
        """The command layer's report of a reset it sent (or could not send)."""
        recovery = self.recoveries.get(station_id)
        info = self.stations.by_id.get(station_id)
        if recovery is not None and info is not None:
            recovery.steps.append(f"{mails.local_time(self.clock(), self._zone(info))}: {kind.lower()} reset — "
                                  f"{message or outcome}")

    def _recovery_outcome(self, info, rules, recovery: Recovery, recovered: bool, now: datetime) -> list[Outgoing]:
        recovery.step = "done"
        self._recovered_at[info.id] = now
        outgoing = []
        for rule in rules:
            outgoing.append(Outgoing(rule, info, RECOVERY_CASE, "recovery", partial(
                mails.recovery_mail, self.settings.site_name, info, self._group_name(info), recovery.faulted_since,
                self._zone(info), recovered, list(recovery.steps), rule.name)))
        return outgoing

    # -- mail -----------------------------------------------------------------------------------------
    def _zone(self, info) -> str:
        return info.timezone or self.settings.site_timezone

    def _group_name(self, info) -> str:
        group = self.group_tree.groups.get(info.group_id) if info.group_id else None
        return group.name if group else ""

    async def _messages(self, outgoing: list[Outgoing]) -> list[tuple[object, str, str, list[Outgoing]]]:
        """(rule, subject, body, the mails it stands for): more than `DIGEST_OVER` start (or clear)
        mails of one rule in one tick go as one digest (a power cut must not send 2,000 mails)."""
        groups: dict[tuple, list[Outgoing]] = {}
        for item in outgoing:
            groups.setdefault((item.rule.id, item.kind), []).append(item)
        messages = []
        for (_rule_id, kind), items in groups.items():
            if kind in ("start", "clear") and len(items) > DIGEST_OVER:
                lines = []
                for n, item in enumerate(items, 1):
                    lines.append(item.line())
                    if n % COMPOSE_BATCH == 0:
                        await asyncio.sleep(0)
                subject, body = mails.digest_mail(self.settings.site_name, kind, lines,
                                                  len({i.info.id for i in items}), items[0].rule.name)
                messages.append((items[0].rule, subject, body, items))
            else:
                for n, item in enumerate(items, 1):
                    messages.append((item.rule, *item.compose(), [item]))
                    if n % COMPOSE_BATCH == 0:
                        await asyncio.sleep(0)
        return messages

    async def _deliver(self, outgoing: list[Outgoing]) -> None:
        operator_mail: dict[UUID, str] = {}
        if any(o.rule.operator_ids for o in outgoing):
            operator_mail = {op.id: op.email for op in await self.store.read(operator_queries.all_operators)
                             if op.status == "active" and op.email}
        rows: list[dict] = []
        gate = asyncio.Semaphore(SMTP_CONCURRENCY)

        async def send(to: str, subject: str, body: str, covered: list[Outgoing]) -> None:
            async with gate:
                try:
                    await self.mailer.send(to, subject, body)
                    outcome, answer = "sent", "Accepted by the mail server."
                except EvdeskError as exc:
                    outcome, answer = "failed", str(exc)
                except Exception as exc:  # a fault of the mail path: logged as failed, the others still go
                    log.exception("notification mail to %s failed", to)
                    outcome, answer = "failed", f"Could not send ({exc})."
            at = self.clock()
            for item in covered:  # one row per station: the log answers "was X told about station Y?"
                rows.append({"id": log_repo.new_id(), "rule_id": item.rule.id, "station_id": item.info.id,
                             "station_identity": item.info.identity[:255], "station_name": item.info.name[:255],
                             "case": item.case, "kind": item.kind, "to": to[:255], "subject": subject[:255],
                             "outcome": outcome, "answer": answer, "at": at})

        sends = []
        for rule, subject, body, covered in await self._messages(outgoing):
            recipients = list(rule.emails)
            for operator_id in sorted(rule.operator_ids):
                address = operator_mail.get(operator_id)
                if address and address.lower() not in (r.lower() for r in recipients):
                    recipients.append(address)
            sends += [send(to, subject, body, covered) for to in recipients]
        await asyncio.gather(*sends)
        if rows:
            await self.store.run(repo.add_mails, rows)
            self.bus.publish(ev.NotificationMailsLogged(len(rows)))
