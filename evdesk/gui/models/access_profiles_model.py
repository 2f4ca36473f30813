"""Access profiles: name, when, members, what they cover, tariff (a short list, not paged)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt

from evdesk.core.access_profiles import AccessProfileRow
from evdesk.gui.models.base import Roles
from evdesk.gui.models.paged_table import ListTableModel
from evdesk.gui.translations.phrases import counted, window_text

COLUMNS = ("Name", "When", "Members", "Covers", "Tariff")
COL_NAME, COL_WHEN, COL_MEMBERS, COL_COVERS, COL_TARIFF = range(len(COLUMNS))


def members_text(p: AccessProfileRow) -> str:
    parts = [counted(len(ids), noun) for ids, noun in ((p.user_ids, "user"), (p.user_group_ids, "user group"),
                                                         (p.token_ids, "token")) if ids]
    return ", ".join(parts) if parts else QCoreApplication.translate("AccessProfilesModel", "no members")


def covers_text(p: AccessProfileRow) -> str:
    parts = [counted(len(ids), noun) for ids, noun in ((p.group_ids, "charging group"), (p.station_ids, "station"))
             if ids]
    return ", ".join(parts) if parts else QCoreApplication.translate("AccessProfilesModel", "no station")


def when_text(p: AccessProfileRow) -> str:
    return (QCoreApplication.translate("AccessProfilesModel", "always") if p.always
            else "; ".join(describe_window(w) for w in p.windows))


def describe_window(w) -> str:
    return window_text(w.days, w.start, w.end)


class AccessProfilesModel(ListTableModel):
    columns = COLUMNS

    def __init__(self, tariff_name, parent=None):
        super().__init__(parent)
        self.tariff_name = tariff_name  # tariff id -> its name (or None when it is gone)

    def display(self, row: AccessProfileRow, column: int):
        if column == COL_NAME:
            return row.name
        if column == COL_WHEN:
            return when_text(row)
        if column == COL_MEMBERS:
            return members_text(row)
        if column == COL_COVERS:
            return covers_text(row)
        if column == COL_TARIFF:
            if row.tariff_id is None:
                return self.tr("as the tariff groups decide")
            return self.tariff_name(row.tariff_id) or self.tr("a removed tariff (the tariff groups decide)")
        return None

    def row_data(self, row: AccessProfileRow, role: int, column: int):
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_WHEN:
            return "\n".join(describe_window(w) for w in row.windows)
        return None


class AccessProfilesProxy(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(Roles.SortValue)
        self.setFilterKeyColumn(COL_NAME)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)
