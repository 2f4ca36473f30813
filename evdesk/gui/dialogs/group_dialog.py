"""One small dialog for the group actions: add (name, parent), rename (name), move (parent),
add stations (a checklist). It calls the service itself and shows refusals next to the field."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QListWidgetItem

from evdesk.core.errors import EvdeskError, StaleEdit, ValidationError
from evdesk.core.permissions import BASIC
from evdesk.gui.asyncutil import run_task
from evdesk.gui.forms.ui_group_dialog import Ui_GroupPickDialog
from evdesk.gui.operator import operator_of

ADD, RENAME, MOVE, ASSIGN = "add", "rename", "move", "assign"


class GroupDialog(QDialog):
    done = Signal(str)  # what was done, in words

    def __init__(self, services, mode: str, group_id=None, parent=None):
        super().__init__(parent)
        self.ui = Ui_GroupPickDialog()
        self.ui.setupUi(self)
        self.services = services
        self.mode = mode
        self.group_id = group_id
        self.busy = False
        ui = self.ui
        groups = services.groups
        ctx = groups.fresh(operator_of(parent if parent is not None else self))
        self.ctx = ctx
        group = groups.get(group_id) if group_id else None
        self.version = group.version if group else 0
        show_name, show_parent, show_list = mode in (ADD, RENAME), mode in (ADD, MOVE), mode == ASSIGN
        for w in (ui.nameLabel, ui.nameEdit):
            w.setVisible(show_name)
        for w in (ui.parentLabel, ui.parentCombo):
            w.setVisible(show_parent)
        ui.stationsList.setVisible(show_list)
        if show_parent:
            if mode == ADD and ctx.role != BASIC:
                base = groups.path_of(ctx.base_group_id) if ctx.base_group_id else "top level"
                ui.parentCombo.addItem(f"— none: under your base group ({base}) —", None)
            elif mode == MOVE and ctx.is_root:
                ui.parentCombo.addItem("— top level —", None)
            for g in groups.visible(ctx):
                if mode == MOVE and groups.index.is_descendant(g.id, group_id):
                    continue  # never under itself or a subgroup
                ui.parentCombo.addItem(groups.path_of(g.id), g.id)
            if mode == ADD and group_id:
                ui.parentCombo.setCurrentIndex(max(0, ui.parentCombo.findData(group_id)))
            if mode == MOVE and group is not None:
                ui.parentCombo.setCurrentIndex(max(0, ui.parentCombo.findData(group.parent_id)))
        if mode == ADD:
            self.setWindowTitle("Add charging group")
            ui.introLabel.setText("Only the name is needed. Without a parent the group goes right under your base group."
                                  if ctx.role != BASIC else "Give the name and the parent group.")
            ui.okButton.setText("Add group")
        elif mode == RENAME:
            self.setWindowTitle("Rename charging group")
            ui.introLabel.setText(f"New name for '{group.name}':")
            ui.nameEdit.setText(group.name)
            ui.nameEdit.selectAll()
        elif mode == MOVE:
            self.setWindowTitle("Move charging group")
            ui.introLabel.setText(f"Move '{group.name}', with its subgroups and stations, under:")
            ui.okButton.setText("Move")
        else:
            self.setWindowTitle("Add stations to the group")
            ui.introLabel.setText(f"Tick the stations to put into '{group.name}'. A station is in one group at a time: "
                                  "it leaves its present group.")
            ui.okButton.setText("Add to group")
            for info in sorted(services.stations.all(), key=lambda s: s.display_name.casefold()):
                if info.group_id == group_id or not ctx.sees_station(info.group_id) or info.registration == "rejected":
                    continue
                where = groups.path_of(info.group_id) if info.group_id else "no group"
                item = QListWidgetItem(f"{info.display_name} ({info.identity}) — now in {where}")
                item.setData(Qt.ItemDataRole.UserRole, info.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                ui.stationsList.addItem(item)
        ui.cancelButton.clicked.connect(self.reject)
        ui.okButton.clicked.connect(self.save)
        self._clear()

    def _clear(self) -> None:
        for label in (self.ui.nameError, self.ui.parentError, self.ui.formError):
            label.clear()
            label.hide()

    def checked_stations(self) -> list:
        lst = self.ui.stationsList
        return [lst.item(i).data(Qt.ItemDataRole.UserRole) for i in range(lst.count())
                if lst.item(i).checkState() == Qt.CheckState.Checked]

    def save(self) -> None:
        if self.busy:
            return
        self._clear()
        ui, groups, ctx = self.ui, self.services.groups, operator_of(self.parent() or self)
        name, parent_id = ui.nameEdit.text(), ui.parentCombo.currentData()
        if self.mode == ADD:
            coro, said = groups.add(ctx, name, parent_id), f"Added the group '{name.strip()}'."
        elif self.mode == RENAME:
            coro, said = groups.rename(ctx, self.group_id, self.version, name), f"Renamed to '{name.strip()}'."
        elif self.mode == MOVE:
            coro, said = groups.move(ctx, self.group_id, self.version, parent_id), "Group moved."
        else:
            chosen = self.checked_stations()
            if not chosen:
                ui.formError.setText("Tick at least one station.")
                ui.formError.show()
                return
            coro, said = groups.assign_stations(ctx, self.group_id, chosen), f"Added {len(chosen)} station(s)."
        self.busy = True
        ui.okButton.setEnabled(False)
        run_task(coro, on_done=lambda _r: self._saved(said), on_error=self._failed, owner=self,
                 what="changing charging groups", cancel_with_owner=False)

    def _saved(self, said: str) -> None:
        self.busy = False
        self.done.emit(said)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.ui.okButton.setEnabled(True)
        if isinstance(exc, StaleEdit):
            text, label = "Someone changed this group meanwhile. Close this window and try again.", self.ui.formError
        else:
            text = str(exc) if isinstance(exc, EvdeskError) else f"Failed: {exc}. Try again."
            field = exc.field if isinstance(exc, ValidationError) else None
            label = {"name": self.ui.nameError, "parent": self.ui.parentError}.get(field or "", self.ui.formError)
        label.setText(text)
        label.show()
