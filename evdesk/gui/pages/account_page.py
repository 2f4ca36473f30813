"""My account: the logged-in operator's own names, e-mail and password, and this desk's language
(kept per seat in QSettings by `gui/translations`; it applies at the next start, because texts set by
Python code when a page was built would not follow a live switch)."""

from __future__ import annotations


from evdesk.core.errors import EvdeskError, StaleEdit, ValidationError
from evdesk.core.permissions import ROLE_LABELS
from evdesk.gui.asyncutil import run_task
from evdesk.gui.forms.ui_my_account_page import Ui_MyAccountPage
from evdesk.gui.operator import operator_of
from evdesk.gui.pages.base import Page
from evdesk.gui.translations import LANGUAGES, current_language, save_choice, saved_choice, system_language
from evdesk.gui.translations.labels import state_label
from evdesk.gui.translations.messages import message_text


class MyAccountPage(Page):

    def __init__(self, services, parent=None):
        super().__init__(parent)
        self.ui = Ui_MyAccountPage()
        self.ui.setupUi(self)
        self.services = services
        self.me = None
        ui = self.ui
        ui.saveDetailsButton.clicked.connect(self.save_details)
        ui.changePasswordButton.clicked.connect(self.change_password)
        self._fill_languages()
        ui.languageCombo.activated.connect(self._language_chosen)
        self._clear()

    def _fill_languages(self) -> None:
        combo = self.ui.languageCombo
        combo.addItem(self.tr("As the operating system ({language})").format(language=LANGUAGES[system_language()]), "")
        for code, name in LANGUAGES.items():
            combo.addItem(name, code)
        combo.setCurrentIndex(max(0, combo.findData(saved_choice())))

    def _language_chosen(self, _index: int) -> None:
        code = self.ui.languageCombo.currentData() or ""
        save_choice(code)
        shown = code or system_language()
        if shown == current_language():
            self.statusMessage.emit(self.tr("Language saved."))
        else:
            self.statusMessage.emit(self.tr("Language saved: evdesk shows {language} when it starts next.")
                                    .format(language=LANGUAGES[shown]))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.reload()

    def apply_operator(self, _ctx) -> None:
        self.reload()

    def reload(self) -> None:
        ctx = operator_of(self)
        if ctx.operator_id is None:
            self.ui.infoLabel.setText(self.tr("evdesk runs without a logged-in operator here: there is no account to change."))
            self.ui.detailsBox.setEnabled(False)
            self.ui.passwordBox.setEnabled(False)
            return
        run_task(self.services.operators.get(ctx.operator_id), on_done=self._loaded, owner=self,
                 what="loading your account")

    def _loaded(self, me) -> None:
        self.me = me
        ui = self.ui
        ui.detailsBox.setEnabled(True)
        ui.passwordBox.setEnabled(True)
        group = self.services.groups.path_of(me.base_group_id) if me.base_group_id else self.tr("the whole site")
        ui.infoLabel.setText(self.tr("Username {username} · {role} · base group: {group}. "
                                     "Another admin changes your permissions and base group.").format(
            username=me.username, role=state_label(ROLE_LABELS.get(me.role, me.role)), group=group))
        ui.firstNameEdit.setText(me.first_name)
        ui.lastNameEdit.setText(me.last_name)
        ui.emailEdit.setText(me.email)

    def _clear(self) -> None:
        ui = self.ui
        for label in (ui.emailError, ui.currentPasswordError, ui.newPasswordError, ui.formError):
            label.clear()
            label.hide()

    def _error(self, exc: BaseException) -> None:
        ui = self.ui
        if isinstance(exc, StaleEdit):
            text, label = self.tr("Your account was changed meanwhile (elsewhere). It has been reloaded: try again."), ui.formError
            self.reload()
        else:
            text = message_text(str(exc)) if isinstance(exc, EvdeskError) else self.tr("Saving failed: {error}. Try again.").format(error=exc)
            field = exc.field if isinstance(exc, ValidationError) else None
            label = {"email": ui.emailError, "current_password": ui.currentPasswordError,
                     "new_password": ui.newPasswordError}.get(field or "", ui.formError)
        label.setText(text)
        label.show()

    def save_details(self) -> None:
        if self.me is None:
            return
        self._clear()
        ui = self.ui
        run_task(self.services.operators.update_my_account(operator_of(self), self.me.version,
                                                           first_name=ui.firstNameEdit.text(),
                                                           last_name=ui.lastNameEdit.text(), email=ui.emailEdit.text()),
                 on_done=self._details_saved, on_error=self._error, owner=self, what="saving your account",
                 cancel_with_owner=False)

    def _details_saved(self, me) -> None:
        self._loaded(me)
        self.ui.detailsState.setText(self.tr("Saved."))
        self.statusMessage.emit(self.tr("Your name and e-mail are saved."))

    def change_password(self) -> None:
        if self.me is None:
            return
        self._clear()
        ui = self.ui
        if ui.newPasswordEdit.text() != ui.repeatPasswordEdit.text():
            ui.newPasswordError.setText(self.tr("The two new passwords differ."))
            ui.newPasswordError.show()
            return
        run_task(self.services.operators.change_my_password(operator_of(self), self.me.version,
                                                            ui.currentPasswordEdit.text(), ui.newPasswordEdit.text()),
                 on_done=self._password_changed, on_error=self._error, owner=self, what="changing your password",
                 cancel_with_owner=False)

    def _password_changed(self, me) -> None:
        self.me = me
        for edit in (self.ui.currentPasswordEdit, self.ui.newPasswordEdit, self.ui.repeatPasswordEdit):
            edit.clear()
        self.ui.passwordState.setText(self.tr("Password changed."))
        self.statusMessage.emit(self.tr("Your password is changed."))
