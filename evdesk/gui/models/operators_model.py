"""The operators list: one row per operator account, updated as row changes."""

from __future__ import annotations

from uuid import UUID

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from evdesk.core.operators import OperatorInfo
from evdesk.gui import display
from evdesk.gui.models.base import BusListener, Index, Roles, ZoneFollower, redraw_columns

COLUMNS = ("Username", "Name", "E-mail address", "Permissions", "Status", "Base group", "Last login")
COL_USERNAME, COL_NAME, COL_EMAIL, COL_ROLE, COL_STATUS, COL_GROUP, COL_LAST_LOGIN = range(len(COLUMNS))


class OperatorsModel(QAbstractTableModel):
    def __init__(self, services, parent=None):
        super().__init__(parent)
        self.services = services
        self._rows: list[OperatorInfo] = []
        self._bus = BusListener(self, services.bus)
        ZoneFollower(self._bus, services.settings, lambda: redraw_columns(self, [COL_LAST_LOGIN]))

    def detach(self) -> None:
        self._bus.detach()

    @property
    def zone(self):
        return display.zone_of(self.services.settings)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            if section == COL_LAST_LOGIN:
                return display.time_header("Last login", self.zone)
            return COLUMNS[section]
        return None

    def operator_at(self, row: int) -> OperatorInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, operator_id: UUID) -> int:
        return next((i for i, o in enumerate(self._rows) if o.id == operator_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(COLUMNS):
            return None
        info = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(info, column)
        if role == Roles.SortValue:
            if column == COL_LAST_LOGIN:
                return info.last_login.timestamp() if info.last_login else 0.0
            return (self._display(info, column) or "").casefold()
        if role == Roles.RowId:
            return info.id
        if role == Roles.RowData:
            return info
        if role == Roles.Status:
            return info.status
        if role == Roles.SearchText:
            return f"{info.username} {info.full_name} {info.email}".casefold()
        if role == Qt.ItemDataRole.ForegroundRole and info.status != "active" and column == COL_STATUS:
            from PySide6.QtGui import QColor

            return QColor("#757575" if info.status == "inactive" else "#ef6c00")
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_STATUS and info.status == "invited":
            return "Invited: has not set a password with the code from the e-mail yet."
        return None

    def _display(self, info: OperatorInfo, column: int) -> str:
        if column == COL_USERNAME:
            return info.username
        if column == COL_NAME:
            return info.full_name
        if column == COL_EMAIL:
            return info.email
        if column == COL_ROLE:
            return info.role_label
        if column == COL_STATUS:
            return info.status_label
        if column == COL_GROUP:
            return self.services.groups.path_of(info.base_group_id) if info.base_group_id else "— whole site —"
        if column == COL_LAST_LOGIN:
            return display.local_time(info.last_login, self.zone, seconds=False) if info.last_login else "never"
        return ""

    def set_rows(self, rows: list[OperatorInfo]) -> None:
        """Apply a fresh list as row removals, changes and inserts (never a reset)."""
        fresh = {o.id: o for o in rows}
        for i in range(len(self._rows) - 1, -1, -1):
            if self._rows[i].id not in fresh:
                self.beginRemoveRows(QModelIndex(), i, i)
                del self._rows[i]
                self.endRemoveRows()
        known = {o.id: i for i, o in enumerate(self._rows)}
        for info in rows:
            i = known.get(info.id)
            if i is None:
                self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
                self._rows.append(info)
                self.endInsertRows()
            elif self._rows[i] != info:
                self._rows[i] = info
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))

    def refresh_groups(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, COL_GROUP), self.index(len(self._rows) - 1, COL_GROUP))


class OperatorFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._search = ""
        self.setSortRole(Roles.SortValue)
        self.setDynamicSortFilter(True)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._search = text.strip().casefold()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._search:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return self._search in (self.sourceModel().data(index, Roles.SearchText) or "")
