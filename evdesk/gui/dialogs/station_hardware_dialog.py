"""One station's details: location, system status, integration date, the manufacturer and model
its boot reported, and its charging points (EVSEs) with their sockets and cables.

The form is filled from the stored station and Save sends the version it was read at (someone
else's save meanwhile: "reload"). A refused field is shown where it is: the location, status
or date under its field, a charging point's or socket's cell in red with the message under its
table (the charging point with the problem is selected so its sockets show). "Save as
template…" saves the station as it is stored (save your edits first).
"""

from __future__ import annotations

from html import escape
from uuid import UUID

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QInputDialog, QLineEdit

from evdesk.core.errors import EvdeskError, NotFound, StaleEdit, ValidationError
from evdesk.core.hardware_rules import (
    MAX_SOCKETS_PER_EVSE, SYSTEM_STATUS_LABELS, SYSTEM_STATUSES, TOO_MANY_SOCKETS, power_w,
)
from evdesk.core.permissions import Permission
from evdesk.gui.asyncutil import run_task
from evdesk.gui.forms.ui_station_hardware_dialog import Ui_StationHardwareDialog
from evdesk.gui.models.hardware_models import ChoiceDelegate, ConnectorsModel, EvsesModel, evse_rows, specs_of
from evdesk.gui.operator import operator_of

NO_LOCATION = "— no location —"
STALE = "This station was changed by someone else. Close this window and open it again to see the changes."
STATUS_HELP = {
    "active": "Monitored: faults are counted, mailed and auto-recovered.",
    "disabled": "Not monitored: its faults are not counted or mailed, and it gets no auto-recovery.",
    "out_of_order": "Known to be broken: not monitored until it is active again.",
}


def _field_place(field: str) -> tuple[int | None, int | None, str]:
    """'evses[2].connectors[1].socket_type' -> (2, 1, 'socket_type'); 'evses[0].emi3_id' -> (0, None, 'emi3_id')."""
    evse = connector = None
    rest = field
    if rest.startswith("evses["):
        head, _, rest = rest.partition("].")
        evse = int(head[len("evses["):])
        if rest.startswith("connectors["):
            head, _, rest = rest.partition("].")
            connector = int(head[len("connectors["):])
    return evse, connector, rest


