"""Issue 17: the Circuits page — the tree, the editor with its errors, a new circuit saved through
the service, and the live view drawn from LoadAllocated (allowed and drawn per phase, sessions)."""

from __future__ import annotations

from evdesk.core import events as ev
from evdesk.core.clock import utcnow
from evdesk.core.load.controller import snapshot
from evdesk.gui.main_window import MainWindow
from tests.gui.circuit_screens import load_site


def tree_names(tree):
    out = []
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        out.append(top.text(0))
        out.extend("  " + top.child(j).text(0) for j in range(top.childCount()))
    return out


def test_circuits_page_tree_editor_and_live_current(qtbot, aio, services, admin):
    hall, planner, plan = aio.run(load_site(services))
    window = MainWindow(services, None, "", operator=admin)
    qtbot.addWidget(window)
    window.resize(1400, 800)
    window.show()
    window.show_page("circuits")
    page = window.page("circuits")
    ui = page.ui
    aio.wait_until(lambda: ui.circuitTree.topLevelItemCount() == 1, message="the tree did not load")
    assert tree_names(ui.circuitTree) == ["Grid connection", "  Depot hall", "  Visitor car park"]
    top = ui.circuitTree.topLevelItem(0)
    hall_item = next(top.child(j) for j in range(top.childCount()) if top.child(j).text(0) == "Depot hall")
    assert hall_item.text(2) == "11"
    ui.circuitTree.setCurrentItem(hall_item)
    assert ui.parentCombo.currentText() == "Grid connection"
    assert (ui.maxEdit.text(), ui.minEdit.text()) == ("50", "6")
    # live: the allocation arrives
    services.bus.publish(ev.LoadAllocated(snapshot(planner, plan), utcnow()))
    aio.wait_until(lambda: ui.sessionsTable.rowCount() == 11)
    states = [ui.sessionsTable.item(i, 4).text() for i in range(11)]
    assert states.count("waits: no room above the minimum") == 2
    assert "limit not applied!" in states
    assert "2 waiting for room" in ui.liveCaption.text() and "limit 50 A per phase" in ui.liveCaption.text()
    allowed = sum(float(ui.sessionsTable.item(i, 2).text()) for i in range(11))
    assert allowed > 0
    # the editor: an error next to the form, then a new circuit saved
    ui.maxEdit.setText("7000")
    page.save()
    aio.wait_until(lambda: "at most 6300 A" in ui.errorLabel.text(), message="the refusal was not shown")
    page.new_circuit()
    ui.nameEdit.setText("Workshop")
    ui.maxEdit.setText("25")
    ui.parentCombo.setCurrentIndex(ui.parentCombo.findText("Grid connection"))
    page.save()
    aio.wait_until(lambda: "  Workshop" in tree_names(ui.circuitTree), message="the new circuit is not in the tree")
    rows = aio.run(services.circuits.list(admin))
    workshop = next(r for r in rows if r.name == "Workshop")
    grid = next(r for r in rows if r.name == "Grid connection")
    assert (workshop.parent_id, workshop.max_current_a) == (grid.id, 25.0)
