"""The dialog every station command goes through: parameters, a mandatory reason,
progress while the station is asked, and the outcome in words.

The command runs as a background task: the dialog stays responsive (it can be
moved or closed) and the window never freezes while a station takes its time.
Closing the dialog does not cancel a command already sent; it still finishes and
lands in the action log.
"""

from __future__ import annotations

import json
import logging
from typing import Any
from uuid import UUID

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton

from evdesk.core.actions import OUTCOME_LABELS
from evdesk.core.charging_profiles import composite_steps
from evdesk.core.errors import EvdeskError, ValidationError
from evdesk.gui import display
from evdesk.gui.asyncutil import run_task
from evdesk.gui.commands import Command
from evdesk.gui.dialogs.param_editors import ParamEditor, make_editor
from evdesk.gui.forms.ui_command_dialog import Ui_CommandDialog
from evdesk.gui.operator import operator_of
from evdesk.gui.translations.commands import command_title, param_text
from evdesk.gui.translations.phrases import phrase
from evdesk.gui.widgets.schedule_chart import ScheduleChart

log = logging.getLogger(__name__)

OUTCOME_STYLES = {
    "accepted": "color: #2e7d32; font-weight: 600;",
    "offline": "color: #616161; font-weight: 600;",
}
FAILURE_STYLE = "color: #c62828; font-weight: 600;"
NO_SERVER = QT_TRANSLATE_NOOP("CommandDialog", "The OCPP server is not running in this program, so commands cannot be sent.")


def outcome_message(result) -> str:
    """The result in an operator's words: the API's message, else the outcome's label."""
    message = getattr(result, "message", "") or ""
    if message:
        return message
    return phrase(OUTCOME_LABELS.get(result.outcome, result.outcome))


