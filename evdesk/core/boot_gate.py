"""Spreading a boot storm (every station back after a power cut) over time."""

from __future__ import annotations

import random
import time


class BootGate:
    """Up to `rate` boots per second are accepted (a token bucket with one second of
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

    def set_rate(self, rate: float) -> None:
        """A new accept rate from the site settings (one second of burst)."""
        self.rate = rate
        self.capacity = max(1.0, rate)

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
