"""The Sessions page: the charging log. Every session of the operator's stations with its
times (site zone), where, who, energy, duration, cost, status, stop reason and flags;
filtered by period (last 7 / 30 / 60 days, a custom range, all time), charging group (with
its subgroups), station, charging user, user group, token, status, flags and text; paged
in as the table scrolls; sorted by start, energy, duration or cost; running sessions live.
Double-click (or Details…) opens a session; Export CSV… writes what the filter shows, with
a progress dialog that can cancel, while the window keeps working.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from uuid import UUID

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, QTimer
from PySide6.QtWidgets import QCompleter, QFileDialog, QProgressDialog

from evdesk.core.errors import EvdeskError
from evdesk.core.permissions import OperatorContext
from evdesk.core.reads.sessions import STATE_LABELS, SessionFilter
from evdesk.gui import display
from evdesk.gui.asyncutil import run_task
from evdesk.gui.forms.ui_sessions_page import Ui_SessionsPage
from evdesk.gui.models import sessions_model as sm
from evdesk.gui.models.base import BusListener, ZoneFollower
from evdesk.gui.pages.base import Page
from evdesk.gui.translations.labels import state_label
from evdesk.gui.widgets.sessions_table import open_details, selected_row, setup_view

PRESETS = ((QT_TRANSLATE_NOOP("SessionsPage", "Last 7 days"), "7"), (QT_TRANSLATE_NOOP("SessionsPage", "Last 30 days"), "30"), (QT_TRANSLATE_NOOP("SessionsPage", "Last 60 days"), "60"),
           (QT_TRANSLATE_NOOP("SessionsPage", "Custom range"), "custom"), (QT_TRANSLATE_NOOP("SessionsPage", "All time"), "all"))
DEFAULT_PRESET = "30"
SEARCH_DELAY_MS = 300
PICKER_LIMIT = 1000  # users and tokens offered in the pickers (type to search beyond: the text filter)
DONE_STYLE, FAILED_STYLE = "color: #2e7d32;", "color: #c62828;"


def period(preset: str, zone, start: date | None = None, end: date | None = None) -> tuple[datetime | None, datetime | None]:
    """(since, until) of a preset: whole local days in the site's zone; custom is `start`..`end` inclusive."""
    def day(d: date) -> datetime:
        return datetime.combine(d, time.min, tzinfo=zone)

    if preset == "custom" and start is not None:
        return day(start), day((end or start) + timedelta(days=1))
    if preset in ("7", "30", "60"):
        today = datetime.now(zone).date()
        return day(today - timedelta(days=int(preset) - 1)), None
    return None, None


@dataclass
class ExportJob:
    """An export the page started: the benchmark and tests wait on `finished`."""

    path: str
    rows: int = 0
    finished: bool = False
    cancelled: bool = False
    error: str = ""


