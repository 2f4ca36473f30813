"""A charging schedule as a step chart (pyqtgraph): the limit over time, in A or W, from the
schedule's start. The charging-profile editor draws its draft with it as the fields change;
"Get composite schedule" draws the station's answer with the same chart."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from evdesk.core.charging_profiles import Step

LINE = "#1565c0"
FILL = (21, 101, 192, 40)


class ScheduleChart(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        pg.setConfigOptions(antialias=True, background="w", foreground="#37474f")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.plot = pg.PlotWidget(self)
        self.plot.setMinimumHeight(180)
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        self.plot.setLabel("bottom", "Minutes from the schedule's start")
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        layout.addWidget(self.caption)
        layout.addWidget(self.plot, 1)
        self.steps: list[Step] = []
        self.unit = ""

    def show_steps(self, steps: list[Step], unit: str, caption: str = "") -> None:
        self.steps, self.unit = list(steps), unit
        self.plot.clear()
        self.plot.setLabel("left", f"Limit ({unit})" if unit else "Limit")
        if not steps:
            self.caption.setText(caption or "No period to draw yet.")
            return
        xs = [s.start_s / 60 for s in steps] + [steps[-1].end_s / 60]
        ys = [s.limit for s in steps]
        self.plot.plot(xs, ys, stepMode="center", pen=pg.mkPen(LINE, width=2), fillLevel=0, brush=pg.mkBrush(*FILL))
        self.plot.setYRange(0, max(ys) * 1.15, padding=0)
        self.plot.setXRange(0, xs[-1], padding=0.02)
        self.caption.setText(caption)
