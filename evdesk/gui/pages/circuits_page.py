"""The Circuits page (load management): the supply tree with its editor on the left; on the
right, live, the selected circuit's current per phase against its limit (pyqtgraph: allowed
and drawn bars, the limit as a line) and each session's allowed and drawn current; below, the
stations on the circuit and its limits by time of day (`widgets/circuit_members.py`).

The live part follows `LoadAllocated` (published by load management at every re-allocation);
the page draws the last one it received. Messages of the core go next to their field.
"""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QMessageBox, QTableWidgetItem, QTreeWidgetItem, QVBoxLayout

from evdesk.core import events as ev
from evdesk.core.errors import ValidationError
from evdesk.core.load.circuit_rules import CircuitInput
from evdesk.core.permissions import OperatorContext, Permission
from evdesk.gui.asyncutil import run_task
from evdesk.gui.forms.ui_circuits_page import Ui_CircuitsPage
from evdesk.gui.models.base import BusListener
from evdesk.gui.pages.base import Page
from evdesk.gui.widgets.circuit_members import CircuitMembers

TOP = QT_TRANSLATE_NOOP("CircuitsPage", "— none: this is the grid connection —")
PHASES = ((QT_TRANSLATE_NOOP("CircuitsPage", "Three-phase"), 3), (QT_TRANSLATE_NOOP("CircuitsPage", "Single-phase"), 1))
ALLOWED, DRAWN, LIMIT = (21, 101, 192, 110), (46, 125, 50), "#c62828"


