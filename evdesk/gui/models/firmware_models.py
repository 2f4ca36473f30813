"""The Firmware page's lists: files, roll-outs (with their summary) and one roll-out's stations."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from evdesk.core.firmware.library import FirmwareFileRow
from evdesk.core.firmware.rollouts import FAILED, RolloutRow, RolloutStationRow
from evdesk.gui import display
from evdesk.gui.models.base import Roles
from evdesk.gui.models.paged_table import ListTableModel
from evdesk.gui.translations.phrases import phrase, summary_text

F_NAME, F_SIZE, F_SHA, F_BY, F_AT = range(5)
R_CREATED, R_FILE, R_TARGET, R_SUMMARY, R_PROTOCOL, R_BY = range(6)
S_STATION, S_STATE, S_CHANGED, S_DETAIL = range(4)
STATE_COLOURS = {"Installed": "#2e7d32", "failed": "#c62828", "waiting": "#1565c0"}


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.1f} kB"
    return f"{size} B"


class _Zoned(ListTableModel):
    time_columns: tuple[int, ...] = ()

    def __init__(self, settings, parent=None):
        super().__init__(parent)
        self.settings = settings

    @property
    def zone(self):
        return display.zone_of(self.settings)

    def header(self, section: int) -> str:
        label = self.columns[section]
        return display.time_header(label, self.zone) if section in self.time_columns else label


class FirmwareFilesModel(_Zoned):
    columns = ("File", "Size", "SHA-256", "Uploaded by", "Uploaded")
    time_columns = (F_AT,)

    def display(self, row: FirmwareFileRow, column: int):
        return (row.name, size_text(row.size), row.sha256[:16] + "…", row.uploaded_by,
                display.local_time(row.uploaded_at, self.zone, seconds=False))[column]

    def row_data(self, row: FirmwareFileRow, role: int, column: int):
        if role == Qt.ItemDataRole.ToolTipRole and column == F_SHA:
            return row.sha256
        return None


class RolloutsModel(_Zoned):
    columns = ("Sent", "File", "To", "Progress", "Over", "By")
    time_columns = (R_CREATED,)

    def display(self, row: RolloutRow, column: int):
        return (display.local_time(row.created_at, self.zone, seconds=False), row.file_name, row.target,
                summary_text(row.summary), row.protocol.upper(), row.created_by)[column]

    def row_data(self, row: RolloutRow, role: int, column: int):
        if role == Qt.ItemDataRole.ForegroundRole and column == R_SUMMARY:
            summary = row.summary
            key = "waiting" if summary.waiting else "failed" if summary.failed else "Installed"
            return QColor(STATE_COLOURS[key])
        return None


class RolloutStationsModel(_Zoned):
    columns = ("Station", "State", "Since", "Detail")
    time_columns = (S_CHANGED,)

    def display(self, row: RolloutStationRow, column: int):
        station = f"{row.station_name} ({row.identity})" if row.station_name else row.identity
        return (station, phrase(row.label), display.local_time(row.changed_at, self.zone), row.detail)[column]

    def row_data(self, row: RolloutStationRow, role: int, column: int):
        if role == Roles.Status:
            return row.state
        if role == Qt.ItemDataRole.ForegroundRole and column == S_STATE:
            key = "Installed" if row.state == "Installed" else "failed" if row.state in FAILED else "waiting"
            return QColor(STATE_COLOURS[key])
        return None
