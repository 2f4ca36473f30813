"""The dashboard (first page after log-in), the charging-points overview, the station's Statistics
tab and a group's statistics: what they show, the donut's filter, opening a faulted station,
what a seat remembers, a group admin's domain, and every new model under qtmodeltester."""

from __future__ import annotations

from datetime import timedelta, timezone

from PySide6.QtCore import Qt

from evdesk.core.clock import utcnow
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.core.reads import point_states as sm
from evdesk.gui.models.groups_model import GROUP
from evdesk.gui.pages.dashboard_page import DashboardPage, faults_line
from evdesk.gui.pages.overview_page import OverviewPage
from evdesk.store import models as m
from evdesk.store.aggregates import rebuild
from evdesk.store.fields import uuid7
from tests.gui.test_login_and_operators import admin_session, make_window

ROOT = SYSTEM_CONTEXT


def ocpp(dt):
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


async def seed(sv) -> dict:
    """Depot > Bay (BAY-1: connector 1 charging, 2 faulted), Office (OFF-1 available); five sessions
    in the last 7 days at BAY-1 (two failed on connector 2), one at OFF-1."""
    depot = (await sv.groups.add(ROOT, "Depot")).id
    bay = (await sv.groups.add(ROOT, "Bay", depot)).id
    office = (await sv.groups.add(ROOT, "Office")).id
    bay_st = await sv.stations.create_station("BAY-1", group_id=bay, connectors=2, ctx=ROOT)
    off_st = await sv.stations.create_station("OFF-1", group_id=office, connectors=1, ctx=ROOT)
    now = utcnow()
    for info in (bay_st, off_st):
        sv.status.connected(info)
    sv.status.status_notification(bay_st, 1, "Charging", timestamp=ocpp(now - timedelta(minutes=10)))
    sv.status.status_notification(bay_st, 2, "Faulted", "GroundFailure", timestamp=ocpp(now - timedelta(hours=1)))
    sv.status.status_notification(off_st, 1, "Available", timestamp=ocpp(now - timedelta(hours=2)))
    h = lambda n: now - timedelta(hours=n)  # noqa: E731
    rows = [(bay_st, 1, h(5), h(4), 5000, "completed", "Local"), (bay_st, 1, h(3), h(2.5), 3000, "completed", "Local"),
            (off_st, 1, h(6), h(5), 10000, "completed", "Remote"), (bay_st, 2, h(48), h(46), 0, "completed", "Other"),
            (bay_st, 2, h(20), h(20), None, "failed", "")]

    def insert():
        for n, (info, cid, start, stop, wh, state, reason) in enumerate(rows):
            m.Transaction.create(id=uuid7(), ocpp_id=500 + n, station=info.id, connector_id=cid, state=state,
                                 started_at=start, stopped_at=stop, energy_wh=wh, stop_reason=reason,
                                 meter_start_wh=0, meter_stop_wh=wh)

    await sv.store.run(insert)
    await sv.status.flush()
    await sv.batch.flush()
    await sv.store.atomic(rebuild)  # rows written behind the write path: the aggregates computed again
    return {"depot": depot, "bay": bay, "office": office, "bay_st": bay_st.id, "off_st": off_st.id}


def dashboard_of(qtbot, aio, services, session):
    window = make_window(qtbot, services, session)
    page = window.page("dashboard")
    aio.wait_until(lambda: page._loads >= 1, message="the dashboard read its figures")
    return window, page


def test_dashboard_is_the_first_page_and_shows_the_site(qtbot, aio, services, check_model):
    site = aio.run(seed(services))
    window, page = dashboard_of(qtbot, aio, services, admin_session(aio, services))
    assert window.ui.pageStack.currentWidget() is page
    check_model(page.tree_model)
    check_model(page.faults_model)
    assert page.summary_label.text().startswith(
        "2 charging stations · 3 charging points · 1 charging now · 1 in an error condition")
    assert sorted(page.tree_model.shown_station_ids()) == sorted([site["bay_st"], site["off_st"]])
    bay = page.tree_model.index_of_station(site["bay_st"])
    assert page.tree_model.index(bay.row(), 1, bay.parent()).data() == "Charging, Issue detected"
    cards = page.cards.cards
    assert cards["sessions"].value.text() == "5" and cards["energy"].value.text() == "18.00 kWh"
    assert cards["sessions"].note.text() == "— nothing to compare with"
    day = page.day_cards.cards
    assert (day["sessions"].value.text(), day["points"].value.text(), day["kwh"].value.text()) == ("4", "3", "18.00")
    assert "5 sessions" in page.chart_note.text()  # the 30-day chart: the one two days ago too
    assert [r.station_name for r in page.faults_model.rows()] == ["BAY-1"]
    assert page.faults_label.text() == "1 station: 0 offline, 1 with a fault"


