"""The Operators page (admins): the list, invite, resend, reset password, (de)activate, edit, delete."""

from __future__ import annotations

from uuid import UUID

from PySide6.QtWidgets import QMessageBox

from evdesk.core import events as ev
from evdesk.core.permissions import OperatorContext, Permission
from evdesk.gui.asyncutil import run_task
from evdesk.gui.coalesce import Coalescer
from evdesk.gui.dialogs.operator_dialog import OperatorDialog
from evdesk.gui.forms.ui_operators_page import Ui_OperatorsPage
from evdesk.gui.models import operators_model as om
from evdesk.gui.models.base import BusListener
from evdesk.gui.pages.list_page import ListPage


class OperatorsPage(ListPage):
    def __init__(self, services, parent=None):
        super().__init__(services, None, parent)  # acts for the window's operator
        self.ui = Ui_OperatorsPage()
        self.ui.setupUi(self)
        ui = self.ui
        self.setup_table(ui.operatorsView, om.OperatorsModel(services, self), {
            om.COL_USERNAME: 110, om.COL_NAME: 155, om.COL_EMAIL: 215, om.COL_ROLE: 140, om.COL_STATUS: 75,
            om.COL_GROUP: 150}, proxy=om.OperatorFilterProxy(self), sort_column=om.COL_USERNAME)
        self.setup_search(ui.searchEdit, delay_ms=0)  # a short list filtered in memory
        ui.inviteButton.clicked.connect(self.invite)
        ui.editButton.clicked.connect(self.edit_selected)
        ui.resendButton.clicked.connect(self.resend_selected)
        ui.resetButton.clicked.connect(self.reset_selected)
        ui.activateButton.clicked.connect(self.toggle_active_selected)
        ui.deleteButton.clicked.connect(self.confirm_delete)
        self.loaded = False
        self._bus = BusListener(self, services.bus)
        self._reloads = Coalescer(self.reload, 200, self)
        self._bus.on(ev.OperatorChanged, lambda _e: self._reloads.poke())
        self._bus.on(ev.GroupChanged, lambda _e: self.model.refresh_groups())
        self._update_actions()

    def detach(self) -> None:
        self._bus.detach()
        self.model.detach()

    def apply_operator(self, ctx) -> None:
        if ctx.can(Permission.MANAGE_OPERATORS):
            self.reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.reload()

    def apply_filter(self) -> None:
        super().apply_filter()
        self.proxy.set_search(self.search_text())

    def reload(self) -> None:
        ctx = self.operator()
        if not ctx.can(Permission.MANAGE_OPERATORS):
            return
        run_task(self.services.operators.list(ctx), on_done=self._loaded, owner=self, what="loading the operators")

    def _loaded(self, rows) -> None:
        self.model.set_rows(rows)
        self.loaded = True
        self._update_actions()

    def after_change(self) -> None:
        self.reload()

    # -- selection ------------------------------------------------------------------------
    def select_operator(self, operator_id: UUID) -> bool:
        return self.select_id(operator_id)

    def update_actions(self, ctx: OperatorContext, info) -> None:
        ui, me = self.ui, ctx.operator_id
        may = ctx.can(Permission.MANAGE_OPERATORS)
        ui.inviteButton.setEnabled(may)
        ui.editButton.setEnabled(may and info is not None)
        ui.resendButton.setEnabled(may and info is not None and info.status == "invited")
        ui.resetButton.setEnabled(may and info is not None and info.status == "active")
        ui.activateButton.setEnabled(may and info is not None and info.status != "invited" and info.id != me)
        ui.activateButton.setText("Activate" if info is not None and info.status == "inactive" else "Deactivate")
        ui.deleteButton.setEnabled(may and info is not None and info.id != me)

    # -- actions ----------------------------------------------------------------------------
    def invite(self) -> OperatorDialog:
        dialog = OperatorDialog(self.services, None, self)
        dialog.operatorSaved.connect(lambda info: self.done(f"Invitation sent to {info.email} ({info.username})."))
        return self.open_dialog(dialog)

    def edit_selected(self) -> OperatorDialog | None:
        info = self.selected()
        if info is None:
            return None
        dialog = OperatorDialog(self.services, info, self)
        dialog.operatorSaved.connect(lambda saved: self.done(f"Saved {saved.username}."))
        return self.open_dialog(dialog)

    def resend_selected(self) -> None:
        info = self.selected()
        if info is not None:
            self.act(self.services.operators.resend_invitation(self.operator(), info.id), "resending an invitation",
                     lambda _r: f"Invitation sent again to {info.email}.")

    def reset_selected(self) -> None:
        info = self.selected()
        if info is not None:
            self.act(self.services.operators.send_password_reset(self.operator(), info.id), "resetting a password",
                     lambda _r: f"{info.email} has been sent a code to set a new password.")

    def toggle_active_selected(self) -> None:
        info = self.selected()
        if info is not None:
            active = info.status == "inactive"
            self.act(self.services.operators.set_active(self.operator(), info.id, info.version, active),
                     "changing an operator's status",
                     lambda r: f"{r.username} is {'active' if active else 'inactive: cannot log in'}.")

    def confirm_delete(self) -> QMessageBox | None:
        info = self.selected()
        if info is None:
            return None
        return self.confirm("Delete operator", f"Delete the operator {info.username}?", "Delete operator",
                            lambda: self.delete(info),
                            "They can no longer log in. What they did stays in the logs under their name.")

    @property
    def confirm_delete_button(self):
        return self.confirm_button

    def delete(self, info) -> None:
        self.act(self.services.operators.delete(self.operator(), info.id, info.version), "deleting an operator",
                 lambda _r: f"Deleted {info.username}.")
