"""Settings → Shared database: this seat's connection to the site's shared PostgreSQL (issue 14).

Admins of the whole site fill in where the database is, try it with Test connection
(the answer says what joining will do: create the site, take it, or — for a seat with
records of its own — merge, before anything is merged), and save. While the seat
waits for that consent the page offers "Agree and join the site". Below, the conflicts
the sync recorded, with the values that lost. Everything goes through
`services.shared_db`; the status follows `SharedDatabaseStatus` events.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QHeaderView, QTableWidgetItem

from evdesk.core import events as ev
from evdesk.core.errors import EvdeskError, ValidationError
from evdesk.core.shared_db_settings import TLS_MODES, SharedDatabaseSettings
from evdesk.gui import display
from evdesk.gui.asyncutil import run_task
from evdesk.gui.forms.ui_shared_database_page import Ui_SharedDatabasePage
from evdesk.gui.models.base import BusListener
from evdesk.gui.operator import operator_of
from evdesk.gui.pages.base import Page
from evdesk.gui.translations.columns import column_title

TLS_LABELS = {"disable": QT_TRANSLATE_NOOP("SharedDatabasePage", "Off (a trusted network only)"),
              "prefer": QT_TRANSLATE_NOOP("SharedDatabasePage", "When the server offers it"),
              "require": QT_TRANSLATE_NOOP("SharedDatabasePage", "Always (the certificate is not checked)"),
              "verify-full": QT_TRANSLATE_NOOP("SharedDatabasePage", "Always, and check the server's certificate and name")}
FIELD_ERRORS = {"seat_name": "seatNameError", "host": "hostError", "port": "portError", "database": "databaseError",
                "user": "userError"}
CONFLICT_COLUMNS = (QT_TRANSLATE_NOOP("Columns", "Found"), QT_TRANSLATE_NOOP("Columns", "Record"),
                    QT_TRANSLATE_NOOP("Columns", "Kept"), QT_TRANSLATE_NOOP("Columns", "Lost"),
                    QT_TRANSLATE_NOOP("Columns", "Values that lost"))


def status_text(status, zone) -> str:
    """The status line in the language shown (the detail comes from the core and stays as it is)."""
    if status.state == "unreachable":
        return QCoreApplication.translate("SharedDatabasePage", "Shared database: unreachable since {time} ({detail})").format(
            time=display.local_time(status.since, zone), detail=status.detail)
    if status.state == "connected":
        return QCoreApplication.translate("SharedDatabasePage", "Shared database: connected")
    if status.state == "connecting":
        return QCoreApplication.translate("SharedDatabasePage", "Shared database: connecting…")
    if status.state == "needs_confirmation":
        return QCoreApplication.translate("SharedDatabasePage", "Shared database: waiting for your consent. {detail}").format(detail=status.detail)
    if status.state == "refused":
        return QCoreApplication.translate("SharedDatabasePage", "Shared database: not used — {detail}").format(detail=status.detail)
    return QCoreApplication.translate("SharedDatabasePage", "Shared database: not used by this seat")


class SharedDatabasePage(Page):
    def __init__(self, services, parent=None):
        super().__init__(parent)
        self.ui = Ui_SharedDatabasePage()
        self.ui.setupUi(self)
        self.services = services
        ui = self.ui
        for mode in TLS_MODES:
            ui.tlsCombo.addItem(QCoreApplication.translate("SharedDatabasePage", TLS_LABELS[mode]), mode)
        ui.conflictsTable.setColumnCount(len(CONFLICT_COLUMNS))
        ui.conflictsTable.setHorizontalHeaderLabels([column_title(c) for c in CONFLICT_COLUMNS])
        ui.conflictsTable.horizontalHeader().setSectionResizeMode(len(CONFLICT_COLUMNS) - 1, QHeaderView.Stretch)
        ui.conflictsTable.verticalHeader().hide()
        ui.testButton.clicked.connect(self.test_connection)
        ui.saveButton.clicked.connect(self.save)
        ui.mergeButton.clicked.connect(self.agree)
        ui.passwordHelp.setText(self.tr("Kept in this computer's keychain, never in a file or a database. Type a new "
                                        "one to replace the stored one."))
        ui.tlsHelp.setText(self.tr("Use “Always, and check…” when the database is reached over a network you do "
                                   "not control."))
        for help_label in (ui.passwordHelp, ui.tlsHelp):
            help_label.setStyleSheet("color: #616161;")
        self._bus = BusListener(self, services.bus)
        self._bus.on(ev.SharedDatabaseStatus, lambda _e: self.show_status())
        self._bus.on(ev.RowsChanged, lambda e: self.load_conflicts() if e.entity == "sync_conflict" else None)
        self._bus.on(ev.SyncConflictsFound, lambda _e: self.load_conflicts())
        self._clear_errors()
        self.fill(services.shared_db.settings)
        self.show_status()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.fill(self.services.shared_db.settings)
        self.show_status()
        self.load_conflicts()

    # -- the form ---------------------------------------------------------------------------
    def fill(self, settings: SharedDatabaseSettings) -> None:
        ui = self.ui
        ui.enabledCheck.setChecked(settings.enabled)
        ui.seatNameEdit.setText(settings.seat_name)
        ui.hostEdit.setText(settings.host)
        ui.portSpin.setValue(settings.port)
        ui.databaseEdit.setText(settings.database)
        ui.userEdit.setText(settings.user)
        ui.tlsCombo.setCurrentIndex(max(0, ui.tlsCombo.findData(settings.tls)))
        ui.caFileEdit.setText(settings.ca_file)
        ui.passwordEdit.clear()

    def collect(self) -> SharedDatabaseSettings:
        ui = self.ui
        return dataclasses.replace(
            self.services.shared_db.settings, enabled=ui.enabledCheck.isChecked(),
            seat_name=ui.seatNameEdit.text().strip(), host=ui.hostEdit.text().strip(), port=ui.portSpin.value(),
            database=ui.databaseEdit.text().strip(), user=ui.userEdit.text().strip(),
            tls=ui.tlsCombo.currentData(), ca_file=ui.caFileEdit.text().strip())

    def _clear_errors(self) -> None:
        for name in (*FIELD_ERRORS.values(), "formError"):
            label = getattr(self.ui, name)
            label.clear()
            label.hide()

    def show_problem(self, field: str | None, message: str) -> None:
        label = getattr(self.ui, FIELD_ERRORS.get(field or "", "formError"))
        label.setText(message)
        label.show()

    def show_status(self) -> None:
        status = self.services.shared_db.status
        self.ui.statusLabel.setText(status_text(status, display.zone_of(self.services.settings)))
        self.ui.mergeButton.setVisible(status.state == "needs_confirmation")

    # -- actions ----------------------------------------------------------------------------
    def test_connection(self) -> None:
        self._clear_errors()
        self.ui.testButton.setEnabled(False)
        self.ui.resultLabel.setText(self.tr("Trying to connect…"))
        password = self.ui.passwordEdit.text() or None
        run_task(self.services.shared_db.test_connection(self.collect(), password, ctx=operator_of(self)),
                 on_done=self._tested, on_error=self._failed, owner=self, what="testing the shared database",
                 cancel_with_owner=False)

    def _tested(self, text: str) -> None:
        self.ui.testButton.setEnabled(True)
        self.ui.resultLabel.setText(text)

    def save(self) -> None:
        self._clear_errors()
        settings = self.collect()
        problems = settings.validate()
        if problems:
            for field, message in problems:
                self.show_problem(field, message)
            self.show_problem(None, self.tr("Nothing was saved: correct the fields marked in red."))
            return
        self.ui.saveButton.setEnabled(False)
        password = self.ui.passwordEdit.text() or None
        run_task(self.services.shared_db.save(settings, password, ctx=operator_of(self)), on_done=self._saved,
                 on_error=self._failed, owner=self, what="saving the shared database settings",
                 cancel_with_owner=False)

    def _saved(self, _result) -> None:
        self.ui.saveButton.setEnabled(True)
        self.fill(self.services.shared_db.settings)
        self.ui.resultLabel.setText(self.tr("Saved. The seat connects now.") if self.services.shared_db.settings.enabled
                                    else self.tr("Saved. This seat no longer syncs."))
        self.statusMessage.emit(self.tr("Shared database settings saved."))

    def agree(self) -> None:
        self.ui.mergeButton.setEnabled(False)
        run_task(self.services.shared_db.agree_to_merge(ctx=operator_of(self)),
                 on_done=lambda _r: self.ui.mergeButton.setEnabled(True), on_error=self._failed, owner=self,
                 what="joining the site", cancel_with_owner=False)

    def _failed(self, exc: BaseException) -> None:
        for button in (self.ui.testButton, self.ui.saveButton, self.ui.mergeButton):
            button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.show_problem(exc.field, str(exc))
        else:
            self.show_problem(None, str(exc) if isinstance(exc, EvdeskError) else f"That failed: {exc}. Try again.")

    # -- conflicts --------------------------------------------------------------------------
    def load_conflicts(self) -> None:
        run_task(self.services.shared_db.conflicts(ctx=operator_of(self)), on_done=self._show_conflicts,
                 on_error=lambda exc: None, owner=self, what="reading the sync conflicts")

    def _show_conflicts(self, rows: list[dict]) -> None:
        table = self.ui.conflictsTable
        zone = display.zone_of(self.services.settings)
        table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            shown = "; ".join(f"{k.replace('_', ' ')}: {v}" for k, v in row["differences"].items()) or \
                "(the same values as the record holds now)"
            record = row["entity"].replace("_", " ") + (f" {row['label']}" if row["label"] else "")
            cells = (display.local_time(row["detected_at"], zone), record,
                     f"{row['kept_seat_name']} (version {row['kept_version']})",
                     f"{row['lost_seat_name']} (version {row['lost_version']})", shown[:500])
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(row["reason"] if col < 4 else text)
                table.setItem(n, col, item)
        table.resizeRowsToContents()
