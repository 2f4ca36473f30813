"""The Locations page: where stations stand (a list with search), add, edit, delete; and the
location editor (name, address, postcode, city, country, coordinates, time zone, the group
whose operators manage it). Messages of the core are shown next to their field."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import available_timezones

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

from evdesk.core import events as ev
from evdesk.core.errors import ValidationError
from evdesk.core.locations import LocationInput, LocationRow
from evdesk.core.permissions import OperatorContext, Permission
from evdesk.gui.asyncutil import run_task
from evdesk.gui.coalesce import Coalescer
from evdesk.gui.dialogs.save_failure import show_save_failure
from evdesk.gui.forms.ui_location_dialog import Ui_LocationDialog
from evdesk.gui.forms.ui_locations_page import Ui_LocationsPage
from evdesk.gui.models import locations_model as lm
from evdesk.gui.models.base import BusListener
from evdesk.gui.pages.list_page import ListPage
from evdesk.gui.translations.phrases import counted

WHOLE_SITE = QT_TRANSLATE_NOOP("LocationDialog", "the whole site (administrators of the whole site)")
STALE = QT_TRANSLATE_NOOP("LocationDialog", "Someone else changed this location since you opened it. Close this window and "
                                           "edit again.")


def _number(text: str, field: str, words: str) -> float | None:
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise ValidationError(words, field=field) from None


class LocationDialog(QDialog):
    locationSaved = Signal(object)  # LocationRow

    def __init__(self, services, operator: Callable[[], OperatorContext], row: LocationRow | None = None, parent=None):
        super().__init__(parent)
        self.ui = Ui_LocationDialog()
        self.ui.setupUi(self)
        self.services, self.operator, self.row = services, operator, row
        ui = self.ui
        ctx = operator()
        self._group_ids = []
        if ctx.is_root:
            ui.groupCombo.addItem(self.tr(WHOLE_SITE))
            self._group_ids.append(None)
        for group in services.groups.visible(ctx):
            ui.groupCombo.addItem(services.groups.path_of(group.id) or group.name)
            self._group_ids.append(group.id)
        ui.timezoneCombo.addItem("")  # the site's
        ui.timezoneCombo.addItems(sorted(available_timezones()))
        ui.timezoneCombo.setToolTip(self.tr("Empty: the site's time zone"))
        self.save_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        if row is not None:
            self.setWindowTitle(self.tr("Edit location {name}").format(name=row.name))
            ui.nameEdit.setText(row.name)
            ui.addressEdit.setText(row.address)
            ui.postcodeEdit.setText(row.postcode)
            ui.cityEdit.setText(row.city)
            ui.countryEdit.setText(row.country)
            ui.latitudeEdit.setText("" if row.latitude is None else f"{row.latitude:g}")
            ui.longitudeEdit.setText("" if row.longitude is None else f"{row.longitude:g}")
            ui.timezoneCombo.setCurrentText(row.timezone)
            if row.group_id not in self._group_ids:
                ui.groupCombo.addItem(services.groups.name_of(row.group_id) or self.tr(WHOLE_SITE))
                self._group_ids.append(row.group_id)
            ui.groupCombo.setCurrentIndex(self._group_ids.index(row.group_id))
        else:
            self.setWindowTitle(self.tr("Add a location"))
            ui.timezoneCombo.setCurrentText(services.settings.site_timezone or "")
        self._clear()

    def _clear(self) -> None:
        ui = self.ui
        for label in (ui.nameError, ui.addressError, ui.postcodeError, ui.cityError, ui.countryError,
                      ui.coordinatesError, ui.timezoneError, ui.groupError, ui.formError):
            label.clear()
            label.hide()

    def show_error(self, field: str | None, text: str) -> None:
        ui = self.ui
        label = {"name": ui.nameError, "address": ui.addressError, "postcode": ui.postcodeError, "city": ui.cityError,
                 "country": ui.countryError, "latitude": ui.coordinatesError, "longitude": ui.coordinatesError,
                 "timezone": ui.timezoneError, "group": ui.groupError}.get(field or "", ui.formError)
        label.setText(text)
        label.show()

    def data(self) -> LocationInput:
        ui = self.ui
        lat = _number(ui.latitudeEdit.text(), "latitude", self.tr("Give the latitude in degrees, e.g. 60.1699."))
        lon = _number(ui.longitudeEdit.text(), "longitude", self.tr("Give the longitude in degrees, e.g. 24.9384."))
        return LocationInput(ui.nameEdit.text(), ui.addressEdit.text(), ui.postcodeEdit.text(), ui.cityEdit.text(),
                             ui.countryEdit.text(), lat, lon, ui.timezoneCombo.currentText().strip(),
                             self._group_ids[ui.groupCombo.currentIndex()] if self._group_ids else None)

    def save(self) -> None:
        self._clear()
        try:
            data = self.data()
        except ValidationError as exc:
            self.show_error(exc.field, str(exc))
            return
        locations, ctx = self.services.locations, self.operator()
        coro = locations.create(ctx, data) if self.row is None else locations.update(ctx, self.row.id,
                                                                                     self.row.version, data)
        self.save_button.setEnabled(False)
        run_task(coro, on_done=self._saved, on_error=self._failed, owner=self, what="saving a location",
                 cancel_with_owner=False)

    def _saved(self, row) -> None:
        self.locationSaved.emit(row)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        show_save_failure(self.show_error, exc, self.tr(STALE))


class LocationsPage(ListPage):
    def __init__(self, services, operator: Callable[[], OperatorContext], parent=None):
        super().__init__(services, operator, parent)
        self.ui = Ui_LocationsPage()
        self.ui.setupUi(self)
        ui = self.ui
        self.setup_table(ui.locationsTable, lm.LocationsModel(services.groups.name_of, self),
                         {lm.L_NAME: 200, lm.L_ADDRESS: 180, lm.L_POSTCODE: 70, lm.L_CITY: 110, lm.L_COUNTRY: 60,
                          lm.L_COORDINATES: 150, lm.L_ZONE: 130, lm.L_GROUP: 110},
                         proxy=lm.TextSearchProxy(self), sort_column=lm.L_NAME)
        self.setup_search(ui.searchEdit, delay_ms=0)
        ui.addButton.clicked.connect(self.add_location)
        ui.editButton.clicked.connect(self.edit_selected)
        ui.deleteButton.clicked.connect(self.confirm_delete)
        self.loaded = False
        self._reloads = Coalescer(self.reload, 200, self)
        self._bus = BusListener(self, services.bus)
        for event_type in (ev.LocationsChanged, ev.StationChanged, ev.StationAdded, ev.StationRemoved,
                           ev.GroupChanged):
            self._bus.on(event_type, self._reloads.poke)
        self.reload()

    def detach(self) -> None:
        self._bus.detach()

    def apply_operator(self, ctx: OperatorContext) -> None:
        self.reload()

    def apply_filter(self) -> None:
        super().apply_filter()
        self.proxy.setFilterFixedString(self.search_text())
        self._count()

    def reload(self) -> None:
        run_task(self.services.locations.list(self.operator()), on_done=self._loaded, owner=self,
                 what="loading locations")

    def _loaded(self, rows) -> None:
        self.model.set_rows(rows)
        self.loaded = True
        self._count()
        self._update_actions()

    def _count(self) -> None:
        n = self.proxy.rowCount()
        self.ui.countLabel.setText(counted(n, "location"))

    def after_change(self) -> None:
        self.reload()

    def _manages(self, ctx: OperatorContext, row: LocationRow | None) -> bool:
        if row is None or not ctx.can(Permission.EDIT_STATIONS):
            return False
        return ctx.is_root if row.group_id is None else self.services.groups.fresh(ctx).sees_group(row.group_id)

    def update_actions(self, ctx: OperatorContext, row: LocationRow | None) -> None:
        ui = self.ui
        may = ctx.can(Permission.EDIT_STATIONS)
        for button in (ui.addButton, ui.editButton, ui.deleteButton):
            button.setVisible(may)
        ui.editButton.setEnabled(self._manages(ctx, row))
        ui.deleteButton.setEnabled(self._manages(ctx, row))
        ui.editButton.setToolTip("" if row is None or self._manages(ctx, row) else
                                 self.tr("A site-wide location is managed by administrators of the whole site."))

    def add_location(self) -> LocationDialog:
        dialog = LocationDialog(self.services, self.operator, None, self)
        dialog.locationSaved.connect(lambda r: self.done(self.tr("Added the location {name}.").format(name=r.name)))
        return self.open_dialog(dialog)

    def edit_selected(self) -> LocationDialog | None:
        row = self.selected()
        if row is None or not self._manages(self.operator(), row):
            return None
        dialog = LocationDialog(self.services, self.operator, row, self)
        dialog.locationSaved.connect(lambda r: self.done(self.tr("Saved the location {name}.").format(name=r.name)))
        return self.open_dialog(dialog)

    def confirm_delete(self) -> QMessageBox | None:
        row = self.selected()
        if row is None:
            return None
        detail = ((self.tr("Its {count} station stays, without a location.") if row.stations == 1 else
                   self.tr("Its {count} stations stay, without a location.")).format(count=row.stations)
                  if row.stations else self.tr("No station stands there."))
        return self.confirm(self.tr("Delete location"), self.tr("Delete the location {name}?").format(name=row.name),
                            self.tr("Delete location"),
                            lambda: self.delete(row), detail)

    def delete(self, row: LocationRow) -> None:
        self.act(self.services.locations.delete(self.operator(), row.id, row.version), "deleting a location",
                 lambda _r: self.tr("Deleted the location {name}.").format(name=row.name))
