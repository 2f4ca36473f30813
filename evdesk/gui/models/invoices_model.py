"""Invoices as the manual lists them: Name | Paid | Reference | Number | Amount | Period | Due | Status."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from evdesk.core.invoicing.documents import day_text
from evdesk.core.invoicing.service import InvoiceRow
from evdesk.gui.models.base import Roles
from evdesk.gui.models.paged_table import ListTableModel
from evdesk.gui.translations.labels import state_label

COLUMNS = ("Name", "Paid", "Reference", "Number", "Amount", "Period", "Due", "Status")
COL_NAME, COL_PAID, COL_REF, COL_NUMBER, COL_AMOUNT, COL_PERIOD, COL_DUE, COL_STATUS = range(len(COLUMNS))
STATUS_LABELS = {"preview": "Preview", "unsent": "Not sent", "sent": "Sent", "paid": "Paid", "overdue": "Overdue"}
STATUS_COLOURS = {"overdue": QColor("#c62828"), "unsent": QColor("#e65100"), "paid": QColor("#2e7d32"),
                  "preview": QColor("#555555")}
CURRENCY_SIGNS = {"EUR": "€", "USD": "$", "GBP": "£"}


def money(minor: int, currency: str) -> str:
    sign = "-" if minor < 0 else ""
    return f"{sign}{abs(minor) // 100}.{abs(minor) % 100:02d} {CURRENCY_SIGNS.get(currency, currency)}"


class InvoicesModel(ListTableModel):
    """Set in bulk: a run lists a thousand invoices, and a row-by-row insert of each would keep
    the window busy for a noticeable moment. Removals, changes and the appended rows are each
    announced once (still never a reset, so the selection stays)."""

    columns = COLUMNS

    def set_rows(self, rows: list[InvoiceRow]) -> None:
        fresh = {r.id: r for r in rows}
        if self._rows and not any(r.id in fresh for r in self._rows):
            self.beginRemoveRows(QModelIndex(), 0, len(self._rows) - 1)
            self._rows.clear()
            self.endRemoveRows()
        for i in range(len(self._rows) - 1, -1, -1):
            if self._rows[i].id not in fresh:
                self._remove(i)
        known = {r.id: i for i, r in enumerate(self._rows)}
        changed = []
        for i, r in enumerate(self._rows):
            if fresh[r.id] != r:
                self._rows[i] = fresh[r.id]
                changed.append(i)
        if changed:
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), len(self.columns) - 1))
        new = [r for r in rows if r.id not in known]
        if new:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(new) - 1)
            self._rows.extend(new)
            self.endInsertRows()

    def display(self, row: InvoiceRow, column: int):
        if column == COL_NAME:
            return row.buyer_name + (self.tr(" (credit note)") if row.kind == "credit_note" else "")
        if column == COL_PAID:
            return ""
        if column == COL_REF:
            return row.reference
        if column == COL_NUMBER:
            return "" if row.number is None else str(row.number)
        if column == COL_AMOUNT:
            return money(row.total_minor, row.currency)
        if column == COL_PERIOD:
            return f"{day_text(row.period_start)} - {day_text(row.period_end)}"
        if column == COL_DUE:
            return day_text(row.due_date)
        if column == COL_STATUS:
            return state_label(STATUS_LABELS.get(row.status, row.status))
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if index.isValid() and index.row() < len(self._rows) and role == Roles.SortValue:
            row = self._rows[index.row()]
            column = index.column()
            if column == COL_AMOUNT:
                return row.total_minor
            if column == COL_NUMBER:
                return row.number or 0
            if column == COL_PERIOD:
                return row.period_start.toordinal()
            if column == COL_DUE:
                return row.due_date.toordinal()
            if column == COL_PAID:
                return int(row.status == "paid")
        return super().data(index, role)

    def row_data(self, row: InvoiceRow, role: int, column: int):
        if role == Qt.ItemDataRole.CheckStateRole and column == COL_PAID and row.status != "preview":
            return Qt.CheckState.Checked if row.status == "paid" else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_STATUS:
            return STATUS_COLOURS.get(row.status)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_STATUS and row.mail_error:
            return row.mail_error
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class InvoicesProxy(QSortFilterProxyModel):
    """Sorts by each column's value (amounts and dates as numbers) when a header is clicked.
    Not dynamic: while a run is sent the rows change every few seconds, and re-sorting a
    thousand rows through Python at each change would hold up the window."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(Roles.SortValue)
        self.setDynamicSortFilter(False)