def test_donut_state_filters_the_tree_and_clicking_again_clears(qtbot, aio, services, check_model):
    site = aio.run(seed(services))
    _window, page = dashboard_of(qtbot, aio, services, admin_session(aio, services))
    check_model(page.tree_model)
    assert page.donut.buttons[sm.ISSUE].text() == "Issue detected  1"
    qtbot.mouseClick(page.donut.buttons[sm.ISSUE], Qt.MouseButton.LeftButton)
    assert page.tree_model.shown_station_ids() == [site["bay_st"]] and page.filter_label.isVisible()
    qtbot.mouseClick(page.donut.buttons[sm.AVAILABLE], Qt.MouseButton.LeftButton)  # another state replaces it
    assert page.tree_model.shown_station_ids() == [site["off_st"]]
    assert page.faults_model.rows() == []  # the faults list follows the filter too
    qtbot.mouseClick(page.donut.buttons[sm.AVAILABLE], Qt.MouseButton.LeftButton)
    assert len(page.tree_model.shown_station_ids()) == 2 and not page.filter_label.isVisible()
    # live: the faulted connector recovers; with the Issue filter on, the station leaves the tree
    page.donut.choose(sm.ISSUE)
    bay = services.stations.by_id[site["bay_st"]]
    services.status.status_notification(bay, 2, "Available")
    aio.wait_until(lambda: page.tree_model.shown_station_ids() == [], message="the recovered station left the filter")
    aio.wait_until(lambda: "0 in an error condition" in page.summary_label.text())
    assert page.faults_model.rows() == []


def test_a_fault_opens_its_station_by_double_click_and_enter(qtbot, aio, services):
    site = aio.run(seed(services))
    window, page = dashboard_of(qtbot, aio, services, admin_session(aio, services))
    view = page.faults_view
    index = page.faults_model.index(0, 0)
    qtbot.waitExposed(window)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_station_panel() is not None
    assert window.current_station_panel().station_id == site["bay_st"]
    window.show_page("dashboard")
    window._close_panel()
    view.setCurrentIndex(index)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.current_station_panel().station_id == site["bay_st"]


def test_the_gear_choice_is_remembered_by_the_seat(qtbot, aio, services):
    site = aio.run(seed(services))
    _window, page = dashboard_of(qtbot, aio, services, admin_session(aio, services))
    page._fill_gear_menu()
    names = [a.text().strip() for a in page.gear_menu.actions() if a.text()]
    assert names == ["All my charging groups", "Depot", "Bay", "Office"]
    page.choose_groups([site["office"]])
    assert page.summary_label.text().startswith("1 charging station · 1 charging point · 0 charging now")
    assert page.tree_model.shown_station_ids() == [site["off_st"]]
    again = DashboardPage(services, _window)  # the next start of this seat
    assert again.chosen_groups == [site["office"]] and again.tree_model.shown_station_ids() == [site["off_st"]]
    again.detach()


def test_a_group_admin_sees_only_their_sub_tree(qtbot, aio, services):
    site = aio.run(seed(services))
    session = admin_session(aio, services, "gus", "admin", site["depot"])
    window, page = dashboard_of(qtbot, aio, services, session)
    assert page.summary_label.text().startswith("1 charging station · 2 charging points")
    assert page.tree_model.shown_station_ids() == [site["bay_st"]]
    assert page.cards.cards["sessions"].value.text() == "4"  # the Office's session is not theirs
    assert page.day_cards.cards["kwh"].value.text() == "8.00"
    assert sum(services.dashboard.status_summary(window.current_operator()).by_state.values()) == 2
    window.show_page("overview")
    overview = window.page("overview")
    aio.wait_until(lambda: overview.model.rowCount() == 2)
    assert {r.identity for r in overview.model.rows()} == {"BAY-1"}


