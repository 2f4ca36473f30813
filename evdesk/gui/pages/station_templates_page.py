"""The Station templates page: the templates an operator sees, rename, delete, and create a
station from one (SYNC's rule: templates are made from a station — its details dialog's
"Save as template…" — never on this page).

Creating a station: choosing a template fills the name field with the template's name (the
manual's warning "first select the CP Template and then edit the name, as it would otherwise be
replaced"), so the name is typed after the template is chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QInputDialog, QLineEdit, QMessageBox

from evdesk.core import events as ev
from evdesk.core.permissions import OperatorContext, Permission
from evdesk.core.station_hardware import TemplateRow
from evdesk.gui.asyncutil import run_task
from evdesk.gui.coalesce import Coalescer
from evdesk.gui.dialogs.save_failure import show_save_failure
from evdesk.gui.forms.ui_station_templates_page import Ui_StationTemplatesPage
from evdesk.gui.forms.ui_template_station_dialog import Ui_TemplateStationDialog
from evdesk.gui.models import locations_model as lm
from evdesk.gui.models.base import BusListener
from evdesk.gui.pages.list_page import ListPage

NO_GROUP = "— no group (administrators of the whole site) —"
NO_LOCATION = "— no location —"


class TemplateStationDialog(QDialog):
    stationCreated = Signal(object)  # StationInfo

    def __init__(self, services, operator: Callable[[], OperatorContext], templates: list[TemplateRow],
                 chosen: UUID | None = None, parent=None):
        super().__init__(parent)
        self.ui = Ui_TemplateStationDialog()
        self.ui.setupUi(self)
        self.services, self.operator, self.templates = services, operator, templates
        ui, ctx = self.ui, operator()
        for combo in (ui.templateCombo, ui.groupCombo, ui.locationCombo):
            combo.setMinimumWidth(320)
        for t in templates:
            ui.templateCombo.addItem(t.name, t.id)
        self._group_ids: list[UUID | None] = []
        if ctx.is_root:
            ui.groupCombo.addItem(NO_GROUP)
            self._group_ids.append(None)
        for group in services.groups.visible(ctx):
            ui.groupCombo.addItem(services.groups.path_of(group.id) or group.name)
            self._group_ids.append(group.id)
        self._location_ids: list[UUID | None] = [None]
        ui.locationCombo.addItem(NO_LOCATION)
        self.create_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        self.create_button.setText("Create station")
        ui.buttonBox.accepted.connect(self.create)
        ui.buttonBox.rejected.connect(self.reject)
        ui.templateCombo.currentIndexChanged.connect(self.template_chosen)
        self._clear()
        if chosen is not None:
            ui.templateCombo.setCurrentIndex(max(0, ui.templateCombo.findData(chosen)))
        self.template_chosen()
        run_task(services.locations.list(ctx), on_done=self._locations, owner=self, what="loading locations")

    def _locations(self, rows) -> None:
        for loc in rows:
            self.ui.locationCombo.addItem(loc.name)
            self._location_ids.append(loc.id)

    def template(self) -> TemplateRow | None:
        template_id = self.ui.templateCombo.currentData()
        return next((t for t in self.templates if t.id == template_id), None)

    def template_chosen(self, *_args) -> None:
        """The template's name goes into the name field (type the station's name after choosing)."""
        t = self.template()
        self.ui.nameEdit.setText(t.name if t else "")
        self.ui.templateSummary.setText(f"{t.summary}." + (f" {t.vendor} {t.model}".rstrip() if t and t.vendor else "")
                                        if t else "")
        if t and t.group_id in self._group_ids:  # the template's group is the likely one
            self.ui.groupCombo.setCurrentIndex(self._group_ids.index(t.group_id))

    def _clear(self) -> None:
        ui = self.ui
        for label in (ui.templateError, ui.identityError, ui.nameError, ui.groupError, ui.locationError, ui.formError):
            label.clear()
            label.hide()

    def show_error(self, field: str | None, text: str) -> None:
        ui = self.ui
        label = {"identity": ui.identityError, "name": ui.nameError, "group": ui.groupError,
                 "location": ui.locationError, "template": ui.templateError}.get(field or "", ui.formError)
        label.setText(text)
        label.show()

    def create(self) -> None:
        self._clear()
        t = self.template()
        if t is None:
            self.show_error("template", "Choose a template.")
            return
        ui = self.ui
        group = self._group_ids[ui.groupCombo.currentIndex()] if self._group_ids else None
        location = self._location_ids[ui.locationCombo.currentIndex()]
        self.create_button.setEnabled(False)
        run_task(self.services.station_details.create_from_template(
            self.operator(), t.id, ui.identityEdit.text(), ui.nameEdit.text().strip(), group_id=group,
            location_id=location), on_done=self._created, on_error=self._failed, owner=self,
            what="creating a station from a template", cancel_with_owner=False)

    def _created(self, info) -> None:
        self.stationCreated.emit(info)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.create_button.setEnabled(True)
        show_save_failure(self.show_error, exc, "The template changed meanwhile. Close this window and try again.",
                          failed="Could not create the station")


class StationTemplatesPage(ListPage):
    def __init__(self, services, operator: Callable[[], OperatorContext], parent=None):
        super().__init__(services, operator, parent)
        self.ui = Ui_StationTemplatesPage()
        self.ui.setupUi(self)
        ui = self.ui
        self.setup_table(ui.templatesTable, lm.TemplatesModel(services.groups.name_of, self),
                         {lm.T_NAME: 240, lm.T_VENDOR: 130, lm.T_MODEL: 130, lm.T_GROUP: 160},
                         proxy=lm.TextSearchProxy(self), sort_column=lm.T_NAME)
        self.setup_search(ui.searchEdit, delay_ms=0)
        ui.createStationButton.clicked.connect(self.create_station)
        ui.renameButton.clicked.connect(self.ask_rename)
        ui.deleteButton.clicked.connect(self.confirm_delete)
        self.loaded = False
        self.name_box: QInputDialog | None = None
        self._reloads = Coalescer(self.reload, 200, self)
        self._bus = BusListener(self, services.bus)
        for event_type in (ev.StationTemplatesChanged, ev.GroupChanged):
            self._bus.on(event_type, self._reloads.poke)
        self._bus.on(ev.RowsChanged, lambda e: self._reloads.poke() if e.entity == "station_template" else None)
        self.reload()

    def detach(self) -> None:
        self._bus.detach()

    def apply_operator(self, ctx: OperatorContext) -> None:
        self.reload()

    def apply_filter(self) -> None:
        super().apply_filter()
        self.proxy.setFilterFixedString(self.search_text())

    def reload(self) -> None:
        run_task(self.services.station_details.templates(self.operator()), on_done=self._loaded, owner=self,
                 what="loading station templates")

    def _loaded(self, rows) -> None:
        self.model.set_rows(rows)
        self.loaded = True
        n = len(rows)
        self.ui.countLabel.setText(f"{n} template{'s' if n != 1 else ''}")
        self._update_actions()

    def after_change(self) -> None:
        self.reload()

    def update_actions(self, ctx: OperatorContext, row: TemplateRow | None) -> None:
        ui = self.ui
        ui.createStationButton.setVisible(ctx.can(Permission.ADD_REMOVE_STATIONS))
        ui.createStationButton.setEnabled(bool(self.model.rows()))
        for button in (ui.renameButton, ui.deleteButton):
            button.setVisible(ctx.can(Permission.EDIT_STATIONS))
            button.setEnabled(row is not None)

    def edit_selected(self) -> QDialog | None:
        return self.create_station()

    def create_station(self) -> TemplateStationDialog | None:
        if not self.model.rows():
            return None
        row = self.selected()
        dialog = TemplateStationDialog(self.services, self.operator, self.model.rows(), row.id if row else None, self)
        dialog.stationCreated.connect(lambda info: self.done(
            f"Created {info.display_name} ({info.identity}): it is accepted when the charger first connects."))
        return self.open_dialog(dialog)

    def ask_rename(self) -> QInputDialog | None:
        row = self.selected()
        if row is None:
            return None
        ask = QInputDialog(self)
        ask.setWindowTitle("Rename template")
        ask.setLabelText("New name of the template:")
        ask.setTextEchoMode(QLineEdit.EchoMode.Normal)
        ask.setTextValue(row.name)
        ask.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        ask.textValueSelected.connect(lambda name: self.rename(row, name))
        self.name_box = ask
        ask.open()
        return ask

    def rename(self, row: TemplateRow, name: str) -> None:
        self.act(self.services.station_details.rename_template(self.operator(), row.id, row.version, name),
                 "renaming a station template", lambda t: f"Renamed the template to {t.name}.")

    def confirm_delete(self) -> QMessageBox | None:
        row = self.selected()
        if row is None:
            return None
        return self.confirm("Delete template", f"Delete the template {row.name}?", "Delete template",
                            lambda: self.delete(row), "Stations made from it stay as they are.")

    def delete(self, row: TemplateRow) -> None:
        self.act(self.services.station_details.delete_template(self.operator(), row.id, row.version),
                 "deleting a station template", lambda _r: f"Deleted the template {row.name}.")
