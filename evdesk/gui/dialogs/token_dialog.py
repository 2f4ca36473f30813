"""Edit a token: name, status, validity days and parent (group) token. The uid itself is
fixed once entered (add a new token instead). Saved with the version it was opened with."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDialog

from evdesk.core.people_types import TokenInput, TokenRow
from evdesk.gui.asyncutil import run_task
from evdesk.gui.forms.ui_token_dialog import Ui_TokenDialog
from evdesk.gui.models.tokens_model import STATUS_LABELS
from evdesk.gui.translations.labels import state_label
from evdesk.gui.dialogs.save_failure import show_save_failure


def qdate(day: date | None) -> QDate:
    day = day or date.today()
    return QDate(day.year, day.month, day.day)


class TokenDialog(QDialog):
    tokenSaved = Signal(object)  # TokenRow

    def __init__(self, services, operator: Callable, token: TokenRow, parent=None):
        super().__init__(parent)
        self.ui = Ui_TokenDialog()
        self.ui.setupUi(self)
        self.services = services
        self.operator = operator
        self.token = token
        self.busy = False
        ui = self.ui
        self.setWindowTitle(self.tr("Edit token {uid}").format(uid=token.uid))
        for status, label in STATUS_LABELS.items():
            ui.statusCombo.addItem(state_label(label), status)
        ui.uidEdit.setText(token.uid)
        ui.uidEdit.setReadOnly(True)
        ui.uidEdit.setToolTip(self.tr("The token id cannot be changed. Add a new token instead."))
        ui.nameEdit.setText(token.name)
        ui.statusCombo.setCurrentIndex(max(0, ui.statusCombo.findData(token.status)))
        for check, edit, day in ((ui.validFromCheck, ui.validFromEdit, token.valid_from_day),
                                 (ui.validToCheck, ui.validToEdit, token.valid_to_day)):
            check.setChecked(day is not None)
            edit.setDate(qdate(day))
            edit.setEnabled(day is not None)
            check.toggled.connect(edit.setEnabled)
        ui.parentUidEdit.setText(token.parent_uid)
        ui.cancelButton.clicked.connect(self.reject)
        ui.okButton.clicked.connect(self.save)
        self._clear()

    def _labels(self) -> dict:
        ui = self.ui
        return {"uid": ui.uidError, "name": ui.nameError, "valid_to_day": ui.validToError,
                "valid_from_day": ui.validToError, "parent_uid": ui.parentUidError}

    def _clear(self) -> None:
        for label in (*self._labels().values(), self.ui.formError):
            label.clear()
            label.hide()

    def show_error(self, field: str | None, text: str) -> None:
        label = self._labels().get(field or "", self.ui.formError)
        label.setText(text)
        label.show()

    def token_input(self) -> TokenInput:
        ui = self.ui
        day = lambda check, edit: edit.date().toPython() if check.isChecked() else None  # noqa: E731
        return TokenInput(ui.uidEdit.text(), ui.nameEdit.text(), ui.statusCombo.currentData(),
                          day(ui.validFromCheck, ui.validFromEdit), day(ui.validToCheck, ui.validToEdit),
                          ui.parentUidEdit.text())

    def save(self) -> None:
        if self.busy:
            return
        self._clear()
        self.busy = True
        self.ui.okButton.setEnabled(False)
        run_task(self.services.people.tokens.update(self.operator(), self.token.id, self.token.version, self.token_input()),
                 on_done=self._saved, on_error=self._failed, owner=self, what="saving a token", cancel_with_owner=False)

    def _saved(self, row: TokenRow) -> None:
        self.busy = False
        self.tokenSaved.emit(row)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.ui.okButton.setEnabled(True)
        show_save_failure(self.show_error, exc, self.tr("Someone else changed this token since you opened it. Close this "
                                                        "window and edit it again to see their version."),
                          self.tr("The token could not be saved"))