class CommandDialog(QDialog):
    """Ask for one command's parameters and reason, send it, show what came back."""

    commandFinished = Signal(object)  # the CommandResult

    def __init__(self, services, central_system, station_id: UUID, command: Command,
                 presets: dict[str, Any] | None = None, parent=None):
        super().__init__(parent)
        self.ui = Ui_CommandDialog()
        self.ui.setupUi(self)
        self.services = services
        self.central_system = central_system
        self.station_id = station_id
        self.command = command
        self.result = None  # the last CommandResult, for whoever opened the dialog
        self.task = None
        self.chart = None  # GetCompositeSchedule's answer, drawn
        station = services.stations.get_by_id(station_id)
        zone = display.zone_of(services.settings)
        self.setWindowTitle(f"{command_title(command.title).rstrip('…')} — {station.display_name}")
        self.ui.descriptionLabel.setText(param_text(command.description))

        connector_ids = sorted(c for c in station.connectors if c != 0)
        tariffs = tuple((t.name, t.id) for t in services.tariffs.list_tariffs() if t.base_of is None)
        busy = frozenset(t.connector_id for t in services.transactions.active.values() if t.station_id == station_id)
        self.editors: dict[str, ParamEditor] = {}
        for param in command.params:
            editor = make_editor(param, connector_ids, zone, display.zone_name(zone), tariffs, services=services,
                                 operator=lambda: operator_of(self), station_id=station_id, busy_connectors=busy)
            self.editors[param.name] = editor
            label = param_text(param.label).replace("{currency}", services.settings.currency)
            label += "" if param.required else param_text(" (optional)")
            self.ui.paramsForm.addRow(label + ":", editor.widget)
            self.ui.paramsForm.addRow("", editor.error)
            if param.help:
                editor.widget.setToolTip(param_text(param.help))
        for name, value in (presets or {}).items():
            if name in self.editors:
                self.editors[name].set_value(value)
        self.ui.paramsBox.setVisible(bool(command.params))

        self.ui.busyBar.hide()
        self.ui.outcomeLabel.hide()
        self.ui.responseView.hide()
        self.ui.reasonError.hide()
        self.send_button: QPushButton = self.ui.buttonBox.addButton(param_text(command.confirm_text), QDialogButtonBox.ButtonRole.ActionRole)
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.send)
        self.ui.buttonBox.rejected.connect(self.reject)
        if central_system is None:
            self.send_button.setEnabled(False)
            self._show_outcome(self.tr(NO_SERVER), FAILURE_STYLE)
        self.resize(self.sizeHint().expandedTo(self.minimumSizeHint()).width() + 40, self.sizeHint().height())

    @property
    def busy(self) -> bool:
        return self.task is not None and not self.task.done()

    # -- sending -------------------------------------------------------------------
    def collect(self) -> dict[str, Any] | None:
        """The parameters as keyword arguments, or None after showing what is wrong."""
        values: dict[str, Any] = {}
        ok = True
        for name, editor in self.editors.items():
            try:
                values[name] = editor.value()
                editor.show_error("")
            except ValueError as exc:
                editor.show_error(str(exc))
                ok = False
        reason = self.ui.reasonEdit.toPlainText().strip()
        if not reason:
            self.ui.reasonError.setText(self.tr("Give a reason: it is kept in the action log with your name."))
            self.ui.reasonError.show()
            ok = False
        else:
            self.ui.reasonError.hide()
        # unset optional parameters go as None: the API's own default for "not given"
        return values if ok else None

    def send(self) -> None:
        if self.busy or self.central_system is None:
            return
        kwargs = self.collect()
        if kwargs is None:
            return
        reason = self.ui.reasonEdit.toPlainText().strip()
        self._set_busy(True)
        self._show_outcome(self.tr("Waiting for the station…"), "color: #455a64;")
        self.ui.responseView.hide()
        self.task = run_task(
            self._execute(kwargs, reason), on_done=self._finished, on_error=self._failed, owner=self,
            what=f"sending {self.command.title.rstrip('…')}", cancel_with_owner=False,
        )

    async def _execute(self, values: dict[str, Any], reason: str):
        return await self.command.send(self.central_system.commands, self.station_id, values, operator_of(self), reason)

    def _finished(self, result) -> None:
        self._set_busy(False)
        self.result = result
        style = OUTCOME_STYLES.get(result.outcome, "" if result.ok else FAILURE_STYLE)
        if result.ok and not style:
            style = OUTCOME_STYLES["accepted"]
        self._show_outcome(outcome_message(result), style)
        response = getattr(result, "response", None)
        if self.command.key == "get_composite_schedule" and result.ok and isinstance(response, dict):
            self.show_schedule(response)
        # answers worth reading (configuration keys) beyond a bare status
        elif isinstance(response, dict) and set(response) - {"status"}:
            self.ui.responseView.setPlainText(json.dumps(response, indent=2, ensure_ascii=False, default=str))
            self.ui.responseView.show()
        self.commandFinished.emit(result)

    def show_schedule(self, response: dict) -> None:
        """GetCompositeSchedule's answer as the charging-profile editor's chart (not JSON)."""
        steps, unit, started = composite_steps(response)
        if self.chart is None:
            self.chart = ScheduleChart(self)
            self.chart.setMinimumSize(520, 260)
            self.ui.dialogLayout.insertWidget(self.ui.dialogLayout.indexOf(self.ui.responseView), self.chart)
        zone = display.zone_of(self.services.settings)
        if started:
            said = self.tr("What the station will allow from {start}, all its profiles combined ({periods}, in {unit}).")
        else:
            said = self.tr("What the station will allow, all its profiles combined ({periods}, in {unit}).")
        periods = (self.tr("{count} period") if len(steps) == 1 else self.tr("{count} periods")).format(count=len(steps))
        start = display.clock_time(started, zone) if started else ""
        self.chart.show_steps(steps, unit, said.format(start=start, periods=periods, unit=unit or "?")
                              if steps else self.tr("The station sent no schedule."))
        self.chart.show()
        self.ui.responseView.hide()
        self.resize(max(self.width(), 640), self.sizeHint().height())

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationError) and exc.field in self.editors:
            self.editors[exc.field].show_error(str(exc))
            self._show_outcome(self.tr("Not sent: correct the marked field."), FAILURE_STYLE)
        elif isinstance(exc, EvdeskError):
            self._show_outcome(str(exc), FAILURE_STYLE)
        else:
            log.error("command %s failed", self.command.key, exc_info=exc)
            self._show_outcome(
                self.tr("Remote command execution failed: {error}. Try again; if it keeps failing, check the "
                        "communication log.").format(error=exc or type(exc).__name__), FAILURE_STYLE,
            )

    def _set_busy(self, busy: bool) -> None:
        self.ui.busyBar.setVisible(busy)
        self.send_button.setEnabled(not busy)
        self.ui.paramsBox.setEnabled(not busy)
        self.ui.reasonEdit.setReadOnly(busy)

    def _show_outcome(self, text: str, style: str) -> None:
        self.ui.outcomeLabel.setText(text)
        self.ui.outcomeLabel.setStyleSheet(style)
        self.ui.outcomeLabel.show()

    def outcome_text(self) -> str:
        return self.ui.outcomeLabel.text() if self.ui.outcomeLabel.isVisible() else ""
