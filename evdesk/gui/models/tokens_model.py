"""Tokens: the paged list of all tokens (status and text filters) kept up to date from
`TokenChanged` / `ChargingUserChanged`, and the small list of one user's tokens."""

from __future__ import annotations

from uuid import UUID

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from evdesk.core import events as ev
from evdesk.core.people_types import TokenRow
from evdesk.core.reads.people import TokenFilter
from evdesk.gui.models.base import Roles
from evdesk.gui.models.paged_table import ListTableModel, LiveFilteredPagedModel
from evdesk.gui.translations.labels import state_label

COLUMNS = ("Token id", "Name", "Charging user", "Status", "Valid from", "Valid until", "Parent token")
COL_UID, COL_NAME, COL_USER, COL_STATUS, COL_FROM, COL_TO, COL_PARENT = range(len(COLUMNS))
STATUS_LABELS = {"active": "Active", "inactive": "Inactive", "blocked": "Blocked"}
STATUS_COLOURS = {"inactive": "#757575", "blocked": "#c62828"}


def token_display(row: TokenRow, column: int):
    if column == COL_UID:
        return row.uid
    if column == COL_NAME:
        return row.name
    if column == COL_USER:
        return row.user_name or "—"
    if column == COL_STATUS:
        return state_label(STATUS_LABELS.get(row.status, row.status))
    if column == COL_FROM:
        return row.valid_from_day.isoformat() if row.valid_from_day else "—"
    if column == COL_TO:
        return row.valid_to_day.isoformat() if row.valid_to_day else QCoreApplication.translate("TokensModel", "indefinitely")
    if column == COL_PARENT:
        return row.parent_uid
    return None


def token_role(row: TokenRow, role: int, column: int):
    if role == Roles.Status:
        return row.status
    if role == Qt.ItemDataRole.ForegroundRole and column == COL_STATUS and row.status in STATUS_COLOURS:
        return QColor(STATUS_COLOURS[row.status])
    if role == Qt.ItemDataRole.ToolTipRole and column in (COL_FROM, COL_TO):
        return QCoreApplication.translate("TokensModel", "Whole days in each station's time zone.")
    return None


class UserTokensModel(ListTableModel):
    """The tokens of the user in the editor (a new user's not-yet-saved ones too)."""

    columns = ("Token id", "Name", "Status", "Valid from", "Valid until")
    _source_columns = (COL_UID, COL_NAME, COL_STATUS, COL_FROM, COL_TO)

    def display(self, row, column):
        return token_display(row, self._source_columns[column])

    def row_data(self, row, role, column):
        return token_role(row, role, self._source_columns[column])


class TokensModel(LiveFilteredPagedModel):
    columns = COLUMNS

    def __init__(self, services, operator, parent=None):
        super().__init__(services, parent)
        self.operator = operator  # () -> OperatorContext: the list shows the tokens of their domain
        bus = self.bus_listener
        bus.on(ev.TokenChanged, lambda e: self.refresh([e.token_id]))
        bus.on(ev.ChargingUserChanged, lambda e: self.refresh([r.id for r in self._rows if r.user_id == e.user_id]))
        bus.on(ev.UsersImported, lambda _e: self.reload())

    async def load_page(self, offset, limit):
        page = await self.services.people.reads.tokens(self.operator(), TokenFilter(self.text, self.status),
                                                       offset=offset, limit=limit)
        return page.items

    def load_count(self):
        return self.services.people.reads.count_tokens(self.operator(), TokenFilter(self.text, self.status))

    def sort_key(self, row: TokenRow) -> tuple:
        return (row.uid.upper(),)

    def matches(self, row: TokenRow) -> bool:
        if self.status and row.status != self.status:
            return False
        t = self.text.casefold()
        return not t or t in row.uid.casefold() or t in row.name.casefold() or t in row.user_name.casefold()

    def display(self, row, column):
        return token_display(row, column)

    def row_data(self, row, role, column):
        return token_role(row, role, column)

    async def load_rows(self, ids: list[UUID]) -> tuple[list[TokenRow], list[UUID]]:
        rows = await self.services.people.reads.token_rows(self.operator(), ids)
        found = {r.id for r in rows}
        return rows, [i for i in ids if i not in found]
