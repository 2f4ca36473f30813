"""Invite an operator, or edit one (e-mail, names, permissions, base group).

Invite mode sends the invitation e-mail through `OperatorService.invite`; edit
mode saves with the version the dialog was opened with (a stale save says so).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog

from evdesk.core.operators import OperatorInfo
from evdesk.core.permissions import ADMIN, ANALYST, BASIC, ROLE_LABELS
from evdesk.gui.asyncutil import run_task
from evdesk.gui.forms.ui_operator_dialog import Ui_OperatorDialog
from evdesk.gui.operator import operator_of
from evdesk.gui.dialogs.save_failure import show_save_failure

ROLE_HELP = {
    ADMIN: "All permissions.",
    BASIC: "Limited: cannot manage operators or API keys, add, remove or edit stations, update firmware, remove "
           "charging users, delete tokens, manage user groups, manage invoices or change site settings.",
    ANALYST: "Sees everything in the domain, changes nothing.",
}


class OperatorDialog(QDialog):
    operatorSaved = Signal(object)  # OperatorInfo

    def __init__(self, services, operator: OperatorInfo | None = None, parent=None):
        super().__init__(parent)
        self.ui = Ui_OperatorDialog()
        self.ui.setupUi(self)
        self.services = services
        self.operator = operator
        self.busy = False
        ui = self.ui
        ctx = operator_of(parent if parent is not None else self)
        for role in (ADMIN, BASIC, ANALYST):
            ui.roleCombo.addItem(ROLE_LABELS[role], role)
        ui.roleCombo.currentIndexChanged.connect(lambda _i: ui.roleHelp.setText(ROLE_HELP[ui.roleCombo.currentData()]))
        if ctx.is_root:
            ui.baseGroupCombo.addItem("— whole site (no base group) —", None)
        for group in services.groups.visible(ctx):
            ui.baseGroupCombo.addItem(services.groups.path_of(group.id), group.id)
        ui.cancelButton.clicked.connect(self.reject)
        ui.okButton.clicked.connect(self.save)
        if operator is None:
            self.setWindowTitle("Invite operator")
            ui.introLabel.setText("evdesk e-mails the new operator a code to set a password with. The code is "
                                  "valid for 72 hours.")
            ui.roleCombo.setCurrentIndex(1)
            ui.roleHelp.setText(ROLE_HELP[BASIC])
            if ctx.base_group_id is not None:
                ui.baseGroupCombo.setCurrentIndex(max(0, ui.baseGroupCombo.findData(ctx.base_group_id)))
        else:
            self.setWindowTitle(f"Edit operator {operator.username}")
            ui.introLabel.setText(f"Status: {operator.status_label}.")
            ui.okButton.setText("Save")
            ui.confirmEmailLabel.hide()
            ui.confirmEmailEdit.hide()
            ui.usernameEdit.setText(operator.username)
            ui.emailEdit.setText(operator.email)
            ui.firstNameEdit.setText(operator.first_name)
            ui.lastNameEdit.setText(operator.last_name)
            ui.roleCombo.setCurrentIndex(ui.roleCombo.findData(operator.role))
            ui.roleHelp.setText(ROLE_HELP.get(operator.role, ""))
            index = ui.baseGroupCombo.findData(operator.base_group_id)
            if index < 0:
                ui.baseGroupCombo.addItem(services.groups.path_of(operator.base_group_id) or "—", operator.base_group_id)
                index = ui.baseGroupCombo.count() - 1
            ui.baseGroupCombo.setCurrentIndex(index)
            if operator.id == ctx.operator_id:
                ui.roleCombo.setEnabled(False)
                ui.baseGroupCombo.setEnabled(False)
                ui.roleHelp.setText("Your own permissions and base group are changed by another admin.")
        self._clear()

    def _clear(self) -> None:
        ui = self.ui
        for label in (ui.emailError, ui.usernameError, ui.roleError, ui.baseGroupError, ui.formError):
            label.clear()
            label.hide()

    def show_error(self, field: str | None, text: str) -> None:
        ui = self.ui
        label = {"email": ui.emailError, "username": ui.usernameError, "role": ui.roleError,
                 "base_group": ui.baseGroupError, "first_name": ui.formError}.get(field or "", ui.formError)
        label.setText(text)
        label.show()

    def save(self) -> None:
        if self.busy:
            return
        self._clear()
        ui = self.ui
        ctx = operator_of(self.parent() if self.parent() is not None else self)
        email = ui.emailEdit.text().strip()
        if self.operator is None and email != ui.confirmEmailEdit.text().strip():
            self.show_error("email", "The two e-mail addresses differ.")
            return
        ops = self.services.operators
        common = dict(email=email, first_name=ui.firstNameEdit.text(), last_name=ui.lastNameEdit.text(),
                      role=ui.roleCombo.currentData())
        if self.operator is None:
            coro = ops.invite(ctx, username=ui.usernameEdit.text(), base_group_id=ui.baseGroupCombo.currentData(),
                              **common)
        else:
            coro = ops.update(ctx, self.operator.id, self.operator.version, username=ui.usernameEdit.text(),
                              base_group_id=ui.baseGroupCombo.currentData(), **common)
        self.busy = True
        ui.okButton.setEnabled(False)
        ui.okButton.setText("Sending…" if self.operator is None else "Saving…")
        run_task(coro, on_done=self._saved, on_error=self._failed, owner=self,
                 what="inviting an operator" if self.operator is None else "saving an operator", cancel_with_owner=False)

    def _saved(self, info) -> None:
        self.busy = False
        self.operatorSaved.emit(info)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        ui = self.ui
        ui.okButton.setEnabled(True)
        ui.okButton.setText("Send invitation" if self.operator is None else "Save")
        show_save_failure(self.show_error, exc,
                          "Someone changed this operator meanwhile. Close this window, and edit again.",
                          "The invitation failed" if self.operator is None else "The operator could not be saved")
