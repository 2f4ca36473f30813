"""The network log of one station: connection changes, boots, firmware and diagnostics."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer

from evdesk.core import events as ev
from evdesk.core.reads.history import StationEventRow
from evdesk.gui import display
from evdesk.gui.asyncutil import run_task
from evdesk.gui.models.base import PagedLogModel, Roles

COL_TIME, COL_KIND, COL_STATE, COL_DETAIL = range(4)
KIND_LABELS = {"network": "Connection", "boot": "Boot", "firmware": "Firmware", "diagnostics": "Diagnostics",
               "security": "Security"}


class NetworkLogModel(PagedLogModel):
    # Connection changes reach the store through the batch writer (every 250 ms):
    # look for new rows a little after the event announcing them.
    REFRESH_DELAY_MS = 800

    columns = ("Time", "Kind", "State", "Detail")
    time_column = COL_TIME

    def __init__(self, services, station_id, operator, parent=None):
        super().__init__(services, parent)
        self.station_id = station_id
        self.operator = operator  # () -> OperatorContext
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(self.REFRESH_DELAY_MS)
        self._refresh.timeout.connect(self.load_newer)
        self._bus.on(ev.ConnectionStateChanged, self._station_event)
        self._bus.on(ev.StationChanged, self._station_event)
        self.fetchMore()

    def detach(self) -> None:
        super().detach()
        self._refresh.stop()

    async def load_page(self, before, limit):
        return (await self.services.history.network_log(self.operator(), self.station_id, before, limit)).items

    def display(self, row: StationEventRow, column: int):
        if column == COL_TIME:
            return display.local_time(row.at, self.zone)
        if column == COL_KIND:
            return KIND_LABELS.get(row.kind, row.kind)
        if column == COL_STATE:
            return display.connection_label(row.state) if row.kind == "network" else row.state
        if column == COL_DETAIL:
            return row.detail
        return None

    def sort_value(self, row: StationEventRow, column: int):
        return row.at.timestamp() if column == COL_TIME else self.display(row, column)

    def row_data(self, row: StationEventRow, role: int, column: int):
        if role == Roles.Status:
            return row.state
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_STATE and row.kind == "network":
            return display.QColor(display.CONNECTION_STATE_COLOURS.get(row.state, "#000000"))
        return None

    def _station_event(self, event) -> None:
        if event.station_id == self.station_id:
            self._refresh.start()

    def load_newer(self) -> None:
        if self._loading:  # a page is on its way; look again once it is in
            self._refresh.start()
            return
        newest = (self._rows[0].at, self._rows[0].id) if self._rows else None
        run_task(
            self.services.history.network_since(self.operator(), self.station_id, newest),
            on_done=lambda rows: self.prepend_live(list(reversed(rows))),
            owner=self, what="reading the network log",
        )
