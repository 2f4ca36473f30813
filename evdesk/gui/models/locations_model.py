"""Locations and station templates as tables (short lists, not paged), with a proxy that searches
every text column."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt

from evdesk.core.locations import LocationRow
from evdesk.core.station_hardware import TemplateRow
from evdesk.gui.models.base import Index, Roles
from evdesk.gui.models.paged_table import ListTableModel

LOCATION_COLUMNS = ("Name", "Address", "Postcode", "City", "Country", "Coordinates", "Time zone", "Managed by",
                    "Stations")
(L_NAME, L_ADDRESS, L_POSTCODE, L_CITY, L_COUNTRY, L_COORDINATES, L_ZONE, L_GROUP,
 L_STATIONS) = range(len(LOCATION_COLUMNS))
TEMPLATE_COLUMNS = ("Name", "Manufacturer", "Model", "Group", "Charging points")
T_NAME, T_VENDOR, T_MODEL, T_GROUP, T_POINTS = range(len(TEMPLATE_COLUMNS))


class LocationsModel(ListTableModel):
    columns = LOCATION_COLUMNS

    def __init__(self, group_name, parent=None):
        super().__init__(parent)
        self.group_name = group_name  # group id -> name

    def display(self, row: LocationRow, column: int):
        if column == L_NAME:
            return row.name
        if column == L_ADDRESS:
            return row.address
        if column == L_POSTCODE:
            return row.postcode
        if column == L_CITY:
            return row.city
        if column == L_COUNTRY:
            return row.country
        if column == L_COORDINATES:
            return "" if row.latitude is None else f"{row.latitude:.5f}, {row.longitude:.5f}"
        if column == L_ZONE:
            return row.timezone
        if column == L_GROUP:
            return self.group_name(row.group_id) if row.group_id else self.tr("whole site")
        if column == L_STATIONS:
            return str(row.stations)
        return None

    def row_data(self, row: LocationRow, role: int, column: int):
        if role == Qt.ItemDataRole.ToolTipRole and column in (L_NAME, L_ADDRESS):
            return "\n".join(p for p in (row.name, row.address, f"{row.postcode} {row.city}".strip(), row.country) if p)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == L_STATIONS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Roles.SortValue and index.isValid() and index.column() == L_STATIONS:
            return self._rows[index.row()].stations
        return super().data(index, role)


class TemplatesModel(ListTableModel):
    columns = TEMPLATE_COLUMNS

    def __init__(self, group_name, parent=None):
        super().__init__(parent)
        self.group_name = group_name

    def display(self, row: TemplateRow, column: int):
        if column == T_NAME:
            return row.name
        if column == T_VENDOR:
            return row.vendor or "–"
        if column == T_MODEL:
            return row.model or "–"
        if column == T_POINTS:
            return row.summary
        if column == T_GROUP:
            return self.group_name(row.group_id) if row.group_id else self.tr("whole site")
        return None

    def row_data(self, row: TemplateRow, role: int, column: int):
        if role == Qt.ItemDataRole.ToolTipRole and column in (T_NAME, T_POINTS):
            return f"{row.name}\n{row.summary}"
        return None


class TextSearchProxy(QSortFilterProxyModel):
    """Sorted by the models' sort values; the search matches any column."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(Roles.SortValue)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)
