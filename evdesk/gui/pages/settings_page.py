"""The Site settings page: every `SiteSettings` field, saved for the whole site at once.

The page edits a copy of the live settings (`services.settings` is shared by every
service and is only changed by `Services.save_settings`). Problems are shown next
to their fields and nothing is saved while there are any. A save made by another
seat meanwhile is refused as stale; Reload then shows (and applies) what is stored.
"""

from __future__ import annotations

from functools import lru_cache
from zoneinfo import available_timezones

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QLabel

from evdesk.core.errors import EvdeskError, StaleEdit, ValidationError
from evdesk.core.permissions import Permission
from evdesk.gui import display
from evdesk.gui.asyncutil import run_task
from evdesk.gui.forms.ui_site_settings_page import Ui_SiteSettingsPage
from evdesk.gui.operator import operator_of
from evdesk.gui.pages.base import Page
from evdesk.settings import SiteSettings

STALE_MESSAGE = "The site settings were changed by someone else. Reload them and try again."
# SiteSettings field -> (editor, error label) in the form; spin boxes may show a larger unit.
SPIN_FIELDS = {
    "heartbeat_interval": "heartbeat",
    "meter_value_interval": "meterValue",
    "temporarily_unavailable_after": "tempUnavailable",
    "long_term_unavailable_after": "longUnavailable",
    "command_timeout": "commandTimeout",
    "remote_start_timeout": "remoteStartTimeout",
    "post_boot_quiet_seconds": "quiet",
    "transaction_inactivity_minutes": "inactivity",
    "clock_skew_flag_seconds": "clockSkew",
    "boot_accept_rate": "bootRate",
    "boot_pending_interval_min": "pendingMin",
    "boot_pending_interval_max": "pendingMax",
    "message_log_retention_days": "retention",
    "message_log_max_rows": "maxRows",
    "max_frame_bytes": "maxFrame",
    "login_valid_minutes": "loginValid",
    "smtp_port": "smtpPort",
    "firmware_max_mb": "firmwareMax",
    "diagnostics_max_mb": "diagnosticsMax",
    "diagnostics_timeout_minutes": "diagnosticsTimeout",
    "firmware_timeout_hours": "firmwareTimeout",
    "file_server_port": "fileServerPort",
    "ftp_port": "ftpPort",
}
# text fields: SiteSettings field -> line edit
TEXT_FIELDS = {"smtp_host": "smtpHostEdit", "smtp_username": "smtpUsernameEdit", "smtp_from": "smtpFromEdit"}
SMTP_SECURITY_LABELS = (("STARTTLS (port 587)", "starttls"), ("SSL/TLS (port 465)", "ssl"), ("None (port 25, local relay)", "none"))
# Fields shown in a larger unit than they are stored in: stored value = shown value * scale.
SCALES = {"clock_skew_flag_seconds": 3600, "max_frame_bytes": 1024}
ERROR_LABELS = {
    "site_name": "siteNameError", "site_timezone": "timezoneError", "currency": "currencyError",
    "unknown_station_policy": "policyError",
    "smtp_host": "smtpHostError", "smtp_security": "smtpSecurityError", "smtp_from": "smtpFromError",
    **{field: f"{base}Error" for field, base in SPIN_FIELDS.items()},
}


@lru_cache(maxsize=1)
def zone_names() -> tuple[str, ...]:
    """Region/City names people pick from (no posix/, right/, Etc/ duplicates)."""
    skip = ("posix/", "right/", "Etc/", "SystemV/")
    return tuple(sorted(n for n in available_timezones() if "/" in n and not n.startswith(skip))) + ("UTC",)


