"""The station panel's Compatibility tab, with the real server and a simulated charger: what the
probe saw, editing and saving the switches (applied by the server at once), sharing with the
model, refusals next to their field, and who may do what."""

from __future__ import annotations

from evdesk.core.permissions import ADMIN, ANALYST, SYSTEM_CONTEXT, OperatorContext
from tests.gui.test_station_panel import live_site, open_panel  # noqa: F401 - live_site is a fixture


def show_tab(panel):
    panel.ui.logTabs.setCurrentIndex(panel.compat_tab_index)
    return panel.compat_tab


def findings(tab):
    tree = tab.ui.observationsTree
    return {tree.topLevelItem(i).text(0): tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())}


def test_the_tab_shows_the_probe_and_saves_switches_the_server_applies(qtbot, aio, services, live_site, admin):  # noqa: F811
    central, station, info = live_site
    aio.wait_until(lambda: (services.compat.profiles.get(info.id) or {}).get("probed_at") is not None)
    window, panel = open_panel(qtbot, services, admin, info.id, central)
    tab = show_tab(panel)
    aio.wait_until(lambda: "SupportedFeatureProfiles" in findings(tab))
    seen = findings(tab)
    assert seen["Subprotocol offered"] == "ocpp1.6" and "SmartCharging" in seen["SupportedFeatureProfiles"]
    assert "Switches from the probe's findings" in tab.ui.stateLabel.text() or "defaults" in tab.ui.stateLabel.text()
    assert tab.ui.smartChargingCheck.isChecked() and tab.ui.stackSpin.value() == 8
    assert tab.ui.shareCheck.isEnabled() and "evdesk SimCharger" in tab.ui.shareCheck.text()

    tab.ui.naiveLocalCheck.setChecked(True)
    tab.ui.stackSpin.setValue(2)
    tab.ui.shareCheck.setChecked(True)
    assert tab.dirty()
    tab.ui.saveButton.click()
    aio.wait_until(lambda: not tab.busy)
    assert "Saved" in tab.ui.messageLabel.text(), tab.ui.messageLabel.text()
    switches = services.compat.switches(info.id)
    assert switches.naive_times_local and switches.max_stack_level == 2
    assert services.compat.naive_zone(services.stations.get("SIM-01")) is not None  # the server reads local time now
    assert services.compat.models["evdesk|simcharger"]["shared_by"] == admin.name
    assert "Set by hand" in tab.ui.stateLabel.text() and "shared by" in tab.ui.stateLabel.text()

    # someone else saved meanwhile: the tab says so instead of overwriting
    view = services.compat.profile(admin, info.id)
    tab.ui.unitlessKwhCheck.setChecked(True)  # the tab's own edit keeps it from reloading
    aio.run(services.compat.save(SYSTEM_CONTEXT, info.id, view.switches.as_dict() | {"skip_schema_validation": True},
                                 expected_version=view.version))
    tab.ui.saveButton.click()
    aio.wait_until(lambda: not tab.busy)
    assert "Someone changed this profile meanwhile" in tab.ui.messageLabel.text()
    tab.ui.revertButton.click()
    assert tab.ui.skipSchemaCheck.isChecked() and not tab.ui.unitlessKwhCheck.isChecked()


def test_who_may_edit_and_share_in_the_tab(qtbot, aio, services, live_site):  # noqa: F811
    central, station, info = live_site
    depot = aio.run(services.groups.add(SYSTEM_CONTEXT, "Depot"))
    aio.run(services.groups.assign_stations(SYSTEM_CONTEXT, depot.id, [info.id]))
    analyst = OperatorContext(None, "an", ANALYST)
    window, panel = open_panel(qtbot, services, analyst, info.id, central)
    tab = show_tab(panel)
    assert not tab.ui.switchesBox.isEnabled() and not tab.ui.saveButton.isEnabled()
    assert "read-only" in tab.ui.messageLabel.text()
    window.close()
    group_admin = services.groups.fresh(OperatorContext(None, "gus", ADMIN, base_group_id=depot.id))
    window, panel = open_panel(qtbot, services, group_admin, info.id, central)
    tab = show_tab(panel)
    assert tab.ui.switchesBox.isEnabled() and tab.ui.saveButton.isEnabled()
    assert not tab.ui.shareCheck.isEnabled() and "whole site" in tab.ui.shareCheck.toolTip()
    tab.ui.unitlessKwhCheck.setChecked(True)
    tab.ui.saveButton.click()
    aio.wait_until(lambda: not tab.busy)
    assert services.compat.switches(info.id).unitless_energy_kwh
