"""The Operators page (admins): the list, invite, resend, reset password, (de)activate, edit, delete."""

from __future__ import annotations

from uuid import UUID

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QMessageBox, QWidget

from evdesk.core import events as ev
from evdesk.core.errors import EvdeskError
from evdesk.core.permissions import Permission
from evdesk.gui.asyncutil import run_task
from evdesk.gui.coalesce import Coalescer
from evdesk.gui.dialogs.operator_dialog import OperatorDialog
from evdesk.gui.forms.ui_operators_page import Ui_OperatorsPage
from evdesk.gui.models import operators_model as om
from evdesk.gui.models.base import BusListener, Roles
from evdesk.gui.operator import operator_of


class OperatorsPage(QWidget):
    statusMessage = Signal(str)

    def __init__(self, services, parent=None):
        super().__init__(parent)
        self.ui = Ui_OperatorsPage()
        self.ui.setupUi(self)
        self.services = services
        self.model = om.OperatorsModel(services, self)
        self.proxy = om.OperatorFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        view = self.ui.operatorsView
        view.setModel(self.proxy)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        for column, width in ((om.COL_USERNAME, 130), (om.COL_NAME, 170), (om.COL_EMAIL, 230), (om.COL_ROLE, 150),
                              (om.COL_STATUS, 80), (om.COL_GROUP, 170)):
            view.setColumnWidth(column, width)
        view.sortByColumn(om.COL_USERNAME, Qt.SortOrder.AscendingOrder)
        view.selectionModel().selectionChanged.connect(self._selection_changed)
        view.doubleClicked.connect(lambda _i: self.edit_selected())
        ui = self.ui
        ui.filterEdit.textChanged.connect(self.proxy.set_search)
        ui.inviteButton.clicked.connect(self.invite)
        ui.editButton.clicked.connect(self.edit_selected)
        ui.resendButton.clicked.connect(self.resend_selected)
        ui.resetButton.clicked.connect(self.reset_selected)
        ui.activateButton.clicked.connect(self.toggle_active_selected)
        ui.deleteButton.clicked.connect(self.confirm_delete)
        self.loaded = False
        self.dialog = None
        self.confirm_box = None
        self._bus = BusListener(self, services.bus)
        self._reloads = Coalescer(self.reload, 200, self)
        self._bus.on(ev.OperatorChanged, lambda _e: self._reloads.poke())
        self._bus.on(ev.GroupChanged, lambda _e: self.model.refresh_groups())
        self._selection_changed()

    def detach(self) -> None:
        self._bus.detach()

    def apply_operator(self, ctx) -> None:
        if ctx.can(Permission.MANAGE_OPERATORS):
            self.reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self) -> None:
        ctx = operator_of(self)
        if not ctx.can(Permission.MANAGE_OPERATORS):
            return
        run_task(self.services.operators.list(ctx), on_done=self._loaded, owner=self, what="loading the operators")

    def _loaded(self, rows) -> None:
        self.model.set_rows(rows)
        self.loaded = True
        self._selection_changed()

    # -- selection ------------------------------------------------------------------------
    def selected(self):
        rows = self.ui.operatorsView.selectionModel().selectedRows()
        return rows[0].data(Roles.RowData) if rows else None

    def select_operator(self, operator_id: UUID) -> bool:
        row = self.model.row_of(operator_id)
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else None
        if index is None or not index.isValid():
            return False
        self.ui.operatorsView.selectRow(index.row())
        return True

    def _selection_changed(self, *_args) -> None:
        info = self.selected()
        me = operator_of(self).operator_id
        ui = self.ui
        ui.editButton.setEnabled(info is not None)
        ui.resendButton.setEnabled(info is not None and info.status == "invited")
        ui.resetButton.setEnabled(info is not None and info.status == "active")
        ui.activateButton.setEnabled(info is not None and info.status != "invited" and info.id != me)
        ui.activateButton.setText("Activate" if info is not None and info.status == "inactive" else "Deactivate")
        ui.deleteButton.setEnabled(info is not None and info.id != me)

    # -- actions ----------------------------------------------------------------------------
    def _done(self, message: str) -> None:
        self.ui.stateLabel.setStyleSheet("color: #2e7d32;")
        self.ui.stateLabel.setText(message)
        self.statusMessage.emit(message)
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        self.ui.stateLabel.setStyleSheet("color: #c62828;")
        self.ui.stateLabel.setText(str(exc) if isinstance(exc, EvdeskError) else f"Failed: {exc}. Try again.")
        self.reload()

    def invite(self) -> OperatorDialog:
        dialog = OperatorDialog(self.services, None, self)
        dialog.operatorSaved.connect(lambda info: self._done(f"Invitation sent to {info.email} ({info.username})."))
        self.dialog = dialog
        dialog.open()
        return dialog

    def edit_selected(self) -> OperatorDialog | None:
        info = self.selected()
        if info is None:
            return None
        dialog = OperatorDialog(self.services, info, self)
        dialog.operatorSaved.connect(lambda saved: self._done(f"Saved {saved.username}."))
        self.dialog = dialog
        dialog.open()
        return dialog

    def resend_selected(self) -> None:
        info = self.selected()
        if info is not None:
            run_task(self.services.operators.resend_invitation(operator_of(self), info.id),
                     on_done=lambda _r: self._done(f"Invitation sent again to {info.email}."), on_error=self._failed,
                     owner=self, what="resending an invitation", cancel_with_owner=False)

    def reset_selected(self) -> None:
        info = self.selected()
        if info is not None:
            run_task(self.services.operators.send_password_reset(operator_of(self), info.id),
                     on_done=lambda _r: self._done(f"{info.email} has been sent a code to set a new password."),
                     on_error=self._failed, owner=self, what="resetting a password", cancel_with_owner=False)

    def toggle_active_selected(self) -> None:
        info = self.selected()
        if info is not None:
            active = info.status == "inactive"
            run_task(self.services.operators.set_active(operator_of(self), info.id, info.version, active),
                     on_done=lambda r: self._done(f"{r.username} is {'active' if active else 'inactive: cannot log in'}."),
                     on_error=self._failed, owner=self, what="changing an operator's status", cancel_with_owner=False)

    def confirm_delete(self) -> QMessageBox | None:
        info = self.selected()
        if info is None:
            return None
        box = QMessageBox(QMessageBox.Icon.Warning, "Delete operator", f"Delete the operator {info.username}?", parent=self)
        box.setInformativeText("They can no longer log in. What they did stays in the logs under their name.")
        delete_button = box.addButton("Delete operator", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self.delete(info) if button is delete_button else None)
        self.confirm_box, self.confirm_delete_button = box, delete_button
        box.open()
        return box

    def delete(self, info) -> None:
        run_task(self.services.operators.delete(operator_of(self), info.id, info.version),
                 on_done=lambda _r: self._done(f"Deleted {info.username}."), on_error=self._failed, owner=self,
                 what="deleting an operator", cancel_with_owner=False)
