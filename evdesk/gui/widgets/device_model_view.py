"""An OCPP 2.0.1 station's device model in the station panel's configuration tab.

The configuration keys the panel reads (`StationConfigModel`, one row per stored key)
are, for a 2.0.1 station, device-model variables (`core.device_model` spells their keys).
This view shows the same rows split into what OCPP 2.0.1 calls them: component (with
its instance), EVSE / connector, variable (with its instance), attribute type, value,
whether it can be set, and when it was read. Read-only: variables are set with the
"Change configuration…" command (SetVariables), read again with "Refresh configuration…"
(GetBaseReport). It follows the panel's model (no reads of its own), and has that model read
again when the station reports its device model (the report comes after the command's answer).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableView

from evdesk.core import events as ev
from evdesk.core.device_model import parse_key
from evdesk.gui import display
from evdesk.gui.translations.columns import column_title
from evdesk.gui.coalesce import Coalescer
from evdesk.gui.models.base import BusListener

REPORT_SETTLE_MS = 300  # a report comes in parts: read once they stop coming

COLUMNS = ("Component", "EVSE", "Variable", "Attribute", "Value", "Can be set", "Fetched at")
COL_COMPONENT, COL_EVSE, COL_VARIABLE, COL_ATTRIBUTE, COL_VALUE, COL_SETTABLE, COL_FETCHED = range(len(COLUMNS))


class DeviceModelTable(QAbstractTableModel):
    """The config model's rows as device-model variables; keys that are not variables are left out."""

    def __init__(self, config_model, parent=None):
        super().__init__(parent)
        self.config = config_model
        self._rows: list[tuple] = []
        for signal in (config_model.modelReset, config_model.rowsInserted, config_model.rowsRemoved,
                       config_model.dataChanged, config_model.layoutChanged):
            signal.connect(self._refresh)
        self._refresh()
        self._reread = Coalescer(config_model.reload, REPORT_SETTLE_MS, self)
        self._bus = BusListener(self, config_model.services.bus)
        self._bus.on(ev.DeviceModelReported, self._reported)

    def _reported(self, event: ev.DeviceModelReported) -> None:
        if event.station_id == self.config.station_id:
            self._reread.poke()

    def detach(self) -> None:
        self._bus.detach()
        self._reread.stop()

    def _refresh(self, *_args) -> None:
        self.beginResetModel()
        self._rows = []
        for row in self.config.rows():
            address = parse_key(row.key)
            if address is not None:
                self._rows.append((address, row))
        self._rows.sort(key=lambda r: (r[0].component, r[0].evse_id or 0, r[0].connector_id or 0, r[0].variable))
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            zone = display.zone_of(self.config.services.settings)
            return display.time_header(COLUMNS[section], zone) if section == COL_FETCHED else column_title(COLUMNS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        address, row = self._rows[index.row()]
        column = index.column()
        known = getattr(row, "known", True)
        if role == Qt.ItemDataRole.ForegroundRole and not known:
            return QColor("#9e9e9e")
        if role == Qt.ItemDataRole.ToolTipRole:
            if not known:
                return "The station said it does not have this variable."
            if column == COL_VALUE and row.value is None:
                return "Write-only: the station does not tell its value (a password, say)."
            return row.key
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == COL_COMPONENT:
            return address.component + (f" ({address.component_instance})" if address.component_instance else "")
        if column == COL_EVSE:
            if address.evse_id is None:
                return "station"
            return f"EVSE {address.evse_id}" + (f", connector {address.connector_id}"
                                                 if address.connector_id is not None else "")
        if column == COL_VARIABLE:
            return address.variable + (f" ({address.variable_instance})" if address.variable_instance else "")
        if column == COL_ATTRIBUTE:
            return address.attribute
        if column == COL_VALUE:
            if not known:
                return "not known to the station"
            return "(write-only)" if row.value is None else str(row.value)
        if column == COL_SETTABLE:
            return "No" if row.readonly else "Yes"
        if column == COL_FETCHED:
            return display.local_time(row.fetched_at, display.zone_of(self.config.services.settings))
        return None


class DeviceModelView(QTableView):
    """The table, with a text filter over every column (`set_filter`)."""

    def __init__(self, config_model, parent=None):
        super().__init__(parent)
        self.setObjectName("deviceModelTable")
        self.table = DeviceModelTable(config_model, self)
        self.filter = QSortFilterProxyModel(self)
        self.filter.setSourceModel(self.table)
        self.filter.setFilterKeyColumn(-1)
        self.filter.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setModel(self.filter)
        self.setSortingEnabled(True)
        self.sortByColumn(COL_COMPONENT, Qt.SortOrder.AscendingOrder)
        self.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(26)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in {COL_COMPONENT: 190, COL_EVSE: 150, COL_VARIABLE: 230, COL_ATTRIBUTE: 80,
                              COL_VALUE: 260, COL_SETTABLE: 90}.items():
            self.setColumnWidth(column, width)

    def detach(self) -> None:
        self.table.detach()

    def set_filter(self, text: str) -> None:
        self.filter.setFilterFixedString(text.strip())
