"""What every evdesk item model shares: custom roles, bus subscriptions, paged logs.

Logs (event feed, communication, actions, network) are shown newest first. A
`PagedLogModel` loads one page from the store when created and the next older
page whenever the view asks (`canFetchMore`/`fetchMore`): the query runs on the
database worker and its rows are inserted when the result comes back, so a long
history never blocks the window. Live rows are inserted at the top as row
inserts, never by resetting the model.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from enum import IntEnum
from typing import Any

import shiboken6
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from evdesk.core import events as ev
from evdesk.core.events import EventBus
from evdesk.core.reads import DEFAULT_PAGE_SIZE, Cursor
from evdesk.gui import display
from evdesk.gui.asyncutil import run_task
from evdesk.gui.translations.columns import column_title

Index = QModelIndex | QPersistentModelIndex


class Roles(IntEnum):
    RowData = Qt.ItemDataRole.UserRole + 1  # the dataclass / StationInfo behind a row
    RowId = Qt.ItemDataRole.UserRole + 2  # UUID of the row
    SortValue = Qt.ItemDataRole.UserRole + 3  # what the column sorts by (times, numbers)
    Status = Qt.ItemDataRole.UserRole + 4  # OCPP status / outcome / connection state code
    ErrorCode = Qt.ItemDataRole.UserRole + 5
    Registration = Qt.ItemDataRole.UserRole + 6
    ConnectorStatuses = Qt.ItemDataRole.UserRole + 7  # [(connector id, status)]
    SearchText = Qt.ItemDataRole.UserRole + 8


class BusListener:
    """Subscriptions of one Qt object, dropped when it is deleted or `detach()`ed.

    A listener of a deleted object is skipped: the bus would otherwise call into a
    C++ object that no longer exists.
    """

    def __init__(self, owner, bus: EventBus):
        self._owner = owner
        self._bus = bus
        self._unsubscribe: list[Callable[[], None]] = []
        unsubscribe = self._unsubscribe  # the closure must not hold the owner
        owner.destroyed.connect(lambda *_: [u() for u in unsubscribe])

    def on(self, event_type: type, handler: Callable[[Any], None]) -> None:
        owner = self._owner

        def guarded(event, handler=handler):
            if shiboken6.isValid(owner):
                handler(event)

        self._unsubscribe.append(self._bus.subscribe(event_type, guarded))

    def detach(self) -> None:
        while self._unsubscribe:
            self._unsubscribe.pop()()


class ZoneFollower:
    """Calls `changed()` when the site's time zone changes: a `SiteSettingsChanged` whose
    settings name another zone (the settings object is updated before the event)."""

    def __init__(self, listener: BusListener, settings, changed: Callable[[], None]):
        self._settings = settings
        self._name = settings.site_timezone
        self._changed = changed
        listener.on(ev.SiteSettingsChanged, self._settings_changed)

    def _settings_changed(self, _event) -> None:
        if self._settings.site_timezone != self._name:
            self._name = self._settings.site_timezone
            self._changed()


def redraw_columns(model: QAbstractTableModel, columns) -> None:
    """Every row of `columns` (and their headers) shows something new: say so, without a reset."""
    rows = model.rowCount()
    for column in columns:
        model.headerDataChanged.emit(Qt.Orientation.Horizontal, column, column)
        if rows:
            model.dataChanged.emit(model.index(0, column), model.index(rows - 1, column))


class PagedLogModel(QAbstractTableModel):
    """A newest-first log, paged in from the store on demand. Subclasses define
    `columns`, `load_page(before, limit)` (a coroutine) and `display(row, column)`.

    Its times are shown in the site's zone (`self.zone`), and the time column's header
    says which; when the zone changes, that column is redrawn at once."""

    columns: tuple[str, ...] = ()
    page_size = DEFAULT_PAGE_SIZE
    time_column = 0  # its header names the zone; in full (with the abbreviation) as tooltip

    def __init__(self, services, parent=None):
        super().__init__(parent)
        self.services = services
        self._bus = BusListener(self, services.bus)
        self._zone = ZoneFollower(self._bus, services.settings, self.zone_changed)
        self._rows: list[Any] = []
        self._ids: set[Any] = set()
        self._exhausted = False
        self._loading = False
        # bumped on reload so a page requested for the old query is dropped
        self._generation = 0

    @property
    def zone(self):
        return display.zone_of(self.services.settings)

    def zone_changed(self) -> None:
        redraw_columns(self, [self.time_column])

    def detach(self) -> None:
        """Stop listening (the view is closing)."""
        self._bus.detach()

    # -- to override -----------------------------------------------------------------
    def load_page(self, before: Cursor | None, limit: int) -> Coroutine[Any, Any, list]:
        raise NotImplementedError

    def display(self, row: Any, column: int) -> Any:
        raise NotImplementedError

    def row_time(self, row: Any):
        return row.at

    def sort_value(self, row: Any, column: int) -> Any:
        return self.display(row, column)

    def row_data(self, row: Any, role: int, column: int) -> Any:
        """Extra roles (colours, tooltips) for subclasses."""
        return None

    def accepts_live(self, row: Any) -> bool:
        return True

    # -- the Qt model --------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                if section == self.time_column:
                    return display.time_header(self.columns[section], self.zone)
                return column_title(self.columns[section])
            if role == Qt.ItemDataRole.ToolTipRole and self.time_column == section:
                return f"Local time, {display.zone_name(self.zone)}"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == Roles.RowData:
            return row
        if role == Roles.RowId:
            return row.id
        if role == Roles.SortValue:
            return self.sort_value(row, column)
        return self.row_data(row, role, column)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        self._loading = True
        generation = self._generation
        before = (self.row_time(self._rows[-1]), self._rows[-1].id) if self._rows else None
        run_task(
            self.load_page(before, self.page_size),
            on_done=lambda rows: self._append_page(rows, generation),
            on_error=lambda exc: self._page_failed(exc, generation),
            owner=self,
            what=f"loading {type(self).__name__}",
        )

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def exhausted(self) -> bool:
        return self._exhausted

    def rows(self) -> list[Any]:
        return list(self._rows)

    # -- loading -------------------------------------------------------------------
    def reload(self) -> None:
        """Start over (the query changed, e.g. another day): the one place that resets."""
        self._generation += 1
        self.beginResetModel()
        self._rows.clear()
        self._ids.clear()
        self._exhausted = False
        self._loading = False
        self.endResetModel()
        self.fetchMore()

    def _append_page(self, rows: list, generation: int) -> None:
        if generation != self._generation:
            return
        self._loading = False
        if len(rows) < self.page_size:
            self._exhausted = True
        fresh = [r for r in rows if r.id not in self._ids]
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._rows.extend(fresh)
            self._ids.update(r.id for r in fresh)
            self.endInsertRows()

    def _page_failed(self, exc: BaseException, generation: int) -> None:
        if generation == self._generation:
            self._loading = False
            self._exhausted = True  # do not hammer a failing store; a reload retries
        from evdesk.gui.asyncutil import task_failures

        task_failures.failed.emit(f"loading {type(self).__name__}", str(exc))

    # -- live rows -----------------------------------------------------------------
    def prepend_live(self, rows: list) -> None:
        """Insert rows that just happened at the top (newest first in `rows`)."""
        fresh = [r for r in rows if r.id not in self._ids and self.accepts_live(r)]
        if not fresh:
            return
        self.beginInsertRows(QModelIndex(), 0, len(fresh) - 1)
        self._rows[0:0] = fresh
        self._ids.update(r.id for r in fresh)
        self.endInsertRows()

    def replace_row(self, row: Any) -> bool:
        """Swap in a newer version of a row already shown; False when it is not shown."""
        if row.id not in self._ids:
            return False
        for i, old in enumerate(self._rows):
            if old.id == row.id:
                self._rows[i] = row
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.columns) - 1))
                return True
        return False
