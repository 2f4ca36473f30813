"""Stations: creating and adopting them, who may connect, and what a boot means."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import os
import random
import re
import time
from dataclasses import dataclass
from uuid import UUID

import peewee

from evdesk.core import events as ev
from evdesk.core.clock import utcnow
from evdesk.core.errors import NotFound, StaleEdit, ValidationError
from evdesk.core.log_limit import limited
from evdesk.core.passwords import hash_password, verify_password
from evdesk.core.permissions import OperatorContext, Permission, require, require_station
from evdesk.core.station_cache import StationInfo, station_info_from_row
from evdesk.core.station_status import demote_after_restart, write_connection_states
from evdesk.core.tasks import spawn
from evdesk.settings import SiteSettings
from evdesk.store import models as m
from evdesk.store.database import Store

log = logging.getLogger(__name__)

IDENTITY_PATTERN = re.compile(r"^[A-Za-z0-9_-]+$")
MAX_IDENTITY_LENGTH = 48  # OCPP 1.6 chargeBoxIdentity is CiString48
PENDING_BOOT_LOG_SECONDS = 3600.0
STATION_PASSWORD_COST = 2**12  # machine secrets: long and random, checked on every connect


def validate_identity(identity: str) -> str:
    """The EV Manager rules: letters, digits, '-' and '_' only."""
    identity = (identity or "").strip()
    if not identity:
        raise ValidationError("Invalid charging station identifier.", field="identity")
    if not IDENTITY_PATTERN.match(identity):
        raise ValidationError("Identifier contains forbidden characters.", field="identity")
    if len(identity) > MAX_IDENTITY_LENGTH:
        raise ValidationError(
            f"Invalid charging station identifier. Use at most {MAX_IDENTITY_LENGTH} characters.", field="identity"
        )
    return identity


@dataclass(frozen=True)
class Admission:
    """What to do with a websocket that asks to connect as `identity`."""

    decision: str  # accept / reject / busy (try again later)
    station: StationInfo | None
    reason: str = ""


@dataclass(frozen=True)
class BootDecision:
    status: str  # Accepted / Pending / Rejected
    interval: int


class BootGate:
    """Spreads a boot storm (all stations back after a power cut) over time.

    Up to `rate` boots per second are accepted (a token bucket with one second of
    burst). Above that a station is told to retry later, at a slot of its own:
    slots are handed out `1/rate` apart, so the storm drains at the accept rate
    instead of every station coming back at the same moment. A little jitter
    keeps the retries from lining up exactly.
    """

    def __init__(self, rate: float, burst: float | None = None, rng: random.Random | None = None):
        self.rate = rate
        self.capacity = burst if burst is not None else max(1.0, rate)
        self.tokens = self.capacity
        self.stamp = time.monotonic()
        self.next_slot = 0.0
        self.rng = rng or random.Random()

    def admit(self) -> bool:
        now = time.monotonic()
        self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return True
        return False

    def retry_in(self, minimum: int, maximum: int) -> int:
        """Seconds until this station's own slot, between `minimum` and `maximum`."""
        now = time.monotonic()
        self.next_slot = max(self.next_slot, now) + 1.0 / max(self.rate, 0.001)
        wait = (self.next_slot - now) * self.rng.uniform(1.0, 1.15)
        return int(min(maximum, max(minimum, round(wait))))


