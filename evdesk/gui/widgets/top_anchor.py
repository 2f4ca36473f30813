"""Keeps a live list still while rows arrive at its top (the authorizations list, newest first).

Rules:
* At the top with nothing selected, new rows simply appear: the operator is watching what is new.
* Scrolled away from the top, or with a row selected, what the operator looks at stays where it is:
  the view scrolls down by exactly the rows inserted above, and a "n new" button over the list's
  top counts them; clicking it (or scrolling back to the top with nothing selected) shows the
  newest and hides the button.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QPushButton, QTableView

BUTTON_STYLE = ("QPushButton { background: #1565c0; color: white; border-radius: 12px; padding: 4px 14px; "
                "font-weight: 600; } QPushButton:hover { background: #1e88e5; }")


class TopAnchor(QObject):
    def __init__(self, view: QTableView):
        super().__init__(view)
        self.view = view
        self.unseen = 0
        self._hold: tuple[int, int] | None = None  # (top row, its pixel offset) while rows are inserted
        self.button = QPushButton(view)
        self.button.setObjectName("newRowsButton")
        self.button.setStyleSheet(BUTTON_STYLE)
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.hide()
        self.button.clicked.connect(self.jump_to_newest)
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        model = view.model()
        model.rowsAboutToBeInserted.connect(self._about_to_insert)
        model.rowsInserted.connect(self._inserted)
        model.modelReset.connect(self._reset)
        view.verticalScrollBar().valueChanged.connect(self._scrolled)
        view.installEventFilter(self)

    def anchored(self) -> bool:
        """The operator looks at something particular: scrolled away from the top, or a selection."""
        view = self.view
        return view.verticalScrollBar().value() > 0 or view.selectionModel().hasSelection()

    def _about_to_insert(self, parent: QModelIndex, first: int, _last: int) -> None:
        if parent.isValid() or first != 0 or not self.anchored() or self.view.model().rowCount() == 0:
            self._hold = None
            return
        top = max(0, self.view.rowAt(0))
        offset = self.view.rowViewportPosition(top)  # <= 0: how much of the top row is scrolled out
        self._hold = (top, offset)

    def _inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if self._hold is None or parent.isValid() or first != 0:
            return
        top, offset = self._hold
        self._hold = None
        count = last - first + 1
        view = self.view
        view.doItemsLayout()  # the scroll range with the new rows, now rather than at the next paint
        bar = view.verticalScrollBar()
        bar.setValue(view.verticalHeader().sectionPosition(top + count) - offset)
        self.unseen += count
        self._show_button()

    def _reset(self) -> None:
        self.unseen = 0
        self._hold = None
        self.button.hide()

    def _scrolled(self, value: int) -> None:
        if value == 0 and self._hold is None and not self.view.selectionModel().hasSelection():
            self.unseen = 0
            self.button.hide()

    def jump_to_newest(self) -> None:
        self.unseen = 0
        self.button.hide()
        self.view.scrollToTop()

    def _show_button(self) -> None:
        self.button.setText(f"↑ {self.unseen} new")
        self.button.adjustSize()
        self._place()
        self.button.show()
        self.button.raise_()

    def _place(self) -> None:
        view = self.view
        header = view.horizontalHeader().height() if view.horizontalHeader().isVisible() else 0
        self.button.move((view.width() - self.button.width()) // 2, header + 8)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Resize:
            self._place()
        return False
