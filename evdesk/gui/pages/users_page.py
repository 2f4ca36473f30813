"""The Charging users page: the paged list with search and status filter, add / edit /
disable / enable / remove, and CSV import and export."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox, QPushButton, QVBoxLayout

from evdesk.core.permissions import OperatorContext, Permission
from evdesk.core.reads.sessions import SessionFilter
from evdesk.gui.dialogs.csv_import_dialog import CsvImportDialog, summary
from evdesk.gui.dialogs.user_dialog import UserDialog
from evdesk.gui.forms.ui_users_page import Ui_UsersPage
from evdesk.gui.models import users_model as um
from evdesk.gui.pages.list_page import ListPage
from evdesk.gui.translations.labels import state_label
from evdesk.gui.widgets.sessions_table import SessionsList

STATUS_FILTERS = ((QT_TRANSLATE_NOOP("UsersPage", "All statuses"), None), ("Active", "active"), ("Disabled", "disabled"))


class UsersPage(ListPage):
    def __init__(self, services, operator: Callable[[], OperatorContext], parent=None):
        super().__init__(services, operator, parent)
        self.ui = Ui_UsersPage()
        self.ui.setupUi(self)
        ui = self.ui
        self.setup_table(ui.usersView, um.UsersModel(services, operator, self), {
            um.COL_NAME: 190, um.COL_EMAIL: 220, um.COL_PHONE: 130, um.COL_GROUP: 140, um.COL_STATUS: 80,
            um.COL_TOKENS: 150})
        self.setup_search(ui.searchEdit)
        self.add_filter(ui.statusCombo, [(self.tr(label) if value is None else state_label(label), value)
                                         for label, value in STATUS_FILTERS])
        self.show_count(ui.countLabel, self.tr("{count} user"), self.tr("{count} users"))
        self.model.modelReset.connect(self._update_actions)
        ui.addButton.clicked.connect(self.add_user)
        ui.editButton.clicked.connect(self.edit_selected)
        ui.disableButton.clicked.connect(self.toggle_disabled_selected)
        ui.removeButton.clicked.connect(self.confirm_remove)
        ui.importButton.clicked.connect(self.choose_import_file)
        ui.exportButton.clicked.connect(self.choose_export_file)
        self._add_sessions_button()
        self.model.reload()
        self._update_actions()

    def detach(self) -> None:
        self.model.detach()

    def apply_filter(self) -> None:
        super().apply_filter()
        self.model.set_filter(self.search_text(), self.ui.statusCombo.currentData())

    def select_user(self, user_id: UUID) -> bool:
        return self.select_id(user_id)

    def update_actions(self, ctx: OperatorContext, row) -> None:
        ui = self.ui
        edit = ctx.can(Permission.EDIT_USERS)
        for button in (ui.addButton, ui.disableButton, ui.importButton):
            button.setVisible(edit)
        ui.removeButton.setVisible(ctx.can(Permission.REMOVE_USERS))
        ui.editButton.setText(self.tr("Edit…") if edit else self.tr("View…"))
        ui.editButton.setEnabled(row is not None)
        ui.disableButton.setEnabled(row is not None)
        ui.disableButton.setText(self.tr("Enable") if row is not None and row.status == "disabled" else self.tr("Disable…"))
        ui.removeButton.setEnabled(row is not None)
        if getattr(self, "sessions_button", None) is not None:
            self.sessions_button.setEnabled(row is not None)

    # -- add / edit -------------------------------------------------------------------------
    def add_user(self) -> UserDialog:
        return self._open_dialog(None)

    def edit_selected(self) -> UserDialog | None:
        row = self.selected()
        return self._open_dialog(row.id) if row is not None else None

    def edit_user(self, user_id: UUID) -> UserDialog:
        return self._open_dialog(user_id)

    def _open_dialog(self, user_id: UUID | None) -> UserDialog:
        dialog = UserDialog(self.services, self.operator, user_id, self)
        dialog.userSaved.connect(lambda d: self.done(self.tr("Saved {name}.").format(name=f"{d.data.first_name} {d.data.last_name}".strip())))
        return self.open_dialog(dialog)

    # -- their sessions ------------------------------------------------------------------------
    def _add_sessions_button(self) -> None:
        button = QPushButton(self.tr("Sessions…"), self)
        button.setObjectName("sessionsButton")
        button.setToolTip(self.tr("The selected user's charging sessions"))
        layout = self._layout_holding(self.ui.editButton)
        layout.insertWidget(layout.indexOf(self.ui.editButton) + 1, button)
        button.clicked.connect(self.show_sessions)
        self.sessions_button = button

    def _layout_holding(self, widget):
        stack = [self.layout()]
        while stack:
            layout = stack.pop()
            if layout is None:
                continue
            if layout.indexOf(widget) >= 0:
                return layout
            stack += [layout.itemAt(i).layout() for i in range(layout.count())]
        return None

    def show_sessions(self) -> QDialog | None:
        """A window with the selected user's charging sessions (at the stations the operator sees)."""
        row = self.selected()
        if row is None:
            return None
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Charging sessions of {name}").format(name=row.name))
        dialog.resize(1200, 520)
        layout = QVBoxLayout(dialog)
        central = getattr(self.window(), "central_system", None)
        dialog.sessions = SessionsList(self.services, central, self.operator, SessionFilter(user_id=row.id),
                                       self.tr("Every session of {name} at the stations you see, newest first.").format(name=row.name), dialog)
        layout.addWidget(dialog.sessions)
        dialog.finished.connect(lambda _r: dialog.sessions.detach())
        return self.open_dialog(dialog)

    # -- disable / enable ---------------------------------------------------------------------
    def toggle_disabled_selected(self) -> QInputDialog | None:
        row = self.selected()
        if row is None:
            return None
        if row.status == "disabled":
            self.enable(row)
            return None
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Disable charging user"))
        dialog.setLabelText(self.tr("Why may {name} no longer charge? (Drivers and colleagues will ask.)").format(name=row.name))
        dialog.setOkButtonText(self.tr("Disable"))
        dialog.textValueSelected.connect(lambda reason: self.disable(row, reason))
        return self.open_dialog(dialog)

    def disable(self, row, reason: str) -> None:
        self.act(self.services.people.users.disable(self.operator(), row.id, reason), "disabling a charging user",
                 lambda _d: self.tr("{name} is disabled: their tokens are refused.").format(name=row.name))

    def enable(self, row) -> None:
        self.act(self.services.people.users.enable(self.operator(), row.id), "enabling a charging user",
                 lambda _d: self.tr("{name} is active again.").format(name=row.name))

    # -- remove ---------------------------------------------------------------------------------
    def confirm_remove(self) -> QMessageBox | None:
        row = self.selected()
        if row is None:
            return None
        return self.confirm(self.tr("Remove charging user"), self.tr("Remove {name}?").format(name=row.name), self.tr("Remove user"),
                            lambda: self.remove(row),
                            self.tr("Their {count} token(s) are deleted with them and refused from now on. "
                                    "Their past sessions stay in the history.").format(count=len(row.token_uids)))

    @property
    def confirm_remove_button(self):
        return self.confirm_button

    def remove(self, row) -> None:
        self.act(self.services.people.users.remove(self.operator(), row.id), "removing a charging user",
                 lambda _r: self.tr("Removed {name}.").format(name=row.name))

    # -- CSV ----------------------------------------------------------------------------------
    def choose_import_file(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Import charging users"), "", self.tr("CSV files (*.csv);;All files (*)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.import_file)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def import_file(self, path: str) -> CsvImportDialog:
        dialog = CsvImportDialog(self.services, self.operator, path, self)
        dialog.importFinished.connect(lambda r: self.done(summary(r)))
        self.open_dialog(dialog)
        dialog.start()
        return dialog

    def choose_export_file(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Export charging users"), "charging-users.csv", self.tr("CSV files (*.csv)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("csv")
        dialog.fileSelected.connect(self.export_file)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def export_file(self, path: str) -> None:
        self.done(self.tr("Exporting…"))
        self.act(self.services.people.csv.export_file(self.operator(), path), "exporting charging users",
                 lambda n: self.tr("Exported {count} charging users to {path}.").format(count=n, path=path))