class StationService:
    def __init__(self, store: Store, bus: ev.EventBus, settings: SiteSettings):
        self.store = store
        self.bus = bus
        self.settings = settings
        self.by_identity: dict[str, StationInfo] = {}
        self.by_id: dict[UUID, StationInfo] = {}
        self.boot_gate = BootGate(settings.boot_accept_rate)
        # HMAC of a verified password, so a reconnecting station costs no scrypt.
        self._verified: dict[UUID, bytes] = {}
        self._pepper = os.urandom(16)
        self._create_lock = asyncio.Lock()
        # Services sets this to GroupService.fresh: a context's domain as the tree is now.
        self.fresh_context = lambda ctx: ctx
        # Stations that connected unknown: in the registry at once, written in batches.
        self._unsaved: list[StationInfo] = []
        self._saving: dict[UUID, asyncio.Future] = {}
        self._saver: asyncio.Task | None = None
        # pending stations, oldest first (ids are time-ordered), for the cap
        self._pending: dict[UUID, StationInfo] = {}
        self.pending_dropped = 0
        self._pending_boots: dict[UUID, tuple] = {}  # what a pending station last booted with, when stored

    # -- loading -------------------------------------------------------------
    async def load(self) -> None:
        def read():
            stations = list(m.Station.alive())
            connectors: dict[UUID, list] = {}
            for c in m.Connector.alive():
                connectors.setdefault(c.station_id, []).append(c)
            return [station_info_from_row(s, connectors.get(s.id, ())) for s in stations]

        infos = await self.store.run(read)
        for info in sorted(infos, key=lambda i: i.id.int):
            info.connected = False
            self._remember(info)
        await self._demote_stale_online(infos)

    async def _demote_stale_online(self, infos: list[StationInfo]) -> None:
        rows = demote_after_restart(infos, self.settings, utcnow())
        if rows:
            await self.store.run(write_connection_states, rows)
            log.info("evdesk restarted: %d station(s) stored as online are unavailable until they connect again",
                     len(rows))

    def _remember(self, info: StationInfo) -> None:
        self.by_identity[info.identity] = info
        self.by_id[info.id] = info
        if info.registration == "pending":
            self._pending[info.id] = info
        else:
            self._pending.pop(info.id, None)

    def _forget(self, info: StationInfo) -> None:
        if self.by_identity.get(info.identity) is info:
            del self.by_identity[info.identity]
        if self.by_id.get(info.id) is info:
            del self.by_id[info.id]
        if self._pending.get(info.id) is info:
            del self._pending[info.id]

    def get(self, identity: str) -> StationInfo | None:
        return self.by_identity.get(identity)

    def get_by_id(self, station_id: UUID) -> StationInfo:
        try:
            return self.by_id[station_id]
        except KeyError:
            raise NotFound("Charging station does not exist.") from None

    def all(self) -> list[StationInfo]:
        return list(self.by_id.values())

    # -- operator actions ----------------------------------------------------
    async def create_station(
        self,
        identity: str,
        name: str = "",
        group_id: UUID | None = None,
        connectors: int = 1,
        password: str | None = None,
        registration: str = "adopted",
        *,
        ctx: OperatorContext,
    ) -> StationInfo:
        self._allow(ctx, Permission.ADD_REMOVE_STATIONS, group_id)
        identity = validate_identity(identity)
        if connectors < 0 or connectors > 32:
            raise ValidationError("A station has between 0 and 32 connectors.", field="connectors")
        password_hash = await self._hash_station_password(password) if password else None
        async with self._create_lock:
            if identity in self.by_identity:
                raise ValidationError("Charging station already exists for that identifier.", field="identity")

            def write():
                with self.store.db.atomic():
                    try:
                        row = m.Station.create(
                            identity=identity,
                            name=name.strip() or identity,
                            group=group_id,
                            registration=registration,
                            password_hash=password_hash,
                            heartbeat_interval=self.settings.heartbeat_interval,
                            meter_value_interval=self.settings.meter_value_interval,
                        )
                    except peewee.IntegrityError:
                        raise ValidationError(
                            "Charging station already exists for that identifier.", field="identity"
                        ) from None
                    rows = [m.Connector.create(station=row, connector_id=n) for n in range(1, connectors + 1)]
                    return station_info_from_row(row, rows)

            info = await self.store.run(write)
            self._remember(info)
        self.bus.publish(ev.StationAdded(info.id, info.identity, info.registration))
        return info

    def _allow(self, ctx: OperatorContext, permission: Permission, *group_ids: UUID | None) -> None:
        """The operator may do this, to stations in these groups (None = an orphan)."""
        require(ctx, permission)
        ctx = self.fresh_context(ctx)
        for group_id in group_ids:
            require_station(ctx, group_id)

    async def update_station(self, station_id: UUID, expected_version: int, *, ctx: OperatorContext,
                             **changes) -> StationInfo:
        """Change name, group, access mode, intervals... refused if the row moved on."""
        info = self.get_by_id(station_id)
        self._allow(ctx, Permission.EDIT_STATIONS, info.group_id, *([changes["group"]] if "group" in changes else []))
        allowed = {
            "name",
            "group",
            "access_mode",
            "heartbeat_interval",
            "meter_value_interval",
            "strip_id_tag_suffix",
            "skip_schema_validation",
            "timezone",
            "notes",
            "location",
        }
        unknown = set(changes) - allowed
        if unknown:
            raise ValidationError(f"Unknown station field(s): {', '.join(sorted(unknown))}")
        if "access_mode" in changes and changes["access_mode"] not in ("public", "private", "free"):
            raise ValidationError("Access must be public, private or free charging.", field="access_mode")
        if "name" in changes and not str(changes["name"]).strip():
            raise ValidationError("Charging station name is required.", field="name")
        return await self._versioned_update(info, expected_version, changes)

    async def _versioned_update(self, info: StationInfo, expected_version: int, changes: dict) -> StationInfo:
        def write():
            updated = (
                m.Station.update(version=m.Station.version + 1, updated_at=utcnow(), **changes)
                .where((m.Station.id == info.id) & (m.Station.version == expected_version))
                .execute()
            )
            if not updated:
                raise StaleEdit()
            return m.Station.get_by_id(info.id)

        row = await self.store.run(write)
        fresh = station_info_from_row(row)
        # keep live state that only lives in memory
        fresh.connectors = info.connectors
        fresh.connected = info.connected
        fresh.connection_state = info.connection_state
        fresh.last_seen = info.last_seen
        self._remember(fresh)
        self._verified.pop(info.id, None)
        self.bus.publish(ev.StationChanged(fresh.id, fresh.identity))
        return fresh

    async def move_to_group(self, station_id: UUID, group_id: UUID | None) -> StationInfo:
        """For GroupService, which has checked the operator may: put a station into a group."""
        info = self.get_by_id(station_id)
        return await self._versioned_update(info, info.version, {"group": group_id})

    async def adopt(self, station_id: UUID, name: str | None = None, group_id: UUID | None = None, *,
                    ctx: OperatorContext) -> StationInfo:
        info = self.get_by_id(station_id)
        self._allow(ctx, Permission.ADD_REMOVE_STATIONS, info.group_id, *([group_id] if group_id else []))
        changes: dict = {"registration": "adopted"}
        if name:
            changes["name"] = name
        if group_id:
            changes["group"] = group_id
        await self.persisted(info)
        adopted = await self._versioned_update(info, info.version, changes)
        log.info("station %s adopted by %s", info.identity, ctx.name)
        return adopted

    async def reject(self, station_id: UUID, *, ctx: OperatorContext) -> StationInfo:
        info = self.get_by_id(station_id)
        self._allow(ctx, Permission.ADD_REMOVE_STATIONS, info.group_id)
        await self.persisted(info)
        rejected = await self._versioned_update(info, info.version, {"registration": "rejected"})
        log.info("station %s rejected by %s", info.identity, ctx.name)
        return rejected

    async def set_password(self, station_id: UUID, password: str | None, *, ctx: OperatorContext) -> StationInfo:
        self._allow(ctx, Permission.EDIT_STATIONS, self.get_by_id(station_id).group_id)
        if password is not None and len(password) < 8:
            raise ValidationError("Use a station password of at least 8 characters.", field="password")
        info = self.get_by_id(station_id)
        hashed = await self._hash_station_password(password) if password else None
        return await self._versioned_update(info, info.version, {"password_hash": hashed})

    async def delete_station(self, station_id: UUID, *, ctx: OperatorContext) -> None:
        info = self.get_by_id(station_id)
        self._allow(ctx, Permission.ADD_REMOVE_STATIONS, info.group_id)
        await self.persisted(info)
        await self.store.run(self._tombstone, info)
        self._forget(info)
        self.bus.publish(ev.StationRemoved(info.id, info.identity))

    def _tombstone(self, info: StationInfo) -> None:
        now = utcnow()
        with self.store.db.atomic():
            m.Station.update(
                deleted_at=now, updated_at=now, version=m.Station.version + 1,
                # free the identity so the station can be created again
                identity=f"{info.identity}~deleted~{info.id.hex[:8]}",
            ).where(m.Station.id == info.id).execute()
            m.Connector.update(deleted_at=now, version=m.Connector.version + 1).where(
                m.Connector.station == info.id
            ).execute()

    # -- the OCPP side -------------------------------------------------------
    def admit(self, identity: str) -> Admission:
        """Called for every real websocket upgrade, before any password check.

        Never waits for the disk: an unknown station enters the registry at once and is
        written with others in one batch (`persisted()` waits for that), so a storm of new
        stations does not queue handshakes behind one database round trip each."""
        info = self.by_identity.get(identity)
        if info is None:
            policy = self.settings.unknown_station_policy
            if policy == "reject":
                return Admission("reject", None, "unknown station (unknown-station policy: reject)")
            try:
                validate_identity(identity)
            except ValidationError as exc:
                return Admission("reject", None, str(exc))
            registration = "adopted" if policy == "accept" else "pending"
            if registration == "pending" and not self._room_for_pending():
                return Admission("busy", None, f"{self.settings.max_pending_stations} stations already wait for "
                                               "adoption, all connected")
            info = self._register_unknown(identity, registration)
            if registration == "pending":
                log.info("unknown station %s held as pending for an administrator to adopt "
                         "(unknown-station policy: pending)", identity)
            else:
                log.info("unknown station %s added and accepted (unknown-station policy: accept)", identity)
        if info.registration == "rejected":
            return Admission("reject", info, "station rejected by an administrator")
        return Admission("accept", info)

    def _register_unknown(self, identity: str, registration: str) -> StationInfo:
        s = self.settings
        info = StationInfo(id=m.base.uuid7(), identity=identity, name=identity, registration=registration,
                           heartbeat_interval=s.heartbeat_interval, meter_value_interval=s.meter_value_interval)
        self._remember(info)
        saved = asyncio.get_running_loop().create_future()
        saved.add_done_callback(lambda f: f.cancelled() or f.exception())  # read by whoever waits, if anyone
        self._saving[info.id] = saved
        self._unsaved.append(info)
        if self._saver is None or self._saver.done():
            self._saver = spawn(self._save_registered(), name="register-stations")
        return info

    async def persisted(self, info: StationInfo) -> None:
        """Wait until a station that connected unknown is on disk (raises if it could not be)."""
        saved = self._saving.get(info.id)
        if saved is not None:
            await asyncio.shield(saved)

    async def _save_registered(self) -> None:
        await asyncio.sleep(0.02)  # gather a storm's handshakes into one transaction
        while self._unsaved:
            batch, self._unsaved = self._unsaved, []
            try:
                failed = await self.store.run(self._insert_registered, batch)
            except Exception as exc:  # the disk: every row of the batch failed
                failed = {info.id: exc for info in batch}
            for info in batch:
                saved = self._saving.pop(info.id)
                error = failed.get(info.id)
                if error is None:
                    saved.set_result(None)
                    self.bus.publish(ev.StationAdded(info.id, info.identity, info.registration))
                else:
                    self._forget(info)
                    limited(log, logging.ERROR, "stations", "register-failed", "could not register station %s: %s",
                            info.identity, error)
                    saved.set_exception(error)

    def _insert_registered(self, batch: list[StationInfo]) -> dict[UUID, Exception]:
        rows = [dict(id=i.id, identity=i.identity, name=i.name, registration=i.registration,
                     heartbeat_interval=i.heartbeat_interval, meter_value_interval=i.meter_value_interval)
                for i in batch]
        db = self.store.db
        try:
            with db.atomic():
                for chunk in peewee.chunked(rows, 200):
                    m.Station.insert_many(chunk).execute()
            return {}
        except peewee.IntegrityError:
            pass  # someone created one of these identities meanwhile: isolate that row
        failed: dict[UUID, Exception] = {}
        with db.atomic():
            for row in rows:
                try:
                    with db.atomic():
                        m.Station.insert(row).execute()
                except peewee.IntegrityError as exc:
                    failed[row["id"]] = exc
        return failed

    def _room_for_pending(self) -> bool:
        """Below the cap, or the oldest pending station that is not connected is dropped."""
        cap = max(1, self.settings.max_pending_stations)
        while len(self._pending) >= cap:
            oldest = next((i for i in self._pending.values() if not i.connected and i.id not in self._saving), None)
            if oldest is None:
                return False
            self._drop_pending(oldest)
        return True

    def _drop_pending(self, info: StationInfo) -> None:
        self._forget(info)
        self.pending_dropped += 1
        limited(log, logging.WARNING, "stations", "pending-dropped",
                "dropped pending station %s (not connected, the oldest of %d waiting for adoption); "
                "%d dropped since start", info.identity, self.settings.max_pending_stations, self.pending_dropped)

        async def remove():
            await self.store.run(self._tombstone, info)
            self.bus.publish(ev.StationRemoved(info.id, info.identity))

        spawn(remove(), name=f"drop-pending {info.identity}")

    def _boot_worth_storing(self, info: StationInfo, fields: dict) -> bool:
        now = time.monotonic()
        key = tuple(sorted(fields.items()))
        last = self._pending_boots.get(info.id)
        if last is not None and last[0] == key and now - last[1] < PENDING_BOOT_LOG_SECONDS:
            return False
        self._pending_boots[info.id] = (key, now)
        if len(self._pending_boots) > 4 * max(1, self.settings.max_pending_stations):
            for station_id in [sid for sid in self._pending_boots if sid not in self._pending]:
                del self._pending_boots[station_id]
        return True

    async def check_password(self, info: StationInfo, password: str | None) -> bool:
        if not info.password_hash:
            return True
        if password is None:
            return False
        tag = hmac.new(self._pepper, password.encode(), hashlib.sha256).digest()
        known = self._verified.get(info.id)
        if known is not None and hmac.compare_digest(known, tag):
            return True
        loop = asyncio.get_running_loop()
        ok = await loop.run_in_executor(None, verify_password, password, info.password_hash)
        if ok:
            self._verified[info.id] = tag
        return ok

    async def _hash_station_password(self, password: str) -> str:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, hash_password, password, STATION_PASSWORD_COST)

    def decide_boot(self, info: StationInfo) -> BootDecision:
        s = self.settings
        if info.registration == "rejected":
            return BootDecision("Rejected", 3600)
        if info.registration == "pending":
            return BootDecision("Pending", max(30, s.boot_pending_interval_min))
        if not self.boot_gate.admit():
            return BootDecision("Pending", self.boot_gate.retry_in(s.boot_pending_interval_min, s.boot_pending_interval_max))
        return BootDecision("Accepted", info.heartbeat_interval or s.heartbeat_interval)

    async def record_boot(self, info: StationInfo, details: dict, decision: BootDecision) -> None:
        """Store what the station said about itself; log the boot as a station event."""
        now = utcnow()
        fields = {
            "vendor": details.get("charge_point_vendor", ""),
            "model": details.get("charge_point_model", ""),
            "serial_number": details.get("charge_point_serial_number") or details.get("charge_box_serial_number") or "",
            "firmware_version": details.get("firmware_version", ""),
            "iccid": details.get("iccid", ""),
            "imsi": details.get("imsi", ""),
            "meter_type": details.get("meter_type", ""),
            "meter_serial_number": details.get("meter_serial_number", ""),
        }
        fields = {k: (v or "")[:64] for k, v in fields.items()}
        changed = any(getattr(info, k, None) not in (None, v) for k, v in fields.items() if k in ("vendor", "model", "firmware_version"))
        if info.registration == "pending" and not self._boot_worth_storing(info, fields):
            return  # an unknown station retrying its boot: one row an hour, not one every 30 s
        if decision.status == "Accepted":
            fields["last_boot_at"] = now
            info.last_boot_at = now
        info.vendor, info.model, info.firmware_version = fields["vendor"], fields["model"], fields["firmware_version"]

        def write():
            with self.store.db.atomic():
                # station-reported facts: no version bump, so an operator's open edit stays valid
                m.Station.update(updated_at=now, **fields).where(m.Station.id == info.id).execute()
                m.StationEvent.create(
                    station=info.id,
                    kind="boot",
                    state=decision.status,
                    detail=f"{fields['vendor']} {fields['model']} firmware {fields['firmware_version']}".strip(),
                    at=now,
                )

        await self.store.run(write)
        limited(log, logging.INFO, info.identity, "boot", "station %s booted: %s %s firmware %s -> %s%s", info.identity,
                fields["vendor"] or "?", fields["model"] or "?", fields["firmware_version"] or "?", decision.status,
                " (pending adoption)" if info.registration == "pending" else
                (f" (boot storm: retry in {decision.interval} s)" if decision.status == "Pending" else ""))
        if changed or decision.status == "Accepted":
            self.bus.publish(ev.StationChanged(info.id, info.identity))
