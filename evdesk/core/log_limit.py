"""Repeated log lines, limited: the first few of a kind in full, then a count.

One misbehaving charger (or an attacker) can send thousands of bad frames a
minute; a line with a traceback for each fills the log and pushes out what an
operator needs. Each (who, kind) gets a window: the first `burst` records in
it are logged as they are, the rest only counted; when the window has passed,
one line says how many more like it were suppressed. `flush_due()` (called
every second by the station-status loop) writes those summary lines even when
nothing more arrives.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

BURST = 3
WINDOW_SECONDS = 60.0
MAX_KEYS = 10_000


@dataclass
class _Window:
    started: float
    logged: int = 0
    suppressed: int = 0
    logger: logging.Logger | None = None
    level: int = logging.WARNING
    what: str = ""


class LogLimiter:
    def __init__(self, burst: int = BURST, window: float = WINDOW_SECONDS, clock=time.monotonic):
        self.burst = burst
        self.window = window
        self.clock = clock
        self._windows: dict[tuple[str, str], _Window] = {}
        self.suppressed_total = 0

    def log(self, logger: logging.Logger, level: int, who: str, kind: str, msg: str, *args,
            exc_info=None) -> bool:
        """Log unless this (who, kind) had `burst` lines in its window; True when logged."""
        now = self.clock()
        key = (who, kind)
        window = self._windows.get(key)
        if window is not None and now - window.started >= self.window:
            self._summarise(key, window)
            window = None
        if window is None:
            if len(self._windows) >= MAX_KEYS:
                self.flush_due(force=True)
            window = self._windows[key] = _Window(now, logger=logger, level=level, what=f"{who}: {kind}")
        if window.logged < self.burst:
            window.logged += 1
            if window.logged == self.burst:
                msg += " (further lines like this are counted, not logged, for %d s)"
                args = (*args, int(self.window))
            logger.log(level, msg, *args, exc_info=exc_info)
            return True
        window.suppressed += 1
        self.suppressed_total += 1
        return False

    def _summarise(self, key, window: _Window) -> None:
        self._windows.pop(key, None)
        if window.suppressed and window.logger is not None:
            window.logger.log(window.level, "%d more like this suppressed in %d s (%s)", window.suppressed,
                              int(self.window), window.what)

    def flush_due(self, force: bool = False) -> None:
        """Write the summary of every window that has passed (all of them when `force`)."""
        now = self.clock()
        for key, window in list(self._windows.items()):
            if force or now - window.started >= self.window:
                self._summarise(key, window)


# One limiter for the process: the OCPP server and the station services share it.
limiter = LogLimiter()


def limited(logger: logging.Logger, level: int, who: str, kind: str, msg: str, *args, exc_info=None) -> bool:
    return limiter.log(logger, level, who, kind, msg, *args, exc_info=exc_info)


def flush_due() -> None:
    limiter.flush_due()
