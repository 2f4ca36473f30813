"""One station's configuration keys as last read from it, and the configuration editor's
state: key, value, read-only, fetched at (in the site's zone, named in the header), the
outcome of the last change per key, and another station's value to compare with.

Editing (the manual's rules, 000 l.416-426): values become editable only once the editor
says so (`set_editable`: after a Refresh read the keys from the station in this view, and
for an operator who may send commands); read-only keys and keys the station does not know
never are, and are greyed. An edit is checked against the OCPP 1.6 standard key's type
(`core/ocpp16_keys.py`) at once: a wrong value is not kept and its message shows in the
Outcome column next to it; a good one waits as a pending change until the editor applies
it through the command API (`set_outcome` then records what the station answered).

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
from PySide6.QtGui import QColor, QFont

from evdesk.core import events as ev
from evdesk.core.errors import ValidationError
from evdesk.core.ocpp16_keys import check_value, standard_key
from evdesk.core.permissions import OperatorContext
from evdesk.gui import display
from evdesk.gui.asyncutil import run_task
from evdesk.gui.coalesce import Coalescer
from evdesk.gui.models.base import BusListener, Index, Roles, ZoneFollower, redraw_columns
from evdesk.gui.models.paged_table import ListTableModel

COLUMNS = ("Key", "Value", "Read-only", "Fetched at", "Outcome", "Compared station")
COL_KEY, COL_VALUE, COL_READONLY, COL_FETCHED, COL_OUTCOME, COL_OTHER = range(len(COLUMNS))
GREY, PENDING_BG, DIFFERENT_BG = QColor("#9e9e9e"), QColor("#fff3c4"), QColor("#e3f2fd")
OUTCOME_COLOURS = {"Accepted": QColor("#2e7d32"), "RebootRequired": QColor("#ef6c00")}
FAILED = QColor("#c62828")
# ChangeConfiguration's statuses in words; a refusal is the manual's "Charging point configuration error." (000 l.1217)
CONFIG_ERROR = "Charging point configuration error."
OUTCOME_WORDS = {
    "Accepted": "Accepted",
    "RebootRequired": "Accepted — the station applies it after a reset",
    "Rejected": f"Rejected. {CONFIG_ERROR}",
    "NotSupported": f"Not supported. {CONFIG_ERROR}",
}
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
        self.editable = False
        self.pending: dict[str, str] = {}  # key -> value waiting to be sent
        self.errors: dict[str, str] = {}  # key -> why the typed value was not kept
        self.outcomes: dict[str, tuple[str, str]] = {}  # key -> (status, words) of the last change sent
        self.other: dict[str, Any] | None = None  # key -> the compared station's row
        self.other_name = ""
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

    def row_at(self, i: int):
        return self._rows[i]

    def last_fetched(self) -> datetime | None:
        times = [r.fetched_at for r in self._rows if r.fetched_at is not None]
        return max(times) if times else None

    # -- showing ---------------------------------------------------------------------
    def header(self, section: int) -> str:
        if section == COL_OTHER and self.other_name:
            return self.other_name
        return display.time_header(COLUMNS[section], self.zone) if section == COL_FETCHED else COLUMNS[section]

    # -- editing ---------------------------------------------------------------------
    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        if self._rows:
            self.dataChanged.emit(self.index(0, COL_VALUE), self.index(len(self._rows) - 1, COL_VALUE))

    def can_edit(self, row) -> bool:
        return self.editable and self.known(row) and not row.readonly

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == COL_VALUE and self.can_edit(self._rows[index.row()]):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != COL_VALUE:
            return False
        row = self._rows[index.row()]
        if not self.can_edit(row):
            return False
        ok = self.edit(row.key, "" if value is None else str(value))
        return ok

    def edit(self, key: str, text: str) -> bool:
        """Check and keep a new value for `key` as a pending change; False (and the reason in
        `errors`) when its type refuses it. Typing the stored value again drops the change."""
        i = self.row_of(key)
        if i < 0:
            return False
        row = self._rows[i]
        if not self.known(row) or row.readonly:
            return False  # read-only and unknown keys are never changed
        try:
            value = check_value(key, text)
        except ValidationError as exc:
            self.errors[key] = str(exc)
            self._changed(i)
            return False
        self.errors.pop(key, None)
        self.outcomes.pop(key, None)
        if value == (row.value or ""):
            self.pending.pop(key, None)
        else:
            self.pending[key] = value
        self._changed(i)
        return True

    def discard_changes(self) -> None:
        keys = set(self.pending) | set(self.errors)
        self.pending.clear()
        self.errors.clear()
        for key in keys:
            if (i := self.row_of(key)) >= 0:
                self._changed(i)

    def set_outcome(self, key: str, status: str, words: str) -> None:
        """What the station answered to the change of `key` (status: Accepted, RebootRequired,
        Rejected, NotSupported, or evdesk's offline / timeout / error)."""
        self.outcomes[key] = (status, words)
        if status in ("Accepted", "RebootRequired"):
            self.pending.pop(key, None)
        if (i := self.row_of(key)) >= 0:
            self._changed(i)

    # -- comparing -------------------------------------------------------------------
    def set_other(self, name: str, rows: list | None) -> None:
        self.other_name = name if rows is not None else ""
        self.other = None if rows is None else {r.key.lower(): r for r in rows}
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, COL_OTHER, COL_OTHER)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    def differs(self, row) -> bool:
        if self.other is None:
            return False
        theirs = self.other.get(row.key.lower())
        return theirs is None or (theirs.value or "") != (row.value or "") or not self.known(theirs)

    @staticmethod
    def known(row) -> bool:
        return getattr(row, "known", True)  # rows of a core without that flag are all known

    def display(self, row, column: int):
        if column == COL_KEY:
            return row.key
        if column == COL_VALUE:
            if not self.known(row):
                return "not known to the station"
            if row.key in self.pending:
                return self.pending[row.key]
            return "" if row.value is None else str(row.value)
        if column == COL_READONLY:
            return "Yes" if row.readonly else "No"
        if column == COL_FETCHED:
            return display.local_time(row.fetched_at, self.zone)
        if column == COL_OUTCOME:
            if row.key in self.errors:
                return self.errors[row.key]
            if row.key in self.outcomes:
                return self.outcomes[row.key][1]
            return "Not sent yet" if row.key in self.pending else ""
        if column == COL_OTHER:
            if self.other is None:
                return ""
            theirs = self.other.get(row.key.lower())
            if theirs is None or not self.known(theirs):
                return "—"
            return "" if theirs.value is None else str(theirs.value)
        return None

    def row_data(self, row, role: int, column: int):
        if role == Qt.ItemDataRole.EditRole and column == COL_VALUE:
            return self.display(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_OUTCOME:
                if row.key in self.errors:
                    return FAILED
                if row.key in self.outcomes:
                    return OUTCOME_COLOURS.get(self.outcomes[row.key][0], FAILED)
            if not self.known(row) or row.readonly:
                return GREY  # "Grayed settings are read-only settings." (000 l.420)
        if role == Qt.ItemDataRole.BackgroundRole:
            if column == COL_VALUE and row.key in self.pending:
                return PENDING_BG
            if column in (COL_VALUE, COL_OTHER) and self.differs(row):
                return DIFFERENT_BG
        if role == Qt.ItemDataRole.FontRole and column == COL_VALUE and row.key in self.pending:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if not self.known(row):
                return "The station said it does not know this key, or stopped reporting it."
            if column == COL_KEY:
                standard = standard_key(row.key)
                return standard.describe() if standard else "A vendor-specific key: evdesk checks only its length."
            if column == COL_VALUE and row.value:
                return str(row.value)
            if column == COL_OUTCOME:
                return self.display(row, column) or None
            if column == COL_READONLY and row.readonly:
                return "The station does not let this key be changed."
        return None


class StationConfigFilterProxy(QSortFilterProxyModel):
    """Find a key or a value; optionally only the keys that differ from the compared station."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._text = ""
        self.only_differences = False
        self.setSortRole(Roles.SortValue)

    def set_only_differences(self, on: bool) -> None:
        self.beginFilterChange()
        self.only_differences = on
        self.endFilterChange()

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if self.only_differences and model.other is not None and not model.differs(model.row_at(source_row)):
            return False
        if not self._text:
            return True
        return any(self._text in (model.index(source_row, c, source_parent).data() or "").casefold()
                   for c in (COL_KEY, COL_VALUE))