class CircuitsPage(Page):
    def __init__(self, services, operator: Callable[[], OperatorContext], parent=None):
        super().__init__(parent)
        self.ui = Ui_CircuitsPage()
        self.ui.setupUi(self)
        self.services, self.operator = services, operator
        self.rows = []
        self.snapshot = None
        self.station_counts: dict[UUID, int] = {}
        ui = self.ui
        for label, n in PHASES:
            ui.phasesCombo.addItem(self.tr(label), n)
        ui.circuitTree.setColumnWidth(0, 220)
        ui.pageLayout.setStretch(1, 1)  # the splitter takes the height, not the intro
        ui.splitter.setStretchFactor(1, 1)
        # the "none: this is the grid connection" choice whole, in the language shown (its arrow and frame: 40 px)
        ui.parentCombo.setMinimumWidth(ui.parentCombo.fontMetrics().horizontalAdvance(self.tr(TOP)) + 40)
        ui.splitter.setSizes([480, 620])  # the editor's labels and the "Fed from" choice fit in Finnish and German
        pg.setConfigOptions(antialias=True, background="w", foreground="#37474f")
        self.chart = pg.PlotWidget(ui.chartHolder)
        self.chart.setMouseEnabled(x=False, y=False)
        self.chart.hideButtons()
        self.chart.showGrid(y=True, alpha=0.25)
        self.chart.setLabel("left", self.tr("Current per phase (A)"))
        self.chart.addLegend(offset=(10, 10))
        layout = QVBoxLayout(ui.chartHolder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chart)
        self.members = CircuitMembers(services, operator, ui.liveSide)  # stations on it, limits by time of day
        ui.liveLayout.addWidget(self.members)
        # the limits by time of day sit under the circuit's editor: beside the stations they made the
        # page wider than a 1,366 px laptop screen, below them taller than a 768 px one
        ui.treeLayout.addWidget(self.members.ui.scheduleBox)
        ui.circuitTree.currentItemChanged.connect(lambda *_: self.show_selected())
        ui.addButton.clicked.connect(self.new_circuit)
        ui.saveButton.clicked.connect(self.save)
        ui.deleteButton.clicked.connect(self.confirm_delete)
        self._bus = BusListener(self, services.bus)
        self._bus.on(ev.CircuitsChanged, lambda _e: self.reload())
        self._bus.on(ev.LoadAllocated, self._allocated)
        self.apply_operator(operator())
        self.reload()

    def detach(self) -> None:
        self._bus.detach()

    def apply_operator(self, ctx: OperatorContext) -> None:
        may = ctx.can(Permission.EDIT_STATIONS)
        for widget in (self.ui.addButton, self.ui.deleteButton, self.ui.saveButton, self.ui.editorBox):
            widget.setEnabled(may)
        self.members.apply_operator(ctx)

    # -- the tree ------------------------------------------------------------------------------------
    def reload(self) -> None:
        async def load():
            ctx = self.operator()
            rows = await self.services.circuits.list(ctx)
            counts = {r.id: len(await self.services.circuits.stations_on(ctx, r.id)) for r in rows}
            return rows, counts
        run_task(load(), on_done=self._loaded, owner=self, what="loading circuits")

    def _loaded(self, result) -> None:
        self.rows, self.station_counts = result
        selected = self.selected_id()
        tree = self.ui.circuitTree
        tree.clear()
        items: dict[UUID, QTreeWidgetItem] = {}
        ids = {r.id for r in self.rows}
        pending = list(self.rows)
        while pending:
            row = pending.pop(0)
            if row.parent_id in ids and row.parent_id not in items:
                pending.append(row)
                continue
            parent = items.get(row.parent_id)
            item = QTreeWidgetItem([row.name, f"{row.max_current_a:g} A × {row.phases}",
                                    str(self.station_counts.get(row.id, 0))])
            item.setData(0, Qt.ItemDataRole.UserRole, row.id)
            (parent.addChild(item) if parent is not None else tree.addTopLevelItem(item))
            items[row.id] = item
        tree.sortItems(0, Qt.SortOrder.AscendingOrder)  # children by name, wherever their parent came in the list
        tree.expandAll()
        if selected in items:
            tree.setCurrentItem(items[selected])
        elif self.rows:
            tree.setCurrentItem(tree.topLevelItem(0))
        self._fill_parents()
        self.show_selected()

    def selected_id(self) -> UUID | None:
        item = self.ui.circuitTree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def selected(self):
        return next((r for r in self.rows if r.id == self.selected_id()), None)

    def _fill_parents(self, exclude: UUID | None = None) -> None:
        combo = self.ui.parentCombo
        combo.clear()
        combo.addItem(self.tr(TOP), None)
        for r in self.rows:
            if r.id != exclude:
                combo.addItem(r.name, r.id)

    # -- the editor -----------------------------------------------------------------------------------
    def show_selected(self) -> None:
        row, ui = self.selected(), self.ui
        ui.errorLabel.clear()
        if row is None:
            self.new_circuit()
            return
        self._fill_parents(row.id)
        ui.editorBox.setTitle(self.tr("Circuit {name}").format(name=row.name))
        ui.nameEdit.setText(row.name)
        parents = [ui.parentCombo.itemData(i) for i in range(ui.parentCombo.count())]
        ui.parentCombo.setCurrentIndex(parents.index(row.parent_id) if row.parent_id in parents else 0)
        ui.phasesCombo.setCurrentIndex(ui.phasesCombo.findData(row.phases))
        ui.maxEdit.setText(f"{row.max_current_a:g}")
        ui.reservedEdit.setText(f"{row.reserved_a:g}")
        ui.minEdit.setText("" if row.min_current_a is None else f"{row.min_current_a:g}")
        self.members.show_circuit(row)
        self.draw()

    def new_circuit(self) -> None:
        ui = self.ui
        ui.circuitTree.setCurrentItem(None)
        self._fill_parents()
        ui.editorBox.setTitle(self.tr("New circuit"))
        for edit in (ui.nameEdit, ui.maxEdit, ui.minEdit):
            edit.clear()
        ui.reservedEdit.setText("0")
        ui.nameEdit.setFocus()
        self.members.show_circuit(None)
        self.draw()

    def data(self) -> CircuitInput:
        ui = self.ui
        row = self.selected()
        return CircuitInput(ui.nameEdit.text(), ui.maxEdit.text().replace(",", ".") or None,
                            ui.phasesCombo.currentData(), ui.reservedEdit.text().replace(",", ".") or 0,
                            ui.minEdit.text().replace(",", ".") or None, ui.parentCombo.currentData(),
                            row.group_id if row is not None else None)

    def save(self) -> None:
        self.ui.errorLabel.clear()
        row, ctx, circuits = self.selected(), self.operator(), self.services.circuits
        coro = circuits.create(ctx, self.data()) if row is None else circuits.update(ctx, row.id, row.version,
                                                                                       self.data())
        run_task(coro, on_done=lambda saved: self.statusMessage.emit(self.tr("Circuit {name} saved.").format(name=saved.name)),
                 on_error=self._failed, owner=self, what="saving a circuit", cancel_with_owner=False)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            where = {"name": "Name", "max_current_a": "Max current", "reserved_a": "Reserved", "phases": "Phases",
                     "min_current_a": "Minimum", "parent": "Fed from"}.get(exc.field or "", "")
            self.ui.errorLabel.setText(f"{where}: {exc}" if where else str(exc))
        else:
            self.ui.errorLabel.setText(str(exc) or "The circuit could not be saved.")

    def confirm_delete(self) -> QMessageBox | None:
        row = self.selected()
        if row is None:
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete circuit"),
                          self.tr("Delete circuit {name}? Its stations leave load management and keep their "
                                  "fallback limit.").format(name=row.name), QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.accepted.connect(lambda: run_task(self.services.circuits.delete(self.operator(), row.id, row.version),
                                              on_error=self._failed, owner=self, what="deleting a circuit"))
        box.open()
        return box

    # -- live -------------------------------------------------------------------------------------------
    def _allocated(self, event: ev.LoadAllocated) -> None:
        self.snapshot = event.snapshot
        self.draw()

    def draw(self) -> None:
        self.chart.clear()
        row, snap, ui = self.selected(), self.snapshot, self.ui
        ui.sessionsTable.setRowCount(0)
        if row is None:
            ui.liveCaption.setText(self.tr("Choose a circuit to see its current."))
            return
        key = str(row.id)
        phases = ["*"] if row.phases == 1 else ["L1", "L2", "L3"]
        names = ["L"] if row.phases == 1 else phases
        limit = snap.capacity.get((key, phases[0])) if snap else None
        if limit is None:
            limit = row.max_current_a - row.reserved_a
        allowed = [snap.allowed.get((key, p), 0.0) if snap else 0.0 for p in phases]
        drawn = [snap.drawn.get((key, p), 0.0) if snap else 0.0 for p in phases]
        xs = list(range(len(phases)))
        self.chart.addItem(pg.BarGraphItem(x=[x - 0.18 for x in xs], height=allowed, width=0.34,
                                           brush=pg.mkBrush(*ALLOWED), name="allowed"))
        self.chart.addItem(pg.BarGraphItem(x=[x + 0.18 for x in xs], height=drawn, width=0.34,
                                           brush=pg.mkBrush(*DRAWN), name="drawn"))
        self.chart.plot([-0.5, len(phases) - 0.5], [limit, limit], pen=pg.mkPen(LIMIT, width=2, style=Qt.PenStyle.DashLine),
                        name=f"limit {limit:g} A")
        self.chart.getAxis("bottom").setTicks([list(zip(xs, names))])
        self.chart.setYRange(0, max([limit] + allowed + drawn) * 1.15, padding=0)
        self.chart.setXRange(-0.6, len(phases) - 0.4, padding=0)
        sessions = [s for s in snap.sessions if s.circuit_id == key] if snap else []
        if snap is None:
            ui.liveCaption.setText(self.tr("{name}: limit {limit} A per phase. No allocation yet (load management "
                                           "re-allocates when a session starts or ends, and every minute).").format(
                name=row.name, limit=f"{limit:g}"))
        else:
            worst = max((d / limit for d in drawn), default=0.0) if limit else 0.0
            waiting = sum(1 for s in sessions if s.waiting)
            ui.liveCaption.setText(self.tr("{name}: limit {limit} A per phase; {sessions} sessions{waiting}; "
                                           "the busiest phase draws {share} of the limit.").format(
                name=row.name, limit=f"{limit:g}", sessions=len(sessions), share=f"{worst:.0%}",
                waiting=self.tr(", {count} waiting for room").format(count=waiting) if waiting else ""))
        table = ui.sessionsTable
        table.setRowCount(len(sessions))
        for i, s in enumerate(sessions):
            station = self.services.stations.by_id.get(s.station_id)
            state = (self.tr("waits: no room above the minimum") if s.waiting else
                     self.tr("limit not applied!") if s.flagged else self.tr("charging"))
            cells = [station.display_name if station else "?", str(s.connector_id), f"{s.allowed_a:.1f}",
                     "—" if s.drawn_a is None else f"{s.drawn_a:.1f}", state]
            for j, text in enumerate(cells):
                table.setItem(i, j, QTableWidgetItem(text))
        table.resizeColumnsToContents()
