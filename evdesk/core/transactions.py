"""Charging sessions as chargers really report them (INTEROP §4-§6).

* Start: authorized through the one decision, numbered with an integer OCPP id
  that evdesk hands out itself (1 .. 2^31-1, never derived from a number a
  station sent), and committed before the answer goes out (group commit: no lock
  is held across the disk). A Start the station repeats after an offline spell
  gets the same id back.
* Meter values: stored with the frame's group commit, so the station is answered
  only once they are on disk; the newest register reading of each running session
  is kept in memory (and on the session row every few seconds, for screens).
* Stop: a Stop for an unknown transaction is recorded under evdesk's own id with
  the station's number kept aside, and flagged; meterStop below meterStart is
  flagged and its energy not trusted; a late Stop reconciles a session that evdesk
  had closed.
* Closing without a Stop, energy never invented: a session with no sign of life
  for `transaction_inactivity_minutes`, or whose connector the station has reported
  free (Available, e.g. after a reboot that lost the session) for that long, is
  closed from its newest *stored* reading (not from the in-memory progress, which
  a crash may have left behind) and flagged. A new Start on the same connector
  closes the session it replaces at once (flagged).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from evdesk.core import events as ev
from evdesk.core.authorization import AuthorizationService, Decision
from evdesk.core.clock import parse_ocpp_time, utcnow
from evdesk.core.metering import (
    MeterReading, newest_energy, newest_power, oldest_energy, parse_meter_values, phases_drawing,
)
from evdesk.core.pricing.selection import Who
from evdesk.core.pricing.tariff import prices_from_snapshot
from evdesk.core.running_sessions import ActiveTransaction, RunningSessions
from evdesk.core.session_limits import session_limits
from evdesk.core.station_cache import StationInfo
from evdesk.core.tariffs import AppliedTariff, TariffService
from evdesk.core.tasks import cancel_and_wait
from evdesk.settings import SiteSettings
from evdesk.store.batch import BatchWriter
from evdesk.store.database import Store
from evdesk.store.repos import transactions as repo

log = logging.getLogger(__name__)

FLAG_METER_STOP_BELOW_START = "meter_stop_below_start"
FLAG_STOP_WITHOUT_START = "stop_without_start"
FLAG_CLOSED_BY_INACTIVITY = "closed_by_inactivity"
FLAG_CONNECTOR_FREED = "connector_freed_without_stop"
FLAG_SUPERSEDED = "superseded_by_new_session"
FLAG_LATE_STOP = "late_stop_reconciled"
FLAG_SUSPICIOUS_TIME = "suspicious_timestamp"
FLAG_NOT_AUTHORIZED = "not_authorized"

FLAG_LABELS = {
    FLAG_METER_STOP_BELOW_START: "Meter stop below meter start: energy not trusted",
    FLAG_STOP_WITHOUT_START: "Stop received for a session never started",
    FLAG_CLOSED_BY_INACTIVITY: "Closed by evdesk after no activity",
    FLAG_CONNECTOR_FREED: "Closed by evdesk: the station reported the connector free and never sent a Stop",
    FLAG_SUPERSEDED: "Closed by evdesk: the station started a new session on the same connector without a Stop",
    FLAG_LATE_STOP: "Stop arrived after the session was closed; reconciled",
    FLAG_SUSPICIOUS_TIME: "Timestamp far from the current time",
    FLAG_NOT_AUTHORIZED: "Started with a token that was not accepted",
}

REPLAY_AGE = timedelta(minutes=5)
FREE_STATUSES = frozenset({"Available"})
OCPP_INTEGER_MAX = repo.OCPP_INTEGER_MAX

__all__ = ["ActiveTransaction", "RunningSessions", "StartResult", "TransactionService", "FLAG_LABELS"]


@dataclass(frozen=True)
class StartResult:
    ocpp_id: int
    decision: Decision
    duplicate: bool = False


class TransactionService:
    def __init__(self, store: Store, bus: ev.EventBus, settings: SiteSettings, batch: BatchWriter,
                 auth: AuthorizationService, stations, running: RunningSessions, tariffs: TariffService,
                 access_profiles, compat=None):
        self.store = store
        self.compat = compat  # the station's compatibility profile: zone of naive times, unit of bare energy
        self.bus = bus
        self.settings = settings
        self.batch = batch
        self.auth = auth
        self.stations = stations
        self.running = running
        self.tariffs = tariffs
        self.access_profiles = access_profiles  # an admitting profile's tariff comes before the tariff groups'
        # a remote start's chosen tariff, until the station's StartTransaction on that connector
        self._remote_tariffs: dict[tuple[UUID, int | None], tuple[AppliedTariff, datetime]] = {}
        # and its stop limits (minutes, kwh, cost), likewise
        self._remote_limits: dict[tuple[UUID, int | None], tuple[dict, datetime]] = {}
        self.active = running.by_ocpp_id  # by OCPP id
        self._next_ocpp_id = 1
        self._id_slot = 0  # a seat of a shared site numbers sessions in its own slot (see use_id_slot)
        self._dirty: set[int] = set()
        self._task: asyncio.Task | None = None
        self._unsubscribe = [bus.subscribe(ev.ConnectorStatusChanged, self._connector_status),
                             bus.subscribe(ev.RowsChanged, self._rows_changed)]

    # -- loading ---------------------------------------------------------------------------
    async def load(self) -> None:
        def read():
            return repo.highest_own_ocpp_id(), repo.running_sessions()

        top, rows = await self.store.run(read)
        self._next_ocpp_id = top + 1
        for row, latest in rows:
            self._remember(self._active_from(row, latest))

    def _active_from(self, row: repo.StoredSession, latest: tuple[int, datetime] | None) -> ActiveTransaction:
        info = self.stations.by_id.get(row.station_id)
        meter_last, last_at = row.meter_last_wh, row.last_meter_at
        if latest is not None and (last_at is None or latest[1] >= last_at):
            meter_last, last_at = latest  # the stored readings are the truth, not the progress snapshot
        return ActiveTransaction(
            id=row.id, ocpp_id=row.ocpp_id, station_id=row.station_id, identity=info.identity if info else "",
            connector_id=row.connector_id, id_tag_key=row.id_tag.upper(), started_at=row.started_at,
            meter_start_wh=row.meter_start_wh, meter_last_wh=meter_last, last_meter_at=last_at,
            last_activity=last_at or row.started_at, flags=list(row.flags), tariff_name=row.tariff_name,
            prices=prices_from_snapshot(row.tariff_prices) if row.tariff_prices else None,
            limit_minutes=row.limit_minutes, limit_wh=row.limit_wh, limit_cost_minor=row.limit_cost_minor,
        )

    def _remember(self, t: ActiveTransaction) -> None:
        self.running.add(t)

    def _forget(self, ocpp_id: int) -> ActiveTransaction | None:
        self._dirty.discard(ocpp_id)
        return self.running.remove(ocpp_id)

    def active_on(self, station_id: UUID, connector_id: int) -> ActiveTransaction | None:
        return self.running.on(station_id, connector_id)

    ID_SLOTS = 64

    def use_id_slot(self, slot: int) -> None:
        """On a shared site each seat hands out OCPP transaction ids that are its slot modulo 64
        (slot 1..63, given by the shared database when the seat joins), so seats never give two
        sessions the same number, not even while they cannot reach each other. 0: a seat alone
        (every number in turn, as before)."""
        self._id_slot = slot

    def _allocate_id(self) -> int:
        ocpp_id = self._next_ocpp_id
        if self._id_slot:
            ocpp_id += (self._id_slot - ocpp_id) % self.ID_SLOTS
        if ocpp_id > OCPP_INTEGER_MAX:
            raise RuntimeError("evdesk has handed out every OCPP 1.6 transaction id (2^31-1)")
        self._next_ocpp_id = ocpp_id + 1
        return ocpp_id

    def _flag_time(self, at: datetime, flags: list[str]) -> None:
        if abs((utcnow() - at).total_seconds()) > self.settings.clock_skew_flag_seconds:
            flags.append(FLAG_SUSPICIOUS_TIME)

    def _naive_zone(self, info: StationInfo):
        return self.compat.naive_zone(info) if self.compat else None

    # -- start ---------------------------------------------------------------------------------
    async def start(self, info: StationInfo, connector_id: int, id_tag: str, meter_start: int, timestamp: str | None,
                    reservation_id: int | None = None, remote: bool = False,
                    same_commit: Callable[[int], object] | None = None) -> StartResult:
        """`same_commit(ocpp_id)` queues rows that belong to a new session (an OCPP 2.0.1 transaction's
        reference) into the session row's commit: the station waits for one commit, not two. Not
        called for a repeated Start (nothing new is written)."""
        received = utcnow()
        started_at, _trusted = parse_ocpp_time(timestamp, received, self._naive_zone(info))
        existing = self._running_duplicate(info.id, connector_id, meter_start, started_at)
        if existing is None and received - started_at > REPLAY_AGE:
            # an old Start is most likely a replay after an offline spell: it may be stored already
            found = await self.store.read(repo.find_start, info.id, connector_id, id_tag[:64], meter_start, started_at)
            if found is not None:
                existing = found
        if existing is not None:
            refused = FLAG_NOT_AUTHORIZED in (existing.flags or ())
            return StartResult(existing.ocpp_id, Decision("Invalid" if refused else "Accepted", "repeated StartTransaction"),
                               duplicate=True)
        decision = await self.auth.authorize(info, connector_id, id_tag, "StartTransaction")
        flags: list[str] = []
        self._flag_time(started_at, flags)
        if not decision.accepted:
            flags.append(FLAG_NOT_AUTHORIZED)
        token = decision.token
        replaced = self.active_on(info.id, connector_id)
        ocpp_id = self._allocate_id()
        applied = self._tariff_for(info, connector_id, token, started_at)
        group = self.auth.index.groups.get(token.user_group_id) if token is not None and token.user_group_id else None
        limits = session_limits(applied.prices, group=group, **self._remote_limits_for(info.id, connector_id))
        with self.batch.frame_scope() as ticket:
            tx_id = repo.queue_start(
                self.batch, ocpp_id=ocpp_id, station_id=info.id, connector_id=connector_id, id_tag=id_tag,
                token_id=token.id if token else None, user_id=token.user_id if token else None, started_at=started_at,
                meter_start_wh=meter_start, reservation_id=reservation_id, remote=remote, flags=flags,
                tariff_id=applied.tariff_id, tariff_name=applied.name, tariff_prices=applied.prices.to_dict(),
                currency=applied.prices.currency, **limits)
            if same_commit is not None:
                same_commit(ocpp_id)
        await self.batch.committed(ticket)  # on disk before the station hears its id
        if replaced is not None:
            await self._close(replaced, FLAG_SUPERSEDED, "SupersededByNewSession")
        t = ActiveTransaction(
            id=tx_id, ocpp_id=ocpp_id, station_id=info.id, identity=info.identity, connector_id=connector_id,
            id_tag_key=id_tag.upper() if token is None else token.uid.upper(), started_at=started_at,
            meter_start_wh=meter_start, meter_last_wh=meter_start, last_activity=received, flags=flags,
            tariff_name=applied.name, prices=applied.prices, **limits,
        )
        self._remember(t)
        self.bus.publish(ev.TransactionStarted(tx_id, info.id, connector_id, ocpp_id, id_tag, started_at))
        return StartResult(ocpp_id, decision)

    def choose_remote_tariff(self, station_id: UUID, connector_id: int, applied: AppliedTariff) -> None:
        """A remote start named its tariff: the next Start on that connector (within the remote-start
        timeout) gets it instead of the one the tariff groups would give."""
        self._remote_tariffs[(station_id, connector_id)] = (applied, utcnow())

    def choose_remote_limits(self, station_id: UUID, connector_id: int | None, *, minutes: int | None = None,
                             kwh=None, cost=None) -> None:
        """A remote start set stop limits: the next Start on that connector (within the remote-start
        timeout) gets them instead of its tariff's (a limit left None keeps the tariff's)."""
        self._remote_limits[(station_id, connector_id)] = ({"minutes": minutes, "kwh": kwh, "cost": cost}, utcnow())

    def forget_remote_choice(self, station_id: UUID, connector_id: int | None) -> None:
        """The remote start was not accepted: its tariff and limits choice lapses."""
        self._remote_tariffs.pop((station_id, connector_id), None)
        self._remote_limits.pop((station_id, connector_id), None)

    def _remote_pop(self, choices: dict, station_id: UUID, connector_id: int):
        """A remote start's choice for this connector (or for "the station chooses"), if still fresh."""
        chosen = choices.pop((station_id, connector_id), None) or choices.pop((station_id, None), None)
        if chosen is not None and utcnow() - chosen[1] <= timedelta(seconds=max(60, self.settings.remote_start_timeout)):
            return chosen[0]
        return None

    def _remote_limits_for(self, station_id: UUID, connector_id: int) -> dict:
        return self._remote_pop(self._remote_limits, station_id, connector_id) or {}

    def _tariff_for(self, info: StationInfo, connector_id: int, token, started_at: datetime) -> AppliedTariff:
        chosen = self._remote_pop(self._remote_tariffs, info.id, connector_id)
        if chosen is not None:
            return chosen
        who = Who(token.user_id, token.user_group_id, token.id) if token is not None else Who()
        return (self.access_profiles.tariff_for(info, connector_id, who, started_at)
                or self.tariffs.resolve(info, connector_id, who, started_at))

    def _running_duplicate(self, station_id, connector_id, meter_start, started_at) -> ActiveTransaction | None:
        t = self.active_on(station_id, connector_id)
        if t is not None and t.meter_start_wh == meter_start and t.started_at == started_at:
            return t
        return None

    # -- meter values ----------------------------------------------------------------------------
    def meter_values(self, info: StationInfo, connector_id: int, transaction_id: int | None, meter_value: list[dict],
                     tx_uuid: UUID | None = None) -> list[MeterReading]:
        """Queue the readings for the current frame's group commit and track the session."""
        received = utcnow()
        readings = parse_meter_values(meter_value, received, self._naive_zone(info),
                                      self.compat.unitless_energy_unit(info) if self.compat else "Wh")
        # clock-aligned values often carry transactionId 0: that means "none" (INTEROP §4)
        t = self.active.get(transaction_id) if transaction_id else None
        if t is None and transaction_id is None:
            t = self.active_on(info.id, connector_id)
        if t is not None:
            tx_uuid = t.id
        for r in readings:
            repo.queue_reading(self.batch, station_id=info.id, tx_id=tx_uuid, connector_id=connector_id,
                               timestamp=r.timestamp, context=r.context, energy_wh=r.energy_wh, power_w=r.power_w,
                               current_a=r.current_a, voltage_v=r.voltage_v, soc=r.soc, samples=r.samples)
        if t is not None:
            if transaction_id or t.connector_free_since is None:
                t.last_activity = received  # readings on a connector reported free are no sign of this session
            power = newest_power(readings)
            if power is not None:
                t.power_w = power
            latest = newest_energy(readings)
            if latest is not None and (t.last_meter_at is None or latest[1] >= t.last_meter_at):
                t.meter_last_wh, t.last_meter_at = latest
            self._dirty.add(t.ocpp_id)
            current = next((r.current_a for r in reversed(readings) if r.current_a is not None), None)
            phases = next((n for n in map(phases_drawing, reversed(readings)) if n is not None), None)
            self.bus.publish(ev.TransactionUpdated(t.id, t.station_id, t.connector_id, t.energy_wh, t.power_w, received,
                                                   current, phases))
        return readings

    def _connector_status(self, event: ev.ConnectorStatusChanged) -> None:
        t = self.active_on(event.station_id, event.connector_id)
        if t is None:
            return
        if event.status in FREE_STATUSES:
            if t.connector_free_since is None:
                t.connector_free_since = event.at or utcnow()
        else:
            t.connector_free_since = None

    # -- stop ---------------------------------------------------------------------------------------
    async def stop(self, info: StationInfo, transaction_id: int, meter_stop: int, timestamp: str | None,
                   id_tag: str | None = None, reason: str | None = None,
                   transaction_data: list[dict] | None = None) -> Decision | None:
        received = utcnow()
        stopped_at, _trusted = parse_ocpp_time(timestamp, received, self._naive_zone(info))
        t = self.active.get(transaction_id)
        readings: list[MeterReading] = []
        with self.batch.frame_scope() as ticket:
            if transaction_data:
                # a session evdesk no longer runs (closed for inactivity) still owns its closing readings
                known = t.id if t is not None else await self.store.read(self._uuid_for, info.id, transaction_id)
                readings = self.meter_values(info, t.connector_id if t else 0, transaction_id, transaction_data,
                                             tx_uuid=known)
        decision = None
        if id_tag:
            decision = await self.auth.authorize(info, t.connector_id if t else None, id_tag, "StopTransaction",
                                                 starting=False)
        # the closing readings and the Stop itself in one group commit, before the answer
        outcome = await self.batch.call(
            self._write_stop, info.id, transaction_id, meter_stop, stopped_at, id_tag or "", reason or "Local",
            t.meter_last_wh if t else None, t.last_meter_at if t else None, readings)
        await self.batch.committed(ticket)
        self._forget(transaction_id)
        if outcome is not None:
            tx_id, connector_id, state, energy, flags = outcome
            self.bus.publish(ev.TransactionEnded(tx_id, info.id, connector_id, state, energy, tuple(flags)))
        return decision

    @staticmethod
    def _uuid_for(station_id: UUID, ocpp_id: int) -> UUID | None:
        row = repo.session_by_ocpp_id(station_id, ocpp_id)
        return row.id if row else None

    def _write_stop(self, station_id, ocpp_id, meter_stop, stopped_at, id_tag, reason, last_wh, last_at, readings):
        """(worker, in the group commit) Record a Stop; None when it was recorded before."""
        flags: list[str] = []
        self._flag_time(stopped_at, flags)
        row = repo.session_by_ocpp_id(station_id, ocpp_id)
        if row is None:
            if repo.session_by_station_number(station_id, ocpp_id) is not None:
                return None  # the same orphan Stop, repeated after an offline spell
            # The Start was lost (INTEROP §5): keep what the Stop tells, invent nothing. It gets an
            # id of evdesk's below zero (never handed to a station); the station's number is kept aside.
            first = oldest_energy(readings)
            energy = (meter_stop - first[0]) if first and meter_stop >= first[0] else None
            new = repo.insert_station_numbered(
                ocpp_id=min(repo.lowest_ocpp_id(), 0) - 1, station_number=ocpp_id, station_id=station_id, id_tag=id_tag,
                started_at=first[1] if first else stopped_at, stopped_at=stopped_at,
                meter_start_wh=first[0] if first else meter_stop, meter_stop_wh=meter_stop, energy_wh=energy,
                stop_reason=reason, flags=flags + [FLAG_STOP_WITHOUT_START])
            return new.id, new.connector_id, "completed", energy, list(new.flags)
        if row.state == "completed":
            return None  # a repeated Stop after an offline spell: already recorded
        flags = list(row.flags) + flags
        if row.state == "closed_inactive":
            flags.append(FLAG_LATE_STOP)
        if meter_stop < row.meter_start_wh:
            flags.append(FLAG_METER_STOP_BELOW_START)
            energy = None
        else:
            energy = meter_stop - row.meter_start_wh
        flags = sorted(set(flags))
        repo.finish(
            row.id, state="completed", stopped_at=stopped_at, meter_stop_wh=meter_stop,
            meter_last_wh=meter_stop if energy is not None else (last_wh if last_wh is not None else row.meter_last_wh),
            last_meter_at=last_at or row.last_meter_at, energy_wh=energy, stop_reason=reason, stop_id_tag=id_tag[:64],
            flags=flags, reconciled_at=utcnow() if row.state == "closed_inactive" else None,
        )
        return row.id, row.connector_id, "completed", energy, flags

    # -- housekeeping -----------------------------------------------------------------------------------
    def start_housekeeping(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._loop(), name="evdesk-transactions")

    async def stop_housekeeping(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []
        await cancel_and_wait(self._task)
        self._task = None
        await self.flush_progress()

    async def _loop(self) -> None:
        tick = 0
        while True:
            await asyncio.sleep(5.0)
            tick += 1
            try:
                await self.flush_progress()
                if tick % 6 == 0:
                    await self.close_inactive()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("transaction housekeeping failed")

    async def flush_progress(self) -> None:
        if not self._dirty:
            return
        ids, self._dirty = self._dirty, set()
        rows = [(t.id, t.meter_last_wh, t.last_meter_at) for i in ids if (t := self.active.get(i)) is not None]
        with self.batch.frame_scope() as ticket:  # thousands of sessions: a few multi-row UPDATEs
            repo.queue_progress(self.batch, rows)
        await self.batch.committed(ticket)

    async def close_inactive(self, now: datetime | None = None) -> list[int]:
        """Close sessions nothing has been heard of for the configured time; returns OCPP ids closed."""
        now = now or utcnow()
        limit = timedelta(minutes=self.settings.transaction_inactivity_minutes)
        closed = []
        for t in list(self.active.values()):
            if t.connector_free_since is not None and t.connector_free_since + limit <= now:
                await self._close(t, FLAG_CONNECTOR_FREED, "ConnectorFreedWithoutStop")
            elif (t.last_activity or t.started_at) + limit <= now:
                await self._close(t, FLAG_CLOSED_BY_INACTIVITY, "ClosedByInactivity")
            else:
                continue
            closed.append(t.ocpp_id)
        return closed

    async def _close(self, t: ActiveTransaction, flag: str, reason: str) -> None:
        """Close a session the station will not stop, from its newest stored reading."""
        self._forget(t.ocpp_id)
        stored = (await self.store.read(repo.latest_readings, [t.id])).get(t.id)
        last_wh, last_at = t.meter_last_wh, t.last_meter_at
        if stored is not None and (last_at is None or stored[1] >= last_at):
            last_wh, last_at = stored
        energy = None if last_wh is None else last_wh - t.meter_start_wh
        flags = sorted(set(t.flags + [flag]))
        await self.batch.call(
            repo.finish, t.id, state="closed_inactive", stopped_at=last_at or t.last_activity or t.started_at,
            meter_last_wh=last_wh, last_meter_at=last_at, energy_wh=energy, stop_reason=reason, flags=flags)
        log.info("%s: session %d on connector %d closed without a Stop (%s), %s Wh", t.identity, t.ocpp_id,
                 t.connector_id, FLAG_LABELS[flag], energy)
        self.bus.publish(ev.TransactionEnded(t.id, t.station_id, t.connector_id, "closed_inactive", energy, tuple(flags)))

    # -- another seat's changes -----------------------------------------------------------------------
    def _rows_changed(self, event: ev.RowsChanged) -> None:
        if event.entity != "transaction":
            return
        from evdesk.core.tasks import spawn

        spawn(self._refresh(set(event.ids)), name="running sessions refresh")

    async def _refresh(self, ids: set[UUID]) -> None:
        """Sessions another seat started or ended: keep the running ones, forget the ended ones."""
        rows = {row.id: (row, latest) for row, latest in await self.store.read(repo.running_sessions)}
        for t in list(self.active.values()):
            if t.id in ids and t.id not in rows:
                self._forget(t.ocpp_id)
        for tx_id in ids:
            if tx_id in rows and self.running.by_id(tx_id) is None:
                row, latest = rows[tx_id]
                self._remember(self._active_from(row, latest))
                self._next_ocpp_id = max(self._next_ocpp_id, row.ocpp_id + 1)
