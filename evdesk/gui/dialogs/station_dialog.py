"""Add a station, or adopt one that connected on its own (name and group).

The core validates (identifier rules, duplicates) and its messages are shown next
to the field they are about; the dialog only closes once the station is saved.
"""

from __future__ import annotations

from uuid import UUID

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel

from evdesk.core.errors import EvdeskError, ValidationError
from evdesk.gui.asyncutil import run_task
from evdesk.gui.forms.ui_station_dialog import Ui_StationDialog
from evdesk.gui.operator import operator_of

NO_GROUP = "(no group)"


class StationDialog(QDialog):
    stationSaved = Signal(object)  # StationInfo

    def __init__(self, services, station_id: UUID | None = None, parent=None):
        """Without `station_id`: add a new station. With it: adopt that pending station."""
        super().__init__(parent)
        self.ui = Ui_StationDialog()
        self.ui.setupUi(self)
        self.services = services
        self.station_id = station_id
        self.saved = None
        self._saving = False
        self._group_ids: list[UUID | None] = [None]
        self.ui.groupCombo.addItem(NO_GROUP)
        self.ok_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.field_errors: dict[str, QLabel] = {
            "identity": self.ui.identityError, "name": self.ui.nameError,
            "connectors": self.ui.connectorsError, "password": self.ui.passwordError,
        }
        self._clear_errors()
        if station_id is None:
            self.setWindowTitle("Add station")
            self.ok_button.setText("Add station")
            self.ui.introLabel.setText(
                "The identifier must be the one configured in the charger: it links this entry to the device. "
                "It cannot be changed later. Use letters, digits, '-' and '_' only."
            )
        else:
            info = services.stations.get_by_id(station_id)
            self.setWindowTitle(f"Adopt {info.identity}")
            self.ok_button.setText("Adopt")
            self.ui.introLabel.setText(
                f"{info.identity} connected without being known to this site"
                + (f" ({info.vendor} {info.model})" if info.vendor else "")
                + ". Adopting it lets it charge; give it a name and a group."
            )
            self.ui.identityEdit.setText(info.identity)
            self.ui.identityEdit.setReadOnly(True)
            self.ui.nameEdit.setText(info.name if info.name != info.identity else "")
            for widget in (self.ui.connectorsLabel, self.ui.connectorsSpin, self.ui.passwordLabel, self.ui.passwordEdit):
                widget.hide()
        self._groups_loaded(services.groups.visible(operator_of(parent if parent is not None else self)))

    def _groups_loaded(self, groups) -> None:
        current = None
        if self.station_id is not None:
            current = self.services.stations.get_by_id(self.station_id).group_id
        for group in groups:
            self.ui.groupCombo.addItem(group.name)
            self._group_ids.append(group.id)
            if group.id == current:
                self.ui.groupCombo.setCurrentIndex(len(self._group_ids) - 1)

    def select_group(self, group_id: UUID | None) -> bool:
        if group_id in self._group_ids:
            self.ui.groupCombo.setCurrentIndex(self._group_ids.index(group_id))
            return True
        return False

    def _clear_errors(self) -> None:
        for label in (*self.field_errors.values(), self.ui.formError):
            label.clear()
            label.hide()

    def show_error(self, exc: BaseException) -> None:
        field = getattr(exc, "field", None)
        label = self.field_errors.get(field, self.ui.formError)
        label.setText(str(exc) if isinstance(exc, EvdeskError) else f"Saving failed: {exc}. Try again.")
        label.show()
        if field == "identity":
            self.ui.identityEdit.setFocus()

    # -- saving -----------------------------------------------------------------------
    def save(self) -> None:
        if self._saving:
            return
        self._clear_errors()
        group_id = self._group_ids[self.ui.groupCombo.currentIndex()]
        name = self.ui.nameEdit.text().strip()
        stations = self.services.stations
        if self.station_id is None:
            coro = stations.create_station(
                self.ui.identityEdit.text(), name, group_id, self.ui.connectorsSpin.value(),
                self.ui.passwordEdit.text() or None, ctx=operator_of(self),
            )
        else:
            coro = stations.adopt(self.station_id, name or None, group_id, ctx=operator_of(self))
        self._saving = True
        self.ok_button.setEnabled(False)
        run_task(coro, on_done=self._saved, on_error=self._save_failed, owner=self, what="saving a station",
                 cancel_with_owner=False)

    def _saved(self, info) -> None:
        self._saving = False
        self.saved = info
        self.stationSaved.emit(info)
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self.ok_button.setEnabled(True)
        if not isinstance(exc, (ValidationError, EvdeskError)):
            self.ui.formError.setText(f"Saving failed: {exc}. Try again.")
            self.ui.formError.show()
            return
        self.show_error(exc)
