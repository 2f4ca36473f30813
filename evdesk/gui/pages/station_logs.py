"""The station panel's hardware status log and diagnostics log tabs, and "Export CSV…" for
every log tab (event feed, communication, actions, network, hardware status, diagnostics).

The diagnostics tab asks the station for its diagnostics (evdesk receives the file itself,
over HTTP or FTP) and opens a received file with the desktop's program for it. Requesting
needs the remote-commands right and evdesk's own OCPP server (a seat without one cannot).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHeaderView, QPushButton, QTableView, QWidget

from evdesk.core.errors import EvdeskError
from evdesk.core.permissions import Permission
from evdesk.gui.asyncutil import run_task
from evdesk.gui.forms.ui_diagnostics_log import Ui_DiagnosticsLog
from evdesk.gui.models.base import Roles
from evdesk.gui.models.hardware_logs_model import DiagnosticsLogModel, HardwareLogModel
from evdesk.gui.operator import operator_of
from evdesk.gui.widgets.log_export import choose_and_export, export_log

DONE_STYLE, FAILED_STYLE = "color: #2e7d32;", "color: #c62828;"


def _setup(table: QTableView, model, widths: dict[int, int]) -> None:
    table.setModel(model)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setDefaultSectionSize(26)
    table.verticalHeader().hide()
    for column, width in widths.items():
        table.setColumnWidth(column, width)


class StationLogTabs:
    def __init__(self, panel, log_tabs: dict[int, str]):
        """`log_tabs`: the panel's own log tabs by index ({tab: "event_feed", ...}) for Export CSV…."""
        self.panel = panel
        self.log_tabs = dict(log_tabs)
        services = panel.services
        acting = lambda: operator_of(panel)  # noqa: E731 - the operator at the moment of each read
        tabs = panel.ui.logTabs
        self.hardware = HardwareLogModel(services, panel.station_id, acting, parent=panel)
        self.hardware_table = QTableView(panel)
        self.hardware_table.setObjectName("hardwareLogTable")
        self.hardware_table.setAlternatingRowColors(True)
        self.hardware_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        _setup(self.hardware_table, self.hardware, {0: 185, 1: 140, 2: 80, 3: 110, 4: 150, 5: 150})
        self.hardware_tab = tabs.addTab(self.hardware_table, QCoreApplication.translate("StationLogTabs", "Hardware status"))

        self.diagnostics = DiagnosticsLogModel(services, panel.station_id, acting, parent=panel)
        self.diagnostics_widget = QWidget(panel)
        self.ui = Ui_DiagnosticsLog()
        self.ui.setupUi(self.diagnostics_widget)
        _setup(self.ui.diagnosticsTable, self.diagnostics, {0: 210, 1: 110, 2: 50, 3: 150, 4: 250, 5: 70})
        self.diagnostics_tab = tabs.addTab(self.diagnostics_widget, QCoreApplication.translate("StationLogTabs", "Diagnostics"))
        self.ui.requestButton.clicked.connect(self.request)
        self.ui.openButton.clicked.connect(lambda: self.open_selected(folder=False))
        self.ui.folderButton.clicked.connect(lambda: self.open_selected(folder=True))
        self.ui.diagnosticsTable.selectionModel().selectionChanged.connect(self.update_actions)
        self.ui.diagnosticsTable.doubleClicked.connect(lambda _i: self.open_selected(folder=False))
        self.diagnostics.rowsInserted.connect(self.update_actions)
        self.diagnostics.modelReset.connect(self.update_actions)

        self.export_button = QPushButton(QCoreApplication.translate("StationLogTabs", "Export CSV…"), panel)
        self.export_button.setObjectName("exportLogButton")
        self.export_button.setToolTip(QCoreApplication.translate("StationLogTabs", "Write the whole log of this tab to a CSV file"))
        self.export_button.clicked.connect(self.choose_export)
        tabs.setCornerWidget(self.export_button)
        tabs.currentChanged.connect(lambda _i: self.update_actions())
        self.update_actions()

    def detach(self) -> None:
        self.hardware.detach()
        self.diagnostics.detach()

    # -- export --------------------------------------------------------------
    def current_log(self) -> str | None:
        return {**self.log_tabs, self.hardware_tab: "hardware_status", self.diagnostics_tab: "diagnostics"}.get(
            self.panel.ui.logTabs.currentIndex())

    def choose_export(self):
        log = self.current_log()
        if log is not None:
            return choose_and_export(self.panel, self.panel.services, lambda: operator_of(self.panel), log,
                                     self.panel.station_id, self.panel.identity, self.say)
        return None

    def export_to(self, log: str, path: str):
        return export_log(self.panel, self.panel.services, lambda: operator_of(self.panel), log,
                          self.panel.station_id, path, self.say)

    def say(self, message: str, ok: bool) -> None:
        self.ui.stateLabel.setStyleSheet(DONE_STYLE if ok else FAILED_STYLE)
        self.ui.stateLabel.setText(message)
        window = self.panel.window()
        bar = getattr(window, "statusBar", None)
        if callable(bar):
            bar().showMessage(message, 8000)

    # -- diagnostics ---------------------------------------------------------------
    def selected(self):
        rows = self.ui.diagnosticsTable.selectionModel().selectedRows()
        return rows[0].data(Roles.RowData) if rows else None

    def update_actions(self, *_args) -> None:
        ctx = operator_of(self.panel)
        central = self.panel.central_system
        may = ctx.can(Permission.REMOTE_COMMANDS) and central is not None
        self.ui.requestButton.setEnabled(may)
        self.ui.requestButton.setToolTip(
            "The station uploads its diagnostics file to evdesk; it is listed here when it arrives." if may else
            "Your role cannot send commands." if central is not None else
            "This seat runs no OCPP server: request diagnostics on the seat the station is connected to.")
        row = self.selected()
        received = row is not None and bool(row.stored_path)
        self.ui.openButton.setEnabled(received)
        self.ui.folderButton.setEnabled(received)
        self.export_button.setEnabled(self.current_log() is not None)

    def request(self):
        central = self.panel.central_system
        protocol = "ftp" if self.ui.protocolCombo.currentIndex() == 1 else "http"
        self.say(f"Asking {self.panel.identity} for its diagnostics…", True)
        return run_task(central.firmware.request_diagnostics(operator_of(self.panel), self.panel.station_id,
                                                             protocol=protocol),
                        on_done=lambda _id: self.say("Requested: the file is listed here when it arrives.", True),
                        on_error=lambda exc: self.say(str(exc) if isinstance(exc, EvdeskError) else
                                                      f"Failed: {exc}", False),
                        owner=self.diagnostics_widget, what="requesting diagnostics", cancel_with_owner=False)

    def open_selected(self, folder: bool):
        row = self.selected()
        if row is None:
            return None

        def opened(path) -> None:
            target = path.parent if folder else path
            if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
                self.say(f"No program on this computer opens {target}.", False)

        return run_task(self.panel.services.firmware.diagnostics.file_of(operator_of(self.panel), row.id),
                        on_done=opened, on_error=lambda exc: self.say(str(exc), False),
                        owner=self.diagnostics_widget, what="opening a diagnostics file")
