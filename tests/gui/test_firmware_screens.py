"""The Firmware page and the station panel's hardware status and diagnostics tabs, against the
real OCPP server, evdesk's own file servers and simulated stations over real sockets.

Set EVDESK_SHOTS=<folder> to save the screenshots these tests take (roll-out in progress and
finished, the diagnostics log, the hardware status log)."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

from evdesk.core.permissions import ADMIN, BASIC, SYSTEM_CONTEXT, OperatorContext
from evdesk.csms.server import CentralSystem
from evdesk.gui.main_window import MainWindow
from evdesk.simulator import ScaledClock, SimulatedStation


def shoot(name: str, widget) -> None:
    folder = os.environ.get("EVDESK_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))


@pytest.fixture
def fleet(aio, services):
    """Group "Depot north" with three simulated chargers (CP-3's image check fails, CP-2 is slow)."""
    central = CentralSystem(services, port=0)
    aio.run(central.start())
    group = aio.run(services.groups.add(SYSTEM_CONTEXT, "Depot north"))
    stations = []
    for n, name in ((1, "Bay 1"), (2, "Bay 2"), (3, "Bay 3")):
        aio.run(services.stations.create_station(f"CP-{n}", name, group_id=group.id, ctx=SYSTEM_CONTEXT))
        st = SimulatedStation(f"CP-{n}", central.url, connectors=1, clock=ScaledClock(20.0),
                              firmware_failure="checksum" if n == 3 else None, reboot_delay=0.2)
        aio.run(st.start())
        aio.run(st.wait_accepted(15))
        stations.append(st)
    aio.wait_until(lambda: all(services.stations.get(f"CP-{n}").connection_state == "online" for n in (1, 2, 3)))
    yield central, group, stations
    for st in stations:
        aio.run(st.stop())
    aio.run(central.stop())


def window_for(qtbot, services, central, operator):
    window = MainWindow(services, central, central.address, operator=operator)
    qtbot.addWidget(window)
    window.resize(1320, 820)
    window.show()
    return window


def test_rollout_to_a_group_from_the_firmware_page(qtbot, aio, services, fleet, admin, tmp_path):
    central, group, stations = fleet
    stations[1].FIRMWARE_STEP = 40.0  # CP-2 stays "Downloading" a while: the in-progress screenshot
    window = window_for(qtbot, services, central, admin)
    window.show_page("firmware")
    page = window.page("firmware")
    source = tmp_path / "EVC-firmware-2.4.1.bin"
    source.write_bytes(b"\x7fEVC" * 50_000)
    page.upload(str(source))
    aio.wait_until(lambda: page.files.rowCount() == 1)
    assert "EVC-firmware-2.4.1.bin stored (195.3 kB" in page.ui.stateLabel.text()
    page.ui.filesView.selectRow(0)
    page.ui.targetCombo.setCurrentIndex(page.ui.targetCombo.findText("Group Depot north (all its stations)"))
    page.ui.reasonEdit.setText("Fix for the RCD self-test")
    # the install time is chosen on the site's clock (Europe/Helsinki here, not the computer's UTC)
    from datetime import datetime, timezone

    assert abs((page.retrieve_date() - datetime.now(timezone.utc)).total_seconds()) < 120
    assert "Europe/Helsinki" in page.ui.retrieveLabel.text()
    assert page.ui.sendButton.isEnabled()
    page.send()
    aio.wait_until(lambda: page.rollouts.rowCount() == 1 and page.stations.rowCount() == 3)

    def states():
        return {r.identity: r.state for r in page.stations.rows()}

    aio.wait_until(lambda: states()["CP-1"] == "Installed" and states()["CP-3"] == "DownloadFailed"
                   and states()["CP-2"] == "Downloading", timeout=20)
    assert "1 installed, 1 failed, 1 waiting" in page.ui.rolloutsBox.title()
    shoot("firmware-rollout-in-progress", window)
    aio.wait_until(lambda: states()["CP-2"] == "Installed", timeout=30)
    assert page.rollouts.rows()[0].summary.waiting == 0
    assert "2 installed, 1 failed, 0 waiting" in page.ui.rolloutsBox.title()
    labels = {r.identity: r.label for r in page.stations.rows()}
    assert labels == {"CP-1": "Installed", "CP-2": "Installed", "CP-3": "Download failed"}
    shoot("firmware-rollout-finished", window)


def test_page_follows_permissions_and_domain(qtbot, aio, services, fleet):
    central, group, _stations = fleet
    other = aio.run(services.groups.add(SYSTEM_CONTEXT, "Office"))
    aio.run(services.stations.create_station("OFF-1", group_id=other.id, ctx=SYSTEM_CONTEXT))
    basic = OperatorContext(None, "bo", BASIC)
    window = window_for(qtbot, services, central, basic)
    items = [window.ui.navList.item(i) for i in range(window.ui.navList.count())]
    assert [i.isHidden() for i in items if i.text() == "Firmware"] == [True]  # basic operators send no firmware
    depot_admin = services.groups.fresh(OperatorContext(None, "dee", ADMIN, base_group_id=group.id))
    window = window_for(qtbot, services, central, depot_admin)
    window.show_page("firmware")
    page = window.page("firmware")
    aio.wait_until(lambda: page.ui.targetCombo.count() == 4)
    targets = [page.ui.targetCombo.itemText(i) for i in range(page.ui.targetCombo.count())]
    assert targets[0] == "Group Depot north (all its stations)" and not any("Office" in t or "OFF-1" in t
                                                                           for t in targets)
    assert page.ui.uploadButton.isEnabled() and not page.ui.deleteButton.isEnabled()


def test_diagnostics_and_hardware_tabs_with_csv_export(qtbot, aio, services, fleet, admin, tmp_path):
    from ocpp.v16 import call

    central, _group, stations = fleet
    window = window_for(qtbot, services, central, admin)
    panel = window.open_station(services.stations.get("CP-1").id)
    logs = panel.logs
    panel.ui.logTabs.setCurrentIndex(logs.diagnostics_tab)
    assert logs.ui.requestButton.isEnabled() and not logs.ui.openButton.isEnabled()
    logs.request()
    logs.ui.protocolCombo.setCurrentIndex(1)  # FTP
    logs.request()

    def received():
        return [r for r in logs.diagnostics.rows() if r.state == "received"]

    aio.wait_until(lambda: len(received()) == 2, timeout=20)
    assert {r.protocol for r in received()} == {"http", "ftp"}
    logs.ui.diagnosticsTable.selectRow(0)
    assert logs.ui.openButton.isEnabled()
    shoot("diagnostics-log", window)
    aio.run(stations[0]._send(call.StatusNotification(connector_id=1, error_code="GroundFailure", status="Faulted",
                                                      info="RCD tripped", vendor_id="SimVendor",
                                                      vendor_error_code="E42")))
    panel.ui.logTabs.setCurrentIndex(logs.hardware_tab)
    aio.wait_until(lambda: any(r.error_code == "GroundFailure" for r in logs.hardware.rows()), timeout=10)
    shoot("hardware-status-log", window)
    # Export CSV… from every log tab writes that log
    from evdesk.gui.pages.station_panel import TAB_ACTIONS, TAB_COMM, TAB_EVENTS, TAB_NETWORK

    for tab, log, needle in ((TAB_EVENTS, "event_feed", "GroundFailure"), (TAB_COMM, "comm_log", "GetDiagnostics"),
                             (TAB_ACTIONS, "action_log", "GetDiagnostics"), (TAB_NETWORK, "network_log", "boot"),
                             (logs.hardware_tab, "hardware_status", "E42"), (logs.diagnostics_tab, "diagnostics",
                                                                             "received")):
        panel.ui.logTabs.setCurrentIndex(tab)
        assert logs.current_log() == log and logs.export_button.isEnabled()
        path = tmp_path / f"{log}.csv"
        job = logs.export_to(log, str(path))
        aio.wait_until(lambda job=job: job.finished, timeout=10)
        assert not job.error and job.rows >= 1, (log, job.error)
        assert needle in path.read_text(encoding="utf-8"), log
        assert len(list(csv.reader(path.open(encoding="utf-8")))) == job.rows + 1
    panel.ui.logTabs.setCurrentIndex(panel.sessions_tab)
    assert not logs.export_button.isEnabled()


def test_the_file_limits_are_site_settings(qtbot, aio, services, admin, tmp_path):
    """The firmware limit set on the Settings page is the one an upload is refused by."""
    from evdesk.core.errors import ValidationError

    window = MainWindow(services, None, "", operator=admin)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.show_page("settings")
    ui = window.page("settings").ui
    assert (ui.firmwareMaxSpin.value(), ui.diagnosticsTimeoutSpin.value(), ui.ftpPortSpin.value()) == (512, 30, 2121)
    ui.firmwareMaxSpin.setValue(1)
    ui.diagnosticsTimeoutSpin.setValue(10)
    ui.saveButton.click()
    aio.wait_until(lambda: services.settings.firmware_max_mb == 1)
    assert services.settings.diagnostics_timeout_minutes == 10
    big = tmp_path / "big.bin"
    big.write_bytes(b"\1" * (1024 * 1024 + 1))
    with pytest.raises(ValidationError) as refused:
        aio.run(services.firmware.library.add(admin, big))
    assert "larger than the limit of 1 MB" in str(refused.value)
    window.show_page("firmware")  # the page says it next to the upload
    page = window.page("firmware")
    page.upload(str(big))
    aio.wait_until(lambda: "larger than the limit of 1 MB (Settings: largest firmware file)" in page.ui.stateLabel.text())
    assert page.files.rowCount() == 0
    shoot("settings-firmware-section", window.page("settings").ui.firmwareBox)
