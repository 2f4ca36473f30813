"""Where a tariff group applies: the assignments part of the tariff group editor.

The places offered are the charging groups, stations and connectors of the operator's
domain (a group's assignment covers its subgroups; a station's or a connector's own
comes first). Assigning and removing are saved at once, by operators with the tariffs
permission; a group not saved yet has no assignments.
"""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QHeaderView, QTableWidgetItem

from evdesk.core.errors import EvdeskError
from evdesk.core.permissions import OperatorContext, Permission
from evdesk.core.tariffs import AssignmentRow, TariffGroupRow
from evdesk.gui.asyncutil import run_task

ID = Qt.ItemDataRole.UserRole + 1
INDENT = "\u2003"  # an em space per level of the tree


def place_of(tariffs, a: AssignmentRow) -> str:
    """'Charging group Depot', 'Bay 1', 'Bay 1, connector 2'."""
    where = tariffs.describe_target(a)
    return (QCoreApplication.translate("AssignmentsPanel", "Charging group {name}").format(name=where.removeprefix("group "))
            if a.station_id is None else where)


class AssignmentsPanel(QObject):
    def __init__(self, services, operator: Callable[[], OperatorContext], ui, group: TariffGroupRow | None, parent):
        super().__init__(parent)
        self.services, self.operator, self.ui, self.group = services, operator, ui, group
        self.can_assign = operator().can(Permission.TARIFFS)
        table = ui.assignmentsTable
        table.setColumnCount(2)
        table.setHorizontalHeaderLabels([self.tr("Where"), self.tr("Covers")])
        table.verticalHeader().hide()
        table.setEditTriggers(table.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(0, 320)
        table.horizontalHeader().setStretchLastSection(True)
        table.itemSelectionChanged.connect(self.update_buttons)
        ui.assignButton.clicked.connect(self.assign)
        ui.removeAssignmentButton.clicked.connect(self.remove)
        self.fill_targets()
        self.refresh()

    # -- the places of the operator's domain ------------------------------------------------------------------
    def fill_targets(self) -> None:
        ctx, groups, combo = self.operator(), self.services.groups, self.ui.targetCombo
        combo.clear()

        def station(info, depth: int) -> None:
            name = info.display_name if info.display_name == info.identity else f"{info.name} ({info.identity})"
            combo.addItem(INDENT * depth + self.tr("Station {name}").format(name=name), ("station", str(info.id), None))
            for connector in sorted(c for c in info.connectors if c > 0):
                combo.addItem(INDENT * (depth + 1) + self.tr("connector {id}").format(id=connector), ("station", str(info.id), connector))

        def group(g, depth: int) -> None:
            combo.addItem(INDENT * depth + self.tr("Charging group {name}").format(name=g.name), ("group", str(g.id), None))
            for info in groups.stations_in(g.id):
                station(info, depth + 1)
            for child in groups.children(g.id):
                group(child, depth + 1)

        for top in groups.top_groups(ctx):
            group(top, 0)
        if ctx.sees_station(None):
            for info in groups.stations_in(None):
                station(info, 0)

    def target(self) -> dict:
        kind, target_id, connector = self.ui.targetCombo.currentData()
        if kind == "group":
            return {"group_id": UUID(target_id)}
        return {"station_id": UUID(target_id), "connector_id": connector}

    def choose(self, **target) -> bool:
        """Select a place in the combo: group_id=…, or station_id=… (with connector_id=…)."""
        combo = self.ui.targetCombo
        for i in range(combo.count()):
            kind, target_id, connector = combo.itemData(i)
            if ("group_id" in target and kind == "group" and target_id == str(target["group_id"])) or (
                    kind == "station" and target_id == str(target.get("station_id"))
                    and connector == target.get("connector_id")):
                combo.setCurrentIndex(i)
                return True
        return False

    # -- the assignments ------------------------------------------------------------------------------------------
    def rows(self) -> list[AssignmentRow]:
        if self.group is None:
            return []
        return sorted((a for a in self.services.tariffs.list_assignments(self.operator())
                       if a.tariff_group_id == self.group.id), key=lambda a: place_of(self.services.tariffs, a))

    def refresh(self) -> None:
        ui, tariffs = self.ui, self.services.tariffs
        rows = self.rows()
        table = ui.assignmentsTable
        table.setRowCount(len(rows))
        for r, a in enumerate(rows):
            where = place_of(tariffs, a)
            if a.station_id is None:
                covers = self.tr("its stations and every subgroup's, unless they have their own")
            elif a.connector_id is None:
                covers = self.tr("every connector of the station, unless it has its own")
            else:
                covers = self.tr("this connector")
            for c, text in enumerate((where, covers)):
                item = QTableWidgetItem(text)
                item.setData(ID, a.id)
                table.setItem(r, c, item)
        if self.group is None:
            ui.assignmentsHelp.setText(self.tr("Save the group first; then assign it here."))
        elif not self.can_assign:
            ui.assignmentsHelp.setText(self.tr("Only administrators assign tariff groups."))
        else:
            ui.assignmentsHelp.setText(self.tr("Saved at once. A place has one tariff group: assigning this one replaces "
                                               "the one it had. Sessions that already started keep their prices."))
        self.update_buttons()

    def selected(self) -> UUID | None:
        rows = self.ui.assignmentsTable.selectionModel().selectedRows()
        return self.ui.assignmentsTable.item(rows[0].row(), 0).data(ID) if rows else None

    def update_buttons(self) -> None:
        ui, usable = self.ui, self.group is not None and self.can_assign
        ui.targetCombo.setEnabled(usable and ui.targetCombo.count() > 0)
        ui.assignButton.setEnabled(usable and ui.targetCombo.count() > 0)
        ui.removeAssignmentButton.setEnabled(usable and self.selected() is not None)

    def assign(self) -> None:
        if self.group is None or self.ui.targetCombo.currentData() is None:
            return
        self._run(self.services.tariffs.assign(self.operator(), self.group.id, **self.target()), "assigning")

    def remove(self) -> None:
        assignment_id = self.selected()
        if assignment_id is not None:
            self._run(self.services.tariffs.unassign(self.operator(), assignment_id), "removing an assignment")

    def _run(self, coro, what: str) -> None:
        self.ui.assignmentError.hide()
        self.ui.assignButton.setEnabled(False)
        run_task(coro, on_done=lambda _r: self.refresh(), on_error=self._failed, owner=self.parent(),
                 what=f"{what} a tariff group", cancel_with_owner=False)

    def _failed(self, exc: BaseException) -> None:
        self.ui.assignmentError.setText(str(exc) if isinstance(exc, EvdeskError) else self.tr("Failed ({error}). Try again.").format(error=exc))
        self.ui.assignmentError.show()
        self.refresh()
