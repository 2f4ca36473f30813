"""The Access profiles page: the site's profiles (name, when, members, what they cover, tariff);
whole-site admins add, edit and delete them, everyone else opens them read-only."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from PySide6.QtWidgets import QMessageBox

from evdesk.core import events as ev
from evdesk.core.access_profiles import AccessProfileRow
from evdesk.core.permissions import OperatorContext, Permission
from evdesk.gui.coalesce import Coalescer
from evdesk.gui.dialogs.access_profile_dialog import AccessProfileDialog
from evdesk.gui.forms.ui_access_profiles_page import Ui_AccessProfilesPage
from evdesk.gui.models import access_profiles_model as am
from evdesk.gui.models.base import BusListener
from evdesk.gui.pages.list_page import ListPage
from evdesk.gui.translations.phrases import counted


def may_change(ctx: OperatorContext) -> bool:
    return ctx.can(Permission.ACCESS_PROFILES) and ctx.is_root


class AccessProfilesPage(ListPage):
    def __init__(self, services, operator: Callable[[], OperatorContext], parent=None):
        super().__init__(services, operator, parent)
        self.ui = Ui_AccessProfilesPage()
        self.ui.setupUi(self)
        ui = self.ui
        model = am.AccessProfilesModel(self._tariff_name, self)
        self.setup_table(ui.profilesView, model, {am.COL_NAME: 180, am.COL_WHEN: 260, am.COL_MEMBERS: 170,
                                                  am.COL_COVERS: 170}, proxy=am.AccessProfilesProxy(self),
                         sort_column=am.COL_NAME)
        self.setup_search(ui.searchEdit, delay_ms=0)  # a short list filtered in memory
        ui.addButton.clicked.connect(self.add_profile)
        ui.editButton.clicked.connect(self.edit_selected)
        ui.deleteButton.clicked.connect(self.confirm_delete)
        self._reloads = Coalescer(self.reload, 200, self)
        self._bus = BusListener(self, services.bus)
        for event_type in (ev.AccessProfilesChanged, ev.TariffsChanged):
            self._bus.on(event_type, self._reloads.poke)
        self.reload()
        self._update_actions()

    def detach(self) -> None:
        self._bus.detach()

    def _tariff_name(self, tariff_id: UUID) -> str | None:
        found = self.services.tariffs.tariffs.get(tariff_id)
        return found.name if found is not None else None

    def apply_filter(self) -> None:
        super().apply_filter()
        self.proxy.setFilterFixedString(self.search_text())

    def reload(self) -> None:
        self.model.set_rows(self.services.access_profiles.list())  # in memory: no store round trip
        n = self.model.rowCount()
        self.ui.stateLabel.setText(counted(n, "access profile") if n else
                                   self.tr("No access profiles: every token is decided by its own rights alone."))
        self._update_actions()

    def after_change(self) -> None:
        self.model.set_rows(self.services.access_profiles.list())  # the state line keeps what was just done
        self._update_actions()

    def select_profile(self, profile_id: UUID) -> bool:
        return self.select_id(profile_id)

    def update_actions(self, ctx: OperatorContext, row: AccessProfileRow | None) -> None:
        can, ui = may_change(ctx), self.ui
        for button in (ui.addButton, ui.deleteButton):
            button.setVisible(can)
        ui.editButton.setText(self.tr("Edit…") if can else self.tr("Open…"))
        ui.editButton.setEnabled(row is not None)
        ui.deleteButton.setEnabled(row is not None)

    def add_profile(self) -> AccessProfileDialog | None:
        return self._open(None) if may_change(self.operator()) else None

    def edit_selected(self) -> AccessProfileDialog | None:
        row = self.selected()
        return self._open(row) if row is not None else None

    def _open(self, row) -> AccessProfileDialog:
        dialog = AccessProfileDialog(self.services, self.operator, row, self)
        dialog.profileSaved.connect(lambda p: self.done(self.tr("Saved {name}.").format(name=p.name)))
        return self.open_dialog(dialog)

    def confirm_delete(self) -> QMessageBox | None:
        row = self.selected()
        if row is None:
            return None
        return self.confirm(self.tr("Delete access profile"), self.tr("Delete the access profile {name}?").format(name=row.name),
                            self.tr("Delete profile"),
                            lambda: self.delete(row),
                            detail=self.tr("Its members are then decided by their own access rights alone, at any hour."))

    def delete(self, row) -> None:
        self.act(self.services.access_profiles.delete(self.operator(), row.id, row.version),
                 "deleting an access profile", lambda _r: self.tr("Deleted {name}.").format(name=row.name))
