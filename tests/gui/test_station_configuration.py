"""The station panel's Configuration tab: the keys as last fetched (key, value, read-only, fetched
at in the site zone), and "Refresh configuration" (the real command, against the simulator)
updating it.

The core's read method `configuration_keys(ctx, station_id)` (evdesk/core/station_config.py,
written by another helper) is not in this branch yet: `FakeStationConfig` stands in for that
one method (tests/gui/fakes.py), reading what the OCPP server stored, with the same domain
check and row fields.
"""

from __future__ import annotations

import dataclasses
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt

from evdesk.core.permissions import ANALYST, OperatorContext
from evdesk.gui.models import station_config_model as cm
from evdesk.gui.pages.station_panel import TAB_CONFIG
from tests.gui.fakes import FakeStationConfig
from tests.gui.test_station_panel import live_site, open_panel, send  # noqa: F401 - live_site is a fixture


def cells(panel, column):
    proxy = panel.config_filter
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def test_the_configuration_tab_shows_the_keys_and_refresh_updates_it(qtbot, aio, services, live_site, admin,  # noqa: F811
                                                                       check_model):
    central, station, info = live_site
    services.station_config = FakeStationConfig(services)
    window, panel = open_panel(qtbot, services, admin, info.id, central)
    check_model(panel.config)
    assert services.station_config.calls == []  # read when the tab is first looked at
    panel.ui.logTabs.setCurrentIndex(TAB_CONFIG)
    aio.wait_until(lambda: panel.config.read_once)
    # at most the one key evdesk set after the station's boot (MeterValueSampleInterval) is known yet
    assert set(cells(panel, cm.COL_KEY)) <= {"MeterValueSampleInterval"}
    assert services.station_config.calls == [(admin, info.id)]

    dialog = panel.refresh_configuration()  # the existing command, sent for real
    assert dialog.command.key == "get_configuration"
    send(aio, dialog, "see what the charger is set to")
    assert dialog.result.ok, dialog.result
    aio.wait_until(lambda: panel.config.rowCount() > 3)
    keys = cells(panel, cm.COL_KEY)
    assert keys == sorted(keys, key=str.casefold) and "HeartbeatInterval" in keys
    row = next(r for r in panel.config.rows() if r.key == "HeartbeatInterval")
    shown = panel.config_filter.index(keys.index("HeartbeatInterval"), 0)
    assert [panel.config_filter.index(shown.row(), c).data() for c in range(4)] == [
        "HeartbeatInterval", row.value, "Yes" if row.readonly else "No",
        row.fetched_at.astimezone(ZoneInfo("Europe/Helsinki")).strftime("%Y-%m-%d %H:%M:%S")]
    assert panel.config.headerData(cm.COL_FETCHED, Qt.Orientation.Horizontal) == "Fetched at (Europe/Helsinki)"
    assert "(Europe/Helsinki)" in panel.ui.configStateLabel.text() and "read-only" in panel.ui.configStateLabel.text()
    # refreshed here by an admin: values of writable keys are editable (the editor's own tests say more)
    assert panel.config.flags(panel.config.index(panel.config.row_of("HeartbeatInterval"), cm.COL_VALUE)) \
        & Qt.ItemFlag.ItemIsEditable
    panel.ui.configSearchEdit.setText("heartbeat")
    assert cells(panel, cm.COL_KEY) == ["HeartbeatInterval"]
    panel.ui.configSearchEdit.clear()

    # a change made through the command shows up; the fetched time follows the site zone at once
    change = panel.open_command("change_configuration", key="HeartbeatInterval", value="123")
    send(aio, change, "slower heartbeat")
    aio.wait_until(lambda: any(r.key == "HeartbeatInterval" and r.value == "123" for r in panel.config.rows()))
    aio.run(services.save_settings(dataclasses.replace(services.settings, site_timezone="Asia/Tokyo"), ctx=admin))
    row = next(r for r in panel.config.rows() if r.key == "HeartbeatInterval")
    index = panel.config.index(panel.config.row_of("HeartbeatInterval"), cm.COL_FETCHED)
    assert index.data() == row.fetched_at.astimezone(ZoneInfo("Asia/Tokyo")).strftime("%Y-%m-%d %H:%M:%S")
    assert panel.config.headerData(cm.COL_FETCHED, Qt.Orientation.Horizontal) == "Fetched at (Asia/Tokyo)"


def test_an_analyst_reads_the_keys_but_cannot_ask_the_station(qtbot, aio, services, live_site):  # noqa: F811
    central, station, info = live_site
    services.station_config = FakeStationConfig(services)
    analyst = OperatorContext(None, "an", ANALYST)
    window, panel = open_panel(qtbot, services, analyst, info.id, central)
    panel.ui.logTabs.setCurrentIndex(TAB_CONFIG)
    aio.wait_until(lambda: panel.config.read_once)
    assert not panel.ui.refreshConfigButton.isEnabled()
    assert services.station_config.calls == [(analyst, info.id)]
