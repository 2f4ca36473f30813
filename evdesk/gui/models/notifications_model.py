"""Notification rules (a short list) and the notification mail log (paged from the store,
newest first, by (time, id) keyset as the view scrolls)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from evdesk.core.notifications import KIND_LABELS, OUTCOME_LABELS, MailLogEntry, NotificationRule
from evdesk.core.notifications.cases import CASE_LABELS, CASES
from evdesk.gui.asyncutil import run_task
from evdesk.gui.display import local_time, time_header
from evdesk.gui.models.base import Index
from evdesk.gui.models.paged_table import ListTableModel, RowTableModel
from evdesk.gui.translations.labels import state_label
from evdesk.gui.translations.phrases import counted, phrase

RULE_COLUMNS = ("Name", "Stations", "Recipients", "Cases", "Timing", "Auto-recovery")
COL_NAME, COL_STATIONS, COL_RECIPIENTS, COL_CASES, COL_TIMING, COL_RECOVERY = range(len(RULE_COLUMNS))
LOG_COLUMNS = ("Time", "Station", "Case", "Mail", "To", "Outcome", "Mail server's answer")
LOG_TIME, LOG_STATION, LOG_CASE, LOG_KIND, LOG_TO, LOG_OUTCOME, LOG_ANSWER = range(len(LOG_COLUMNS))
PAGE = 100


def case_text(case: str) -> str:
    return phrase(CASE_LABELS.get(case, case))


class RulesModel(ListTableModel):
    columns = RULE_COLUMNS

    def __init__(self, group_name, operator_name, parent=None):
        super().__init__(parent)
        self.group_name = group_name  # group id -> its name
        self.operator_name = operator_name  # operator id -> name or None

    def display(self, row: NotificationRule, column: int):
        if column == COL_NAME:
            return row.name if row.active else self.tr("{name} (inactive)").format(name=row.name)
        if column == COL_STATIONS:
            if row.whole_site:
                return self.tr("the whole site")
            parts = [self.tr("group {name} and its subgroups").format(name=self.group_name(row.group_id))] if row.group_id else []
            if row.station_ids:
                parts.append(counted(len(row.station_ids), "station"))
            return ", ".join(parts)
        if column == COL_RECIPIENTS:
            names = list(row.emails) + [self.operator_name(o) or self.tr("a removed operator") for o in row.operator_ids]
            return ", ".join(names)
        if column == COL_CASES:
            return ", ".join(case_text(c) for c in CASES if c in row.cases)
        if column == COL_TIMING:
            text = self.tr("after {seconds} s; not again within {minutes} min").format(seconds=row.settle_seconds,
                                                                                      minutes=row.repeat_minutes)
            return text + (self.tr("; mail when resolved") if row.clear_mails else "")
        if column == COL_RECOVERY:
            return (self.tr("after {minutes} min Faulted").format(minutes=row.recovery_minutes) if row.recovery_minutes
                    else self.tr("off"))
        return None


class MailLogModel(RowTableModel):
    """Newest first; the next older page loads when the view reaches the end."""

    columns = LOG_COLUMNS
    loaded = Signal(int)  # rows shown

    def __init__(self, load, zone, parent=None):
        super().__init__(parent)
        self.load = load  # (limit, before) -> coroutine of MailLogEntry rows
        self.zone = zone
        self._more = True
        self._loading = False
        self._generation = 0

    def header(self, section: int) -> str:
        return time_header("Time", self.zone) if section == LOG_TIME else self.columns[section]

    def display(self, row: MailLogEntry, column: int):
        if column == LOG_TIME:
            return local_time(row.at, self.zone)
        if column == LOG_STATION:
            return f"{row.station_name} ({row.station_identity})" if row.station_name else row.station_identity
        if column == LOG_CASE:
            return phrase(row.case_label)
        if column == LOG_KIND:
            return phrase(KIND_LABELS.get(row.kind, row.kind))
        if column == LOG_TO:
            return row.to
        if column == LOG_OUTCOME:
            return state_label(OUTCOME_LABELS.get(row.outcome, row.outcome))
        if column == LOG_ANSWER:
            return row.answer
        return None

    def row_data(self, row: MailLogEntry, role: int, column: int):
        if role == Qt.ItemDataRole.ForegroundRole and column == LOG_OUTCOME and row.outcome == "failed":
            return QColor("#c62828")
        if role == Qt.ItemDataRole.ToolTipRole and column in (LOG_ANSWER, LOG_KIND):
            return row.answer if column == LOG_ANSWER else row.subject
        return None

    def reload(self) -> None:
        self._generation += 1
        if self._rows:
            self.beginRemoveRows(QModelIndex(), 0, len(self._rows) - 1)
            self._rows.clear()
            self.endRemoveRows()
        self._more, self._loading = True, False
        self.fetchMore()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        self._loading = True
        before = (self._rows[-1].at, self._rows[-1].id) if self._rows else None
        generation = self._generation
        run_task(self.load(PAGE, before), on_done=lambda rows: self._append(rows, generation),
                 on_error=lambda _exc: self._stop(generation), owner=self, what="loading the mail log")

    def _stop(self, generation: int) -> None:
        if generation == self._generation:
            self._loading, self._more = False, False

    def _append(self, rows: list, generation: int) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._more = len(rows) == PAGE
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self.loaded.emit(len(self._rows))

    @property
    def loading(self) -> bool:
        return self._loading
