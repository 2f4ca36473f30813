"""The API keys list: name, operator, prefix, and when each key was made, last used and revoked,
in the site's zone (the headers say which; a zone change redraws those columns)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from evdesk.core.api_keys import ApiKeyInfo
from evdesk.gui import display
from evdesk.gui.models.base import BusListener, Roles, ZoneFollower, redraw_columns
from evdesk.gui.models.paged_table import ListTableModel

COLUMNS = ("Name", "Operator", "Prefix", "Created", "Last used", "Revoked")
COL_NAME, COL_OPERATOR, COL_PREFIX, COL_CREATED, COL_LAST_USED, COL_REVOKED = range(len(COLUMNS))
TIME_COLUMNS = (COL_CREATED, COL_LAST_USED, COL_REVOKED)


class ApiKeysModel(ListTableModel):
    columns = COLUMNS

    def __init__(self, services, parent=None):
        super().__init__(parent)
        self.services = services
        self._bus = BusListener(self, services.bus)
        ZoneFollower(self._bus, services.settings, lambda: redraw_columns(self, TIME_COLUMNS))

    def detach(self) -> None:
        self._bus.detach()

    @property
    def zone(self):
        return display.zone_of(self.services.settings)

    def header(self, section: int) -> str:
        return display.time_header(COLUMNS[section], self.zone) if section in TIME_COLUMNS else COLUMNS[section]

    def _when(self, at: datetime | None) -> str:
        return display.local_time(at, self.zone, seconds=False)

    def display(self, row: ApiKeyInfo, column: int):
        if column == COL_NAME:
            return row.name
        if column == COL_OPERATOR:
            return row.operator
        if column == COL_PREFIX:
            return row.prefix
        if column == COL_CREATED:
            return self._when(row.created_at)
        if column == COL_LAST_USED:
            return self._when(row.last_used_at) if row.last_used_at else "never"
        if column == COL_REVOKED:
            return self._when(row.revoked_at)
        return None

    def row_data(self, row: ApiKeyInfo, role: int, column: int):
        if role == Roles.Status:
            return "active" if row.active else "revoked"
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return QColor("#757575")
        if role == Qt.ItemDataRole.ToolTipRole and column in TIME_COLUMNS:
            return f"Local time, {display.zone_name(self.zone)}"
        return None
