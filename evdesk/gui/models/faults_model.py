"""The dashboard's Faults & connectivity loss list (rows from `DashboardReads.faults`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from evdesk.core.reads.dashboard import FaultRow
from evdesk.gui import display
from evdesk.gui.models.paged_table import ListTableModel

COLUMNS = ("Station", "Problem", "Since", "Charging group")
COL_STATION, COL_PROBLEM, COL_SINCE, COL_GROUP = range(len(COLUMNS))
KIND_COLOURS = {"offline": QColor("#ef6c00"), "fault": QColor("#c62828")}


class FaultsModel(ListTableModel):
    columns = COLUMNS

    def __init__(self, services, parent=None):
        super().__init__(parent)
        self.services = services

    def key_of(self, row: FaultRow):
        return row.station_id

    def header(self, section: int) -> str:
        if section == COL_SINCE:
            return display.time_header("Since", display.zone_of(self.services.settings))
        return COLUMNS[section]

    def display(self, row: FaultRow, column: int):
        if column == COL_STATION:
            return row.station_name
        if column == COL_GROUP:
            return self.services.groups.name_of(row.group_id)
        if column == COL_PROBLEM:
            return row.problem
        if column == COL_SINCE:
            if row.since is None:
                return "unknown"
            return display.last_seen_text(row.since, display.zone_of(self.services.settings))
        return None

    def row_data(self, row: FaultRow, role: int, column: int):
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_PROBLEM:
            return KIND_COLOURS.get(row.kind)
        if role == Qt.ItemDataRole.ToolTipRole:
            since = f" since {display.ago(row.since)}" if row.since else ""
            return (f"{row.station_name} ({row.identity}): {row.problem}{since}. "
                    "Double-click or Enter opens the station.")
        return None
