"""The Tokens page: every token (paged; status and text filters), block / unblock, edit,
delete (admins)."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from PySide6.QtWidgets import QMessageBox

from evdesk.core.permissions import OperatorContext, Permission
from evdesk.gui.dialogs.token_dialog import TokenDialog
from evdesk.gui.forms.ui_tokens_page import Ui_TokensPage
from evdesk.gui.models import tokens_model as tm
from evdesk.gui.pages.list_page import ListPage
from evdesk.gui.translations.labels import state_label


class TokensPage(ListPage):
    def __init__(self, services, operator: Callable[[], OperatorContext], parent=None):
        super().__init__(services, operator, parent)
        self.ui = Ui_TokensPage()
        self.ui.setupUi(self)
        ui = self.ui
        self.setup_table(ui.tokensView, tm.TokensModel(services, operator, self), {
            tm.COL_UID: 160, tm.COL_NAME: 180, tm.COL_USER: 180, tm.COL_STATUS: 80, tm.COL_FROM: 100, tm.COL_TO: 100})
        self.setup_search(ui.searchEdit)
        self.add_filter(ui.statusCombo, ((self.tr("All statuses"), None),
                                         *((state_label(label), status) for status, label in tm.STATUS_LABELS.items())))
        self.show_count(ui.countLabel, self.tr("{count} token"), self.tr("{count} tokens"))
        self.model.modelReset.connect(self._update_actions)
        ui.editButton.clicked.connect(self.edit_selected)
        ui.blockButton.clicked.connect(self.toggle_block_selected)
        ui.deleteButton.clicked.connect(self.confirm_delete)
        self.model.reload()
        self._update_actions()

    def detach(self) -> None:
        self.model.detach()

    def apply_filter(self) -> None:
        super().apply_filter()
        self.model.set_filter(self.search_text(), self.ui.statusCombo.currentData())

    def select_token(self, token_id: UUID) -> bool:
        return self.select_id(token_id)

    def update_actions(self, ctx: OperatorContext, row) -> None:
        ui = self.ui
        edit = ctx.can(Permission.EDIT_USERS)
        ui.editButton.setVisible(edit)
        ui.blockButton.setVisible(edit)
        ui.deleteButton.setVisible(ctx.can(Permission.DELETE_TOKENS))
        for button in (ui.editButton, ui.blockButton, ui.deleteButton):
            button.setEnabled(row is not None)
        ui.blockButton.setText(self.tr("Unblock") if row is not None and row.status == "blocked" else self.tr("Block"))

    def edit_selected(self) -> TokenDialog | None:
        row = self.selected()
        if row is None or not self.operator().can(Permission.EDIT_USERS):
            return None
        dialog = TokenDialog(self.services, self.operator, row, self)
        dialog.tokenSaved.connect(lambda r: self.done(self.tr("Saved token {uid}.").format(uid=r.uid)))
        return self.open_dialog(dialog)

    def toggle_block_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        status = "active" if row.status == "blocked" else "blocked"
        self.act(self.services.people.tokens.set_status(self.operator(), row.id, status), "blocking a token",
                 lambda r: (self.tr("Token {uid} is blocked: refused from now on.") if status == "blocked"
                            else self.tr("Token {uid} is active again.")).format(uid=r.uid))

    def confirm_delete(self) -> QMessageBox | None:
        row = self.selected()
        if row is None:
            return None
        return self.confirm(self.tr("Delete token"), self.tr("Delete the token {uid}?").format(uid=row.uid), self.tr("Delete token"),
                            lambda: self.delete(row),
                            self.tr("It is refused from now on; its id can be added again later. Past sessions stay."))

    @property
    def confirm_delete_button(self):
        return self.confirm_button

    def delete(self, row) -> None:
        self.act(self.services.people.tokens.delete(self.operator(), row.id), "deleting a token",
                 lambda _r: self.tr("Deleted token {uid}.").format(uid=row.uid))
