"""Clocks for the charge-point simulator.

Every timer of a simulated station (heartbeat, meter interval, firmware steps,
reservation expiry, the charging curve) runs on the station's clock, so a
:class:`ScaledClock` lets a test or a demo run an hour-long session in seconds.
"""

from __future__ import annotations

import asyncio
import time
from datetime import datetime, timedelta, timezone
from typing import Protocol, runtime_checkable

__all__ = [
    "SimClock", "WallClock", "ScaledClock", "iso_z", "parse_iso", "wait_event", "cancel_and_wait",
]


@runtime_checkable
class SimClock(Protocol):
    """What a station needs from a clock."""

    def now(self) -> datetime:
        """The current (simulated) time, timezone-aware UTC."""
        ...

    async def sleep(self, seconds: float) -> None:
        """Sleep for `seconds` of simulated time."""
        ...


class WallClock:
    """Real time."""

    speed = 1.0

    def now(self) -> datetime:
        return datetime.now(timezone.utc)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(max(0.0, seconds))

    def __repr__(self) -> str:
        return "WallClock()"


class ScaledClock:
    """Simulated time running `speed` times faster than real time.

    ``now()`` starts at `start` (default: the real time of construction) and
    advances `speed` simulated seconds per real second; ``sleep(s)`` really
    sleeps ``s / speed`` seconds.
    """

    def __init__(self, speed: float = 1.0, start: datetime | None = None) -> None:
        if speed <= 0:
            raise ValueError("speed must be > 0")
        self.speed = float(speed)
        start = start or datetime.now(timezone.utc)
        if start.tzinfo is None:
            start = start.replace(tzinfo=timezone.utc)
        self._start = start.astimezone(timezone.utc)
        self._t0 = time.monotonic()

    def now(self) -> datetime:
        elapsed = (time.monotonic() - self._t0) * self.speed
        return self._start + timedelta(seconds=elapsed)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(max(0.0, seconds) / self.speed)

    def __repr__(self) -> str:
        return f"ScaledClock(speed={self.speed:g})"


def iso_z(dt: datetime) -> str:
    """ISO 8601 UTC with milliseconds and a 'Z' suffix."""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    dt = dt.astimezone(timezone.utc)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"


def parse_iso(value: str | None) -> datetime | None:
    """Parse an OCPP timestamp; a value without offset is taken as UTC."""
    if not value:
        return None
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        dt = datetime.fromisoformat(text)
    except ValueError:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc)


async def wait_event(clock: SimClock, event: asyncio.Event, seconds: float) -> bool:
    """Wait until `event` is set or `seconds` of the clock's time have passed.

    Returns True when the event was set.
    """
    if event.is_set():
        return True
    waiter = asyncio.ensure_future(event.wait())
    sleeper = asyncio.ensure_future(clock.sleep(seconds))
    try:
        await asyncio.wait((waiter, sleeper), return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in (waiter, sleeper):
            if not task.done():
                task.cancel()
    return event.is_set()


async def cancel_and_wait(tasks, rounds: int = 20, patience: float = 0.5) -> None:
    """Cancel `tasks` and wait for them, cancelling again if a task swallowed
    the cancellation (CPython 3.11's ``wait_for`` can lose it when the awaited
    result arrives at the same moment)."""
    pending = {t for t in tasks if t is not None and not t.done() and t is not asyncio.current_task()}
    for _ in range(rounds):
        if not pending:
            return
        for task in pending:
            task.cancel()
        _, pending = await asyncio.wait(pending, timeout=patience)
    if pending:
        raise RuntimeError(f"{len(pending)} task(s) ignored cancellation")
