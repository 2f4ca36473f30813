"""The notification rule editor: name, charging group and/or stations, e-mail addresses and
operators, cases, settle time, repeat window, "resolved" mails, auto-recovery. Offers only the
groups, stations and operators of the operator's domain; the service checks again."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidgetItem

from evdesk.core.notifications import NotificationRule
from evdesk.core.notifications import cases as c
from evdesk.core.permissions import OperatorContext
from evdesk.gui.asyncutil import run_task
from evdesk.gui.dialogs.save_failure import show_save_failure
from evdesk.gui.forms.ui_notification_rule_dialog import Ui_NotificationRuleDialog

ID_ROLE = Qt.ItemDataRole.UserRole
STALE = QT_TRANSLATE_NOOP("NotificationRuleDialog", "Someone else changed this rule meanwhile. Close this editor, and open the "
                                                   "rule again to see their change.")


class NotificationRuleDialog(QDialog):
    ruleSaved = Signal(object)

    def __init__(self, services, operator: Callable[[], OperatorContext], rule: NotificationRule | None = None,
                 parent=None):
        super().__init__(parent)
        self.ui = Ui_NotificationRuleDialog()
        self.ui.setupUi(self)
        self.services, self.operator, self.rule = services, operator, rule
        self.saving = False
        ui = self.ui
        self.case_checks = {c.UNAVAILABLE: ui.unavailableCheck, c.FUSE_TRIPPED: ui.fuseCheck, c.SENSOR: ui.sensorCheck,
                            c.OTHER_FAULT: ui.otherCheck, c.START_FAILED: ui.startFailedCheck,
                            c.LOAD_LIMIT_NOT_APPLIED: ui.loadLimitCheck}
        self.errors = {"name": ui.nameError, "group_id": ui.scopeError, "station_ids": ui.scopeError,
                       "emails": ui.recipientsError, "operator_ids": ui.recipientsError, "cases": ui.casesError,
                       "repeat_minutes": ui.timingError, "settle_seconds": ui.timingError,
                       "recovery_minutes": ui.timingError, "clear_mails": ui.timingError, "active": ui.timingError}
        ctx = services.groups.fresh(operator())
        if ctx.is_root:
            ui.groupCombo.addItem(self.tr("No group (the whole site, unless stations are ticked)"), None)
        else:
            ui.groupCombo.addItem(self.tr("No group (only the stations ticked below)"), None)
        for group in sorted(services.groups.visible(ctx), key=lambda g: services.groups.path_of(g.id).lower()):
            ui.groupCombo.addItem(services.groups.path_of(group.id), str(group.id))  # str: findData compares it
        for info in sorted((s for s in services.stations.all() if ctx.sees_station(s.group_id)),
                           key=lambda s: s.display_name.lower()):
            item = QListWidgetItem(f"{info.display_name} ({info.identity})", ui.stationsList)
            item.setData(ID_ROLE, info.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if rule and info.id in rule.station_ids else
                               Qt.CheckState.Unchecked)
        ui.recoveryCheck.toggled.connect(ui.recoverySpin.setEnabled)
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        self._fill(rule)
        run_task(services.operators.list(ctx), on_done=self._operators, owner=self, what="listing operators")

    def _fill(self, rule: NotificationRule | None) -> None:
        ui = self.ui
        self.setWindowTitle(self.tr("Notification rule {name}").format(name=rule.name) if rule else self.tr("New notification rule"))
        ui.nameEdit.setText(rule.name if rule else "")
        index = ui.groupCombo.findData(str(rule.group_id)) if rule and rule.group_id else 0
        ui.groupCombo.setCurrentIndex(max(0, index))
        ui.emailsEdit.setPlainText("\n".join(rule.emails) if rule else "")
        for case, box in self.case_checks.items():
            box.setChecked(case in rule.cases if rule else case != c.START_FAILED)
        ui.settleSpin.setValue(rule.settle_seconds if rule else 60)
        ui.repeatSpin.setValue(rule.repeat_minutes if rule else 30)
        ui.clearMailsCheck.setChecked(rule.clear_mails if rule else True)
        ui.recoveryCheck.setChecked(bool(rule and rule.recovery_minutes))
        ui.recoverySpin.setValue(rule.recovery_minutes if rule and rule.recovery_minutes else 15)
        ui.recoverySpin.setEnabled(ui.recoveryCheck.isChecked())
        ui.activeCheck.setChecked(rule.active if rule else True)

    def _operators(self, operators) -> None:
        chosen = self.rule.operator_ids if self.rule else frozenset()
        for op in sorted(operators, key=lambda o: o.username.lower()):
            if op.status != "active" and op.id not in chosen:
                continue
            name = op.full_name or op.username
            label = f"{name} <{op.email}>" if op.email else self.tr("{name} (no e-mail address: not mailed)").format(name=name)
            item = QListWidgetItem(label, self.ui.operatorsList)
            item.setData(ID_ROLE, op.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if op.id in chosen else Qt.CheckState.Unchecked)

    @staticmethod
    def _ticked(view) -> list:
        return [view.item(i).data(ID_ROLE) for i in range(view.count())
                if view.item(i).checkState() == Qt.CheckState.Checked]

    def value(self) -> dict:
        ui = self.ui
        group_id = ui.groupCombo.currentData()
        group_id = UUID(group_id) if group_id else None
        return {
            "name": ui.nameEdit.text(), "group_id": group_id, "station_ids": self._ticked(ui.stationsList),
            "emails": [line.strip() for line in ui.emailsEdit.toPlainText().splitlines() if line.strip()],
            "operator_ids": self._ticked(ui.operatorsList),
            "cases": [case for case, box in self.case_checks.items() if box.isChecked()],
            "clear_mails": ui.clearMailsCheck.isChecked(), "repeat_minutes": ui.repeatSpin.value(),
            "settle_seconds": ui.settleSpin.value(),
            "recovery_minutes": ui.recoverySpin.value() if ui.recoveryCheck.isChecked() else None,
            "active": ui.activeCheck.isChecked(),
        }

    def show_error(self, field: str | None, message: str) -> None:
        self.errors.get(field, self.ui.formError).setText(message)
        self.layout().activate()  # room for the message: grow rather than squeeze it
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    def save(self) -> None:
        if self.saving:
            return
        for label in {*self.errors.values(), self.ui.formError}:
            label.setText("")
        self.saving = True
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        rules, ctx, data = self.services.notifications.rules, self.operator(), self.value()
        coro = (rules.update(ctx, self.rule.id, self.rule.version, data) if self.rule else rules.create(ctx, data))
        run_task(coro, on_done=self._saved, on_error=self._failed, owner=self, what="saving a notification rule",
                 cancel_with_owner=False)

    def _saved(self, rule: NotificationRule) -> None:
        self.saving = False
        self.ruleSaved.emit(rule)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.saving = False
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        show_save_failure(self.show_error, exc, self.tr(STALE), self.tr("Could not save the rule"))
