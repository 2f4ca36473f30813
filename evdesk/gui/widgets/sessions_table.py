"""What every list of charging sessions shares (the Sessions page, a station's sessions tab, a
charging user's sessions): the table's look, opening a session's details, and a small list
widget for the station panel and the user's sessions window."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView
from PySide6.QtWidgets import QVBoxLayout, QWidget

from evdesk.core.reads.sessions import SessionFilter
from evdesk.gui.models import sessions_model as sm
from evdesk.gui.models.base import Roles

WIDTHS = {sm.COL_START: 142, sm.COL_END: 142, sm.COL_STATION: 150, sm.COL_CONNECTOR: 72, sm.COL_USER: 130,
          sm.COL_TOKEN: 110, sm.COL_USER_GROUP: 105, sm.COL_ENERGY: 90, sm.COL_DURATION: 68, sm.COL_COST: 115,
          sm.COL_STATUS: 95, sm.COL_STOP_REASON: 105}


def setup_view(view: QTableView, model: sm.SessionsModel) -> None:
    view.setModel(model)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for column, width in WIDTHS.items():
        view.setColumnWidth(column, width)
    view.setSortingEnabled(True)
    flt = model.filter
    header.setSortIndicator(sm.COLUMN_OF_SORT[flt.sort], Qt.SortOrder.DescendingOrder if flt.descending
                            else Qt.SortOrder.AscendingOrder)


def selected_row(view: QTableView):
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    return rows[0].data(Roles.RowData) if rows else None


def open_details(parent: QWidget, services, central_system, operator: Callable, session_id: UUID) -> QDialog:
    """The session's details window (not modal: several may stay open beside the list)."""
    from evdesk.gui.dialogs.session_dialog import SessionDialog

    dialog = SessionDialog(services, central_system, operator, session_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


class SessionsList(QWidget):
    """A live list of the sessions one filter fixes (a station's, a user's), newest first, with
    Details… (and a double click) opening a session."""

    def __init__(self, services, central_system, operator: Callable, flt: SessionFilter, intro: str = "",
                 parent=None, load: bool = True):
        super().__init__(parent)
        self.services, self.central_system, self.operator = services, central_system, operator
        self.dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        if intro:
            label = QLabel(intro, self)
            label.setWordWrap(True)
            layout.addWidget(label)
        self.view = QTableView(self)
        self.view.setObjectName("sessionsView")
        self.model = sm.SessionsModel(services, operator, flt, self, load=load)
        self.model.follow_while_shown(self)
        setup_view(self.view, self.model)
        layout.addWidget(self.view)
        row = QHBoxLayout()
        self.details_button = QPushButton("Details…", self)
        self.details_button.setObjectName("detailsButton")
        self.count_label = QLabel(self)
        row.addWidget(self.details_button)
        row.addWidget(self.count_label)
        row.addStretch(1)
        layout.addLayout(row)
        self.details_button.clicked.connect(self.open_selected)
        self.view.doubleClicked.connect(lambda _i: self.open_selected())
        for signal in (self.model.rowsInserted, self.model.modelReset):
            signal.connect(self._count)

    def _count(self, *_args) -> None:
        n = self.model.rowCount()
        self.count_label.setText(f"{n}{'' if self.model.exhausted else '+'} session{'s' if n != 1 else ''} shown")

    def reload(self) -> None:
        self.model.set_filter(self.model.filter, force=True)

    def open_selected(self) -> QDialog | None:
        row = selected_row(self.view)
        if row is None:
            return None
        self.dialog = open_details(self, self.services, self.central_system, self.operator, row.id)
        return self.dialog

    def detach(self) -> None:
        self.model.detach()