class SiteSettingsPage(Page):
    settingsSaved = Signal()

    def __init__(self, services, parent=None):
        super().__init__(parent)
        self.ui = Ui_SiteSettingsPage()
        self.ui.setupUi(self)
        self.services = services
        self.busy = False
        self.version = services.settings_version  # the version Save expects to replace
        self.shown: SiteSettings = SiteSettings()  # what the form was filled from
        self._spin_shown: dict[str, float] = {}  # what each spin box showed for it
        self.stale = False
        ui = self.ui
        self.spins: dict[str, QAbstractSpinBox] = {f: getattr(ui, f"{b}Spin") for f, b in SPIN_FIELDS.items()}
        self.errors: dict[str, QLabel] = {f: getattr(ui, name) for f, name in ERROR_LABELS.items()}
        self.policy_radios: dict[str, QAbstractButton] = {
            "reject": ui.rejectPolicyRadio, "pending": ui.pendingPolicyRadio, "accept": ui.acceptPolicyRadio,
        }
        self._fill_timezones()
        ui.staleLabel.setText(STALE_MESSAGE)
        ui.saveButton.clicked.connect(self.save)
        ui.revertButton.clicked.connect(self.revert)
        ui.reloadButton.clicked.connect(self.reload)
        ui.currencyEdit.textEdited.connect(lambda text: ui.currencyEdit.setText(text.upper()))
        for spin in self.spins.values():
            spin.valueChanged.connect(self._edited)
        for radio in self.policy_radios.values():
            radio.toggled.connect(self._edited)
        ui.siteNameEdit.textChanged.connect(self._edited)
        ui.currencyEdit.textChanged.connect(self._edited)
        ui.timezoneCombo.currentIndexChanged.connect(self._edited)
        for label, value in SMTP_SECURITY_LABELS:
            ui.smtpSecurityCombo.addItem(label, value)
        ui.smtpSecurityCombo.currentIndexChanged.connect(self._edited)
        for name in TEXT_FIELDS.values():
            getattr(ui, name).textChanged.connect(self._edited)
        ui.smtpPasswordEdit.textChanged.connect(self._edited)
        ui.testMailButton.clicked.connect(self.send_test_mail)
        self.has_smtp_password = False
        self.revert()
        run_task(self.services.mail.has_password(), on_done=self._show_password_state,
                 on_error=lambda exc: self._show_password_state(None, str(exc)), owner=self,
                 what="reading the mail password from the keychain")

    def _fill_timezones(self) -> None:
        combo = self.ui.timezoneCombo
        here = display.zone_name(display.site_zone(""))
        combo.addItem(f"This computer's time zone ({here})", "")
        for name in zone_names():
            combo.addItem(name, name)

    # -- form <-> settings ----------------------------------------------------------------
    def fill(self, settings: SiteSettings) -> None:
        """Show `settings` in the form (a copy the page keeps to compare edits with)."""
        self.shown = SiteSettings.from_dict(settings.as_dict())
        ui = self.ui
        ui.siteNameEdit.setText(settings.site_name)
        combo = ui.timezoneCombo
        if combo.findData(settings.site_timezone) < 0:  # a zone this computer does not know: keep it
            combo.addItem(f"{settings.site_timezone} (unknown here)", settings.site_timezone)
        combo.setCurrentIndex(combo.findData(settings.site_timezone))
        ui.currencyEdit.setText(settings.currency)
        self.policy_radios.get(settings.unknown_station_policy, ui.pendingPolicyRadio).setChecked(True)
        for field, name in TEXT_FIELDS.items():
            getattr(ui, name).setText(getattr(settings, field))
        ui.smtpSecurityCombo.setCurrentIndex(max(0, ui.smtpSecurityCombo.findData(settings.smtp_security)))
        ui.smtpPasswordEdit.clear()
        for field, spin in self.spins.items():
            value = getattr(settings, field)
            spin.setValue(round(value / SCALES[field]) if field in SCALES else value)
            self._spin_shown[field] = spin.value()
        self._clear_errors()
        self._edited()

    def collect(self) -> SiteSettings:
        """A new SiteSettings from the form. A spin box left alone keeps the exact stored value
        (it may show it rounded to its unit, e.g. hours, or clamped to its range)."""
        ui = self.ui
        values = self.shown.as_dict()
        values["site_name"] = ui.siteNameEdit.text().strip()
        values["site_timezone"] = ui.timezoneCombo.currentData() or ""
        values["currency"] = ui.currencyEdit.text().strip().upper()
        values["unknown_station_policy"] = next(
            (key for key, radio in self.policy_radios.items() if radio.isChecked()), self.shown.unknown_station_policy)
        for field, name in TEXT_FIELDS.items():
            values[field] = getattr(ui, name).text().strip()
        values["smtp_security"] = ui.smtpSecurityCombo.currentData() or "starttls"
        for field, spin in self.spins.items():
            value = spin.value()
            if value == self._spin_shown.get(field):
                values[field] = getattr(self.shown, field)
            else:
                values[field] = value * SCALES.get(field, 1)
        return SiteSettings.from_dict(values)

    def problems(self, settings: SiteSettings) -> list[tuple[str, str]]:
        return settings.validate()  # the one check, shared with `evdesk settings set` and the API

    def is_dirty(self) -> bool:
        return self.collect().as_dict() != self.shown.as_dict() or bool(self.ui.smtpPasswordEdit.text())

    def _edited(self, *_args) -> None:
        dirty, may = self.is_dirty(), operator_of(self).can_site_wide(Permission.SITE_SETTINGS)
        self.ui.saveButton.setEnabled(may and dirty and not self.busy and not self.stale)
        self.ui.revertButton.setEnabled(dirty and not self.busy)
        self.ui.testMailButton.setEnabled(may)
        if not may:
            self.ui.stateLabel.setText("Read only: only administrators of the whole site change site settings.")
        else:
            self.ui.stateLabel.setText("Unsaved changes" if dirty else "")

    def apply_operator(self, _ctx) -> None:
        self._edited()

    # -- errors -------------------------------------------------------------------------
    def _clear_errors(self) -> None:
        for label in (*self.errors.values(), self.ui.formError):
            label.clear()
            label.hide()

    def show_problem(self, field: str | None, message: str) -> None:
        label = self.errors.get(field or "", self.ui.formError)
        label.setText(message)
        label.show()

    # -- actions -------------------------------------------------------------------------
    def revert(self) -> None:
        """Show the settings in force now, discarding edits."""
        self.version = self.services.settings_version
        self.stale = False
        self.ui.staleBanner.hide()
        self.fill(self.services.settings)

    def save(self) -> None:
        if self.busy:
            return
        self._clear_errors()
        settings = self.collect()
        problems = self.problems(settings)
        if problems:
            for field, message in problems:
                self.show_problem(field, message)
            self.show_problem(None, "Nothing was saved: correct the fields marked in red.")
            self.ui.scrollArea.ensureWidgetVisible(self.errors.get(problems[0][0], self.ui.formError))
            return
        if self.services.settings_version != self.version:  # saved elsewhere in this program meanwhile
            self._show_stale()
            return
        self.busy = True
        self._edited()
        run_task(self._save(settings, self.ui.smtpPasswordEdit.text()), on_done=self._saved,
                 on_error=self._save_failed, owner=self, what="saving the site settings", cancel_with_owner=False)

    async def _save(self, settings: SiteSettings, smtp_password: str) -> None:
        ctx = operator_of(self)
        await self.services.save_settings(settings, ctx=ctx)
        if smtp_password:
            await self.services.mail.set_password(ctx, smtp_password)
            self.has_smtp_password = True

    def _saved(self, _result) -> None:
        self.busy = False
        self._show_password_state(self.has_smtp_password)
        self.version = self.services.settings_version
        self.fill(self.services.settings)
        self.ui.stateLabel.setText("Saved: the server uses the new settings now.")
        self.statusMessage.emit("Site settings saved; they apply now.")
        self.settingsSaved.emit()

    def _save_failed(self, exc: BaseException) -> None:
        self.busy = False
        if isinstance(exc, StaleEdit):
            self._show_stale()
        elif isinstance(exc, ValidationError):
            self.show_problem(exc.field, str(exc))
            if exc.field in self.errors:
                self.ui.scrollArea.ensureWidgetVisible(self.errors[exc.field])
        elif isinstance(exc, EvdeskError):
            self.show_problem(None, str(exc))
        else:
            self.show_problem(None, f"Saving failed: {exc}. Try again.")
        self._edited()

    def _show_stale(self) -> None:
        self.stale = True
        self.ui.staleBanner.show()
        self._edited()

    def reload(self) -> None:
        """Read the stored settings (another seat may have saved), make them the ones in force, show them."""
        self.ui.reloadButton.setEnabled(False)
        run_task(self.services.reload_settings(), on_done=self._reloaded, on_error=self._reload_failed,
                 owner=self, what="reloading the site settings")

    def _reloaded(self, changed: bool) -> None:
        self.ui.reloadButton.setEnabled(True)
        if changed:
            self.settingsSaved.emit()
        self.revert()
        self.ui.stateLabel.setText("Reloaded: showing the settings in force.")

    def _reload_failed(self, exc: BaseException) -> None:
        self.ui.reloadButton.setEnabled(True)
        self.show_problem(None, f"The settings could not be read: {exc}. Try again.")

    # -- e-mail ---------------------------------------------------------------------------
    def _show_password_state(self, stored: bool | None, problem: str = "") -> None:
        from evdesk import secrets

        if stored is None:
            text = f"The keychain cannot be used: {problem}"
        else:
            self.has_smtp_password = stored
            state = "A password is stored there." if stored else "No password is stored."
            text = (f"Kept in this computer's keychain ({secrets.backend_name()}), never in the database. "
                    f"{state} Type a new one to replace it.")
        self.ui.smtpPasswordHelp.setText(text)

    def send_test_mail(self) -> None:
        ui = self.ui
        if self.is_dirty():
            ui.testMailLabel.setText("Save the settings first: the test uses the saved ones.")
            return
        ui.testMailButton.setEnabled(False)
        ui.testMailLabel.setStyleSheet("")
        ui.testMailLabel.setText("Sending…")
        run_task(self.services.mail.send_test(operator_of(self), ui.testAddressEdit.text()),
                 on_done=lambda _r: self._test_mail_done(f"Sent to {ui.testAddressEdit.text().strip()}. "
                                                        "Check that it arrived."),
                 on_error=lambda exc: self._test_mail_done(str(exc), failed=True), owner=self,
                 what="sending a test e-mail", cancel_with_owner=False)

    def _test_mail_done(self, text: str, failed: bool = False) -> None:
        self.ui.testMailButton.setEnabled(True)
        self.ui.testMailLabel.setStyleSheet("color: #c62828;" if failed else "color: #2e7d32;")
        self.ui.testMailLabel.setText(text)
