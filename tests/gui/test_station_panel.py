"""The Station panel: live header and cards, logs, and commands end to end
against the real OCPP server and the built-in simulator."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt

from evdesk.core.clock import utcnow
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.csms.server import CentralSystem
from evdesk.simulator import SimulatedStation
from evdesk.gui.asyncutil import running_tasks
from evdesk.gui.commands import COMMANDS
from evdesk.gui.main_window import MainWindow
from tests.gui.screens import seed_site


def open_panel(qtbot, services, operator, station_id, central=None):
    window = MainWindow(services, central, central.address if central else "", operator=operator)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return window, window.open_station(station_id)


@pytest.fixture
def live_site(aio, services):
    """The real OCPP server on 127.0.0.1 and one simulated two-connector charger, accepted."""
    central = CentralSystem(services, port=0)
    aio.run(central.start())
    aio.run(services.stations.create_station("SIM-01", "Simulated charger", connectors=2, ctx=SYSTEM_CONTEXT))
    station = SimulatedStation("SIM-01", central.url, connectors=2, reboot_delay=0.2)
    aio.run(station.start())
    aio.run(station.wait_accepted(15))
    aio.wait_until(lambda: services.stations.get("SIM-01").connection_state == "online")
    yield central, station, services.stations.get("SIM-01")
    aio.run(station.stop())
    aio.run(central.stop())


def send(aio, dialog, reason="GUI test"):
    dialog.ui.reasonEdit.setPlainText(reason)
    dialog.send_button.click()
    assert dialog.busy and dialog.ui.busyBar.isVisibleTo(dialog)
    aio.wait_until(lambda: not dialog.busy, timeout=20)
    return dialog.outcome_text()


def test_header_cards_and_session_update_live(qtbot, aio, services, admin):
    site = aio.run(seed_site(services))
    window, panel = open_panel(qtbot, services, admin, site["depot1"])
    assert panel.ui.nameLabel.text() == "Depot bay 1-2"
    assert panel.ui.connectionLabel.text() == "Online"
    assert "DEPOT-AC-01" in panel.ui.detailsLabel.text() and "Ensto EVB200" in panel.ui.detailsLabel.text()
    assert "Europe/Helsinki" in panel.ui.detailsLabel.text()
    card = panel.cards[1]
    assert card.ui.statusChip.text() == "Charging"
    assert card.ui.idTagValue.text().startswith("04A2B3C4D5")
    assert card.ui.energyValue.text() == "12.42 kWh" and card.ui.powerValue.text() == "10.8 kW"
    assert "min" in card.ui.durationValue.text()
    assert card.ui.costValue.text() == "Free"  # no tariff group applies to the seeded site
    assert not card.ui.startButton.isEnabled() and card.ui.stopButton.isEnabled()

    depot1 = services.stations.get_by_id(site["depot1"])
    services.transactions.meter_values(depot1, 1, site["transaction"], [{
        "timestamp": (utcnow() + timedelta(seconds=5)).isoformat(),
        "sampled_value": [{"value": "140000", "measurand": "Energy.Active.Import.Register", "unit": "Wh"},
                          {"value": "7400", "measurand": "Power.Active.Import", "unit": "W"}],
    }])
    assert card.ui.energyValue.text() == "15.00 kWh" and card.ui.powerValue.text() == "7.4 kW"
    services.status.status_notification(depot1, 2, "Faulted", "GroundFailure", "RCD tripped")
    assert panel.cards[2].ui.statusChip.text() == "Faulted"
    assert "Ground failure" in panel.cards[2].ui.errorLabel.text()
    assert panel.event_feed.index(0, 2).data() == "Faulted"  # the feed got the row live
    services.status.disconnected(depot1)
    assert panel.ui.connectionLabel.text() == "Temporarily unavailable"
    aio.run(services.transactions.stop(depot1, site["transaction"], 140500, None))
    assert card.ui.idTagValue.text() == "No session" and card.ui.startButton.isEnabled()


def test_the_card_shows_the_price_so_far_with_the_tariff_of_the_start(qtbot, aio, services, admin):
    site = aio.run(seed_site(services))
    tariff = aio.run(services.tariffs.create_tariff(SYSTEM_CONTEXT, "Depot energy", {
        "kind": "energy_time", "energy_price": "0.50", "connection_fee": "1"}))
    group = aio.run(services.tariffs.create_group(SYSTEM_CONTEXT, "Depot", [{"tariff_id": str(tariff.id)}]))
    aio.run(services.tariffs.assign(SYSTEM_CONTEXT, group.id, station_id=site["depot1"]))
    _window, panel = open_panel(qtbot, services, admin, site["depot1"])
    depot1 = services.stations.get_by_id(site["depot1"])
    start = aio.run(services.transactions.start(depot1, 2, "04A2B3C4D5", 0, utcnow().isoformat()))
    services.transactions.meter_values(depot1, 2, start.ocpp_id, [{
        "timestamp": utcnow().isoformat(), "sampledValue": [{"value": "2000"}]}])
    card = panel.cards[2]
    assert card.ui.costValue.text() == "2.00 EUR"  # as the sessions page writes amounts
    assert "Depot energy" in card.ui.costValue.toolTip()


def test_event_feed_day_navigation_and_filters(qtbot, aio, services, admin):
    site = aio.run(seed_site(services))
    window, panel = open_panel(qtbot, services, admin, site["depot1"])
    aio.wait_until(lambda: panel.event_feed.exhausted)
    assert panel.event_filter.rowCount() == 4
    assert not panel.ui.nextDayButton.isEnabled()  # no events from the future
    panel.ui.statusCombo.setCurrentIndex(panel.ui.statusCombo.findData("Charging"))
    assert panel.event_filter.rowCount() == 1
    panel.ui.statusCombo.setCurrentIndex(0)
    panel.ui.errorCombo.setCurrentIndex(panel.ui.errorCombo.findData("GroundFailure"))
    assert panel.event_filter.rowCount() == 0
    panel.ui.errorCombo.setCurrentIndex(0)
    qtbot.mouseClick(panel.ui.previousDayButton, Qt.MouseButton.LeftButton)
    aio.wait_until(lambda: panel.event_feed.exhausted)
    assert panel.event_filter.rowCount() == 0
    assert panel.ui.nextDayButton.isEnabled()
    qtbot.mouseClick(panel.ui.todayButton, Qt.MouseButton.LeftButton)
    aio.wait_until(lambda: panel.event_feed.exhausted and panel.event_filter.rowCount() == 4)
    assert panel.event_feed.headerData(4, Qt.Orientation.Horizontal) == "Date & time (Europe/Helsinki)"


def test_comm_log_detail_pane_pretty_prints(qtbot, aio, services, admin):
    site = aio.run(seed_site(services))
    window, panel = open_panel(qtbot, services, admin, site["depot1"])
    aio.wait_until(lambda: panel.comm_log.exhausted and panel.comm_log.rowCount() == 6)
    panel.ui.commLogTable.selectRow(0)
    text = panel.ui.payloadView.toPlainText()
    assert text.startswith("← received from the station") and '"status": "Accepted"' in text
    assert panel.comm_log.canFetchMore(QModelIndex()) is False


def test_commands_menu_offers_every_command(qtbot, aio, services, admin):
    site = aio.run(seed_site(services))
    window, panel = open_panel(qtbot, services, admin, site["depot1"])
    names = {a.objectName() for a in panel.commands_menu.actions() if a.objectName()}
    assert names == {f"command_{c.key}" for c in COMMANDS}
    assert len(COMMANDS) == 25  # with the security extension's commands and signed firmware
    for command in COMMANDS:  # every dialog builds, and without a server explains why it cannot send
        dialog = panel.open_command(command.key)
        assert not dialog.send_button.isEnabled()
        assert "not running" in dialog.outcome_text()
        dialog.close()


def test_reason_is_mandatory_and_param_errors_show_next_to_fields(qtbot, aio, services, live_site, admin):
    central, station, info = live_site
    window, panel = open_panel(qtbot, services, admin, info.id, central)
    dialog = panel.open_command("remote_start", connector_id=1)
    dialog.send_button.click()
    assert not dialog.busy
    assert dialog.ui.reasonError.isVisibleTo(dialog)
    assert dialog.editors["id_tag"].error.text() == "Id tag is required."
    dialog.editors["id_tag"].set_value("X" * 25)
    outcome = send(aio, dialog)
    assert outcome == "Not sent: correct the marked field."
    assert "20 characters" in dialog.editors["id_tag"].error.text()


def test_reset_from_the_dialog_end_to_end(qtbot, aio, services, live_site, admin):
    central, station, info = live_site
    window, panel = open_panel(qtbot, services, admin, info.id, central)
    dialog = panel.open_command("reset")
    dialog.editors["kind"].set_value("Soft")
    outcome = send(aio, dialog, "Display frozen")
    assert dialog.result.ok, dialog.result
    assert outcome == dialog.result.message or outcome == "Accepted by the station"
    assert "ccepted" in outcome
    # the action log tab shows it, with the reason and the outcome in words
    aio.wait_until(lambda: any(r.action == "Reset" and r.outcome == "accepted" for r in panel.action_log.rows()))
    row = next(r for r in panel.action_log.rows() if r.action == "Reset")
    assert row.reason == "Display frozen" and row.actor == window.operator.name
    # and the frames are in the communication log, live
    aio.wait_until(lambda: any(r.action == "Reset" for r in panel.comm_log.rows()))


def test_remote_start_then_stop_from_connector_card(qtbot, aio, services, live_site, admin):
    central, station, info = live_site
    # free charging: the id tag needs no token in the store to be accepted
    aio.run(services.stations.update_station(info.id, info.version, access_mode="free", ctx=SYSTEM_CONTEXT))
    window, panel = open_panel(qtbot, services, admin, info.id, central)
    aio.wait_until(lambda: 1 in panel.cards and panel.cards[1].ui.statusChip.text() == "Available")
    qtbot.mouseClick(panel.cards[1].ui.startButton, Qt.MouseButton.LeftButton)
    dialog = panel.dialogs[-1]
    assert dialog.command.key == "remote_start" and dialog.editors["connector_id"].value() == 1
    dialog.editors["id_tag"].set_value("FLEET07")
    assert "ccepted" in send(aio, dialog, "Driver's app is down")
    aio.run(station.plug_in(1))
    aio.wait_until(lambda: panel.cards[1].session is not None, timeout=15)
    card = panel.cards[1]
    assert card.ui.idTagValue.text().startswith("FLEET07")
    assert card.ui.stopButton.isEnabled()
    qtbot.mouseClick(card.ui.stopButton, Qt.MouseButton.LeftButton)
    stop = panel.dialogs[-1]
    assert stop.command.key == "remote_stop" and stop.editors["transaction_id"].value() == card.session.ocpp_id
    assert "ccepted" in send(aio, stop, "Session ran over")
    aio.wait_until(lambda: panel.cards[1].session is None, timeout=15)


def test_offline_station_outcome_in_words_and_window_stays_responsive(qtbot, aio, services, live_site, admin):
    central, station, info = live_site
    window, panel = open_panel(qtbot, services, admin, info.id, central)
    aio.run(station.stop())
    aio.wait_until(lambda: not central.is_connected("SIM-01"))
    dialog = panel.open_command("unlock_connector", connector_id=2)
    outcome = send(aio, dialog, "Cable stuck")
    assert dialog.result.outcome == "offline"
    assert outcome == dialog.result.message or outcome == "Station not connected"
    assert "ccepted" not in outcome
    assert running_tasks() == 0
