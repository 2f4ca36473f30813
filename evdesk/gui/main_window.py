"""The main window: navigation, the page area and the status bar. It routes; pages work.

    window = MainWindow(services, central_system, "ws://0.0.0.0:9000/")
    window.show()

`central_system` may be None (a seat without its own OCPP server): pages still
show everything, and command dialogs explain that commands cannot be sent.
"""

from __future__ import annotations

import logging
from uuid import UUID

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidgetItem, QMainWindow, QMessageBox

from evdesk.core import events as ev
from evdesk.core.errors import NotFound
from evdesk.core.permissions import OperatorContext, Permission
from evdesk.core.station_status import ONLINE
from evdesk.gui.asyncutil import task_failures
from evdesk.gui.coalesce import Coalescer
from evdesk.gui.forms.ui_main_window import Ui_MainWindow
from evdesk.gui.login_control import LoginControl
from evdesk.gui.models.base import BusListener
from evdesk.gui.operator import fallback_operator
from evdesk.gui.pages.account_page import MyAccountPage
from evdesk.gui.pages.api_keys_page import ApiKeysPage
from evdesk.gui.pages.authorizations_page import AuthorizationsPage
from evdesk.gui.pages.groups_page import GroupsPage
from evdesk.gui.pages.operators_page import OperatorsPage
from evdesk.gui.pages.settings_page import SiteSettingsPage
from evdesk.gui.pages.station_panel import StationPanel
from evdesk.gui.pages.stations_page import StationsPage
from evdesk.gui.pages.tokens_page import TokensPage
from evdesk.gui.pages.user_groups_page import UserGroupsPage
from evdesk.gui.pages.users_page import UsersPage

log = logging.getLogger(__name__)

