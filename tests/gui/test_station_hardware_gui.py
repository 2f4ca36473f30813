"""Issue 16 screens through the real services: the station details dialog (EVSEs and sockets with
validation next to the cell, the 4-socket rule, phases), the Locations page and editor, station
templates (save, create a station, the name replaced by the template's), the stations CSV import,
the Stations table's Location and System status columns; qtmodeltester on the new models."""

from __future__ import annotations

from PySide6.QtCore import Qt

from evdesk.core.hardware_rules import TOO_MANY_SOCKETS
from evdesk.core.locations import LocationInput
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.gui.dialogs.station_hardware_dialog import StationHardwareDialog
from evdesk.gui.main_window import MainWindow
from evdesk.gui.models import stations_model as sm
from evdesk.gui.pages.locations_page import LocationDialog
from evdesk.gui.pages.station_templates_page import TemplateStationDialog
from tests.gui.screens import seed_site


def open_details(qtbot, aio, services, station_id, host) -> StationHardwareDialog:
    dialog = StationHardwareDialog(services, station_id, host)
    qtbot.addWidget(dialog)
    dialog.show()
    aio.wait_until(lambda: dialog.loaded and dialog.save_button.isEnabled(), message="the details did not load")
    return dialog


def set_cell(model, row, key, value):
    assert model.setData(model.index(row, model.column_of(key)), value, Qt.ItemDataRole.EditRole)


def test_details_dialog_edits_evses_and_sockets_with_validation_next_to_the_cell(qtbot, aio, services, admin,
                                                                                  acting_as, check_model):
    site = aio.run(seed_site(services))
    hall = aio.run(services.locations.create(SYSTEM_CONTEXT, LocationInput("Depot hall", city="Helsinki",
                                                                           country="FI")))
    dialog = open_details(qtbot, aio, services, site["depot1"], acting_as(admin))
    check_model(dialog.evses)
    check_model(dialog.connectors)
    ui = dialog.ui
    assert "Ensto EVB200" in ui.introLabel.text()
    assert [r["evse_id"] for r in dialog.evses.rows] == [1, 2]
    # the phase column is locked on a three-phase point, open after switching to one phase
    phase = dialog.evses.index(0, dialog.evses.column_of("phase"))
    assert not phase.flags() & Qt.ItemFlag.ItemIsEditable
    assert "single-phase" in phase.data(Qt.ItemDataRole.ToolTipRole)
    set_cell(dialog.evses, 0, "phases", 1)
    assert dialog.evses.index(0, dialog.evses.column_of("phase")).flags() & Qt.ItemFlag.ItemIsEditable
    set_cell(dialog.evses, 0, "phase", "L2")
    set_cell(dialog.evses, 1, "phase_rotation", "TSR")
    # at most 4 sockets: the fifth is refused with EV Manager's rule
    ui.evsesTable.selectRow(1)
    dialog.show_sockets(1)
    for _ in range(3):
        ui.addConnectorButton.click()
    assert len(dialog.connectors.rows) == 4
    ui.addConnectorButton.click()
    assert len(dialog.connectors.rows) == 4 and ui.connectorsError.text() == TOO_MANY_SOCKETS
    assert dialog.evses.index(1, dialog.evses.column_of("sockets")).data() == "Type 2 + Type 2 + Type 2 + Type 2"
    set_cell(dialog.connectors, 3, "socket_type", "CHAdeMO")
    set_cell(dialog.connectors, 3, "cable", True)
    ui.removeConnectorButton.click()  # nothing selected: the last one goes
    assert len(dialog.connectors.rows) == 3
    # a malformed EVSE-ID: the cell goes red, the message says what the format is
    set_cell(dialog.evses, 0, "emi3_id", "FI-ABC-1")
    dialog.save_button.click()
    aio.wait_until(lambda: ui.evsesError.isVisibleTo(dialog))
    assert ui.evsesError.text().startswith("Charging point 1: 'FI-ABC-1' is not an EVSE-ID.")
    bad = dialog.evses.index(0, dialog.evses.column_of("emi3_id"))
    assert bad.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "FI*ABC*E12345" in bad.data(Qt.ItemDataRole.ToolTipRole)
    # a socket's bad power: its cell in the lower table, the point selected
    set_cell(dialog.evses, 0, "emi3_id", "fi*abc*e1001")
    ui.evsesTable.selectRow(1)
    dialog.show_sockets(1)
    set_cell(dialog.connectors, 0, "max_power_kw", "lots")
    dialog.save_button.click()
    aio.wait_until(lambda: ui.connectorsError.isVisibleTo(dialog))
    assert ui.connectorsError.text() == "Charging point 2, socket 1: Give the max power in kW, e.g. 22 or 3.7."
    set_cell(dialog.connectors, 0, "max_power_kw", "22")
    ui.locationCombo.setCurrentIndex(ui.locationCombo.findText("Depot hall (Helsinki, FI)"))
    ui.statusCombo.setCurrentIndex(ui.statusCombo.findData("disabled"))
    assert "Not monitored" in ui.statusHelp.text()
    saved = []
    dialog.saved.connect(saved.append)
    dialog.save_button.click()
    aio.wait_until(lambda: saved, message="not saved")
    details = saved[0]
    assert details.location_id == hall.id and details.system_status == "disabled"
    assert [(e.phases, e.phase, e.phase_rotation, e.emi3_id) for e in details.evses] == [
        (1, "L2", "", "FI*ABC*E1001"), (3, "", "TSR", "")]
    assert [c.socket_type for c in details.evses[1].connectors] == ["Type2", "Type2", "Type2"]
    assert details.evses[1].connectors[0].max_power_w == 22_000
    assert services.stations.get_by_id(site["depot1"]).system_status == "disabled"


