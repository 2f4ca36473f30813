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


def test_each_kind_of_hit_opens_its_place(qtbot, aio, services, admin):
    from PySide6.QtWidgets import QApplication

    from evdesk.core.locations import LocationInput
    from evdesk.core.people_types import TokenInput, UserInput
    from evdesk.core.reads.search import GROUP, LOCATION, SESSION, TOKEN, USER
    from evdesk.gui.dialogs.session_dialog import SessionDialog
    from evdesk.gui.dialogs.user_dialog import UserDialog

    depot = aio.run(services.groups.add(ROOT, "Depot"))
    station = aio.run(services.stations.create_station("CP-ROUTE", group_id=depot.id, connectors=1, ctx=ROOT))
    user = aio.run(services.people.users.create(ROOT, UserInput("Rita", "Route", "rita@route.example"),
                                                [TokenInput("TAG-RITA")], home_group_id=depot.id))
    aio.run(services.locations.create(ROOT, LocationInput("Route yard", group_id=depot.id)))
    tx = aio.run(services.transactions.start(station, 1, "TAG-RITA", 0, "2026-01-01T10:00:00Z"))
    aio.run(services.batch.flush())
    window = make_window(qtbot, services, admin)

    def first_hit(text, kind):
        popup = window.show_search()
        type_and_wait(qtbot, popup, text)
        hit = next(h for h in popup.last_result.flat() if h.kind == kind)
        popup.close()
        return hit

    window.open_search_hit(first_hit("rita@", USER))
    page = window.page("users")
    assert window.ui.pageStack.currentWidget() is page
    assert isinstance(page.dialog, UserDialog) and page.dialog.user_id == user.id
    page.dialog.close()

    window.open_search_hit(first_hit("TAG-RITA", TOKEN))
    tokens = window.page("tokens")
    assert window.ui.pageStack.currentWidget() is tokens
    aio.wait_until(lambda: tokens.selected() is not None and tokens.selected().uid == "TAG-RITA")

    window.open_search_hit(first_hit("route y", LOCATION))
    locations = window.page("locations")
    aio.wait_until(lambda: locations.selected() is not None and locations.selected().name == "Route yard")

    window.open_search_hit(first_hit("depot", GROUP))
    assert window.page("groups").selected() == ("group", depot.id)

    window.open_search_hit(first_hit(str(tx.ocpp_id), SESSION))
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, SessionDialog) and w.isVisible()]
    assert len(dialogs) == 1
    dialogs[0].close()
