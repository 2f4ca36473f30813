"""Garbage collection on the GUI thread only.

Python collects reference cycles in whichever thread happens to allocate when a
threshold is crossed: that can be the database worker. A Qt object freed there
crashes the process later. So automatic collection is switched off and this
timer runs the same generational collection on the GUI thread instead (the
pattern the Qt for Python docs and Anki use).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GuiThreadGarbageCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = 500):
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def check(self) -> None:
        l0, l1, l2 = gc.get_count()
        if l0 > self.threshold[0]:
            generation = 0
            if l1 > self.threshold[1]:
                generation = 1
                if l2 > self.threshold[2]:
                    generation = 2
            gc.collect(generation)

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()
