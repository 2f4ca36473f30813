"""The station's event feed: its StatusNotifications for one day, newest first."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from uuid import UUID

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt

from evdesk.core import events as ev
from evdesk.core.reads.history import StatusEventRow, status_event_from
from evdesk.gui import display
from evdesk.gui.models.base import Index, PagedLogModel, Roles

COL_INFO, COL_CONNECTOR, COL_STATUS, COL_ERROR, COL_TIME = range(5)


def day_bounds(day: date, zone) -> tuple[datetime, datetime]:
    """A local calendar day as a UTC-comparable [start, end) (23 or 25 hours on DST days)."""
    start = datetime.combine(day, time.min, tzinfo=zone)
    end = datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone)
    return start, end


class EventFeedModel(PagedLogModel):
    columns = ("Info", "Charging point", "Status", "Error type", "Date & time")
    time_column = COL_TIME

    def __init__(self, services, station_id: UUID, operator, day: date | None = None, parent=None):
        super().__init__(services, parent)
        self.station_id = station_id
        self.operator = operator  # () -> OperatorContext: the reads check the station is in their domain
        self.day = day or datetime.now(self.zone).date()
        self._bus.on(ev.StatusEventRecorded, self._recorded)
        self.fetchMore()

    def zone_changed(self) -> None:
        # a day in another zone covers other hours: read the day again
        super().zone_changed()
        self.reload()

    def set_day(self, day: date) -> None:
        if day != self.day:
            self.day = day
            self.reload()

    async def load_page(self, before, limit):
        start, end = day_bounds(self.day, self.zone)
        page = await self.services.history.event_feed(self.operator(), self.station_id, start, end, before, limit)
        return page.items

    def row_time(self, row: StatusEventRow):
        return row.timestamp

    def display(self, row: StatusEventRow, column: int):
        if column == COL_INFO:
            return row.info or QCoreApplication.translate("EventFeedModel", "Status update")
        if column == COL_CONNECTOR:
            return (QCoreApplication.translate("EventFeedModel", "Charging point #0 (station)") if row.connector_id == 0
                    else QCoreApplication.translate("EventFeedModel", "Charging point #{number}").format(number=row.connector_id))
        if column == COL_STATUS:
            return row.status
        if column == COL_ERROR:
            text = display.error_code_label(row.error_code)
            return f"{text} ({row.vendor_error_code})" if row.vendor_error_code else text
        if column == COL_TIME:
            return display.local_time(row.timestamp, self.zone)
        return None

    def sort_value(self, row: StatusEventRow, column: int):
        if column == COL_TIME:
            return row.timestamp.timestamp()
        if column == COL_CONNECTOR:
            return row.connector_id
        return self.display(row, column)

    def row_data(self, row: StatusEventRow, role: int, column: int):
        if role == Roles.Status:
            return row.status
        if role == Roles.ErrorCode:
            return row.error_code
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_STATUS:
                return display.status_colour(row.status)
            if column == COL_ERROR and row.error_code != "NoError":
                return display.status_colour("Faulted")
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_TIME:
            return f"Received {display.local_time(row.received_at, self.zone)}"
        return None

    def accepts_live(self, row: StatusEventRow) -> bool:
        start, end = day_bounds(self.day, self.zone)
        return start <= row.timestamp < end

    def _recorded(self, event: ev.StatusEventRecorded) -> None:
        if event.station_id == self.station_id:
            self.prepend_live([status_event_from(event.row)])


class EventFeedFilterProxy(QSortFilterProxyModel):
    """The OCPP status and error-type pickers above the feed."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._status: str | None = None
        self._error_code: str | None = None
        self.setSortRole(Roles.SortValue)

    def set_status(self, status: str | None) -> None:
        self.beginFilterChange()
        self._status = status or None
        self.endFilterChange()

    def set_error_code(self, code: str | None) -> None:
        self.beginFilterChange()
        self._error_code = code or None
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        if self._status and index.data(Roles.Status) != self._status:
            return False
        if self._error_code and index.data(Roles.ErrorCode) != self._error_code:
            return False
        return True
