"""One simulated OCPP 1.6J charge point: connection, boot, heartbeat, queue."""

from __future__ import annotations

import asyncio
import logging
import random
import time
import zlib
from collections import deque
from datetime import datetime, timedelta
from typing import Any, Callable
from urllib.parse import quote

from ocpp.exceptions import OCPPError
from ocpp.v16 import call
from websockets.exceptions import ConnectionClosed

from .behaviour import DEFERRED, LOST, QUEUED, ReceivedCall, StationLink
from .clock import SimClock, WallClock, cancel_and_wait, iso_z
from .config import StationConfig
from .connection import ConnectionMixin
from .model import Connector
from .operations import OperationsMixin
from .profiles import ProfileStore
from .sessions import SessionMixin
from .csr import CertificateStore

__all__ = ["SimulatedStation", "ReceivedCall"]

log = logging.getLogger("evdesk.simulator")


class SimulatedStation(ConnectionMixin, SessionMixin, OperationsMixin):
    """A simulated OCPP 1.6J charge point.

    `url` is the CSMS base URL; the station connects to ``url/identity``
    (identity percent-encoded). All timers run on `clock` (default WallClock).
    Durations given to the constructor (`reboot_delay`, `reconnect_delay`,
    `answer_delay`) are simulated seconds; `response_timeout` and
    `open_timeout` are real seconds. `validate=False` skips the ocpp library's
    schema validation of the station's own calls (cheaper for big fleets).
    `config` sets initial configuration values, read-only keys included.
    Quirk switches (see shared/INTEROP.md): `subprotocol=None`,
    `meter_unit="kWh"` (or "kWh?": kWh without a unit), `id_tag_suffix`, `session_register`,
    `missing_keys` (configuration keys this firmware lacks),
    `local_time_offset` (hours; timestamps without zone), `boot_on_reconnect`,
    `redial`, `answer_delay`, `ignore_charging_profiles`, `firmware_failure`
    ("download" | "install"), plus go_offline()/go_online() and send_raw().
    `on_boot_answer(station, status, interval)` is called after every
    BootNotification answer that is not Accepted (Pending / Rejected), with the
    retry interval the station will wait (simulated seconds).
    """

    def __init__(
        self,
        identity: str,
        url: str,
        *,
        connectors: int = 2,
        password: str | None = None,
        clock: SimClock | None = None,
        vendor: str = "evdesk",
        model: str = "SimCharger",
        firmware: str = "1.0.0",
        serial: str | None = None,
        meter_unit: str = "Wh",
        subprotocol: str | None = "ocpp1.6",
        max_power_w: float = 22000,
        id_tag_suffix: str | None = None,
        config: dict[str, Any] | None = None,
        auto_plug: bool = False,
        boot_on_reconnect: bool = True,
        redial: bool = True,
        answer_delay: float = 0.0,
        ignore_charging_profiles: bool = False,
        firmware_failure: str | None = None,
        reboot_delay: float = 3.0,
        reconnect_delay: tuple[float, float] = (1.0, 30.0),
        response_timeout: float = 30.0,
        open_timeout: float = 10.0,
        validate: bool = True,
        connect_limiter: asyncio.Semaphore | None = None,
        initial_register_wh: float | None = None,
        seed: int | str | None = None,
        ssl: Any = None,
        session_register: bool = False,
        local_time_offset: float | None = None,
        max_latency_samples: int = 10_000,
        on_boot_answer: Callable[[SimulatedStation, str, int], None] | None = None,
        missing_keys: tuple[str, ...] = (),
    ) -> None:
        if meter_unit not in ("Wh", "kWh", "kWh?"):
            raise ValueError("meter_unit must be 'Wh', 'kWh' or 'kWh?' (kWh sent without a unit)")
        if connectors < 1:
            raise ValueError("connectors must be >= 1")
        self.identity = identity
        self.url = url
        self.endpoint = url.rstrip("/") + "/" + quote(identity, safe="")
        self.clock: SimClock = clock or WallClock()
        self.vendor, self.model, self.firmware = vendor, model, firmware
        self.serial = serial or identity
        self.meter_unit = meter_unit
        self.subprotocol = subprotocol
        self.max_power_w = float(max_power_w)
        self.id_tag_suffix = id_tag_suffix
        self.password = password
        self.auto_plug = auto_plug
        self.boot_on_reconnect = boot_on_reconnect
        self.redial = redial
        self.answer_delay = answer_delay
        self.ignore_charging_profiles = ignore_charging_profiles
        self.firmware_failure = firmware_failure  # "download" / "checksum" / "install"
        self.downloaded_images: list[bytes] = []  # firmware images really downloaded
        self.diagnostics_padding = 0  # extra bytes in the diagnostics file (size-limit tests)
        self.reboot_delay = reboot_delay
        self.reconnect_delay = reconnect_delay
        self.response_timeout = response_timeout
        self.open_timeout = open_timeout
        self.validate = validate
        self.ssl = ssl
        self.session_register = session_register
        self.local_time_offset = local_time_offset
        self.max_latency_samples = max_latency_samples
        self.on_boot_answer = on_boot_answer
        self._limiter = connect_limiter
        self._rng = random.Random(seed if seed is not None else identity)

        self.config = StationConfig(connectors, int(max_power_w), config)
        for name in missing_keys:
            self.config.remove(name)
        if password:
            self.config.set_internal("AuthorizationKey", password)
        self.profiles = ProfileStore(connectors)
        base = (
            initial_register_wh
            if initial_register_wh is not None
            else float(zlib.crc32(identity.encode()) % 5_000_000)
        )
        self.connectors: dict[int, Connector] = {0: Connector(0)}
        for n in range(1, connectors + 1):
            self.connectors[n] = Connector(n, energy_wh=base + (n - 1) * 250_000.0)
        self.local_list: dict[str, dict] = {}
        self.local_list_version = 0
        self.auth_cache: dict[str, dict] = {}
        self.firmware_status = "Idle"
        self.certificate_key = None  # security extension: the key of the last CSR, and the chain signed for it
        self.certificate_chain: str | None = None
        self.certificates = CertificateStore()  # installed root certificates (InstallCertificate)
        self.diagnostics_status = "Idle"

        # observable state and counters
        self.accepted = asyncio.Event()
        self.connected = False
        self.boot_status: str | None = None
        self.received: list[ReceivedCall] = []
        self.messages_sent = 0
        self.messages_received = 0
        self.errors = 0
        self.latencies: list[float] = []
        self.connect_failures = 0
        self.connections = 0
        self.boots = 0
        self.transactions_started = 0

        # internals
        self._link: StationLink | None = None
        self._ws = None
        self._supervisor: asyncio.Task | None = None
        self._tasks: set[asyncio.Task] = set()
        self._inflight: set = set()
        self._queue: deque[tuple[Any, int | None]] = deque()
        self._tx_map: dict[int, int] = {}
        self._next_provisional = -1
        self._flush_task: asyncio.Task | None = None
        self._aligned_task: asyncio.Task | None = None
        self._drained = asyncio.Event()
        self._drained.set()
        self._online_allowed = asyncio.Event()
        self._online_allowed.set()
        self._conn_closed = asyncio.Event()
        self._conn_closed.set()
        self._hb_changed = asyncio.Event()
        self._boot_accepted = asyncio.Event()
        self._recv_signal = asyncio.Event()
        self._raw_waiters: dict[str, asyncio.Future] = {}
        self._stopping = False
        self._rebooting = False
        self._boot_needed = True
        self._pending_firmware: str | None = None

    # ------------------------------------------------------------------ api
    def __repr__(self) -> str:
        return f"<SimulatedStation {self.identity} connected={self.connected} boot={self.boot_status}>"

    @property
    def online(self) -> bool:
        """Connected and accepted by the CSMS."""
        return self._link is not None and self.accepted.is_set()

    @property
    def queued(self) -> list[str]:
        """Actions waiting in the offline queue, oldest first."""
        return [type(payload).__name__ for payload, _ in self._queue]

    async def start(self, *, wait: float | None = None) -> None:
        """Start connecting in the background (boots, redials until stopped).

        With `wait` (real seconds) also wait until the BootNotification is
        accepted (TimeoutError when it is not within that time).
        """
        if self._supervisor is None or self._supervisor.done():
            self._stopping = False
            self._supervisor = asyncio.create_task(self._supervise(), name=f"sim-{self.identity}")
        if wait is not None:
            await self.wait_accepted(wait)

    async def wait_accepted(self, timeout: float | None = 10.0) -> None:
        """Wait (real seconds) until the CSMS has accepted the BootNotification."""
        await asyncio.wait_for(self.accepted.wait(), timeout)

    async def stop(self) -> None:
        """Close the connection cleanly and stop every timer."""
        self._stopping = True
        self._online_allowed.set()
        timers = [self._flush_task, self._aligned_task, *self._tasks]
        for c in self.connectors.values():
            timers += [c.meter_task, c.reservation.timer if c.reservation else None]
            c.meter_task = None
        await cancel_and_wait(timers)
        ws = self._ws
        if ws is not None:
            try:
                await asyncio.wait_for(ws.close(), 5)
            except Exception:  # noqa: BLE001 - closing is best effort
                pass
        if self._supervisor is not None:
            await cancel_and_wait([self._supervisor])
            self._supervisor = None
        await cancel_and_wait(list(self._tasks))

    async def go_offline(self) -> None:
        """Drop the connection and stay offline; transaction messages are queued."""
        self._online_allowed.clear()
        ws = self._ws
        if ws is not None:
            await ws.close()
        await self._conn_closed.wait()

    async def go_online(self, timeout: float | None = 30.0) -> None:
        """Reconnect; waits (real seconds) until booted and the queue is replayed."""
        self._online_allowed.set()
        if timeout is None:
            return
        async with asyncio.timeout(timeout):
            await self.accepted.wait()
            await self._drained.wait()

    async def send_call(self, payload: Any) -> Any:
        """Send any ocpp.v16.call payload now; returns the result or None."""
        result = await self._send(payload, force=True)
        return None if result is LOST else result

    async def wait_for_call(self, action: str, *, timeout: float = 10.0, start: int = 0) -> ReceivedCall:
        """The first received CSMS call of `action` at index >= `start`."""
        async with asyncio.timeout(timeout):
            index = start
            while True:
                for item in self.received[index:]:
                    if item.action == action:
                        return item
                index = len(self.received)
                await self._recv_signal.wait()

    async def reboot(self, stop_reason: str | None = "Reboot") -> None:
        """Stop running sessions, drop the connection, boot again after reboot_delay."""
        if stop_reason:
            for c in self._charge_connectors():
                if c.charging:
                    await self._stop_transaction(c, stop_reason)
        self._rebooting = True
        self._boot_needed = True
        ws = self._ws
        if ws is not None:
            await ws.close()

    # -------------------------------------------------------------- helpers
    def _spawn(self, coro, name: str | None = None) -> asyncio.Task:
        task = asyncio.create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)
        return task

    def _task_done(self, task: asyncio.Task) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("%s: background task failed", self.identity, exc_info=task.exception())

    def _defer(self, fn: Callable, *args) -> None:
        """Run fn(*args) after the answer to the current CSMS call is sent."""
        pending = DEFERRED.get()
        if pending is None:
            self._spawn(fn(*args))
        else:
            pending.append((fn, args))

    def _charge_connectors(self) -> list[Connector]:
        return [c for n, c in self.connectors.items() if n > 0]

    def _ts(self, dt: datetime) -> str:
        """A timestamp as this station sends it (UTC with 'Z' unless the
        local-time quirk is on: local wall time without any offset)."""
        if self.local_time_offset is None:
            return iso_z(dt)
        return (dt + timedelta(hours=self.local_time_offset)).strftime("%Y-%m-%dT%H:%M:%S")

    def _register_wh(self, c: Connector) -> float:
        """The energy register as reported (session-relative with that quirk)."""
        if self.session_register and c.charging:
            return c.energy_wh - c.meter_start
        return c.energy_wh

    def _new_provisional_id(self) -> int:
        value = self._next_provisional
        self._next_provisional -= 1
        return value

    # ------------------------------------------------------------- sending
    async def _do_call(self, link: StationLink, payload: Any) -> Any:
        """Result, None (CallError / no answer) or LOST (connection gone)."""
        t0 = time.perf_counter()
        try:
            async with asyncio.timeout(None) as scope:
                self._inflight.add(scope)
                try:
                    result = await link.call(
                        payload, suppress=False, skip_schema_validation=not self.validate
                    )
                finally:
                    self._inflight.discard(scope)
        except OCPPError as exc:
            self.errors += 1
            log.warning("%s: %s answered with %s", self.identity, type(payload).__name__, exc)
            return None
        except ConnectionClosed:
            return LOST
        except TimeoutError:
            if link.closed:
                return LOST
            self.errors += 1
            log.warning("%s: no answer to %s", self.identity, type(payload).__name__)
            return None
        except Exception:  # noqa: BLE001 - a broken link must not kill the caller's loop
            if link.closed:
                return LOST
            self.errors += 1
            log.exception("%s: sending %s failed", self.identity, type(payload).__name__)
            return None
        self.messages_sent += 1
        self.latencies.append(time.perf_counter() - t0)
        if len(self.latencies) > self.max_latency_samples:
            del self.latencies[: len(self.latencies) // 2]  # keep the newest half
        return result

    async def _send(self, payload: Any, *, queueable: bool = False, force: bool = False,
                    provisional: int | None = None) -> Any:
        if queueable and (self._queue or not self.online):
            self._enqueue(payload, provisional)
            return QUEUED
        link = self._link
        if link is None or not (force or self.accepted.is_set()):
            return LOST
        result = await self._do_call(link, payload)
        if result is LOST and queueable:
            self._enqueue(payload, provisional)
            return QUEUED
        return result

    def _enqueue(self, payload: Any, provisional: int | None) -> None:
        self._queue.append((payload, provisional))
        self._drained.clear()
        self._ensure_flush()

    def _ensure_flush(self) -> None:
        if self.online and self._queue and (self._flush_task is None or self._flush_task.done()):
            self._flush_task = self._spawn(self._flush_queue(), name=f"sim-{self.identity}-flush")
        elif not self._queue:
            self._drained.set()

    async def _flush_queue(self) -> None:
        attempts = 0
        while self._queue:
            link = self._link
            if link is None or not self.accepted.is_set():
                return
            payload, provisional = self._queue[0]
            tx = getattr(payload, "transaction_id", None)
            if tx is not None and tx in self._tx_map:
                payload.transaction_id = self._tx_map[tx]
            result = await self._do_call(link, payload)
            if result is LOST:
                return
            attempts += 1
            if result is None and attempts < self.config.get_int("TransactionMessageAttempts", 3):
                retry = self.config.get_int("TransactionMessageRetryInterval", 10)
                await self.clock.sleep(retry * attempts)
                continue
            attempts = 0
            self._queue.popleft()
            if isinstance(payload, call.StartTransaction) and provisional is not None:
                self._on_replayed_start(provisional, result)
        self._drained.set()

    async def _send_status(self, cid: int, *, force: bool = False) -> None:
        c = self.connectors[cid]
        payload = call.StatusNotification(
            connector_id=cid,
            error_code=c.error_code,
            status=c.status,
            timestamp=self._ts(self.clock.now()),
            info=c.info,
        )
        await self._send(payload, force=force)

    async def _set_status(self, cid: int, status: str, error_code: str = "NoError",
                          info: str | None = None) -> None:
        c = self.connectors[cid]
        if c.status == status and c.error_code == error_code:
            return
        c.status, c.error_code, c.info = status, error_code, info
        await self._send_status(cid)

    def _boot_payload(self) -> call.BootNotification:
        return call.BootNotification(
            charge_point_model=self.model[:20],
            charge_point_vendor=self.vendor[:20],
            charge_point_serial_number=self.serial[:25],
            charge_box_serial_number=self.serial[:25],
            firmware_version=self.firmware[:50],
            meter_type="SimMeter",
            meter_serial_number=("M-" + self.serial)[:25],
        )

    def _apply_boot_result(self, result: Any) -> None:
        self.boots += 1
        self.boot_status = str(result.status)
        if self.boot_status == "Accepted":
            if result.interval and result.interval > 0:
                self.config.set_internal("HeartbeatInterval", str(int(result.interval)))
                self._hb_changed.set()
            self._boot_accepted.set()
