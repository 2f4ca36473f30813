"""One station's settings: name, group, access, intervals, quirks, notes, password; delete.

The form is filled from the stored row (read through the store worker) and Save
sends the version it was read at: if someone else saved the station meanwhile the
core refuses (StaleEdit) and the dialog offers to reload. The core's validation
messages are shown next to the field they are about. A new password is checked
here first (both fields match, long enough) so nothing is half-saved.
"""

from __future__ import annotations

from html import escape
from uuid import UUID

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox

from evdesk.core.errors import EvdeskError, NotFound, StaleEdit, ValidationError
from evdesk.core.reads.history import StationSettingsRow
from evdesk.gui.asyncutil import run_task
from evdesk.gui.forms.ui_station_settings_dialog import Ui_StationSettingsDialog
from evdesk.gui.operator import operator_of

NO_GROUP = QT_TRANSLATE_NOOP("StationSettingsDialog", "— no group —")
MIN_PASSWORD_LENGTH = 8
STALE_MESSAGE = "This station was changed by someone else. Reload it and try again."
REMOVE_PASSWORD = ""  # password change meaning "remove it" (None means "leave it as it is")


SECURITY_PROFILES = ((1, QT_TRANSLATE_NOOP("StationSettingsDialog", "1 — basic auth (ws:// or wss://)")),
                     (2, QT_TRANSLATE_NOOP("StationSettingsDialog", "2 — TLS and basic auth (wss:// only)")),
                     (3, QT_TRANSLATE_NOOP("StationSettingsDialog", "3 — TLS with a client certificate (wss:// only)")))
SECURITY_PROFILE_HELP = {
    1: QT_TRANSLATE_NOOP("StationSettingsDialog", "The station may connect over plain ws://; with a password it must send it (basic auth)."),
    2: QT_TRANSLATE_NOOP("StationSettingsDialog", "Refused on plain ws://: the station connects over wss:// and trusts the site CA (Settings → Certificates). "
                                                "It logs in with its password."),
    3: QT_TRANSLATE_NOOP("StationSettingsDialog", "Refused on plain ws:// and without a certificate: the station shows a client certificate "
                                                "issued by the site CA whose name (CN) is its identifier. No password is asked."),
}


