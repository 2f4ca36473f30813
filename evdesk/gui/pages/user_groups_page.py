"""The Charging user groups page (admins change them): add, edit (name, active, session
limit), delete when the group has no members."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from uuid import UUID

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QMessageBox

from evdesk.core import events as ev
from evdesk.core.errors import EvdeskError, StaleEdit, ValidationError
from evdesk.core.people_types import UserGroupRow
from evdesk.core.permissions import OperatorContext, Permission
from evdesk.gui.asyncutil import run_task
from evdesk.gui.coalesce import Coalescer
from evdesk.gui.forms.ui_user_group_dialog import Ui_UserGroupDialog
from evdesk.gui.forms.ui_user_groups_page import Ui_UserGroupsPage
from evdesk.gui.models import user_groups_model as gm
from evdesk.gui.models.base import BusListener
from evdesk.gui.pages.list_page import ListPage


class UserGroupDialog(QDialog):
    groupSaved = Signal(object)  # UserGroupRow

    def __init__(self, services, operator: Callable, group: UserGroupRow | None = None, parent=None):
        super().__init__(parent)
        self.ui = Ui_UserGroupDialog()
        self.ui.setupUi(self)
        self.services, self.operator, self.group = services, operator, group
        ui = self.ui
        ui.limitCheck.toggled.connect(ui.limitSpin.setEnabled)
        if group is not None:
            self.setWindowTitle(self.tr("Edit charging user group {name}").format(name=group.name))
            ui.nameEdit.setText(group.name)
            ui.activeCheck.setChecked(group.active)
            ui.limitCheck.setChecked(group.max_concurrent_transactions is not None)
            ui.limitSpin.setValue(group.max_concurrent_transactions or 1)
        ui.limitSpin.setEnabled(ui.limitCheck.isChecked())
        ui.stopCostUnit.setText(services.settings.currency)
        if group is not None:
            ui.stopMinutesEdit.setText("" if group.limit_minutes is None else str(group.limit_minutes))
            ui.stopKwhEdit.setText("" if group.limit_wh is None else f"{Decimal(group.limit_wh) / 1000:g}")
            ui.stopCostEdit.setText("" if group.limit_cost_minor is None else f"{Decimal(group.limit_cost_minor) / 100:.2f}")
            ui.prioritySpin.setValue(group.load_priority)
        ui.cancelButton.clicked.connect(self.reject)
        ui.okButton.clicked.connect(self.save)
        self._clear()

    def _clear(self) -> None:
        for label in (self.ui.nameError, self.ui.limitError, self.ui.stopError, self.ui.priorityError,
                      self.ui.formError):
            label.clear()
            label.hide()

    def show_error(self, field: str | None, text: str) -> None:
        label = {"name": self.ui.nameError, "max_concurrent_transactions": self.ui.limitError,
                 "limit_minutes": self.ui.stopError, "limit_kwh": self.ui.stopError,
                 "limit_cost": self.ui.stopError, "load_priority": self.ui.priorityError}.get(field or "", self.ui.formError)
        label.setText(text)
        label.show()

    def save(self) -> None:
        self._clear()
        ui, groups, ctx = self.ui, self.services.people.groups, self.operator()
        limit = ui.limitSpin.value() if ui.limitCheck.isChecked() else None
        minutes_text = ui.stopMinutesEdit.text().strip()
        if minutes_text and not minutes_text.isdigit():
            self.show_error("limit_minutes", self.tr("Stop after a whole number of minutes, e.g. 120."))
            return
        stops = {"limit_minutes": int(minutes_text) if minutes_text else None,
                 "limit_kwh": ui.stopKwhEdit.text().strip() or None, "limit_cost": ui.stopCostEdit.text().strip() or None,
                 "load_priority": ui.prioritySpin.value()}
        if self.group is None:
            coro = groups.create(ctx, ui.nameEdit.text(), ui.activeCheck.isChecked(), max_concurrent=limit, **stops)
        else:
            coro = groups.update(ctx, self.group.id, self.group.version, ui.nameEdit.text(), ui.activeCheck.isChecked(),
                                 max_concurrent=limit, **stops)
        ui.okButton.setEnabled(False)
        run_task(coro, on_done=self._saved, on_error=self._failed, owner=self, what="saving a user group",
                 cancel_with_owner=False)

    def _saved(self, row) -> None:
        self.groupSaved.emit(row)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ui.okButton.setEnabled(True)
        if isinstance(exc, StaleEdit):
            self.show_error(None, self.tr("Someone else changed this group since you opened it. Close this window and edit again."))
        elif isinstance(exc, ValidationError):
            self.show_error(exc.field, str(exc))
        else:
            self.show_error(None, str(exc) if isinstance(exc, EvdeskError) else self.tr("Could not save ({error}). Try again.").format(error=exc))


class UserGroupsPage(ListPage):
    def __init__(self, services, operator: Callable[[], OperatorContext], parent=None):
        super().__init__(services, operator, parent)
        self.ui = Ui_UserGroupsPage()
        self.ui.setupUi(self)
        ui = self.ui
        self.setup_table(ui.groupsView, gm.UserGroupsModel(self), {gm.COL_NAME: 240, gm.COL_ACTIVE: 170, gm.COL_MEMBERS: 90},
                         proxy=gm.UserGroupsProxy(self), sort_column=gm.COL_NAME)
        self.setup_search(ui.searchEdit, delay_ms=0)  # a short list filtered in memory
        ui.addButton.clicked.connect(self.add_group)
        ui.editButton.clicked.connect(self.edit_selected)
        ui.deleteButton.clicked.connect(self.confirm_delete)
        self.loaded = False
        self._reloads = Coalescer(self.reload, 200, self)
        self._bus = BusListener(self, services.bus)
        for event_type in (ev.UserGroupChanged, ev.ChargingUserChanged, ev.UsersImported):
            self._bus.on(event_type, self._reloads.poke)
        self.reload()
        self._update_actions()

    def detach(self) -> None:
        self._bus.detach()

    def apply_filter(self) -> None:
        super().apply_filter()
        self.proxy.setFilterFixedString(self.search_text())

    def reload(self) -> None:
        run_task(self.services.people.groups.list(), on_done=self._loaded, owner=self, what="loading user groups")

    def _loaded(self, rows) -> None:
        self.model.set_rows(rows)
        self.loaded = True
        self._update_actions()

    def after_change(self) -> None:
        self.reload()

    def select_group(self, group_id: UUID) -> bool:
        return self.select_id(group_id)

    def update_actions(self, ctx: OperatorContext, row: UserGroupRow | None) -> None:
        can, ui = ctx.can_site_wide(Permission.MANAGE_USER_GROUPS), self.ui
        for button in (ui.addButton, ui.editButton, ui.deleteButton):
            button.setVisible(can)
        ui.editButton.setEnabled(row is not None)
        ui.deleteButton.setEnabled(row is not None and row.members == 0)
        ui.deleteButton.setToolTip(self.tr("Only a group without members can be deleted.") if row is not None and row.members else "")

    def add_group(self) -> UserGroupDialog:
        return self._open(None)

    def edit_selected(self) -> UserGroupDialog | None:
        row = self.selected()
        return self._open(row) if row is not None and self.operator().can_site_wide(Permission.MANAGE_USER_GROUPS) else None

    def _open(self, row) -> UserGroupDialog:
        dialog = UserGroupDialog(self.services, self.operator, row, self)
        dialog.groupSaved.connect(lambda g: self.done(self.tr("Saved {name}.").format(name=g.name)))
        return self.open_dialog(dialog)

    def confirm_delete(self) -> QMessageBox | None:
        row = self.selected()
        if row is None:
            return None
        return self.confirm(self.tr("Delete user group"), self.tr("Delete the group {name}?").format(name=row.name),
                            self.tr("Delete group"), lambda: self.delete(row))

    @property
    def confirm_delete_button(self):
        return self.confirm_button

    def delete(self, row) -> None:
        self.act(self.services.people.groups.delete(self.operator(), row.id), "deleting a user group",
                 lambda _r: self.tr("Deleted {name}.").format(name=row.name))
