"""Tariffs and tariff groups as tables (short lists kept in memory by the tariff service, not paged).

Tariffs: name, type, price in one line, valid from / to in the site's zone (the header
names it), the tariff groups listing it. Tariff groups: name, how many tariffs (the base
included), where the group is assigned (as far as the operator's domain goes).
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from evdesk.core.pricing.tariff import KINDS
from evdesk.core.tariffs import TariffGroupRow, TariffRow
from evdesk.gui import display
from evdesk.gui.models.base import Index, Roles
from evdesk.gui.models.paged_table import ListTableModel
from evdesk.gui.translations.phrases import phrase, price_summary

TARIFF_COLUMNS = ("Name", "Type", "Price", "Valid from", "Valid to", "Tariff groups")
T_NAME, T_KIND, T_PRICE, T_FROM, T_TO, T_GROUPS = range(len(TARIFF_COLUMNS))
GROUP_COLUMNS = ("Name", "Tariffs", "Assigned to")
G_NAME, G_COUNT, G_ASSIGNED = range(len(GROUP_COLUMNS))
GREY = QColor("#757575")
SHORT_KINDS = {"free": "Free", "flat": "Flat", "energy_time": "Energy + time", "day_night": "Day / night",
               "power_levels": "Power levels", "ac_dc": "AC / DC"}


class TariffsModel(ListTableModel):
    columns = TARIFF_COLUMNS

    def __init__(self, settings, parent=None):
        super().__init__(parent)
        self.settings = settings

    @property
    def zone(self):
        return display.zone_of(self.settings)

    def header(self, section: int) -> str:
        if section in (T_FROM, T_TO):
            return display.time_header(self.columns[section], self.zone, two_lines=True)
        return self.columns[section]

    def display(self, row: TariffRow, column: int):
        if column == T_NAME:
            return row.name
        if column == T_KIND:
            return phrase(SHORT_KINDS.get(row.kind, row.kind))
        if column == T_PRICE:
            return price_summary(row.prices)
        if column == T_FROM:
            return display.local_time(row.valid_from, self.zone, seconds=False) or self.tr("always")
        if column == T_TO:
            return display.local_time(row.valid_to, self.zone, seconds=False) or self.tr("indefinitely")
        if column == T_GROUPS:
            return ", ".join(row.in_groups) or self.tr("none: not used yet")
        return None

    def row_data(self, row: TariffRow, role: int, column: int):
        if role == Qt.ItemDataRole.ForegroundRole and (
                (column == T_FROM and row.valid_from is None) or (column == T_TO and row.valid_to is None)
                or (column == T_GROUPS and not row.in_groups)):
            return GREY
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == T_NAME and row.base_of is not None:
                return self.tr("The base tariff of its tariff group: it applies to everyone the group's other tariffs do not admit.")
            if column == T_KIND:
                return phrase(KINDS.get(row.kind, row.kind))
            if column in (T_PRICE, T_GROUPS):
                return self.display(row, column)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Roles.SortValue and index.isValid() and index.column() in (T_FROM, T_TO):
            row = self._rows[index.row()]
            at = row.valid_from if index.column() == T_FROM else row.valid_to
            return at.timestamp() if at is not None else (float("-inf") if index.column() == T_FROM else float("inf"))
        return super().data(index, role)


@dataclass(frozen=True)
class GroupListRow:
    id: UUID
    group: TariffGroupRow
    tariffs: int
    assigned_to: str

    @property
    def name(self) -> str:
        return self.group.name


class TariffGroupsModel(ListTableModel):
    columns = GROUP_COLUMNS

    def display(self, row: GroupListRow, column: int):
        if column == G_NAME:
            return row.name
        if column == G_COUNT:
            return row.tariffs
        if column == G_ASSIGNED:
            return row.assigned_to or self.tr("nowhere yet")
        return None

    def row_data(self, row: GroupListRow, role: int, column: int):
        if role == Qt.ItemDataRole.ForegroundRole and column == G_ASSIGNED and not row.assigned_to:
            return GREY
        if role == Qt.ItemDataRole.TextAlignmentRole and column == G_COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class NameFilterProxy(QSortFilterProxyModel):
    """Sorts by each column's sort value; the search matches the name."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(Roles.SortValue)
        self.setFilterKeyColumn(0)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)
