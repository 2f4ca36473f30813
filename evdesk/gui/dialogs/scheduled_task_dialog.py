"""The scheduled task editor: name, type and its parameters, targets (the group tree with its
stations, charging users, or user groups), and when: once / daily / weekly / monthly at a
local time, an end date, how long to wait for offline stations, and Active.

Times are the site's local time (the task keeps the zone's name), shown next to UTC ("now"
line) because the manual's own UTC example is wrong (REQUIREMENTS-DIGEST B7)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timezone
from uuid import UUID

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QTime, Qt, Signal
from PySide6.QtWidgets import QDialog, QListWidgetItem, QTreeWidgetItem

from evdesk.core.permissions import OperatorContext
from evdesk.core.reads.people import UserFilter
from evdesk.core.scheduling.book import TaskInput, TaskRow, local_now_text
from evdesk.core.scheduling.kinds import COMMANDS, KIND_LABELS, STATION_KINDS
from evdesk.core.scheduling.recurrence import Schedule
from evdesk.gui import display
from evdesk.gui.asyncutil import run_task
from evdesk.gui.dialogs.save_failure import show_save_failure
from evdesk.gui.dialogs.scheduled_task_service_params import FIELD_WIDGETS as SERVICE_FIELDS
from evdesk.gui.dialogs.scheduled_task_service_params import PARAM_PAGES as SERVICE_PAGES
from evdesk.gui.dialogs.scheduled_task_service_params import ServiceParams
from evdesk.gui.forms.ui_scheduled_task_dialog import Ui_ScheduledTaskDialog
from evdesk.gui.translations.labels import state_label
from evdesk.gui.translations.phrases import phrase, schedule_text

ID_ROLE = Qt.ItemDataRole.UserRole
PARAM_PAGES = {"station_current": 0, "group_current": 0, "user_active": 1, "user_group_active": 1, "firmware": 2,
               "reset": 3, "availability": 4, "command": 5, **SERVICE_PAGES}
RECURRENCE_LABELS = ((QT_TRANSLATE_NOOP("ScheduledTaskDialog", "Once"), "once"), (QT_TRANSLATE_NOOP("ScheduledTaskDialog", "Daily"), "daily"),
                     (QT_TRANSLATE_NOOP("ScheduledTaskDialog", "Weekly"), "weekly"),
                     (QT_TRANSLATE_NOOP("ScheduledTaskDialog", "Monthly"), "monthly"))
FIELD_WIDGETS = {"name": "nameEdit", "kind": "kindCombo", "amps": "ampsSpin", "limit_key": "limitKeyEdit",
                 "location": "locationEdit", "time_of_day": "timeEdit", "weekdays": "day0", "day_of_month": "dayCombo",
                 "end_date": "endDateEdit", "wait_offline_minutes": "waitSpin", "targets": "targetTree",
                 **SERVICE_FIELDS}


def parse_args(text: str, command: str) -> dict:
    """'name = value' lines into the command's parameters (true/false for switches, numbers as text:
    the core checks them)."""
    types = {name: kind for name, kind, _req in COMMANDS.get(command, ())}
    args = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        name, _sep, value = line.partition("=")
        name, value = name.strip(), value.strip()
        if types.get(name) is bool:
            args[name] = value.lower() in ("true", "yes", "1", "on")
        elif types.get(name) is list:
            args[name] = [v.strip() for v in value.split(",") if v.strip()]
        else:
            args[name] = value
    return args


class ScheduledTaskDialog(QDialog):
    taskSaved = Signal(object)  # TaskRow

    def __init__(self, services, operator: Callable[[], OperatorContext], task: TaskRow | None = None, parent=None,
                 now: Callable[[], datetime] = lambda: datetime.now(timezone.utc)):
        super().__init__(parent)
        self.ui = Ui_ScheduledTaskDialog()
        self.ui.setupUi(self)
        self.services, self.operator, self.task, self.now = services, operator, task, now
        self.zone = display.zone_of(services.settings)
        self.zone_name = display.zone_label(self.zone) if task is None else task.data.zone
        self.day_checks = [getattr(self.ui, f"day{i}") for i in range(7)]
        self._fill_choices()
        self.service_params = ServiceParams(self.ui, services, operator, self, task.data.params if task else None)
        self._fill_tree()
        self._load_user_groups()
        ui = self.ui
        ui.kindCombo.currentIndexChanged.connect(self._kind_changed)
        ui.recurrenceCombo.currentIndexChanged.connect(self._when_changed)
        ui.commandCombo.currentIndexChanged.connect(self._command_changed)
        ui.endCheck.toggled.connect(self._when_changed)
        for widget in (ui.timeEdit, ui.startDateEdit, ui.endDateEdit):
            (widget.timeChanged if widget is ui.timeEdit else widget.dateChanged).connect(self._when_changed)
        for box in self.day_checks:
            box.toggled.connect(self._when_changed)
        ui.dayCombo.currentIndexChanged.connect(self._when_changed)
        ui.targetTree.itemChanged.connect(lambda *_: self._targets_changed())
        ui.usersList.itemChanged.connect(lambda *_: self._targets_changed())
        ui.userGroupsList.itemChanged.connect(lambda *_: self._targets_changed())
        ui.userSearch.textChanged.connect(self._search_users)
        ui.cancelButton.clicked.connect(self.reject)
        ui.okButton.clicked.connect(self.save)
        self.chosen_users: dict[UUID, str] = {}
        if task is not None:
            self._show(task)
        else:
            local_now = now().astimezone(self.zone)
            ui.startDateEdit.setDate(QDate(local_now.year, local_now.month, local_now.day))
            ui.endDateEdit.setDate(QDate(local_now.year, local_now.month, local_now.day).addMonths(1))
            ui.timeEdit.setTime(QTime(local_now.hour, 0))
            ui.activeCheck.setChecked(False)  # the manual: new tasks are ticked Active afterwards
        self._search_users("")
        self._kind_changed()
        self._when_changed()
        self.ui.errorLabel.hide()

    # -- choices -----------------------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        ui = self.ui
        for kind, label in KIND_LABELS.items():
            ui.kindCombo.addItem(phrase(label), kind)
        for label, value in RECURRENCE_LABELS:
            ui.recurrenceCombo.addItem(self.tr(label), value)
        for day in range(1, 32):
            ui.dayCombo.addItem(self.tr("{day} (or the month's last day)").format(day=day) if day > 28 else str(day), day)
        ui.dayCombo.addItem(self.tr("Last day of the month"), 0)
        ui.activeValueCombo.addItem(state_label("Active"), True)
        ui.activeValueCombo.addItem(state_label("Inactive"), False)
        ui.resetKindCombo.addItem("Soft", "Soft")
        ui.resetKindCombo.addItem("Hard", "Hard")
        ui.availableCombo.addItem("Operative", True)
        ui.availableCombo.addItem("Inoperative", False)
        for name in COMMANDS:
            ui.commandCombo.addItem(phrase(name.replace("_", " ").capitalize()), name)
        ui.ampsSpin.setValue(16)
        ui.limitKeyEdit.setToolTip(self.tr("Chargers with smart charging get a charging profile (ChargePointMaxProfile). A "
                                           "charger without it gets this configuration key set to the current instead; "
                                           "leave it empty and such chargers fail with the reason."))
        ui.waitSpin.setToolTip(self.tr("A station that is offline when the task runs is waited for up to this long, then "
                                       "it fails as offline. 0: it fails at once."))

    def _fill_tree(self) -> None:
        tree, groups, ctx = self.ui.targetTree, self.services.groups, self.operator()
        tree.blockSignals(True)

        def station_item(parent, info) -> None:
            item = QTreeWidgetItem(parent, [info.display_name])
            item.setData(0, ID_ROLE, ("station", info.id))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Unchecked)

        def group_item(parent, group) -> None:
            item = QTreeWidgetItem(parent, [group.name])
            item.setData(0, ID_ROLE, ("group", group.id))
            item.setToolTip(0, self.tr("A ticked group: all its stations and subgroups' stations, as they are at run time."))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Unchecked)
            for child in groups.children(group.id):
                group_item(item, child)
            for info in groups.stations_in(group.id):
                if info.registration == "adopted":
                    station_item(item, info)

        for group in groups.top_groups(ctx):
            group_item(tree, group)
        if ctx.sees_station(None):
            orphans = [s for s in groups.stations_in(None) if s.registration == "adopted"]
            if orphans:
                top = QTreeWidgetItem(tree, [self.tr("Stations without a group")])
                for info in orphans:
                    station_item(top, info)
        tree.expandToDepth(0)
        tree.blockSignals(False)

    def _load_user_groups(self) -> None:
        def fill(rows) -> None:
            chosen = set(self.task.data.targets.get("user_group_ids", ())) if self.task else set()
            self.ui.userGroupsList.blockSignals(True)
            for g in rows:
                item = QListWidgetItem(g.name, self.ui.userGroupsList)
                item.setData(ID_ROLE, g.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if str(g.id) in chosen else Qt.CheckState.Unchecked)
            self.ui.userGroupsList.blockSignals(False)
            self._targets_changed()

        run_task(self.services.people.groups.list(), on_done=fill, owner=self, what="loading user groups")

    def _search_users(self, text: str) -> None:
        async def search():
            page = await self.services.people.reads.users(self.operator(), UserFilter(text=text.strip()), limit=100)
            return [(r.id, " ".join(p for p in (r.first_name, r.last_name) if p) or r.email or str(r.id))
                    for r in page.items]

        def fill(pairs) -> None:
            view = self.ui.usersList
            view.blockSignals(True)
            view.clear()
            rows = sorted(self.chosen_users.items(), key=lambda p: p[1].casefold())
            rows += [(i, label) for i, label in pairs if i not in self.chosen_users]
            for user_id, label in rows:
                item = QListWidgetItem(label, view)
                item.setData(ID_ROLE, user_id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if user_id in self.chosen_users else Qt.CheckState.Unchecked)
            view.blockSignals(False)

        run_task(search(), on_done=fill, owner=self, what="searching charging users")

    # -- showing a task ------------------------------------------------------------------------------------
    def _show(self, task: TaskRow) -> None:
        ui, d = self.ui, task.data
        self.setWindowTitle(self.tr("Edit scheduled task {name}").format(name=d.name))
        ui.nameEdit.setText(d.name)
        ui.kindCombo.setCurrentIndex(ui.kindCombo.findData(d.kind))
        p = d.params
        if d.kind in ("station_current", "group_current"):
            ui.ampsSpin.setValue(float(p.get("amps", 0)))
            ui.limitKeyEdit.setText(p.get("limit_key", ""))
        elif d.kind in ("user_active", "user_group_active"):
            ui.activeValueCombo.setCurrentIndex(0 if p.get("active") else 1)
        elif d.kind == "firmware":
            ui.locationEdit.setText(p.get("location", ""))
        elif d.kind == "reset":
            ui.resetKindCombo.setCurrentIndex(ui.resetKindCombo.findData(p.get("kind")))
        elif d.kind == "availability":
            ui.connectorSpin.setValue(int(p.get("connector_id", 0)))
            ui.availableCombo.setCurrentIndex(0 if p.get("available") else 1)
        elif d.kind == "command":
            ui.commandCombo.setCurrentIndex(ui.commandCombo.findData(p.get("command")))
            ui.argsEdit.setPlainText("\n".join(f"{k} = {v}" for k, v in (p.get("args") or {}).items()))
        else:
            self.service_params.show(d.kind, p)
        ui.recurrenceCombo.setCurrentIndex(ui.recurrenceCombo.findData(d.recurrence))
        hours, minutes = (int(x) for x in d.time_of_day.split(":"))
        ui.timeEdit.setTime(QTime(hours, minutes))
        ui.startDateEdit.setDate(QDate(d.start_date.year, d.start_date.month, d.start_date.day))
        ui.endCheck.setChecked(d.end_date is not None)
        end = d.end_date or d.start_date
        ui.endDateEdit.setDate(QDate(end.year, end.month, end.day))
        for i, box in enumerate(self.day_checks):
            box.setChecked(i in d.weekdays)
        ui.dayCombo.setCurrentIndex(ui.dayCombo.findData(d.day_of_month if d.day_of_month is not None else 1))
        ui.waitSpin.setValue(d.wait_offline_minutes)
        ui.activeCheck.setChecked(d.active)
        chosen = {("group", UUID(g)) for g in d.targets.get("group_ids", ())} | \
                 {("station", UUID(s)) for s in d.targets.get("station_ids", ())}
        self._walk_tree(lambda item: item.setCheckState(0, Qt.CheckState.Checked)
                        if item.data(0, ID_ROLE) in chosen else None)
        self.chosen_users = {UUID(u): self._user_name(UUID(u)) for u in d.targets.get("user_ids", ())}

    def _user_name(self, user_id: UUID) -> str:
        return str(user_id)[:8] + "…"  # replaced by the name when the search lists it

    def _walk_tree(self, fn) -> None:
        def walk(item):
            if item.data(0, ID_ROLE) is not None:
                fn(item)
            for i in range(item.childCount()):
                walk(item.child(i))
        tree = self.ui.targetTree
        tree.blockSignals(True)
        for i in range(tree.topLevelItemCount()):
            walk(tree.topLevelItem(i))
        tree.blockSignals(False)

    # -- following the form --------------------------------------------------------------------------------
    def kind(self) -> str:
        return self.ui.kindCombo.currentData()

    def _kind_changed(self, *_args) -> None:
        kind, ui = self.kind(), self.ui
        ui.paramsStack.setCurrentIndex(PARAM_PAGES[kind])
        page = self.service_params.targets_page(kind)
        ui.targetsStack.setCurrentIndex(page if page is not None else 0 if kind in STATION_KINDS
                                        else 1 if kind == "user_active" else 2)
        self._command_changed()
        self._targets_changed()

    def _command_changed(self, *_args) -> None:
        params = COMMANDS.get(self.ui.commandCombo.currentData(), ())
        self.ui.argsHelp.setText(self.tr("Parameters: {names}").format(
            names=", ".join(n if req else self.tr("{name} (optional)").format(name=n) for n, _t, req in params)
            or self.tr("none")))

    def _when_changed(self, *_args) -> None:
        ui, recurrence = self.ui, self.ui.recurrenceCombo.currentData()
        ui.startLabel.setText(self.tr("Date") if recurrence == "once" else self.tr("From"))
        for widget, shown in ((ui.weekdaysBox, recurrence == "weekly"), (ui.weekdaysLabel, recurrence == "weekly"),
                              (ui.dayCombo, recurrence == "monthly"), (ui.dayLabel, recurrence == "monthly"),
                              (ui.endBox, recurrence != "once"), (ui.endLabel, recurrence != "once")):
            widget.setVisible(shown)
        ui.endDateEdit.setEnabled(ui.endCheck.isChecked())
        now = self.now()
        ui.nowLabel.setText(self.tr("Times are local to {zone}. Now: {now}").format(zone=self.zone_name, now=local_now_text(now, self.zone_name)))
        try:
            d = self.values()
            schedule = Schedule(d.recurrence, QTime.fromString(d.time_of_day, "HH:mm").toPython(), d.zone, d.start_date,
                                d.end_date, frozenset(d.weekdays), d.day_of_month)
            nxt = schedule.next_after(now)
            when = nxt.astimezone(self.zone).strftime("%a %d.%m.%Y %H:%M") + f" ({nxt:%H:%M} UTC)" if nxt else self.tr("none")
            ui.scheduleLabel.setText(self.tr("{schedule}. Next run: {when}.").format(schedule=schedule_text(schedule), when=when))
        except (ValueError, KeyError):
            ui.scheduleLabel.setText("")

    def _targets_changed(self) -> None:
        t = self.targets()
        parts = [noun.format(count=len(v)) for v, noun in (
            (t["group_ids"], self.tr("{count} group(s)")), (t["station_ids"], self.tr("{count} station(s)")),
            (t["user_ids"], self.tr("{count} user(s)")), (t["user_group_ids"], self.tr("{count} user group(s)")))
                 if v]
        self.ui.targetsSummary.setText(self.tr("Chosen: {targets}").format(targets=", ".join(parts)) if parts
                                       else self.tr("Chosen: nothing yet"))

    # -- values ---------------------------------------------------------------------------------------------
    def targets(self) -> dict:
        kind, ui = self.kind(), self.ui
        out = {"group_ids": [], "station_ids": [], "user_ids": [], "user_group_ids": []}
        if kind in ("report_email", "circuit_limit"):
            return out
        if kind in STATION_KINDS:
            def take(item):
                if item.checkState(0) == Qt.CheckState.Checked:
                    what, item_id = item.data(0, ID_ROLE)
                    out["group_ids" if what == "group" else "station_ids"].append(str(item_id))
            self._walk_tree(take)
        elif kind == "user_active":
            for i in range(ui.usersList.count()):
                item = ui.usersList.item(i)
                if item.checkState() == Qt.CheckState.Checked:
                    self.chosen_users[item.data(ID_ROLE)] = item.text()
                else:
                    self.chosen_users.pop(item.data(ID_ROLE), None)
            out["user_ids"] = [str(u) for u in self.chosen_users]
        else:
            for i in range(ui.userGroupsList.count()):
                item = ui.userGroupsList.item(i)
                if item.checkState() == Qt.CheckState.Checked:
                    out["user_group_ids"].append(str(item.data(ID_ROLE)))
        return out

    def params(self) -> dict:
        kind, ui = self.kind(), self.ui
        if kind in ("station_current", "group_current"):
            return {"amps": ui.ampsSpin.value(), "limit_key": ui.limitKeyEdit.text()}
        if kind in ("user_active", "user_group_active"):
            return {"active": ui.activeValueCombo.currentData()}
        if kind == "firmware":
            return {"location": ui.locationEdit.text()}
        if kind == "reset":
            return {"kind": ui.resetKindCombo.currentData()}
        if kind == "availability":
            return {"connector_id": ui.connectorSpin.value(), "available": ui.availableCombo.currentData()}
        if kind in SERVICE_PAGES:
            return self.service_params.params(kind)
        command = ui.commandCombo.currentData()
        return {"command": command, "args": parse_args(ui.argsEdit.toPlainText(), command)}

    def values(self) -> TaskInput:
        ui = self.ui
        recurrence = ui.recurrenceCombo.currentData()
        start: date = ui.startDateEdit.date().toPython()
        end = ui.endDateEdit.date().toPython() if ui.endCheck.isChecked() and recurrence != "once" else None
        return TaskInput(ui.nameEdit.text(), self.kind(), self.targets(), self.params(), recurrence,
                         ui.timeEdit.time().toString("HH:mm"), self.zone_name, start, end,
                         [i for i, box in enumerate(self.day_checks) if box.isChecked()],
                         ui.dayCombo.currentData() if recurrence == "monthly" else None, ui.activeCheck.isChecked(),
                         ui.waitSpin.value())

    # -- saving ---------------------------------------------------------------------------------------------
    def show_error(self, field: str | None, text: str) -> None:
        label = self.ui.errorLabel
        label.setText(text)
        label.show()
        widget = getattr(self.ui, FIELD_WIDGETS.get(field or "", ""), None)
        if widget is not None:
            widget.setFocus()

    def save(self) -> None:
        self.ui.errorLabel.hide()
        book, ctx, data = self.services.scheduled_tasks, self.operator(), self.values()
        coro = book.create(ctx, data) if self.task is None else book.update(ctx, self.task.id, self.task.version, data)
        self.ui.okButton.setEnabled(False)
        run_task(coro, on_done=self._saved, on_error=self._failed, owner=self, what="saving a scheduled task",
                 cancel_with_owner=False)

    def _saved(self, row: TaskRow) -> None:
        self.taskSaved.emit(row)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ui.okButton.setEnabled(True)
        show_save_failure(self.show_error, exc, self.tr("Someone else changed this task since you opened it. Close "
                                                        "this window and edit again."))
