"""The universal search at the desk (Ctrl+K): typing shows hits grouped by kind, the keyboard
alone chooses and opens one, an operator finds only their domain."""

from __future__ import annotations

from PySide6.QtCore import Qt

from evdesk.core.permissions import BASIC, SYSTEM_CONTEXT, OperatorContext
from evdesk.gui.main_window import MainWindow
from evdesk.gui.widgets.search_popup import HIT_ROLE

ROOT = SYSTEM_CONTEXT


def make_window(qtbot, services, operator):
    window = MainWindow(services, None, "", operator=operator)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    return window


def type_and_wait(qtbot, popup, text):
    with qtbot.waitSignal(popup.resultsShown, timeout=5000):
        popup.edit.clear()
        qtbot.keyClicks(popup.edit, text)


def rows(popup):
    return [popup.results.item(i).text().strip() for i in range(popup.results.count())]


def test_keyboard_only_search_opens_the_station_panel(qtbot, aio, services, admin):
    depot = aio.run(services.groups.add(ROOT, "Depot"))
    one = aio.run(services.stations.create_station("CP-ALPHA-1", group_id=depot.id, connectors=1, ctx=ROOT))
    two = aio.run(services.stations.create_station("CP-ALPHA-2", group_id=depot.id, connectors=1, ctx=ROOT))
    window = make_window(qtbot, services, admin)
    window.activateWindow()
    qtbot.waitActive(window)
    window.ui.navList.setFocus()
    # through the window system (as a real key press), where Qt matches shortcuts
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    aio.pump(0.05)
    popup = window.search_popup
    assert popup is not None and popup.isVisible()
    type_and_wait(qtbot, popup, "alpha")
    assert rows(popup)[0] == "Charging stations"  # the kind's heading, then its hits
    assert [popup.results.item(i).data(HIT_ROLE).id for i in (1, 2)] == [one.id, two.id]
    assert popup.current_hit().id == one.id  # the first hit is chosen at once
    qtbot.keyClick(popup.edit, Qt.Key.Key_Down)
    assert popup.current_hit().id == two.id
    qtbot.keyClick(popup.edit, Qt.Key.Key_Down)  # the end: stays
    assert popup.current_hit().id == two.id
    qtbot.keyClick(popup.edit, Qt.Key.Key_Up)
    qtbot.keyClick(popup.edit, Qt.Key.Key_Up)  # the heading is skipped: stays on the first hit
    assert popup.current_hit().id == one.id
    qtbot.keyClick(popup.edit, Qt.Key.Key_Down)
    qtbot.keyClick(popup.edit, Qt.Key.Key_Return)
    assert not popup.isVisible()
    panel = window.current_station_panel()
    assert panel is not None and panel.station_id == two.id
    assert window.ui.pageStack.currentWidget() is panel
    # Esc closes without opening anything
    window.show_search()
    qtbot.keyClick(popup.edit, Qt.Key.Key_Escape)
    assert not popup.isVisible() and window.current_station_panel().station_id == two.id


def test_the_popup_shows_only_the_domain(qtbot, aio, services):
    depot = aio.run(services.groups.add(ROOT, "Depot"))
    office = aio.run(services.groups.add(ROOT, "Office"))
    aio.run(services.stations.create_station("CP-DEPOT", group_id=depot.id, connectors=1, ctx=ROOT))
    aio.run(services.stations.create_station("CP-OFFICE", group_id=office.id, connectors=1, ctx=ROOT))
    ctx = services.groups.fresh(OperatorContext(None, "depot-op", BASIC, base_group_id=depot.id))
    window = make_window(qtbot, services, ctx)
    popup = window.show_search()
    type_and_wait(qtbot, popup, "CP-")
    assert rows(popup) == ["Charging stations", "CP-DEPOT"]
    type_and_wait(qtbot, popup, "office")
    assert rows(popup) == ["Nothing found."]
