"""The charging-points overview table: one row per charging point, paged in as the view scrolls
(`fetchMore`), in the order the read service gives (`core/reads/overview.py`).

Status changes update the rows shown in place (a coalescer reads the changed stations' points
again a few times a second); they do not move rows: the order is the one of the last read, so
a row never jumps away under the operator's pointer. Refresh (or a new sort or filter) reads
the order again.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from evdesk.core import events as ev
from evdesk.core.reads import point_states as sm
from evdesk.core.reads.overview import OverviewFilter, PointRow
from evdesk.gui import display
from evdesk.gui.asyncutil import run_task
from evdesk.gui.coalesce import Coalescer
from evdesk.gui.models.base import BusListener
from evdesk.gui.models.paged_table import OffsetPagedModel
from evdesk.gui.widgets.status_donut import POINT_COLOURS

# (key, header, the read service's sort or None, shown by default)
COLUMNS = (
    ("station", "Station", "station", True),
    ("identity", "Identifier", None, True),
    ("connector", "Connector", None, True),
    ("group", "Charging group", "group", True),
    ("status", "Status", "status", True),
    ("detail", "Detail status", "detail", True),
    ("unavailable_since", "Unavailable since", "unavailable_since", True),
    ("error_rate", "Error rate (30 days)", "error_rate", True),
    ("sessions", "Sessions (30 days)", None, False),
    ("failed", "Failed sessions (30 days)", None, False),
    ("last_session", "Last session", "last_session", True),
    ("firmware", "Firmware", "firmware", True),
    ("vendor", "Manufacturer", None, False),
    ("model", "Model", "model", True),
)
COLUMN_KEYS = tuple(c[0] for c in COLUMNS)
LIVE_REFRESH_MS = 1000


class OverviewModel(OffsetPagedModel):
    columns = tuple(c[1] for c in COLUMNS)
    page_size = 300

    def __init__(self, services, operator, parent=None):
        super().__init__(parent)
        self.services = services
        self.operator = operator  # () -> OperatorContext
        self.filter = OverviewFilter()
        self._changed_stations: set = set()
        self._live = Coalescer(self._refresh_changed, LIVE_REFRESH_MS, self)
        self._bus = BusListener(self, services.bus)
        for event_type in (ev.ConnectorStatusChanged, ev.ConnectionStateChanged, ev.StationChanged):
            self._bus.on(event_type, self._station_event)

    def detach(self) -> None:
        self._bus.detach()
        self._live.stop()

    def set_filter(self, flt: OverviewFilter) -> None:
        self.filter = flt
        self.reload()

    # -- paging ---------------------------------------------------------------------------------------
    def load_page(self, offset: int, limit: int):
        return self.services.overview.page(self.operator(), self.filter, offset, limit)

    def load_count(self):
        return self.services.overview.count(self.operator(), self.filter)

    def sort_key(self, row: PointRow) -> tuple:
        return (self.row_of(row.id),)

    # -- live -----------------------------------------------------------------------------------------
    def _station_event(self, event) -> None:
        self._changed_stations.add(event.station_id)
        self._live.poke()

    def flush(self) -> None:
        self._live.flush()

    def _refresh_changed(self) -> None:
        ids, self._changed_stations = list(self._changed_stations), set()
        shown = {r.station_id for r in self._rows}
        ids = [i for i in ids if i in shown]
        if not ids:
            return
        # the same filter without the states: a point that left the chosen state still shows its new one
        flt = replace(self.filter, states=(), min_error_rate=None)
        run_task(self.services.overview.rows(self.operator(), flt, station_ids=ids), self._update_in_place,
                 owner=self, what="refreshing the overview")

    def _update_in_place(self, rows: list[PointRow]) -> None:
        fresh = {r.id: r for r in rows}
        for i, old in enumerate(self._rows):
            new = fresh.get(old.id)
            if new is not None and new != old:
                self._rows[i] = new
                self._changed(i)

    # -- cells ----------------------------------------------------------------------------------------
    def display(self, row: PointRow, column: int):
        key = COLUMN_KEYS[column]
        zone = display.zone_of(self.services.settings)
        if key == "station":
            return row.station_name
        if key == "identity":
            return row.identity
        if key == "connector":
            return str(row.connector_id)
        if key == "group":
            return row.group_name
        if key == "status":
            return row.state_label
        if key == "detail":
            return row.detail
        if key == "unavailable_since":
            return display.local_time(row.unavailable_since, zone, seconds=False)
        if key == "error_rate":
            return sm.percent_text(row.error_rate)
        if key == "sessions":
            return str(row.sessions_30d)
        if key == "failed":
            return str(row.failed_30d)
        if key == "last_session":
            return display.local_time(row.last_session, zone, seconds=False) or "never"
        if key == "firmware":
            return row.firmware
        if key == "vendor":
            return row.vendor
        if key == "model":
            return row.model
        return None

    def row_data(self, row: PointRow, role: int, column: int):
        key = COLUMN_KEYS[column]
        if role == Qt.ItemDataRole.DecorationRole and key == "status":
            return POINT_COLOURS[row.state]
        if role == Qt.ItemDataRole.ForegroundRole and key == "error_rate" and (row.error_rate or 0) >= 20:
            return QColor("#c62828")
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("error_rate", "sessions", "failed", "connector"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and key == "error_rate":
            return (f"{row.failed_30d} failed of {row.sessions_30d} sessions in the last 30 days"
                    if row.error_rate is not None else "No session here in the last 30 days")
        return None

    def header(self, section: int) -> str:
        key = COLUMN_KEYS[section]
        if key in ("unavailable_since", "last_session"):  # narrow columns: the zone on a second line
            return display.time_header(COLUMNS[section][1], display.zone_of(self.services.settings), two_lines=True)
        if key == "error_rate":
            return "Error rate\n(30 days)"
        return COLUMNS[section][1]
