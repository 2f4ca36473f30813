"""The Notifications page: the rules of the operator's domain (add, edit, delete) and the mail
log below them (newest first, paged as it scrolls, refreshed when mails are logged)."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from PySide6.QtWidgets import QHeaderView, QMessageBox

from evdesk.core import events as ev
from evdesk.core.notifications import NotificationRule
from evdesk.core.permissions import OperatorContext, Permission
from evdesk.gui.asyncutil import run_task
from evdesk.gui.coalesce import Coalescer
from evdesk.gui.dialogs.notification_rule_dialog import NotificationRuleDialog
from evdesk.gui.display import zone_of
from evdesk.gui.forms.ui_notifications_page import Ui_NotificationsPage
from evdesk.gui.models import notifications_model as nm
from evdesk.gui.models.base import BusListener
from evdesk.gui.pages.list_page import ListPage
from evdesk.gui.translations.phrases import counted


class NotificationsPage(ListPage):
    def __init__(self, services, operator: Callable[[], OperatorContext], parent=None):
        super().__init__(services, operator, parent)
        self.ui = Ui_NotificationsPage()
        self.ui.setupUi(self)
        ui = self.ui
        self._operator_names: dict[UUID, str] = {}
        model = nm.RulesModel(services.groups.name_of, self._operator_names.get, self)
        self.setup_table(ui.rulesView, model, {nm.COL_NAME: 160, nm.COL_STATIONS: 200, nm.COL_RECIPIENTS: 220,
                                               nm.COL_CASES: 220, nm.COL_TIMING: 230})
        self.log_model = nm.MailLogModel(self._load_log, zone_of(services.settings), self)
        ui.mailLogView.setModel(self.log_model)
        ui.mailLogView.verticalHeader().hide()
        header = ui.mailLogView.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((nm.LOG_TIME, 150), (nm.LOG_STATION, 180), (nm.LOG_CASE, 120), (nm.LOG_KIND, 100),
                              (nm.LOG_TO, 170), (nm.LOG_OUTCOME, 70)):
            ui.mailLogView.setColumnWidth(column, width)
        self.log_model.loaded.connect(lambda n: ui.logCountLabel.setText(
            counted(n, "mail shown") if n else self.tr("No notification mails yet.")))
        ui.addButton.clicked.connect(self.add_rule)
        ui.editButton.clicked.connect(self.edit_selected)
        ui.deleteButton.clicked.connect(self.confirm_delete)
        ui.refreshLogButton.clicked.connect(self.log_model.reload)
        self._log_reloads = Coalescer(self.log_model.reload, 500, self)
        self._bus = BusListener(self, services.bus)
        self._bus.on(ev.NotificationMailsLogged, self._log_reloads.poke)
        self._rule_reloads = Coalescer(self.after_change, 200, self)  # keeps the state line
        for event_type in (ev.GroupChanged, ev.NotificationRulesChanged):
            self._bus.on(event_type, self._rule_reloads.poke)

    def detach(self) -> None:
        self._bus.detach()

    def _load_log(self, limit: int, before):
        return self.services.notifications.mail_log(self.operator(), limit, before)

    def apply_operator(self, ctx: OperatorContext) -> None:
        if ctx.can(Permission.NOTIFICATIONS):
            self.reload()
            self._load_operator_names(ctx)
            self.log_model.reload()

    def _load_operator_names(self, ctx: OperatorContext) -> None:
        """The recipients column names operators: their names come from the operator service."""

        def names(operators) -> None:
            self._operator_names.clear()
            self._operator_names.update({o.id: o.full_name or o.username for o in operators})
            if self.model.rowCount():
                self.model.dataChanged.emit(self.model.index(0, nm.COL_RECIPIENTS),
                                            self.model.index(self.model.rowCount() - 1, nm.COL_RECIPIENTS))

        run_task(self.services.operators.list(ctx), on_done=names, owner=self, what="listing operators")

    def reload(self) -> None:
        ctx = self.operator()
        rules = self.services.notifications.rules.list(ctx) if ctx.can(Permission.NOTIFICATIONS) else []
        self.model.set_rows(rules)
        n = len(rules)
        self.ui.stateLabel.setText(counted(n, "rule") if n else
                                   self.tr("No notification rules: nobody is mailed when a charger fails. Add a rule."))
        self._update_actions()

    def after_change(self) -> None:
        ctx = self.operator()
        self.model.set_rows(self.services.notifications.rules.list(ctx) if ctx.can(Permission.NOTIFICATIONS) else [])
        self._update_actions()

    def select_rule(self, rule_id: UUID) -> bool:
        return self.select_id(rule_id)

    def update_actions(self, ctx: OperatorContext, row: NotificationRule | None) -> None:
        can, ui = ctx.can(Permission.NOTIFICATIONS), self.ui
        ui.addButton.setEnabled(can)
        ui.editButton.setEnabled(can and row is not None)
        ui.deleteButton.setEnabled(can and row is not None)

    def add_rule(self) -> NotificationRuleDialog | None:
        return self._open(None) if self.operator().can(Permission.NOTIFICATIONS) else None

    def edit_selected(self) -> NotificationRuleDialog | None:
        row = self.selected()
        return self._open(row) if row is not None else None

    def _open(self, row) -> NotificationRuleDialog:
        dialog = NotificationRuleDialog(self.services, self.operator, row, self)
        dialog.ruleSaved.connect(lambda r: self.done(self.tr("Saved {name}.").format(name=r.name)))
        return self.open_dialog(dialog)

    def confirm_delete(self) -> QMessageBox | None:
        row = self.selected()
        if row is None:
            return None
        return self.confirm(self.tr("Delete notification rule"), self.tr("Delete the notification rule {name}?").format(name=row.name),
                            self.tr("Delete rule"),
                            lambda: self.delete(row),
                            detail=self.tr("Its recipients are no longer mailed about these stations."))

    def delete(self, row) -> None:
        self.act(self.services.notifications.rules.delete(self.operator(), row.id, row.version),
                 "deleting a notification rule", lambda _r: self.tr("Deleted {name}.").format(name=row.name))
