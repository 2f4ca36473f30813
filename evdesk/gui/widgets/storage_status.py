"""Storage trouble, said at once: a red banner across the window and a mark in the status bar.

The core publishes `StorageTrouble(message, since)` when the store cannot write (disk
full, read-only folder) and `StorageRecovered(at)` when writes succeed again. While in
trouble the banner says what is wrong and since when (in the site's zone, named);
both disappear on recovery, and the status bar says when it recovered.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from evdesk.core import events as ev
from evdesk.gui import display
from evdesk.gui.models.base import BusListener, ZoneFollower

INDICATOR_STYLE = "color: white; background: #c62828; font-weight: 600; padding: 1px 8px; border-radius: 3px;"


class StorageStatus(QObject):
    def __init__(self, services, banner: QLabel, indicator: QLabel, say: Callable[[str], None], parent=None):
        super().__init__(parent)
        self.services = services
        self.banner, self.indicator, self._say = banner, indicator, say
        self.trouble: ev.StorageTrouble | None = None
        indicator.setStyleSheet(INDICATOR_STYLE)
        indicator.setText("⚠ Not storing data")
        banner.hide()
        indicator.hide()
        self._bus = BusListener(self, services.bus)
        self._bus.on(ev.StorageTrouble, self._trouble)
        self._bus.on(ev.StorageRecovered, self._recovered)
        ZoneFollower(self._bus, services.settings, self._show)

    def detach(self) -> None:
        self._bus.detach()

    @property
    def in_trouble(self) -> bool:
        return self.trouble is not None

    def _trouble(self, event: ev.StorageTrouble) -> None:
        if self.trouble is None or event.message != self.trouble.message:
            # the first report, or a different problem: keep when it started
            since = self.trouble.since if self.trouble is not None else event.since
            self.trouble = ev.StorageTrouble(event.message, since)
        self._show()

    def _recovered(self, event: ev.StorageRecovered) -> None:
        if self.trouble is None:
            return
        self.trouble = None
        self._show()
        self._say(f"Storing data works again since {display.clock_time(event.at, display.zone_of(self.services.settings))}.")

    def _show(self) -> None:
        trouble = self.trouble
        if trouble is None:
            self.banner.hide()
            self.indicator.hide()
            return
        since = display.clock_time(trouble.since, display.zone_of(self.services.settings))
        message = trouble.message.rstrip(".")
        self.banner.setText(
            f"⚠  evdesk cannot store data: {message}. Since {since}. Stations are not told that data arrived, "
            "so they keep it and send it again. Free disk space or make the data folder writable; "
            "evdesk carries on by itself once it can write again.")
        self.indicator.setToolTip(f"{message} (since {since})")
        self.banner.show()
        self.indicator.show()
