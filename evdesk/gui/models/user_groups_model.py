"""Charging user groups: name, active, members, session limit (a short list, not paged)."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from evdesk.core.people_types import UserGroupRow
from evdesk.gui.models.base import Index, Roles
from evdesk.gui.models.paged_table import ListTableModel

COLUMNS = ("Name", "Active", "Members", "Sessions at a time")
COL_NAME, COL_ACTIVE, COL_MEMBERS, COL_LIMIT = range(len(COLUMNS))


class UserGroupsModel(ListTableModel):
    columns = COLUMNS

    def display(self, row: UserGroupRow, column: int):
        if column == COL_NAME:
            return row.name
        if column == COL_ACTIVE:
            return self.tr("Yes") if row.active else self.tr("No: members are refused")
        if column == COL_MEMBERS:
            return str(row.members)
        if column == COL_LIMIT:
            return self.tr("per user setting") if row.max_concurrent_transactions is None else str(row.max_concurrent_transactions)
        return None

    def row_data(self, row: UserGroupRow, role: int, column: int):
        if role == Roles.SortValue and column in (COL_MEMBERS, COL_LIMIT):
            return row.members if column == COL_MEMBERS else (row.max_concurrent_transactions or 0)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_ACTIVE and not row.active:
            return QColor("#c62828")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Roles.SortValue and index.isValid() and index.column() in (COL_MEMBERS, COL_LIMIT):
            return self.row_data(self._rows[index.row()], role, index.column())
        return super().data(index, role)


class UserGroupsProxy(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(Roles.SortValue)
        self.setFilterKeyColumn(COL_NAME)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)
