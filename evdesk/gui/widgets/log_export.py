"""Export a station's log view as CSV: a file dialog, then the export in the background
(`services.log_export`, page by page off the GUI thread) with a progress dialog and Cancel."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from evdesk.gui.asyncutil import run_task

LOG_TITLES = {
    "event_feed": "event feed", "comm_log": "communication log", "action_log": "action log",
    "network_log": "network log", "hardware_status": "hardware status log", "diagnostics": "diagnostics log",
}


@dataclass
class LogExportJob:
    """An export started from a log view: tests wait on `finished`."""

    path: str
    rows: int = 0
    finished: bool = False
    cancelled: bool = False
    error: str = ""


def choose_and_export(parent: QWidget, services, operator: Callable, log: str, station_id, identity: str,
                      say: Callable[[str, bool], None]) -> QFileDialog:
    dialog = QFileDialog(parent, f"Export the {LOG_TITLES[log]}", f"{identity}-{log.replace('_', '-')}.csv",
                         "CSV files (*.csv)")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix("csv")
    dialog.fileSelected.connect(lambda path: export_log(parent, services, operator, log, station_id, path, say))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def export_log(parent: QWidget, services, operator: Callable, log: str, station_id, path: str,
               say: Callable[[str, bool], None]) -> LogExportJob:
    """Write the whole log to `path` in the background; `say(message, ok)` reports the end."""
    job = LogExportJob(path)
    title = LOG_TITLES[log]
    progress = QProgressDialog(f"Exporting the {title}…", "Cancel", 0, 0, parent)
    progress.setWindowTitle("Export CSV")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    job.progress = progress

    def advanced(done: int) -> None:
        job.rows = done
        progress.setLabelText(f"Exported {done:,} rows of the {title}…")

    def finished(result) -> None:
        job.rows, job.cancelled, job.finished = result.rows, result.cancelled, True
        progress.close()
        if result.cancelled:
            say("Export cancelled: no file was written.", False)
        else:
            say(f"Exported {result.rows:,} rows of the {title} to {path}.", True)

    def failed(exc: BaseException) -> None:
        job.error, job.finished = str(exc), True
        progress.close()
        say(f"The {title} was not exported: {exc}", False)

    task = run_task(services.log_export.to_file(operator(), log, station_id, path, progress=advanced,
                                                cancelled=progress.wasCanceled),
                    on_done=finished, on_error=failed, owner=parent, what=f"exporting the {title}")
    progress.canceled.connect(lambda: None if task.done() else progress.setLabelText("Cancelling…"))
    return job
