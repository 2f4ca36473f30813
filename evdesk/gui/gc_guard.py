"""Garbage collection on the GUI thread only, in short steps.

Python collects reference cycles in whichever thread happens to allocate when a
threshold is crossed: that can be the database worker. A Qt object freed there
crashes the process later. So automatic collection is switched off and this
timer runs the collection on the GUI thread instead (the pattern the Qt for
Python docs and Anki use), paced by the core's `GcPacer` so that no collection
rescans the whole site and freezes the window (core/gc_pacer.py).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from evdesk.core.gc_pacer import GcPacer


class GuiThreadGarbageCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = 500):
        super().__init__(parent)
        self.pacer = GcPacer()
        self.pacer.start()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.pacer.tick)
        self.timer.start(interval_ms)

    def stop(self) -> None:
        self.timer.stop()
        self.pacer.stop()