def test_stations_table_shows_location_and_system_status_and_keeps_long_names(qtbot, aio, services, admin):
    site = aio.run(seed_site(services))
    hall = aio.run(services.locations.create(SYSTEM_CONTEXT, LocationInput("Depot hall")))
    details = aio.run(services.station_details.details(SYSTEM_CONTEXT, site["depot2"]))
    aio.run(services.station_details.save(SYSTEM_CONTEXT, site["depot2"], details.version, location=hall.id,
                                   system_status="out_of_order"))
    long_identity = "DEPOT-NORTH-HALL-B-WALLBOX-0042-SPARE"
    aio.run(services.stations.create_station(long_identity, "Spare wallbox at the far end of hall B", ctx=SYSTEM_CONTEXT))
    window = MainWindow(services, None, "", operator=admin)
    qtbot.addWidget(window)
    window.resize(1400, 800)
    window.show()
    page = window.page("stations")
    model = page.model
    row = model.row_of(site["depot2"])
    aio.wait_until(lambda: model.index(row, sm.COL_LOCATION).data() == "Depot hall")
    assert model.index(row, sm.COL_SYSTEM_STATUS).data() == "Out of order"
    assert "Not monitored" in model.index(row, sm.COL_SYSTEM_STATUS).data(Qt.ItemDataRole.ToolTipRole)
    page.fit_columns()
    table = page.ui.stationsTable
    metrics = table.fontMetrics()
    assert table.columnWidth(sm.COL_IDENTITY) >= metrics.horizontalAdvance(long_identity)
    spare = model.row_of(services.stations.get(long_identity).id)
    assert long_identity in model.index(spare, sm.COL_NAME).data(Qt.ItemDataRole.ToolTipRole)
    assert table.textElideMode() == Qt.TextElideMode.ElideMiddle
    assert page.import_button.isVisibleTo(page)  # the window opens on the dashboard


