"""What the list pages (charging users, tokens, operators, user groups) share.

A list page is a table of rows with a search field (filtered after a short pause in
typing, or at each keystroke where filtering is in memory), filter combos, the
selected row and the buttons that follow it, editor dialogs, confirmations before
anything destructive, and a state line that says what just happened. A subclass
sets up its form, calls `setup_table` / `setup_search` / `add_filter`, and fills in
`apply_filter`, `update_actions` and `edit_selected`.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QDialog, QHeaderView, QLabel, QLineEdit, QMessageBox

from evdesk.core.errors import EvdeskError
from evdesk.core.permissions import OperatorContext
from evdesk.gui.asyncutil import run_task
from evdesk.gui.models.base import Roles
from evdesk.gui.operator import operator_of
from evdesk.gui.pages.base import Page

SEARCH_DELAY_MS = 300  # typing pauses this long before a search goes to the store
DONE_STYLE, FAILED_STYLE = "color: #2e7d32;", "color: #c62828;"


class ListPage(Page):
    def __init__(self, services, operator: Callable[[], OperatorContext] | None = None, parent=None):
        super().__init__(parent)
        self.services = services
        # who acts: given by the window (a callable, asked at each use), else the widget's ancestors
        self.operator: Callable[[], OperatorContext] = operator or (lambda: operator_of(self))
        self.dialog: QDialog | None = None  # the last editor opened (tests and screenshots look at it)
        self.confirm_box: QMessageBox | None = None
        self.confirm_button = None  # its destructive button
        self.view: QAbstractItemView | None = None
        self.proxy: QSortFilterProxyModel | None = None
        self.search_edit: QLineEdit | None = None
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.timeout.connect(self.apply_filter)

    # -- to fill in ----------------------------------------------------------------------
    def apply_filter(self) -> None:
        """Show the rows the search text and filter combos ask for (subclasses call super first)."""
        self._search_timer.stop()

    def update_actions(self, ctx: OperatorContext, row: Any) -> None:
        """Show, enable and name the buttons for what `ctx` may do with `row` (None: nothing selected)."""

    def edit_selected(self) -> QDialog | None:
        return None

    def after_change(self) -> None:
        """Something was saved, or failed: by default the buttons follow the new state."""
        self._update_actions()

    # -- the table ---------------------------------------------------------------------------
    def setup_table(self, view: QAbstractItemView, model: QAbstractItemModel, widths: dict[int, int],
                    proxy: QSortFilterProxyModel | None = None, sort_column: int | None = None) -> None:
        self.view, self.model, self.proxy = view, model, proxy
        if proxy is not None:
            proxy.setSourceModel(model)
        view.setModel(proxy if proxy is not None else model)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in widths.items():
            view.setColumnWidth(column, width)
        if sort_column is not None:
            view.sortByColumn(sort_column, Qt.SortOrder.AscendingOrder)
        view.selectionModel().selectionChanged.connect(self._update_actions)
        view.doubleClicked.connect(lambda _index: self.edit_selected())

    def show_count(self, label: QLabel, one: str, many: str) -> None:
        """'25 users' in `label`, from the model's count of every matching row in the store: `one` and `many`
        are the page's translated phrases with {count} in them."""
        self.model.totalChanged.connect(lambda n: label.setText((one if n == 1 else many).format(count=n)))

    # -- search and filters -------------------------------------------------------------------
    def setup_search(self, edit: QLineEdit, delay_ms: int = SEARCH_DELAY_MS) -> None:
        """Typing in `edit` applies the filter once typing pauses for `delay_ms` (0: at each keystroke)."""
        self.search_edit = edit
        self._search_timer.setInterval(delay_ms)
        if delay_ms > 0:
            edit.textChanged.connect(lambda _text: self._search_timer.start())
        else:
            edit.textChanged.connect(lambda _text: self.apply_filter())

    def search_text(self) -> str:
        return self.search_edit.text() if self.search_edit is not None else ""

    def add_filter(self, combo: QComboBox, choices) -> None:
        """Fill `combo` with (label, value) pairs; picking one applies the filter at once."""
        for label, value in choices:
            combo.addItem(label, value)
        combo.currentIndexChanged.connect(lambda _index: self.apply_filter())

    # -- selection ---------------------------------------------------------------------------------
    def selected(self) -> Any:
        """The row behind the selection (its dataclass), or None."""
        if self.view is None:
            return None
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(Roles.RowData) if rows else None

    def select_id(self, row_id) -> bool:
        """Select the row with this id, if it is shown (loaded and not filtered out)."""
        row = self.model.row_of(row_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        if self.proxy is not None:
            index = self.proxy.mapFromSource(index)
            if not index.isValid():
                return False
        self.view.selectRow(index.row())
        return True

    def _update_actions(self, *_args) -> None:
        self.update_actions(self.operator(), self.selected())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._update_actions()

    # -- dialogs and confirmations --------------------------------------------------------------------
    def open_dialog(self, dialog: QDialog) -> QDialog:
        """Show an editor of this page (window-modal, deleted when closed)."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def confirm(self, title: str, question: str, action: str, on_confirm: Callable[[], None],
                detail: str = "") -> QMessageBox:
        """Ask before something that cannot be undone: `action` does it, Cancel (the default) does not."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, question, parent=self)
        if detail:
            box.setInformativeText(detail)
        button = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda clicked: on_confirm() if clicked is button else None)
        self.confirm_box, self.confirm_button = box, button
        box.open()
        return box

    # -- doing things ---------------------------------------------------------------------------------
    def act(self, coro: Coroutine, what: str, said: Callable[[Any], str]) -> None:
        """Run a change in the background; say `said(result)` when done, the error when not.
        It finishes even if the page closes meanwhile (the change is already on its way)."""
        run_task(coro, on_done=lambda result: self.done(said(result)), on_error=self.failed, owner=self, what=what,
                 cancel_with_owner=False)

    def done(self, message: str) -> None:
        self.ui.stateLabel.setStyleSheet(DONE_STYLE)
        self.ui.stateLabel.setText(message)
        self.statusMessage.emit(message)
        self.after_change()

    def failed(self, exc: BaseException) -> None:
        self.ui.stateLabel.setStyleSheet(FAILED_STYLE)
        self.ui.stateLabel.setText(str(exc) if isinstance(exc, EvdeskError) else QCoreApplication.translate("ListPage", "Failed: {error}. Try again.").format(error=exc))
        self.after_change()
