"""Coalescing bursts of updates into one, a few times a second.

A boot storm brings thousands of status events in seconds; a screen that
recounts or repaints on each one freezes the window. `Coalescer.poke()` is
cheap and asks for one call of the function within `interval_ms`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class Coalescer(QObject):
    def __init__(self, fn: Callable[[], None], interval_ms: int = 250, parent: QObject | None = None):
        super().__init__(parent)
        self._fn = fn
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._fn)

    def poke(self, *_args) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Run now if something is waiting (tests, and before reading the result)."""
        if self._timer.isActive():
            self._timer.stop()
            self._fn()

    def stop(self) -> None:
        self._timer.stop()