class SessionsPage(Page):
    def __init__(self, services, operator: Callable[[], OperatorContext], parent=None, central_system=None):
        super().__init__(parent)
        self.ui = Ui_SessionsPage()
        self.ui.setupUi(self)
        self.services = services
        self.operator = operator
        self.central_system = central_system
        self.dialog = None  # the last session window opened (tests and screenshots look at it)
        self.progress: QProgressDialog | None = None
        self.job: ExportJob | None = None
        ctx = operator()
        self._acting = (ctx.operator_id, ctx.role, ctx.domain_groups)
        ui = self.ui
        self.model = sm.SessionsModel(services, operator, self.current_filter(), self, load=False)
        self.model.follow_while_shown(self)
        setup_view(ui.sessionsView, self.model)
        for label, key in PRESETS:
            ui.rangeCombo.addItem(self.tr(label), key)
        ui.rangeCombo.setCurrentIndex(ui.rangeCombo.findData(DEFAULT_PRESET))
        today = QDate.currentDate()
        ui.fromDateEdit.setDate(today.addDays(-6))
        ui.toDateEdit.setDate(today)
        ui.statusCombo.addItem(self.tr("All statuses"), None)
        for state, label in STATE_LABELS.items():
            ui.statusCombo.addItem(state_label(label), state)
        for combo in (ui.userCombo, ui.tokenCombo):
            combo.setInsertPolicy(combo.InsertPolicy.NoInsert)
            completer = QCompleter(combo.model(), combo)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            combo.setCompleter(completer)
        self.fill_pickers()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        ui.searchEdit.textChanged.connect(lambda _t: self._search_timer.start())
        for combo in (ui.rangeCombo, ui.groupCombo, ui.stationCombo, ui.statusCombo, ui.userCombo, ui.userGroupCombo,
                      ui.tokenCombo):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        ui.flaggedCheck.toggled.connect(lambda _c: self.apply_filter())
        for edit in (ui.fromDateEdit, ui.toDateEdit):
            edit.dateChanged.connect(lambda _d: self.apply_filter())
        ui.sessionsView.selectionModel().selectionChanged.connect(self._update_actions)
        ui.sessionsView.doubleClicked.connect(lambda _i: self.open_selected())
        ui.detailsButton.clicked.connect(self.open_selected)
        ui.exportButton.clicked.connect(self.choose_export_file)
        for signal in (self.model.rowsInserted, self.model.modelReset):
            signal.connect(self._update_count)
        self._bus = BusListener(self, services.bus)
        ZoneFollower(self._bus, services.settings, self.apply_filter)  # "last 7 days" are days in the site's zone
        self._show_custom()
        self._update_actions()
        self.apply_filter(force=True)

    def detach(self) -> None:
        self._bus.detach()
        self.model.detach()

    def apply_operator(self, ctx) -> None:
        """Another operator (or another domain): other stations, users and pickers."""
        acting = (ctx.operator_id, ctx.role, ctx.domain_groups)
        if acting == self._acting:
            return
        self._acting = acting
        self.fill_pickers()
        self.apply_filter(force=True)

    # -- pickers -------------------------------------------------------------------------------------
    def fill_pickers(self) -> None:
        """Groups and stations from memory; users, user groups and tokens read in the background."""
        ctx = self.operator()
        ui = self.ui
        groups = self.services.groups

        def depth(gid) -> int:
            n, g = 0, groups.groups.get(gid)
            while g is not None and g.parent_id is not None and n < 20:
                n, g = n + 1, groups.groups.get(g.parent_id)
            return n

        visible = sorted(groups.visible(ctx), key=lambda g: groups.path_of(g.id).casefold())
        self._fill(ui.groupCombo, self.tr("All charging groups"), [("   " * depth(g.id) + g.name, str(g.id)) for g in visible])
        stations = sorted((s for s in self.services.stations.all() if ctx.sees_station(s.group_id)),
                          key=lambda s: s.display_name.casefold())
        self._fill(ui.stationCombo, self.tr("All stations"), [(s.display_name, str(s.id)) for s in stations])
        people = self.services.people

        async def read():
            users = (await people.reads.users(ctx, limit=PICKER_LIMIT)).items
            tokens = (await people.reads.tokens(ctx, limit=PICKER_LIMIT)).items
            return users, await people.groups.list(), tokens

        def fill(found) -> None:
            users, user_groups, tokens = found
            self._fill(ui.userCombo, self.tr("All charging users"),
                       [(f"{u.last_name}, {u.first_name}".strip(", "), str(u.id)) for u in users])
            self._fill(ui.userGroupCombo, self.tr("All user groups"), [(g.name, str(g.id)) for g in user_groups])
            self._fill(ui.tokenCombo, self.tr("All tokens"), [(f"{t.uid} ({t.name})" if t.name else t.uid, str(t.id)) for t in tokens])

        run_task(read(), on_done=fill, owner=self, what="reading users and tokens for the sessions filters")

    @staticmethod
    def _fill(combo, everything: str, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for label, value in items:
            combo.addItem(label, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def select(self, combo, value) -> None:
        """Pick `value` in a filter combo (adding it when the picker does not list it)."""
        i = combo.findData(str(value))
        if i < 0:
            combo.addItem(str(value), str(value))
            i = combo.count() - 1
        combo.setCurrentIndex(i)

    # -- the filter ------------------------------------------------------------------------------------
    def _show_custom(self) -> None:
        custom = self.ui.rangeCombo.currentData() == "custom"
        for widget in (self.ui.fromDateEdit, self.ui.toLabel, self.ui.toDateEdit):
            widget.setVisible(custom)

    def current_filter(self) -> SessionFilter:
        ui = self.ui
        if ui.rangeCombo.count() == 0:
            since, until = period(DEFAULT_PRESET, display.zone_of(self.services.settings))
            return SessionFilter(since=since, until=until)

        def uuid_of(combo):
            value = combo.currentData()
            return UUID(value) if value else None

        since, until = period(ui.rangeCombo.currentData(), display.zone_of(self.services.settings),
                              ui.fromDateEdit.date().toPython(), ui.toDateEdit.date().toPython())
        old = getattr(self, "model", None)
        sort, descending = (old.filter.sort, old.filter.descending) if old is not None else ("start", True)
        return SessionFilter(since=since, until=until, group_id=uuid_of(ui.groupCombo),
                             station_id=uuid_of(ui.stationCombo), user_id=uuid_of(ui.userCombo),
                             user_group_id=uuid_of(ui.userGroupCombo), token_id=uuid_of(ui.tokenCombo),
                             state=ui.statusCombo.currentData(), flagged=ui.flaggedCheck.isChecked(),
                             text=ui.searchEdit.text().strip(), sort=sort, descending=descending)

    def apply_filter(self, force: bool = False) -> None:
        self._search_timer.stop()
        self._show_custom()
        try:
            self.model.set_filter(self.current_filter(), force=force)
        except EvdeskError as exc:
            self.failed(exc)

    def show_all_time(self) -> None:
        self.ui.rangeCombo.setCurrentIndex(self.ui.rangeCombo.findData("all"))

    def _update_count(self, *_args) -> None:
        n = self.model.rowCount()
        more = "" if self.model.exhausted else "+"
        self.ui.countLabel.setText((self.tr("{count} session shown") if n == 1 else self.tr("{count} sessions shown"))
                                   .format(count=f"{n:,}{more}"))

    def _update_actions(self, *_args) -> None:
        self.ui.detailsButton.setEnabled(selected_row(self.ui.sessionsView) is not None)

    # -- details --------------------------------------------------------------------------------------
    def selected(self):
        return selected_row(self.ui.sessionsView)

    def open_selected(self):
        row = self.selected()
        if row is None:
            return None
        return self.open_session(row.id)

    def open_session(self, session_id: UUID):
        self.dialog = open_details(self, self.services, self.central_system, self.operator, session_id)
        return self.dialog

    # -- CSV -------------------------------------------------------------------------------------------
    def choose_export_file(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Export charging sessions"), "charging-sessions.csv", self.tr("CSV files (*.csv)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("csv")
        dialog.fileSelected.connect(self.export_to)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def export_to(self, path: str, flt: SessionFilter | None = None) -> ExportJob:
        """Write what the filter shows to `path` in the background, with a progress dialog and Cancel."""
        flt = flt or replace(self.model.filter)
        job = ExportJob(path)
        self.job = job
        progress = QProgressDialog(self.tr("Exporting charging sessions…"), self.tr("Cancel"), 0, 0, self)
        progress.setWindowTitle(self.tr("Export CSV"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        self.progress = progress

        def advanced(done: int, total: int) -> None:
            job.rows = done
            if total:
                progress.setMaximum(total)
                progress.setValue(done)
                progress.setLabelText(self.tr("Exported {done} of {total} sessions…").format(done=f"{done:,}", total=f"{total:,}"))

        def finished(result) -> None:
            job.rows, job.cancelled, job.finished = result.rows, result.cancelled, True
            progress.close()
            if result.cancelled:
                self.say(self.tr("Export cancelled: no file was written."), FAILED_STYLE)
            else:
                self.say(self.tr("Exported {rows} sessions to {path}.").format(rows=f"{result.rows:,}", path=path), DONE_STYLE)

        def failed(exc: BaseException) -> None:
            job.error, job.finished = str(exc), True
            progress.close()
            self.failed(exc)

        task = run_task(self.services.session_export.to_file(self.operator(), flt, path, progress=advanced,
                                                             cancelled=progress.wasCanceled),
                        on_done=finished, on_error=failed, owner=self, what="exporting charging sessions")
        progress.canceled.connect(lambda: None if task.done() else progress.setLabelText(self.tr("Cancelling…")))
        return job

    # -- messages ---------------------------------------------------------------------------------------
    def say(self, message: str, style: str) -> None:
        self.ui.stateLabel.setStyleSheet(style)
        self.ui.stateLabel.setText(message)
        self.statusMessage.emit(message)

    def failed(self, exc: BaseException) -> None:
        self.say(str(exc) if isinstance(exc, EvdeskError) else self.tr("Failed: {error}. Try again.").format(error=exc), FAILED_STYLE)
