"""The station settings dialog, through the real services on a temporary store."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMessageBox

from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.gui.dialogs.station_settings_dialog import STALE_MESSAGE, StationSettingsDialog
from evdesk.gui.main_window import MainWindow
from evdesk.store import models as m
from tests.gui.screens import seed_site


def open_dialog(qtbot, aio, services, station_id, host) -> StationSettingsDialog:
    dialog = StationSettingsDialog(services, station_id, host)
    qtbot.addWidget(dialog)
    dialog.show()
    aio.wait_until(lambda: dialog.loaded, message="the dialog did not load the station")
    return dialog


def make_window(qtbot, services, operator) -> MainWindow:
    window = MainWindow(services, None, "", operator=operator)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return window


def test_shows_the_station_and_saves_every_field(qtbot, aio, services, admin, acting_as):
    site = aio.run(seed_site(services))
    north, visitors = site["groups"]
    dialog = open_dialog(qtbot, aio, services, site["depot1"], acting_as(admin))
    ui = dialog.ui
    assert ui.nameEdit.text() == "Depot bay 1-2"
    assert ui.groupCombo.itemText(0) == "— no group —"
    assert ui.groupCombo.currentText() == "Depot North"
    assert ui.publicRadio.isChecked()
    assert "DEPOT-AC-01" in ui.introLabel.text() and "Ensto EVB200" in ui.introLabel.text()
    assert ui.heartbeatSpin.value() == 300 and ui.meterSpin.value() == 60
    assert ui.stripSuffixCheck.isChecked() and not ui.skipSchemaCheck.isChecked()
    assert "No password" in ui.passwordStateLabel.text()
    assert not ui.removePasswordCheck.isVisibleTo(dialog)
    assert "DEPOT-AC-01 as the user name" in ui.passwordHelp.text()

    ui.nameEdit.setText("  Depot bays 1 and 2 ")
    ui.groupCombo.setCurrentIndex(ui.groupCombo.findText("Visitor car park"))
    ui.freeRadio.setChecked(True)
    ui.heartbeatSpin.setValue(600)
    ui.meterSpin.setValue(30)
    ui.stripSuffixCheck.setChecked(False)
    ui.skipSchemaCheck.setChecked(True)
    ui.notesEdit.setPlainText("Behind the workshop; key at reception.")
    saved = []
    dialog.stationSaved.connect(saved.append)
    dialog.save_button.click()
    aio.wait_until(lambda: saved)

    info = services.stations.get_by_id(site["depot1"])
    assert info.name == "Depot bays 1 and 2"
    assert info.group_id == visitors
    assert info.access_mode == "free"
    assert (info.heartbeat_interval, info.meter_value_interval) == (600, 30)
    assert info.strip_id_tag_suffix is False and info.skip_schema_validation is True
    assert info.password_hash is None
    row = aio.run(services.history.station_settings(SYSTEM_CONTEXT, site["depot1"]))
    assert row.notes == "Behind the workshop; key at reception."
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_field_errors_appear_next_to_their_fields_and_nothing_is_saved(qtbot, aio, services, admin, acting_as):
    site = aio.run(seed_site(services))
    dialog = open_dialog(qtbot, aio, services, site["depot1"], acting_as(admin))
    ui = dialog.ui
    version = services.stations.get_by_id(site["depot1"]).version

    ui.nameEdit.setText("   ")
    dialog.save_button.click()
    aio.wait_until(lambda: ui.nameError.isVisibleTo(dialog))
    assert ui.nameError.text() == "Charging station name is required."
    assert not ui.formError.isVisibleTo(dialog)
    assert dialog.isVisible() and dialog.save_button.isEnabled()

    ui.nameEdit.setText("Depot bay 1-2")
    ui.passwordEdit.setText("short")
    ui.passwordRepeatEdit.setText("short")
    dialog.save_button.click()
    assert not ui.nameError.isVisibleTo(dialog)
    assert ui.passwordError.isVisibleTo(dialog)
    assert "at least 8 characters" in ui.passwordError.text()

    ui.passwordEdit.setText("long-enough-1")
    ui.passwordRepeatEdit.setText("long-enough-2")
    dialog.save_button.click()
    assert not ui.passwordError.isVisibleTo(dialog)
    assert ui.passwordRepeatError.isVisibleTo(dialog)
    assert "not the same" in ui.passwordRepeatError.text()
    aio.pump(0.1)
    info = services.stations.get_by_id(site["depot1"])
    assert info.version == version and info.password_hash is None


def test_stale_edit_offers_reload_which_refills_the_form(qtbot, aio, services, admin, acting_as):
    site = aio.run(seed_site(services))
    dialog = open_dialog(qtbot, aio, services, site["depot2"], acting_as(admin))
    ui = dialog.ui
    assert not ui.staleBanner.isVisibleTo(dialog)
    # someone else saves the station while the dialog is open
    current = services.stations.get_by_id(site["depot2"])
    aio.run(services.stations.update_station(current.id, current.version, name="Renamed elsewhere", heartbeat_interval=900, ctx=SYSTEM_CONTEXT))

    ui.nameEdit.setText("My name")
    dialog.save_button.click()
    aio.wait_until(lambda: ui.staleBanner.isVisibleTo(dialog))
    assert ui.staleLabel.text() == STALE_MESSAGE == "This station was changed by someone else. Reload it and try again."
    assert not dialog.save_button.isEnabled()
    assert ui.reloadButton.isEnabled()
    assert services.stations.get_by_id(site["depot2"]).name == "Renamed elsewhere"

    ui.reloadButton.click()
    aio.wait_until(lambda: dialog.loaded)
    assert ui.nameEdit.text() == "Renamed elsewhere"
    assert ui.heartbeatSpin.value() == 900
    assert not ui.staleBanner.isVisibleTo(dialog)
    ui.nameEdit.setText("My name")
    saved = []
    dialog.stationSaved.connect(saved.append)
    dialog.save_button.click()
    aio.wait_until(lambda: saved)
    assert services.stations.get_by_id(site["depot2"]).name == "My name"
    assert services.stations.get_by_id(site["depot2"]).heartbeat_interval == 900


def test_set_change_and_remove_the_password(qtbot, aio, services, admin, acting_as):
    site = aio.run(seed_site(services))
    dialog = open_dialog(qtbot, aio, services, site["depot1"], acting_as(admin))
    dialog.ui.passwordEdit.setText("depot-secret-1")
    dialog.ui.passwordRepeatEdit.setText("depot-secret-1")
    saved = []
    dialog.stationSaved.connect(saved.append)
    dialog.save_button.click()
    aio.wait_until(lambda: saved)
    info = services.stations.get("DEPOT-AC-01")
    assert info.password_hash
    assert aio.run(services.stations.check_password(info, "depot-secret-1"))
    assert not aio.run(services.stations.check_password(info, "wrong-password"))

    dialog = open_dialog(qtbot, aio, services, site["depot1"], acting_as(admin))
    ui = dialog.ui
    assert "A password is set" in ui.passwordStateLabel.text()
    assert ui.removePasswordCheck.isVisibleTo(dialog)
    ui.passwordEdit.setText("typed by mistake")
    ui.removePasswordCheck.setChecked(True)
    assert not ui.passwordEdit.isEnabled() and ui.passwordEdit.text() == ""
    saved.clear()
    dialog.stationSaved.connect(saved.append)
    dialog.save_button.click()
    aio.wait_until(lambda: saved)
    assert services.stations.get("DEPOT-AC-01").password_hash is None


def test_delete_asks_first_then_frees_the_identifier(qtbot, aio, services, admin, acting_as):
    site = aio.run(seed_site(services))
    dialog = open_dialog(qtbot, aio, services, site["depot2"], acting_as(admin))
    deleted = []
    dialog.stationDeleted.connect(deleted.append)

    box = dialog.confirm_delete()
    assert "Depot bay 3-4" in box.text() and "DEPOT-AC-02" in box.text()
    assert "becomes free again" in box.informativeText() and "history are kept" in box.informativeText()
    box.button(QMessageBox.StandardButton.Cancel).click()
    aio.pump(0.1)
    assert services.stations.get("DEPOT-AC-02") is not None and not deleted

    dialog.ui.deleteButton.click()
    dialog.confirm_delete_button.click()
    aio.wait_until(lambda: deleted)
    assert deleted == [site["depot2"]]
    assert services.stations.get("DEPOT-AC-02") is None
    assert site["depot2"] not in services.stations.by_id
    # history is kept: the row is a tombstone, its events remain
    row = aio.run(services.store.run(lambda: m.Station.get_by_id(site["depot2"])))
    assert row.deleted_at is not None
    # the identifier is free: the station can be added again
    again = aio.run(services.stations.create_station("DEPOT-AC-02", "Depot bay 3-4 (new unit)", ctx=SYSTEM_CONTEXT))
    assert again.id != site["depot2"]


def test_opened_from_the_station_panel(qtbot, aio, services, admin):
    site = aio.run(seed_site(services))
    window = make_window(qtbot, services, admin)
    panel = window.open_station(site["depot1"])
    assert panel.settings_button.text() == "Settings…"
    panel.settings_button.click()
    dialog = panel.findChild(StationSettingsDialog)
    assert dialog is not None
    aio.wait_until(lambda: dialog.loaded)
    dialog.ui.nameEdit.setText("Depot bay 1-2 (north)")
    dialog.save_button.click()
    aio.wait_until(lambda: panel.ui.nameLabel.text() == "Depot bay 1-2 (north)")

    # deleting from the panel goes back to the stations list
    dialog = panel.open_settings()
    aio.wait_until(lambda: dialog.loaded)
    dialog.ui.deleteButton.click()
    dialog.confirm_delete_button.click()
    aio.wait_until(lambda: window.current_station_panel() is None)
    assert window.ui.pageStack.currentWidget() is window.page("stations")
    assert services.stations.get("DEPOT-AC-01") is None


def test_opened_from_the_stations_page(qtbot, aio, services, admin):
    site = aio.run(seed_site(services))
    window = make_window(qtbot, services, admin)
    page = window.page("stations")
    assert not page.edit_button.isEnabled()
    assert page.select_station(site["visitor"])
    assert page.edit_button.isEnabled()
    page.edit_button.click()
    dialog = page.findChild(StationSettingsDialog)
    aio.wait_until(lambda: dialog.loaded)
    assert dialog.ui.nameEdit.text() == "Visitor fast charger"
    dialog.ui.privateRadio.setChecked(True)
    dialog.save_button.click()
    aio.wait_until(lambda: services.stations.get_by_id(site["visitor"]).access_mode == "private")
    aio.wait_until(lambda: "Saved the settings of Visitor fast charger" in window.statusBar().currentMessage())

    menu = page.station_menu(site["depot2"])
    assert [a.text() for a in menu.actions()] == ["Open", "Edit settings…", "Details, charging points and sockets…"]
    menu.actions()[1].trigger()
    dialogs = [d for d in page.findChildren(StationSettingsDialog) if d.station_id == site["depot2"]]
    assert len(dialogs) == 1
    aio.wait_until(lambda: dialogs[0].loaded)
    dialogs[0].reject()
    menu.close()
