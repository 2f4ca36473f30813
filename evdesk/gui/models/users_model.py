"""Charging users: the paged list (search by name, e-mail or token id; status filter),
kept up to date from `ChargingUserChanged`, `TokenChanged`, `UserGroupChanged` and
`UsersImported` as row changes."""

from __future__ import annotations

from uuid import UUID

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from evdesk.core import events as ev
from evdesk.core.people_types import UserRow
from evdesk.core.reads.people import UserFilter
from evdesk.gui.models.base import Roles
from evdesk.gui.models.paged_table import LiveFilteredPagedModel
from evdesk.gui.translations.labels import state_label

COLUMNS = ("Name", "E-mail address", "Phone", "User group", "Status", "Tokens", "Vehicles")
COL_NAME, COL_EMAIL, COL_PHONE, COL_GROUP, COL_STATUS, COL_TOKENS, COL_VEHICLES = range(len(COLUMNS))
STATUS_LABELS = {"active": "Active", "disabled": "Disabled"}


def tokens_text(uids: tuple[str, ...]) -> str:
    if not uids:
        return "—"
    return uids[0] if len(uids) == 1 else f"{uids[0]} (+{len(uids) - 1})"


def user_matches(row: UserRow, text: str, status: str | None) -> bool:
    """What the core's search would say about one row (for live changes)."""
    if status and row.status != status:
        return False
    for word in text.split():
        w = word.casefold()
        if not (w in row.first_name.casefold() or w in row.last_name.casefold() or w in row.email.casefold()
                or any(word.upper() in uid.upper() for uid in row.token_uids)):
            return False
    return True


class UsersModel(LiveFilteredPagedModel):
    columns = COLUMNS

    def __init__(self, services, operator, parent=None, live: bool = True):
        super().__init__(services, parent)
        self.operator = operator  # () -> OperatorContext: the list shows the users of their domain
        if live:
            bus = self.bus_listener
            bus.on(ev.ChargingUserChanged, lambda e: self.refresh([e.user_id]))
            bus.on(ev.TokenChanged, lambda e: self.refresh([e.user_id] if e.user_id else []))
            bus.on(ev.UsersImported, lambda _e: self.reload())
            bus.on(ev.UserGroupChanged, self._group_changed)

    # -- paging ---------------------------------------------------------------------
    async def load_page(self, offset, limit):
        page = await self.services.people.reads.users(self.operator(), UserFilter(self.text, self.status),
                                                      offset=offset, limit=limit)
        return page.items

    def load_count(self):
        return self.services.people.reads.count_users(self.operator(), UserFilter(self.text, self.status))

    def sort_key(self, row: UserRow) -> tuple:
        return row.last_name.lower(), row.first_name.lower(), str(row.id)

    def matches(self, row: UserRow) -> bool:
        return user_matches(row, self.text, self.status)

    # -- showing -------------------------------------------------------------------
    def display(self, row: UserRow, column: int):
        if column == COL_NAME:
            return row.name
        if column == COL_EMAIL:
            return row.email
        if column == COL_PHONE:
            return row.phone
        if column == COL_GROUP:
            return row.user_group or "—"
        if column == COL_STATUS:
            return state_label(STATUS_LABELS.get(row.status, row.status))
        if column == COL_TOKENS:
            return tokens_text(row.token_uids)
        if column == COL_VEHICLES:
            return ", ".join(row.vehicles)
        return None

    def row_data(self, row: UserRow, role: int, column: int):
        if role == Roles.Status:
            return row.status
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_STATUS and row.status == "disabled":
            return QColor("#c62828")
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_TOKENS and row.token_uids:
            return "\n".join(row.token_uids)
        return None

    # -- live ------------------------------------------------------------------------
    def _group_changed(self, event: ev.UserGroupChanged) -> None:
        self.refresh([row.id for row in self._rows if row.user_group_id == event.group_id])

    async def load_rows(self, ids: list[UUID]) -> tuple[list[UserRow], list[UUID]]:
        rows = await self.services.people.reads.user_rows(self.operator(), ids)
        found = {r.id for r in rows}
        return rows, [i for i in ids if i not in found]
