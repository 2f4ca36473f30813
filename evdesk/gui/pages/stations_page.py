"""The Stations page: every station live, search and filters, pending stations, add station."""

from __future__ import annotations

from uuid import UUID

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QHeaderView, QMenu, QPushButton

from evdesk.core.permissions import Permission
from evdesk.gui.asyncutil import run_task
from evdesk.gui.coalesce import Coalescer
from evdesk.gui.dialogs.station_dialog import StationDialog
from evdesk.gui.dialogs.station_hardware_dialog import StationHardwareDialog
from evdesk.gui.dialogs.station_import_dialog import StationImportDialog, station_summary
from evdesk.gui.dialogs.station_settings_dialog import StationSettingsDialog
from evdesk.gui.forms.ui_stations_page import Ui_StationsPage
from evdesk.gui.models import stations_model as sm
from evdesk.gui.models.base import Roles
from evdesk.gui.operator import operator_of
from evdesk.gui.pages.base import Page
from evdesk.gui.widgets.delegates import ConnectorChipsDelegate

CONNECTION_FILTERS = (
    (QT_TRANSLATE_NOOP("StationsPage", "All"), None), (QT_TRANSLATE_NOOP("StationsPage", "Online"), "online"), (QT_TRANSLATE_NOOP("StationsPage", "Not online"), "offline"),
    (QT_TRANSLATE_NOOP("StationsPage", "Temporarily unavailable"), "temporarily_unavailable"),
    (QT_TRANSLATE_NOOP("StationsPage", "Long-term unavailable"), "long_term_unavailable"),
    (QT_TRANSLATE_NOOP("StationsPage", "Never connected"), "never_connected"),
)
REGISTRATION_FILTERS = ((QT_TRANSLATE_NOOP("StationsPage", "All"), None), (QT_TRANSLATE_NOOP("StationsPage", "Adopted"), "adopted"), (QT_TRANSLATE_NOOP("StationsPage", "Pending"), "pending"),
                        (QT_TRANSLATE_NOOP("StationsPage", "Rejected"), "rejected"))
# Widths that fit typical content at the default font; the last column stretches.
COLUMN_WIDTHS = {
    sm.COL_NAME: 225, sm.COL_IDENTITY: 132, sm.COL_GROUP: 100, sm.COL_LOCATION: 120, sm.COL_CONNECTORS: 76,
    sm.COL_FIRMWARE: 60, sm.COL_CONNECTION: 170, sm.COL_SYSTEM_STATUS: 96, sm.COL_CONNECTOR_STATUS: 195,
}
# Names and identifiers are widened to their longest text up to this; beyond, they are elided
# in the middle (the tooltip has the whole text).
FIT_COLUMNS = {sm.COL_NAME: 360, sm.COL_IDENTITY: 380, sm.COL_GROUP: 200, sm.COL_LOCATION: 200}


