"""Start charging picks a token of the operator's domain (or takes any id tag typed), Stop charging
chooses among the station's running sessions (read-only), and Release cable is not offered while a
session charges on the connector — with the real OCPP server and a simulated charger over websockets."""

from __future__ import annotations

from PySide6.QtCore import Qt

from evdesk.core.people_types import TokenInput, UserInput
from evdesk.core.permissions import BASIC, SYSTEM_CONTEXT, OperatorContext
from tests.gui.test_station_panel import live_site, open_panel, send  # noqa: F401 - the fixture

ROOT = SYSTEM_CONTEXT


def test_release_cable_waits_for_the_stop(qtbot, aio, services, live_site, admin):  # noqa: F811
    central, station, info = live_site
    aio.run(services.stations.update_station(info.id, info.version, access_mode="free", ctx=ROOT))
    window, panel = open_panel(qtbot, services, admin, info.id, central)
    aio.wait_until(lambda: 1 in panel.cards and panel.cards[1].ui.statusChip.text() == "Available")
    card = panel.cards[1]
    assert card.ui.unlockButton.isEnabled()  # no session: offered
    start = panel.open_command("remote_start", connector_id=1)
    start.editors["id_tag"].set_value("FLEET07")  # a card evdesk does not know: typed
    assert "ccepted" in send(aio, start, "Driver's app is down")
    aio.run(station.plug_in(1))
    aio.wait_until(lambda: card.session is not None, timeout=15)
    assert not card.ui.unlockButton.isEnabled()
    assert "Stop the session first" in card.ui.unlockButton.toolTip()
    # the Commands menu's dialog offers only the idle connector
    unlock = panel.open_command("unlock_connector")
    combo = unlock.editors["connector_id"].widget
    assert [combo.itemText(i) for i in range(combo.count())] == ["Connector 2"]
    unlock.close()
    # Stop charging: the running session to choose, nothing to type
    stop = panel.open_command("remote_stop")
    picker = stop.editors["transaction_id"].widget
    assert picker.count() == 1 and not picker.isEditable()
    assert picker.itemText(0).startswith(f"#{card.session.ocpp_id} · connector 1 · FLEET07")
    assert "ccepted" in send(aio, stop, "Session ran over")
    aio.wait_until(lambda: card.session is None, timeout=15)
    assert card.ui.unlockButton.isEnabled()  # after the stop: offered again
    qtbot.mouseClick(card.ui.unlockButton, Qt.MouseButton.LeftButton)
    release = panel.dialogs[-1]
    assert release.command.key == "unlock_connector" and release.editors["connector_id"].value() == 1
    assert send(aio, release, "Cable stuck") == "Connector unlocked"
    # no session at all: Stop charging says so instead of taking a number
    idle = panel.open_command("remote_stop")
    assert not idle.editors["transaction_id"].widget.isEnabled()
    idle.send_button.click()
    assert "nothing to stop" in idle.editors["transaction_id"].error.text()


def test_the_token_picker_lists_the_domains_tokens_only(qtbot, aio, services, live_site):  # noqa: F811
    central, station, info = live_site
    depot = aio.run(services.groups.add(ROOT, "Depot")).id
    office = aio.run(services.groups.add(ROOT, "Office")).id
    aio.run(services.groups.assign_stations(ROOT, depot, [info.id]))
    aio.run(services.people.users.create(ROOT, UserInput("Dana", "Depot", "dana@depot.example"),
                                         [TokenInput("TAG-DANA", "Dana's card")], home_group_id=depot))
    aio.run(services.people.users.create(ROOT, UserInput("Otto", "Office", "otto@office.example"),
                                         [TokenInput("TAG-OTTO")], home_group_id=office))
    ctx = services.groups.fresh(OperatorContext(None, "depot-op", BASIC, base_group_id=depot))
    window, panel = open_panel(qtbot, services, ctx, info.id, central)
    dialog = panel.open_command("remote_start", connector_id=1)
    editor = dialog.editors["id_tag"]
    combo = editor.widget
    aio.wait_until(lambda: combo.count() > 0)
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels == ["TAG-DANA — Dana Depot (Dana's card)"]  # not Otto's: another group's
    # typing looks the tokens up again (by a user's name too)
    combo.lineEdit().setFocus()
    qtbot.keyClicks(combo.lineEdit(), "dana")
    aio.wait_until(lambda: editor.loaded_for == "dana")
    assert [combo.itemText(i) for i in range(combo.count())] == labels
    combo.setCurrentIndex(0)
    assert editor.value() == "TAG-DANA"  # the entry sends its uid
    editor.set_value("TAG-OTTO")
    assert editor.value() == "TAG-OTTO"  # typed: sent as it is (the decision applies the rules)
    combo.setEditText("")
    qtbot.keyClicks(combo.lineEdit(), "otto")
    aio.wait_until(lambda: editor.loaded_for == "otto")
    assert combo.count() == 0


def test_the_security_commands_are_in_the_menu_and_send_from_their_dialogs(qtbot, aio, services, live_site, admin):  # noqa: F811
    """Install the site CA, list what the station holds and delete it again, from the station panel's
    Commands menu (its Security section) over the real server and a simulated charger."""
    import json

    central, station, info = live_site
    aio.run(services.certificates.generate(ROOT))
    window, panel = open_panel(qtbot, services, admin, info.id, central)
    actions = [a.objectName() for a in panel.commands_menu.actions() if a.objectName()]
    for key in ("install_certificate", "get_installed_certificate_ids", "delete_certificate",
                "request_station_certificate", "get_log", "signed_update_firmware"):
        assert f"command_{key}" in actions
    assert "ccepted" in send(aio, panel.open_command("install_certificate"), "Chargers trust our wss:// now")
    assert list(station.certificates.installed) == ["CentralSystemRootCertificate"]
    listing = panel.open_command("get_installed_certificate_ids")
    send(aio, listing, "Which roots does it hold?")
    assert listing.result.ok
    (hash_data,) = listing.result.response["certificate_hash_data"]
    delete = panel.open_command("delete_certificate")
    delete.editors["hash_data"].set_value(json.dumps(hash_data))
    send(aio, delete, "Old root")
    assert delete.result.ok, delete.result.message
    assert station.certificates.installed["CentralSystemRootCertificate"] == []
