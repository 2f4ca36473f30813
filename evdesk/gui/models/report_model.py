"""A report's figures as a table: one row per bucket and a Total row; columns: the period, the metric,
the comparison (when there is one) and the largest breakdown values (the CSV has all of them)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QFont

from evdesk.core.reports.csv_export import number
from evdesk.gui.translations.phrases import phrase

MAX_SERIES_COLUMNS = 20


class ReportTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.result = None
        self._headers: list[str] = []
        self._rows: list[list[str]] = []

    def set_result(self, result) -> None:
        self.beginResetModel()
        self.result = result
        self._headers, self._rows = [], []
        if result is not None:
            metric = result.definition.metric
            unit = f" ({result.unit})" if result.unit else ""
            shown = result.series[:MAX_SERIES_COLUMNS]
            self._headers = [self.tr("Period"), f"{phrase(result.title)}{unit}"]
            if result.compare is not None:
                self._headers.append(self.tr("Compared ({period})").format(period=result.compare_period.label()))
            self._headers += [s.label for s in shown]
            for n in range(len(result.buckets)):
                row = [result.bucket_label(n), number(metric, result.total.values[n])]
                if result.compare is not None:
                    row.append(number(metric, result.compare.values[n]) if n < len(result.compare.values) else "")
                row += [number(metric, s.values[n]) for s in shown]
                self._rows.append(row)
            total = [self.tr("Total"), number(metric, result.total.total)]
            if result.compare is not None:
                total.append(number(metric, result.compare.total))
            total += [number(metric, s.total) for s in shown]
            self._rows.append(total)
        self.endResetModel()

    def hidden_series(self) -> int:
        return max(0, len(self.result.series) - MAX_SERIES_COLUMNS) if self.result is not None else 0

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and index.row() == len(self._rows) - 1:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if section < len(self._headers) else None
        return None
