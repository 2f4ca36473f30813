"""Connection life of a simulated station: dial, boot, heartbeat, read frames."""

from __future__ import annotations

import asyncio
import base64
import json
import logging
from datetime import timedelta
from typing import Any

from ocpp.v16 import call
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from .behaviour import DEFERRED, LOST, ReceivedCall, StationLink
from .clock import wait_event
from .config import VENDOR_KEY

log = logging.getLogger("evdesk.simulator")


class ConnectionMixin:
    """Part of SimulatedStation: the websocket side."""

    async def _connect(self):
        headers = {}
        if self.password:
            token = base64.b64encode(f"{self.identity}:{self.password}".encode()).decode()
            headers["Authorization"] = f"Basic {token}"
        ping = self.config.get_int("WebSocketPingInterval", 0)
        kwargs: dict[str, Any] = dict(
            subprotocols=[self.subprotocol] if self.subprotocol else None,
            additional_headers=headers or None,
            compression=None,
            proxy=None,
            open_timeout=self.open_timeout,
            ping_interval=ping or None,
            ping_timeout=(ping * 2) if ping else None,
            close_timeout=5,
            user_agent_header=f"{self.vendor}-{self.model}/{self.firmware}",
        )
        if self.ssl is not None:
            kwargs["ssl"] = self.ssl
        if self._limiter is not None:
            async with self._limiter:
                return await connect(self.endpoint, **kwargs)
        return await connect(self.endpoint, **kwargs)

    async def _supervise(self) -> None:
        low, high = self.reconnect_delay
        delay = low
        while not self._stopping:
            await self._online_allowed.wait()
            if self._stopping:
                break
            if self._rebooting:
                await self.clock.sleep(self.reboot_delay)
                self._rebooting = False
                self._complete_reboot()
            try:
                ws = await self._connect()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # noqa: BLE001 - any failure means: redial later
                self.connect_failures += 1
                refused = isinstance(exc, InvalidStatus)  # e.g. 401: wrong password
                level = logging.WARNING if refused and self.connect_failures == 1 else logging.DEBUG
                log.log(level, "%s: connect to %s failed: %s", self.identity, self.endpoint, exc)
                await self.clock.sleep(delay * (0.5 + self._rng.random()))
                delay = min(delay * 2, high)
                continue
            delay = low
            if not self._online_allowed.is_set() or self._stopping:
                await ws.close()
                continue
            await self._run_connection(ws)
            if self._stopping:
                break
            if self._rebooting or not self._online_allowed.is_set():
                continue
            if not self.redial:
                log.info("%s: connection lost, not redialling (quirk)", self.identity)
                break
            await self.clock.sleep(low * (0.5 + self._rng.random()))

    async def _run_connection(self, ws) -> None:
        link = StationLink(self, ws)
        self._link, self._ws = link, ws
        self.connected = True
        self.connections += 1
        self._conn_closed.clear()
        log.info("%s: connected to %s", self.identity, self.endpoint)
        reader = asyncio.create_task(self._reader(ws, link))
        life = asyncio.create_task(self._life(link))
        try:
            done, _ = await asyncio.wait({reader, life}, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                if not task.cancelled() and task.exception() is not None:
                    log.error("%s: connection task failed", self.identity, exc_info=task.exception())
        finally:
            link.closed = True
            self.connected = False
            self._link, self._ws = None, None
            self.accepted.clear()
            now = asyncio.get_running_loop().time()
            for scope in list(self._inflight):
                try:
                    scope.reschedule(now)
                except RuntimeError:
                    pass
            reader.cancel()
            life.cancel()
            await asyncio.gather(reader, life, return_exceptions=True)
            try:
                await ws.close()
            except Exception:  # noqa: BLE001
                pass
            self._conn_closed.set()
            log.info("%s: disconnected", self.identity)

    async def _reader(self, ws, link: StationLink) -> None:
        try:
            async for raw in ws:
                self.messages_received += 1
                if isinstance(raw, bytes):
                    raw = raw.decode("utf-8", "replace")
                try:
                    msg = json.loads(raw)
                except ValueError:
                    msg = None
                if self._raw_waiters and self._match_raw(msg, raw):
                    continue
                is_call = isinstance(msg, list) and len(msg) >= 4 and msg[0] == 2
                if is_call:
                    payload = msg[3] if isinstance(msg[3], dict) else {}
                    self.received.append(
                        ReceivedCall(str(msg[2]), payload, str(msg[1]), self.clock.now())
                    )
                    self._recv_signal.set()
                    self._recv_signal = asyncio.Event()
                if is_call and self.answer_delay > 0:
                    self._spawn(self._route(link, raw, self.answer_delay))
                else:
                    await self._route(link, raw)
        except ConnectionClosed:
            pass

    async def send_raw(self, text: str, *, timeout: float = 10.0, unique_id: str | None = None) -> str | None:
        """Send a raw text frame; return the next frame answering it, or None.

        The answer is matched by the frame's unique id; when none can be read
        from `text` (malformed frame), the next CALLERROR or unparseable frame
        is returned.
        """
        ws = self._ws
        if ws is None:
            raise ConnectionError(f"{self.identity} is not connected")
        uid = unique_id
        if uid is None:
            try:
                parsed = json.loads(text)
                uid = str(parsed[1]) if isinstance(parsed, list) and len(parsed) > 1 else ""
            except (ValueError, TypeError):
                uid = ""
        fut = asyncio.get_running_loop().create_future()
        self._raw_waiters[uid] = fut
        try:
            await ws.send(text)
            return await asyncio.wait_for(fut, timeout)
        except TimeoutError:
            return None
        finally:
            if self._raw_waiters.get(uid) is fut:
                del self._raw_waiters[uid]

    def _match_raw(self, msg: Any, raw: str) -> bool:
        if isinstance(msg, list) and len(msg) > 1 and msg[0] in (3, 4):
            fut = self._raw_waiters.get(str(msg[1]))
            if fut is None and msg[0] == 4:
                fut = self._raw_waiters.get("")
        elif not isinstance(msg, list):
            fut = self._raw_waiters.get("")
        else:
            fut = None
        if fut is None or fut.done():
            return False
        fut.set_result(raw)
        return True

    async def _route(self, link: StationLink, raw: str, delay: float = 0.0) -> None:
        if delay:
            await self.clock.sleep(delay)
        pending: list = []
        token = DEFERRED.set(pending)
        try:
            await link.route_message(raw)
        except ConnectionClosed:
            return
        finally:
            DEFERRED.reset(token)
        for fn, args in pending:
            self._spawn(fn(*args))

    async def _life(self, link: StationLink) -> None:
        if self._boot_needed or self.boot_on_reconnect or self.boot_status != "Accepted":
            if not await self._boot_loop(link):
                return
        self._boot_needed = False
        self.accepted.set()
        log.info("%s: accepted", self.identity)
        for cid in sorted(self.connectors):
            await self._send_status(cid, force=True)
        self._ensure_flush()
        self._ensure_aligned()
        while True:
            interval = self.config.get_int("HeartbeatInterval", 300) or 300
            if await wait_event(self.clock, self._hb_changed, interval):
                self._hb_changed.clear()
                continue
            if await self._do_call(link, call.Heartbeat()) is LOST:
                return

    async def _boot_loop(self, link: StationLink) -> bool:
        while True:
            self._boot_accepted.clear()
            result = await self._do_call(link, self._boot_payload())
            if result is LOST:
                return False
            wait = 30
            if result is not None:
                self._apply_boot_result(result)
                if self.boot_status == "Accepted":
                    return True
                wait = result.interval if result.interval and result.interval > 0 else 30
                log.info("%s: boot %s, retry in %ss", self.identity, self.boot_status, wait)
                if self.on_boot_answer is not None:
                    try:
                        self.on_boot_answer(self, self.boot_status, int(wait))
                    except Exception:  # noqa: BLE001 - an observer must not stop the boot loop
                        log.exception("%s: on_boot_answer failed", self.identity)
            if await wait_event(self.clock, self._boot_accepted, wait):
                return True

    def _complete_reboot(self) -> None:
        if self._pending_firmware:
            self.firmware = self._pending_firmware
            self._pending_firmware = None
        self.firmware_status = "Idle"
        self.max_power_w = float(self.config.get_int(VENDOR_KEY, int(self.max_power_w)))
        for c in self._charge_connectors():
            if not c.faulted:
                c.status = self._idle_status(c)
                c.error_code = "NoError"

    # ------------------------------------------------------- aligned data
    def _ensure_aligned(self) -> None:
        if self.config.get_int("ClockAlignedDataInterval", 0) > 0 and (
            self._aligned_task is None or self._aligned_task.done()
        ):
            self._aligned_task = self._spawn(self._aligned_loop(), name=f"sim-{self.identity}-aligned")

    async def _aligned_loop(self) -> None:
        while True:
            interval = self.config.get_int("ClockAlignedDataInterval", 0)
            if interval <= 0 or self._stopping:
                return
            now = self.clock.now()
            wait = interval - (now.timestamp() % interval)
            await self.clock.sleep(wait)
            if self.config.get_int("ClockAlignedDataInterval", 0) <= 0:
                return
            boundary = now + timedelta(seconds=wait)
            measurands = self.config.get_list("MeterValuesAlignedData")
            for c in self._charge_connectors():
                await self._send_meter_values(c, "Sample.Clock", measurands, at=boundary)
