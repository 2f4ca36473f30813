"""Register this tag: turn an unknown tag someone tapped on a charger into a token of an
existing charging user (picked by search) or of a new one (names, e-mail, group)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from uuid import UUID

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QDialog

from evdesk.core.auth_log import AuthLogRow
from evdesk.core.errors import EvdeskError, NotFound, ValidationError
from evdesk.core.people_types import UserInput
from evdesk.gui import display
from evdesk.gui.asyncutil import run_task
from evdesk.gui.forms.ui_register_tag_dialog import Ui_RegisterTagDialog
from evdesk.gui.models.base import Roles
from evdesk.gui.models.users_model import UsersModel


def stripped(tag: str) -> str:
    return tag.strip().split("_", 1)[0] if "_" in tag else tag.strip()


class RegisterTagDialog(QDialog):
    tagRegistered = Signal(object)  # TokenRow

    def __init__(self, services, operator: Callable, row: AuthLogRow, zone, parent=None):
        super().__init__(parent)
        self.ui = Ui_RegisterTagDialog()
        self.ui.setupUi(self)
        self.services = services
        self.operator = operator
        self.row = row
        self.busy = False
        ui = self.ui
        where = f" at {escape(row.station)}" if row.station else ""  # sent by a station: plain text
        ui.introLabel.setText(f"The tag <b>{escape(row.id_tag)}</b> was refused{where} on {display.local_time(row.at, zone)} "
                              f"({display.zone_name(zone, row.at)}): nobody knows it yet. Register it as a token so "
                              "that it is accepted from now on.")
        has_suffix = "_" in row.id_tag
        ui.stripSuffixCheck.setVisible(has_suffix)
        ui.stripSuffixCheck.setChecked(has_suffix)
        ui.stripSuffixCheck.setText(f"Strip the vendor suffix: register “{stripped(row.id_tag)}”")
        ui.stripSuffixCheck.toggled.connect(self._show_uid)
        self._show_uid()
        self.users = UsersModel(services, operator, self)
        self.users.page_size = 50
        ui.usersList.setModel(self.users)
        ui.usersList.selectionModel().selectionChanged.connect(lambda *_a: ui.userError.hide())
        self.users.reload()
        self._search = QTimer(self)
        self._search.setSingleShot(True)
        self._search.setInterval(300)
        self._search.timeout.connect(lambda: self.users.set_filter(ui.userSearchEdit.text()))
        ui.userSearchEdit.textChanged.connect(lambda _t: self._search.start())
        ui.userGroupCombo.addItem("— none —", None)
        run_task(services.people.groups.list(), on_done=self._groups_loaded, owner=self, what="loading user groups")
        ui.existingRadio.toggled.connect(self._mode_changed)
        ui.cancelButton.clicked.connect(self.reject)
        ui.okButton.clicked.connect(self.register)
        self._clear()
        self._mode_changed()

    def _groups_loaded(self, groups) -> None:
        for g in groups:
            self.ui.userGroupCombo.addItem(g.name, str(g.id))

    def _show_uid(self, *_args) -> None:
        self.ui.uidValue.setText(self.uid())

    def uid(self) -> str:
        return stripped(self.row.id_tag) if self.ui.stripSuffixCheck.isChecked() else self.row.id_tag.strip()

    def _mode_changed(self, *_args) -> None:
        existing = self.ui.existingRadio.isChecked()
        self.ui.existingBox.setVisible(existing)
        self.ui.newUserBox.setVisible(not existing)

    def choose_new_user(self) -> None:
        self.ui.newRadio.setChecked(True)

    def select_user(self, user_id: UUID) -> bool:
        row = self.users.row_of(user_id)
        if row >= 0:
            self.ui.usersList.setCurrentIndex(self.users.index(row, 0))
        return row >= 0

    def selected_user_id(self) -> UUID | None:
        rows = self.ui.usersList.selectionModel().selectedIndexes()
        return rows[0].data(Roles.RowId) if rows else None

    # -- errors ------------------------------------------------------------------------
    def _labels(self) -> dict:
        ui = self.ui
        return {"first_name": ui.firstNameError, "last_name": ui.firstNameError, "email": ui.emailError,
                "uid": ui.uidError, "name": ui.uidError, "user": ui.userError}

    def _clear(self) -> None:
        for label in (*self._labels().values(), self.ui.formError):
            label.clear()
            label.hide()

    def show_error(self, field: str | None, text: str) -> None:
        label = self._labels().get(field or "", self.ui.formError)
        label.setText(text)
        label.show()

    # -- registering -------------------------------------------------------------------
    def register(self) -> None:
        if self.busy:
            return
        self._clear()
        ui = self.ui
        kw = dict(name=ui.tokenNameEdit.text(), strip_suffix=ui.stripSuffixCheck.isChecked())
        if ui.existingRadio.isChecked():
            user_id = self.selected_user_id()
            if user_id is None:
                self.show_error("user", "Choose the charging user the token belongs to.")
                return
            kw["user_id"] = user_id
        else:
            group = ui.userGroupCombo.currentData()
            kw["new_user"] = UserInput(first_name=ui.firstNameEdit.text(), last_name=ui.lastNameEdit.text(),
                                       email=ui.emailEdit.text(), user_group_id=UUID(group) if group else None)
        self.busy = True
        ui.okButton.setEnabled(False)
        run_task(self.services.people.auth_log.register_tag(self.operator(), self.row.id_tag,
                                                            station_id=self.row.station_id, **kw),
                 on_done=self._registered, on_error=self._failed, owner=self, what="registering a tag",
                 cancel_with_owner=False)

    def _registered(self, token) -> None:
        self.busy = False
        self.tagRegistered.emit(token)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.ui.okButton.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.show_error(exc.field, str(exc))
        elif isinstance(exc, NotFound):
            self.show_error("user", str(exc))
        elif isinstance(exc, EvdeskError):
            self.show_error(None, str(exc))
        else:
            self.show_error(None, f"The tag could not be registered ({exc}). Try again.")
