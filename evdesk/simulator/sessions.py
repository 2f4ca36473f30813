"""Charging sessions of a simulated station: the car, the token, the meter.

A mixin of :class:`~evdesk.simulator.station.SimulatedStation`; it uses the
station's sending helpers (``_send``, ``_set_status``, ...).
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime

from ocpp.v16 import call

from .behaviour import LOST, QUEUED
from .clock import wait_event
from .model import Car, Connector, Reservation, meter_value

log = logging.getLogger("evdesk.simulator")


class SessionMixin:
    # ------------------------------------------------------------ car side
    def _conn(self, connector: int) -> Connector:
        if connector not in self.connectors or connector == 0:
            raise ValueError(f"{self.identity} has no connector {connector}")
        return self.connectors[connector]

    def _idle_status(self, c: Connector) -> str:
        if c.faulted:
            return "Faulted"
        if not c.operative or not self.connectors[0].operative:
            return "Unavailable"
        if c.reservation is not None:
            return "Reserved"
        if c.plugged:
            return "Preparing"
        return "Available"

    async def plug_in(self, connector: int = 1, car: Car | None = None, *, soc: float | None = None,
                      capacity_wh: float | None = None, car_max_power_w: float | None = None) -> None:
        """The driver plugs a car into `connector` (status Preparing)."""
        c = self._conn(connector)
        if car is None:
            car = Car()
            if soc is not None:
                car.soc = float(soc)
            if capacity_wh is not None:
                car.capacity_wh = float(capacity_wh)
            if car_max_power_w is not None:
                car.max_power_w = float(car_max_power_w)
        c.car = car
        c.plugged = True
        c.plug_event.set()
        if c.status == "Available" and c.operative and not c.faulted:
            await self._set_status(c.id, "Preparing")

    async def unplug(self, connector: int = 1) -> None:
        """The driver unplugs: ends a running session (EVDisconnected)."""
        c = self._conn(connector)
        c.plugged = False
        c.plug_event.clear()
        if c.charging:
            if not self.config.get_bool("StopTransactionOnEVSideDisconnect", True):
                self._advance(c)
                await self._set_status(c.id, "SuspendedEV")
                return
            await self._stop_transaction(c, "EVDisconnected")
            await self._set_status(c.id, "Finishing")
        c.car = None
        await self._settle(c)

    async def present_token(self, connector: int, id_tag: str) -> bool:
        """A driver presents an RFID card. True when a session started (or is
        armed and waiting for the cable); presenting the session's tag again
        stops it."""
        c = self._conn(connector)
        tag = self._tag_out(id_tag)
        if c.charging:
            if tag == c.id_tag:
                return await self.stop_charging(connector, "Local")
            return False
        if c.faulted or not c.operative or c.starting or c.remote_tag:
            return False
        status, parent = await self._authorize(id_tag, tag)
        if status != "Accepted":
            log.info("%s: token %s not accepted (%s)", self.identity, tag, status)
            return False
        res = c.reservation
        if res is not None and not self._matches(res, id_tag, parent):
            return False
        if c.plugged:
            return await self._start_transaction(c, tag, reservation=res)
        c.remote_tag = id_tag
        if c.status == "Available":
            await self._set_status(c.id, "Preparing")
        self._spawn(self._start_when_plugged(c, id_tag, tag, None))
        return True

    async def stop_charging(self, connector: int = 1, reason: str = "Local") -> bool:
        """End the running session (car stays plugged: status Finishing)."""
        c = self._conn(connector)
        if not c.charging:
            return False
        await self._stop_transaction(c, reason)
        await self._settle(c, finishing=True)
        return True

    async def set_fault(self, connector: int, error_code: str = "GroundFailure",
                        info: str | None = None) -> None:
        """A hardware fault: stops a running session, status Faulted."""
        c = self._conn(connector)
        c.faulted = True
        if c.charging:
            await self._stop_transaction(c, "Other")
        await self._set_status(c.id, "Faulted", error_code, info)

    async def clear_fault(self, connector: int) -> None:
        c = self._conn(connector)
        c.faulted = False
        await self._set_status(c.id, self._idle_status(c))

    # ----------------------------------------------------------- internals
    def _tag_out(self, id_tag: str) -> str:
        suffix = self.id_tag_suffix or ""
        if "{" in suffix:
            suffix = suffix.format(serial=self.serial, identity=self.identity)
        return (id_tag + suffix)[:20]

    @staticmethod
    def _matches(res: Reservation, id_tag: str, parent: str | None) -> bool:
        if res.id_tag.lower() == id_tag.lower():
            return True
        return bool(res.parent_id_tag and parent and res.parent_id_tag.lower() == parent.lower())

    async def _authorize(self, id_tag: str, tag: str) -> tuple[str, str | None]:
        cfg = self.config
        local = None
        if cfg.get_bool("LocalAuthListEnabled", True):
            local = self.local_list.get(id_tag) or self.local_list.get(tag)
        cached = self.auth_cache.get(tag) if cfg.get_bool("AuthorizationCacheEnabled", True) else None
        if cfg.get_bool("LocalPreAuthorize", False):
            for info in (local, cached):
                if info and info.get("status") == "Accepted":
                    return "Accepted", info.get("parent_id_tag")
        if self.online:
            result = await self._send(call.Authorize(id_tag=tag))
            if hasattr(result, "id_tag_info"):
                info = dict(result.id_tag_info or {})
                self.auth_cache[tag] = info
                return str(info.get("status", "Invalid")), info.get("parent_id_tag")
        if cfg.get_bool("LocalAuthorizeOffline", True):
            for info in (local, cached):
                if info:
                    return str(info.get("status", "Invalid")), info.get("parent_id_tag")
        if cfg.get_bool("AllowOfflineTxForUnknownId", True):
            return "Accepted", None
        return "Invalid", None

    async def _start_when_plugged(self, c: Connector, id_tag: str, tag: str, profile: dict | None) -> None:
        try:
            if not c.plugged:
                timeout = self.config.get_int("ConnectionTimeOut", 60)
                if not await wait_event(self.clock, c.plug_event, timeout) or c.remote_tag != id_tag:
                    log.info("%s: connector %s: no cable within %ss", self.identity, c.id, timeout)
                    c.remote_tag = None
                    await self._set_status(c.id, self._idle_status(c))
                    return
            res = c.reservation if c.reservation and self._matches(c.reservation, id_tag, None) else None
            await self._start_transaction(c, tag, reservation=res, profile=profile)
        finally:
            if c.remote_tag == id_tag:
                c.remote_tag = None

    async def _auto_plug(self, c: Connector, delay: float = 3.0) -> None:
        await self.clock.sleep(delay)
        if not c.plugged:
            await self.plug_in(c.id)

    async def _start_transaction(self, c: Connector, tag: str, *, reservation: Reservation | None = None,
                                 profile: dict | None = None) -> bool:
        c.starting = True
        try:
            now = self.clock.now()
            meter_start = int(c.energy_wh)
            reported_start = 0 if self.session_register else meter_start
            if reservation is not None:
                if reservation.timer is not None:
                    reservation.timer.cancel()
                if c.reservation is reservation:
                    c.reservation = None
            provisional = self._new_provisional_id()
            payload = call.StartTransaction(
                connector_id=c.id,
                id_tag=tag,
                meter_start=reported_start,
                timestamp=self._ts(now),
                reservation_id=reservation.reservation_id if reservation else None,
            )
            result = await self._send(payload, queueable=True, provisional=provisional)
            if result is None or result is LOST:
                log.warning("%s: StartTransaction failed on connector %s", self.identity, c.id)
                await self._set_status(c.id, self._idle_status(c))
                return False
            if result is QUEUED:
                tx_id, status = provisional, "Accepted"
            else:
                tx_id = int(result.transaction_id)
                info = dict(result.id_tag_info or {})
                status = str(info.get("status", "Invalid"))
                self.auth_cache[tag] = info
            c.transaction_id, c.id_tag = tx_id, tag
            c.meter_start, c.session_start, c.last_update = meter_start, now, now
            c.power_w = 0.0
            c.session_seq += 1
            c.transaction_data = [
                meter_value(c, ["Energy.Active.Import.Register"], "Transaction.Begin", self.meter_unit,
                            self._ts(now), self._register_wh(c))
            ]
            self.transactions_started += 1
            if status != "Accepted":
                log.info("%s: StartTransaction answered %s: stopping", self.identity, status)
                if self.config.get_bool("StopTransactionOnInvalidId", True):
                    await self._stop_transaction(c, "DeAuthorized")
                    await self._settle(c, finishing=True)
                    return False
            if profile:
                profile = dict(profile, transaction_id=tx_id)
                self._install_profile(c.id, profile)
            await self._set_status(c.id, "Charging")
            c.meter_task = self._spawn(self._meter_loop(c, c.session_seq), name=f"sim-{self.identity}-{c.id}-meter")
            return True
        finally:
            c.starting = False

    def _install_profile(self, connector_id: int, profile: dict) -> str:
        if self.ignore_charging_profiles:
            return "Accepted"
        for other in self._charge_connectors():
            if other.charging:
                self._advance(other)
        cfg = self.config
        return self.profiles.install(
            connector_id,
            profile,
            now=self.clock.now(),
            max_stack_level=cfg.get_int("ChargeProfileMaxStackLevel", 8),
            allowed_units=cfg.get_list("ChargingScheduleAllowedChargingRateUnit"),
            max_periods=cfg.get_int("ChargingScheduleMaxPeriods", 24),
            max_installed=cfg.get_int("MaxChargingProfilesInstalled", 16),
            running_tx=lambda n: self.connectors[n].transaction_id,
        )

    def _on_replayed_start(self, provisional: int, result) -> None:
        if result is None:
            log.warning("%s: replayed StartTransaction was refused", self.identity)
            return
        real = int(result.transaction_id)
        self._tx_map[provisional] = real
        info = dict(result.id_tag_info or {})
        for c in self._charge_connectors():
            if c.transaction_id == provisional:
                c.transaction_id = real
                if info.get("status") != "Accepted" and self.config.get_bool("StopTransactionOnInvalidId", True):
                    self._spawn(self.stop_charging(c.id, "DeAuthorized"))

    async def _stop_transaction(self, c: Connector, reason: str) -> None:
        if not c.charging:
            return
        now = self.clock.now()
        self._advance(c, now)
        tx_id = c.transaction_id
        data = list(c.transaction_data)
        measurands = self.config.get_list("StopTxnSampledData") or ["Energy.Active.Import.Register"]
        register = self._register_wh(c)
        data.append(meter_value(c, measurands, "Transaction.End", self.meter_unit, self._ts(now), register))
        payload = call.StopTransaction(
            meter_stop=int(register),
            timestamp=self._ts(now),
            transaction_id=tx_id,
            reason=reason,
            id_tag=c.id_tag,
            transaction_data=data,
        )
        task = c.meter_task
        c.meter_task = None
        if task is not None and task is not asyncio.current_task() and not c.meter_busy:
            task.cancel()
        c.transaction_id = None
        c.session_start = None
        c.power_w = 0.0
        c.limit_w = None
        c.transaction_data = []
        self.profiles.remove_tx_profiles(c.id)
        result = await self._send(payload, queueable=True)
        info = getattr(result, "id_tag_info", None)
        if info and c.id_tag:
            self.auth_cache[c.id_tag] = dict(info)

    async def _settle(self, c: Connector, finishing: bool = False) -> None:
        """Status after a session: Finishing while plugged, then idle; applies a
        Scheduled ChangeAvailability."""
        if c.pending_inoperative is not None:
            c.operative = not c.pending_inoperative
            c.pending_inoperative = None
        if finishing and c.plugged and c.operative and not c.faulted:
            await self._set_status(c.id, "Finishing")
            return
        if c.status in ("Charging", "SuspendedEV", "SuspendedEVSE") and c.operative and not c.faulted:
            await self._set_status(c.id, "Finishing")
        status = self._idle_status(c)
        if status == "Preparing" and c.status == "Finishing":
            return  # cable still plugged after a session
        await self._set_status(c.id, status)

    def _advance(self, c: Connector, now: datetime | None = None) -> None:
        now = now or self.clock.now()
        share = sum(1 for other in self._charge_connectors() if other.charging)
        if self.ignore_charging_profiles:
            limit_fn = lambda t: None  # noqa: E731
        else:
            def limit_fn(t):
                return self.profiles.limit_w(c.id, t, c.session_start, c.transaction_id, share,
                                             c.car.phases if c.car else None)
        c.advance(now, self.max_power_w, limit_fn, 1.0 + self._rng.uniform(-0.005, 0.005))

    def _charging_status(self, c: Connector) -> str:
        if not c.plugged:
            return c.status
        if c.car is not None and c.car.full:
            return "SuspendedEV"
        if c.limit_w is not None and c.limit_w <= 0:
            return "SuspendedEVSE"
        return "Charging"

    async def _meter_loop(self, c: Connector, seq: int) -> None:
        while c.charging and c.session_seq == seq and not self._stopping:
            interval = self.config.get_int("MeterValueSampleInterval", 60)
            await self.clock.sleep(interval if interval > 0 else 60)
            if not c.charging or c.session_seq != seq or self._stopping:
                return
            c.meter_busy = True
            try:
                self._advance(c)
                await self._set_status(c.id, self._charging_status(c))
                if interval > 0 and c.charging and c.session_seq == seq:
                    await self._send_meter_values(c, "Sample.Periodic")
            finally:
                c.meter_busy = False

    async def _send_meter_values(self, c: Connector, context: str, measurands: list[str] | None = None,
                                 at: datetime | None = None) -> None:
        now = self.clock.now()
        if c.charging:
            self._advance(c, now)
        now = at or now
        if measurands is None:
            measurands = self.config.get_list("MeterValuesSampledData")
        payload = call.MeterValues(
            connector_id=c.id,
            transaction_id=c.transaction_id,
            meter_value=[meter_value(c, measurands, context, self.meter_unit, self._ts(now),
                                     self._register_wh(c))],
        )
        await self._send(payload, queueable=c.charging, force=context == "Trigger")
