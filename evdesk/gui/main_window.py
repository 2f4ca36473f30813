"""The main window: navigation, the page area, the status bar. It routes; pages work.

    window = MainWindow(services, central_system, "ws://0.0.0.0:9000/", session=session)
    window.show()

The pages come from the registry (`pages/registry.py`): the window builds one entry
per page and hides those the operator may not use. It acts for the session's
operator; without one it acts for nobody (no permission, nothing seen).
`central_system` may be None (a seat without its own OCPP server): pages still
show everything, and command dialogs explain that commands cannot be sent.
"""

from __future__ import annotations

import logging
from uuid import UUID

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QFont, QFontMetrics, QIcon, QKeySequence
from PySide6.QtWidgets import QLabel, QListWidgetItem, QMainWindow, QMessageBox

from evdesk.core import events as ev
from evdesk.core.errors import NotFound
from evdesk.core.permissions import OperatorContext
from evdesk.core.station_status import ONLINE
from evdesk.gui import display
from evdesk.gui.asyncutil import task_failures
from evdesk.gui.coalesce import Coalescer
from evdesk.gui.dialogs.connect_help_dialog import ConnectHelpDialog
from evdesk.gui.forms.ui_main_window import Ui_MainWindow
from evdesk.gui.login_control import LoginControl
from evdesk.gui.models.base import BusListener
from evdesk.gui.operator import fallback_operator
from evdesk.gui.pages.base import Page
from evdesk.gui.pages.registry import PAGES, PAGES_BY_KEY
from evdesk.gui.pages.station_panel import StationPanel
from evdesk.gui.resources import icon_path
from evdesk.gui.seat_layout import restore_layout, restore_window, save_layout, save_window
from evdesk.gui.widgets.fault_alerts import FaultAlerts
from evdesk.gui.widgets.search_popup import SearchPopup
from evdesk.gui.widgets.storage_status import StorageStatus

log = logging.getLogger(__name__)

STATUS_MESSAGE_MS = 8000
FIRST_PAGE = PAGES[0].key


