"""Importing stations from a CSV file: the users import's dialog (progress, Cancel, the refused
rows as row, column and reason) with the stations import behind it."""

from __future__ import annotations

from html import escape
from pathlib import Path

from evdesk.core.station_import import StationImportResult
from evdesk.gui.asyncutil import run_task
from evdesk.gui.dialogs.csv_import_dialog import CsvImportDialog, plural


def station_summary(result: StationImportResult) -> str:
    """"N stations imported, M rows refused." """
    return f"{plural(result.stations_added, 'station')} imported, {plural(result.refused_rows, 'row')} refused."


class StationImportDialog(CsvImportDialog):
    def __init__(self, services, operator, path: str, parent=None):
        super().__init__(services, operator, path, parent)
        self.setWindowTitle("Import stations")
        self.ui.fileLabel.setText(f"Importing stations from <b>{escape(Path(path).name)}</b>")

    def start(self) -> None:
        run_task(self.services.station_import.import_file(self.operator(), self.path, progress=self._progress,
                                                          cancelled=lambda: self._cancel),
                 on_done=self._finished, on_error=self._failed, owner=self, what="importing stations",
                 cancel_with_owner=False)

    def _finished(self, result: StationImportResult) -> None:
        self.result = result
        self.finished_import = True
        ui = self.ui
        ui.progressBar.setRange(0, max(1, result.rows))
        ui.progressBar.setValue(result.rows if not result.cancelled else ui.progressBar.value())
        text = ("Cancelled. " if result.cancelled else "") + station_summary(result)
        if result.stations_added:
            text += " They are accepted when they first connect."
        if result.problems:
            text += " Refused rows added nothing; fix them in the file and import those rows again."
        ui.summaryLabel.setText(text)
        ui.summaryLabel.setStyleSheet("color: #c62828;" if result.problems else "color: #2e7d32;")
        self.problems.set_problems(result.problems)
        ui.problemsView.setVisible(bool(result.problems))
        ui.cancelButton.hide()
        ui.closeButton.setEnabled(True)
        ui.closeButton.setDefault(True)
        self.importFinished.emit(result)
