"""The Charging groups page: the tree model (qtmodeltester), counts, live moves, refusals."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.gui.models.groups_model import GROUP, ORPHANS_LABEL, STATION
from tests.gui.screens import seed_site
from tests.gui.test_login_and_operators import admin_session, make_window


def rows(model, parent=QModelIndex()):
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def test_tree_counts_moves_and_refusals(qtbot, aio, services, check_model):
    site = aio.run(seed_site(services))
    north, visitors = site["groups"]
    window = make_window(qtbot, services, admin_session(aio, services))
    window.show_page("groups")
    page = window.page("groups")
    model = page.model
    check_model(model)
    assert rows(model) == ["Depot North", "Visitor car park", ORPHANS_LABEL]
    north_index = model.index(0, 0)
    assert model.index(0, 1).data() == "3" and model.index(0, 2).data() == "5"
    assert len(rows(model, north_index)) == 3
    # a subgroup appears in place, and the counts follow
    bays = aio.run(services.groups.add(SYSTEM_CONTEXT, "Bays", north))
    aio.wait_until(lambda: "Bays" in rows(model, model.index(0, 0)))
    aio.run(services.groups.assign_stations(SYSTEM_CONTEXT, bays.id, [site["depot1"]]))
    aio.wait_until(lambda: len(rows(model, model.index_of(GROUP, bays.id))) == 1)
    assert model.index(0, 1).data() == "3"  # still three: subgroups count in
    # move the visitor group under North by dragging it there
    data = model.mimeData([model.index_of(GROUP, visitors)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, model.index_of(GROUP, north)) is False
    aio.wait_until(lambda: rows(model) == ["Depot North", ORPHANS_LABEL])
    assert "Visitor car park" in rows(model, model.index(0, 0)) and model.index(0, 1).data() == "4"
    # dropping North under its own subgroup is refused, in words
    data = model.mimeData([model.index_of(GROUP, north)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, model.index_of(GROUP, bays.id))
    aio.wait_until(lambda: "cannot be moved under itself" in page.ui.stateLabel.text())
    # deleting a group with stations is refused; an empty one goes
    assert page.select(GROUP, bays.id)
    page.delete_selected()
    aio.wait_until(lambda: "holds charging stations" in page.ui.stateLabel.text())
    assert page.select(STATION, site["depot1"]) and page.ui.removeStationButton.isEnabled()
    page.remove_selected_station()
    aio.wait_until(lambda: len(rows(model, model.index_of(GROUP, bays.id))) == 0)
    assert page.select(GROUP, bays.id)
    page.delete_selected()
    aio.wait_until(lambda: "Bays" not in rows(model, model.index(0, 0)))
    assert page.select(STATION, site["depot1"])  # now under "Stations without a group"


def test_add_dialog_and_a_basic_operator(qtbot, aio, services):
    site = aio.run(seed_site(services))
    north = site["groups"][0]
    window = make_window(qtbot, services, admin_session(aio, services, "bo", "basic", north))
    page = window.page("groups")
    assert rows(page.model) == ["Depot North"]  # the domain only, no orphans
    assert page.ui.addButton.isEnabled()
    dialog = page.open_dialog("add")
    dialog.ui.nameEdit.setText("Yard")
    assert dialog.ui.parentCombo.currentData() == north  # a basic operator must give a parent
    qtbot.mouseClick(dialog.ui.okButton, Qt.MouseButton.LeftButton)
    aio.wait_until(lambda: "Yard" in rows(page.model, page.model.index(0, 0)))
    analyst = make_window(qtbot, services, admin_session(aio, services, "an", "analyst", north))
    assert not analyst.page("groups").ui.addButton.isEnabled()
    assert not (analyst.page("groups").model.flags(analyst.page("groups").model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled)
