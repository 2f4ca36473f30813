"""The Dashboard: the first page after log-in (REQUIREMENTS-DIGEST B1; the rules of the figures
are in `core/reads/dashboard.py` and `station_metrics.py`).

Top: cards for a chosen period (sessions, energy, revenue per currency, each against the period
before; new charging users, new stations). Middle: the charging-group tree (a line of
charging-point squares per station, the summary line, a gear to choose the groups shown, which
this seat remembers) beside the status donut (a state button filters the tree and the faults
list, clicking it again clears) and the last 24 hours. Bottom: the consumption chart (kWh and
sessions over a timeframe and grain) and Faults & connectivity loss (double-click or Enter opens
the station).

Live and cheap: status events only mark stations; a coalescer redraws what changed a few
times a second (changed squares, the summary, the donut, the faults). Figures from the store
(cards, 24 h, chart) are read when the page is shown, every `STORE_REFRESH_MS` while shown,
and a few seconds after sessions start or end; a hidden page does nothing.
"""

from __future__ import annotations

from uuid import UUID

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QMenu, QScrollArea, QSplitter,
    QTableView, QToolButton, QTreeView, QVBoxLayout, QWidget,
)

from evdesk.core import events as ev
from evdesk.core.reads import point_states as sm
from evdesk.core.reads.dashboard import GRAINS, PERIODS, TIMEFRAMES
from evdesk.gui import display
from evdesk.gui.asyncutil import run_task
from evdesk.gui.coalesce import Coalescer
from evdesk.gui.models.base import BusListener, Roles, ZoneFollower
from evdesk.gui.models.dashboard_tree_model import STATION, DashboardTreeModel
from evdesk.gui.models.faults_model import COL_GROUP, COL_PROBLEM, COL_SINCE, COL_STATION, FaultsModel
from evdesk.gui.operator import operator_of
from evdesk.gui.pages.base import Page
from evdesk.gui.seat_settings import load_json, save_json
from evdesk.gui.translations.labels import state_label
from evdesk.gui.widgets.consumption_chart import ConsumptionChart
from evdesk.gui.widgets.figure_cards import CardRow
from evdesk.gui.widgets.status_donut import PointSquaresDelegate, StatusDonut

STATUS_REDRAW_MS = 300
STORE_REFRESH_MS = 60_000
SESSION_REFRESH_MS = 5_000
GRAIN_LABELS = {"hour": QT_TRANSLATE_NOOP("DashboardPage", "By hour"), "day": QT_TRANSLATE_NOOP("DashboardPage", "By day"), "week": QT_TRANSLATE_NOOP("DashboardPage", "By week"), "month": QT_TRANSLATE_NOOP("DashboardPage", "By month")}
# the core's period and timeframe names (core/reads/dashboard.py), translated in the combos
PERIOD_NAMES = (QT_TRANSLATE_NOOP("DashboardPage", "Today"), QT_TRANSLATE_NOOP("DashboardPage", "Last 7 days"), QT_TRANSLATE_NOOP("DashboardPage", "Last 30 days"), QT_TRANSLATE_NOOP("DashboardPage", "This month"),
                QT_TRANSLATE_NOOP("DashboardPage", "Last 24 hours"), QT_TRANSLATE_NOOP("DashboardPage", "Last 12 months"))
DEFAULT_GRAIN = {"24h": "hour", "7d": "day", "30d": "day", "12m": "month"}


class FaultsView(QTableView):
    """The faults list: Enter opens the selected station as a double-click does."""

    activatedByKey = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activatedByKey.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