class MainWindow(QMainWindow):
    def __init__(self, services, central_system=None, server_address: str = "",
                 operator: OperatorContext | None = None, session=None, parent=None):
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.services = services
        self.central_system = central_system
        self.server_address = server_address
        # The operator this window acts for (the launcher passes the login's); pages read
        # it through `current_operator` so that a new login applies everywhere at once.
        self.session = session
        self.operator: OperatorContext = operator or (session.ctx if session else fallback_operator())
        self.connect_help: ConnectHelpDialog | None = None
        self._update_title()

        self._panel: StationPanel | None = None
        self._pages: dict[str, Page] = {}
        for spec in PAGES:
            self.add_page(spec.key, QCoreApplication.translate("Navigation", spec.title), spec.factory(self), spec.icon)
        self.fit_navigation()
        self.ui.navList.currentRowChanged.connect(self._navigate)
        self.ui.navList.setCurrentRow(0)
        self.ui.connectHelpAction.triggered.connect(self.show_connect_help)

        self.storage_label = QLabel()
        self.shared_db_label = QLabel()  # issue 14: shown only on a seat that uses a shared database
        self.online_label = QLabel()
        self.server_label = QLabel()
        for label in (self.storage_label, self.shared_db_label, self.online_label, self.server_label):
            self.ui.statusBar.addPermanentWidget(label)
        self.server_label.setText(
            self.tr("OCPP server: {address}").format(address=server_address) if server_address
            else self.tr("OCPP server: not running in this program")
        )
        self.server_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.storage = StorageStatus(services, self.ui.storageBanner, self.storage_label, self.show_message, self)
        self._bus = BusListener(self, services.bus)
        self._online_count_updates = Coalescer(self.update_online_count, 250, self)
        for event_type in (ev.ConnectionStateChanged, ev.StationAdded, ev.StationRemoved, ev.StationChanged):
            self._bus.on(event_type, self._online_count_updates.poke)
        self.update_online_count()
        task_failures.failed.connect(self._task_failed)
        # the operator's domain follows the group tree (a burst of changes is one refresh)
        self._domain_refresh = Coalescer(self._refresh_domain, 200, self)
        self._bus.on(ev.GroupChanged, self._domain_refresh.poke)
        self._bus.on(ev.SiteSettingsChanged, lambda _e: self._update_title())
        # new faults: a tray message (click: the station) and a badge on the Stations entry
        self.fault_alerts = FaultAlerts(services, self.current_operator, self.nav_item("stations"),
                                        self.open_station, self)
        self._bus.on(ev.SharedDatabaseStatus, lambda _e: self.show_shared_db_status())
        self._bus.on(ev.SyncConflictsFound, lambda e: self.show_message(
            f"{e.count} change{'s' if e.count > 1 else ''} made on this seat lost to another seat's change of the "
            "same record; the values that lost are kept under Shared data → Conflicts."))
        self.show_shared_db_status()
        self.login_control = LoginControl(self)
        self.search_popup: SearchPopup | None = None
        self.search_action = QAction(self.tr("Search…"), self)
        self.search_action.setObjectName("searchAction")
        self.search_action.setShortcut(QKeySequence("Ctrl+K"))
        self.search_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.search_action.triggered.connect(self.show_search)
        self.addAction(self.search_action)
        self.apply_permissions()
        # this seat's window: size and position, each page's splitters and column widths
        restore_window(self)
        for key, page in self._pages.items():
            restore_layout(key, page)

    def show_shared_db_status(self) -> None:
        """The status line's "Shared database: connected / unreachable since …" (hidden on a seat
        without one, which looks as it always did)."""
        from evdesk.gui.pages.shared_db_page import status_text

        status = self.services.shared_db.status
        self.shared_db_label.setVisible(status.state != "stopped")
        text = status_text(status, display.zone_of(self.services.settings))
        self.shared_db_label.setText(text if len(text) < 90 else text[:88] + "…")
        self.shared_db_label.setToolTip(text)
        self.shared_db_label.setStyleSheet("color: #c62828;" if status.state in ("unreachable", "refused") else "")

    # -- the operator ----------------------------------------------------------------------
    def set_session(self, session, new_login: bool = False) -> None:
        """A login or an unlock: act for `session.ctx` from now on (its rights may have changed)."""
        previous = self.operator
        self.session = session
        self.operator = session.ctx
        if new_login and previous.operator_id != session.ctx.operator_id:
            self.show_page(FIRST_PAGE)  # the dashboard: the first page after log-in
            self._close_panel()
        self._update_title()
        self.login_control.show_operator()
        self.apply_permissions()

    def current_operator(self) -> OperatorContext:
        return self.operator

    def _refresh_domain(self) -> None:
        self.operator = self.services.groups.fresh(self.operator)
        self.apply_permissions()

    def apply_permissions(self) -> None:
        """Hide the pages the operator may not use (the registry says which) and let every page
        offer only what the operator may do (the services check again)."""
        ctx = self.operator
        nav = self.ui.navList
        for row in range(nav.count()):
            item = nav.item(row)
            item.setHidden(not PAGES_BY_KEY[item.data(Qt.ItemDataRole.UserRole)].visible_to(ctx))
        current = nav.currentItem()
        if current is not None and current.isHidden():
            self.show_stations()
        for page in self._pages.values():
            page.apply_operator(ctx)
        self.fault_alerts.refresh()
        if self._panel is not None:
            self._panel.refresh_header()

    def _update_title(self) -> None:
        who = f" — {self.operator.name}" if self.session is not None else ""
        self.setWindowTitle(f"evdesk — {self.services.settings.site_name}{who}")

    # -- pages -------------------------------------------------------------------------
    def add_page(self, key: str, title: str, page: Page, icon: str = "") -> None:
        """Put a page in the page area under a navigation entry."""
        self._pages[key] = page
        page.statusMessage.connect(self.show_message)
        self.ui.pageStack.addWidget(page)
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        path = icon_path(icon) if icon else None
        if path is not None:
            item.setIcon(QIcon(str(path)))
        item.setSizeHint(QSize(0, 40))
        self.ui.navList.addItem(item)

    def fit_navigation(self) -> None:
        """Make the navigation as wide as its longest entry (in the language shown), so no name is cut:
        text at the style sheet's 11 pt, the icon, the item's padding and the selection bar, room
        for the fault badge, the scroll bar's width."""
        nav = self.ui.navList
        font = QFont(nav.font())
        font.setPointSizeF(11)
        metrics = QFontMetrics(font)
        longest = max((metrics.horizontalAdvance(nav.item(r).text()) for r in range(nav.count())), default=0)
        icon = nav.iconSize().width()
        scroll = nav.style().pixelMetric(nav.style().PixelMetric.PM_ScrollBarExtent)
        nav.setFixedWidth(max(170, longest + icon + 2 * 10 + 3 + 12 + 36 + scroll))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.LanguageChange:
            self.retranslate_navigation()

    def retranslate_navigation(self) -> None:
        """After a language is applied: the entries in the new language, then the width refitted to them."""
        nav = self.ui.navList
        for row in range(nav.count()):
            item = nav.item(row)
            spec = PAGES_BY_KEY.get(item.data(Qt.ItemDataRole.UserRole))
            if spec is not None:
                item.setText(QCoreApplication.translate("Navigation", spec.title))
        self.fit_navigation()

    def nav_item(self, key: str) -> QListWidgetItem | None:
        nav = self.ui.navList
        return next((nav.item(row) for row in range(nav.count())
                     if nav.item(row).data(Qt.ItemDataRole.UserRole) == key), None)

    def page(self, key: str) -> Page:
        return self._pages[key]

    def show_page(self, key: str) -> None:
        nav = self.ui.navList
        for row in range(nav.count()):
            if nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                nav.setCurrentRow(row)
                self.ui.pageStack.setCurrentWidget(self._pages[key])
                return

    def _navigate(self, row: int) -> None:
        item = self.ui.navList.item(row)
        if item is not None:
            self.ui.pageStack.setCurrentWidget(self._pages[item.data(Qt.ItemDataRole.UserRole)])

    def show_stations(self) -> None:
        self.show_page("stations")
        self._close_panel()

    def open_station(self, station_id: UUID) -> StationPanel | None:
        """Show one station's panel in the page area (one at a time)."""
        try:
            self.services.stations.get_by_id(station_id)
        except NotFound as exc:
            self.show_message(str(exc))
            return None
        if self._panel is not None and self._panel.station_id == station_id:
            self.ui.pageStack.setCurrentWidget(self._panel)
            return self._panel
        self._close_panel()
        panel = StationPanel(self.services, self.central_system, station_id, self)
        panel.backRequested.connect(self.show_stations)
        self._panel = panel
        self.ui.pageStack.addWidget(panel)
        restore_layout("station_panel", panel)
        self.ui.pageStack.setCurrentWidget(panel)
        return panel

    def current_station_panel(self) -> StationPanel | None:
        return self._panel

    def _close_panel(self) -> None:
        if self._panel is not None:
            panel, self._panel = self._panel, None
            save_layout("station_panel", panel)
            panel.detach()
            self.ui.pageStack.removeWidget(panel)
            panel.deleteLater()

    # -- the universal search ----------------------------------------------------------------
    def show_search(self) -> SearchPopup:
        """Ctrl+K: the search popup over the window (one, kept between uses)."""
        if self.search_popup is None:
            self.search_popup = SearchPopup(self.services, self.current_operator, self)
            self.search_popup.hitChosen.connect(self.open_search_hit)
        self.search_popup.popup()
        return self.search_popup

    def open_search_hit(self, hit) -> None:
        """Open what a search hit names: a station's panel, a user's editor, a session's details,
        or the page of a token, group or location with it selected."""
        from evdesk.gui.search_routes import open_hit

        open_hit(self, hit)

    def show_connect_help(self) -> ConnectHelpDialog:
        """How chargers reach this evdesk (one window; shown again if already open)."""
        if self.connect_help is None:
            dialog = ConnectHelpDialog(self.services, self.central_system, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.finished.connect(lambda _result: setattr(self, "connect_help", None))
            dialog.copied.connect(lambda url: self.show_message(self.tr("Copied {url}").format(url=url)))
            self.connect_help = dialog
        else:
            self.connect_help.refresh()
        self.connect_help.show()
        self.connect_help.raise_()
        return self.connect_help

    # -- status bar --------------------------------------------------------------------
    def update_online_count(self) -> None:
        stations = [s for s in self.services.stations.all() if s.registration != "rejected"]
        online = sum(1 for s in stations if s.connection_state == ONLINE)
        self.online_label.setText(self.tr("{online} of {total} stations online").format(online=online, total=len(stations)))

    def show_message(self, text: str) -> None:
        self.ui.statusBar.showMessage(text, STATUS_MESSAGE_MS)

    def _task_failed(self, what: str, message: str) -> None:
        self.show_message(f"Failed while {what}: {message}")
        box = QMessageBox(QMessageBox.Icon.Warning, "evdesk", f"Something went wrong while {what}.", parent=self)
        box.setInformativeText(f"{message}\n\nTry again. If it keeps happening, the log file has the details.")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # not exec(): a failure report must not stop the loop

    def closeEvent(self, event) -> None:
        save_window(self)
        for key, page in self._pages.items():
            save_layout(key, page)
        self._close_panel()
        for page in self._pages.values():
            page.detach()
        self.storage.detach()
        self.fault_alerts.detach()
        self._bus.detach()
        try:
            task_failures.failed.disconnect(self._task_failed)
        except (RuntimeError, TypeError):
            pass
        super().closeEvent(event)
