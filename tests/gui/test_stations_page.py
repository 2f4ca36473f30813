"""The Stations page and the main window around it, through the real services."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.gui.main_window import MainWindow
from evdesk.gui.models import stations_model as sm
from evdesk.gui.models.base import Roles
from tests.gui.screens import seed_site


def make_window(qtbot, services, operator, central=None, address="ws://127.0.0.1:9000/"):
    window = MainWindow(services, central, address, operator=operator)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return window


def visible_ids(page):
    return [page.proxy.index(r, 0).data(Roles.RowId) for r in range(page.proxy.rowCount())]


def test_table_shows_stations_with_group_status_and_local_time(qtbot, aio, services, admin):
    site = aio.run(seed_site(services))
    window = make_window(qtbot, services, admin)
    page = window.page("stations")
    aio.wait_until(lambda: page.model.data(page.model.index(page.model.row_of(site["depot1"]), sm.COL_GROUP)) == "Depot North")
    row = page.model.row_of(site["depot1"])
    cell = lambda col: page.model.index(row, col).data()  # noqa: E731
    assert cell(sm.COL_NAME) == "Depot bay 1-2"
    assert cell(sm.COL_IDENTITY) == "DEPOT-AC-01"
    assert cell(sm.COL_CONNECTORS) == "2"
    assert cell(sm.COL_FIRMWARE) == "1.8.4"
    assert cell(sm.COL_CONNECTION) == "Online"
    assert cell(sm.COL_CONNECTOR_STATUS) == "1: Charging · 2: Available"
    assert cell(sm.COL_LAST_SEEN).startswith("today ")
    header = page.model.headerData(sm.COL_LAST_SEEN, Qt.Orientation.Horizontal)
    assert header == "Last seen\n(Europe/Helsinki)"  # the site's zone, named
    # offline rows are greyed
    visitor_row = page.model.row_of(site["visitor"])
    assert page.model.index(visitor_row, sm.COL_NAME).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert window.online_label.text() == "3 of 5 stations online"
    assert "ws://127.0.0.1:9000/" in window.server_label.text()


def test_status_bar_counts_online_stations_live(qtbot, aio, services, admin):
    site = aio.run(seed_site(services))
    window = make_window(qtbot, services, admin)
    depot2 = services.stations.get_by_id(site["depot2"])
    services.status.disconnected(depot2)
    aio.wait_until(lambda: window.online_label.text() == "2 of 5 stations online")
    services.status.connected(depot2)
    aio.wait_until(lambda: window.online_label.text() == "3 of 5 stations online")


def test_search_and_filters(qtbot, aio, services, admin):
    site = aio.run(seed_site(services))
    page = make_window(qtbot, services, admin).page("stations")
    qtbot.keyClicks(page.ui.searchEdit, "visitor")
    assert visible_ids(page) == [site["visitor"]]
    page.ui.searchEdit.clear()
    page.ui.connectionCombo.setCurrentIndex(page.ui.connectionCombo.findData("online"))
    assert set(visible_ids(page)) == {site["depot1"], site["depot2"], site["pending"]}
    assert page.ui.countLabel.text() == "Showing 3 of 5 stations"
    page.ui.connectionCombo.setCurrentIndex(0)
    assert page.ui.pendingBanner.isVisibleTo(page)
    qtbot.mouseClick(page.ui.showPendingButton, Qt.MouseButton.LeftButton)
    assert visible_ids(page) == [site["pending"]]


def test_add_station_shows_core_validation_next_to_the_field(qtbot, aio, services, admin):
    aio.run(seed_site(services))
    page = make_window(qtbot, services, admin).page("stations")
    dialog = page.add_station()
    aio.wait_until(lambda: dialog.ui.groupCombo.count() == 3)  # "(no group)" + two groups
    dialog.ui.identityEdit.setText("bad/name")
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    aio.wait_until(lambda: dialog.ui.identityError.isVisibleTo(dialog))
    assert dialog.ui.identityError.text() == "Identifier contains forbidden characters."
    assert dialog.isVisible()

    dialog.ui.identityEdit.setText("DEPOT-AC-01")
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    aio.wait_until(lambda: dialog.ui.identityError.text() == "Charging station already exists for that identifier.")

    dialog.ui.identityEdit.setText("GATE-02")
    dialog.ui.nameEdit.setText("Gate charger")
    dialog.ui.groupCombo.setCurrentIndex(2)
    dialog.ui.connectorsSpin.setValue(1)
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    aio.wait_until(lambda: not dialog.isVisible())
    info = services.stations.get("GATE-02")
    assert info.name == "Gate charger" and len(info.connectors) == 1
    assert page.selected_station_id() == info.id  # the new row is selected
    assert page.model.rowCount() == 6


def test_adopt_and_reject_pending_stations(qtbot, aio, services, admin):
    site = aio.run(seed_site(services))
    page = make_window(qtbot, services, admin).page("stations")
    page.show_pending()
    assert page.select_station(site["pending"])
    assert page.ui.adoptButton.isEnabled() and page.ui.rejectButton.isEnabled()
    dialog = page.adopt_selected()
    aio.wait_until(lambda: dialog.ui.groupCombo.count() == 3)
    assert dialog.ui.identityEdit.isReadOnly() and dialog.ui.identityEdit.text() == "EVB-7781-X"
    dialog.ui.nameEdit.setText("Loading dock")
    assert dialog.select_group(site["groups"][1])
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    aio.wait_until(lambda: services.stations.get_by_id(site["pending"]).registration == "adopted")
    info = services.stations.get_by_id(site["pending"])
    assert info.name == "Loading dock" and info.group_id == site["groups"][1]
    aio.wait_until(lambda: visible_ids(page) == [])  # no longer pending
    aio.wait_until(lambda: not page.ui.pendingBanner.isVisibleTo(page))

    aio.run(services.stations.create_station("UNKNOWN-9", connectors=0, registration="pending", ctx=SYSTEM_CONTEXT))
    unknown = services.stations.get("UNKNOWN-9")
    assert page.select_station(unknown.id)
    page.reject_selected()
    aio.wait_until(lambda: services.stations.get_by_id(unknown.id).registration == "rejected")
    assert page.model.index(page.model.row_of(unknown.id), sm.COL_NAME).data().endswith("(rejected)")


def test_double_click_opens_station_panel_and_back(qtbot, aio, services, admin):
    site = aio.run(seed_site(services))
    window = make_window(qtbot, services, admin)
    page = window.page("stations")
    assert page.select_station(site["depot1"])
    index = page.ui.stationsTable.selectionModel().selectedRows()[0]
    qtbot.waitExposed(window)
    rect = page.ui.stationsTable.visualRect(index)
    qtbot.mouseClick(page.ui.stationsTable.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.ui.stationsTable.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    panel = window.current_station_panel()
    assert panel is not None and panel.station_id == site["depot1"]
    assert window.ui.pageStack.currentWidget() is panel
    qtbot.mouseClick(panel.ui.backButton, Qt.MouseButton.LeftButton)
    assert window.ui.pageStack.currentWidget() is page
    assert window.current_station_panel() is None


def test_columns_widen_for_a_changed_station_measuring_only_its_row(qtbot, aio, services, admin):
    """A renamed station widens the name column; the fit after a change measures the changed rows
    only (a booting fleet changes rows all the time: measuring every row stalled the loop)."""
    site = aio.run(seed_site(services))
    for n in range(40):
        aio.run(services.stations.create_station(f"FIT-{n:02d}", ctx=SYSTEM_CONTEXT))
    window = make_window(qtbot, services, admin)
    page = window.page("stations")
    table = page.ui.stationsTable
    aio.wait_until(lambda: page.model.row_of(services.stations.get("FIT-39").id) >= 0)
    page._fit.flush()
    narrow = table.columnWidth(sm.COL_NAME)
    long_name = "Wallbox at the far end of the north hall, behind the spare tyres"
    info = services.stations.get_by_id(site["depot1"])
    aio.run(services.stations.update_station(info.id, info.version, name=long_name, ctx=SYSTEM_CONTEXT))
    row = page.model.row_of(site["depot1"])
    aio.wait_until(lambda: page.model.index(row, sm.COL_NAME).data() == long_name)
    aio.wait_until(lambda: table.columnWidth(sm.COL_NAME) > narrow)
    assert page.last_fit_rows == 1
