"""Charging points overview (vaylens' "Erweiterte Übersicht", REQUIREMENTS-DIGEST B1): every
charging point the operator sees with its status, detail status, since when it is unavailable,
its error rate over 30 days, its last session, firmware and model.

* Filters: words (station, identifier, group, model, firmware), a status, a firmware version, a
  model, a lowest error rate. They are remembered by this seat ("filters are saved
  automatically and persist") and so are the sort and the columns shown; "Reset filters" and
  "Reset columns" go back to the defaults.
* Sort: click a column's header (first click: highest first for the error rate, newest first for
  times, A–Z for text); the default is the error rate, highest first, as in the manual's sample.
* Rows are paged in as the table scrolls; double-click or Enter opens the station.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDoubleSpinBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMenu, QPushButton,
    QTableView, QToolButton, QVBoxLayout,
)

from evdesk.core.reads import point_states as sm
from evdesk.core.reads.overview import OverviewFilter
from evdesk.gui.models.base import Roles, ZoneFollower
from evdesk.gui.models.overview_model import COLUMN_KEYS, COLUMNS, OverviewModel
from evdesk.gui.operator import operator_of
from evdesk.gui.pages.base import Page
from evdesk.gui.seat_settings import load_json, save_json

SEARCH_DELAY_MS = 300
FILTER_KEY, COLUMNS_KEY = "overview/filter", "overview/hidden_columns"
DEFAULT_HIDDEN = [c[0] for c in COLUMNS if not c[3]]
TEXT_SORTS_ASCENDING = {"station", "group", "detail", "firmware", "model", "status"}


def filter_from_saved(saved: dict) -> OverviewFilter:
    """The remembered filter (unknown or broken values fall back to the defaults)."""
    try:
        flt = OverviewFilter(text=str(saved.get("text", "")), states=tuple(saved.get("states", ())),
                             firmware=str(saved.get("firmware", "")), model=str(saved.get("model", "")),
                             min_error_rate=saved.get("min_error_rate"), sort=str(saved.get("sort", "error_rate")),
                             descending=bool(saved.get("descending", True)))
        flt.check()
        return flt
    except Exception:  # a remembered value from another version: start clean
        return OverviewFilter()


class OverviewPage(Page):
    stationActivated = Signal(object)

    def __init__(self, services, parent=None):
        super().__init__(parent)
        self.services = services
        self.model = OverviewModel(services, lambda: operator_of(self), self)
        self._build()
        self._loaded = False
        self.apply_filter(filter_from_saved(load_json(FILTER_KEY, {})), load=False, remember=False)
        self.apply_hidden_columns(load_json(COLUMNS_KEY, DEFAULT_HIDDEN), remember=False)
        self.model.totalChanged.connect(self._counted)
        ZoneFollower(self.model._bus, services.settings, lambda: self.model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1))

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        head = QHBoxLayout()
        title = QLabel("Charging points overview")
        title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        head.addWidget(title)
        head.addStretch(1)
        self.count_label = QLabel("")
        self.count_label.setObjectName("countLabel")
        head.addWidget(self.count_label)
        layout.addLayout(head)

        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("searchEdit")
        self.search.setPlaceholderText("Search station, identifier, group, model, firmware…")
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 2)
        self.state_combo = QComboBox()
        self.state_combo.setObjectName("stateCombo")
        self.state_combo.addItem("Every status", "")
        for state in sm.POINT_STATES:
            self.state_combo.addItem(sm.POINT_STATE_LABELS[state], state)
        bar.addWidget(self.state_combo)
        self.firmware_combo = QComboBox()
        self.firmware_combo.setObjectName("firmwareCombo")
        self.model_combo = QComboBox()
        self.model_combo.setObjectName("modelCombo")
        bar.addWidget(self.firmware_combo)
        bar.addWidget(self.model_combo)
        bar.addWidget(QLabel("Error rate at least"))
        self.error_spin = QDoubleSpinBox()
        self.error_spin.setObjectName("errorRateSpin")
        self.error_spin.setRange(0, 100)
        self.error_spin.setDecimals(0)
        self.error_spin.setSuffix(" %")
        self.error_spin.setSpecialValueText("any")
        bar.addWidget(self.error_spin)
        reset = QPushButton("Reset filters")
        reset.setObjectName("resetFiltersButton")
        reset.clicked.connect(self.reset_filters)
        bar.addWidget(reset)
        self.columns_button = QToolButton()
        self.columns_button.setObjectName("columnsButton")
        self.columns_button.setText("Columns")
        self.columns_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.columns_menu = QMenu(self.columns_button)
        self.columns_menu.aboutToShow.connect(self._fill_columns_menu)
        self.columns_button.setMenu(self.columns_menu)
        bar.addWidget(self.columns_button)
        refresh = QPushButton("Refresh")
        refresh.setObjectName("refreshButton")
        refresh.setToolTip("Read the order and the 30-day figures again")
        refresh.clicked.connect(self.refresh)
        bar.addWidget(refresh)
        layout.addLayout(bar)

        self.table = QTableView()
        self.table.setObjectName("overviewTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.sectionClicked.connect(self._header_clicked)
        for key, width in (("station", 165), ("identity", 105), ("group", 120), ("status", 118), ("detail", 180),
                           ("unavailable_since", 125), ("error_rate", 80), ("last_session", 125),
                           ("connector", 72), ("firmware", 80), ("model", 80)):
            self.table.setColumnWidth(COLUMN_KEYS.index(key), width)
        self.table.activated.connect(self._activated)
        layout.addWidget(self.table, 1)

        self._search_delay = QTimer(self)
        self._search_delay.setSingleShot(True)
        self._search_delay.setInterval(SEARCH_DELAY_MS)
        self._search_delay.timeout.connect(self._filters_changed)
        self.search.textChanged.connect(self._search_delay.start)
        for combo in (self.state_combo, self.firmware_combo, self.model_combo):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.error_spin.valueChanged.connect(self._filters_changed)

    # -- filters ----------------------------------------------------------------------------------------
    def _fill_choices(self, flt: OverviewFilter) -> None:
        firmware, models = self.services.overview.firmware_and_models(operator_of(self))
        for combo, first, values, chosen in ((self.firmware_combo, "Every firmware", firmware, flt.firmware),
                                             (self.model_combo, "Every model", models, flt.model)):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, "")
            for value in values:
                combo.addItem(value, value)
            if chosen and combo.findData(chosen) < 0:
                combo.addItem(chosen, chosen)  # remembered, though no station has it now
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)

    def apply_filter(self, flt: OverviewFilter, load: bool = True, remember: bool = True) -> None:
        """Show `flt` in the controls, remember it, and read the list with it."""
        self._fill_choices(flt)
        for widget in (self.search, self.state_combo, self.error_spin):
            widget.blockSignals(True)
        self.search.setText(flt.text)
        self.state_combo.setCurrentIndex(max(0, self.state_combo.findData(flt.states[0] if flt.states else "")))
        self.error_spin.setValue(flt.min_error_rate or 0)
        for widget in (self.search, self.state_combo, self.error_spin):
            widget.blockSignals(False)
        column = next((i for i, c in enumerate(COLUMNS) if c[2] == flt.sort), 0)
        self.table.horizontalHeader().setSortIndicator(
            column, Qt.SortOrder.DescendingOrder if flt.descending else Qt.SortOrder.AscendingOrder)
        if remember:
            save_json(FILTER_KEY, {"text": flt.text, "states": list(flt.states), "firmware": flt.firmware,
                                   "model": flt.model, "min_error_rate": flt.min_error_rate, "sort": flt.sort,
                                   "descending": flt.descending})
        self.model.filter = flt
        if load:
            self.model.reload()
            self._loaded = True

    def _filters_changed(self) -> None:
        state = self.state_combo.currentData()
        rate = self.error_spin.value()
        flt = dataclasses.replace(self.model.filter, text=self.search.text().strip(), states=(state,) if state else (),
                                  firmware=self.firmware_combo.currentData() or "",
                                  model=self.model_combo.currentData() or "", min_error_rate=rate or None)
        self.apply_filter(flt)

    def reset_filters(self) -> None:
        self.apply_filter(OverviewFilter())

    def _header_clicked(self, column: int) -> None:
        sort = COLUMNS[column][2]
        flt = self.model.filter
        if sort is None:  # not a sort: keep the indicator where it was
            self.apply_filter(flt, load=False, remember=False)
            return
        if sort == flt.sort:
            descending = not flt.descending
        else:
            descending = sort not in TEXT_SORTS_ASCENDING
        self.apply_filter(dataclasses.replace(flt, sort=sort, descending=descending))

    # -- columns ------------------------------------------------------------------------------------------
    def _fill_columns_menu(self) -> None:
        menu = self.columns_menu
        menu.clear()
        for i, (key, header, _sort, _default) in enumerate(COLUMNS):
            action = QAction(header, menu)
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(i))
            action.setEnabled(key != "station")  # a row needs its station
            action.triggered.connect(lambda checked, k=key: self.show_column(k, checked))
            menu.addAction(action)
        menu.addSeparator()
        reset = QAction("Reset columns", menu)
        reset.triggered.connect(lambda: self.apply_hidden_columns(DEFAULT_HIDDEN))
        menu.addAction(reset)

    def show_column(self, key: str, shown: bool) -> None:
        hidden = [k for k in self.hidden_columns() if k != key]
        if not shown:
            hidden.append(key)
        self.apply_hidden_columns(hidden)

    def hidden_columns(self) -> list[str]:
        return [key for i, key in enumerate(COLUMN_KEYS) if self.table.isColumnHidden(i)]

    def apply_hidden_columns(self, hidden, remember: bool = True) -> None:
        hidden = [k for k in hidden if k in COLUMN_KEYS and k != "station"]
        for i, key in enumerate(COLUMN_KEYS):
            self.table.setColumnHidden(i, key in hidden)
        if remember:
            save_json(COLUMNS_KEY, hidden)

    # -- the page ----------------------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.apply_filter(self.model.filter, remember=False)

    def apply_operator(self, _ctx) -> None:
        if self._loaded:
            self.apply_filter(self.model.filter, remember=False)

    def refresh(self) -> None:
        self.services.overview.forget()
        self.apply_filter(self.model.filter)

    def detach(self) -> None:
        self.model.detach()

    def _counted(self, n: int) -> None:
        self.count_label.setText(f"{n:,} charging points" if n != 1 else "1 charging point")

    def _activated(self, index: QModelIndex) -> None:
        row = index.data(Roles.RowData)
        if row is not None:
            self.stationActivated.emit(row.station_id)