def test_locations_page_and_editor(qtbot, aio, services, admin, check_model):
    aio.run(seed_site(services))
    window = MainWindow(services, None, "", operator=admin)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.show_page("locations")
    page = window.page("locations")
    check_model(page.model)
    aio.wait_until(lambda: page.loaded)
    dialog = page.add_location()
    ui = dialog.ui
    ui.nameEdit.setText("Depot hall")
    ui.countryEdit.setText("F1")  # (the field takes 2 characters)
    ui.latitudeEdit.setText("60,1699")
    dialog.save_button.click()
    aio.wait_until(lambda: ui.countryError.isVisibleTo(dialog))
    assert ui.countryError.text() == "Give the country as its two-letter code, e.g. FI or DE."
    ui.countryEdit.setText("fi")
    dialog.save_button.click()
    aio.wait_until(lambda: ui.coordinatesError.isVisibleTo(dialog))
    assert ui.coordinatesError.text() == "Give both latitude and longitude, or neither."
    assert not ui.countryError.isVisibleTo(dialog)
    ui.longitudeEdit.setText("24.9384")
    ui.timezoneCombo.setCurrentText("Europe/Helsinki")
    dialog.save_button.click()
    aio.wait_until(lambda: page.model.rowCount() == 1)
    row = page.model.rows()[0]
    assert (row.name, row.country, row.latitude, row.timezone) == ("Depot hall", "FI", 60.1699, "Europe/Helsinki")
    assert page.model.index(0, 5).data() == "60.16990, 24.93840"
    assert isinstance(dialog, LocationDialog)


def test_templates_save_and_create_a_station_with_the_name_replaced(qtbot, aio, services, admin, acting_as,
                                                                    check_model):
    site = aio.run(seed_site(services))
    dialog = open_details(qtbot, aio, services, site["depot1"], acting_as(admin))
    dialog.save_as_template("Ensto twin")
    aio.wait_until(lambda: "Saved the template" in dialog.ui.formError.text())
    window = MainWindow(services, None, "", operator=admin)
    qtbot.addWidget(window)
    window.show()
    window.show_page("station_templates")
    page = window.page("station_templates")
    check_model(page.model)
    aio.wait_until(lambda: page.model.rowCount() == 1)
    make = page.create_station()
    assert isinstance(make, TemplateStationDialog)
    ui = make.ui
    assert ui.nameEdit.text() == "Ensto twin"  # choosing the template filled the name
    ui.nameEdit.setText("Depot bay 9")
    ui.identityEdit.setText("DEPOT AC 09")
    make.create_button.click()
    aio.wait_until(lambda: ui.identityError.isVisibleTo(make))
    assert ui.identityError.text() == "Identifier contains forbidden characters."
    ui.identityEdit.setText("DEPOT-AC-09")
    created = []
    make.stationCreated.connect(created.append)
    make.create_button.click()
    aio.wait_until(lambda: created)
    info = services.stations.get("DEPOT-AC-09")
    assert info.name == "Depot bay 9" and info.registration == "adopted" and sorted(info.connectors) == [1, 2]


def test_stations_csv_import_shows_refused_rows(qtbot, aio, services, admin, tmp_path):
    aio.run(seed_site(services))
    path = tmp_path / "stations.csv"
    path.write_text("identity,name,group,connectors,socket_type\nNEW-01,New one,Depot North,2,Type 2\n"
                    "NEW 02,,,,\nNEW-03,,Nowhere,,\nNEW-04,,,1,Type 7\n", encoding="utf-8")
    window = MainWindow(services, None, "", operator=admin)
    qtbot.addWidget(window)
    window.show()
    dialog = window.page("stations").import_file(str(path))
    aio.wait_until(lambda: dialog.finished_import)
    assert dialog.ui.summaryLabel.text().startswith("1 station imported, 3 rows refused.")
    assert [(p.row, p.field) for p in dialog.result.problems] == [(3, "identity"), (4, "group"), (5, "socket_type")]
    assert dialog.problems.index(1, 2).data() == "No charging group named 'Nowhere'."
    assert services.stations.get("NEW-01") is not None
