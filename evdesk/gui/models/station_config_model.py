"""One station's configuration keys as last read from it: key, value, read-only, fetched at
(in the site's zone, named in the header). Read-only here: keys are changed with the
"Change configuration…" command, and read again with "Refresh configuration…".

Rows come from the core's read method `configuration_keys(ctx, station_id)` (rows with
`key`, `value`, `readonly`, `fetched_at` and, where the core says so, `known`); the model
takes that method as `read_keys`, so it does not care where the core keeps it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any
from uuid import UUID

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor

from evdesk.core import events as ev
from evdesk.core.permissions import OperatorContext
from evdesk.gui import display
from evdesk.gui.asyncutil import run_task
from evdesk.gui.coalesce import Coalescer
from evdesk.gui.models.base import BusListener, Index, Roles, ZoneFollower, redraw_columns
from evdesk.gui.models.paged_table import ListTableModel

COLUMNS = ("Key", "Value", "Read-only", "Fetched at")
COL_KEY, COL_VALUE, COL_READONLY, COL_FETCHED = range(len(COLUMNS))
CONFIGURATION_ACTIONS = ("GetConfiguration", "ChangeConfiguration")
# the answer is stored right after the action's outcome is logged: read a little later
AFTER_ACTION_MS = 700

ReadKeys = Callable[[OperatorContext, UUID], Awaitable[list[Any]]]


class StationConfigModel(ListTableModel):
    columns = COLUMNS
    loaded = Signal()  # rows (re)read; `problem` says why not, if they could not be
    problem: str = ""

    def __init__(self, services, station_id: UUID, read_keys: ReadKeys, operator: Callable[[], OperatorContext],
                 parent=None):
        super().__init__(parent)
        self.services = services
        self.station_id = station_id
        self._read_keys = read_keys
        self._operator = operator
        self.read_once = False
        self._bus = BusListener(self, services.bus)
        ZoneFollower(self._bus, services.settings, lambda: redraw_columns(self, [COL_FETCHED]))
        self._after_action = Coalescer(self.reload, AFTER_ACTION_MS, self)
        self._bus.on(ev.ActionLogged, self._action_logged)

    def detach(self) -> None:
        self._bus.detach()
        self._after_action.stop()

    @property
    def zone(self):
        return display.zone_of(self.services.settings)

    def key_of(self, row) -> str:
        return row.key

    # -- reading ---------------------------------------------------------------------
    def reload(self) -> None:
        run_task(self._read_keys(self._operator(), self.station_id), on_done=self._loaded, on_error=self._failed,
                 owner=self, what="reading the station's configuration keys")

    def _loaded(self, rows) -> None:
        self.problem = ""
        self.read_once = True
        self.set_rows(list(rows))
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        self.problem = str(exc) or type(exc).__name__
        self.read_once = True
        self.loaded.emit()

    def _action_logged(self, event: ev.ActionLogged) -> None:
        # a refresh or a change made elsewhere (another dialog, the API) shows here too
        if event.station_id == self.station_id and event.action in CONFIGURATION_ACTIONS and event.outcome != "pending":
            self._after_action.poke()

    def last_fetched(self) -> datetime | None:
        times = [r.fetched_at for r in self._rows if r.fetched_at is not None]
        return max(times) if times else None

    # -- showing ---------------------------------------------------------------------
    def header(self, section: int) -> str:
        return display.time_header(COLUMNS[section], self.zone) if section == COL_FETCHED else COLUMNS[section]

    @staticmethod
    def known(row) -> bool:
        return getattr(row, "known", True)  # rows of a core without that flag are all known

    def display(self, row, column: int):
        if column == COL_KEY:
            return row.key
        if column == COL_VALUE:
            if not self.known(row):
                return "not known to the station"
            return "" if row.value is None else str(row.value)
        if column == COL_READONLY:
            return "Yes" if row.readonly else "No"
        if column == COL_FETCHED:
            return display.local_time(row.fetched_at, self.zone)
        return None

    def row_data(self, row, role: int, column: int):
        if role == Qt.ItemDataRole.ForegroundRole and not self.known(row):
            return QColor("#9e9e9e")
        if role == Qt.ItemDataRole.ToolTipRole:
            if not self.known(row):
                return "The station said it does not know this key, or stopped reporting it."
            if column == COL_VALUE and row.value:
                return str(row.value)
            if column == COL_READONLY and row.readonly:
                return "The station does not let this key be changed."
        return None


class StationConfigFilterProxy(QSortFilterProxyModel):
    """Find a key or a value."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._text = ""
        self.setSortRole(Roles.SortValue)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._text:
            return True
        model = self.sourceModel()
        return any(self._text in (model.index(source_row, c, source_parent).data() or "").casefold()
                   for c in (COL_KEY, COL_VALUE))