def _combo(items: dict[str, str], name: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for key, label in items.items():
        combo.addItem(QCoreApplication.translate("DashboardPage", label), key)
    return combo


class DashboardPage(Page):
    stationActivated = Signal(UUID)

    def __init__(self, services, parent=None):
        super().__init__(parent)
        self.services = services
        self._stale_store = True
        self._structure_changed = False
        self._loads = 0  # store reads finished (tests wait on it)
        self._build()
        groups = [UUID(g) for g in load_json("dashboard/groups", []) if _is_uuid(g)]
        self.chosen_groups: list[UUID] = [g for g in groups if g in services.group_tree.groups]
        self.tree_model = DashboardTreeModel(services, lambda: operator_of(self), self, self.chosen_groups)
        self.tree.setModel(self.tree_model)
        self.tree_model.burstChanged.connect(self.tree.viewport().update)
        self.tree.setItemDelegateForColumn(1, PointSquaresDelegate(self.tree))
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.header().resizeSection(0, 300)
        self.tree.header().setStretchLastSection(True)
        self.tree.expandAll()
        self.faults_model = FaultsModel(services, self)
        self.faults_view.setModel(self.faults_model)
        header = self.faults_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_PROBLEM, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        self._status = Coalescer(self.redraw_status, STATUS_REDRAW_MS, self)
        self._sessions = Coalescer(self.refresh_store, SESSION_REFRESH_MS, self)
        self._timer = QTimer(self)
        self._timer.setInterval(STORE_REFRESH_MS)
        self._timer.timeout.connect(self.refresh_store)
        self._bus = BusListener(self, services.bus)
        for event_type in (ev.ConnectorStatusChanged, ev.ConnectionStateChanged, ev.StationChanged):
            self._bus.on(event_type, self._station_event)
        for event_type in (ev.StationAdded, ev.StationRemoved, ev.GroupChanged):
            self._bus.on(event_type, self._structure_event)
        for event_type in (ev.TransactionStarted, ev.TransactionEnded):
            self._bus.on(event_type, lambda _e: self._sessions.poke() if self.isVisible() else None)
        ZoneFollower(self._bus, services.settings, self._zone_changed)
        self.redraw_status()

    # -- building ---------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        page = QVBoxLayout(body)
        page.setContentsMargins(12, 10, 12, 10)
        page.setSpacing(10)

        head = QHBoxLayout()
        title = QLabel(self.tr("Dashboard"))
        title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(QLabel(self.tr("Figures for")))
        self.period_combo = _combo(PERIODS, "periodCombo")
        _select(self.period_combo, load_json("dashboard/period", "7d"))
        self.period_combo.currentIndexChanged.connect(self._period_changed)
        head.addWidget(self.period_combo)
        page.addLayout(head)
        self.cards = CardRow(body)
        page.addWidget(self.cards)
        self.cards_note = QLabel("")
        self.cards_note.setStyleSheet("color: #607d8b;")
        page.addWidget(self.cards_note)

        middle = QSplitter(Qt.Orientation.Horizontal)
        middle.setChildrenCollapsible(False)
        groups_box = QGroupBox(self.tr("Charging groups"))
        box = QVBoxLayout(groups_box)
        line = QHBoxLayout()
        self.summary_label = QLabel("")
        self.summary_label.setObjectName("summaryLabel")
        self.summary_label.setWordWrap(True)
        line.addWidget(self.summary_label, 1)
        self.gear = QToolButton()
        self.gear.setObjectName("groupsGear")
        self.gear.setText("⚙")
        self.gear.setToolTip(self.tr("Choose the charging groups shown (this desk remembers them)"))
        self.gear.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.gear_menu = QMenu(self.gear)
        self.gear_menu.aboutToShow.connect(self._fill_gear_menu)
        self.gear.setMenu(self.gear_menu)
        line.addWidget(self.gear)
        box.addLayout(line)
        self.filter_label = QLabel("")
        self.filter_label.setObjectName("filterLabel")
        self.filter_label.setStyleSheet("color: #ef6c00;")
        self.filter_label.setWordWrap(True)
        self.filter_label.hide()
        box.addWidget(self.filter_label)
        self.tree = QTreeView()
        self.tree.setObjectName("dashboardTree")
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setMinimumHeight(260)
        self.tree.activated.connect(self._tree_activated)
        box.addWidget(self.tree)
        middle.addWidget(groups_box)

        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        donut_box = QGroupBox(self.tr("Charging points by status"))
        donut_layout = QVBoxLayout(donut_box)
        self.donut = StatusDonut()
        self.donut.setMinimumHeight(250)
        self.donut.stateChosen.connect(self._state_chosen)
        donut_layout.addWidget(self.donut)
        right_box.addWidget(donut_box, 1)
        day_box = QGroupBox(self.tr("Last 24 hours"))
        day_layout = QVBoxLayout(day_box)
        self.day_cards = CardRow(day_box)
        for key, title in (("sessions", self.tr("Charging events")), ("points", self.tr("Charging points used")),
                           ("kwh", self.tr("kWh charged"))):
            self.day_cards.card(key, title)
        day_layout.addWidget(self.day_cards)
        right_box.addWidget(day_box)
        middle.addWidget(right)
        middle.setStretchFactor(0, 3)
        middle.setStretchFactor(1, 2)
        page.addWidget(middle, 3)

        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.setChildrenCollapsible(False)
        chart_box = QGroupBox(self.tr("Consumption: kWh and charging sessions"))
        chart_layout = QVBoxLayout(chart_box)
        controls = QHBoxLayout()
        self.timeframe_combo = _combo(TIMEFRAMES, "timeframeCombo")
        _select(self.timeframe_combo, load_json("dashboard/timeframe", "30d"))
        self.grain_combo = _combo({g: GRAIN_LABELS[g] for g in GRAINS}, "grainCombo")
        _select(self.grain_combo, load_json("dashboard/grain", "day"))
        self.chart_note = QLabel("")
        self.chart_note.setStyleSheet("color: #607d8b;")
        controls.addWidget(self.timeframe_combo)
        controls.addWidget(self.grain_combo)
        controls.addWidget(self.chart_note, 1)
        chart_layout.addLayout(controls)
        self.timeframe_combo.currentIndexChanged.connect(self._timeframe_changed)
        self.grain_combo.currentIndexChanged.connect(self._chart_changed)
        self.chart = ConsumptionChart()
        chart_layout.addWidget(self.chart)
        bottom.addWidget(chart_box)
        faults_box = QGroupBox(self.tr("Faults && connectivity loss"))
        faults_layout = QVBoxLayout(faults_box)
        self.faults_label = QLabel("")
        self.faults_label.setObjectName("faultsLabel")
        faults_layout.addWidget(self.faults_label)
        self.faults_view = FaultsView()
        self.faults_view.setObjectName("faultsView")
        self.faults_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.faults_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.faults_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.faults_view.verticalHeader().hide()
        self.faults_view.setWordWrap(False)
        self.faults_view.doubleClicked.connect(self._fault_activated)
        self.faults_view.activatedByKey.connect(self._fault_activated)
        faults_layout.addWidget(self.faults_view)
        bottom.addWidget(faults_box)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 4)
        page.addWidget(bottom, 2)
        body.setMinimumHeight(900)

    # -- the operator and visibility -------------------------------------------------------------
    def apply_operator(self, _ctx) -> None:
        self.tree_model.rebuild()
        self.tree.expandAll()
        self.redraw_status()
        self._stale_store = True
        if self.isVisible():
            self.refresh_store()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.redraw_status()
        self._timer.start()
        if self._stale_store:
            self.refresh_store()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._timer.stop()
        self._stale_store = True

    def detach(self) -> None:
        self._bus.detach()
        self._timer.stop()
        self._status.stop()
        self._sessions.stop()

    # -- live status (memory) --------------------------------------------------------------------------
    def _station_event(self, event) -> None:
        self.tree_model.mark(event.station_id)
        if self.isVisible():
            self._status.poke()

    def _structure_event(self, _event) -> None:
        """Stations or groups added, removed, moved: the tree is built again at the next redraw (a
        burst of them is one rebuild)."""
        self._structure_changed = True
        if self.isVisible():
            self._status.poke()

    def redraw_status(self) -> None:
        """The squares that changed, the summary line, the donut and the faults (from memory)."""
        ctx = operator_of(self)
        if self._structure_changed:
            self._structure_changed = False
            self.tree_model.rebuild()
            self.tree.expandAll()
        self.tree_model.flush()
        picture = self.services.dashboard.status_picture(ctx, self.chosen_groups or None)
        chosen = picture.chosen
        which = self.tr("the chosen groups") if self.chosen_groups else self.tr("all your charging groups")
        stations = (self.tr("1 charging station") if chosen.stations == 1
                    else self.tr("{n} charging stations").format(n=f"{chosen.stations:,}"))
        points = (self.tr("1 charging point") if chosen.points == 1
                  else self.tr("{n} charging points").format(n=f"{chosen.points:,}"))
        self.summary_label.setText(
            self.tr("{stations} · {points} · {charging} charging now · {errors} in an error condition  ({which})").format(
                stations=stations, points=points, charging=chosen.charging, errors=chosen.in_error, which=which))
        self.donut.set_counts(picture.domain.by_state)
        faults = picture.faults
        state = self.tree_model.state
        if state:
            faults = [f for f in faults if _station_has(self.services, f.station_id, state)]
        before = [r.station_id for r in self.faults_model.rows()]
        self.faults_model.set_rows(faults)
        if before != [f.station_id for f in faults]:  # rows came or went: fit the short columns again
            for column in (COL_STATION, COL_SINCE, COL_GROUP):
                self.faults_view.resizeColumnToContents(column)
        offline = sum(1 for f in faults if f.kind == "offline")
        self.faults_label.setText(faults_line(len(faults), offline))

    def _state_chosen(self, state: str) -> None:
        self.tree_model.set_filter(self.chosen_groups, state)
        self.tree.expandAll()
        phrase = state_label(sm.POINT_STATE_PHRASES.get(state, ""))
        self.filter_label.setText(self.tr("Showing only stations with a charging point that is {phrase}"
                                          " (click the state again to show all).").format(phrase=phrase) if state else "")
        self.filter_label.setVisible(bool(state))
        self.redraw_status()

    # -- the gear ----------------------------------------------------------------------------------------
    def _fill_gear_menu(self) -> None:
        menu = self.gear_menu
        menu.clear()
        ctx = operator_of(self)
        every = QAction(self.tr("All my charging groups"), menu)
        every.setCheckable(True)
        every.setChecked(not self.chosen_groups)
        every.triggered.connect(lambda: self.choose_groups([]))
        menu.addAction(every)
        menu.addSeparator()
        tree = self.services.group_tree
        for gid, depth in _groups_in_order(tree, ctx):
            action = QAction("    " * depth + tree.groups[gid].name, menu)
            action.setCheckable(True)
            action.setChecked(gid in self.chosen_groups)
            action.triggered.connect(lambda checked, g=gid: self._toggle_group(g, checked))
            menu.addAction(action)

    def _toggle_group(self, group_id: UUID, checked: bool) -> None:
        chosen = [g for g in self.chosen_groups if g != group_id]
        if checked:
            chosen.append(group_id)
        self.choose_groups(chosen)

    def choose_groups(self, group_ids: list[UUID]) -> None:
        """Show these groups (none: the whole domain); this seat remembers the choice."""
        self.chosen_groups = list(group_ids)
        save_json("dashboard/groups", [str(g) for g in self.chosen_groups])
        self.tree_model.set_filter(self.chosen_groups, self.tree_model.state)
        self.tree.expandAll()
        self.redraw_status()

    # -- figures from the store ---------------------------------------------------------------------
    def refresh_store(self) -> None:
        self._stale_store = False
        ctx = operator_of(self)
        zone = display.zone_of(self.services.settings)
        dashboard = self.services.dashboard
        period = self.period_combo.currentData()
        timeframe, grain = self.timeframe_combo.currentData(), self.grain_combo.currentData()

        async def read():
            return (await dashboard.period_cards(ctx, period, zone), await dashboard.last_24h(ctx),
                    await dashboard.consumption(ctx, timeframe, grain, zone))

        run_task(read(), self._show_store, self._store_failed, owner=self, what="reading the dashboard figures")

    def _show_store(self, result) -> None:
        cards, day, buckets = result
        self._loads += 1
        period_name = self.tr(PERIODS[cards.period])
        period = period_name if display.current_language() == "de" else period_name.lower()  # German nouns keep capitals
        vs = self.tr("against the period before")
        self.cards.card("sessions", self.tr("Charging sessions")).show_value(
            f"{int(cards.sessions.value):,}", vs, cards.sessions.change, compared=True)
        self.cards.card("energy", self.tr("Energy")).show_value(
            f"{kwh_text(cards.energy_kwh.value)} kWh", vs, cards.energy_kwh.change, compared=True)
        keys = {"sessions", "energy", "users", "stations"}
        for currency, figure in cards.revenue.items():
            keys.add(f"revenue_{currency}")
            self.cards.card(f"revenue_{currency}", self.tr("Revenue {currency}").format(currency=currency)).show_value(
                f"{figure.value:,.2f} {currency}", vs, figure.change, compared=True)
        if not cards.revenue:
            keys.add("revenue")
            self.cards.card("revenue", self.tr("Revenue")).show_value(display.decimal(0, 2), self.tr("no priced session"))
        self.cards.card("users", self.tr("New charging users")).show_value(f"{cards.new_users:,}", period)
        self.cards.card("stations", self.tr("New stations")).show_value(f"{cards.new_stations:,}", period)
        self.cards.keep_only(keys)
        zone = display.zone_of(self.services.settings)
        self.cards_note.setText(
            self.tr("{period}: {since} – {until}, compared with {previous_since} – {previous_until} ({zone})").format(
                period=period_name, since=display.local_time(cards.since, zone, False),
                until=display.local_time(cards.until, zone, False),
                previous_since=display.local_time(cards.previous_since, zone, False),
                previous_until=display.local_time(cards.previous_until, zone, False), zone=display.zone_name(zone)))
        self.day_cards.card("sessions", "").show_value(f"{day.sessions:,}")
        self.day_cards.card("points", "").show_value(f"{day.points_used:,}")
        self.day_cards.card("kwh", "").show_value(kwh_text(day.energy_wh / 1000))
        self.chart.show_buckets(buckets, self.grain_combo.currentData())
        self.chart_note.setText(self.tr("{summary} · all your stations, whatever groups are chosen").format(summary=self.chart.summary()))

    def _store_failed(self, exc: BaseException) -> None:
        self.chart_note.setText(str(exc))
        self.statusMessage.emit(self.tr("The dashboard figures could not be read: {error}").format(error=exc))

    def _period_changed(self) -> None:
        save_json("dashboard/period", self.period_combo.currentData())
        self.refresh_store()

    def _timeframe_changed(self) -> None:
        timeframe = self.timeframe_combo.currentData()
        grain = self.grain_combo.currentData()
        if timeframe == "12m" and grain == "hour" or timeframe == "24h" and grain != "hour":
            self.grain_combo.blockSignals(True)
            _select(self.grain_combo, DEFAULT_GRAIN[timeframe])
            self.grain_combo.blockSignals(False)
        self._chart_changed()

    def _chart_changed(self) -> None:
        if self.timeframe_combo.currentData() == "12m" and self.grain_combo.currentData() == "hour":
            self.grain_combo.blockSignals(True)
            _select(self.grain_combo, "month")
            self.grain_combo.blockSignals(False)
        save_json("dashboard/timeframe", self.timeframe_combo.currentData())
        save_json("dashboard/grain", self.grain_combo.currentData())
        self.refresh_store()

    def _zone_changed(self) -> None:
        self.faults_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
        self.redraw_status()
        self.refresh_store()

    # -- opening a station -------------------------------------------------------------------------------
    def _tree_activated(self, index: QModelIndex) -> None:
        if index.data(Roles.RowData) == STATION:
            self.stationActivated.emit(index.data(Roles.RowId))

    def _fault_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.stationActivated.emit(index.data(Roles.RowId))