STATUS_MESSAGE_MS = 8000


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
        self._update_title()

        self.stations_page = StationsPage(services, self)
        self.stations_page.stationActivated.connect(self.open_station)
        self.groups_page = GroupsPage(services, self)
        self.users_page = UsersPage(services, self.current_operator, self)
        self.tokens_page = TokensPage(services, self.current_operator, self)
        self.user_groups_page = UserGroupsPage(services, self.current_operator, self)
        self.authorizations_page = AuthorizationsPage(services, self.current_operator, self)
        self.operators_page = OperatorsPage(services, self)
        self.api_keys_page = ApiKeysPage(services, self)
        self.account_page = MyAccountPage(services, self)
        self.settings_page = SiteSettingsPage(services, self)
        self.settings_page.settingsSaved.connect(self._update_title)
        self._panel: StationPanel | None = None
        self._pages: dict[str, object] = {}
        # navigation order: the site first, people next, the desk's own matters last
        for key, title, page in (
            ("stations", "Stations", self.stations_page),
            ("groups", "Charging groups", self.groups_page),
            ("users", "Charging users", self.users_page),
            ("tokens", "Tokens", self.tokens_page),
            ("user_groups", "User groups", self.user_groups_page),
            ("authorizations", "Authorizations", self.authorizations_page),
            ("operators", "Operators", self.operators_page),
            ("api_keys", "API keys", self.api_keys_page),
            ("account", "My account", self.account_page),
            ("settings", "Settings", self.settings_page),
        ):
            page.statusMessage.connect(self.show_message)
            self.add_page(key, title, page)

        self.ui.navList.currentRowChanged.connect(self._navigate)
        self.ui.navList.setCurrentRow(0)

        self.server_label = QLabel()
        self.online_label = QLabel()
        self.ui.statusBar.addPermanentWidget(self.online_label)
        self.ui.statusBar.addPermanentWidget(self.server_label)
        self.server_label.setText(
            f"OCPP server: {server_address}" if server_address else "OCPP server: not running in this program"
        )
        self.server_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._bus = BusListener(self, services.bus)
        self._online_count_updates = Coalescer(self.update_online_count, 250, self)
        for event_type in (ev.ConnectionStateChanged, ev.StationAdded, ev.StationRemoved, ev.StationChanged):
            self._bus.on(event_type, self._online_count_updates.poke)
        self.update_online_count()
        task_failures.failed.connect(self._task_failed)
        self._bus.on(ev.GroupChanged, lambda _e: self._refresh_domain())
        self.login_control = LoginControl(self)
        self.apply_permissions()

    # -- the operator ----------------------------------------------------------------------
    def set_session(self, session, new_login: bool = False) -> None:
        """A login or an unlock: act for `session.ctx` from now on (its rights may have changed)."""
        previous = self.operator
        self.session = session
        self.operator = session.ctx
        if new_login and previous.operator_id != session.ctx.operator_id:
            self.show_stations()
        self._update_title()
        self.login_control.show_operator()
        self.apply_permissions()
        self.account_page.reload()

    def _refresh_domain(self) -> None:
        self.operator = self.services.groups.fresh(self.operator)
        self.stations_page.apply_operator(self.operator)

    def apply_permissions(self) -> None:
        """Hide or disable what the operator may not do (the services check again)."""
        ctx = self.operator
        needs = {"operators": Permission.MANAGE_OPERATORS, "api_keys": Permission.API_KEYS,
                 "settings": Permission.SITE_SETTINGS}
        nav = self.ui.navList
        for row in range(nav.count()):
            item = nav.item(row)
            need = needs.get(item.data(Qt.ItemDataRole.UserRole))
            item.setHidden(need is not None and not ctx.can(need))
        current = nav.currentItem()
        if current is not None and current.isHidden():
            self.show_stations()
        for page in self._pages.values():
            if hasattr(page, "apply_operator"):
                page.apply_operator(ctx)
        if self._panel is not None:
            self._panel.refresh_header()

    def _update_title(self) -> None:
        who = f" — {self.operator.name}" if self.session is not None else ""
        self.setWindowTitle(f"evdesk — {self.services.settings.site_name}{who}")

    def show_page(self, key: str) -> None:
        nav = self.ui.navList
        for row in range(nav.count()):
            if nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                nav.setCurrentRow(row)
                self.ui.pageStack.setCurrentWidget(self._pages[key])
                return

    def current_operator(self) -> OperatorContext:
        return self.operator

    # -- pages -------------------------------------------------------------------------
    def add_page(self, key: str, title: str, widget) -> None:
        """Register a page under a navigation entry (later pages: sessions, users, reports…)."""
        self._pages[key] = widget
        self.ui.pageStack.addWidget(widget)
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.ui.navList.addItem(item)

    def _navigate(self, row: int) -> None:
        item = self.ui.navList.item(row)
        if item is not None:
            self.ui.pageStack.setCurrentWidget(self._pages[item.data(Qt.ItemDataRole.UserRole)])

    def show_stations(self) -> None:
        self.ui.navList.setCurrentRow(0)
        self.ui.pageStack.setCurrentWidget(self.stations_page)
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
        self.ui.pageStack.setCurrentWidget(panel)
        return panel

    def current_station_panel(self) -> StationPanel | None:
        return self._panel

    def _close_panel(self) -> None:
        if self._panel is not None:
            panel, self._panel = self._panel, None
            panel.detach()
            self.ui.pageStack.removeWidget(panel)
            panel.deleteLater()

    # -- status bar --------------------------------------------------------------------
    def update_online_count(self) -> None:
        stations = [s for s in self.services.stations.all() if s.registration != "rejected"]
        online = sum(1 for s in stations if s.connection_state == ONLINE)
        self.online_label.setText(f"{online} of {len(stations)} stations online")

    def show_message(self, text: str) -> None:
        self.ui.statusBar.showMessage(text, STATUS_MESSAGE_MS)

    def _task_failed(self, what: str, message: str) -> None:
        self.show_message(f"Failed while {what}: {message}")
        box = QMessageBox(QMessageBox.Icon.Warning, "evdesk", f"Something went wrong while {what}.", parent=self)
        box.setInformativeText(f"{message}\n\nTry again. If it keeps happening, the log file has the details.")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # not exec(): a failure report must not stop the loop

    def closeEvent(self, event) -> None:
        self._close_panel()
        for page in self._pages.values():
            if hasattr(page, "detach"):
                page.detach()
        self._bus.detach()
        try:
            task_failures.failed.disconnect(self._task_failed)
        except (RuntimeError, TypeError):
            pass
        super().closeEvent(event)