class StationHardwareDialog(QDialog):
    saved = Signal(object)  # StationDetails

    def __init__(self, services, station_id: UUID, parent=None):
        super().__init__(parent)
        self.ui = Ui_StationHardwareDialog()
        self.ui.setupUi(self)
        self.services = services
        self.station_id = station_id
        self.details = None
        self.busy = False
        self._location_ids: list[UUID | None] = []
        self.name_box: QInputDialog | None = None
        ui = self.ui
        self.evses = EvsesModel(self)
        self.connectors = ConnectorsModel(self)
        self.connectors_of: int | None = None  # the EVSE row whose sockets the lower table shows
        delegate = ChoiceDelegate(self)
        for view, model in ((ui.evsesTable, self.evses), (ui.connectorsTable, self.connectors)):
            view.setModel(model)
            view.setItemDelegate(delegate)
            view.verticalHeader().hide()
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            view.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((48, 64, 110, 60, 120, 110, 170)):
            ui.evsesTable.setColumnWidth(column, width)
        for column, width in enumerate((110, 140, 130)):
            ui.connectorsTable.setColumnWidth(column, width)
        ui.evsesTable.selectionModel().currentRowChanged.connect(lambda current, _prev: self.show_sockets(current.row()))
        self.connectors.dataChanged.connect(self._sockets_edited)
        for status in SYSTEM_STATUSES:
            ui.statusCombo.addItem(SYSTEM_STATUS_LABELS[status], status)
        ui.statusCombo.currentIndexChanged.connect(self._status_changed)
        ui.statusHelp.setWordWrap(False)
        ui.locationCombo.setMinimumWidth(360)
        ui.statusCombo.setMinimumWidth(180)
        ui.integrationCheck.toggled.connect(ui.integrationDateEdit.setEnabled)
        ui.addEvseButton.clicked.connect(self.add_evse)
        ui.removeEvseButton.clicked.connect(self.remove_evse)
        ui.addConnectorButton.clicked.connect(self.add_connector)
        ui.removeConnectorButton.clicked.connect(self.remove_connector)
        ui.saveTemplateButton.clicked.connect(self.ask_template_name)
        self.save_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        info = services.stations.get_by_id(station_id)
        self.setWindowTitle(f"Details of {info.display_name}")
        ctx = operator_of(self)
        self.may_edit = ctx.can(Permission.EDIT_STATIONS)
        ui.saveTemplateButton.setVisible(self.may_edit)
        self._clear_errors()
        self._set_enabled(False)
        run_task(self._load(), on_done=self._loaded, on_error=lambda exc: self.show_error(None, str(exc)),
                 owner=self, what=f"loading the details of {info.identity}")

    async def _load(self):
        ctx = operator_of(self)
        return await self.services.station_details.details(ctx, self.station_id), await self.services.locations.list(ctx)

    @property
    def loaded(self) -> bool:
        return self.details is not None and not self.busy

    def _loaded(self, result) -> None:
        details, locations = result
        self.details = details
        ui = self.ui
        device = " ".join(p for p in (details.vendor, details.model) if p) or "not reported yet (the station has not booted)"
        ui.introLabel.setText(f"Identifier <b>{escape(details.identity)}</b>  ·  manufacturer and model from its boot: "
                              f"<b>{escape(device)}</b>" + (f", serial {escape(details.serial_number)}"
                                                             if details.serial_number else ""))
        ui.locationCombo.clear()
        self._location_ids = [None]
        ui.locationCombo.addItem(NO_LOCATION)
        for loc in locations:
            place = ", ".join(p for p in (loc.city, loc.country) if p)
            ui.locationCombo.addItem(loc.name + (f" ({place})" if place else ""))
            self._location_ids.append(loc.id)
        if details.location_id is not None and details.location_id not in self._location_ids:
            ui.locationCombo.addItem("(a location you do not see)")
            self._location_ids.append(details.location_id)
        ui.locationCombo.setCurrentIndex(self._location_ids.index(details.location_id))
        ui.statusCombo.setCurrentIndex(max(0, ui.statusCombo.findData(details.system_status)))
        self._status_changed()
        known = details.integration_date is not None
        ui.integrationCheck.setChecked(known)
        ui.integrationDateEdit.setEnabled(known)
        day = details.integration_date
        ui.integrationDateEdit.setDate(QDate(day.year, day.month, day.day) if day else QDate.currentDate())
        self.evses.set_rows(evse_rows(details.evses))
        if self.evses.rows:
            ui.evsesTable.selectRow(0)
            self.show_sockets(0)
        self._set_enabled(self.may_edit)

    # -- the tables ------------------------------------------------------------------------------
    def show_sockets(self, row: int) -> None:
        self.connectors_of = row if 0 <= row < len(self.evses.rows) else None
        rows = self.evses.rows[row]["connectors"] if self.connectors_of is not None else []
        errors = self.evses.rows[row].get("_socket_errors", {}) if self.connectors_of is not None else {}
        self.connectors.set_rows(rows)  # the same list: edits go to the EVSE's row
        for (j, key), message in errors.items():
            self.connectors.set_error(j, key, message)
        number = self.evses.rows[row]["evse_id"] if self.connectors_of is not None else None
        self.ui.connectorsTitle.setText(f"<b>Sockets and cables</b> of charging point {number}" if number is not None
                                        else "<b>Sockets and cables</b>: select a charging point above")
        self._update_buttons()

    def _sockets_edited(self, *_args) -> None:
        if self.connectors_of is not None:
            self.evses.sockets_changed(self.connectors_of)

    def _next_connector_number(self) -> int:
        used = {c["connector_id"] for r in self.evses.rows for c in r["connectors"]}
        return next(n for n in range(1, 1000) if n not in used)

    def add_evse(self) -> None:
        used = {r["evse_id"] for r in self.evses.rows}
        number = next(n for n in range(1, 1000) if n not in used)
        socket = {"connector_id": self._next_connector_number(), "socket_type": "Type2", "cable": False,
                  "max_power_kw": ""}
        row = self.evses.append({"evse_id": number, "current_type": "AC", "max_power_kw": "", "phases": 3, "phase": "",
                                 "phase_rotation": "", "emi3_id": "", "connectors": [socket]})
        self.ui.evsesTable.selectRow(row)
        self.show_sockets(row)

    def remove_evse(self) -> None:
        if self.connectors_of is None:
            return
        self.evses.remove(self.connectors_of)
        self.show_sockets(min(self.connectors_of, len(self.evses.rows) - 1))
        if self.connectors_of is not None:
            self.ui.evsesTable.selectRow(self.connectors_of)

    def add_connector(self) -> None:
        """A fifth socket is refused here already, with EV Manager's rule."""
        if self.connectors_of is None:
            return
        if len(self.connectors.rows) >= MAX_SOCKETS_PER_EVSE:
            self.ui.connectorsError.setText(TOO_MANY_SOCKETS)
            self.ui.connectorsError.show()
            return
        self.connectors.append({"connector_id": self._next_connector_number(), "socket_type": "Type2", "cable": False,
                                "max_power_kw": ""})
        self.evses.sockets_changed(self.connectors_of)
        self._update_buttons()

    def remove_connector(self) -> None:
        rows = self.ui.connectorsTable.selectionModel().selectedRows()
        index = rows[0].row() if rows else len(self.connectors.rows) - 1
        if self.connectors_of is None or index < 0:
            return
        self.connectors.remove(index)
        self.evses.sockets_changed(self.connectors_of)
        self.ui.connectorsError.hide()
        self._update_buttons()

    def _update_buttons(self) -> None:
        editing = self.may_edit and self.details is not None and not self.busy
        selected = self.connectors_of is not None
        self.ui.addEvseButton.setEnabled(editing)
        self.ui.removeEvseButton.setEnabled(editing and selected)
        self.ui.addConnectorButton.setEnabled(editing and selected)
        self.ui.removeConnectorButton.setEnabled(editing and selected and bool(self.connectors.rows))

    def _status_changed(self, *_args) -> None:
        self.ui.statusHelp.setText(STATUS_HELP.get(self.ui.statusCombo.currentData(), ""))

    def _set_enabled(self, enabled: bool) -> None:
        self.save_button.setEnabled(enabled)
        self.ui.saveTemplateButton.setEnabled(enabled)
        for w in (self.ui.locationCombo, self.ui.statusCombo, self.ui.integrationCheck):
            w.setEnabled(enabled)
        self._update_buttons()

    # -- errors -----------------------------------------------------------------------------------
    def _clear_errors(self) -> None:
        ui = self.ui
        for label in (ui.locationError, ui.statusError, ui.integrationError, ui.evsesError, ui.connectorsError,
                      ui.formError):
            label.clear()
            label.hide()
        ui.formError.setStyleSheet("color: #c62828;")
        self.evses.clear_errors()
        self.connectors.clear_errors()
        for r in self.evses.rows:
            r.pop("_socket_errors", None)

    def show_error(self, field: str | None, message: str) -> None:
        ui = self.ui
        simple = {"location": ui.locationError, "system_status": ui.statusError,
                  "integration_date": ui.integrationError}
        if field in simple:
            simple[field].setText(message)
            simple[field].show()
            return
        if field and field.startswith("evses["):
            evse, connector, key = _field_place(field)
            if evse is not None and evse < len(self.evses.rows):
                number = self.evses.rows[evse]["evse_id"]
                self.ui.evsesTable.selectRow(evse)
                self.show_sockets(evse)
                if connector is not None:
                    self.evses.rows[evse].setdefault("_socket_errors", {})[(connector, key)] = message
                    self.connectors.set_error(connector, key, message)
                    ui.connectorsError.setText(f"Charging point {number}, socket {connector + 1}: {message}")
                    ui.connectorsError.show()
                    return
                if key == "connectors":
                    ui.connectorsError.setText(message)
                    ui.connectorsError.show()
                    return
                self.evses.set_error(evse, key, message)
                ui.evsesError.setText(f"Charging point {number}: {message}")
                ui.evsesError.show()
                return
        if field == "evses":
            ui.evsesError.setText(message)
            ui.evsesError.show()
            return
        ui.formError.setText(message)
        ui.formError.show()

    # -- saving -------------------------------------------------------------------------------------
    def changes(self) -> dict:
        ui = self.ui
        day = ui.integrationDateEdit.date().toPython() if ui.integrationCheck.isChecked() else None
        return {"location": self._location_ids[ui.locationCombo.currentIndex()] if self._location_ids else None,
                "system_status": ui.statusCombo.currentData(), "integration_date": day}

    def save(self) -> None:
        if self.busy or self.details is None:
            return
        self._clear_errors()
        try:
            evses = specs_of(self.evses.rows, power_w)
        except ValidationError as exc:
            self.show_error(exc.field, str(exc))
            return
        self.busy = True
        self._set_enabled(False)
        run_task(self.services.station_details.save(operator_of(self), self.station_id, self.details.version, evses=evses,
                                             **self.changes()),
                 on_done=self._saved, on_error=self._save_failed, owner=self,
                 what=f"saving the details of {self.details.identity}", cancel_with_owner=False)

    def _saved(self, details) -> None:
        self.busy = False
        self.details = details
        self.saved.emit(details)
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self.busy = False
        if isinstance(exc, StaleEdit):
            self.show_error(None, STALE)
            return  # Save stays off: it would be refused the same way
        self._set_enabled(True)
        if isinstance(exc, NotFound):
            self._set_enabled(False)
            self.show_error(None, "This station no longer exists: someone deleted it.")
        elif isinstance(exc, ValidationError):
            self.show_error(exc.field, str(exc))
        elif isinstance(exc, EvdeskError):
            self.show_error(None, str(exc))
        else:
            self.show_error(None, f"Saving failed: {exc}. Try again.")

    # -- templates ----------------------------------------------------------------------------------
    def ask_template_name(self) -> None:
        if self.details is None:
            return
        default = " ".join(p for p in (self.details.vendor, self.details.model) if p) or self.details.name
        ask = QInputDialog(self)
        ask.setWindowTitle("Save as template")
        ask.setLabelText("Name of the template (the station as it is saved now, without its EVSE-IDs):")
        ask.setTextEchoMode(QLineEdit.EchoMode.Normal)
        ask.setTextValue(default)
        ask.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        ask.textValueSelected.connect(self.save_as_template)
        self.name_box = ask
        ask.open()  # not exec(): the loop keeps running

    def save_as_template(self, name: str) -> None:
        run_task(self.services.station_details.save_as_template(operator_of(self), self.station_id, name),
                 on_done=lambda t: self._template_saved(t), on_error=lambda exc: self.show_error(
                     None, str(exc) if isinstance(exc, EvdeskError) else f"Could not save the template: {exc}"),
                 owner=self, what="saving a station template", cancel_with_owner=False)

    def _template_saved(self, template) -> None:
        self.ui.formError.setStyleSheet("color: #2e7d32;")
        self.ui.formError.setText(f"Saved the template “{template.name}”: {template.summary}.")
        self.ui.formError.show()
