"""Issue 17: the Circuits page — the tree, the editor with its errors, a new circuit saved through
the service, and the live view drawn from LoadAllocated (allowed and drawn per phase, sessions)."""

from __future__ import annotations

from PySide6.QtCore import QTime

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


def test_circuits_page_assigns_stations_and_edits_limits_by_time_of_day(qtbot, aio, services, admin):
    from evdesk.core.hardware_rules import ConnectorSpec, EvseSpec
    from evdesk.core.load.circuit_rules import CircuitInput
    from evdesk.core.permissions import SYSTEM_CONTEXT as ROOT

    async def setup():
        hall = await services.circuits.create(ROOT, CircuitInput("Hall", 63))
        info = await services.stations.create_station("SPARE-01", "Workshop charger", connectors=1, ctx=ROOT)
        details = await services.station_details.details(ROOT, info.id)
        await services.station_details.save(ROOT, info.id, details.version, evses=[
            EvseSpec(1, "AC", 7_400, 1, "L2", "", "", (ConnectorSpec(1, "Type2"),))])
        return hall, info
    hall, info = aio.run(setup())
    window = MainWindow(services, None, "", operator=admin)
    qtbot.addWidget(window)
    window.show()
    window.show_page("circuits")
    ui = window.page("circuits").members.ui
    spare = str(info.id)
    aio.wait_until(lambda: ui.stationCombo.findData(spare) >= 0, message="the free station is not offered")
    ui.stationCombo.setCurrentIndex(ui.stationCombo.findData(spare))
    ui.stationMaxSpin.setValue(20)
    ui.stationPrioritySpin.setValue(3)
    ui.putButton.click()
    aio.wait_until(lambda: ui.stationsTable.rowCount() == 1, message="the station was not put on the circuit")
    assert [ui.stationsTable.item(0, j).text() for j in range(4)] == ["Workshop charger", "EVSE 1: 1 ph on L2", "20", "3"]
    on = aio.run(services.circuits.stations_on(admin, hall.id))
    assert [(r.station_id, r.max_current_a, r.priority) for r in on] == [(info.id, 20.0, 3)]
    aio.wait_until(lambda: ui.stationCombo.findData(spare) < 0, message="a station on a circuit is still offered")
    # limits by time of day: one refused next to the editor, one added, then deleted
    ui.limitSpin.setMaximum(10_000)
    ui.limitSpin.setValue(80)
    ui.addScheduleButton.click()
    aio.wait_until(lambda: "at most the circuit's max current (63 A)" in ui.scheduleError.text(),
                   message="the refusal was not shown")
    ui.fromEdit.setTime(QTime(7, 0))
    ui.toEdit.setTime(QTime(18, 0))
    ui.limitSpin.setValue(40)
    ui.addScheduleButton.click()
    aio.wait_until(lambda: ui.scheduleTable.rowCount() == 1, message="the limit was not added")
    assert [ui.scheduleTable.item(0, j).text() for j in range(3)] == ["07:00", "18:00", "40"]
    schedules = aio.run(services.circuits.schedules(admin, hall.id))
    assert [(s.start_minute, s.end_minute, s.max_current_a) for s in schedules] == [(420, 1080, 40.0)]
    aio.wait_until(lambda: ui.stationsTable.rowCount() == 1 and ui.scheduleTable.rowCount() == 1)
    ui.scheduleTable.setCurrentCell(0, 0)
    ui.deleteScheduleButton.click()
    aio.wait_until(lambda: ui.scheduleTable.rowCount() == 0, message="the limit was not deleted")
    # every change reloads the page (the tree is rebuilt): wait for the circuit's stations to be back
    aio.wait_until(lambda: ui.stationsTable.rowCount() == 1, message="the circuit's stations did not come back")
    ui.stationsTable.setCurrentCell(0, 0)
    ui.removeButton.click()
    aio.wait_until(lambda: ui.stationsTable.rowCount() == 0 and ui.stationCombo.findData(spare) >= 0,
                   message=f"the station was not taken off: {ui.stationError.text()!r} {ui.stationsTable.currentRow()}")
