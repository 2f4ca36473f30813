"""Lists paged from the store by offset, in the order the core query gives (by name, by uid).

`OffsetPagedModel` loads the first page when asked (`reload()`), the next one
whenever the view scrolls to the end (`canFetchMore`/`fetchMore`), and applies
live changes as row inserts, changes and removals: `apply_rows(rows, gone)` puts a
changed row where the query order would have it (when that place is loaded) and
drops rows that no longer match the filter. A small list that is not paged uses
`ListTableModel` (whole list replaced by diff, never by a reset).
"""

from __future__ import annotations

import bisect
from collections.abc import Coroutine
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from evdesk.gui.asyncutil import run_task, task_failures
from evdesk.gui.coalesce import Coalescer
from evdesk.gui.models.base import BusListener, Index, Roles
from evdesk.gui.translations.columns import column_title


class RowTableModel(QAbstractTableModel):
    """Shared by the table models here: rows are frozen dataclasses with an `id` (or another
    identity, named by `key_of`)."""

    columns: tuple[str, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Any] = []

    # -- to override ---------------------------------------------------------------
    def display(self, row: Any, column: int) -> Any:
        raise NotImplementedError

    def key_of(self, row: Any) -> Any:
        return row.id

    def row_data(self, row: Any, role: int, column: int) -> Any:
        return None

    def header(self, section: int) -> str:
        return self.columns[section]

    # -- the Qt model ----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.columns):
            return column_title(self.header(section))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self.columns):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, index.column())
        if role == Roles.RowData:
            return row
        if role == Roles.RowId:
            return self.key_of(row)
        if role == Roles.SortValue:
            value = self.display(row, index.column())
            return value.casefold() if isinstance(value, str) else value
        return self.row_data(row, role, index.column())

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_of(self, row_id) -> int:
        return next((i for i, r in enumerate(self._rows) if self.key_of(r) == row_id), -1)

    def _remove(self, i: int) -> None:
        self.beginRemoveRows(QModelIndex(), i, i)
        del self._rows[i]
        self.endRemoveRows()

    def _insert(self, i: int, row: Any) -> None:
        self.beginInsertRows(QModelIndex(), i, i)
        self._rows.insert(i, row)
        self.endInsertRows()

    def _changed(self, i: int) -> None:
        self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.columns) - 1))


class ListTableModel(RowTableModel):
    def set_rows(self, rows: list[Any]) -> None:
        """Apply a fresh list as removals, changes and appends (never a reset)."""
        key_of = self.key_of
        fresh = {key_of(r): r for r in rows}
        for i in range(len(self._rows) - 1, -1, -1):
            if key_of(self._rows[i]) not in fresh:
                self._remove(i)
        known = {key_of(r): i for i, r in enumerate(self._rows)}
        for row in rows:
            i = known.get(key_of(row))
            if i is None:
                self._insert(len(self._rows), row)
            elif self._rows[i] != row:
                self._rows[i] = row
                self._changed(i)


