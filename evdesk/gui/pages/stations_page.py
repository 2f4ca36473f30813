"""The Stations page: every station live, search and filters, pending stations, add station."""

from __future__ import annotations

from uuid import UUID

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QWidget

from evdesk.gui.asyncutil import run_task
from evdesk.gui.dialogs.station_dialog import StationDialog
from evdesk.gui.forms.ui_stations_page import Ui_StationsPage
from evdesk.gui.models import stations_model as sm
from evdesk.gui.models.base import Roles
from evdesk.gui.widgets.delegates import ConnectorChipsDelegate

CONNECTION_FILTERS = (
    ("All", None), ("Online", "online"), ("Not online", "offline"),
    ("Temporarily unavailable", "temporarily_unavailable"), ("Long-term unavailable", "long_term_unavailable"),
    ("Never connected", "never_connected"),
)
REGISTRATION_FILTERS = (("All", None), ("Adopted", "adopted"), ("Pending", "pending"), ("Rejected", "rejected"))
# Widths that fit typical content at the default font; the last column stretches.
COLUMN_WIDTHS = {
    sm.COL_NAME: 195, sm.COL_IDENTITY: 125, sm.COL_GROUP: 125, sm.COL_CONNECTORS: 80, sm.COL_FIRMWARE: 70,
    sm.COL_CONNECTION: 170, sm.COL_CONNECTOR_STATUS: 205,
}


class StationsPage(QWidget):
    stationActivated = Signal(object)  # station id (UUID): open its panel
    statusMessage = Signal(str)

    def __init__(self, services, parent=None):
        super().__init__(parent)
        self.ui = Ui_StationsPage()
        self.ui.setupUi(self)
        self.services = services
        self.model = sm.StationsModel(services, self)
        self.proxy = sm.StationFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        table = self.ui.stationsTable
        table.setModel(self.proxy)
        table.setItemDelegateForColumn(sm.COL_CONNECTOR_STATUS, ConnectorChipsDelegate(table))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in COLUMN_WIDTHS.items():
            table.setColumnWidth(column, width)
        table.verticalHeader().setDefaultSectionSize(30)
        table.sortByColumn(sm.COL_NAME, Qt.SortOrder.AscendingOrder)

        for label, value in CONNECTION_FILTERS:
            self.ui.connectionCombo.addItem(label, value)
        for label, value in REGISTRATION_FILTERS:
            self.ui.registrationCombo.addItem(label, value)
        self.ui.searchEdit.textChanged.connect(self._filters_changed)
        self.ui.connectionCombo.currentIndexChanged.connect(self._filters_changed)
        self.ui.registrationCombo.currentIndexChanged.connect(self._filters_changed)
        self.ui.showPendingButton.clicked.connect(self.show_pending)
        self.ui.addStationButton.clicked.connect(self.add_station)
        self.ui.adoptButton.clicked.connect(self.adopt_selected)
        self.ui.rejectButton.clicked.connect(self.reject_selected)
        self.ui.openButton.clicked.connect(self.open_selected)
        table.doubleClicked.connect(self._double_clicked)
        table.activated.connect(self._double_clicked)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.dataChanged,
                       self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.layoutChanged):
            signal.connect(self._update_summary)
        self._update_summary()
        self._selection_changed()

    def detach(self) -> None:
        self.model.detach()

    # -- filters ----------------------------------------------------------------------
    def _filters_changed(self, *_args) -> None:
        self.proxy.set_search(self.ui.searchEdit.text())
        self.proxy.set_connection_state(self.ui.connectionCombo.currentData())
        self.proxy.set_registration(self.ui.registrationCombo.currentData())
        self._update_summary()

    def show_pending(self) -> None:
        self.ui.registrationCombo.setCurrentIndex(self.ui.registrationCombo.findData("pending"))

    def _update_summary(self, *_args) -> None:
        stations = self.services.stations.all()
        pending = sum(1 for s in stations if s.registration == "pending")
        self.ui.pendingBanner.setVisible(pending > 0)
        self.ui.pendingLabel.setText(
            f"⚠  {pending} station{'s are' if pending != 1 else ' is'} waiting for adoption. "
            "Pending stations may connect but cannot charge until an administrator adopts them."
        )
        self.ui.countLabel.setText(f"Showing {self.proxy.rowCount()} of {len(stations)} stations")
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
            self.services.stations.reject(station_id),
            on_done=lambda _info: self.statusMessage.emit(
                f"Rejected {info.identity}: it can no longer connect. Adopt it to let it in again."),
            owner=self, what=f"rejecting {info.identity}",
        )

    def _saved(self, info, verb: str) -> None:
        self.statusMessage.emit(f"{verb} {info.display_name} ({info.identity}).")
        self._update_summary()
        self.select_station(info.id)
