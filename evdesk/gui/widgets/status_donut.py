"""The dashboard's charging-point states drawn: the colours, a line of squares per station, and the
status donut whose state buttons filter the dashboard.

The colours follow the connector colours operators know from the station list (Charging blue,
Available green, Issue red, Unavailable grey) and add amber for Suspended (plugged in, no
energy) and a pale grey for Disabled (not in service).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGridLayout, QPushButton, QStyledItemDelegate, QVBoxLayout, QWidget

from evdesk.core.reads import point_states as sm
from evdesk.gui.theme import dark_palette_in_force, is_dark
from evdesk.gui.translations.labels import state_label

POINT_COLOURS = {
    sm.CHARGING: QColor("#1565c0"),
    sm.AVAILABLE: QColor("#2e7d32"),
    sm.SUSPENDED: QColor("#f9a825"),
    sm.UNAVAILABLE: QColor("#757575"),
    sm.ISSUE: QColor("#c62828"),
    sm.DISABLED: QColor("#cfd8dc"),
}
SQUARE = 14
GAP = 4
PointStatesRole = Qt.ItemDataRole.UserRole + 40  # [state, …] of a station's charging points


def paint_squares(painter: QPainter, rect, states: list[str]) -> None:
    """One square per charging point, left to right, vertically centred in `rect`."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    top = rect.top() + (rect.height() - SQUARE) / 2
    left = rect.left() + GAP
    line = QPen(QColor("#90a4ae" if dark_palette_in_force() else "#455a64"))  # readable on either
    line.setWidthF(1.0)
    if states:  # the station: a thin line the squares sit on
        painter.setPen(line)
        mid = top + SQUARE / 2
        painter.drawLine(int(left - GAP / 2), int(mid), int(left + len(states) * (SQUARE + GAP)), int(mid))
    for i, state in enumerate(states):
        box = QRectF(left + i * (SQUARE + GAP), top, SQUARE, SQUARE)
        painter.setPen(QPen(POINT_COLOURS[state].darker(130)))
        painter.setBrush(POINT_COLOURS[state])
        painter.drawRoundedRect(box, 2, 2)
    painter.restore()


class PointSquaresDelegate(QStyledItemDelegate):
    """Draws the `PointStatesRole` of a cell as squares (the text stays for copy and accessibility)."""

    def paint(self, painter, option, index) -> None:
        states = index.data(PointStatesRole)
        if states is None:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        option.widget.style().drawControl(option.widget.style().ControlElement.CE_ItemViewItem, option, painter,
                                          option.widget)
        paint_squares(painter, option.rect, states)

    def sizeHint(self, option, index) -> QSize:
        states = index.data(PointStatesRole)
        if states is None:
            return super().sizeHint(option, index)
        return QSize(GAP * 2 + len(states) * (SQUARE + GAP), SQUARE + 8)


class DonutChart(QWidget):
    """The ring: one arc per state, the number of charging points in the middle."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.counts: dict[str, int] = {}
        self.selected: str | None = None
        self.setMinimumSize(150, 150)

    def set_counts(self, counts: dict[str, int], selected: str | None) -> None:
        if counts != self.counts or selected != self.selected:
            self.counts, self.selected = dict(counts), selected
            self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        side = min(self.width(), self.height()) - 12
        ring = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        width = max(10.0, side * 0.16)
        total = sum(self.counts.values())
        pen = QPen(QColor("#455a64" if is_dark(self) else "#e0e0e0"), width)  # the empty ring
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        inner = ring.adjusted(width / 2, width / 2, -width / 2, -width / 2)
        painter.setPen(pen)
        painter.drawEllipse(inner)
        start = 90 * 16
        for state in sm.POINT_STATES:
            n = self.counts.get(state, 0)
            if not n:
                continue
            span = -round(360 * 16 * n / total)
            colour = QColor(POINT_COLOURS[state])
            if self.selected and state != self.selected:
                colour.setAlpha(70)
            pen.setColor(colour)
            painter.setPen(pen)
            painter.drawArc(inner, start, span)
            start += span
        painter.setPen(self.palette().windowText().color())
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        painter.setFont(font)
        text_box = inner.adjusted(0, -side * 0.08, 0, -side * 0.08)
        painter.drawText(text_box, Qt.AlignmentFlag.AlignCenter, str(total))
        small = QFont(self.font())
        painter.setFont(small)
        painter.drawText(inner.adjusted(0, side * 0.16, 0, side * 0.16), Qt.AlignmentFlag.AlignCenter,
                         self.tr("charging points"))
        painter.end()


class StatusDonut(QWidget):
    """The donut and its state buttons: clicking a state chooses it (`stateChosen(state)`), clicking
    the chosen one again clears the choice (`stateChosen("")`)."""

    stateChosen = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.chart = DonutChart(self)
        self.buttons: dict[str, QPushButton] = {}
        self.selected: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chart, 1)
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        for i, state in enumerate(sm.POINT_STATES):
            button = QPushButton(self)
            button.setObjectName(f"state_{state}")
            button.setCheckable(True)
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setToolTip(f"Show only stations with a charging point that is {sm.POINT_STATE_PHRASES[state]}"
                              " (click again to show all)")
            colour = POINT_COLOURS[state].name()
            button.setStyleSheet(
                "QPushButton { text-align: left; padding: 2px 6px; border: 1px solid transparent; border-radius: 3px; }"
                "QPushButton:checked { border-color: palette(mid); background: palette(midlight); }"
                f"QPushButton::menu-indicator {{ width: 0; }} QPushButton {{ border-left: 6px solid {colour}; }}")
            button.clicked.connect(lambda _checked=False, s=state: self.choose(s))
            self.buttons[state] = button
            grid.addWidget(button, i // 2, i % 2)
        layout.addLayout(grid)
        self.set_counts({})

    def choose(self, state: str) -> None:
        """Click on a state: choose it, or clear the choice when it is the chosen one."""
        self.selected = None if self.selected == state else state
        for s, button in self.buttons.items():
            button.setChecked(s == self.selected)
        self.chart.set_counts(self.chart.counts, self.selected)
        self.stateChosen.emit(self.selected or "")

    def set_counts(self, counts: dict[str, int]) -> None:
        for state, button in self.buttons.items():
            button.setText(f"{state_label(sm.POINT_STATE_LABELS[state])}  {counts.get(state, 0)}")
        self.chart.set_counts(counts, self.selected)

