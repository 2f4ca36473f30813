"""The seat's fault alerts: a tray message for each new fault (click it to open the station) and
a badge (a red pill with the number of faulted stations) on the Stations navigation entry.

Both follow the notification watch (`NotificationCaseChanged`: a case that lasted past the
seat's settle time, so a flap shows nothing) and the operator's domain: a group admin hears of
and counts only the stations of their domain. The count is the number of stations (not cases)
with an open unavailable, fuse, sensor or other fault case.
"""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from PySide6.QtCore import QObject, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter
from PySide6.QtWidgets import QListWidgetItem, QStyledItemDelegate, QSystemTrayIcon

from evdesk.core import events as ev
from evdesk.core.notifications import CASE_LABELS, FAULT_CASES
from evdesk.core.permissions import OperatorContext
from evdesk.gui.coalesce import Coalescer
from evdesk.gui.models.base import BusListener
from evdesk.gui.resources import app_icon_path

BADGE_ROLE = Qt.ItemDataRole.UserRole + 20  # the count on a navigation entry


class BadgeDelegate(QStyledItemDelegate):
    """Paints a navigation entry as usual, plus a red pill with its `BADGE_ROLE` count at its right."""

    def paint(self, painter: QPainter, option, index) -> None:
        super().paint(painter, option, index)
        count = index.data(BADGE_ROLE)
        if not count:
            return
        text = str(count) if count < 100 else "99+"
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        width = max(QFontMetrics(font).horizontalAdvance(text) + 14, 24)
        height = min(22, option.rect.height() - 8)
        pill = QRect(option.rect.right() - width - 10, option.rect.center().y() - height // 2, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#d32f2f"))
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setPen(QColor("white"))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


class FaultAlerts(QObject):
    def __init__(self, services, operator: Callable[[], OperatorContext], nav_item: QListWidgetItem | None,
                 open_station: Callable[[UUID], object], parent=None):
        super().__init__(parent)
        self.services = services
        self.operator = operator
        self.nav_item = nav_item
        self.open_station = open_station
        if nav_item is not None and nav_item.listWidget() is not None:
            nav_item.listWidget().setItemDelegate(BadgeDelegate(nav_item.listWidget()))
        self.count = 0
        self.last_message: tuple[str, str, UUID] | None = None  # title, text, station
        app_icon = app_icon_path()
        self.tray = QSystemTrayIcon(QIcon(str(app_icon)) if app_icon else QIcon(), self)
        self.tray.setToolTip("evdesk")
        self.tray.messageClicked.connect(self._clicked)
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray.show()
        self._recounts = Coalescer(self.refresh, 200, self)
        self._bus = BusListener(self, services.bus)
        self._bus.on(ev.NotificationCaseChanged, self._case_changed)
        for event_type in (ev.StationRemoved, ev.StationChanged, ev.GroupChanged):
            self._bus.on(event_type, self._recounts.poke)
        self.refresh()

    def detach(self) -> None:
        self._bus.detach()
        self.tray.hide()

    def refresh(self) -> None:
        """Count again for the operator now acting (a login changes the domain)."""
        self.count = self.services.notifications.open_fault_count(self.operator())
        item = self.nav_item
        if item is None:
            return
        item.setData(BADGE_ROLE, self.count)
        item.setToolTip(f"{self.count} station{'s' if self.count != 1 else ''} with an open fault"
                        if self.count else "No station has an open fault.")

    def _case_changed(self, event: ev.NotificationCaseChanged) -> None:
        self._recounts.poke()
        if not event.active or event.case not in FAULT_CASES:
            return
        info = self.services.stations.by_id.get(event.station_id)
        if info is None or not self.services.groups.fresh(self.operator()).sees_station(info.group_id):
            return
        group = self.services.groups.name_of(info.group_id) if info.group_id else ""
        title = f"{CASE_LABELS[event.case]}: {info.display_name}"
        text = (f"{info.display_name} ({info.identity}{', ' + group if group else ''}) reports: "
                f"{CASE_LABELS[event.case].lower()}. Click to open the station.")
        self.last_message = (title, text, info.id)
        self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, 15000)

    def _clicked(self) -> None:
        if self.last_message is None:
            return
        window = self.parent()
        if window is not None and hasattr(window, "showNormal"):  # from the tray: bring the window up
            window.showNormal()
            window.raise_()
            window.activateWindow()
        self.open_station(self.last_message[2])
