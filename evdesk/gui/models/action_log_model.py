"""The action log of one station: every command sent, who asked, why, what came back."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from evdesk.core import events as ev
from evdesk.core.actions import OUTCOME_LABELS
from evdesk.core.reads.history import ActionRow
from evdesk.gui import display
from evdesk.gui.asyncutil import run_task
from evdesk.gui.models.base import PagedLogModel, Roles

COL_TIME, COL_ACTOR, COL_ACTION, COL_REASON, COL_OUTCOME, COL_ERROR = range(6)
OUTCOME_COLOURS = {
    "pending": "#ef6c00", "accepted": "#2e7d32", "rejected": "#c62828", "timeout": "#c62828",
    "error": "#c62828", "offline": "#757575", "failed": "#c62828",
}


def outcome_text(row: ActionRow) -> str:
    label = OUTCOME_LABELS.get(row.outcome, row.outcome)
    status = row.response.get("status") if isinstance(row.response, dict) else None
    if row.outcome == "rejected" and status and status != "Rejected":
        return f"{label}: {status}"  # e.g. "Rejected by the station: Occupied"
    return label


class ActionLogModel(PagedLogModel):
    columns = ("Time", "Actor", "Action", "Reason", "Outcome", "Error")
    time_column = COL_TIME

    def __init__(self, services, station_id, operator, parent=None):
        super().__init__(services, parent)
        self.station_id = station_id
        self.operator = operator  # () -> OperatorContext
        self._bus.on(ev.ActionLogged, self._logged)
        self.fetchMore()

    async def load_page(self, before, limit):
        return (await self.services.history.action_log(self.operator(), self.station_id, before, limit)).items

    def row_time(self, row: ActionRow):
        return row.started_at

    def display(self, row: ActionRow, column: int):
        if column == COL_TIME:
            return display.local_time(row.started_at, self.zone)
        if column == COL_ACTOR:
            return row.actor
        if column == COL_ACTION:
            return row.action
        if column == COL_REASON:
            return row.reason
        if column == COL_OUTCOME:
            return outcome_text(row)
        if column == COL_ERROR:
            return row.error
        return None

    def sort_value(self, row: ActionRow, column: int):
        if column == COL_TIME:
            return row.started_at.timestamp()
        return self.display(row, column)

    def row_data(self, row: ActionRow, role: int, column: int):
        if role == Roles.Status:
            return row.outcome
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_OUTCOME:
            return display.QColor(OUTCOME_COLOURS.get(row.outcome, "#000000"))
        if role == Qt.ItemDataRole.ToolTipRole:
            sent = json.dumps(row.request, indent=1) if row.request is not None else "–"
            got = json.dumps(row.response, indent=1) if row.response is not None else "–"
            return f"Sent: {sent}\nAnswer: {got}"
        return None

    def _logged(self, event: ev.ActionLogged) -> None:
        if event.station_id != self.station_id:
            return
        # the event names the action; its full row (reason, response) is in the store
        run_task(
            self.services.history.action(self.operator(), event.action_id),
            on_done=self._entry_loaded, owner=self, what="reading an action log entry",
        )

    def _entry_loaded(self, row: ActionRow | None) -> None:
        if row is not None and not self.replace_row(row):
            self.prepend_live([row])