class OffsetPagedModel(RowTableModel):
    """Subclasses define `load_page(offset, limit)`, `load_count()`, `sort_key(row)`, `matches(row)`."""

    page_size = 200
    totalChanged = Signal(int)  # rows matching the filter in the store

    def __init__(self, parent=None):
        super().__init__(parent)
        self._exhausted = True  # nothing to fetch before the first reload()
        self._loading = False
        self._generation = 0
        self.total: int | None = None

    def load_page(self, offset: int, limit: int) -> Coroutine[Any, Any, list]:
        raise NotImplementedError

    def load_count(self) -> Coroutine[Any, Any, int]:
        raise NotImplementedError

    def sort_key(self, row: Any) -> tuple:
        raise NotImplementedError

    def matches(self, row: Any) -> bool:
        return True

    # -- paging --------------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        self._loading = True
        generation = self._generation
        run_task(self.load_page(len(self._rows), self.page_size), on_done=lambda rows: self._append(rows, generation),
                 on_error=lambda exc: self._failed(exc, generation), owner=self, what=f"loading {type(self).__name__}")

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def exhausted(self) -> bool:
        return self._exhausted

    def reload(self) -> None:
        """Start over (the filter changed, or a bulk import): the one place that resets."""
        self._generation += 1
        self.beginResetModel()
        self._rows.clear()
        self._exhausted = False
        self._loading = False
        self.endResetModel()
        self.fetchMore()
        self.recount()

    def _counted(self, n: int, generation: int) -> None:
        if generation == self._generation:
            self.total = n
            self.totalChanged.emit(n)

    def _append(self, rows: list, generation: int) -> None:
        if generation != self._generation:
            return
        self._loading = False
        if len(rows) < self.page_size:
            self._exhausted = True
        known = {r.id for r in self._rows}
        fresh = [r for r in rows if r.id not in known]
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._rows.extend(fresh)
            self.endInsertRows()

    def _failed(self, exc: BaseException, generation: int) -> None:
        if generation == self._generation:
            self._loading = False
            self._exhausted = True  # a reload retries
        task_failures.failed.emit(f"loading {type(self).__name__}", str(exc))

    # -- live changes ------------------------------------------------------------------
    def apply_rows(self, rows: list[Any], gone: list[Any] = ()) -> None:
        """Fresh versions of rows (new or changed) and ids of rows that no longer exist."""
        for row_id in gone:
            i = self.row_of(row_id)
            if i >= 0:
                self._remove(i)
        for row in rows:
            i = self.row_of(row.id)
            if not self.matches(row):
                if i >= 0:
                    self._remove(i)
                continue
            if i >= 0:
                neighbours_ok = (i == 0 or self.sort_key(self._rows[i - 1]) <= self.sort_key(row)) and (
                    i == len(self._rows) - 1 or self.sort_key(row) <= self.sort_key(self._rows[i + 1]))
                if neighbours_ok:
                    self._rows[i] = row
                    self._changed(i)
                    continue
                self._remove(i)
            keys = [self.sort_key(r) for r in self._rows]
            at = bisect.bisect_left(keys, self.sort_key(row))
            if at < len(self._rows) or self._exhausted:
                self._insert(at, row)
        self.recount()

    def recount(self) -> None:
        generation = self._generation
        run_task(self.load_count(), on_done=lambda n: self._counted(n, generation), owner=self,
                 what=f"counting {type(self).__name__}")


class LiveFilteredPagedModel(OffsetPagedModel):
    """A paged list with a text and a status filter that follows the core's events.

    Subclasses subscribe `self.bus_listener` to what concerns them and call
    `refresh(ids)` with the rows an event touched; bursts are read back together
    through `load_rows(ids)`, which returns `(rows still there, ids gone)`.
    """

    def __init__(self, services, parent=None):
        super().__init__(parent)
        self.services = services
        self.text = ""
        self.status: str | None = None
        self._pending: set = set()
        self._refresh = Coalescer(self._refresh_pending, 150, self)
        self.bus_listener = BusListener(self, services.bus)

    def load_rows(self, ids: list) -> Coroutine[Any, Any, tuple[list, list]]:
        raise NotImplementedError

    def detach(self) -> None:
        self.bus_listener.detach()
        self._refresh.stop()

    def set_filter(self, text: str = "", status: str | None = None) -> None:
        self.text, self.status = text.strip(), status or None
        self.reload()

    def refresh(self, ids) -> None:
        if ids:
            self._pending.update(ids)
            self._refresh.poke()

    def flush(self) -> None:
        """Read back what is waiting now (tests, and before acting on a row)."""
        self._refresh.flush()

    def _refresh_pending(self) -> None:
        ids, self._pending = list(self._pending), set()
        if ids:
            run_task(self.load_rows(ids), on_done=lambda result: self.apply_rows(*result), owner=self,
                     what="refreshing the list")