class StationsPage(Page):
    stationActivated = Signal(object)  # station id (UUID): open its panel
    connectHelpRequested = Signal()  # "How chargers connect…"

    def __init__(self, services, parent=None):
        super().__init__(parent)
        self.ui = Ui_StationsPage()
        self.ui.setupUi(self)
        # the banner's text wraps on a narrow window and takes the room there is on a wide one
        self.ui.pendingLayout.setStretchFactor(self.ui.pendingLabel, 1)
        self.services = services
        self.model = sm.StationsModel(services, self)
        self.proxy = sm.StationFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        table = self.ui.stationsTable
        table.setModel(self.proxy)
        table.setItemDelegateForColumn(sm.COL_CONNECTOR_STATUS, ConnectorChipsDelegate(table))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)  # "Last seen" with its zone takes the rest
        for column, width in COLUMN_WIDTHS.items():
            table.setColumnWidth(column, width)
        table.verticalHeader().setDefaultSectionSize(30)
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # "Depot…-07" keeps both ends of an identifier
        table.sortByColumn(sm.COL_NAME, Qt.SortOrder.AscendingOrder)
        self._fit_pending: set[UUID] = set()  # stations whose rows are measured at the next fit
        self.last_fit_rows = 0  # rows the last fit measured (tests and benchmarks read it)
        self._fit = Coalescer(self._fit_changed_rows, 500, self)
        self.model.rowsInserted.connect(self._fit_rows)
        self.model.dataChanged.connect(self._fit_if_text_changed)

        for label, value in CONNECTION_FILTERS:
            self.ui.connectionCombo.addItem(self.tr(label), value)
        for label, value in REGISTRATION_FILTERS:
            self.ui.registrationCombo.addItem(self.tr(label), value)
        self.ui.searchEdit.textChanged.connect(self._filters_changed)
        self.ui.connectionCombo.currentIndexChanged.connect(self._filters_changed)
        self.ui.registrationCombo.currentIndexChanged.connect(self._filters_changed)
        self.ui.showPendingButton.clicked.connect(self.show_pending)
        self.ui.addStationButton.clicked.connect(self.add_station)
        self.ui.adoptButton.clicked.connect(self.adopt_selected)
        self.ui.rejectButton.clicked.connect(self.reject_selected)
        self.ui.openButton.clicked.connect(self.open_selected)
        self.ui.connectHelpButton.clicked.connect(self.connectHelpRequested)
        table.doubleClicked.connect(self._double_clicked)
        table.activated.connect(self._double_clicked)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        # recounting on every change would freeze the window in a boot storm
        self._summary_updates = Coalescer(self._update_summary, 250, self)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.dataChanged,
                       self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.layoutChanged):
            signal.connect(self._summary_updates.poke)
        self._setup_station_settings()
        self._setup_details_and_import()
        self.fit_columns()
        self.apply_operator(operator_of(self))  # nobody, until a window says who acts

    def detach(self) -> None:
        self.model.detach()

    # -- column widths: names and identifiers not cut off ---------------------------------
    def _fit_if_text_changed(self, top, bottom, *_args) -> None:
        if top.column() <= max(FIT_COLUMNS) and bottom.column() >= min(FIT_COLUMNS):
            self._fit_rows(None, top.row(), bottom.row())

    def _fit_rows(self, _parent, first: int, last: int) -> None:
        for row in range(first, last + 1):
            info = self.model.station_at(row)
            if info is not None:
                self._fit_pending.add(info.id)
        self._fit.poke()

    def _fit_changed_rows(self) -> None:
        """Columns only ever widen, so after changes only the changed stations' rows need measuring
        (measuring all 2,000 rows on every change of a booting fleet stalled the window's loop)."""
        ids, self._fit_pending = self._fit_pending, set()
        self._fit_columns_to([row for row in map(self.model.row_of, ids) if row >= 0])

    def fit_columns(self) -> None:
        """Widen name, identifier, group and location to their longest text (never narrower than
        the default, at most `FIT_COLUMNS`), measured with the table's font."""
        self._fit_columns_to(range(self.model.rowCount()))

    def _fit_columns_to(self, rows) -> None:
        table = self.ui.stationsTable
        metrics = table.fontMetrics()
        bold = table.font()
        bold.setBold(True)
        bold_metrics = type(metrics)(bold)
        rows = list(rows)
        self.last_fit_rows = len(rows)
        for column, limit in FIT_COLUMNS.items():
            m = bold_metrics if column == sm.COL_NAME else metrics
            widest = max((m.horizontalAdvance(self.model.index(row, column).data() or "") for row in rows), default=0)
            wanted = min(limit, max(COLUMN_WIDTHS[column], widest + 24))
            if table.columnWidth(column) < wanted:
                table.setColumnWidth(column, wanted)

    # -- filters ----------------------------------------------------------------------
    def _filters_changed(self, *_args) -> None:
        self.proxy.set_search(self.ui.searchEdit.text())
        self.proxy.set_connection_state(self.ui.connectionCombo.currentData())
        self.proxy.set_registration(self.ui.registrationCombo.currentData())
        self._update_summary()

    def show_pending(self) -> None:
        self.ui.registrationCombo.setCurrentIndex(self.ui.registrationCombo.findData("pending"))

    def _update_summary(self, *_args) -> None:
        ctx = operator_of(self)
        stations = [s for s in self.services.stations.all() if ctx.sees_station(s.group_id)]
        pending = sum(1 for s in stations if s.registration == "pending")
        self.ui.pendingBanner.setVisible(pending > 0)
        self.ui.pendingLabel.setText(
            (self.tr("⚠  {count} stations are waiting for adoption.") if pending != 1
             else self.tr("⚠  1 station is waiting for adoption.")).format(count=pending) + " "
            + self.tr("Pending stations may connect but cannot charge until an administrator adopts them.")
        )
        self.ui.countLabel.setText(self.tr("Showing {shown} of {total} stations").format(shown=self.proxy.rowCount(),
                                                                                     total=len(stations)))
        self._selection_changed()

    # -- selection and actions ----------------------------------------------------------
    def selected_station_id(self) -> UUID | None:
        rows = self.ui.stationsTable.selectionModel().selectedRows()
        return rows[0].data(Roles.RowId) if rows else None

    def select_station(self, station_id: UUID) -> bool:
        row = self.model.row_of(station_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.ui.stationsTable.selectRow(index.row())
        return True

    def apply_operator(self, ctx) -> None:
        """Show the operator's domain only; offer what their role allows."""
        self.proxy.set_domain(ctx.sees_station)
        may = ctx.can(Permission.ADD_REMOVE_STATIONS)
        self.ui.addStationButton.setVisible(may)
        if hasattr(self, "import_button"):
            self.import_button.setVisible(may)
        self.ui.adoptButton.setVisible(may)
        self.ui.rejectButton.setVisible(may)
        self._update_summary()
        self._update_edit_button()

    def _selection_changed(self, *_args) -> None:
        station_id = self.selected_station_id()
        info = self.services.stations.by_id.get(station_id) if station_id else None
        self.ui.openButton.setEnabled(info is not None)
        self.ui.adoptButton.setEnabled(info is not None and info.registration in ("pending", "rejected"))
        self.ui.rejectButton.setEnabled(info is not None and info.registration == "pending")

    def _double_clicked(self, index: QModelIndex) -> None:
        station_id = index.data(Roles.RowId)
        if station_id is not None:
            self.stationActivated.emit(station_id)

    def open_selected(self) -> None:
        station_id = self.selected_station_id()
        if station_id is not None:
            self.stationActivated.emit(station_id)

    def add_station(self) -> StationDialog:
        dialog = StationDialog(self.services, parent=self)
        dialog.stationSaved.connect(lambda info: self._saved(info, "Added"))
        dialog.open()
        return dialog

    def adopt_selected(self) -> StationDialog | None:
        station_id = self.selected_station_id()
        if station_id is None:
            return None
        dialog = StationDialog(self.services, station_id, parent=self)
        dialog.stationSaved.connect(lambda info: self._saved(info, "Adopted"))
        dialog.open()
        return dialog

    def reject_selected(self) -> None:
        station_id = self.selected_station_id()
        if station_id is None:
            return
        info = self.services.stations.get_by_id(station_id)
        # Reversible (Adopt works on rejected stations too), so no confirmation step.
        run_task(
            self.services.stations.reject(station_id, ctx=operator_of(self)),
            on_done=lambda _info: self.statusMessage.emit(
                self.tr("Rejected {identity}: it can no longer connect. Adopt it to let it in again.").format(
                    identity=info.identity)),
            owner=self, what=f"rejecting {info.identity}",
        )

    def _saved(self, info, verb: str) -> None:
        self.statusMessage.emit(f"{verb} {info.display_name} ({info.identity}).")
        self._update_summary()
        self.select_station(info.id)

    # -- station settings (StationSettingsDialog): Edit… button and context menu -----------
    def _setup_station_settings(self) -> None:
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.setObjectName("editButton")
        self.edit_button.setToolTip(self.tr("Change the selected station's settings or password, or delete it"))
        self.ui.filterRow.insertWidget(self.ui.filterRow.indexOf(self.ui.openButton), self.edit_button)
        self.edit_button.clicked.connect(self.edit_selected)
        table = self.ui.stationsTable
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)
        table.selectionModel().selectionChanged.connect(self._update_edit_button)
        self.proxy.rowsRemoved.connect(self._update_edit_button)
        self._update_edit_button()

    def _update_edit_button(self, *_args) -> None:
        station_id = self.selected_station_id()
        ctx = operator_of(self)
        may = ctx.can(Permission.EDIT_STATIONS) or ctx.can(Permission.ADD_REMOVE_STATIONS)
        self.edit_button.setEnabled(may and station_id is not None and station_id in self.services.stations.by_id)

    def station_menu(self, station_id: UUID) -> QMenu:
        """The context menu of one row: open its panel, edit its settings."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.tr("Open"), lambda: self.stationActivated.emit(station_id))
        edit = menu.addAction(self.tr("Edit settings…"), lambda: self.edit_station(station_id))
        ctx = operator_of(self)
        edit.setEnabled(ctx.can(Permission.EDIT_STATIONS) or ctx.can(Permission.ADD_REMOVE_STATIONS))
        details = menu.addAction(self.tr("Details, charging points and sockets…"), lambda: self.edit_details(station_id))
        info = self.services.stations.by_id.get(station_id)
        details.setEnabled(info is not None and self.services.groups.fresh(ctx).sees_station(info.group_id))
        return menu

    def _context_menu(self, pos) -> None:
        table = self.ui.stationsTable
        index = table.indexAt(pos)
        station_id = index.data(Roles.RowId) if index.isValid() else None
        if station_id is None:
            return
        table.selectRow(index.row())
        self.station_menu(station_id).popup(table.viewport().mapToGlobal(pos))

    def edit_selected(self) -> StationSettingsDialog | None:
        station_id = self.selected_station_id()
        return self.edit_station(station_id) if station_id is not None else None

    def edit_station(self, station_id: UUID) -> StationSettingsDialog | None:
        info = self.services.stations.by_id.get(station_id)
        if info is None:
            return None
        dialog = StationSettingsDialog(self.services, station_id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.stationSaved.connect(lambda saved: self.statusMessage.emit(
            self.tr("Saved the settings of {name} ({identity}).").format(name=saved.display_name, identity=saved.identity)))
        dialog.stationDeleted.connect(lambda _id: self.statusMessage.emit(
            self.tr("Deleted {name} ({identity}). The identifier is free again; its history is kept.").format(
                name=info.display_name, identity=info.identity)))
        dialog.open()
        return dialog

    # -- details with EVSEs and connectors; the CSV import (issue 16) -----------------------
    def _setup_details_and_import(self) -> None:
        self.import_button = QPushButton("Import CSV…", self)
        self.import_button.setObjectName("importButton")
        self.import_button.setToolTip("Add many stations at once from a CSV file (columns: see the README)")
        self.ui.titleRow.insertWidget(self.ui.titleRow.indexOf(self.ui.addStationButton) + 1, self.import_button)
        self.import_button.clicked.connect(self.choose_import_file)
        self.import_dialog: StationImportDialog | None = None

    def edit_details(self, station_id: UUID) -> StationHardwareDialog | None:
        if station_id not in self.services.stations.by_id:
            return None
        dialog = StationHardwareDialog(self.services, station_id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda d: self.statusMessage.emit(f"Saved the details of {d.name or d.identity}."))
        dialog.open()
        return dialog

    def choose_import_file(self) -> QFileDialog:
        dialog = QFileDialog(self, "Import stations", "", "CSV files (*.csv);;All files (*)")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.import_file)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def import_file(self, path: str) -> StationImportDialog:
        dialog = StationImportDialog(self.services, lambda: operator_of(self), path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.importFinished.connect(lambda r: self.statusMessage.emit(station_summary(r)))
        self.import_dialog = dialog
        dialog.open()
        dialog.start()
        return dialog
