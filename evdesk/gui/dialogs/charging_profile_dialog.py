"""Set charging profile without JSON: the profile's fields, its periods as a table, a chart of
the resulting schedule that follows every change, and what is wrong next to each field.

The checks are the core's (`core/charging_profiles.py`), with the station's limits from its
compatibility profile (highest stack level, units; smart charging itself). The profile goes
through the command API (`set_charging_profile`) with the reason; the outcome is shown in
words, as in every command dialog.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from uuid import UUID

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QPushButton

from evdesk.core.charging_profiles import KINDS, PURPOSES, RECURRENCIES, ProfileDraft, draft_steps, problems, to_ocpp
from evdesk.core.errors import EvdeskError, ValidationError
from evdesk.gui import display
from evdesk.gui.asyncutil import run_task
from evdesk.gui.dialogs.command_dialog import FAILURE_STYLE, NO_SERVER, OUTCOME_STYLES, outcome_message
from evdesk.gui.forms.ui_charging_profile_dialog import Ui_ChargingProfileDialog
from evdesk.gui.models.charging_periods_model import ChargingPeriodsModel
from evdesk.gui.operator import operator_of
from evdesk.gui.widgets.schedule_chart import ScheduleChart

PURPOSE_LABELS = {
    "TxDefaultProfile": "TxDefaultProfile — every session on the connector",
    "TxProfile": "TxProfile — the running session only",
    "ChargePointMaxProfile": "ChargePointMaxProfile — the whole station's ceiling",
}
ERROR_LABELS = {
    "connector_id": "connectorError", "profile_id": "profileIdError", "stack_level": "stackError",
    "purpose": "purposeError", "kind": "kindError", "recurrency": "recurrencyError", "start_schedule": "startError",
    "valid_from": "validFromError", "valid_to": "validToError", "duration": "durationError", "unit": "unitError",
    "periods": "periodsError", "profile": "periodsError",
}


class ChargingProfileDialog(QDialog):
    def __init__(self, services, central_system, station_id: UUID, presets: dict | None = None, parent=None):
        super().__init__(parent)
        self.ui = ui = Ui_ChargingProfileDialog()
        ui.setupUi(self)
        self.services = services
        self.central_system = central_system
        self.station_id = station_id
        self.result = None
        self.task = None
        station = services.stations.get_by_id(station_id)
        self.switches = services.compat.switches(station_id)
        self.zone = display.zone_of(services.settings)
        self.setWindowTitle(f"Set charging profile — {station.display_name}")

        ui.connectorCombo.addItem("0 – whole station", 0)
        for cid in sorted(c for c in station.connectors if c != 0) or [1]:
            ui.connectorCombo.addItem(f"Connector {cid}", cid)
        for purpose in PURPOSES:
            ui.purposeCombo.addItem(PURPOSE_LABELS[purpose], purpose)
        for kind in KINDS:
            ui.kindCombo.addItem(kind, kind)
        ui.recurrencyCombo.addItem("—", None)
        for recurrency in RECURRENCIES:
            ui.recurrencyCombo.addItem(recurrency, recurrency)
        for unit, label in (("A", "Ampere (A)"), ("W", "Watt (W)")):
            ui.unitCombo.addItem(label if self.switches.allows_unit(unit) else f"{label} — not taken by this station",
                                 unit)
        if self.switches.max_stack_level is not None:
            ui.stackSpin.setMaximum(max(self.switches.max_stack_level, 0) + 10)
            ui.stackSpin.setToolTip(f"This station takes stack levels up to {self.switches.max_stack_level}.")
        self.periods = ChargingPeriodsModel(parent=self)
        ui.periodsTable.setModel(self.periods)
        ui.periodsTable.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        ui.periodsTable.verticalHeader().setDefaultSectionSize(26)
        self.chart = ScheduleChart(ui.chartContainer)
        ui.chartLayout.addWidget(self.chart)
        now = datetime.now(timezone.utc).replace(second=0, microsecond=0)
        for prefix in ("start", "validFrom", "validTo"):
            check, edit = getattr(ui, f"{prefix}Check"), getattr(ui, f"{prefix}Edit")
            getattr(ui, f"{prefix}Zone").setText(display.zone_label(self.zone))
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self.refresh)
            edit.dateTimeChanged.connect(self.refresh)
            self._set_time(edit, now + (timedelta(days=30) if prefix == "validTo" else timedelta()))
        ui.startCheck.setChecked(True)


        for combo in (ui.connectorCombo, ui.purposeCombo, ui.kindCombo, ui.recurrencyCombo, ui.unitCombo):
            combo.currentIndexChanged.connect(self.refresh)
        for spin in (ui.profileIdSpin, ui.stackSpin, ui.durationSpin):
            spin.valueChanged.connect(self.refresh)
        self.periods.edited.connect(self.refresh)
        ui.addPeriodButton.clicked.connect(self._add_period)
        ui.removePeriodButton.clicked.connect(self._remove_period)
        ui.kindCombo.currentIndexChanged.connect(self._kind_changed)

        self.send_button: QPushButton = ui.buttonBox.addButton("Set profile", QDialogButtonBox.ButtonRole.ActionRole)
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.send)
        ui.buttonBox.rejected.connect(self.reject)
        for name, value in (presets or {}).items():
            self.preset(name, value)
        if central_system is None:
            self.send_button.setEnabled(False)
            self._outcome(QCoreApplication.translate("CommandDialog", NO_SERVER), FAILURE_STYLE)
        elif not self.switches.smart_charging:
            self._outcome("This station does not support smart charging (its compatibility profile says so): "
                          "the profile would be refused.", FAILURE_STYLE)
        self.refresh()

    # -- fields ------------------------------------------------------------------------------
    def _set_time(self, edit, at: datetime) -> None:
        local = at.astimezone(self.zone)
        edit.setDateTime(QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)))

    def _time(self, prefix: str) -> datetime | None:
        if not getattr(self.ui, f"{prefix}Check").isChecked():
            return None
        qdt = getattr(self.ui, f"{prefix}Edit").dateTime()
        d, t = qdt.date(), qdt.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=self.zone).astimezone(timezone.utc)

    def preset(self, name: str, value) -> None:
        ui = self.ui
        combos = {"connector_id": ui.connectorCombo, "purpose": ui.purposeCombo, "kind": ui.kindCombo,
                  "recurrency": ui.recurrencyCombo, "unit": ui.unitCombo}
        if name in combos:
            combos[name].setCurrentIndex(max(0, combos[name].findData(value)))
        elif name == "stack_level":
            ui.stackSpin.setValue(int(value))
        elif name == "profile_id":
            ui.profileIdSpin.setValue(int(value))

    def draft(self) -> ProfileDraft:
        ui = self.ui
        return ProfileDraft(
            connector_id=ui.connectorCombo.currentData(), profile_id=ui.profileIdSpin.value(),
            stack_level=ui.stackSpin.value(), purpose=ui.purposeCombo.currentData(), kind=ui.kindCombo.currentData(),
            recurrency=ui.recurrencyCombo.currentData(), valid_from=self._time("validFrom"),
            valid_to=self._time("validTo"), start_schedule=self._time("start"),
            duration_s=ui.durationSpin.value() * 60 or None, unit=ui.unitCombo.currentData(),
            periods=self.periods.periods())

    def _kind_changed(self) -> None:
        kind = self.ui.kindCombo.currentData()
        self.ui.startCheck.setChecked(kind != "Relative")
        if kind == "Recurring" and self.ui.recurrencyCombo.currentData() is None:
            self.ui.recurrencyCombo.setCurrentIndex(1)
        elif kind != "Recurring":
            self.ui.recurrencyCombo.setCurrentIndex(0)

    def _add_period(self) -> None:
        row = self.periods.add_period()
        self.ui.periodsTable.selectRow(row)

    def _remove_period(self) -> None:
        rows = self.ui.periodsTable.selectionModel().selectedRows()
        self.periods.remove_period(rows[0].row() if rows else self.periods.rowCount() - 1)

    # -- checks and chart ----------------------------------------------------------------------
    def refresh(self, *_args) -> dict[str, str]:
        """Check the draft (messages next to the fields) and redraw the chart; returns the problems."""
        draft = self.draft()
        self.periods.set_unit(draft.unit)
        found = problems(draft, max_stack_level=self.switches.max_stack_level, rate_units=self.switches.rate_units)
        for field, label in ERROR_LABELS.items():
            if field == "profile":
                continue
            self._show_error(field, found.get(field, ""))
        kind = {"Absolute": "from its start", "Recurring": f"repeating {draft.recurrency or '…'} from its start",
                "Relative": "from the start of each session"}.get(draft.kind, "")
        self.chart.show_steps(draft_steps(draft), draft.unit, f"The schedule {kind}, in {draft.unit}.")
        return found

    def _show_error(self, field: str, message: str) -> None:
        label = getattr(self.ui, ERROR_LABELS.get(field, "periodsError"))
        label.setText(message)
        label.setVisible(bool(message))

    # -- sending ---------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self.task is not None and not self.task.done()

    def send(self) -> None:
        if self.busy or self.central_system is None:
            return
        found = self.refresh()
        reason = self.ui.reasonEdit.toPlainText().strip()
        self.ui.reasonError.setVisible(not reason)
        self.ui.reasonError.setText("" if reason else "Give a reason: it is kept in the action log with your name.")
        if found or not reason:
            self._outcome("Not sent: correct the marked fields.", FAILURE_STYLE)
            return
        draft = self.draft()
        self._set_busy(True)
        self._outcome("Waiting for the station…", "color: #455a64;")
        self.task = run_task(self.central_system.commands.set_charging_profile(
            self.station_id, draft.connector_id, to_ocpp(draft), ctx=operator_of(self), reason=reason),
            on_done=self._finished, on_error=self._failed, owner=self, what="sending Set charging profile",
            cancel_with_owner=False)

    def _finished(self, result) -> None:
        self._set_busy(False)
        self.result = result
        style = OUTCOME_STYLES["accepted"] if result.ok else OUTCOME_STYLES.get(result.outcome, FAILURE_STYLE)
        self._outcome(outcome_message(result), style)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationError):
            self._show_error(exc.field or "periods", str(exc))
            self._outcome("Not sent: correct the marked field.", FAILURE_STYLE)
        elif isinstance(exc, EvdeskError):
            self._outcome(str(exc), FAILURE_STYLE)
        else:
            self._outcome(f"Remote command execution failed: {exc or type(exc).__name__}. Try again.", FAILURE_STYLE)

    def _set_busy(self, busy: bool) -> None:
        self.ui.busyBar.setVisible(busy)
        self.send_button.setEnabled(not busy)
        self.ui.profileBox.setEnabled(not busy)
        self.ui.scheduleBox.setEnabled(not busy)

    def _outcome(self, text: str, style: str) -> None:
        self.ui.outcomeLabel.setText(text)
        self.ui.outcomeLabel.setStyleSheet(style)

    def outcome_text(self) -> str:
        return self.ui.outcomeLabel.text()