def test_overview_sorts_filters_and_remembers(qtbot, aio, services, check_model):
    site = aio.run(seed(services))
    window = make_window(qtbot, services, admin_session(aio, services))
    window.show_page("overview")
    page = window.page("overview")
    check_model(page.model)
    aio.wait_until(lambda: page.model.rowCount() == 3 and page.count_label.text() == "3 charging points")
    first = page.model.rows()[0]
    assert (first.identity, first.connector_id, first.error_rate) == ("BAY-1", 2, 100.0)
    assert page.model.index(0, 7).data() == "100 %"
    page.state_combo.setCurrentIndex(page.state_combo.findData(sm.AVAILABLE))
    aio.wait_until(lambda: [r.identity for r in page.model.rows()] == ["OFF-1"])
    page.show_column("model", False)
    page._header_clicked(0)  # by station, A–Z
    aio.wait_until(lambda: page.model.filter.sort == "station")
    again = OverviewPage(services, window)
    assert again.model.filter.states == (sm.AVAILABLE,) and again.model.filter.sort == "station"
    assert "model" in again.hidden_columns() and again.state_combo.currentData() == sm.AVAILABLE
    again.reset_filters()
    aio.wait_until(lambda: again.model.rowCount() == 3)
    again.detach()
    # double-click opens the station
    page.reset_filters()
    aio.wait_until(lambda: page.model.rowCount() == 3)
    page._activated(page.model.index(0, 0))
    assert window.current_station_panel().station_id == site["bay_st"]


def test_station_statistics_tab_and_group_statistics(qtbot, aio, services, check_model):
    site = aio.run(seed(services))
    window = make_window(qtbot, services, admin_session(aio, services))
    panel = window.open_station(site["bay_st"])
    aio.wait_until(lambda: panel.day_figures_read >= 1)
    assert "<b>3</b> charging events · <b>2</b> charging points · <b>8.00</b> kWh" in panel.day_label.text()
    view = panel.show_statistics()
    check_model(view.model)
    aio.wait_until(lambda: view.loaded is not None)
    assert [view.model.index(r, 0).data() for r in range(2)] == ["Connector 1", "Connector 2"]
    assert view.model.index(1, 4).data() == "100 %" and view.model.index(0, 4).data() == "0 %"
    assert view.model.index(1, 5).data() == "2 / 2"
    assert view.cards.cards["errors"].value.text() == "50 %"
    view.show_days(30)
    aio.wait_until(lambda: view.loaded.days == 30)
    window.show_page("groups")
    groups = window.page("groups")
    assert groups.select(GROUP, site["depot"])
    stats = groups.statistics
    aio.wait_until(lambda: stats.loaded is not None and stats.loaded.total.sessions == 4)
    assert [stats.model.index(r, 0).data() for r in range(stats.model.rowCount())] == ["BAY-1"]


def test_faults_line_counts_in_words():
    assert faults_line(0, 0) == "No station is offline or faulted."
    assert faults_line(3, 1) == "3 stations: 1 offline, 2 with a fault"


def test_a_status_change_repaints_its_station_not_the_tree(qtbot, aio, services):
    site = aio.run(seed(services))
    _window, page = dashboard_of(qtbot, aio, services, admin_session(aio, services))
    model = page.tree_model
    resets, changes = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda first, last, roles=(): changes.append((first.data(), last.data())))
    off = services.stations.by_id[site["off_st"]]
    for status in ("Preparing", "Charging", "SuspendedEV", "Charging"):  # a burst: one redraw
        services.status.status_notification(off, 1, status)
    aio.wait_until(lambda: changes, message="the station's row was repainted")
    assert resets == [] and [first for first, _last in changes] == ["OFF-1"]  # one repaint of its row
    aio.wait_until(lambda: "2 charging now" in page.summary_label.text())
    assert page.donut.buttons[sm.CHARGING].text() == "Charging  2"
