"""Statistics over 7 or 30 days: the total as cards and a table per charging point (a station's
Statistics tab) or per station (a charging group's statistics). The figures and their rules come
from `core/reads/station_statistics.py`; this view only shows them."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QButtonGroup, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from evdesk.core.reads import point_states as sm
from evdesk.core.reads.station_statistics import Statistics, StatisticsRow
from evdesk.gui import display
from evdesk.gui.asyncutil import run_task
from evdesk.gui.models.paged_table import ListTableModel
from evdesk.gui.widgets.figure_cards import CardRow

COLUMNS = ("Charging point", "Sessions", "kWh", "Utilisation", "Error rate", "Failed / sessions", "Availability")
RULES = ("Utilisation: time plugged in / (charging points × the period). Error rate: failed / started sessions "
         "(failed: ended without charging, or refused at its start). Availability: the time not Faulted or "
         "Unavailable.")


class FiguresModel(ListTableModel):
    columns = COLUMNS

    def __init__(self, per: str, parent=None):
        super().__init__(parent)
        self.per = per  # "connector" / "station"

    def key_of(self, row: StatisticsRow):
        return (row.station_id, row.connector_id)

    def header(self, section: int) -> str:
        if section == 0:
            return "Charging point" if self.per == "connector" else "Station"
        return COLUMNS[section]

    def display(self, row: StatisticsRow, column: int):
        f = row.figures
        if column == 0:
            return row.name
        if column == 1:
            return f"{f.sessions:,}"
        if column == 2:
            return f"{f.energy_wh / 1000:,.1f}"
        if column == 3:
            return sm.percent_text(f.utilisation_pct, decimals=1)
        if column == 4:
            return sm.percent_text(f.error_rate_pct)
        if column == 5:
            return f"{f.failed} / {f.sessions}"
        if column == 6:
            return sm.percent_text(f.availability_pct, decimals=1)
        return None

    def row_data(self, row: StatisticsRow, role: int, column: int):
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == 4 and (row.figures.error_rate_pct or 0) >= 20:
            return QColor("#c62828")
        return None


class StatisticsView(QWidget):
    """`load(days)` returns the coroutine that reads the figures (with the operator at that moment)."""

    def __init__(self, load: Callable[[int], Coroutine[Any, Any, Statistics]], per: str, zone, parent=None):
        super().__init__(parent)
        self._load = load
        self._zone = zone  # () -> tzinfo
        self.days = 7
        self.loaded: Statistics | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        top = QHBoxLayout()
        self.buttons = QButtonGroup(self)
        for days in (7, 30):
            button = QPushButton(f"{days} days", self)
            button.setObjectName(f"days{days}Button")
            button.setCheckable(True)
            button.setChecked(days == self.days)
            self.buttons.addButton(button, days)
            top.addWidget(button)
        self.buttons.idClicked.connect(self.show_days)
        self.period_label = QLabel("")
        self.period_label.setStyleSheet("color: #607d8b;")
        top.addWidget(self.period_label, 1)
        layout.addLayout(top)
        self.cards = CardRow(self)
        for key, title in (("sessions", "Sessions"), ("kwh", "kWh"), ("utilisation", "Utilisation"),
                           ("errors", "Error rate"), ("availability", "Availability")):
            self.cards.card(key, title)
        layout.addWidget(self.cards)
        self.model = FiguresModel(per, self)
        self.table = QTableView(self)
        self.table.setObjectName("statisticsTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(70)
        layout.addWidget(self.table, 1)
        rules = QLabel(RULES)
        rules.setWordWrap(True)
        rules.setStyleSheet("color: #607d8b;")
        layout.addWidget(rules)

    def set_loader(self, load: Callable[[int], Coroutine[Any, Any, Statistics]]) -> None:
        self._load = load
        self.reload()

    def show_days(self, days: int) -> None:
        self.days = days
        self.buttons.button(days).setChecked(True)
        self.reload()

    def reload(self) -> None:
        self.period_label.setText("Reading…")
        run_task(self._load(self.days), self._show, self._failed, owner=self, what="reading statistics")

    def _show(self, stats: Statistics) -> None:
        self.loaded = stats
        zone = self._zone()
        self.period_label.setText(f"{display.local_time(stats.since, zone, False)} – "
                                  f"{display.local_time(stats.until, zone, False)} ({display.zone_name(zone)})")
        t = stats.total
        self.cards.card("sessions", "").show_value(f"{t.sessions:,}")
        self.cards.card("kwh", "").show_value(f"{t.energy_wh / 1000:,.1f}")
        self.cards.card("utilisation", "").show_value(sm.percent_text(t.utilisation_pct, decimals=1))
        self.cards.card("errors", "").show_value(sm.percent_text(t.error_rate_pct), f"{t.failed} of {t.sessions} failed")
        self.cards.card("availability", "").show_value(sm.percent_text(t.availability_pct, decimals=1))
        self.model.set_rows(stats.rows)

    def _failed(self, exc: BaseException) -> None:
        self.period_label.setText(f"The statistics could not be read: {exc}")
