"""Scheduled tasks (Active | Name | Type | Schedule | Targets | Next run), their runs (the event
feed: Task name | Status | Date & time | Retry) and one run's outcome per station, in words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from uuid import UUID

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from evdesk.core.scheduling.book import TaskRow
from evdesk.gui.models.base import Roles
from evdesk.gui.models.paged_table import ListTableModel
from evdesk.gui.translations.labels import state_label
from evdesk.gui.translations.phrases import counted, phrase, schedule_text, task_params_text

TASK_COLUMNS = ("Active", "Name", "Type", "Schedule", "Targets", "Next run")
COL_ACTIVE, COL_NAME, COL_TYPE, COL_SCHEDULE, COL_TARGETS, COL_NEXT = range(len(TASK_COLUMNS))
RUN_COLUMNS = ("Task name", "Status", "Date & time", "Retry")
RUN_NAME, RUN_STATUS, RUN_TIME, RUN_RETRY = range(len(RUN_COLUMNS))
OUTCOME_COLUMNS = ("Target", "Result", "Outcome")
OUT_TARGET, OUT_RESULT, OUT_MESSAGE = range(len(OUTCOME_COLUMNS))
FAILED_COLOUR, OK_COLOUR = QColor("#c62828"), QColor("#2e7d32")
RETRYABLE = ("partial", "failed", "missed")


def targets_text(t: TaskRow) -> str:
    d = t.data.targets
    parts = [counted(len(d.get(k) or ()), noun) for k, noun in (("group_ids", "charging group"), ("station_ids", "station"),
                                                                ("user_ids", "charging user"),
                                                                ("user_group_ids", "user group")) if d.get(k)]
    return ", ".join(parts) or QCoreApplication.translate("TasksModel", "none")


@dataclass(frozen=True)
class RunRow:
    id: UUID
    task: UUID
    task_name: str
    state: str
    summary: str
    started_at: datetime
    total: int
    failed: int

    @classmethod
    def of(cls, r: dict) -> "RunRow":
        return cls(r["id"], r["task"], r["task_name"], r["state"], r["summary"], r["started_at"], r["total"], r["failed"])


@dataclass(frozen=True)
class OutcomeRow:
    id: UUID
    target_name: str
    ok: bool
    outcome: str
    message: str

    @classmethod
    def of(cls, r: dict) -> "OutcomeRow":
        return cls(r["id"], r["target_name"], bool(r["ok"]), r["outcome"], r["message"])


class TasksModel(ListTableModel):
    columns = TASK_COLUMNS

    def __init__(self, zone, parent=None):
        super().__init__(parent)
        self.zone = zone  # () -> the site's tzinfo

    def display(self, row: TaskRow, column: int):
        if column == COL_ACTIVE:
            return state_label("Active" if row.data.active else "Inactive")
        if column == COL_NAME:
            return row.data.name
        if column == COL_TYPE:
            return f"{phrase(row.kind_label)} ({task_params_text(row.data.kind, row.data.params)})"
        if column == COL_SCHEDULE:
            return schedule_text(row.schedule)
        if column == COL_TARGETS:
            return targets_text(row)
        if column == COL_NEXT:
            return row.next_run.astimezone(self.zone()).strftime("%d.%m.%Y %H:%M") if row.next_run else "—"
        return None

    def row_data(self, row: TaskRow, role: int, column: int):
        if role == Qt.ItemDataRole.CheckStateRole and column == COL_ACTIVE:
            return Qt.CheckState.Checked if row.data.active else Qt.CheckState.Unchecked
        if role == Roles.SearchText:
            return row.data.name
        return None


class RunsModel(ListTableModel):
    columns = RUN_COLUMNS

    def __init__(self, zone, parent=None):
        super().__init__(parent)
        self.zone = zone

    def display(self, row: RunRow, column: int):
        if column == RUN_NAME:
            return row.task_name
        if column == RUN_STATUS:
            return self.tr("Running…") if row.state == "running" else row.summary
        if column == RUN_TIME:
            return row.started_at.astimezone(self.zone()).strftime("%d.%m.%Y %H:%M")
        if column == RUN_RETRY:
            return self.tr("↻ Retry") if row.state in RETRYABLE else "⌵"
        return None

    def row_data(self, row: RunRow, role: int, column: int):
        if role == Qt.ItemDataRole.ForegroundRole and column == RUN_STATUS:
            return FAILED_COLOUR if row.state in RETRYABLE else OK_COLOUR if row.state == "ok" else None
        if role == Qt.ItemDataRole.ToolTipRole and column == RUN_RETRY:
            return self.tr("Retry the failed stations of this run") if row.state in RETRYABLE else self.tr("Nothing to retry")
        return None


class OutcomesModel(ListTableModel):
    columns = OUTCOME_COLUMNS

    def display(self, row: OutcomeRow, column: int):
        if column == OUT_TARGET:
            return row.target_name
        if column == OUT_RESULT:
            return self.tr("OK") if row.ok else state_label("Failed")
        if column == OUT_MESSAGE:
            return row.message
        return None

    def row_data(self, row: OutcomeRow, role: int, column: int):
        if role == Qt.ItemDataRole.ForegroundRole and column == OUT_RESULT:
            return OK_COLOUR if row.ok else FAILED_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole and column == OUT_MESSAGE:
            return row.message
        return None


class TasksProxy(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(Roles.SortValue)
        self.setFilterKeyColumn(COL_NAME)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)


def local_day_bounds(day, zone: tzinfo) -> tuple[datetime, datetime]:
    """[start, end) of a local calendar day as aware times (a DST day is 23 or 25 hours long)."""
    from datetime import time, timedelta
    start = datetime.combine(day, time(0)).replace(tzinfo=zone)
    end = datetime.combine(day + timedelta(days=1), time(0)).replace(tzinfo=zone)
    return start, end
