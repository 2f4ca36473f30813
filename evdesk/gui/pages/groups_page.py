"""The Charging groups page: the tree with counts; add, rename, move (also by dragging), delete,
add stations to a group and take them out."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHeaderView, QLabel, QVBoxLayout

from evdesk.core import events as ev
from evdesk.core.errors import EvdeskError
from evdesk.core.permissions import Permission
from evdesk.gui import display
from evdesk.gui.asyncutil import run_task
from evdesk.gui.coalesce import Coalescer
from evdesk.gui.dialogs.group_dialog import ADD, ASSIGN, MOVE, RENAME, GroupDialog
from evdesk.gui.forms.ui_groups_page import Ui_GroupsPage
from evdesk.gui.models.base import BusListener, Roles
from evdesk.gui.models.groups_model import GROUP, STATION, GroupTreeModel
from evdesk.gui.operator import operator_of
from evdesk.gui.pages.base import Page
from evdesk.gui.widgets.statistics_view import StatisticsView


class GroupsPage(Page):

    def __init__(self, services, parent=None):
        super().__init__(parent)
        self.ui = Ui_GroupsPage()
        self.ui.setupUi(self)
        self.services = services
        self.model = GroupTreeModel(services, lambda: operator_of(self), self)
        self.model.dropRequested.connect(self.dropped)
        tree = self.ui.groupsTree
        tree.setModel(self.model)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        tree.selectionModel().selectionChanged.connect(self._selection_changed)
        ui = self.ui
        ui.addButton.clicked.connect(lambda: self.open_dialog(ADD))
        ui.renameButton.clicked.connect(lambda: self.open_dialog(RENAME))
        ui.moveButton.clicked.connect(lambda: self.open_dialog(MOVE))
        ui.assignButton.clicked.connect(lambda: self.open_dialog(ASSIGN))
        ui.deleteButton.clicked.connect(self.delete_selected)
        ui.removeStationButton.clicked.connect(self.remove_selected_station)
        self.dialog = None
        self._bus = BusListener(self, services.bus)
        self._syncs = Coalescer(self.model.sync, 150, self)
        self._stale = False
        # what the tree shows of each station: a boot storm's thousands of StationChanged
        # (vendor, firmware, status) change none of it and cost no tree walk
        self._shown: dict = {}
        for event_type in (ev.GroupChanged, ev.StationAdded, ev.StationRemoved):
            self._bus.on(event_type, lambda _e: self._tree_changed())
        for event_type in (ev.StationChanged, ev.ConnectorStatusChanged):
            self._bus.on(event_type, self._station_changed)
        tree.expandToDepth(0)
        self._add_statistics()
        self._selection_changed()

    def _add_statistics(self) -> None:
        """The chosen group's statistics over its subtree (issue 12), under the tree: the same
        figures as a station's Statistics tab, per station. Read when a group is chosen."""
        box = QGroupBox("Statistics of the chosen group and its subgroups", self)
        box.setObjectName("groupStatisticsBox")
        layout = QVBoxLayout(box)
        self.statistics_hint = QLabel("Choose a charging group to see its statistics.", box)
        self.statistics_hint.setStyleSheet("color: #607d8b;")
        layout.addWidget(self.statistics_hint)
        self.statistics = StatisticsView(self._read_statistics, "station", lambda: display.zone_of(self.services.settings),
                                         box)
        self.statistics.hide()
        layout.addWidget(self.statistics)
        self.statistics_group = None
        self.ui.pageLayout.addWidget(box, 1)
        self.ui.pageLayout.setStretchFactor(self.ui.bodyRow, 1)

    def _read_statistics(self, days: int):
        return self.services.station_statistics.group(operator_of(self), self.statistics_group, days)

    def _show_statistics(self, kind, item_id) -> None:
        group = item_id if kind == GROUP else None
        if group == self.statistics_group:
            return
        self.statistics_group = group
        self.statistics.setVisible(group is not None)
        self.statistics_hint.setVisible(group is None)
        if group is not None:
            self.statistics_hint.setText("")
            self.statistics.reload()

    def detach(self) -> None:
        self._bus.detach()

    def _station_changed(self, event) -> None:
        info = self.services.stations.by_id.get(event.station_id)
        shown = None if info is None else (info.group_id, info.display_name, info.identity, info.registration,
                                           len(info.connectors))
        if self._shown.get(event.station_id) != shown:
            self._shown[event.station_id] = shown
            self._tree_changed()

    def _tree_changed(self) -> None:
        """Follow changes while the page is shown; a hidden page catches up when it is shown."""
        if self.isVisible():
            self._syncs.poke()
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.model.sync()

    def apply_operator(self, _ctx) -> None:
        self.model.sync()
        self.ui.groupsTree.expandToDepth(0)
        self._selection_changed()

    def selected(self) -> tuple[str | None, object]:
        rows = self.ui.groupsTree.selectionModel().selectedRows()
        if not rows:
            return None, None
        return rows[0].data(Roles.RowData), rows[0].data(Roles.RowId)

    def select(self, kind: str, item_id) -> bool:
        index = self.model.index_of(kind, item_id)
        if index.isValid():
            self.ui.groupsTree.setCurrentIndex(index)
        return index.isValid()

    def _selection_changed(self, *_args) -> None:
        kind, item_id = self.selected()
        self._show_statistics(kind, item_id)
        may = operator_of(self).can(Permission.MANAGE_GROUPS)
        ui = self.ui
        ui.addButton.setEnabled(may)
        for button in (ui.renameButton, ui.moveButton, ui.deleteButton, ui.assignButton):
            button.setEnabled(may and kind == GROUP)
        station_group = self.services.stations.by_id.get(item_id).group_id if kind == STATION and item_id in self.services.stations.by_id else None
        ui.removeStationButton.setEnabled(may and kind == STATION and station_group is not None)
        for button in (ui.addButton, ui.renameButton, ui.moveButton, ui.deleteButton, ui.assignButton, ui.removeStationButton):
            button.setToolTip("" if may else "Your role cannot change charging groups.")

    # -- actions ---------------------------------------------------------------------------------
    def _said(self, text: str, failed: bool = False) -> None:
        self.ui.stateLabel.setStyleSheet("color: #c62828;" if failed else "color: #2e7d32;")
        self.ui.stateLabel.setText(text)
        if not failed:
            self.statusMessage.emit(text)

    def _failed(self, exc: BaseException) -> None:
        self._said(str(exc) if isinstance(exc, EvdeskError) else f"Failed: {exc}. Try again.", failed=True)
        self.model.sync()

    def open_dialog(self, mode: str) -> GroupDialog:
        kind, item_id = self.selected()
        group_id = item_id if kind == GROUP else None
        dialog = GroupDialog(self.services, mode, group_id, self)
        dialog.done.connect(self._said)
        self.dialog = dialog
        dialog.open()
        return dialog

    def delete_selected(self) -> None:
        kind, group_id = self.selected()
        if kind != GROUP:
            return
        group = self.services.groups.get(group_id)
        run_task(self.services.groups.delete(operator_of(self), group.id, group.version),
                 on_done=lambda _r: self._said(f"Deleted the group '{group.name}'."), on_error=self._failed, owner=self,
                 what="deleting a charging group", cancel_with_owner=False)

    def remove_selected_station(self) -> None:
        kind, station_id = self.selected()
        if kind != STATION:
            return
        info = self.services.stations.get_by_id(station_id)
        run_task(self.services.groups.assign_stations(operator_of(self), None, [station_id]),
                 on_done=lambda _r: self._said(f"{info.display_name} is in no group now (visible to whole-site admins)."),
                 on_error=self._failed, owner=self, what="removing a station from its group", cancel_with_owner=False)

    def dropped(self, kind: str, item_id, target_group_id) -> None:
        """A drag ended on a group: move the group there, or put the station in it."""
        ctx, groups = operator_of(self), self.services.groups
        if kind == GROUP:
            group = groups.get(item_id)
            coro = groups.move(ctx, group.id, group.version, target_group_id)
            said = f"Moved '{group.name}' under '{groups.name_of(target_group_id) or 'the top level'}'."
        else:
            coro = groups.assign_stations(ctx, target_group_id, [item_id])
            said = f"Station put into '{groups.name_of(target_group_id) or 'no group'}'."
        run_task(coro, on_done=lambda _r: self._said(said), on_error=self._failed, owner=self,
                 what="moving in the group tree", cancel_with_owner=False)
