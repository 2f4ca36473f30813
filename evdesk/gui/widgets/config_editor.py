"""The configuration editor on the station panel's Configuration tab.

It drives the tab's table (`StationConfigModel`) and adds what editing needs, by the
manual's rules (000 l.416-426, l.1217):

* The stored keys show at once with "read at <time>"; editing stays off until
  "Refresh configuration…" has read them from the station in this panel ("Before you edit
  settings, you must refresh configuration."), and only for operators who may send
  commands (the existing rule of "Change configuration…"; AuthorizationKey also needs the
  right to edit stations, which the command API checks).
* Read-only keys are greyed and cannot be edited; a typed value is checked against the key's
  OCPP 1.6 type at once (the message shows in the Outcome column).
* "Apply changes" sends each pending change through the command API with the reason given,
  one key after another, and shows each key's outcome: Accepted; RebootRequired (then a bar
  offers the reset); Rejected / NotSupported ("Charging point configuration error.").
* "Compare with" shows another station's stored value beside each key (keys that differ
  are tinted; "Only differences" hides the rest). Stations outside the operator's domain
  are not offered, and the core checks the domain again on every read. Station templates
  the operator sees are offered too ("Template: name"): the keys their source station had
  when the template was saved (`core/station_hardware.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from evdesk.core.errors import EvdeskError, ValidationError
from evdesk.core.permissions import Permission
from evdesk.gui import display
from evdesk.gui.asyncutil import run_task
from evdesk.gui.models.station_config_model import COL_OTHER, COL_VALUE, OUTCOME_WORDS, StationConfigFilterProxy, StationConfigModel

TEMPLATE_PREFIX = "template:"
MUST_REFRESH = "Before you edit settings, you must refresh configuration."


class ConfigEditor(QObject):
    """Behaviour of the Configuration tab; `ui` is the station panel's form (its config widgets)."""

    applied = Signal()  # every pending change has an outcome
    resetOffered = Signal()  # the operator asked for the reset a RebootRequired change waits for

    def __init__(self, services, central_system, station_id: UUID, ui, model: StationConfigModel,
                 proxy: StationConfigFilterProxy, operator: Callable, parent=None):
        super().__init__(parent)
        self.services = services
        self.central_system = central_system
        self.station_id = station_id
        self.ui = ui
        self.model = model
        self.proxy = proxy
        self.operator = operator
        self.refreshed = False  # read from the station in this panel: editing may start
        self.task = None
        self._build()
        model.loaded.connect(self.show_state)
        for signal in (model.rowsInserted, model.rowsRemoved, model.dataChanged):
            signal.connect(self.show_state)

    # -- widgets -----------------------------------------------------------------------------
    def _build(self) -> None:
        tab = self.ui.configTab
        layout = self.ui.configLayout
        edit_row = QHBoxLayout()
        self.reason_edit = QLineEdit(tab)
        self.reason_edit.setObjectName("configReasonEdit")
        self.reason_edit.setPlaceholderText("Reason for the change (kept in the action log with your name)")
        self.apply_button = QPushButton("Apply changes", tab)
        self.apply_button.setObjectName("applyConfigButton")
        self.discard_button = QPushButton("Discard", tab)
        self.compare_combo = QComboBox(tab)
        self.compare_combo.setObjectName("compareCombo")
        self.compare_combo.setMinimumWidth(200)
        self.only_differences = QCheckBox("Only differences", tab)
        edit_row.addWidget(QLabel("Compare with:", tab))
        edit_row.addWidget(self.compare_combo)
        edit_row.addWidget(self.only_differences)
        edit_row.addSpacing(16)
        edit_row.addWidget(self.reason_edit, 1)
        edit_row.addWidget(self.apply_button)
        edit_row.addWidget(self.discard_button)
        layout.insertLayout(1, edit_row)
        self.message = QLabel(tab)
        self.message.setObjectName("configMessage")
        self.message.setWordWrap(True)
        self.reset_bar = QWidget(tab)
        bar = QHBoxLayout(self.reset_bar)
        bar.setContentsMargins(8, 4, 8, 4)
        self.reset_bar.setStyleSheet("background: #fff3e0; color: #3e2723;")  # dark text: readable in dark mode too
        self.reset_label = QLabel(self.reset_bar)
        self.reset_button = QPushButton("Reset the station…", self.reset_bar)
        bar.addWidget(self.reset_label, 1)
        bar.addWidget(self.reset_button)
        self.reset_bar.hide()
        layout.insertWidget(2, self.message)
        layout.insertWidget(3, self.reset_bar)
        self.apply_button.clicked.connect(self.apply)
        self.discard_button.clicked.connect(self.model.discard_changes)
        self.reset_button.clicked.connect(self.resetOffered)
        self.only_differences.toggled.connect(self.proxy.set_only_differences)
        self.compare_combo.currentIndexChanged.connect(self._compare_changed)
        self.ui.configTable.setEditTriggers(self.ui.configTable.EditTrigger.DoubleClicked
                                            | self.ui.configTable.EditTrigger.EditKeyPressed
                                            | self.ui.configTable.EditTrigger.AnyKeyPressed)
        self.fill_compare_choices()
        header = self.ui.configTable.horizontalHeader()
        header.moveSection(header.visualIndex(COL_OTHER), header.visualIndex(COL_VALUE) + 1)  # beside the value
        self.ui.configTable.setColumnWidth(COL_OTHER, 200)
        header.setStretchLastSection(True)  # the outcome (or the compared value) takes the rest
        self.ui.configTable.setColumnHidden(COL_OTHER, True)  # until a station is chosen to compare with
        self.show_state()

    def fill_compare_choices(self) -> None:
        """The other stations the operator sees, by name."""
        ctx = self.services.stations.fresh_context(self.operator())
        others = sorted((s for s in self.services.stations.all()
                         if s.id != self.station_id and ctx.sees_station(s.group_id)),
                        key=lambda s: s.display_name.casefold())
        self.compare_combo.blockSignals(True)
        self.compare_combo.clear()
        self.compare_combo.addItem("(no comparison)", None)
        for station in others:
            self.compare_combo.addItem(station.display_name, station.id)
        self.compare_combo.blockSignals(False)
        run_task(self.services.station_details.templates(ctx), on_done=self._add_templates, owner=self,
                 what="listing station templates")

    def _add_templates(self, templates) -> None:
        """Templates after the stations, as "Template: <name>" (their keys as their source station last had them)."""
        self.compare_combo.blockSignals(True)
        for template in sorted(templates, key=lambda t: t.name.casefold()):
            self.compare_combo.addItem(f"Template: {template.name}", f"{TEMPLATE_PREFIX}{template.id}")
        self.compare_combo.blockSignals(False)

    # -- state -------------------------------------------------------------------------------
    @property
    def may_edit(self) -> bool:
        return self.operator().can(Permission.REMOTE_COMMANDS) and self.central_system is not None

    @property
    def busy(self) -> bool:
        return self.task is not None and not self.task.done()

    def station_refreshed(self, result, complete: bool = True) -> None:
        """The Refresh configuration command finished: a read of every key unlocks editing (a read
        of a few named keys does not: the others may be stale)."""
        if getattr(result, "ok", False) and complete:
            self.refreshed = True
        self.model.set_editable(self.refreshed and self.may_edit)
        self.model.reload()
        self.show_state()

    def show_state(self, *_args) -> None:
        model, label = self.model, self.ui.configStateLabel
        label.setStyleSheet("color: #c62828;" if model.problem else "")
        zone = display.zone_of(self.services.settings)
        if model.problem:
            label.setText(model.problem)
        elif model.rowCount() == 0:
            label.setText("No keys read from this station yet. “Refresh configuration…” asks it for every key.")
        else:
            rows = model.rows()
            n, fixed, when = len(rows), sum(1 for r in rows if r.readonly), model.last_fetched()
            read = f", read at {display.clock_time(when, zone)}" if when else ""
            label.setText(f"{n} key{'s' if n != 1 else ''} ({fixed} read-only, greyed){read}.")
        editing = self.refreshed and self.may_edit
        self.model.editable = editing
        pending = len(model.pending)
        self.apply_button.setEnabled(editing and pending > 0 and not self.busy)
        self.apply_button.setText(f"Apply {pending} change{'s' if pending != 1 else ''}" if pending else "Apply changes")
        self.discard_button.setEnabled(bool(pending or model.errors) and not self.busy)
        self.reason_edit.setEnabled(editing)
        if not self.may_edit:
            self._say("Your role can read the configuration but not change it.", "")
        elif not self.refreshed:
            self._say(MUST_REFRESH + " “Refresh configuration…” gets the current settings from the charging station.",
                      "color: #455a64;")
        elif not self.busy and not self.message.property("sticky"):
            self._say("Double-click a value to edit it. Invalid settings may cause the charging station to "
                      "malfunction.", "color: #455a64;")

    def _say(self, text: str, style: str, sticky: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style)
        self.message.setProperty("sticky", sticky)

    # -- comparing ---------------------------------------------------------------------------
    def _compare_changed(self, _index: int) -> None:
        other = self.compare_combo.currentData()
        self.ui.configTable.setColumnHidden(COL_OTHER, other is None)
        if other is None:
            self.model.set_other("", None)
            return
        name = self.compare_combo.currentText()
        if isinstance(other, str) and other.startswith(TEMPLATE_PREFIX):
            reading = self.services.station_details.template_configuration(self.operator(),
                                                                           UUID(other[len(TEMPLATE_PREFIX):]))
        else:
            reading = self.services.station_config.configuration_keys(self.operator(), other)
        run_task(reading,
                 on_done=lambda rows: self.model.set_other(name, list(rows)),
                 on_error=lambda exc: self._say(str(exc), "color: #c62828;", sticky=True),
                 owner=self, what="reading the compared station's configuration")

    def compare_with(self, station_id: UUID | None) -> None:
        index = self.compare_combo.findData(station_id)
        self.compare_combo.setCurrentIndex(max(0, index))

    # -- applying ----------------------------------------------------------------------------
    def apply(self) -> None:
        if self.busy or not self.model.pending or not (self.refreshed and self.may_edit):
            return
        reason = self.reason_edit.text().strip()
        if not reason:
            self._say("Give a reason for the change: it is kept in the action log with your name.",
                      "color: #c62828;", sticky=True)
            self.reason_edit.setFocus()
            return
        changes = sorted(self.model.pending.items(), key=lambda kv: kv[0].casefold())
        self._say(f"Sending {len(changes)} change(s) to the station…", "color: #455a64;", sticky=True)
        self.task = run_task(self._send_all(changes, reason), on_done=self._all_sent, on_error=self._failed,
                             owner=self, what="changing configuration keys", cancel_with_owner=False)
        self.show_state()

    async def _send_all(self, changes: list[tuple[str, str]], reason: str) -> dict[str, str]:
        commands = self.central_system.commands
        statuses: dict[str, str] = {}
        for key, value in changes:
            try:
                result = await commands.change_configuration(self.station_id, key, value, ctx=self.operator(),
                                                             reason=reason)
            except ValidationError as exc:
                statuses[key] = "invalid"
                self.model.errors[key] = str(exc)
                self.model.set_outcome(key, "invalid", str(exc))
                continue
            except EvdeskError as exc:
                statuses[key] = "refused"
                self.model.set_outcome(key, "refused", str(exc))
                continue
            status = (result.response or {}).get("status") or result.outcome
            statuses[key] = status
            self.model.set_outcome(key, status, OUTCOME_WORDS.get(status) or result.message)
        return statuses

    def _all_sent(self, statuses: dict[str, str]) -> None:
        reboot = [k for k, s in statuses.items() if s == "RebootRequired"]
        failed = [k for k, s in statuses.items() if s not in ("Accepted", "RebootRequired")]
        if failed:
            self._say(f"{len(failed)} of {len(statuses)} change(s) did not take effect: see the Outcome column. "
                      "Check that the value you are providing is correct.", "color: #c62828;", sticky=True)
        else:
            self._say(f"The station accepted {len(statuses)} change(s).", "color: #2e7d32;", sticky=True)
        if reboot:
            self.reset_label.setText(f"{', '.join(reboot)}: the station applies {'it' if len(reboot) == 1 else 'them'} "
                                     "after a reset. Reset it now?")
            self.reset_bar.show()
        self.model.reload()
        self.show_state()
        self.applied.emit()

    def _failed(self, exc: BaseException) -> None:
        self._say(f"Remote command execution failed: {exc or type(exc).__name__}.", "color: #c62828;", sticky=True)
        self.show_state()
