"""A station's hardware status log and its diagnostics requests, newest first, paged."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor

from evdesk.core import events as ev
from evdesk.core.firmware.diagnostics import DiagnosticsRow
from evdesk.core.firmware.logs import HardwareStatusRow
from evdesk.gui import display
from evdesk.gui.models.base import PagedLogModel, Roles
from evdesk.gui.models.firmware_models import size_text

H_TIME, H_SOURCE, H_CONNECTOR, H_STATUS, H_ERROR, H_VENDOR, H_INFO = range(7)
D_TIME, D_BY, D_OVER, D_STATE, D_FILE, D_SIZE, D_DETAIL = range(7)


class _Reloading(PagedLogModel):
    """Re-read from the top a little after a change is announced (rows reach the store in batches)."""

    REFRESH_DELAY_MS = 800

    def __init__(self, services, station_id, operator, parent=None):
        super().__init__(services, parent)
        self.station_id = station_id
        self.operator = operator  # () -> OperatorContext
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(self.REFRESH_DELAY_MS)
        self._refresh.timeout.connect(self.reload)

    def detach(self) -> None:
        super().detach()
        self._refresh.stop()

    def poke(self, event) -> None:
        if getattr(event, "station_id", None) == self.station_id:
            self._refresh.start()


class HardwareLogModel(_Reloading):
    columns = ("Time", "Source", "Connector", "Status", "Error code", "Vendor", "Info")
    time_column = H_TIME

    def __init__(self, services, station_id, operator, parent=None):
        super().__init__(services, station_id, operator, parent)
        self._bus.on(ev.StatusEventRecorded, self.poke)
        self._bus.on(ev.TransferProgress, self.poke)
        self.fetchMore()

    async def load_page(self, before, limit):
        return (await self.services.firmware.hardware.rows(self.operator(), self.station_id, before, limit)).items

    def display(self, row: HardwareStatusRow, column: int):
        if column == H_TIME:
            return display.local_time(row.at, self.zone)
        vendor = " ".join(p for p in (row.vendor_id, row.vendor_error_code) if p)
        return (None, "Firmware" if row.source == "firmware" else "Status notification",
                "" if row.source == "firmware" else ("Station" if row.connector_id == 0 else str(row.connector_id)),
                row.status, row.error_code if row.error_code != "NoError" else "", vendor, row.info)[column]

    def sort_value(self, row: HardwareStatusRow, column: int):
        return row.at.timestamp() if column == H_TIME else self.display(row, column)

    def row_data(self, row: HardwareStatusRow, role: int, column: int):
        if role == Roles.Status:
            return row.status
        if role == Qt.ItemDataRole.ForegroundRole and (row.status in ("Faulted", "DownloadFailed", "InstallationFailed")
                                                        or row.error_code not in ("", "NoError")):
            return QColor("#c62828")
        return None


class DiagnosticsLogModel(_Reloading):
    columns = ("Requested", "By", "Over", "State", "File", "Size", "Detail")
    time_column = D_TIME

    def __init__(self, services, station_id, operator, parent=None):
        super().__init__(services, station_id, operator, parent)
        self._refresh.setInterval(100)  # these rows are written directly, not batched
        self._bus.on(ev.FirmwareRolloutChanged, self.poke)
        self.fetchMore()

    def row_time(self, row: DiagnosticsRow):
        return row.requested_at

    async def load_page(self, before, limit):
        return (await self.services.firmware.diagnostics.requests(self.operator(), self.station_id, before,
                                                                  limit)).items

    def display(self, row: DiagnosticsRow, column: int):
        if column == D_TIME:
            return display.local_time(row.requested_at, self.zone)
        return (None, row.requested_by, row.protocol.upper(), row.label, row.file_name,
                "" if row.size is None else size_text(row.size), row.detail)[column]

    def sort_value(self, row: DiagnosticsRow, column: int):
        return row.requested_at.timestamp() if column == D_TIME else self.display(row, column)

    def row_data(self, row: DiagnosticsRow, role: int, column: int):
        if role == Roles.Status:
            return row.state
        if role == Qt.ItemDataRole.ForegroundRole and column == D_STATE:
            colour = {"received": "#2e7d32", "requested": "#1565c0", "Uploading": "#1565c0",
                      "Uploaded": "#1565c0"}.get(row.state, "#c62828")
            return QColor(colour)
        return None
