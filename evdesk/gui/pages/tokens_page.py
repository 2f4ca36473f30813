"""The Tokens page: every token (paged; status and text filters), block / unblock, edit,
delete (admins)."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHeaderView, QMessageBox, QWidget

from evdesk.core.errors import EvdeskError
from evdesk.core.permissions import OperatorContext, Permission
from evdesk.gui.asyncutil import run_task
from evdesk.gui.dialogs.token_dialog import TokenDialog
from evdesk.gui.forms.ui_tokens_page import Ui_TokensPage
from evdesk.gui.models import tokens_model as tm
from evdesk.gui.models.base import Roles


class TokensPage(QWidget):
    statusMessage = Signal(str)

    def __init__(self, services, operator: Callable[[], OperatorContext], parent=None):
        super().__init__(parent)
        self.ui = Ui_TokensPage()
        self.ui.setupUi(self)
        self.services = services
        self.operator = operator
        self.model = tm.TokensModel(services, operator, self)
        ui = self.ui
        view = ui.tokensView
        view.setModel(self.model)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        for column, width in ((tm.COL_UID, 160), (tm.COL_NAME, 180), (tm.COL_USER, 180), (tm.COL_STATUS, 80),
                              (tm.COL_FROM, 100), (tm.COL_TO, 100)):
            view.setColumnWidth(column, width)
        view.selectionModel().selectionChanged.connect(self._update_actions)
        view.doubleClicked.connect(lambda _i: self.edit_selected())
        ui.statusCombo.addItem("All statuses", None)
        for status, label in tm.STATUS_LABELS.items():
            ui.statusCombo.addItem(label, status)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(300)
        self._search_timer.timeout.connect(self.apply_filter)
        ui.searchEdit.textChanged.connect(lambda _t: self._search_timer.start())
        ui.statusCombo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.model.totalChanged.connect(lambda n: ui.countLabel.setText(f"{n} token{'s' if n != 1 else ''}"))
        self.model.modelReset.connect(self._update_actions)
        ui.editButton.clicked.connect(self.edit_selected)
        ui.blockButton.clicked.connect(self.toggle_block_selected)
        ui.deleteButton.clicked.connect(self.confirm_delete)
        self.dialog = None
        self.confirm_box = None
        self.model.reload()
        self._update_actions()

    def detach(self) -> None:
        self.model.detach()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._update_actions()

    def apply_filter(self) -> None:
        self._search_timer.stop()
        self.model.set_filter(self.ui.searchEdit.text(), self.ui.statusCombo.currentData())

    def selected(self):
        rows = self.ui.tokensView.selectionModel().selectedRows()
        return rows[0].data(Roles.RowData) if rows else None

    def select_token(self, token_id: UUID) -> bool:
        row = self.model.row_of(token_id)
        if row >= 0:
            self.ui.tokensView.selectRow(row)
        return row >= 0

    def _update_actions(self, *_args) -> None:
        ctx, row, ui = self.operator(), self.selected(), self.ui
        edit = ctx.can(Permission.EDIT_USERS)
        ui.editButton.setVisible(edit)
        ui.blockButton.setVisible(edit)
        ui.deleteButton.setVisible(ctx.can(Permission.DELETE_TOKENS))
        for button in (ui.editButton, ui.blockButton, ui.deleteButton):
            button.setEnabled(row is not None)
        ui.blockButton.setText("Unblock" if row is not None and row.status == "blocked" else "Block")

    def _done(self, message: str) -> None:
        self.ui.stateLabel.setStyleSheet("color: #2e7d32;")
        self.ui.stateLabel.setText(message)
        self.statusMessage.emit(message)
        self._update_actions()

    def _failed(self, exc: BaseException) -> None:
        self.ui.stateLabel.setStyleSheet("color: #c62828;")
        self.ui.stateLabel.setText(str(exc) if isinstance(exc, EvdeskError) else f"Failed: {exc}. Try again.")

    def edit_selected(self) -> TokenDialog | None:
        row = self.selected()
        if row is None or not self.operator().can(Permission.EDIT_USERS):
            return None
        dialog = TokenDialog(self.services, self.operator, row, self)
        dialog.tokenSaved.connect(lambda r: self._done(f"Saved token {r.uid}."))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def toggle_block_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        status = "active" if row.status == "blocked" else "blocked"
        run_task(self.services.people.tokens.set_status(self.operator(), row.id, status),
                 on_done=lambda r: self._done(f"Token {r.uid} is {'blocked: refused from now on' if status == 'blocked' else 'active again'}."),
                 on_error=self._failed, owner=self, what="blocking a token", cancel_with_owner=False)

    def confirm_delete(self) -> QMessageBox | None:
        row = self.selected()
        if row is None:
            return None
        box = QMessageBox(QMessageBox.Icon.Warning, "Delete token", f"Delete the token {row.uid}?", parent=self)
        box.setInformativeText("It is refused from now on; its id can be added again later. Past sessions stay.")
        delete_button = box.addButton("Delete token", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda b: self.delete(row) if b is delete_button else None)
        self.confirm_box, self.confirm_delete_button = box, delete_button
        box.open()
        return box

    def delete(self, row) -> None:
        run_task(self.services.people.tokens.delete(self.operator(), row.id),
                 on_done=lambda _r: self._done(f"Deleted token {row.uid}."), on_error=self._failed, owner=self,
                 what="deleting a token", cancel_with_owner=False)
