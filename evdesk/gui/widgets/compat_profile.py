"""The station panel's Compatibility tab: the station's compatibility profile (the switches the
server applies to it, what the probe saw) and, for operators who may edit stations, Save —
and, for administrators of the whole site, sharing it with every station of the model.

The profile comes from the core (`services.compat.profile`, in memory, the operator's domain
checked); saves go through `services.compat.save`, whose refusals land next to their field or
in the message line (`gui/dialogs/save_failure.py`'s rules). It follows `CompatibilityChanged`,
so a probe finding shows as it is made.
"""

from __future__ import annotations

from uuid import UUID

from PySide6.QtWidgets import QTreeWidgetItem, QWidget

from evdesk.core import events as ev
from evdesk.core.compat_rules import SWITCH_TEXTS
from evdesk.core.errors import EvdeskError
from evdesk.core.permissions import Permission
from evdesk.gui import display
from evdesk.gui.asyncutil import run_task
from evdesk.gui.dialogs.save_failure import show_save_failure
from evdesk.gui.forms.ui_compat_profile import Ui_CompatProfile
from evdesk.gui.models.base import BusListener
from evdesk.gui.operator import operator_of

CHECKS = {
    "strip_id_tag_suffix": "stripSuffixCheck", "skip_schema_validation": "skipSchemaCheck",
    "naive_times_local": "naiveLocalCheck", "unitless_energy_kwh": "unitlessKwhCheck",
    "configure_meter_interval": "configureIntervalCheck", "smart_charging": "smartChargingCheck",
}
UNITS = (("A and W", "A,W"), ("A only", "A"), ("W only", "W"))
STATES = {"new": "not probed yet (it has not booted since evdesk knows it)",
          "watching": "probed; watching its messages for the first day",
          "settled": "probed; first day over"}
SOURCES = {"defaults": "evdesk's defaults", "model": "its model's shared profile", "probe": "the probe's findings",
           "operator": "an operator's choice"}
OBSERVATION_LABELS = {
    "subprotocol": "Subprotocol offered", "supported_profiles": "SupportedFeatureProfiles",
    "missing_keys": "Required keys missing", "keys_read": "Configuration keys read",
    "meter_values_sampled_data": "MeterValuesSampledData", "rate_units": "Allowed charging rate units",
    "naive_timestamp": "Timestamp without zone", "naive_offset_hours": "…hours from arrival",
    "energy_units": "Energy unit sent", "unitless_fractional_energy": "Energy without unit (fractional)",
    "id_tag_suffix": "Id tag with vendor suffix", "configuration_error": "Reading the configuration failed",
}


