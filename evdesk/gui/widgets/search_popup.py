"""The universal search popup (Ctrl+K): a line to type in and the hits below it, grouped by kind.

Keyboard only: typing searches once typing pauses (`DEBOUNCE_MS`), Up / Down move between hits
(the kind headings are skipped), Enter opens the hit, Esc closes. The search runs as a task on the
loop (`services.search`, reads on the reader connection): the GUI thread never waits for it, and
an answer to a text the operator has typed past is dropped.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from evdesk.gui.translations.columns import column_title
from evdesk.core.reads.search import KIND_TITLES, MIN_LENGTH, SearchHit, SearchResult
from evdesk.gui.asyncutil import run_task
from evdesk.gui.display import local_time, zone_of

DEBOUNCE_MS = 150
HIT_ROLE = Qt.ItemDataRole.UserRole


class SearchPopup(QDialog):
    hitChosen = Signal(object)  # SearchHit
    resultsShown = Signal(object)  # SearchResult (tests wait for it)

    def __init__(self, services, operator: Callable, parent=None):
        super().__init__(parent, Qt.WindowType.Popup | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("searchPopup")
        self.services = services
        self.operator = operator
        self.setMinimumSize(560, 420)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("searchEdit")
        self.edit.setPlaceholderText(self.tr("Search stations, users, tokens, sessions, groups, locations…"))
        self.edit.setClearButtonEnabled(True)
        font = self.edit.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.edit.setFont(font)
        self.results = QListWidget(self)
        self.results.setObjectName("searchResults")
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay in the line
        self.results.setUniformItemSizes(False)
        self.hint = QLabel(self.tr("Type a name, an identity, an e-mail, a token id or a session number. "
                                   "↑ ↓ choose, Enter opens, Esc closes."), self)
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)
        layout.addWidget(self.edit)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.hint)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._search)
        self.edit.textChanged.connect(lambda _t: self._timer.start())
        self.edit.installEventFilter(self)
        self.results.itemActivated.connect(self._open_item)
        self.results.itemClicked.connect(self._open_item)
        self.last_result: SearchResult | None = None

    # -- opening ----------------------------------------------------------------------------------
    def popup(self) -> None:
        """Show over the top middle of the parent window, the line selected for typing over."""
        host = self.parentWidget()
        if host is not None:
            width = max(self.minimumWidth(), min(720, host.width() * 2 // 3))
            self.resize(width, max(self.minimumHeight(), min(520, host.height() * 2 // 3)))
            top_left = host.mapToGlobal(host.rect().topLeft())
            self.move(top_left.x() + (host.width() - width) // 2, top_left.y() + 60)
        self.edit.selectAll()
        self.show()
        self.raise_()
        self.activateWindow()
        self.edit.setFocus()

    # -- searching --------------------------------------------------------------------------------
    def _search(self) -> None:
        text = self.edit.text()
        run_task(self.services.search.search(self.operator(), text),
                 on_done=lambda result, asked=text: self._show(asked, result), owner=self, what="searching")

    def _show(self, asked: str, result: SearchResult) -> None:
        if asked != self.edit.text():
            return  # typed on since: the newer search answers
        self.last_result = result
        self.results.clear()
        zone = zone_of(self.services.settings)
        heading_font = QFont(self.results.font())
        heading_font.setBold(True)
        for kind, hits in result.hits.items():
            heading = QListWidgetItem(column_title(KIND_TITLES[kind]))
            heading.setFlags(Qt.ItemFlag.NoItemFlags)
            heading.setFont(heading_font)
            self.results.addItem(heading)
            for hit in hits:
                detail = " · ".join(p for p in (hit.detail, local_time(hit.when, zone, seconds=False) if hit.when else "")
                                    if p)
                item = QListWidgetItem(f"    {hit.title}" + (f"   —   {detail}" if detail else ""))
                item.setData(HIT_ROLE, hit)
                item.setToolTip(detail or hit.title)
                self.results.addItem(item)
        if not result.hits:
            empty = QListWidgetItem(self.tr("Nothing found.") if len(result.text) >= MIN_LENGTH or result.text.isdigit()
                                    else self.tr("Type at least two characters."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(empty)
        self._move(0, start=-1)
        self.resultsShown.emit(result)

    # -- the keyboard -----------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key == Qt.Key.Key_Down:
                self._move(1)
                return True
            if key == Qt.Key.Key_Up:
                self._move(-1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_current()
                return True
            if key == Qt.Key.Key_Escape:
                self.close()
                return True
        return super().eventFilter(watched, event)

    def _move(self, step: int, start: int | None = None) -> None:
        """Select the next hit `step` rows on (headings skipped); stays put at either end."""
        row = self.results.currentRow() if start is None else start
        step = step or 1
        probe = row + step
        while 0 <= probe < self.results.count():
            if self.results.item(probe).data(HIT_ROLE) is not None:
                self.results.setCurrentRow(probe)
                self.results.scrollToItem(self.results.item(probe))
                return
            probe += step
        if start is not None:
            self.results.setCurrentRow(-1)

    def current_hit(self) -> SearchHit | None:
        item = self.results.currentItem()
        return item.data(HIT_ROLE) if item is not None else None

    def open_current(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            self._open_item(item)

    def _open_item(self, item: QListWidgetItem) -> None:
        hit = item.data(HIT_ROLE)
        if hit is None:
            return
        self.close()
        self.hitChosen.emit(hit)
