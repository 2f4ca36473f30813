"""The Reports page: a report's definition on the left (metric, period and comparison, grain,
filters, breakdown), its chart and table on the right; saved reports to open, save and delete;
CSV and PDF exports.

Every report runs in the background (the reports service reads on a reader connection) and the
PDF is laid out in a child process; the buttons wait meanwhile and the progress bar says so.
Choices of charging group, station and charging user list only what the operator sees (the user
list holds the first 1,000 by name; the API takes any user); the figures are limited to the
operator's domain by the core.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from evdesk.core.errors import EvdeskError, ValidationError
from evdesk.core.permissions import ANALYST, OperatorContext
from evdesk.core.reports import exports
from evdesk.core.reports.definition import (
    BREAKDOWNS,
    COMPARES,
    CURRENTS,
    GRAINS,
    METRICS,
    PERIODS,
    ReportDefinition,
)
from evdesk.gui.asyncutil import run_task
from evdesk.gui.forms.ui_reports_page import Ui_ReportsPage
from evdesk.gui.models.report_model import ReportTableModel
from evdesk.gui.pages.base import Page
from evdesk.gui.translations.phrases import compared_label, counted, phrase

PERIOD_PEN = "#1565c0"
COMPARE_BRUSH = "#b0bec5"
SERIES_PENS = ("#ef6c00", "#2e7d32", "#6a1b9a", "#c62828", "#00838f")
SOCKET_TYPES = ("Type2", "Type1", "CCS", "CHAdeMO", "Schuko")


def index_of(combo, value) -> int:
    """The item holding `value` (compared in Python: ids are UUID objects, which findData does not match)."""
    for n in range(combo.count()):
        if combo.itemData(n) == value:
            return n
    return -1


class ReportsPage(Page):
    def __init__(self, services, operator: Callable[[], OperatorContext], parent=None):
        super().__init__(parent)
        self.services = services
        self.operator = operator
        self.ui = Ui_ReportsPage()
        self.ui.setupUi(self)
        ui = self.ui
        self.result = None
        self.opened = None  # the saved report shown (SavedReportInfo)
        self.saved: list = []
        self.busy = False
        self.last_export: Path | None = None
        for combo, choices in ((ui.metricCombo, METRICS), (ui.periodCombo, PERIODS), (ui.compareCombo, COMPARES),
                               (ui.grainCombo, GRAINS), (ui.breakdownCombo, BREAKDOWNS)):
            for key, label in choices.items():
                combo.addItem(phrase(label[0] if isinstance(label, tuple) else label), key)
        ui.currentCombo.addItem(self.tr("AC and DC"), None)
        for current in CURRENTS:
            ui.currentCombo.addItem(current, current)
        ui.connectorTypeCombo.addItem(self.tr("All connector types"), None)
        for socket in SOCKET_TYPES:
            ui.connectorTypeCombo.addItem(socket, socket)
        today = QDate.currentDate()
        ui.firstDayEdit.setDate(today.addDays(1 - today.day()))
        ui.lastDayEdit.setDate(today)
        ui.stateLabel.setTextFormat(Qt.TextFormat.PlainText)
        ui.summaryLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.model = ReportTableModel(self)
        ui.tableView.setModel(self.model)
        ui.tableView.verticalHeader().hide()
        pg.setConfigOptions(antialias=True, background="w", foreground="#37474f")
        self.chart = pg.PlotWidget(self)
        self.chart.showGrid(y=True, alpha=0.2)
        self.legend = self.chart.addLegend(offset=(-10, 5), brush=pg.mkBrush(255, 255, 255, 235), colCount=2)
        ui.chartLayout.addWidget(self.chart)
        ui.resultsSplitter.setSizes([360, 300])
        ui.periodCombo.currentIndexChanged.connect(self._period_changed)
        ui.runButton.clicked.connect(self.run_report)
        ui.saveButton.clicked.connect(self.save_new)
        ui.updateButton.clicked.connect(self.save_changes)
        ui.openButton.clicked.connect(self.open_saved)
        ui.deleteSavedButton.clicked.connect(self.delete_saved)
        ui.exportCsvButton.clicked.connect(lambda: self.export("csv"))
        ui.exportPdfButton.clicked.connect(lambda: self.export("pdf"))
        ui.metricCombo.setCurrentIndex(ui.metricCombo.findData("energy"))
        ui.periodCombo.setCurrentIndex(ui.periodCombo.findData("this_month"))
        self._period_changed()
        self.apply_operator(operator())

    # -- who acts ------------------------------------------------------------------------------------------
    def apply_operator(self, ctx: OperatorContext) -> None:
        """The choices of what this operator sees; saved reports are theirs and the shared ones."""
        ui = self.ui
        ui.shareCheck.setVisible(ctx.role != ANALYST and ctx.operator_id is not None)
        self._fill_scope(ctx)
        self.reload_saved()
        self._update_buttons()

    def _fill_scope(self, ctx: OperatorContext) -> None:
        ui, services = self.ui, self.services
        ctx = services.group_tree.fresh(ctx)
        ui.groupCombo.clear()
        ui.groupCombo.addItem(self.tr("All groups you see"), None)
        for group in sorted(services.group_tree.groups.values(), key=lambda g: g.name.lower()):
            if ctx.sees_group(group.id):
                ui.groupCombo.addItem(group.name, group.id)
        ui.stationCombo.clear()
        ui.stationCombo.addItem(self.tr("All stations"), None)
        for station in sorted(services.stations.all(), key=lambda s: s.display_name.lower()):
            if ctx.sees_station(station.group_id):
                ui.stationCombo.addItem(station.display_name, station.id)
        ui.tariffCombo.clear()
        ui.tariffCombo.addItem(self.tr("All tariffs"), None)
        for tariff in services.tariffs.list_tariffs():
            ui.tariffCombo.addItem(tariff.name, tariff.name)
        ui.userGroupCombo.clear()
        ui.userGroupCombo.addItem(self.tr("All user groups"), None)
        run_task(services.people.groups.list(), self._fill_user_groups, owner=self, what="listing the user groups")
        ui.userCombo.clear()
        ui.userCombo.addItem(self.tr("All charging users"), None)
        run_task(services.people.reads.users(ctx, limit=1000), self._fill_users, owner=self,
                 what="listing the charging users")

    def _fill_users(self, page) -> None:
        for row in page.items:
            name = " ".join(p for p in (row.first_name, row.last_name) if p) or row.email or str(row.id)[:8]
            self.ui.userCombo.addItem(name, row.id)

    def _fill_user_groups(self, rows) -> None:
        for row in rows:
            self.ui.userGroupCombo.addItem(row.name, row.id)

    # -- the definition ------------------------------------------------------------------------------------
    def _period_changed(self, *_args) -> None:
        custom = self.ui.periodCombo.currentData() == "custom"
        for w in (self.ui.firstDayEdit, self.ui.lastDayEdit, self.ui.firstDayLabel, self.ui.lastDayLabel):
            w.setEnabled(custom)

    def definition(self) -> ReportDefinition:
        ui = self.ui

        def one(combo) -> tuple:
            value = combo.currentData()
            return () if value is None else (value,)

        def day(edit) -> date:
            d = edit.date()
            return date(d.year(), d.month(), d.day())

        custom = ui.periodCombo.currentData() == "custom"
        return ReportDefinition(
            metric=ui.metricCombo.currentData(), period=ui.periodCombo.currentData(),
            first_day=day(ui.firstDayEdit) if custom else None, last_day=day(ui.lastDayEdit) if custom else None,
            compare=ui.compareCombo.currentData(), grain=ui.grainCombo.currentData(),
            breakdown=ui.breakdownCombo.currentData(), group_ids=one(ui.groupCombo), station_ids=one(ui.stationCombo),
            user_group_ids=one(ui.userGroupCombo), user_ids=one(ui.userCombo), tariffs=one(ui.tariffCombo),
            connector_types=one(ui.connectorTypeCombo), currents=one(ui.currentCombo))

    def show_definition(self, d: ReportDefinition) -> None:
        ui = self.ui
        for combo, value in ((ui.metricCombo, d.metric), (ui.periodCombo, d.period), (ui.compareCombo, d.compare),
                             (ui.grainCombo, d.grain), (ui.breakdownCombo, d.breakdown)):
            combo.setCurrentIndex(max(0, index_of(combo, value)))
        if d.first_day is not None:
            ui.firstDayEdit.setDate(QDate(d.first_day.year, d.first_day.month, d.first_day.day))
        if d.last_day is not None:
            ui.lastDayEdit.setDate(QDate(d.last_day.year, d.last_day.month, d.last_day.day))
        for combo, values in ((ui.groupCombo, d.group_ids), (ui.stationCombo, d.station_ids),
                              (ui.userGroupCombo, d.user_group_ids), (ui.userCombo, d.user_ids),
                              (ui.tariffCombo, d.tariffs),
                              (ui.connectorTypeCombo, d.connector_types), (ui.currentCombo, d.currents)):
            found = index_of(combo, values[0]) if values else 0
            combo.setCurrentIndex(max(0, found))
        self._period_changed()

    # -- running ---------------------------------------------------------------------------------------------
    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy = busy
        self.ui.progressBar.setVisible(busy)
        if text:
            self.ui.stateLabel.setText(phrase(text))
        self._update_buttons()

    def _update_buttons(self) -> None:
        ui = self.ui
        ctx = self.operator()
        mine_or_shared_ok = self.opened is not None and (self.opened.mine or (self.opened.shared and ctx.role != ANALYST))
        ui.runButton.setEnabled(not self.busy)
        ui.saveButton.setEnabled(not self.busy and ctx.operator_id is not None)
        ui.updateButton.setEnabled(not self.busy and mine_or_shared_ok)
        ui.deleteSavedButton.setEnabled(not self.busy and ui.savedCombo.currentData() is not None)
        ui.openButton.setEnabled(not self.busy and ui.savedCombo.currentData() is not None)
        ui.exportCsvButton.setEnabled(not self.busy and self.result is not None)
        ui.exportPdfButton.setEnabled(not self.busy and self.result is not None)
        if not self.busy:
            ui.progressBar.setVisible(False)

    def run_report(self) -> None:
        try:
            definition = self.definition().validate()
        except ValidationError as exc:
            self.ui.stateLabel.setText(str(exc))
            return
        self._set_busy(True, self.tr("Working out the figures…"))
        run_task(self.services.reports.run(self.operator(), definition), self._show_result, self._failed, owner=self,
                 what="running a report")

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.ui.stateLabel.setText(str(exc) if isinstance(exc, EvdeskError) else self.tr("The report could not be made: {error}").format(error=exc))

    def _show_result(self, result) -> None:
        self.result = result
        self._set_busy(False, self.tr("{buckets}, made {time}.").format(
            buckets=counted(len(result.buckets), result.definition.grain),
            time=f"{result.made_at.astimezone(result.buckets[0].start.tzinfo):%H:%M:%S}")
            if result.buckets else self.tr("No buckets."))
        unit = f" {result.unit}" if result.unit else ""
        total = "—" if result.total.total is None else f"{result.total.total:,.2f}{unit}"
        lines = [f"{phrase(result.title)}, {result.period.label()} ({result.zone}): {total}"]
        if result.compare is not None:
            other = "—" if result.compare.total is None else f"{result.compare.total:,.2f}{unit}"
            lines.append(f"{compared_label(result.compare.label)}: {other}")
        lines += result.notes
        hidden = 0
        self.model.set_result(result)
        hidden = self.model.hidden_series()
        if hidden:
            lines.append(self.tr("The table shows the largest {shown} of {count}; the CSV has them all.").format(
                shown=len(result.series) - hidden, count=len(result.series)))
        self.ui.summaryLabel.setText("\n".join(lines))
        self.ui.tableView.resizeColumnsToContents()
        self._draw(result)
        self.statusMessage.emit(lines[0])

    def _draw(self, result) -> None:
        chart = self.chart
        chart.clear()
        self.legend.clear()
        n = len(result.buckets)
        xs = list(range(n))
        width = 0.4 if result.compare is not None else 0.7
        values = [v or 0 for v in result.total.values]
        bars = pg.BarGraphItem(x=[x - (width / 2 if result.compare is not None else 0) for x in xs], height=values,
                               width=width, brush=PERIOD_PEN, pen=None)
        chart.addItem(bars)
        self.legend.addItem(bars, result.period.label())
        if result.compare is not None:
            other = [(result.compare.values[i] or 0) if i < len(result.compare.values) else 0 for i in xs]
            compare = pg.BarGraphItem(x=[x + width / 2 for x in xs], height=other, width=width, brush=COMPARE_BRUSH,
                                      pen=None)
            chart.addItem(compare)
            self.legend.addItem(compare, result.compare.label)
        for pen, series in zip(SERIES_PENS, result.series[:5] if result.definition.breakdown != "none" else []):
            line = chart.plot(xs, [v or 0 for v in series.values], pen=pg.mkPen(pen, width=2), symbol="o",
                              symbolSize=5, symbolBrush=pen, name=series.label)
            line.setZValue(5)
        step = max(1, n // 12)
        chart.getAxis("bottom").setTicks([[(i, result.bucket_label(i)) for i in range(0, n, step)]])
        chart.setLabel("left", phrase(result.title) + (f" ({result.unit})" if result.unit else ""))
        top = max([v for v in values] + ([v or 0 for v in result.compare.values] if result.compare is not None else [])
                  + [0])
        chart.enableAutoRange(axis="x")
        chart.setYRange(0, top * 1.4 if top > 0 else 1, padding=0)  # headroom: the legend sits above the bars

    # -- saved reports -------------------------------------------------------------------------------------------
    def reload_saved(self, select=None) -> None:
        run_task(self.services.saved_reports.list(self.operator()), lambda rows: self._fill_saved(rows, select),
                 owner=self, what="listing saved reports")

    def _fill_saved(self, rows, select=None) -> None:
        combo = self.ui.savedCombo
        self.saved = rows
        combo.clear()
        if not rows:
            combo.addItem(self.tr("(none saved yet)"), None)
        for r in rows:
            combo.addItem(self.tr("{name} (shared)").format(name=r.name) if r.shared else r.name, r.id)
        if select is not None:
            combo.setCurrentIndex(max(0, index_of(combo, select)))
        self._update_buttons()

    def _chosen(self):
        wanted = self.ui.savedCombo.currentData()
        return next((r for r in self.saved if r.id == wanted), None)

    def open_saved(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        self.opened = chosen
        self.show_definition(chosen.definition)
        self.ui.titleLabel.setText(self.tr("Reports — {name}").format(name=chosen.name))
        self.run_report()

    def save_new(self, name: str | None = None) -> None:
        if name is None:
            name, accepted = QInputDialog.getText(self, self.tr("Save report"), self.tr("Name of the report:"))
            if not accepted:
                return
        try:
            definition = self.definition().validate()
        except ValidationError as exc:
            self.ui.stateLabel.setText(str(exc))
            return
        shared = self.ui.shareCheck.isVisible() and self.ui.shareCheck.isChecked()
        self._set_busy(True, self.tr("Saving…"))
        run_task(self.services.saved_reports.save(self.operator(), name, definition, shared=shared), self._saved,
                 self._failed, owner=self, what="saving a report")

    def _saved(self, info) -> None:
        self.opened = info
        self.ui.titleLabel.setText(self.tr("Reports — {name}").format(name=info.name))
        self._set_busy(False, (self.tr("Saved “{name}” for everyone on the site.") if info.shared
                              else self.tr("Saved “{name}”.")).format(name=info.name))
        self.reload_saved(select=info.id)

    def save_changes(self) -> None:
        if self.opened is None:
            return
        self._set_busy(True, self.tr("Saving…"))
        run_task(self.services.saved_reports.update(self.operator(), self.opened.id, self.opened.version,
                                                    definition=self.definition()),
                 self._saved, self._failed, owner=self, what="saving a report")

    def delete_saved(self, confirmed: bool = False) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        if not confirmed:
            answer = QMessageBox.question(self, self.tr("Delete saved report"),
                                          self.tr("Delete the saved report “{name}”? The figures stay; only its "
                                                  "definition goes.").format(name=chosen.name))
            if answer != QMessageBox.StandardButton.Yes:
                return
        run_task(self.services.saved_reports.delete(self.operator(), chosen.id, chosen.version),
                 lambda _none: self._deleted(chosen), self._failed, owner=self, what="deleting a saved report")

    def _deleted(self, chosen) -> None:
        if self.opened is not None and self.opened.id == chosen.id:
            self.opened = None
            self.ui.titleLabel.setText(self.tr("Reports"))
        self.ui.stateLabel.setText(self.tr("Deleted “{name}”.").format(name=chosen.name))
        self.reload_saved()

    # -- exports ------------------------------------------------------------------------------------------------
    def export(self, kind: str, target: str | None = None) -> None:
        if self.result is None:
            return
        name = self.opened.name if self.opened is not None else self.result.title
        if target is None:
            suggested = f"{name} {self.result.period.label()}.{kind}".replace("/", "-").replace(" – ", " to ")
            target, _filter = QFileDialog.getSaveFileName(self, self.tr("Export {kind}").format(kind=kind.upper()), suggested,
                                                          self.tr("CSV files (*.csv)") if kind == "csv"
                                                          else self.tr("PDF files (*.pdf)"))
            if not target:
                return
        self._set_busy(True, self.tr("Exporting {kind}…").format(kind=kind.upper()))

        def progress(step: int, steps: int, text: str) -> None:
            self.ui.progressBar.setMaximum(steps)
            self.ui.progressBar.setValue(step)
            self.ui.stateLabel.setText(phrase(text))

        work = (exports.export_csv(self.result, target, progress) if kind == "csv"
                else exports.export_pdf(self.result, target, name, progress))
        run_task(work, self._exported, self._failed, owner=self, what=f"exporting a report as {kind.upper()}")

    def _exported(self, path: Path) -> None:
        self.last_export = path
        self.ui.progressBar.setMaximum(0)
        self._set_busy(False, self.tr("Saved {path}.").format(path=path))

    def detach(self) -> None:
        exports.shutdown()
