"""Editable tables of a station's charging points (EVSEs) and of the sockets of one of them.

Rows are plain dicts being edited (the dialog turns them into `EvseSpec`s on Save and the core
checks them). A cell the core refused shows red with the message as its tooltip, and the
dialog says it under the table. The connected phase is editable only on a single-phase point
and the rotation only on a three-phase one (changing the phases clears the other).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

from evdesk.core.hardware_rules import (
    CURRENT_TYPES, GRID_PHASES, PHASE_ROTATIONS, SOCKET_LABELS, SOCKET_TYPES, ConnectorSpec, EvseSpec,
)
from evdesk.gui.models.base import Index, Roles

ERROR_BACKGROUND = QColor("#ffcdd2")
CHOICES = "choices"  # role: [(label, value)] a combo offers for the cell


def kw_text(watts: int | None) -> str:
    return f"{watts / 1000:g}" if watts else ""


class EditRowsModel(QAbstractTableModel):
    """Rows of dicts; `fields` are (key, header, choices or None)."""

    fields: tuple = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict] = []
        self.errors: dict[tuple[int, str], str] = {}

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.fields)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.fields):
            return self.fields[section][1]
        return None

    def key(self, column: int) -> str:
        return self.fields[column][0]

    def column_of(self, key: str) -> int:
        return next((i for i, f in enumerate(self.fields) if f[0] == key), -1)

    def choices(self, row: int, column: int) -> list | None:
        return self.fields[column][2]

    def label(self, row: dict, key: str) -> str:
        value = row.get(key)
        for column, f in enumerate(self.fields):
            if f[0] == key and f[2]:
                return next((lbl for lbl, v in f[2] if v == value), str(value))
        return "" if value is None else str(value)

    def editable(self, row: dict, key: str) -> bool:
        return True

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows) or not 0 <= index.column() < len(self.fields):
            return None
        row, key = self.rows[index.row()], self.key(index.column())
        error = self.errors.get((index.row(), key))
        if role == Qt.ItemDataRole.DisplayRole:
            return self.label(row, key)
        if role == Qt.ItemDataRole.EditRole:
            return row.get(key)
        if role == Qt.ItemDataRole.BackgroundRole and error:
            return ERROR_BACKGROUND
        if role == Qt.ItemDataRole.ToolTipRole:
            return error or (None if self.editable(row, key) else self.locked_reason(row, key))
        if role == Qt.ItemDataRole.ForegroundRole and not self.editable(row, key) and self.greyed(key):
            return QColor("#9e9e9e")
        if role == CHOICES:
            return self.choices(index.row(), index.column())
        if role == Roles.RowData:
            return row
        return None

    def locked_reason(self, row: dict, key: str) -> str | None:
        return None

    def greyed(self, key: str) -> bool:
        """A cell that cannot be edited here is shown grey (unless it is a summary)."""
        return True

    def flags(self, index: Index):
        base = super().flags(index)
        if index.isValid() and index.row() < len(self.rows) and self.editable(self.rows[index.row()],
                                                                              self.key(index.column())):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.row() >= len(self.rows):
            return False
        row, key = self.rows[index.row()], self.key(index.column())
        if not self.editable(row, key):
            return False
        row[key] = self.coerce(key, value)
        self.errors.pop((index.row(), key), None)
        self.after_edit(index.row(), key)
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(self.fields) - 1))
        return True

    def coerce(self, key: str, value):
        return value

    def after_edit(self, row: int, key: str) -> None:
        pass

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.errors = {}
        self.endResetModel()

    def append(self, row: dict) -> int:
        n = len(self.rows)
        self.beginInsertRows(QModelIndex(), n, n)
        self.rows.append(row)
        self.endInsertRows()
        return n

    def remove(self, i: int) -> None:
        if 0 <= i < len(self.rows):
            self.beginRemoveRows(QModelIndex(), i, i)
            del self.rows[i]
            self.errors = {(r if r < i else r - 1, k): m for (r, k), m in self.errors.items() if r != i}
            self.endRemoveRows()

    def set_error(self, row: int, key: str, message: str) -> None:
        self.errors[(row, key)] = message
        column = max(0, self.column_of(key))
        self.dataChanged.emit(self.index(row, column), self.index(row, column))

    def clear_errors(self) -> None:
        if self.errors:
            self.errors = {}
            if self.rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.fields) - 1))


SOCKET_CHOICES = [(SOCKET_LABELS[s], s) for s in SOCKET_TYPES]


class EvsesModel(EditRowsModel):
    fields = (
        ("evse_id", "No.", None),
        ("current_type", "AC/DC", [(c, c) for c in CURRENT_TYPES]),
        ("max_power_kw", "Max power (kW)", None),
        ("phases", "Phases", [("1", 1), ("3", 3)]),
        ("phase", "Connected phase", [("not known", "")] + [(p, p) for p in GRID_PHASES]),
        ("phase_rotation", "Phase rotation", [("not known", "")] + [(r, r) for r in PHASE_ROTATIONS]),
        ("emi3_id", "EVSE-ID", None),
        ("sockets", "Sockets", None),
    )

    def label(self, row: dict, key: str) -> str:
        if key == "sockets":
            return " + ".join(f"{SOCKET_LABELS.get(c['socket_type'], c['socket_type'])}"
                              f"{' cable' if c['cable'] else ''}" for c in row["connectors"]) or "none"
        if key == "phase" and row["phases"] != 1 or key == "phase_rotation" and row["phases"] != 3:
            return "–"
        return super().label(row, key)

    def editable(self, row: dict, key: str) -> bool:
        if key == "sockets":
            return False
        if key == "phase":
            return row["phases"] == 1
        if key == "phase_rotation":
            return row["phases"] == 3
        return True

    def greyed(self, key: str) -> bool:
        return key != "sockets"

    def locked_reason(self, row: dict, key: str) -> str | None:
        if key == "phase":
            return "Only a single-phase charging point is wired to one phase."
        if key == "phase_rotation":
            return "Only a three-phase charging point has a phase rotation."
        if key == "sockets":
            return "Edit the sockets in the table below."
        return None

    def coerce(self, key: str, value):
        if key == "evse_id":
            try:
                return int(str(value).strip())
            except ValueError:
                return value
        if key in ("max_power_kw", "emi3_id"):
            return str(value or "").strip()
        return value

    def after_edit(self, row: int, key: str) -> None:
        r = self.rows[row]
        if key == "phases":
            if r["phases"] == 3:
                r["phase"] = ""
            else:
                r["phase_rotation"] = ""

    def sockets_changed(self, row: int) -> None:
        column = self.column_of("sockets")
        self.dataChanged.emit(self.index(row, column), self.index(row, column))


class ConnectorsModel(EditRowsModel):
    fields = (
        ("connector_id", "Connector no.", None),
        ("socket_type", "Socket type", SOCKET_CHOICES),
        ("cable", "Socket or cable", [("Socket", False), ("Cable", True)]),
        ("max_power_kw", "Max power (kW)", None),
    )

    def coerce(self, key: str, value):
        if key == "connector_id":
            try:
                return int(str(value).strip())
            except ValueError:
                return value
        if key == "max_power_kw":
            return str(value or "").strip()
        return value


def evse_rows(evses: list[EvseSpec]) -> list[dict]:
    return [{"evse_id": e.evse_id, "current_type": e.current_type, "max_power_kw": kw_text(e.max_power_w),
             "phases": e.phases, "phase": e.phase, "phase_rotation": e.phase_rotation, "emi3_id": e.emi3_id,
             "connectors": [{"connector_id": c.connector_id, "socket_type": c.socket_type, "cable": c.cable,
                             "max_power_kw": kw_text(c.max_power_w)} for c in e.connectors]} for e in evses]


def specs_of(rows: list[dict], power_w) -> list[EvseSpec]:
    """The rows as specs; `power_w(text, field)` turns kW text into W (ValidationError naming the cell)."""
    out = []
    for i, r in enumerate(rows):
        at = f"evses[{i}]."
        connectors = tuple(ConnectorSpec(c["connector_id"], c["socket_type"], bool(c["cable"]),
                                         power_w(c["max_power_kw"], f"{at}connectors[{j}].max_power_kw"))
                           for j, c in enumerate(r["connectors"]))
        out.append(EvseSpec(r["evse_id"], r["current_type"], power_w(r["max_power_kw"], at + "max_power_kw"),
                            r["phases"], r["phase"], r["phase_rotation"], r["emi3_id"], connectors))
    return out


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box for cells whose model offers `CHOICES`; the plain editor for the others."""

    def createEditor(self, parent, option, index):
        choices = index.data(CHOICES)
        if not choices:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        for label, value in choices:
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor, index):
        if isinstance(editor, QComboBox):
            value = index.data(Qt.ItemDataRole.EditRole)
            found = next((i for i in range(editor.count()) if editor.itemData(i) == value), 0)
            editor.setCurrentIndex(found)
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)
