"""A clock the test moves by hand (for services' `clock=`)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone


class ManualClock:
    def __init__(self, start: datetime | None = None):
        self.now = start or datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)
