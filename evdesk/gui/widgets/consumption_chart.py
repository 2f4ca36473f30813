"""The dashboard's consumption chart (pyqtgraph): kWh as bars on the left axis, the number of
sessions as a line with points on the right axis, one bucket per bar, labelled in the site's
local time."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont

from evdesk.core.reads.dashboard import Bucket
from evdesk.gui import display

BAR_COLOUR = QColor("#1565c0")
LINE_COLOUR = QColor("#ef6c00")
LABEL_FORMATS = {"hour": "%d.%m %H:00", "day": "%a %d.%m", "week": "wk %V", "month": "%b %Y"}


class ConsumptionChart(pg.PlotWidget):
    def __init__(self, parent=None):
        super().__init__(parent, background="w")
        self.setMinimumHeight(220)
        self.setMenuEnabled(False)
        plot = self.getPlotItem()
        plot.hideButtons()
        plot.showGrid(x=False, y=True, alpha=0.25)
        plot.setMouseEnabled(x=False, y=False)
        plot.getAxis("left").setLabel("kWh", color=BAR_COLOUR.name())
        plot.showAxis("right")
        plot.getAxis("right").setLabel(self.tr("sessions"), color=LINE_COLOUR.name())
        for axis in ("left", "bottom", "right"):
            plot.getAxis(axis).enableAutoSIPrefix(False)  # "kWh", never "kWh (x0.001)"
            plot.getAxis(axis).setTextPen(pg.mkPen("#37474f"))
            plot.getAxis(axis).setPen(pg.mkPen("#90a4ae"))
        self.sessions_view = pg.ViewBox()
        self.sessions_view.setMouseEnabled(x=False, y=False)
        plot.scene().addItem(self.sessions_view)
        plot.getAxis("right").linkToView(self.sessions_view)
        self.sessions_view.setXLink(plot)
        plot.vb.sigResized.connect(self._sync_views)
        legend = plot.addLegend(offset=(10, 5), labelTextColor="#37474f")
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush=BAR_COLOUR, pen=pg.mkPen(BAR_COLOUR.darker(120)))
        plot.addItem(self.bars)
        legend.addItem(self.bars, "kWh")
        self.line = pg.PlotDataItem([], [], pen=pg.mkPen(LINE_COLOUR, width=2), symbol="o", symbolSize=5,
                                    symbolBrush=LINE_COLOUR, symbolPen=None)
        self.sessions_view.addItem(self.line)
        legend.addItem(self.line, self.tr("sessions"))
        self.empty_text = pg.TextItem(self.tr("No sessions in this time frame."), color="#607d8b", anchor=(0.5, 0.5))
        font = QFont()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.empty_text.setFont(font)
        plot.addItem(self.empty_text)
        self.buckets: list[Bucket] = []

    def _sync_views(self) -> None:
        self.sessions_view.setGeometry(self.getPlotItem().vb.sceneBoundingRect())
        self.sessions_view.linkedViewChanged(self.getPlotItem().vb, self.sessions_view.XAxis)

    def show_buckets(self, buckets: list[Bucket], grain: str) -> None:
        self.buckets = list(buckets)
        xs = list(range(len(buckets)))
        kwh = [b.energy_kwh for b in buckets]
        sessions = [b.sessions for b in buckets]
        self.bars.setOpts(x=xs, height=kwh, width=0.7)
        self.line.setData(xs, sessions)
        plot = self.getPlotItem()
        fmt = LABEL_FORMATS.get(grain, "%d.%m")
        step = max(1, len(buckets) // 10)
        ticks = [(i, b.start.strftime(fmt)) for i, b in enumerate(buckets) if i % step == 0]
        plot.getAxis("bottom").setTicks([ticks])
        top_kwh = max(kwh, default=0) or 1
        top_sessions = max(sessions, default=0) or 1
        plot.setXRange(-0.6, max(len(buckets) - 0.4, 0.4), padding=0)
        plot.setYRange(0, top_kwh * 1.1, padding=0)
        self.sessions_view.setYRange(0, top_sessions * 1.1, padding=0)
        empty = not any(sessions)
        self.empty_text.setVisible(empty)
        if empty:
            self.empty_text.setPos((len(buckets) - 1) / 2 if buckets else 0, top_kwh * 0.55)
        self._sync_views()

    def summary(self) -> str:
        """The chart as text (tooltip, tests): totals over the time frame."""
        kwh = sum(b.energy_kwh for b in self.buckets)
        return self.tr("{sessions} sessions, {kwh} kWh").format(
            sessions=sum(b.sessions for b in self.buckets),
            kwh=f"{kwh:,.1f}" if display.current_language() == "en" else display.decimal(kwh, 1))

