"""The link of a benchmark charger (used by chargers.py and chargers201.py): dialling with back-off,
one CALL at a time and its latency, reading frames, answering the central system's calls.

A charger class gives `subprotocol`, `_life()` (what it does once connected: boot, sessions,
heartbeats) and `_link_lost()` (what happens to its sessions when the socket goes); it answers
the central system's action X with a method `on_X(payload) -> (result, after)` where `after`
is a coroutine run once the answer is sent (or None). Any other action gets CALLERROR
NotImplemented, as real chargers answer.
"""

from __future__ import annotations

import asyncio
import json
import time

from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from charger_stats import failure_kind
from charger_transport import dial_options


class Lost(Exception):
    """The connection closed before the answer came."""


class ChargerLink:
    """Expects: identity, url, args, stats, rng, ws, waiting, call_lock, seq, accepted, tasks,
    reboot_after, connected_once (set by the charger's __init__ through `_init_link`)."""

    subprotocol = "ocpp1.6"

    def _init_link(self, identity: str, args, stats, rng) -> None:
        self.identity = identity
        self.url = args.url.rstrip("/") + "/" + identity
        self.args = args
        self.stats = stats
        self.rng = rng
        self.ws = None
        self.waiting: dict[str, tuple[asyncio.Future, str]] = {}
        self.call_lock = asyncio.Lock()
        self.seq = 0
        self.accepted = False
        self.tasks: set[asyncio.Task] = set()
        self.reboot_after = 0.0
        self.connected_once = False

    async def _life(self) -> None:
        raise NotImplementedError

    def _link_lost(self) -> None:
        raise NotImplementedError

    async def run(self, stopping: asyncio.Event) -> None:
        delay = 1.0
        while not stopping.is_set():
            try:
                ws = await connect(self.url, subprotocols=[self.subprotocol], compression=None,
                                   open_timeout=self.args.open_timeout, ping_interval=60, ping_timeout=60,
                                   close_timeout=2, max_queue=None, user_agent_header="bench-charger/1.0",
                                   **dial_options(self.args, self.identity))
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # noqa: BLE001 - every failure is counted and redialled
                self.stats.handshake_failures[failure_kind(exc)] += 1
                await asyncio.sleep(delay * self.rng.uniform(0.5, 1.5))
                delay = min(delay * 2, 60.0)
                continue
            self.stats.connections += 1
            if self.connected_once:
                self.stats.reconnects += 1
            self.connected_once = True
            booted = await self._connected(ws, stopping)
            if stopping.is_set():
                break
            if booted:
                delay = 1.0
            if self.reboot_after:
                await asyncio.sleep(self.reboot_after)
                self.reboot_after = 0.0
                continue
            await asyncio.sleep(delay * self.rng.uniform(0.5, 1.5))
            delay = min(delay * 2, 60.0)

    async def _connected(self, ws, stopping: asyncio.Event) -> bool:
        self.ws = ws
        self.accepted = False
        reader = asyncio.create_task(self._reader(ws))
        life = asyncio.create_task(self._life())
        try:
            done, _ = await asyncio.wait({reader, life}, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                self._note_failure(task)
        finally:
            self._link_lost()
            for task in (reader, life, *self.tasks):
                task.cancel()
            await asyncio.gather(reader, life, *self.tasks, return_exceptions=True)
            self.tasks.clear()
            for fut, _ in self.waiting.values():
                if not fut.done():
                    fut.set_exception(Lost())
            self.waiting.clear()
            self.ws = None
            try:
                await asyncio.wait_for(ws.close(), 3)
            except Exception:  # noqa: BLE001
                pass
            if not stopping.is_set():  # closed during the run (by the server, a reset, a lost link)
                code = ws.close_code if ws.close_code is not None else 1006
                self.stats.closes[str(code)] += 1
        return self.accepted

    def _spawn(self, coro) -> asyncio.Task:
        task = asyncio.create_task(coro)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
        task.add_done_callback(self._note_failure)
        return task

    def _note_failure(self, task: asyncio.Task) -> None:
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None and not isinstance(exc, (Lost, ConnectionClosed)):
            self.stats.charger_errors[f"{type(exc).__name__}: {exc}"[:120]] += 1

    async def call(self, name: str, payload: dict, action: str = "") -> dict | None:
        """Send a CALL (one at a time per connection) and return its answer's payload, or None.
        Its figures are kept under `name`; the frame's action is `action` (default: the name)."""
        action = action or name
        async with self.call_lock:
            ws = self.ws
            if ws is None:
                raise Lost()
            self.seq += 1
            uid = f"{self.seq:x}"
            fut = asyncio.get_running_loop().create_future()
            self.waiting[uid] = (fut, name)
            text = json.dumps([2, uid, action, payload], separators=(",", ":"))
            sent_at = time.perf_counter()
            figures = self.stats.figures(name, time.monotonic())
            try:
                await ws.send(text)
                self.stats.frames_out += 1
                msg, received_at = await asyncio.wait_for(fut, self.args.call_timeout)
            except TimeoutError:
                for f in figures:
                    f.timeouts += 1
                return None
            except (Lost, ConnectionClosed):
                for f in figures:
                    f.lost += 1
                raise Lost() from None
            finally:
                self.waiting.pop(uid, None)
        if msg[0] == 4:
            for f in figures:
                f.callerrors += 1
                f.error_codes[str(msg[2])] += 1
            return None
        for f in figures:
            f.latencies.append(received_at - sent_at)
        return msg[2] if isinstance(msg[2], dict) else {}

    async def _reader(self, ws) -> None:
        try:
            async for text in ws:
                received_at = time.perf_counter()
                self.stats.frames_in += 1
                try:
                    msg = json.loads(text)
                    kind, uid = msg[0], msg[1]
                except (ValueError, TypeError, IndexError, KeyError):
                    self.stats.answered("(unreadable frame)", "ignored")
                    continue
                if kind in (3, 4):
                    waiting = self.waiting.get(uid)
                    if waiting is not None and not waiting[0].done():
                        waiting[0].set_result((msg, received_at))
                elif kind == 2 and len(msg) == 4 and isinstance(msg[3], dict):
                    await self._answer(ws, uid, str(msg[2]), msg[3])
        except ConnectionClosed:
            pass

    async def _answer(self, ws, uid: str, action: str, payload: dict) -> None:
        handler = getattr(self, "on_" + action, None) if action.isalnum() else None
        after = None
        if handler is None:
            frame = [4, uid, "NotImplemented", f"{action} is not implemented by this charger", {}]
            self.stats.answered(action, "not_implemented")
        else:
            try:
                result, after = handler(payload)
                frame = [3, uid, result]
                self.stats.answered(action, "answered")
            except (TypeError, ValueError, KeyError, AttributeError) as exc:  # a payload of the wrong shape
                frame = [4, uid, "FormationViolation", f"{action}: {exc}"[:200], {}]
                self.stats.answered(action, "formation_violation")
        await ws.send(json.dumps(frame, separators=(",", ":")))
        self.stats.frames_out += 1
        if after is not None:
            self._spawn(after)
