"""The Authorizations page: every authorization decision (newest first, paged), filtered by
time range, station, result and text, live; an unknown tag can be registered as a token."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QHeaderView

from evdesk.core.auth_log import AuthLogRow
from evdesk.core.authorization import ACCEPTED, BLOCKED, CONCURRENT_TX, EXPIRED, INVALID
from evdesk.core.permissions import OperatorContext, Permission
from evdesk.gui.dialogs.register_tag_dialog import RegisterTagDialog
from evdesk.gui.forms.ui_authorizations_page import Ui_AuthorizationsPage
from evdesk.gui.models import auth_log_model as am
from evdesk.gui.models.base import BusListener, Roles, ZoneFollower
from evdesk.gui.pages.base import Page
from evdesk.gui.widgets.top_anchor import TopAnchor

PRESETS = (("Today", "today"), ("Last 7 days", "7days"), ("Last 30 days", "30days"), ("Custom range", "custom"),
           ("All time", "all"))


class AuthorizationsPage(Page):

    def __init__(self, services, operator: Callable[[], OperatorContext], parent=None):
        super().__init__(parent)
        self.ui = Ui_AuthorizationsPage()
        self.ui.setupUi(self)
        self.services = services
        self.operator = operator
        self.model = am.AuthLogModel(services, operator, self)
        ui = self.ui
        view = ui.authView
        view.setModel(self.model)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((am.COL_TIME, 172), (am.COL_STATION, 160), (am.COL_CONNECTOR, 75), (am.COL_TOKEN, 135),
                              (am.COL_USER, 155), (am.COL_RESULT, 120)):
            view.setColumnWidth(column, width)
        view.selectionModel().selectionChanged.connect(self._update_actions)
        # new decisions arrive at the top: what the operator looks at stays put ("n new" jumps up)
        self.anchor = TopAnchor(view)
        view.doubleClicked.connect(lambda _i: self.register_selected())
        for label, key in PRESETS:
            ui.rangeCombo.addItem(label, key)
        today = QDate.currentDate()
        ui.fromDateEdit.setDate(today.addDays(-6))
        ui.toDateEdit.setDate(today)
        ui.resultCombo.addItem("All results", None)
        for result in (ACCEPTED, BLOCKED, EXPIRED, INVALID, CONCURRENT_TX):
            ui.resultCombo.addItem(am.RESULT_LABELS.get(result, result), result)
        self.fill_stations()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(300)
        self._search_timer.timeout.connect(self.apply_filter)
        ui.searchEdit.textChanged.connect(lambda _t: self._search_timer.start())
        for combo in (ui.rangeCombo, ui.stationCombo, ui.resultCombo):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        for edit in (ui.fromDateEdit, ui.toDateEdit):
            edit.dateChanged.connect(lambda _d: self.apply_filter())
        self.model.rowsInserted.connect(self._update_count)
        self.model.modelReset.connect(self._update_count)
        ui.registerButton.clicked.connect(self.register_selected)
        self.dialog = None
        # "today" and the custom days are days in the site's zone: after a zone change they cover other hours
        self._bus = BusListener(self, services.bus)
        ZoneFollower(self._bus, services.settings, self.apply_filter)
        self._show_custom()
        self._update_actions()

    def detach(self) -> None:
        self._bus.detach()
        self.model.detach()

    def apply_operator(self, _ctx) -> None:
        self._update_actions()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.fill_stations()
        self._update_actions()

    def fill_stations(self) -> None:
        combo = self.ui.stationCombo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("All stations", None)
        for s in sorted(self.services.stations.all(), key=lambda s: s.display_name.casefold()):
            combo.addItem(s.display_name, str(s.id))
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def _show_custom(self) -> None:
        custom = self.ui.rangeCombo.currentData() == "custom"
        for w in (self.ui.fromDateEdit, self.ui.toLabel, self.ui.toDateEdit):
            w.setVisible(custom)

    def apply_filter(self) -> None:
        self._search_timer.stop()
        self._show_custom()
        ui = self.ui
        station = ui.stationCombo.currentData()
        flt = am.preset_filter(ui.rangeCombo.currentData(), self.model.zone, ui.fromDateEdit.date().toPython(),
                               ui.toDateEdit.date().toPython(), station_id=UUID(station) if station else None,
                               result=ui.resultCombo.currentData(), text=ui.searchEdit.text().strip())
        self.model.set_filter(flt)

    def show_all_time(self) -> None:
        self.ui.rangeCombo.setCurrentIndex(self.ui.rangeCombo.findData("all"))

    def _update_count(self, *_args) -> None:
        n = self.model.rowCount()
        more = "" if self.model.exhausted else "+"
        self.ui.countLabel.setText(f"{n}{more} decision{'s' if n != 1 else ''} shown")

    # -- actions --------------------------------------------------------------------------
    def selected(self) -> AuthLogRow | None:
        rows = self.ui.authView.selectionModel().selectedRows()
        return rows[0].data(Roles.RowData) if rows else None

    def select_row(self, row: int) -> None:
        self.ui.authView.selectRow(row)

    def _update_actions(self, *_args) -> None:
        row = self.selected()
        can = self.operator().can(Permission.EDIT_USERS)
        self.ui.registerButton.setVisible(can)
        self.ui.registerButton.setEnabled(row is not None and row.unknown_tag)
        self.ui.registerButton.setToolTip("" if row is None or row.unknown_tag else "Only unknown tags can be registered.")

    def register_selected(self) -> RegisterTagDialog | None:
        row = self.selected()
        if row is None or not row.unknown_tag or not self.operator().can(Permission.EDIT_USERS):
            return None
        dialog = RegisterTagDialog(self.services, self.operator, row, self.model.zone, self)
        dialog.tagRegistered.connect(self._registered)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _registered(self, token) -> None:
        who = f" of {token.user_name}" if token.user_name else ""
        message = f"Registered {token.uid} as a token{who}: it is accepted from now on."
        self.ui.stateLabel.setStyleSheet("color: #2e7d32;")
        self.ui.stateLabel.setText(message)
        self.statusMessage.emit(message)
