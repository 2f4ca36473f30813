"""Importing charging users from a CSV file: progress, Cancel, and the per-row report
(row, column, message) with the summary "N users imported, M rows refused"."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialog, QHeaderView

from evdesk.core.csv_io import CsvImportResult, CsvProblem
from evdesk.core.errors import EvdeskError
from evdesk.gui.asyncutil import run_task
from evdesk.gui.forms.ui_csv_import_dialog import Ui_CsvImportDialog
from evdesk.gui.models.paged_table import ListTableModel


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary(result: CsvImportResult) -> str:
    """"N users imported, M rows refused." """
    users = (QCoreApplication.translate("CsvImportDialog", "{count} user imported") if result.users_added == 1
             else QCoreApplication.translate("CsvImportDialog", "{count} users imported")).format(count=result.users_added)
    rows = (QCoreApplication.translate("CsvImportDialog", "{count} row refused") if result.refused_rows == 1
            else QCoreApplication.translate("CsvImportDialog", "{count} rows refused")).format(count=result.refused_rows)
    return f"{users}, {rows}."


class CsvProblemsModel(ListTableModel):
    columns = ("Row", "Column", "Problem")

    def set_problems(self, problems: list[CsvProblem]) -> None:
        self.set_rows([_Problem(i, p) for i, p in enumerate(problems)])

    def display(self, row, column):
        p = row.problem
        return (str(p.row), p.field, p.message)[column]


class _Problem:
    __slots__ = ("id", "problem")

    def __init__(self, i: int, problem: CsvProblem):
        self.id, self.problem = i, problem

    def __eq__(self, other):
        return isinstance(other, _Problem) and (self.id, self.problem) == (other.id, other.problem)


class CsvImportDialog(QDialog):
    importFinished = Signal(object)  # CsvImportResult

    def __init__(self, services, operator: Callable, path: str, parent=None):
        super().__init__(parent)
        self.ui = Ui_CsvImportDialog()
        self.ui.setupUi(self)
        self.services = services
        self.operator = operator
        self.path = path
        self.result: CsvImportResult | None = None
        self.finished_import = False
        self._cancel = False
        ui = self.ui
        self.problems = CsvProblemsModel(self)
        ui.problemsView.setModel(self.problems)
        ui.problemsView.verticalHeader().hide()
        ui.problemsView.horizontalHeader().setStretchLastSection(True)
        ui.problemsView.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        ui.problemsView.setColumnWidth(1, 130)
        ui.problemsView.hide()
        ui.fileLabel.setText(self.tr("Importing charging users from <b>{file}</b>").format(file=escape(Path(path).name)))
        ui.progressBar.setRange(0, 0)  # busy until the first batch reports
        ui.summaryLabel.setText(self.tr("Reading the file…"))
        ui.closeButton.setEnabled(False)
        ui.cancelButton.clicked.connect(self.cancel)
        ui.closeButton.clicked.connect(self.accept)

    def start(self) -> None:
        run_task(self.services.people.csv.import_file(self.operator(), self.path, progress=self._progress,
                                                      cancelled=lambda: self._cancel),
                 on_done=self._finished, on_error=self._failed, owner=self, what="importing charging users",
                 cancel_with_owner=False)

    def cancel(self) -> None:
        if self.finished_import:
            self.reject()
            return
        self._cancel = True
        self.ui.cancelButton.setEnabled(False)
        self.ui.summaryLabel.setText(self.tr("Cancelling after the current batch… (rows already imported stay)"))

    def _progress(self, done: int, total: int) -> None:
        self.ui.progressBar.setRange(0, total)
        self.ui.progressBar.setValue(done)
        if not self._cancel:
            self.ui.summaryLabel.setText(self.tr("{done} of {total} rows checked…").format(done=done, total=total))

    def _finished(self, result: CsvImportResult) -> None:
        self.result = result
        self.finished_import = True
        ui = self.ui
        ui.progressBar.setRange(0, max(1, result.rows))
        ui.progressBar.setValue(result.rows if not result.cancelled else ui.progressBar.value())
        text = summary(result)
        if result.tokens_added:
            text += " " + (self.tr("{count} token added with them.") if result.tokens_added == 1 else
                           self.tr("{count} tokens added with them.")).format(count=result.tokens_added)
        if result.cancelled:
            text = self.tr("Cancelled.") + " " + text
        ui.summaryLabel.setText(text + (" " + self.tr("Refused rows added nothing; fix them in the file and import those "
                                                      "rows again.") if result.problems else ""))
        ui.summaryLabel.setStyleSheet("color: #c62828;" if result.problems else "color: #2e7d32;")
        self.problems.set_problems(result.problems)
        ui.problemsView.setVisible(bool(result.problems))
        ui.cancelButton.hide()
        ui.closeButton.setEnabled(True)
        ui.closeButton.setDefault(True)
        self.importFinished.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.finished_import = True
        ui = self.ui
        ui.progressBar.setRange(0, 1)
        ui.progressBar.setValue(0)
        message = str(exc) if isinstance(exc, EvdeskError) else self.tr("The file could not be imported: {error}").format(error=exc)
        if isinstance(exc, UnicodeDecodeError):
            message = "The file is not UTF-8 text. Save it as “CSV UTF-8” and import it again."
        ui.summaryLabel.setStyleSheet("color: #c62828;")
        ui.summaryLabel.setText(message)
        ui.cancelButton.hide()
        ui.closeButton.setEnabled(True)