def kwh_text(kwh: float) -> str:
    """Two decimals below 100 kWh (a quiet morning is not "0.0"), one above."""
    if display.current_language() != "en":
        return display.decimal(kwh, 2 if kwh < 100 else 1)
    return f"{kwh:,.2f}" if kwh < 100 else f"{kwh:,.1f}"


def faults_line(total: int, offline: int) -> str:
    """'3 stations: 1 offline, 2 with a fault'."""
    if not total:
        return QCoreApplication.translate("DashboardPage", "No station is offline or faulted.")
    stations = QCoreApplication.translate("DashboardPage", "1 station") if total == 1 else QCoreApplication.translate("DashboardPage", "{total} stations").format(total=total)
    faulted = total - offline
    return QCoreApplication.translate("DashboardPage", "{stations}: {offline} offline, {faulted} with a fault").format(
        stations=stations, offline=offline, faulted=faulted)


def _is_uuid(text) -> bool:
    try:
        UUID(str(text))
        return True
    except ValueError:
        return False


def _select(combo: QComboBox, key) -> None:
    i = combo.findData(key)
    if i >= 0:
        combo.setCurrentIndex(i)


def _station_has(services, station_id: UUID, state: str) -> bool:
    info = services.stations.by_id.get(station_id)
    return info is not None and state in sm.point_states(info)


def _groups_in_order(tree, ctx) -> list[tuple[UUID, int]]:
    """The groups the operator sees, depth first by name, with their depth below the domain's top."""
    children: dict = {}
    for g in tree.groups.values():
        children.setdefault(g.parent_id, []).append(g.id)
    out: list[tuple[UUID, int]] = []

    def walk(gid: UUID, depth: int) -> None:
        out.append((gid, depth))
        for child in sorted(children.get(gid, ()), key=lambda c: tree.groups[c].name.casefold()):
            walk(child, depth + 1)

    tops = [g for g in tree.groups.values() if ctx.sees_group(g.id) and (g.parent_id is None or not ctx.sees_group(g.parent_id))]
    for g in sorted(tops, key=lambda g: g.name.casefold()):
        walk(g.id, 0)
    return out