class CompatProfileTab(QWidget):
    def __init__(self, services, station_id: UUID, parent=None):
        super().__init__(parent)
        self.ui = Ui_CompatProfile()
        self.ui.setupUi(self)
        self.services = services
        self.station_id = station_id
        self.view = None
        self.task = None
        for label, value in UNITS:
            self.ui.unitsCombo.addItem(label, value)
        for name, widget in CHECKS.items():
            getattr(self.ui, widget).setToolTip(SWITCH_TEXTS[name][1])
        self.ui.observationsTree.setColumnWidth(0, 220)
        self.ui.switchesForm.setRowStretch(self.ui.switchesForm.rowCount(), 1)  # switches at the top
        self.ui.saveButton.clicked.connect(self.save)
        self.ui.revertButton.clicked.connect(self.reload)
        self._bus = BusListener(self, services.bus)
        self._bus.on(ev.CompatibilityChanged, self._changed)

    def detach(self) -> None:
        self._bus.detach()

    def _changed(self, event: ev.CompatibilityChanged) -> None:
        if event.station_id == self.station_id and not self.dirty():
            self.reload()

    # -- showing -----------------------------------------------------------------------------
    def reload(self) -> None:
        ctx = operator_of(self)
        try:
            self.view = self.services.compat.profile(ctx, self.station_id)
        except EvdeskError as exc:
            self._say(str(exc), error=True)
            self.setEnabled(False)
            return
        view, ui = self.view, self.ui
        for name, widget in CHECKS.items():
            getattr(ui, widget).setChecked(getattr(view.switches, name))
        ui.stackSpin.setValue(-1 if view.switches.max_stack_level is None else view.switches.max_stack_level)
        ui.unitsCombo.setCurrentIndex(max(0, ui.unitsCombo.findData(view.switches.rate_units)))
        model = f"{view.vendor} {view.model}".strip() or "its model (not known before its first boot)"
        zone = display.zone_of(self.services.settings)
        when = f", probe started {display.clock_time(view.first_boot_at, zone)}" if view.first_boot_at else ""
        if view.model_shared_by == "probe":
            shared = f" The profile new {model} stations start with comes from the probe."
        elif view.model_shared_by:
            shared = f" The profile of {model} was shared by {view.model_shared_by}."
        else:
            shared = f" No profile is shared for {model} yet."
        hand = (f" Set by hand: {', '.join(SWITCH_TEXTS[n][0] for n in view.operator_set if n in SWITCH_TEXTS)}."
                if view.operator_set else "")
        ui.stateLabel.setText(f"{STATES.get(view.state, view.state).capitalize()}{when}. Switches from "
                              f"{SOURCES.get(view.source, view.source)}.{hand}{shared}")
        ui.shareCheck.setText(f"Share with every {model} station (new ones start with it)")
        ui.observationsTree.clear()
        for key, value in view.observations.items():
            text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
            item = QTreeWidgetItem([OBSERVATION_LABELS.get(key, key), text or "—"])
            item.setToolTip(1, text)
            ui.observationsTree.addTopLevelItem(item)
        self._clear_errors()
        self._apply_rights()

    def _apply_rights(self) -> None:
        ctx = operator_of(self)
        may = ctx.can(Permission.EDIT_STATIONS)
        self.ui.switchesBox.setEnabled(may)
        self.ui.saveButton.setEnabled(may)
        self.ui.revertButton.setEnabled(may)
        share = ctx.can_site_wide(Permission.EDIT_STATIONS) and bool(self.view and (self.view.vendor or self.view.model))
        self.ui.shareCheck.setEnabled(share)
        self.ui.shareCheck.setToolTip("" if share else "Only administrators of the whole site share a profile with "
                                      "every station of a model (once the station has booted).")
        if not may:
            self._say("Only admin operators can edit charging stations: this profile is shown read-only.")

    # -- editing -----------------------------------------------------------------------------
    def switches(self) -> dict:
        ui = self.ui
        values = {name: getattr(ui, widget).isChecked() for name, widget in CHECKS.items()}
        values["max_stack_level"] = None if ui.stackSpin.value() < 0 else ui.stackSpin.value()
        values["rate_units"] = ui.unitsCombo.currentData()
        return values

    def dirty(self) -> bool:
        return self.view is not None and self.switches() != {
            **{n: getattr(self.view.switches, n) for n in CHECKS},
            "max_stack_level": self.view.switches.max_stack_level, "rate_units": self.view.switches.rate_units}

    @property
    def busy(self) -> bool:
        return self.task is not None and not self.task.done()

    def save(self) -> None:
        if self.busy or self.view is None:
            return
        self._clear_errors()
        self.ui.saveButton.setEnabled(False)
        self.task = run_task(
            self.services.compat.save(operator_of(self), self.station_id, self.switches(),
                                      expected_version=self.view.version, share=self.ui.shareCheck.isChecked()),
            on_done=self._saved, on_error=self._failed, owner=self, what="saving the compatibility profile")

    def _saved(self, view) -> None:
        self.reload()
        self.ui.shareCheck.setChecked(False)
        self._say("Saved. evdesk applies it to this station's next messages." +
                  (" New stations of this model start with it." if view.model_shared_by else ""))

    def _failed(self, exc: BaseException) -> None:
        self.ui.saveButton.setEnabled(True)
        show_save_failure(self._show_error, exc, "Someone changed this profile meanwhile (or the probe did). "
                          "Revert reloads it; then make your change again.", "The profile could not be saved")

    def _show_error(self, field: str | None, message: str) -> None:
        target = {"max_stack_level": self.ui.stackError, "rate_units": self.ui.unitsError}.get(field or "")
        if target is not None:
            target.setText(message)
            target.setVisible(bool(message))
        else:
            self._say(message, error=True)

    def _clear_errors(self) -> None:
        for label in (self.ui.stackError, self.ui.unitsError):
            label.setText("")
            label.hide()
        self._say("")

    def _say(self, text: str, error: bool = False) -> None:
        self.ui.messageLabel.setText(text)
        self.ui.messageLabel.setStyleSheet("color: #c62828;" if error else "color: #455a64;")
