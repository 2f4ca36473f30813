"""Figures of the benchmark chargers (used by chargers.py): latencies per action, failures by kind."""

from __future__ import annotations

import asyncio
import errno
import time
from collections import Counter

from websockets.exceptions import InvalidStatus


def percentile(ordered: list[float], q: float) -> float | None:
    if not ordered:
        return None
    return ordered[min(len(ordered) - 1, max(0, int(round(q / 100 * len(ordered) + 0.5)) - 1))]


class ActionFigures:
    __slots__ = ("latencies", "callerrors", "timeouts", "lost", "error_codes")

    def __init__(self):
        self.latencies: list[float] = []
        self.callerrors = 0
        self.timeouts = 0
        self.lost = 0
        self.error_codes: Counter = Counter()

    def summary(self) -> dict:
        ordered = sorted(self.latencies)
        ms = (lambda v: None if v is None else round(v * 1000, 1))
        out = {"count": len(ordered), "p50_ms": ms(percentile(ordered, 50)), "p99_ms": ms(percentile(ordered, 99)),
               "max_ms": ms(ordered[-1] if ordered else None), "callerrors": self.callerrors,
               "timeouts": self.timeouts, "lost": self.lost}
        if self.error_codes:
            out["error_codes"] = dict(self.error_codes)
        return out


class Stats:
    def __init__(self):
        self.ramp_done_at = float("inf")
        self.actions: dict[str, ActionFigures] = {}
        self.after_ramp: dict[str, ActionFigures] = {}
        self.csms_calls: dict[str, Counter] = {}
        self.boots: Counter = Counter()
        self.handshake_failures: Counter = Counter()
        self.closes: Counter = Counter()
        self.connections = 0
        self.reconnects = 0
        self.resets = 0
        self.sessions_started = 0
        self.sessions_stopped = 0
        self.starts_refused: Counter = Counter()
        self.charger_errors: Counter = Counter()  # bugs of this generator: must stay empty
        self.frames_in = 0
        self.frames_out = 0

    def figures(self, action: str, sent_at: float) -> list[ActionFigures]:
        out = [self.actions.setdefault(action, ActionFigures())]
        if sent_at >= self.ramp_done_at:
            out.append(self.after_ramp.setdefault(action, ActionFigures()))
        return out

    def answered(self, action: str, how: str) -> None:
        self.csms_calls.setdefault(action, Counter())[how] += 1


def failure_kind(exc: BaseException) -> str:
    """A handshake failure, by kind: http_<status>, ECONNRESET, ECONNREFUSED, timeout, ..."""
    if isinstance(exc, InvalidStatus):
        return f"http_{exc.response.status_code}"
    seen = exc
    for _ in range(5):
        if isinstance(seen, TimeoutError):
            return "timeout"
        if isinstance(seen, ConnectionResetError):
            return "ECONNRESET"
        if isinstance(seen, ConnectionRefusedError):
            return "ECONNREFUSED"
        if isinstance(seen, EOFError):
            return "closed_during_handshake"
        if isinstance(seen, OSError) and seen.errno:
            return errno.errorcode.get(seen.errno, f"errno_{seen.errno}")
        nxt = seen.__cause__ or seen.__context__
        if nxt is None:
            break
        seen = nxt
    return type(exc).__name__


class LoopWatch:
    """The generator's own loop lag: if it is late, its latencies are too."""

    def __init__(self):
        self.samples: list[float] = []

    async def run(self) -> None:
        while True:
            expected = time.monotonic() + 0.05
            await asyncio.sleep(0.05)
            self.samples.append(max(0.0, time.monotonic() - expected))

