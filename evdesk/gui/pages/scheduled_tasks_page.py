"""The Scheduled tasks page: the tasks (filter by type or name; add, edit, copy, activate,
deactivate, run now, delete) and the Event feed (a day at a time, OK or failures, search), each
run's outcome per station in words, and Retry for runs that failed (manual l.1076-1197).

The page is for operators with the scheduled-tasks right (the registry hides it from the
others); a group admin sees the tasks of their domain only (the core decides)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import QMessageBox

from evdesk.core import events as ev
from evdesk.core.permissions import OperatorContext
from evdesk.core.scheduling.book import TaskRow, local_now_text
from evdesk.core.scheduling.kinds import KIND_LABELS
from evdesk.gui import display
from evdesk.gui.asyncutil import run_task
from evdesk.gui.coalesce import Coalescer
from evdesk.gui.dialogs.scheduled_task_dialog import ScheduledTaskDialog
from evdesk.gui.forms.ui_scheduled_tasks_page import Ui_ScheduledTasksPage
from evdesk.gui.models import scheduled_tasks_model as sm
from evdesk.gui.models.base import BusListener, Roles
from evdesk.gui.pages.list_page import ListPage
from evdesk.gui.translations.phrases import phrase

CLOCK_MS = 30_000


class ScheduledTasksPage(ListPage):
    def __init__(self, services, operator: Callable[[], OperatorContext], parent=None,
                 now: Callable[[], datetime] = lambda: datetime.now(timezone.utc)):
        super().__init__(services, operator, parent)
        self.now = now
        self.ui = Ui_ScheduledTasksPage()
        self.ui.setupUi(self)
        ui = self.ui
        zone = lambda: display.zone_of(services.settings)  # noqa: E731 - asked at each draw
        self.zone = zone
        self.setup_table(ui.tasksView, sm.TasksModel(zone, self), {sm.COL_ACTIVE: 80, sm.COL_NAME: 230,
                                                                   sm.COL_TYPE: 220, sm.COL_SCHEDULE: 260,
                                                                   sm.COL_TARGETS: 130},
                         proxy=sm.TasksProxy(self))
        self.setup_search(ui.searchEdit, delay_ms=0)
        self.add_filter(ui.kindFilter, [(self.tr("Select task type (all)"), "")] + [(phrase(label), kind) for kind, label in
                                                                           KIND_LABELS.items()])
        self.runs = sm.RunsModel(zone, self)
        ui.runsView.setModel(self.runs)
        self.outcomes = sm.OutcomesModel(self)
        ui.outcomesView.setModel(self.outcomes)
        for view, widths in ((ui.runsView, (280, 200, 140)), (ui.outcomesView, (200, 70))):
            view.verticalHeader().hide()
            view.horizontalHeader().setStretchLastSection(True)
            for column, width in enumerate(widths):
                view.setColumnWidth(column, width)
        ui.runsView.selectionModel().selectionChanged.connect(self._run_chosen)
        ui.feedSplitter.setSizes([260, 340])  # the runs of a day above, the chosen run's stations below
        for label, value in ((self.tr("All statuses"), None), (self.tr("OK"), "ok"), (self.tr("Failures"), "failures")):
            ui.statusFilter.addItem(label, value)
        today = now().astimezone(zone()).date()
        ui.dateEdit.setDate(QDate(today.year, today.month, today.day))
        ui.dateEdit.dateChanged.connect(lambda *_: self.reload_feed())
        ui.previousDayButton.clicked.connect(lambda: ui.dateEdit.setDate(ui.dateEdit.date().addDays(-1)))
        ui.nextDayButton.clicked.connect(lambda: ui.dateEdit.setDate(ui.dateEdit.date().addDays(1)))
        ui.statusFilter.currentIndexChanged.connect(lambda *_: self.reload_feed())
        ui.feedSearchEdit.textChanged.connect(lambda *_: self._feed_reloads.poke())
        ui.retryButton.clicked.connect(self.retry_selected_run)
        ui.refreshButton.clicked.connect(self.reload_feed)
        ui.addButton.clicked.connect(self.add_task)
        ui.editButton.clicked.connect(self.edit_selected)
        ui.copyButton.clicked.connect(self.copy_selected)
        ui.activateButton.clicked.connect(lambda: self.set_active(True))
        ui.deactivateButton.clicked.connect(lambda: self.set_active(False))
        ui.runNowButton.clicked.connect(self.run_selected_now)
        ui.deleteButton.clicked.connect(self.confirm_delete)
        self._reloads = Coalescer(self.reload, 200, self)
        self._feed_reloads = Coalescer(self.reload_feed, 300, self)
        self._bus = BusListener(self, services.bus)
        self._bus.on(ev.ScheduledTasksChanged, lambda _e: self._reloads.poke())
        self._bus.on(ev.TaskRunChanged, lambda _e: (self._feed_reloads.poke(), self._reloads.poke()))
        self._bus.on(ev.RowsChanged, lambda e: self._reloads.poke() if e.entity == "scheduled_task" else None)
        self._clock = QTimer(self)
        self._clock.timeout.connect(self._show_clock)
        self._clock.start(CLOCK_MS)
        self._show_clock()
        self.reload()
        self.reload_feed()

    def detach(self) -> None:
        self._bus.detach()
        self._clock.stop()

    def _show_clock(self) -> None:
        """The clock line, and (every 30 s) the feed: runs made by another seat are not announced here."""
        zone = display.zone_label(self.zone())
        self.ui.clockLabel.setText(self.tr("Now: {time}").format(time=local_now_text(self.now(), zone)))
        if self.ui.tabs.currentIndex() == 1 and self.isVisible():
            self._feed_reloads.poke()

    # -- the tasks ----------------------------------------------------------------------------------------
    def apply_filter(self) -> None:
        super().apply_filter()
        self.proxy.setFilterFixedString(self.search_text())
        self.reload()

    def reload(self) -> None:
        kind = self.ui.kindFilter.currentData() or ""
        run_task(self.services.scheduled_tasks.list(self.operator(), "", kind), on_done=self._show_tasks,
                 on_error=self.failed, owner=self, what="loading scheduled tasks")

    def _show_tasks(self, rows: list[TaskRow]) -> None:
        self.model.set_rows(rows)
        self._update_actions()

    def update_actions(self, ctx: OperatorContext, row: TaskRow | None) -> None:
        ui = self.ui
        for button in (ui.editButton, ui.copyButton, ui.runNowButton, ui.deleteButton):
            button.setEnabled(row is not None)
        ui.activateButton.setEnabled(row is not None and not row.data.active)
        ui.deactivateButton.setEnabled(row is not None and row.data.active)
        run = self.selected_run()
        ui.retryButton.setEnabled(run is not None and run.state in sm.RETRYABLE)

    def add_task(self) -> ScheduledTaskDialog:
        return self._open(None)

    def edit_selected(self) -> ScheduledTaskDialog | None:
        row = self.selected()
        return self._open(row) if row is not None else None

    def _open(self, row: TaskRow | None) -> ScheduledTaskDialog:
        dialog = ScheduledTaskDialog(self.services, self.operator, row, self, now=self.now)
        dialog.taskSaved.connect(lambda t: self.done(
            (self.tr("Saved {name}.") if t.data.active
             else self.tr("Saved {name}. It is inactive: tick Active (Activate) when it should run.")).format(name=t.data.name)))
        return self.open_dialog(dialog)

    def copy_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.act(self.services.scheduled_tasks.copy(self.operator(), row.id), "copying a scheduled task",
                     lambda t: self.tr("Copied as {name} (inactive): edit it, then activate it.").format(name=t.data.name))

    def set_active(self, active: bool) -> None:
        row = self.selected()
        if row is not None:
            self.act(self.services.scheduled_tasks.set_active(self.operator(), [row.id], active),
                     "activating a scheduled task",
                     lambda _n: (self.tr("{name} is active now.") if active
                                 else self.tr("{name} is inactive now.")).format(name=row.data.name))

    def run_selected_now(self) -> None:
        row = self.selected()
        if row is not None:
            self.act(self.services.scheduled_tasks.run_now(self.operator(), row.id), "running a scheduled task",
                     lambda _r: self.tr("{name} runs now; its result appears in the Event feed.").format(name=row.data.name))

    def confirm_delete(self) -> QMessageBox | None:
        row = self.selected()
        if row is None:
            return None
        return self.confirm(self.tr("Delete scheduled task"), self.tr("Delete the scheduled task {name}?").format(name=row.data.name),
                            self.tr("Delete task"),
                            lambda: self.act(self.services.scheduled_tasks.delete(self.operator(), row.id),
                                             "deleting a scheduled task", lambda _r: self.tr("Deleted {name}.").format(name=row.data.name)),
                            detail=self.tr("Its past runs stay in the Event feed."))

    # -- the event feed -------------------------------------------------------------------------------------
    def reload_feed(self) -> None:
        day = self.ui.dateEdit.date().toPython()
        since, until = sm.local_day_bounds(day, self.zone())
        run_task(self.services.scheduled_tasks.runs(self.operator(), since=since.astimezone(timezone.utc),
                                                    until=until.astimezone(timezone.utc),
                                                    state=self.ui.statusFilter.currentData(),
                                                    text=self.ui.feedSearchEdit.text()),
                 on_done=lambda rows: self._show_runs([sm.RunRow.of(r) for r in rows]), on_error=self.failed,
                 owner=self, what="loading the tasks event feed")

    def _show_runs(self, rows: list[sm.RunRow]) -> None:
        chosen = self.selected_run()
        self.runs.set_rows(rows)
        if chosen is not None and self.runs.row_of(chosen.id) >= 0:
            self.ui.runsView.selectRow(self.runs.row_of(chosen.id))
            self._run_chosen()
        self._update_actions()

    def selected_run(self) -> sm.RunRow | None:
        rows = self.ui.runsView.selectionModel().selectedRows()
        return rows[0].data(Roles.RowData) if rows else None

    def select_run(self, index: int) -> None:
        self.ui.runsView.selectRow(index)

    def _run_chosen(self, *_args) -> None:
        run = self.selected_run()
        self._update_actions()
        if run is None:
            self.outcomes.set_rows([])
            return
        self.ui.outcomesLabel.setText(self.tr("{task}: {summary} ({ok} of {total} OK)").format(
            task=run.task_name, summary=run.summary, ok=run.total - run.failed, total=run.total)
            if run.total else f"{run.task_name}: {run.summary}")

        def show(rows) -> None:
            self.outcomes.set_rows([sm.OutcomeRow.of(r) for r in rows])

        run_task(self.services.scheduled_tasks.run_outcomes(self.operator(), run.id), on_done=show,
                 on_error=self.failed, owner=self, what="loading a run's outcomes")

    def retry_selected_run(self) -> None:
        run = self.selected_run()
        if run is not None and run.state in sm.RETRYABLE:
            self.act(self.services.scheduled_tasks.retry(self.operator(), run.id), "retrying a task run",
                     lambda t: self.tr("Made {name} for the failed targets; it runs at {time}.").format(
                         name=t.data.name, time=f"{t.next_run.astimezone(self.zone()):%H:%M}") if t.next_run else
                     self.tr("Made {name}.").format(name=t.data.name))


__all__ = ["ScheduledTasksPage"]
