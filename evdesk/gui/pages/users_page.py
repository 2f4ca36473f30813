"""The Charging users page: the paged list with search and status filter, add / edit /
disable / enable / remove, and CSV import and export."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QHeaderView, QInputDialog, QMessageBox, QWidget

from evdesk.core.errors import EvdeskError
from evdesk.core.permissions import OperatorContext, Permission
from evdesk.gui.asyncutil import run_task
from evdesk.gui.dialogs.csv_import_dialog import CsvImportDialog, summary
from evdesk.gui.dialogs.user_dialog import UserDialog
from evdesk.gui.forms.ui_users_page import Ui_UsersPage
from evdesk.gui.models import users_model as um
from evdesk.gui.models.base import Roles

SEARCH_DELAY_MS = 300


class UsersPage(QWidget):
    statusMessage = Signal(str)

    def __init__(self, services, operator: Callable[[], OperatorContext], parent=None):
        super().__init__(parent)
        self.ui = Ui_UsersPage()
        self.ui.setupUi(self)
        self.services = services
        self.operator = operator
        self.model = um.UsersModel(services, operator, self)
        ui = self.ui
        view = ui.usersView
        view.setModel(self.model)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        for column, width in ((um.COL_NAME, 190), (um.COL_EMAIL, 220), (um.COL_PHONE, 130), (um.COL_GROUP, 140),
                              (um.COL_STATUS, 80), (um.COL_TOKENS, 150)):
            view.setColumnWidth(column, width)
        view.selectionModel().selectionChanged.connect(self._update_actions)
        view.doubleClicked.connect(lambda _i: self.edit_selected())
        for label, status in (("All statuses", None), ("Active", "active"), ("Disabled", "disabled")):
            ui.statusCombo.addItem(label, status)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        ui.searchEdit.textChanged.connect(lambda _t: self._search_timer.start())
        ui.statusCombo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.model.totalChanged.connect(lambda n: ui.countLabel.setText(f"{n} user{'s' if n != 1 else ''}"))
        self.model.modelReset.connect(self._update_actions)
        ui.addButton.clicked.connect(self.add_user)
        ui.editButton.clicked.connect(self.edit_selected)
        ui.disableButton.clicked.connect(self.toggle_disabled_selected)
        ui.removeButton.clicked.connect(self.confirm_remove)
        ui.importButton.clicked.connect(self.choose_import_file)
        ui.exportButton.clicked.connect(self.choose_export_file)
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

    # -- selection ------------------------------------------------------------------------
    def selected(self):
        rows = self.ui.usersView.selectionModel().selectedRows()
        return rows[0].data(Roles.RowData) if rows else None

    def select_user(self, user_id: UUID) -> bool:
        row = self.model.row_of(user_id)
        if row < 0:
            return False
        self.ui.usersView.selectRow(row)
        return True

    def _update_actions(self, *_args) -> None:
        ctx, row, ui = self.operator(), self.selected(), self.ui
        edit = ctx.can(Permission.EDIT_USERS)
        for button in (ui.addButton, ui.disableButton, ui.importButton):
            button.setVisible(edit)
        ui.removeButton.setVisible(ctx.can(Permission.REMOVE_USERS))
        ui.editButton.setText("Edit…" if edit else "View…")
        ui.editButton.setEnabled(row is not None)
        ui.disableButton.setEnabled(row is not None)
        ui.disableButton.setText("Enable" if row is not None and row.status == "disabled" else "Disable…")
        ui.removeButton.setEnabled(row is not None)

    # -- feedback ---------------------------------------------------------------------------
    def _done(self, message: str) -> None:
        self.ui.stateLabel.setStyleSheet("color: #2e7d32;")
        self.ui.stateLabel.setText(message)
        self.statusMessage.emit(message)

    def _failed(self, exc: BaseException) -> None:
        self.ui.stateLabel.setStyleSheet("color: #c62828;")
        self.ui.stateLabel.setText(str(exc) if isinstance(exc, EvdeskError) else f"Failed: {exc}. Try again.")

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
        dialog.userSaved.connect(lambda d: self._done(f"Saved {d.data.first_name} {d.data.last_name}".strip() + "."))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    # -- disable / enable ---------------------------------------------------------------------
    def toggle_disabled_selected(self) -> QInputDialog | None:
        row = self.selected()
        if row is None:
            return None
        if row.status == "disabled":
            self.enable(row)
            return None
        dialog = QInputDialog(self)
        dialog.setWindowTitle("Disable charging user")
        dialog.setLabelText(f"Why may {row.name} no longer charge? (Drivers and colleagues will ask.)")
        dialog.setOkButtonText("Disable")
        dialog.textValueSelected.connect(lambda reason: self.disable(row, reason))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def disable(self, row, reason: str) -> None:
        run_task(self.services.people.users.disable(self.operator(), row.id, reason),
                 on_done=lambda _d: self._done(f"{row.name} is disabled: their tokens are refused."),
                 on_error=self._failed, owner=self, what="disabling a charging user", cancel_with_owner=False)

    def enable(self, row) -> None:
        run_task(self.services.people.users.enable(self.operator(), row.id),
                 on_done=lambda _d: self._done(f"{row.name} is active again."), on_error=self._failed,
                 owner=self, what="enabling a charging user", cancel_with_owner=False)

    # -- remove ---------------------------------------------------------------------------------
    def confirm_remove(self) -> QMessageBox | None:
        row = self.selected()
        if row is None:
            return None
        box = QMessageBox(QMessageBox.Icon.Warning, "Remove charging user", f"Remove {row.name}?", parent=self)
        box.setInformativeText(f"Their {len(row.token_uids)} token(s) are deleted with them and refused from now on. "
                               "Their past sessions stay in the history.")
        remove_button = box.addButton("Remove user", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self.remove(row) if button is remove_button else None)
        self.confirm_box, self.confirm_remove_button = box, remove_button
        box.open()
        return box

    def remove(self, row) -> None:
        run_task(self.services.people.users.remove(self.operator(), row.id),
                 on_done=lambda _r: self._done(f"Removed {row.name}."), on_error=self._failed, owner=self,
                 what="removing a charging user", cancel_with_owner=False)

    # -- CSV ----------------------------------------------------------------------------------
    def choose_import_file(self) -> QFileDialog:
        dialog = QFileDialog(self, "Import charging users", "", "CSV files (*.csv);;All files (*)")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.import_file)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def import_file(self, path: str) -> CsvImportDialog:
        dialog = CsvImportDialog(self.services, self.operator, path, self)
        dialog.importFinished.connect(lambda r: self._done(summary(r)))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        dialog.start()
        return dialog

    def choose_export_file(self) -> QFileDialog:
        dialog = QFileDialog(self, "Export charging users", "charging-users.csv", "CSV files (*.csv)")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("csv")
        dialog.fileSelected.connect(self.export_file)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def export_file(self, path: str) -> None:
        self._done("Exporting…")
        run_task(self.services.people.csv.export_file(self.operator(), path),
                 on_done=lambda n: self._done(f"Exported {n} charging users to {path}."), on_error=self._failed,
                 owner=self, what="exporting charging users", cancel_with_owner=False)
