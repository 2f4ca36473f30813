"""Item delegates: connector statuses drawn as coloured chips in the stations table."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

from evdesk.gui import display
from evdesk.gui.models.base import Roles
from evdesk.gui.translations.labels import state_label

CHIP_PADDING = 6
CHIP_GAP = 4


class ConnectorChipsDelegate(QStyledItemDelegate):
    """'1 Charging' '2 Available' as chips in the connector's status colour (greyed when offline)."""

    def paint(self, painter: QPainter, option, index) -> None:
        statuses = index.data(Roles.ConnectorStatuses)
        if not statuses:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        online = index.data(Roles.Status) == "online"
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(option.font)
        height = min(option.rect.height() - 6, metrics.height() + 4)
        x = option.rect.x() + 4
        y = option.rect.y() + (option.rect.height() - height) / 2
        for connector_id, status in statuses:
            text = f"{connector_id} {state_label(status)}"
            width = metrics.horizontalAdvance(text) + 2 * CHIP_PADDING
            if x + width > option.rect.right():
                painter.setPen(option.palette.text().color())
                painter.drawText(QRectF(x, y, 20, height), Qt.AlignmentFlag.AlignVCenter, "…")
                break
            colour = display.status_colour(status)
            rect = QRectF(x, y, width, height).adjusted(0.5, 0.5, -0.5, -0.5)
            if online:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawRoundedRect(rect, height / 2, height / 2)
                painter.setPen(QColor("white"))
            else:
                # outlined: the last status the station reported, not a live one
                painter.setPen(colour)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(rect, height / 2, height / 2)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
            x += width + CHIP_GAP
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        statuses = index.data(Roles.ConnectorStatuses)
        if not statuses:
            return super().sizeHint(option, index)
        metrics = QFontMetrics(option.font)
        width = sum(metrics.horizontalAdvance(f"{c} {s}") + 2 * CHIP_PADDING + CHIP_GAP for c, s in statuses) + 8
        return QSize(width, metrics.height() + 10)
