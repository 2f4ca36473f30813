"""Stations: creating and adopting them, who may connect, and what a boot means.

The registry (`by_identity`, `by_id`) holds every live station in memory for the
OCPP hot path. It changes with this seat's own writes and follows the change feed
for the others': a station or connector another seat added, changed or deleted is
re-read and announced (`StationAdded` / `StationChanged` / `StationRemoved`), keeping
what only this seat knows (connected here, connection state, last seen, connector
status).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import os
import re
import time
from dataclasses import dataclass
from datetime import timedelta
from functools import partial
from uuid import UUID

from evdesk.core import events as ev
from evdesk.core.boot_gate import BootGate
from evdesk.core.clock import utcnow
from evdesk.core.errors import NotFound, StaleEdit, ValidationError
from evdesk.core.group_tree import GroupTree
from evdesk.core.hardware_rules import check_system_status
from evdesk.core.log_limit import limited
from evdesk.core.passwords import PasswordWorkers
from evdesk.core.permissions import OperatorContext, Permission, require, require_station
from evdesk.core.station_cache import StationInfo, keep_live_state, station_info_from_row
from evdesk.core.station_status import demote_after_restart
from evdesk.core.tasks import spawn
from evdesk.settings import SiteSettings
from evdesk.store.batch import BatchWriter
from evdesk.store.database import Store
from evdesk.store.errors import MissingRow, StaleRow, StorageUnavailable
from evdesk.store.fields import uuid7
from evdesk.store.queries import stations as q
from evdesk.store.repos import stations as repo

log = logging.getLogger(__name__)

__all__ = ["Admission", "BootDecision", "BootGate", "StationService", "validate_identity"]

IDENTITY_PATTERN = re.compile(r"^[A-Za-z0-9_-]+$")
MAX_IDENTITY_LENGTH = 48  # OCPP 1.6 chargeBoxIdentity is CiString48
PENDING_BOOT_LOG_SECONDS = 3600.0
STATION_PASSWORD_COST = 2**12  # machine secrets: long and random, checked on every connect
EXISTS = "Charging station already exists for that identifier."
EDITABLE = {"name", "group", "access_mode", "heartbeat_interval", "meter_value_interval", "strip_id_tag_suffix",
            "skip_schema_validation", "timezone", "notes", "location", "system_status", "integration_date",
            "security_profile"}


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

    decision: str  # accept / reject / busy (pending cap: try again later) / unavailable (cannot store now)
    station: StationInfo | None
    reason: str = ""
    new: bool = False  # entered the registry just now: `persisted()` says when it is stored


@dataclass(frozen=True)
class BootDecision:
    status: str  # Accepted / Pending / Rejected
    interval: int


class StationService:
    def __init__(self, store: Store, bus: ev.EventBus, settings: SiteSettings, batch: BatchWriter, tree: GroupTree):
        self.store = store
        self.bus = bus
        self.settings = settings
        self.batch = batch  # group commit: boots and new stations share one transaction with other rows
        self.tree = tree  # the group tree: an operator's domain as it is now
        self.by_identity: dict[str, StationInfo] = {}
        self.by_id: dict[UUID, StationInfo] = {}
        self.boot_gate = BootGate(settings.boot_accept_rate)
        # HMAC of a verified password, so a reconnecting station costs no scrypt.
        self._verified: dict[UUID, bytes] = {}
        self.password_workers = PasswordWorkers()  # scrypt off the loop, below its priority
        self._pepper = os.urandom(16)
        self._create_lock = asyncio.Lock()
        # Stations that connected unknown: in the registry at once, written in batches.
        self._unsaved: list[StationInfo] = []
        self._saving: dict[UUID, asyncio.Future] = {}
        self._saver: asyncio.Task | None = None
        # pending stations, oldest first (ids are time-ordered), for the cap
        self._pending: dict[UUID, StationInfo] = {}
        self.pending_dropped = 0
        self._pending_boots: dict[UUID, tuple] = {}  # what a pending station last booted with, when stored
        self._unsubscribe = bus.subscribe(ev.RowsChanged, self._rows_changed)

    def settings_changed(self) -> None:
        """The site settings object changed in place: apply what the service keeps of it."""
        self.boot_gate.set_rate(self.settings.boot_accept_rate)

    def fresh_context(self, ctx: OperatorContext) -> OperatorContext:
        """`ctx` with its domain as the group tree is now."""
        return self.tree.fresh(ctx)

    # -- loading -------------------------------------------------------------
    async def load(self) -> None:
        rows = await self.store.read(q.all_stations)
        infos = [station_info_from_row(s, connectors) for s, connectors in rows]
        for info in sorted(infos, key=lambda i: i.id.int):
            info.connected = False
            self._remember(info)
        await self._demote_stale_online(infos)

    async def _demote_stale_online(self, infos: list[StationInfo]) -> None:
        rows = demote_after_restart(infos, self.settings, utcnow())
        if rows:
            await self.store.atomic(repo.write_connection_states, rows)
            log.info("evdesk restarted: %d station(s) stored as online are unavailable until they connect again",
                     len(rows))

    def _remember(self, info: StationInfo) -> None:
        old = self.by_id.get(info.id)
        if old is not None and old.identity != info.identity and self.by_identity.get(old.identity) is old:
            del self.by_identity[old.identity]
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
        self._verified.pop(info.id, None)

    def get(self, identity: str) -> StationInfo | None:
        return self.by_identity.get(identity)

    def get_by_id(self, station_id: UUID) -> StationInfo:
        try:
            return self.by_id[station_id]
        except KeyError:
            raise NotFound("Charging station does not exist.") from None

    def all(self) -> list[StationInfo]:
        return list(self.by_id.values())

    # -- other seats' changes (the change feed) -----------------------------------
    def _rows_changed(self, event: ev.RowsChanged) -> None:
        if event.entity == "station":
            spawn(self._follow(event.ids, ()), name="station registry refresh")
        elif event.entity == "connector":
            spawn(self._follow((), event.ids), name="station registry refresh")

    async def _follow(self, station_ids, connector_ids) -> None:
        """Re-read exactly these stations (or the stations of these connectors) and bring the
        registry in step: added, changed (live state kept) or removed."""
        ids = set(station_ids)
        if connector_ids:
            ids |= await self.store.read(q.stations_of_connectors, connector_ids)
        rows = await self.store.read(q.stations_by_id, ids)
        gone_connectors = await self.store.read(q.deleted_connector_numbers, ids)
        for station_id in sorted(ids, key=lambda i: i.int):
            known = self.by_id.get(station_id)
            found = rows.get(station_id)
            if found is None:
                if known is not None and station_id not in self._saving:
                    self._forget(known)
                    self.bus.publish(ev.StationRemoved(known.id, known.identity))
                continue
            fresh = station_info_from_row(*found)
            if known is None:
                self._remember(fresh)
                self.bus.publish(ev.StationAdded(fresh.id, fresh.identity, fresh.registration))
            elif fresh.version >= known.version:
                self._remember(keep_live_state(fresh, known, gone_connectors.get(station_id, ())))
                self._verified.pop(station_id, None)
                self.bus.publish(ev.StationChanged(fresh.id, fresh.identity))

    async def refresh(self, station_id: UUID) -> None:
        """Re-read one station after a write of its rows elsewhere in the core (EVSEs, location)."""
        await self._follow((station_id,), ())

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
                raise ValidationError(EXISTS, field="identity")
            try:
                row, connector_rows = await self.store.atomic(partial(
                    repo.insert_station, identity, connectors, name=name.strip() or identity, group=group_id,
                    registration=registration, password_hash=password_hash,
                    heartbeat_interval=self.settings.heartbeat_interval,
                    meter_value_interval=self.settings.meter_value_interval))
            except repo.IdentityTaken:
                raise ValidationError(EXISTS, field="identity") from None
            info = station_info_from_row(row, connector_rows)
            self._remember(info)
        self.bus.publish(ev.StationAdded(info.id, info.identity, info.registration))
        return info

    def _allow(self, ctx: OperatorContext, permission: Permission, *group_ids: UUID | None) -> None:
        """The operator may do this, to stations in these groups (None = an orphan)."""
        require(ctx, permission)
        ctx = self.tree.fresh(ctx)
        for group_id in group_ids:
            require_station(ctx, group_id)

    async def update_station(self, station_id: UUID, expected_version: int, *, ctx: OperatorContext,
                             **changes) -> StationInfo:
        """Change name, group, access mode, intervals... refused if the row moved on."""
        info = self.get_by_id(station_id)
        self._allow(ctx, Permission.EDIT_STATIONS, info.group_id, *([changes["group"]] if "group" in changes else []))
        unknown = set(changes) - EDITABLE
        if unknown:
            raise ValidationError(f"Unknown station field(s): {', '.join(sorted(unknown))}")
        if "access_mode" in changes and changes["access_mode"] not in ("public", "private", "free"):
            raise ValidationError("Access must be public, private or free charging.", field="access_mode")
        if "system_status" in changes:
            changes["system_status"] = check_system_status(changes["system_status"])
        if "security_profile" in changes and changes["security_profile"] not in (1, 2, 3):
            raise ValidationError("Choose security profile 1, 2 or 3.", field="security_profile")
        if "name" in changes and not str(changes["name"]).strip():
            raise ValidationError("Charging station name is required.", field="name")
        return await self._versioned_update(info, expected_version, changes)

    async def _versioned_update(self, info: StationInfo, expected_version: int, changes: dict) -> StationInfo:
        try:
            row = await self.store.atomic(partial(repo.update_station, info.id, expected_version, **changes))
        except (StaleRow, MissingRow):
            raise StaleEdit() from None
        known = self.by_id.get(info.id, info)
        fresh = keep_live_state(station_info_from_row(row), known)
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
        await self.store.atomic(repo.tombstone_station, info.id, info.identity)
        self._forget(info)
        self.bus.publish(ev.StationRemoved(info.id, info.identity))

    # -- the OCPP side -------------------------------------------------------
    def admit(self, identity: str) -> Admission:
        """Called for every real websocket upgrade, before any password check.

        Never waits for the disk: an unknown station enters the registry at once and is
        written with others in one group commit (`persisted()` waits for that), so a storm of
        new stations does not queue handshakes behind one database round trip each. While
        the store cannot be written, no new station is taken in ("unavailable")."""
        info = self.by_identity.get(identity)
        if info is None:
            policy = self.settings.unknown_station_policy
            if policy == "reject":
                return Admission("reject", None, "unknown station (unknown-station policy: reject)")
            try:
                validate_identity(identity)
            except ValidationError as exc:
                return Admission("reject", None, str(exc))
            if self.store.trouble is not None:
                return Admission("unavailable", None, self.store.trouble[0])
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
            return Admission("accept", info, new=True)
        if info.registration == "rejected":
            return Admission("reject", info, "station rejected by an administrator")
        return Admission("accept", info)

    def _register_unknown(self, identity: str, registration: str) -> StationInfo:
        s = self.settings
        info = StationInfo(id=uuid7(), identity=identity, name=identity, registration=registration,
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
        """Wait until a station that connected unknown is on disk (raises if it could not be:
        `StorageUnavailable` when the disk cannot be written)."""
        saved = self._saving.get(info.id)
        if saved is not None:
            await asyncio.shield(saved)

    async def _save_registered(self) -> None:
        await asyncio.sleep(0.02)  # gather a storm's handshakes into one group commit
        while self._unsaved:
            batch, self._unsaved = self._unsaved, []
            rows = [dict(id=i.id, identity=i.identity, name=i.name, registration=i.registration,
                         heartbeat_interval=i.heartbeat_interval, meter_value_interval=i.meter_value_interval)
                    for i in batch]
            try:
                failed = await self.batch.call(repo.insert_registered, rows)
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
                    if not isinstance(error, StorageUnavailable):  # the server says that one, once
                        limited(log, logging.ERROR, "stations", "register-failed",
                                "could not register station %s: %s", info.identity, error)
                    saved.set_exception(error)

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
            await self.batch.call(repo.tombstone_station, info.id, info.identity)
            self.bus.publish(ev.StationRemoved(info.id, info.identity))

        spawn(remove(), name=f"drop-pending {info.identity}")

    async def purge_dropped_pending(self, older_than: float = 3600.0) -> int:
        """Hourly retention: a flood of unknown identities leaves one tombstone per dropped
        pending station. Those deleted more than `older_than` seconds ago (so the deletion has
        had time to reach other seats) that never had an accepted boot are removed for good,
        with their boot and network-log rows, a few hundred per transaction. Returns how many."""
        cutoff = utcnow() - timedelta(seconds=older_than)
        total = 0
        while True:
            removed = await self.store.atomic(repo.purge_dropped_pending, cutoff)
            total += removed
            if not removed:
                break
            await asyncio.sleep(0)  # let station frames in between
        if total:
            log.info("removed %d dropped pending station(s) for good", total)
        return total

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
        ok = await self.password_workers.verify(password, info.password_hash)
        if ok:
            self._verified[info.id] = tag
        return ok

    async def _hash_station_password(self, password: str) -> str:
        return await self.password_workers.hash(password, STATION_PASSWORD_COST)

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
        """Store what the station said about itself and log the boot as a station event, in the
        next group commit (returns once committed: the boot is answered after that)."""
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
            "ocpp_version": details.get("ocpp_version") or "1.6",  # the protocol it booted with
        }
        fields = {k: (v or "")[:64] for k, v in fields.items()}
        changed = any(getattr(info, k, None) not in (None, v) for k, v in fields.items() if k in ("vendor", "model", "firmware_version", "ocpp_version"))
        if info.registration == "pending" and not self._boot_worth_storing(info, fields):
            return  # an unknown station retrying its boot: one row an hour, not one every 30 s
        if decision.status == "Accepted":
            fields["last_boot_at"] = now
            info.last_boot_at = now
        info.vendor, info.model, info.firmware_version = fields["vendor"], fields["model"], fields["firmware_version"]
        info.ocpp_version = fields["ocpp_version"]
        event = {"kind": "boot", "state": decision.status, "at": now,
                 "detail": f"{fields['vendor']} {fields['model']} firmware {fields['firmware_version']}".strip()}
        await self.batch.call(repo.record_boot, info.id, fields, event)
        limited(log, logging.INFO, info.identity, "boot", "station %s booted: %s %s firmware %s -> %s%s", info.identity,
                fields["vendor"] or "?", fields["model"] or "?", fields["firmware_version"] or "?", decision.status,
                " (pending adoption)" if info.registration == "pending" else
                (f" (boot storm: retry in {decision.interval} s)" if decision.status == "Pending" else ""))
        if changed or decision.status == "Accepted":
            self.bus.publish(ev.StationChanged(info.id, info.identity))
