"""The communication log of one station: every OCPP frame in and out, newest first."""

from __future__ import annotations

from uuid import UUID

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from evdesk.core import events as ev
from evdesk.core.reads.history import MessageRow, message_from
from evdesk.gui import display
from evdesk.gui.models.base import Index, PagedLogModel, Roles

COL_TIME, COL_DIRECTION, COL_TYPE, COL_ACTION, COL_MESSAGE_ID, COL_PAYLOAD = range(6)
MESSAGE_TYPES = {2: "Call", 3: "Result", 4: "Error"}
SUMMARY_LENGTH = 160


class CommLogModel(PagedLogModel):
    columns = ("Time", "Direction", "Type", "Action", "Message id", "Payload")
    time_column = COL_TIME

    def __init__(self, services, station_id: UUID, identity: str, operator, parent=None):
        super().__init__(services, parent)
        self.station_id = station_id
        self.identity = identity
        self.operator = operator  # () -> OperatorContext
        self._bus.on(ev.MessageLogged, self._logged)
        self.fetchMore()

    async def load_page(self, before, limit):
        return (await self.services.history.comm_log(self.operator(), self.station_id, before, limit)).items

    def display(self, row: MessageRow, column: int):
        if column == COL_TIME:
            zone = self.zone
            return display.local_time(row.at, zone) + row.at.astimezone(zone).strftime(".%f")[:4]
        if column == COL_DIRECTION:
            # arrows read from the desk's point of view: → sent to the station, ← received from it
            return self.tr("→ to station") if row.direction == "out" else self.tr("← from station")
        if column == COL_TYPE:
            return MESSAGE_TYPES.get(row.message_type, "?")
        if column == COL_ACTION:
            return row.action or "–"
        if column == COL_MESSAGE_ID:
            return row.unique_id
        if column == COL_PAYLOAD:
            text = " ".join(row.payload.split())
            return text if len(text) <= SUMMARY_LENGTH else text[:SUMMARY_LENGTH] + "…"
        return None

    def sort_value(self, row: MessageRow, column: int):
        if column == COL_TIME:
            return row.at.timestamp()
        return self.display(row, column)

    def row_data(self, row: MessageRow, role: int, column: int):
        if role == Roles.Status:
            return row.direction
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.message_type == 4:
                return display.status_colour("Faulted")
            if column == COL_DIRECTION:
                return QColor("#1565c0") if row.direction == "out" else QColor("#2e7d32")
        return None

    def _logged(self, event: ev.MessageLogged) -> None:
        if event.station_identity == self.identity:
            self.prepend_live([message_from(event.row)])


class CommLogFilterProxy(QSortFilterProxyModel):
    """Free text over action and payload (find a transaction id or an idTag)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._text = ""

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().lower()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._text:
            return True
        row = self.sourceModel().index(source_row, 0, source_parent).data(Roles.RowData)
        return row is not None and (self._text in row.action.lower() or self._text in row.payload.lower())