class StationSettingsDialog(QDialog):
    stationSaved = Signal(object)  # StationInfo after the save
    stationDeleted = Signal(object)  # the deleted station's id (UUID)

    def __init__(self, services, station_id: UUID, parent=None):
        super().__init__(parent)
        self.ui = Ui_StationSettingsDialog()
        self.ui.setupUi(self)
        self.services = services
        self.station_id = station_id
        self.row: StationSettingsRow | None = None  # what the form was filled from
        self.version: int | None = None  # the version Save sends
        self.busy = False
        self.confirm_box: QMessageBox | None = None
        self.confirm_delete_button = None
        self._group_ids: list[UUID | None] = []
        self.access_radios = {"public": self.ui.publicRadio, "private": self.ui.privateRadio, "free": self.ui.freeRadio}
        self.field_errors: dict[str, QLabel] = {
            "name": self.ui.nameError, "group": self.ui.groupError, "access_mode": self.ui.accessError,
            "heartbeat_interval": self.ui.heartbeatError, "meter_value_interval": self.ui.meterError,
            "notes": self.ui.notesError, "password": self.ui.passwordError,
            "security_profile": self.ui.securityProfileError,
            "password_repeat": self.ui.passwordRepeatError,
        }
        self.save_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.reloadButton.clicked.connect(self.reload)
        self.ui.deleteButton.clicked.connect(self.confirm_delete)
        self.ui.removePasswordCheck.toggled.connect(self._remove_toggled)
        self.ui.deleteButton.setStyleSheet("color: #c62828;")
        self.ui.staleLabel.setText(STALE_MESSAGE)
        self.ui.staleBanner.hide()
        self._clear_errors()

        info = services.stations.get_by_id(station_id)
        self.identity = info.identity
        self.setWindowTitle(self.tr("Settings of {name}").format(name=info.display_name))
        self.ui.introLabel.setText(self.tr("Identifier <b>{identity}</b> (cannot be changed)").format(identity=escape(info.identity)))
        self.ui.nameEdit.setPlaceholderText(info.identity)
        self.ui.passwordHelp.setText(
            self.tr("The station must send it as HTTP basic authentication, with its identifier "
                    "{identity} as the user name. Set the same password in the charger before saving here.").format(
                identity=info.identity)
        )
        for profile, text in SECURITY_PROFILES:
            self.ui.securityProfileCombo.addItem(self.tr(text), profile)
        self.ui.securityProfileCombo.currentIndexChanged.connect(self._profile_changed)
        self._profile_changed()
        self._set_enabled(False)
        self.reload()

    def _profile_changed(self, *_args) -> None:
        profile = self.ui.securityProfileCombo.currentData() or 1
        self.ui.securityProfileHelp.setText(self.tr(SECURITY_PROFILE_HELP[profile]))

    # -- loading ------------------------------------------------------------------------
    def reload(self) -> None:
        """(Re)fill the form from the stored station, discarding edits."""
        self._set_enabled(False)
        run_task(self._load(), on_done=self._loaded, on_error=self._load_failed, owner=self,
                 what=f"loading the settings of {self.identity}")

    async def _load(self):
        ctx = operator_of(self)
        return await self.services.history.station_settings(ctx, self.station_id), self.services.groups.visible(ctx)

    @property
    def loaded(self) -> bool:
        return self.row is not None and not self.busy and self.save_button.isEnabled()

    def _loaded(self, result) -> None:
        row, groups = result
        self._clear_errors()
        self.ui.staleBanner.hide()
        if row is None:
            self._show_form_error(self.tr("This station no longer exists: someone deleted it."))
            return
        self.row, self.version = row, row.version
        ui = self.ui
        device = escape(f"{row.vendor} {row.model}".strip())  # reported by the station: plain text
        ui.introLabel.setText(self.tr("Identifier <b>{identity}</b> (cannot be changed)").format(identity=escape(row.identity))
                              + (self.tr("  ·  {device}, firmware {version}").format(
                                  device=device, version=escape(row.firmware_version or self.tr("unknown"))) if device else ""))
        ui.nameEdit.setText(row.name)
        ui.groupCombo.clear()
        self._group_ids = [None]
        ui.groupCombo.addItem(self.tr(NO_GROUP))
        for group in groups:
            ui.groupCombo.addItem(group.name)
            self._group_ids.append(group.id)
        if row.group_id is not None and row.group_id not in self._group_ids:
            ui.groupCombo.addItem(self.tr("(a deleted group)"))  # keep it, do not move the station silently
            self._group_ids.append(row.group_id)
        ui.groupCombo.setCurrentIndex(self._group_ids.index(row.group_id))
        self.access_radios.get(row.access_mode, ui.publicRadio).setChecked(True)
        ui.heartbeatSpin.setValue(row.heartbeat_interval)
        ui.meterSpin.setValue(row.meter_value_interval)
        ui.stripSuffixCheck.setChecked(row.strip_id_tag_suffix)
        ui.skipSchemaCheck.setChecked(row.skip_schema_validation)
        ui.notesEdit.setPlainText(row.notes)
        ui.securityProfileCombo.setCurrentIndex(max(0, ui.securityProfileCombo.findData(row.security_profile)))
        ui.passwordEdit.clear()
        ui.passwordRepeatEdit.clear()
        ui.removePasswordCheck.setChecked(False)
        ui.removePasswordCheck.setVisible(row.has_password)
        if row.has_password:
            ui.passwordStateLabel.setText(self.tr("A password is set. Enter a new one to change it."))
            ui.passwordEdit.setPlaceholderText(self.tr("leave empty to keep the current one"))
        else:
            ui.passwordStateLabel.setText(self.tr("No password is set: the station connects without one."))
            ui.passwordEdit.setPlaceholderText(self.tr("at least 8 characters"))
        self._set_enabled(True)
        self.ui.nameEdit.setFocus()

    def _load_failed(self, exc: BaseException) -> None:
        self._show_form_error(self.tr("The station could not be read: {error}. Close the dialog and try again.").format(error=exc))

    # -- helpers ------------------------------------------------------------------------
    def _set_enabled(self, enabled: bool) -> None:
        self.save_button.setEnabled(enabled)
        self.ui.deleteButton.setEnabled(enabled)
        self.ui.reloadButton.setEnabled(not self.busy)

    def _remove_toggled(self, checked: bool) -> None:
        for widget in (self.ui.passwordEdit, self.ui.passwordRepeatEdit):
            widget.setEnabled(not checked)
            if checked:
                widget.clear()

    def _clear_errors(self) -> None:
        for label in (*self.field_errors.values(), self.ui.formError):
            label.clear()
            label.hide()

    def _show_form_error(self, text: str) -> None:
        self.ui.formError.setText(text)
        self.ui.formError.show()

    def show_field_error(self, field: str | None, text: str) -> None:
        label = self.field_errors.get(field or "")
        if label is None:
            self._show_form_error(text)
            return
        label.setText(text)
        label.show()

    def access_mode(self) -> str:
        return next((mode for mode, radio in self.access_radios.items() if radio.isChecked()), "public")

    def changes(self) -> dict:
        ui = self.ui
        return {
            "name": ui.nameEdit.text().strip(),
            "group": self._group_ids[ui.groupCombo.currentIndex()] if self._group_ids else None,
            "access_mode": self.access_mode(),
            "heartbeat_interval": ui.heartbeatSpin.value(),
            "meter_value_interval": ui.meterSpin.value(),
            "strip_id_tag_suffix": ui.stripSuffixCheck.isChecked(),
            "skip_schema_validation": ui.skipSchemaCheck.isChecked(),
            "notes": ui.notesEdit.toPlainText().strip(),
            "security_profile": ui.securityProfileCombo.currentData() or 1,
        }

    def password_change(self) -> str | None:
        """None: leave the password alone; REMOVE_PASSWORD: remove it; else the new one.
        Raises ValidationError (field password / password_repeat) for a bad new one."""
        if self.ui.removePasswordCheck.isChecked():
            return REMOVE_PASSWORD
        password, repeat = self.ui.passwordEdit.text(), self.ui.passwordRepeatEdit.text()
        if not password and not repeat:
            return None
        if len(password) < MIN_PASSWORD_LENGTH:
            raise ValidationError(f"Use a station password of at least {MIN_PASSWORD_LENGTH} characters.", field="password")
        if password != repeat:
            raise ValidationError("The two passwords are not the same. Type them again.", field="password_repeat")
        return password

    # -- saving -------------------------------------------------------------------------
    def save(self) -> None:
        if self.busy or self.version is None:
            return
        self._clear_errors()
        try:
            password = self.password_change()
        except ValidationError as exc:
            self.show_field_error(exc.field, str(exc))
            return
        self.busy = True
        self._set_enabled(False)
        run_task(self._save(self.changes(), password), on_done=self._saved, on_error=self._save_failed, owner=self,
                 what=f"saving the settings of {self.identity}", cancel_with_owner=False)

    async def _save(self, changes: dict, password: str | None):
        stations = self.services.stations
        info = await stations.update_station(self.station_id, self.version, ctx=operator_of(self), **changes)
        self.version = info.version  # a failing password step must not make the next try "stale"
        if password is not None:
            info = await stations.set_password(self.station_id, password or None, ctx=operator_of(self))
            self.version = info.version
        return info

    def _saved(self, info) -> None:
        self.busy = False
        self.stationSaved.emit(info)
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self.busy = False
        if isinstance(exc, StaleEdit):
            self.ui.staleBanner.show()
            self.ui.reloadButton.setEnabled(True)
            self.ui.deleteButton.setEnabled(True)
            return  # Save stays off: saving again would be refused the same way
        self._set_enabled(True)
        if isinstance(exc, NotFound):
            self._set_enabled(False)
            self._show_form_error(self.tr("This station no longer exists: someone deleted it."))
        elif isinstance(exc, ValidationError):
            self.show_field_error(exc.field, str(exc))
        elif isinstance(exc, EvdeskError):
            self._show_form_error(str(exc))
        else:
            self._show_form_error(f"Saving failed: {exc}. Try again.")

    # -- deleting -----------------------------------------------------------------------
    def confirm_delete(self) -> QMessageBox:
        info = self.services.stations.by_id.get(self.station_id)
        name = info.display_name if info else self.identity
        box = QMessageBox(QMessageBox.Icon.Warning, "Delete station",
                          f"Delete the station “{name}” ({self.identity})?", parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(
            f"It disappears from the station list and can no longer be controlled. The identifier "
            f"{self.identity} becomes free again: a charger connecting with it is treated as an unknown "
            "station, and it can be added again.\n\nIts sessions, logs and other history are kept."
        )
        delete_button = box.addButton("Delete station", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self.delete() if button is delete_button else None)
        self.confirm_box, self.confirm_delete_button = box, delete_button
        box.open()  # not exec(): the loop keeps running
        return box

    def delete(self) -> None:
        if self.busy:
            return
        self.busy = True
        self._set_enabled(False)
        run_task(self.services.stations.delete_station(self.station_id, ctx=operator_of(self)), on_done=self._deleted,
                 on_error=self._delete_failed, owner=self, what=f"deleting {self.identity}", cancel_with_owner=False)

    def _deleted(self, _result) -> None:
        self.busy = False
        self.stationDeleted.emit(self.station_id)
        self.accept()

    def _delete_failed(self, exc: BaseException) -> None:
        self.busy = False
        self._set_enabled(True)
        text = str(exc) if isinstance(exc, EvdeskError) else f"Deleting failed: {exc}. Try again."
        self._show_form_error(text)
