"""The seat's side of notifications: the badge on Stations and the tray message (clickable to the
station), the rules editor (field errors, saving), the mail log with a failed mail's answer; a
group admin sees and counts only her domain."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from evdesk.core.notifications import cases as c
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.core.services import Services
from evdesk.gui.models import notifications_model as nm
from evdesk.gui.widgets.fault_alerts import BADGE_ROLE
from evdesk.settings import SiteSettings
from evdesk.store import models as m
from evdesk.store.database import Store
from tests.gui.test_login_and_operators import admin_session, make_window
from tests.manual_clock import ManualClock


@pytest.fixture
def clock():
    return ManualClock()


@pytest.fixture
def services(aio, tmp_path, clock, smtp_server):
    store = Store.sqlite(tmp_path / "site.db")
    store.open()
    settings = SiteSettings(site_timezone="Europe/Helsinki", post_boot_quiet_seconds=0.0, smtp_host="127.0.0.1",
                            smtp_port=smtp_server.port, smtp_security="none", smtp_from="evdesk@depot.example")
    svc = Services(store, settings, clock=clock, notification_tick=3600)  # ticked by the test
    aio.run(svc.start(load_settings=False))
    svc.test_groups = [aio.run(svc.groups.add(SYSTEM_CONTEXT, name)) for name in ("North", "South")]
    for identity, group in (("CP-N1", 0), ("CP-N2", 0), ("CP-S1", 1)):
        aio.run(svc.stations.create_station(identity, f"Charger {identity[-2:]}", svc.test_groups[group].id,
                                            ctx=SYSTEM_CONTEXT))
    yield svc
    aio.run(svc.stop())
    store.close()


def fault(services, identity, status="Faulted", code="GroundFailure"):
    services.status.status_notification(services.stations.get(identity), 1, status, code)


def tick(aio, services, clock, seconds):
    clock.advance(seconds)
    services.notifications.watch.tick()
    aio.run(services.notifications.watch.idle())


def badge(window):
    return window.nav_item("stations").data(BADGE_ROLE)


def test_badge_counts_faulted_stations_and_the_tray_message_opens_the_station(qtbot, aio, services, clock):
    window = make_window(qtbot, services, admin_session(aio, services))
    alerts = window.fault_alerts
    assert badge(window) == 0
    fault(services, "CP-N1")
    fault(services, "CP-S1", code="HighTemperature")
    tick(aio, services, clock, 30)
    assert badge(window) == 0 and alerts.last_message is None  # not yet past the settle time
    tick(aio, services, clock, 31)
    aio.wait_until(lambda: badge(window) == 2)
    assert "2 stations with an open fault" in window.nav_item("stations").toolTip()
    title, text, station_id = alerts.last_message
    assert title in ("Fuse tripped: Charger N1", "Sensor fault: Charger S1") and "Click to open the station" in text
    alerts.tray.messageClicked.emit()
    assert window.current_station_panel() is not None and window.current_station_panel().station_id == station_id
    fault(services, "CP-N2", code="OtherError")  # a flap: Faulted for 20 s
    tick(aio, services, clock, 20)
    fault(services, "CP-N2", status="Available", code="NoError")
    tick(aio, services, clock, 61)
    fault(services, "CP-S1", status="Available", code="NoError")
    tick(aio, services, clock, 61)
    aio.wait_until(lambda: badge(window) == 1)


def test_a_group_admin_counts_and_hears_of_her_domain_only(qtbot, aio, services, clock):
    north = services.test_groups[0].id
    window = make_window(qtbot, services, admin_session(aio, services, "nora", "admin", north))
    fault(services, "CP-S1")
    tick(aio, services, clock, 61)
    aio.wait_until(lambda: services.notifications.open_fault_count(SYSTEM_CONTEXT) == 1)
    assert badge(window) == 0 and window.fault_alerts.last_message is None
    fault(services, "CP-N2")
    tick(aio, services, clock, 61)
    aio.wait_until(lambda: badge(window) == 1)
    assert window.fault_alerts.last_message[0] == "Fuse tripped: Charger N2"


def test_rules_editor_errors_next_to_fields_then_saves(qtbot, aio, services, check_model):
    window = make_window(qtbot, services, admin_session(aio, services))
    window.show_page("notifications")
    page = window.page("notifications")
    check_model(page.model)
    check_model(page.log_model)
    assert "No notification rules" in page.ui.stateLabel.text()
    dialog = page.add_rule()
    ui = dialog.ui
    ui.nameEdit.setText("North faults")
    ui.groupCombo.setCurrentIndex(ui.groupCombo.findData(str(services.test_groups[0].id)))
    ui.emailsEdit.setPlainText("ops at depot")
    qtbot.mouseClick(ui.buttonBox.button(ui.buttonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    aio.wait_until(lambda: ui.recipientsError.text() != "")
    assert ui.recipientsError.text().startswith("Problem with email address.")
    ui.emailsEdit.setPlainText("ops@depot.example\ntech@depot.example")
    for box in dialog.case_checks.values():
        box.setChecked(False)
    qtbot.mouseClick(ui.buttonBox.button(ui.buttonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    aio.wait_until(lambda: ui.casesError.text() != "")
    assert ui.recipientsError.text() == "" and "at least one case" in ui.casesError.text()
    ui.fuseCheck.setChecked(True)
    ui.recoveryCheck.setChecked(True)
    ui.recoverySpin.setValue(20)
    qtbot.mouseClick(ui.buttonBox.button(ui.buttonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    aio.wait_until(lambda: page.model.rowCount() == 1)
    rule = services.notifications.rules.list(SYSTEM_CONTEXT)[0]
    assert (rule.cases, rule.emails, rule.recovery_minutes) == (frozenset({c.FUSE_TRIPPED}),
                                                                ("ops@depot.example", "tech@depot.example"), 20)
    index = page.model.index(0, nm.COL_STATIONS)
    assert page.model.data(index) == "group North and its subgroups"
    assert page.model.data(page.model.index(0, nm.COL_RECOVERY)) == "after 20 min Faulted"


def test_the_mail_log_shows_sent_and_failed_mails(qtbot, aio, services, clock, smtp_server):
    smtp_server.collector.refuse = {"gone@depot.example"}
    aio.run(services.notifications.rules.create(SYSTEM_CONTEXT, {
        "name": "Everything", "emails": ["ops@depot.example", "gone@depot.example"], "cases": list(c.CASES)}))
    window = make_window(qtbot, services, admin_session(aio, services))
    window.show_page("notifications")
    page = window.page("notifications")
    fault(services, "CP-N1")
    tick(aio, services, clock, 61)
    aio.wait_until(lambda: page.log_model.rowCount() == 2)
    rows = {r.to: r for r in page.log_model.rows()}
    failed = page.log_model.row_of(rows["gone@depot.example"].id)
    assert page.log_model.data(page.log_model.index(failed, nm.LOG_OUTCOME)) == "Failed"
    assert "550 5.1.1 mailbox unavailable" in page.log_model.data(page.log_model.index(failed, nm.LOG_ANSWER))
    assert page.log_model.data(page.log_model.index(failed, nm.LOG_STATION)) == "Charger N1 (CP-N1)"
    assert page.log_model.data(page.log_model.index(failed, nm.LOG_TIME)).startswith("2026-11-30 14:01")
    assert aio.run(services.store.read(lambda: m.NotificationMail.select().count())) == 2


def test_a_rule_saved_elsewhere_shows_up(qtbot, aio, services):
    window = make_window(qtbot, services, admin_session(aio, services))
    page = window.page("notifications")
    assert page.model.rowCount() == 0
    aio.run(services.notifications.rules.create(SYSTEM_CONTEXT, {  # the API, or another seat's change
        "name": "From the API", "emails": ["ops@depot.example"], "cases": [c.SENSOR]}))
    aio.wait_until(lambda: page.model.rowCount() == 1)


def test_basic_operators_do_not_see_the_notifications_page(qtbot, aio, services):
    window = make_window(qtbot, services, admin_session(aio, services, "bob", "basic"))
    assert window.nav_item("notifications").isHidden()
    assert not window.nav_item("stations").isHidden()
