"""The Tariffs page: tariffs on one tab, tariff groups on the other.

Everyone sees them (they are site-wide). Whole-site administrators add, edit and delete
them; operators with the tariffs permission and a base group may open a tariff group and
assign it within their charging groups; everyone else sees read-only editors, and a line
on the page says why. The lists come from the tariff service's memory and follow
`TariffsChanged` (this seat's changes and other seats').
"""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from evdesk.core import events as ev
from evdesk.core.permissions import OperatorContext, Permission
from evdesk.gui.coalesce import Coalescer
from evdesk.gui.dialogs.tariff_assignments import place_of
from evdesk.gui.dialogs.tariff_dialog import TariffDialog, may_edit, read_only_reason
from evdesk.gui.dialogs.tariff_group_dialog import TariffGroupDialog
from evdesk.gui.forms.ui_tariffs_page import Ui_TariffsPage
from evdesk.gui.models import tariffs_model as tm
from evdesk.gui.models.base import BusListener, Roles, ZoneFollower, redraw_columns
from evdesk.gui.pages.list_page import ListPage

TARIFFS_TAB, GROUPS_TAB = 0, 1


class TariffsPage(ListPage):
    def __init__(self, services, operator: Callable[[], OperatorContext], parent=None):
        super().__init__(services, operator, parent)
        self.ui = Ui_TariffsPage()
        self.ui.setupUi(self)
        ui = self.ui
        # names are operators' text: never markup
        ui.stateLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.setup_table(ui.tariffsView, tm.TariffsModel(services.settings, self),
                         {tm.T_NAME: 200, tm.T_KIND: 110, tm.T_PRICE: 360, tm.T_FROM: 120, tm.T_TO: 120},
                         proxy=tm.NameFilterProxy(self), sort_column=tm.T_NAME)
        # the second list: its own model, proxy and buttons
        self.groups_model = tm.TariffGroupsModel(self)
        self.groups_proxy = tm.NameFilterProxy(self)
        self.groups_proxy.setSourceModel(self.groups_model)
        view = ui.groupsView
        view.setModel(self.groups_proxy)
        view.verticalHeader().hide()
        view.horizontalHeader().setStretchLastSection(True)
        view.setColumnWidth(tm.G_NAME, 240)
        view.setColumnWidth(tm.G_COUNT, 80)
        view.sortByColumn(tm.G_NAME, Qt.SortOrder.AscendingOrder)
        view.selectionModel().selectionChanged.connect(self._update_actions)
        view.doubleClicked.connect(lambda _index: self.edit_group())
        self.setup_search(ui.searchEdit, delay_ms=0)
        ui.addTariffButton.clicked.connect(self.add_tariff)
        ui.editTariffButton.clicked.connect(self.edit_selected)
        ui.deleteTariffButton.clicked.connect(self.confirm_delete_tariff)
        ui.addGroupButton.clicked.connect(self.add_group)
        ui.editGroupButton.clicked.connect(self.edit_group)
        ui.deleteGroupButton.clicked.connect(self.confirm_delete_group)
        ui.tabs.currentChanged.connect(self._update_actions)
        self._reloads = Coalescer(self.reload, 100, self)
        self._bus = BusListener(self, services.bus)
        for event_type in (ev.TariffsChanged, ev.UserGroupChanged):
            self._bus.on(event_type, self._reloads.poke)
        self._zone = ZoneFollower(self._bus, services.settings,
                                  lambda: redraw_columns(self.model, (tm.T_FROM, tm.T_TO)))
        self.reload()
        self._update_actions()

    def detach(self) -> None:
        self._bus.detach()

    def apply_filter(self) -> None:
        super().apply_filter()
        self.proxy.setFilterFixedString(self.search_text())
        self.groups_proxy.setFilterFixedString(self.search_text())

    def reload(self) -> None:
        """Both lists from the tariff service's memory (no store read)."""
        tariffs, ctx = self.services.tariffs, self.operator()
        self.model.set_rows(tariffs.list_tariffs())
        visible = tariffs.list_assignments(ctx)
        rows = []
        for g in tariffs.list_groups():
            places = sorted(place_of(tariffs, a) for a in visible if a.tariff_group_id == g.id)
            rows.append(tm.GroupListRow(g.id, g, 1 + len(g.entries), ", ".join(places)))
        self.groups_model.set_rows(rows)
        self._update_actions()

    def after_change(self) -> None:
        self.reload()

    # -- selection and buttons -------------------------------------------------------------------------------
    def selected_group(self) -> tm.GroupListRow | None:
        rows = self.ui.groupsView.selectionModel().selectedRows()
        return rows[0].data(Roles.RowData) if rows else None

    def select_tariff(self, tariff_id: UUID) -> bool:
        self.ui.tabs.setCurrentIndex(TARIFFS_TAB)
        return self.select_id(tariff_id)

    def select_group(self, group_id: UUID) -> bool:
        self.ui.tabs.setCurrentIndex(GROUPS_TAB)
        row = self.groups_model.row_of(group_id)
        if row < 0:
            return False
        index = self.groups_proxy.mapFromSource(self.groups_model.index(row, 0))
        if not index.isValid():
            return False
        self.ui.groupsView.selectRow(index.row())
        return True

    def update_actions(self, ctx: OperatorContext, row) -> None:
        ui, edit = self.ui, may_edit(ctx)
        ui.readOnlyLabel.setVisible(not edit)
        ui.readOnlyLabel.setText("" if edit else read_only_reason(ctx))
        for button in (ui.addTariffButton, ui.deleteTariffButton, ui.addGroupButton, ui.deleteGroupButton):
            button.setVisible(edit)
        ui.editTariffButton.setText(self.tr("Edit…") if edit else self.tr("View…"))
        ui.editTariffButton.setEnabled(row is not None)
        deletable = row is not None and row.base_of is None
        ui.deleteTariffButton.setEnabled(deletable)
        ui.deleteTariffButton.setToolTip("" if deletable or row is None else
                                         self.tr("A base tariff goes with its tariff group."))
        group = self.selected_group()
        ui.editGroupButton.setText(self.tr("Edit…") if edit else (self.tr("Assign…") if ctx.can(Permission.TARIFFS) else self.tr("View…")))
        ui.editGroupButton.setEnabled(group is not None)
        ui.deleteGroupButton.setEnabled(group is not None)

    # -- tariffs ----------------------------------------------------------------------------------------------
    def add_tariff(self) -> TariffDialog:
        return self._open_tariff(None)

    def edit_selected(self) -> TariffDialog | None:
        row = self.selected()
        return self._open_tariff(row) if row is not None else None

    def _open_tariff(self, row) -> TariffDialog:
        dialog = TariffDialog(self.services, self.operator, row, self)
        dialog.tariffSaved.connect(lambda t: self.done(self.tr("Saved the tariff {name}.").format(name=t.name)))
        return self.open_dialog(dialog)

    def confirm_delete_tariff(self) -> QMessageBox | None:
        row = self.selected()
        if row is None:
            return None
        return self.confirm(self.tr("Delete tariff"), self.tr("Delete the tariff {name}?").format(name=row.name), self.tr("Delete tariff"),
                            lambda: self.act(self.services.tariffs.delete_tariff(self.operator(), row.id, row.version),
                                             "deleting a tariff", lambda _r: self.tr("Deleted the tariff {name}.").format(name=row.name)),
                            detail=self.tr("Sessions already priced with it keep their prices."))

    # -- tariff groups ------------------------------------------------------------------------------------------
    def add_group(self) -> TariffGroupDialog:
        return self._open_group(None)

    def edit_group(self) -> TariffGroupDialog | None:
        row = self.selected_group()
        return self._open_group(row.group) if row is not None else None

    def _open_group(self, group) -> TariffGroupDialog:
        dialog = TariffGroupDialog(self.services, self.operator, group, self)
        dialog.groupSaved.connect(lambda g: self.done(self.tr("Saved the tariff group {name}.").format(name=g.name)))
        dialog.finished.connect(lambda _r: self.reload())  # assignments are saved at once
        return self.open_dialog(dialog)

    def confirm_delete_group(self) -> QMessageBox | None:
        row = self.selected_group()
        if row is None:
            return None
        g = row.group
        return self.confirm(self.tr("Delete tariff group"),
                            self.tr("Delete the tariff group {name} with its base tariff?").format(name=g.name),
                            self.tr("Delete tariff group"),
                            lambda: self.act(self.services.tariffs.delete_group(self.operator(), g.id, g.version),
                                             "deleting a tariff group", lambda _r: self.tr("Deleted the tariff group {name}.").format(name=g.name)))

    @property
    def confirm_delete_button(self):
        return self.confirm_button
