"""The periods of a charging schedule being edited: start (minutes from the schedule's start),
limit (in the schedule's unit) and phases (empty: the station's default). Cells keep what was
typed; the core's checks (`core/charging_profiles.py`) say what is wrong, next to the table."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from evdesk.core.charging_profiles import Period

COLUMNS = ("Start (min)", "Limit", "Phases")
COL_START, COL_LIMIT, COL_PHASES = range(3)


class ChargingPeriodsModel(QAbstractTableModel):
    edited = Signal()

    def __init__(self, periods: list[Period] | None = None, parent=None):
        super().__init__(parent)
        self._rows: list[list[str]] = []
        self.unit = "A"
        self.set_periods(periods or [Period(0, "16")])

    def set_periods(self, periods: list[Period]) -> None:
        self.beginResetModel()
        self._rows = [[_minutes(p.start_s), p.limit, "" if p.phases is None else str(p.phases)] for p in periods]
        self.endResetModel()
        self.edited.emit()

    def periods(self) -> list[Period]:
        """As typed: an unreadable start or phase count becomes -1 (the core refuses it by row)."""
        out = []
        for start, limit, phases in self._rows:
            out.append(Period(_seconds(start), limit.strip(), None if not phases.strip() else _int(phases)))
        return out

    # -- rows ----------------------------------------------------------------------------
    def add_period(self) -> int:
        last = _seconds(self._rows[-1][COL_START]) if self._rows else -3600
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append([_minutes(max(0, last + 3600)), self._rows[-1][COL_LIMIT] if self._rows else "16", ""])
        self.endInsertRows()
        self.edited.emit()
        return row

    def remove_period(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
            self.edited.emit()

    # -- the Qt model --------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return f"Limit ({self.unit})" if section == COL_LIMIT else COLUMNS[section]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(COLUMNS):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_PHASES:
            return "1, 2 or 3; empty: the station's default"
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.row() >= len(self._rows):
            return False
        self._rows[index.row()][index.column()] = "" if value is None else str(value).strip()
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def set_unit(self, unit: str) -> None:
        self.unit = unit
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, COL_LIMIT, COL_LIMIT)


def _minutes(seconds: int) -> str:
    return str(seconds // 60) if seconds % 60 == 0 else f"{seconds / 60:g}"


def _seconds(text: str) -> int:
    try:
        value = float(str(text).replace(",", "."))
    except ValueError:
        return -1
    return int(round(value * 60)) if value >= 0 else -1


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        return -1
