"""Charging sessions as chargers really report them (INTEROP §4-§6).

* Start: authorized through the one decision, numbered with an integer OCPP id,
  written before the answer goes out (a crash cannot lose an accepted session).
  A Start the station repeats after an offline spell gets the same id back.
* Meter values: stored in batches; the newest register reading of each running
  session is kept in memory and written back every few seconds.
* Stop: a Stop for an unknown transaction is recorded and flagged; meterStop below
  meterStart is flagged and its energy not trusted; a late Stop reconciles a
  session that the inactivity rule had closed.
* A session with no sign of life for `transaction_inactivity_minutes` is closed
  from its last real reading; energy is never invented.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from uuid import UUID

import peewee

from evdesk.core import events as ev
from evdesk.core.authorization import AuthorizationService, Decision
from evdesk.core.clock import parse_ocpp_time, utcnow
from evdesk.core.metering import MeterReading, newest_energy, newest_power, oldest_energy, parse_meter_values
from evdesk.core.station_cache import StationInfo
from evdesk.core.tasks import cancel_and_wait
from evdesk.settings import SiteSettings
from evdesk.store import models as m
from evdesk.store.batch import BatchWriter
from evdesk.store.database import Store

log = logging.getLogger(__name__)

FLAG_METER_STOP_BELOW_START = "meter_stop_below_start"
FLAG_STOP_WITHOUT_START = "stop_without_start"
FLAG_CLOSED_BY_INACTIVITY = "closed_by_inactivity"
FLAG_LATE_STOP = "late_stop_reconciled"
FLAG_SUSPICIOUS_TIME = "suspicious_timestamp"
FLAG_NOT_AUTHORIZED = "not_authorized"

FLAG_LABELS = {
    FLAG_METER_STOP_BELOW_START: "Meter stop below meter start: energy not trusted",
    FLAG_STOP_WITHOUT_START: "Stop received for a session never started",
    FLAG_CLOSED_BY_INACTIVITY: "Closed by evdesk after no activity",
    FLAG_LATE_STOP: "Stop arrived after the session was closed; reconciled",
    FLAG_SUSPICIOUS_TIME: "Timestamp far from the current time",
    FLAG_NOT_AUTHORIZED: "Started with a token that was not accepted",
}


REPLAY_AGE = timedelta(minutes=5)


@dataclass
class ActiveTransaction:
    id: UUID
    ocpp_id: int
    station_id: UUID
    identity: str
    connector_id: int
    id_tag_key: str
    started_at: datetime
    meter_start_wh: int
    meter_last_wh: int | None = None
    last_meter_at: datetime | None = None
    last_activity: datetime | None = None
    power_w: float | None = None
    flags: list[str] = field(default_factory=list)

    @property
    def energy_wh(self) -> int | None:
        if self.meter_last_wh is None:
            return None
        return self.meter_last_wh - self.meter_start_wh


@dataclass(frozen=True)
class StartResult:
    ocpp_id: int
    decision: Decision
    duplicate: bool = False


class RunningSessions:
    """The sessions running now, in memory: by OCPP id, by connector, and per token.

    Built before the services that need it (the authorization decision counts a
    token's running sessions here; the transaction service keeps it)."""

    def __init__(self):
        self.by_ocpp_id: dict[int, ActiveTransaction] = {}
        self._by_connector: dict[tuple[UUID, int], ActiveTransaction] = {}
        self._tags: Counter[str] = Counter()  # token key -> running sessions

    def count_for_tag(self, tag_key: str) -> int:
        return self._tags[tag_key]

    def on(self, station_id: UUID, connector_id: int) -> ActiveTransaction | None:
        return self._by_connector.get((station_id, connector_id))

    def add(self, t: ActiveTransaction) -> None:
        self.by_ocpp_id[t.ocpp_id] = t
        self._tags[t.id_tag_key] += 1
        self._by_connector[(t.station_id, t.connector_id)] = t

    def remove(self, ocpp_id: int) -> ActiveTransaction | None:
        t = self.by_ocpp_id.pop(ocpp_id, None)
        if t is not None:
            if self._by_connector.get((t.station_id, t.connector_id)) is t:
                del self._by_connector[(t.station_id, t.connector_id)]
            self._tags[t.id_tag_key] -= 1
            if self._tags[t.id_tag_key] <= 0:
                del self._tags[t.id_tag_key]
        return t


class TransactionService:
    def __init__(
        self, store: Store, bus: ev.EventBus, settings: SiteSettings, batch: BatchWriter,
        auth: AuthorizationService, stations, running: RunningSessions,
    ):
        self.store = store
        self.bus = bus
        self.settings = settings
        self.batch = batch
        self.auth = auth
        self.stations = stations
        self.running = running
        self.active = running.by_ocpp_id  # by OCPP id
        self._next_ocpp_id = 1
        self._id_lock = asyncio.Lock()
        self._dirty: set[int] = set()
        self._task: asyncio.Task | None = None

    async def load(self) -> None:
        def read():
            top = m.Transaction.select(peewee.fn.MAX(m.Transaction.ocpp_id)).scalar() or 0
            rows = list(
                m.Transaction.alive().join(m.Station).where(m.Transaction.state == "active")
                .select(m.Transaction, m.Station.identity)
            )
            return top, rows

        top, rows = await self.store.run(read)
        self._next_ocpp_id = top + 1
        for row in rows:
            self._remember(ActiveTransaction(
                id=row.id, ocpp_id=row.ocpp_id, station_id=row.station_id, identity=row.station.identity,
                connector_id=row.connector_id, id_tag_key=row.id_tag.upper(), started_at=row.started_at,
                meter_start_wh=row.meter_start_wh, meter_last_wh=row.meter_last_wh,
                last_meter_at=row.last_meter_at, last_activity=row.last_meter_at or row.started_at,
                flags=list(row.flags or []),
            ))

    def _remember(self, t: ActiveTransaction) -> None:
        self.running.add(t)

    def _forget(self, ocpp_id: int) -> ActiveTransaction | None:
        self._dirty.discard(ocpp_id)
        return self.running.remove(ocpp_id)

    def active_on(self, station_id: UUID, connector_id: int) -> ActiveTransaction | None:
        return self.running.on(station_id, connector_id)

    def _flag_time(self, at: datetime, trusted: bool, flags: list[str]) -> None:
        if abs((utcnow() - at).total_seconds()) > self.settings.clock_skew_flag_seconds:
            flags.append(FLAG_SUSPICIOUS_TIME)

    # -- start ---------------------------------------------------------------
    async def start(
        self, info: StationInfo, connector_id: int, id_tag: str, meter_start: int, timestamp: str | None,
        reservation_id: int | None = None, remote: bool = False,
    ) -> StartResult:
        received = utcnow()
        started_at, trusted = parse_ocpp_time(timestamp, received)
        existing = self._running_duplicate(info.id, connector_id, meter_start, started_at)
        if existing is None and received - started_at > REPLAY_AGE:
            # an old Start is most likely a replay after an offline spell: it may be stored already
            existing = await self.store.run(self._find_duplicate_start, info.id, connector_id, id_tag, meter_start, started_at)
        if existing is not None:
            decision = Decision("Accepted" if FLAG_NOT_AUTHORIZED not in (existing.flags or []) else "Invalid", "repeated StartTransaction")
            return StartResult(existing.ocpp_id, decision, duplicate=True)
        decision = await self.auth.authorize(info, connector_id, id_tag, "StartTransaction")
        flags: list[str] = []
        self._flag_time(started_at, trusted, flags)
        if not decision.accepted:
            flags.append(FLAG_NOT_AUTHORIZED)
        token = decision.token
        async with self._id_lock:
            ocpp_id = self._next_ocpp_id
            self._next_ocpp_id += 1
            row = await self.store.run(
                self._insert_start, ocpp_id, info.id, connector_id, id_tag, token, started_at,
                meter_start, reservation_id, remote, flags,
            )
        t = ActiveTransaction(
            id=row.id, ocpp_id=ocpp_id, station_id=info.id, identity=info.identity, connector_id=connector_id,
            id_tag_key=id_tag.upper() if token is None else token.uid.upper(), started_at=started_at,
            meter_start_wh=meter_start, meter_last_wh=meter_start, last_activity=received, flags=flags,
        )
        self._remember(t)
        self.bus.publish(ev.TransactionStarted(row.id, info.id, connector_id, ocpp_id, id_tag, started_at))
        return StartResult(ocpp_id, decision)

    def _running_duplicate(self, station_id, connector_id, meter_start, started_at) -> ActiveTransaction | None:
        t = self.active_on(station_id, connector_id)
        if t is not None and t.meter_start_wh == meter_start and t.started_at == started_at:
            return t
        return None

    @staticmethod
    def _find_duplicate_start(station_id, connector_id, id_tag, meter_start, started_at):
        return (
            m.Transaction.alive()
            .where(
                (m.Transaction.station == station_id) & (m.Transaction.connector_id == connector_id)
                & (m.Transaction.id_tag == id_tag) & (m.Transaction.meter_start_wh == meter_start)
                & (m.Transaction.started_at == started_at)
            )
            .first()
        )

    @staticmethod
    def _insert_start(ocpp_id, station_id, connector_id, id_tag, token, started_at, meter_start, reservation_id, remote, flags):
        return m.Transaction.create(
            ocpp_id=ocpp_id, station=station_id, connector_id=connector_id, id_tag=id_tag[:64],
            token=token.id if token else None, user=token.user_id if token else None, started_at=started_at,
            meter_start_wh=meter_start, meter_last_wh=meter_start, reservation_id=reservation_id,
            remote_start=remote, flags=flags,
        )

    # -- meter values ----------------------------------------------------------
    def meter_values(self, info: StationInfo, connector_id: int, transaction_id: int | None, meter_value: list[dict],
                     tx_uuid: UUID | None = None) -> list[MeterReading]:
        received = utcnow()
        readings = parse_meter_values(meter_value, received)
        # clock-aligned values often carry transactionId 0: that means "none" (INTEROP §4)
        t = self.active.get(transaction_id) if transaction_id else None
        if t is None and transaction_id is None:
            t = self.active_on(info.id, connector_id)
        if t is not None:
            tx_uuid = t.id
        for r in readings:
            self.batch.add(
                m.MeterValue,
                {
                    "id": m.base.uuid7(), "station": info.id, "transaction": tx_uuid, "connector_id": connector_id,
                    "timestamp": r.timestamp, "context": r.context, "energy_wh": r.energy_wh, "power_w": r.power_w,
                    "current_a": r.current_a, "voltage_v": r.voltage_v, "soc": r.soc, "samples": r.samples,
                },
            )
        if t is not None:
            latest = newest_energy(readings)
            t.last_activity = received
            power = newest_power(readings)
            if power is not None:
                t.power_w = power
            if latest is not None and (t.last_meter_at is None or latest[1] >= t.last_meter_at):
                t.meter_last_wh, t.last_meter_at = latest
            self._dirty.add(t.ocpp_id)
            self.bus.publish(ev.TransactionUpdated(t.id, t.station_id, t.connector_id, t.energy_wh, t.power_w, received))
        return readings

    # -- stop ------------------------------------------------------------------
    async def stop(
        self, info: StationInfo, transaction_id: int, meter_stop: int, timestamp: str | None,
        id_tag: str | None = None, reason: str | None = None, transaction_data: list[dict] | None = None,
    ) -> Decision | None:
        received = utcnow()
        stopped_at, trusted = parse_ocpp_time(timestamp, received)
        t = self.active.get(transaction_id)
        readings: list[MeterReading] = []
        if transaction_data:
            # a session evdesk no longer runs (closed for inactivity) still owns its closing readings
            known = t.id if t is not None else await self.store.run(self._uuid_for, info.id, transaction_id)
            readings = self.meter_values(info, t.connector_id if t else 0, transaction_id, transaction_data, tx_uuid=known)
        self._forget(transaction_id)
        decision = None
        if id_tag:
            decision = await self.auth.authorize(info, t.connector_id if t else None, id_tag, "StopTransaction", starting=False)
        outcome = await self.store.run(
            self._write_stop, info.id, transaction_id, meter_stop, stopped_at, trusted, id_tag or "", reason or "Local",
            t.meter_last_wh if t else None, t.last_meter_at if t else None, readings,
        )
        if outcome is not None:
            tx_id, connector_id, state, energy, flags = outcome
            self.bus.publish(ev.TransactionEnded(tx_id, info.id, connector_id, state, energy, tuple(flags)))
        return decision

    def _write_stop(self, station_id, ocpp_id, meter_stop, stopped_at, trusted, id_tag, reason, last_wh, last_at, readings):
        with self.store.db.atomic():
            row = m.Transaction.get_or_none((m.Transaction.ocpp_id == ocpp_id) & (m.Transaction.station == station_id))
            flags: list[str] = []
            if abs((utcnow() - stopped_at).total_seconds()) > self.settings.clock_skew_flag_seconds:
                flags.append(FLAG_SUSPICIOUS_TIME)
            if row is None:
                # The Start was lost (INTEROP §5): keep what the Stop tells, invent nothing.
                first = oldest_energy(readings)
                row = m.Transaction.create(
                    ocpp_id=self._allocate_orphan_id(ocpp_id), station=station_id,
                    connector_id=0, id_tag=id_tag[:64], state="completed",
                    started_at=first[1] if first else stopped_at, stopped_at=stopped_at,
                    meter_start_wh=first[0] if first else meter_stop, meter_stop_wh=meter_stop,
                    meter_last_wh=meter_stop, energy_wh=(meter_stop - first[0]) if first and meter_stop >= first[0] else None,
                    stop_reason=reason, stop_id_tag=id_tag[:64], flags=flags + [FLAG_STOP_WITHOUT_START],
                )
                return row.id, row.connector_id, row.state, row.energy_wh, row.flags
            flags = list(row.flags or []) + flags
            if row.state == "completed":
                return None  # a repeated Stop after an offline spell: already recorded
            if row.state == "closed_inactive":
                flags.append(FLAG_LATE_STOP)
            if meter_stop < row.meter_start_wh:
                flags.append(FLAG_METER_STOP_BELOW_START)
                energy = None
            else:
                energy = meter_stop - row.meter_start_wh
            m.Transaction.update(
                state="completed", stopped_at=stopped_at, meter_stop_wh=meter_stop,
                meter_last_wh=meter_stop if energy is not None else (last_wh if last_wh is not None else row.meter_last_wh),
                last_meter_at=last_at or row.last_meter_at, energy_wh=energy, stop_reason=reason,
                stop_id_tag=id_tag[:64], flags=sorted(set(flags)),
                reconciled_at=utcnow() if row.state == "closed_inactive" else None,
                version=m.Transaction.version + 1, updated_at=utcnow(),
            ).where(m.Transaction.id == row.id).execute()
            return row.id, row.connector_id, "completed", energy, sorted(set(flags))

    @staticmethod
    def _uuid_for(station_id, ocpp_id):
        row = m.Transaction.get_or_none((m.Transaction.ocpp_id == ocpp_id) & (m.Transaction.station == station_id))
        return row.id if row else None

    @staticmethod
    def _allocate_orphan_id(wanted: int) -> int:
        """Keep the station's id when free; otherwise a negative id, never reused."""
        if not m.Transaction.select().where(m.Transaction.ocpp_id == wanted).exists():
            return wanted
        low = m.Transaction.select(peewee.fn.MIN(m.Transaction.ocpp_id)).scalar() or 0
        return min(low, 0) - 1

    # -- housekeeping ----------------------------------------------------------
    def start_housekeeping(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._loop(), name="evdesk-transactions")

    async def stop_housekeeping(self) -> None:
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

        def write():
            with self.store.db.atomic():
                for tx_id, wh, at in rows:
                    m.Transaction.update(meter_last_wh=wh, last_meter_at=at).where(m.Transaction.id == tx_id).execute()

        await self.store.run(write)

    async def close_inactive(self, now: datetime | None = None) -> list[int]:
        """Close sessions with no sign of life for the configured time; returns OCPP ids closed."""
        now = now or utcnow()
        limit = timedelta(minutes=self.settings.transaction_inactivity_minutes)
        stale = [t for t in self.active.values() if (t.last_activity or t.started_at) + limit <= now]
        closed = []
        for t in stale:
            self._forget(t.ocpp_id)
            flags = sorted(set(t.flags + [FLAG_CLOSED_BY_INACTIVITY]))

            def write(t=t, flags=flags):
                m.Transaction.update(
                    state="closed_inactive", stopped_at=t.last_meter_at or t.last_activity or t.started_at,
                    meter_last_wh=t.meter_last_wh, last_meter_at=t.last_meter_at, energy_wh=t.energy_wh,
                    stop_reason="ClosedByInactivity", flags=flags, version=m.Transaction.version + 1, updated_at=utcnow(),
                ).where(m.Transaction.id == t.id).execute()

            await self.store.run(write)
            closed.append(t.ocpp_id)
            self.bus.publish(ev.TransactionEnded(t.id, t.station_id, t.connector_id, "closed_inactive", t.energy_wh, tuple(flags)))
        return closed
