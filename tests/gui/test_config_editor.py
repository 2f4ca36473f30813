"""The configuration editor (station panel, Configuration tab) against a simulated charger over
real websockets: refresh first, read-only keys greyed, type checks next to the value, the
outcome per key (Accepted / RebootRequired with the reset offered / Rejected / NotSupported as
"Charging point configuration error."), the reason in the action log, comparison with another
station, and who may edit (the existing rules of "Change configuration…", domains included)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from evdesk.core.permissions import ANALYST, BASIC, SYSTEM_CONTEXT, OperatorContext
from evdesk.gui.models import station_config_model as cm
from evdesk.gui.pages.station_panel import TAB_CONFIG
from evdesk.gui.widgets.config_editor import MUST_REFRESH
from evdesk.simulator import SimulatedStation
from tests.gui.test_station_panel import live_site, open_panel, send  # noqa: F401 - live_site is a fixture


def value_index(panel, key):
    return panel.config.index(panel.config.row_of(key), cm.COL_VALUE)


def cell(panel, key, column):
    return panel.config.index(panel.config.row_of(key), column).data()


def refreshed_panel(qtbot, aio, services, operator, info, central):
    window, panel = open_panel(qtbot, services, operator, info.id, central)
    panel.ui.logTabs.setCurrentIndex(TAB_CONFIG)
    aio.wait_until(lambda: panel.config.read_once)
    return window, panel


def test_refresh_first_then_edit_with_type_checks_and_see_each_outcome(qtbot, aio, services, live_site, admin,
                                                                        check_model):  # noqa: F811
    central, station, info = live_site
    window, panel = refreshed_panel(qtbot, aio, services, admin, info, central)
    check_model(panel.config)
    editor = panel.config_editor
    # the key evdesk set after boot is stored already, but nothing is editable before a refresh
    aio.wait_until(lambda: panel.config.row_of("MeterValueSampleInterval") >= 0)
    assert "read at" in panel.ui.configStateLabel.text()
    assert MUST_REFRESH in editor.message.text()
    assert not panel.config.flags(value_index(panel, "MeterValueSampleInterval")) & Qt.ItemFlag.ItemIsEditable
    assert not editor.apply_button.isEnabled()

    send(aio, panel.refresh_configuration(), "before editing")
    aio.wait_until(lambda: panel.config.row_of("NumberOfConnectors") >= 0)
    assert editor.refreshed and MUST_REFRESH not in editor.message.text()
    # read-only keys are greyed and never editable; writable ones are
    assert not panel.config.flags(value_index(panel, "NumberOfConnectors")) & Qt.ItemFlag.ItemIsEditable
    assert value_index(panel, "NumberOfConnectors").data(Qt.ItemDataRole.ForegroundRole) == cm.GREY
    assert panel.config.flags(value_index(panel, "HeartbeatInterval")) & Qt.ItemFlag.ItemIsEditable
    assert "integer, seconds" in panel.config.index(panel.config.row_of("HeartbeatInterval"), cm.COL_KEY).data(
        Qt.ItemDataRole.ToolTipRole)

    # type checks: the refusal shows next to the value, nothing is kept
    assert not panel.config.setData(value_index(panel, "HeartbeatInterval"), "often")
    assert cell(panel, "HeartbeatInterval", cm.COL_OUTCOME) == "HeartbeatInterval takes a whole number (0 or more), e.g. 60."
    assert not panel.config.setData(value_index(panel, "LocalAuthListEnabled"), "maybe")
    assert "true or false" in cell(panel, "LocalAuthListEnabled", cm.COL_OUTCOME)
    assert not panel.config.setData(value_index(panel, "MeterValuesSampledData"), "Energy,Power")
    assert "is not one of" in cell(panel, "MeterValuesSampledData", cm.COL_OUTCOME)
    assert not panel.config.pending

    # four good edits: accepted, reboot required, rejected by the station, unknown to it by now
    assert panel.config.setData(value_index(panel, "HeartbeatInterval"), "120")
    assert panel.config.setData(value_index(panel, "WebSocketPingInterval"), "30")
    assert panel.config.setData(value_index(panel, "MeterValuesSampledData"), "Energy.Active.Import.Register, Temperature")
    assert panel.config.setData(value_index(panel, "StopTransactionOnInvalidId"), "FALSE")
    station.config._keys.pop("stoptransactiononinvalidid")  # new firmware dropped the key meanwhile
    assert cell(panel, "HeartbeatInterval", cm.COL_OUTCOME) == "Not sent yet"
    assert cell(panel, "StopTransactionOnInvalidId", cm.COL_VALUE) == "false"
    assert editor.apply_button.text() == "Apply 4 changes"

    editor.apply_button.click()  # no reason given
    assert "Give a reason" in editor.message.text() and not editor.busy
    editor.reason_edit.setText("slower heartbeat, temperature sampling")
    editor.apply_button.click()
    aio.wait_until(lambda: not editor.busy, timeout=20)
    aio.wait_until(lambda: cell(panel, "HeartbeatInterval", cm.COL_VALUE) == "120"
                   and "HeartbeatInterval" not in panel.config.pending)
    assert cell(panel, "HeartbeatInterval", cm.COL_OUTCOME) == "Accepted"
    assert cell(panel, "WebSocketPingInterval", cm.COL_OUTCOME) == "Accepted — the station applies it after a reset"
    assert cell(panel, "MeterValuesSampledData", cm.COL_OUTCOME) == "Rejected. Charging point configuration error."
    assert cell(panel, "StopTransactionOnInvalidId", cm.COL_OUTCOME) == "Not supported. Charging point configuration error."
    assert panel.config.index(panel.config.row_of("MeterValuesSampledData"), cm.COL_OUTCOME).data(
        Qt.ItemDataRole.ForegroundRole) == cm.FAILED
    assert "2 of 4 change(s) did not take effect" in editor.message.text()
    assert station.config.get("HeartbeatInterval") == "120" and station.config.get("WebSocketPingInterval") == "30"
    # the refused ones stay pending (to correct or discard); the reset is offered
    assert set(panel.config.pending) == {"MeterValuesSampledData", "StopTransactionOnInvalidId"}
    assert editor.reset_bar.isVisibleTo(panel) and "WebSocketPingInterval" in editor.reset_label.text()
    editor.reset_button.click()
    reset = panel.dialogs[-1]
    assert reset.command.key == "reset" and reset.editors["kind"].value() == "Soft"
    reset.reject()
    editor.discard_button.click()
    assert not panel.config.pending

    # every change went through the command API with the reason and the operator
    rows = aio.run(services.history.action_log(admin, info.id)).items
    changes = [r for r in rows if r.action == "ChangeConfiguration" and r.reason == "slower heartbeat, temperature sampling"]
    assert len(changes) == 4


def test_compare_with_another_station_shows_its_values_and_only_differences(qtbot, aio, services, live_site, admin):  # noqa: F811
    central, station, info = live_site
    aio.run(services.stations.create_station("SIM-02", "Second charger", connectors=1, ctx=SYSTEM_CONTEXT))
    other = SimulatedStation("SIM-02", central.url, connectors=1, reboot_delay=0.2,
                             config={"ConnectionTimeOut": "90", "ChargeProfileMaxStackLevel": "0"})
    aio.run(other.start())
    try:
        aio.run(other.wait_accepted(15))
        second = services.stations.get("SIM-02")
        assert aio.run(central.commands.get_configuration(second.id, ctx=admin, reason="baseline")).ok
        aio.run(central.commands.get_configuration(info.id, ctx=admin, reason="baseline"))
        window, panel = refreshed_panel(qtbot, aio, services, admin, info, central)
        aio.wait_until(lambda: panel.config.row_of("NumberOfConnectors") >= 0)
        editor = panel.config_editor
        names = [editor.compare_combo.itemText(i) for i in range(editor.compare_combo.count())]
        assert names == ["(no comparison)", "Second charger"]
        editor.compare_with(second.id)
        aio.wait_until(lambda: panel.config.other is not None)
        assert panel.config.headerData(cm.COL_OTHER, Qt.Orientation.Horizontal) == "Second charger"
        assert cell(panel, "ConnectionTimeOut", cm.COL_OTHER) == "90"
        assert panel.config.differs(panel.config.row_at(panel.config.row_of("ConnectionTimeOut")))
        assert not panel.config.differs(panel.config.row_at(panel.config.row_of("HeartbeatInterval")))
        editor.only_differences.setChecked(True)
        shown = {panel.config_filter.index(r, cm.COL_KEY).data() for r in range(panel.config_filter.rowCount())}
        assert {"ConnectionTimeOut", "ChargeProfileMaxStackLevel", "NumberOfConnectors"} <= shown
        assert "HeartbeatInterval" not in shown
        editor.compare_with(None)
        assert panel.config.other is None and panel.config_filter.rowCount() == panel.config.rowCount()
    finally:
        aio.run(other.stop())


def test_compare_with_a_station_template_shows_the_keys_its_source_station_had(qtbot, aio, services, live_site,
                                                                              admin):  # noqa: F811
    central, station, info = live_site
    aio.run(services.stations.create_station("SIM-03", "Model charger", connectors=1, ctx=SYSTEM_CONTEXT))
    source = SimulatedStation("SIM-03", central.url, connectors=1, reboot_delay=0.2,
                              config={"ConnectionTimeOut": "75", "AuthorizationKey": "0011223344556677"})
    aio.run(source.start())
    try:
        aio.run(source.wait_accepted(15))
        model = services.stations.get("SIM-03")
        assert aio.run(central.commands.get_configuration(model.id, ctx=admin, reason="baseline")).ok
        template = aio.run(services.station_details.save_as_template(admin, model.id, "Depot type"))
    finally:
        aio.run(source.stop())
    kept = {r.key: r.value for r in aio.run(services.station_details.template_configuration(admin, template.id))}
    assert kept["ConnectionTimeOut"] == "75" and kept.get("AuthorizationKey") in (None, "********")
    aio.run(central.commands.get_configuration(info.id, ctx=admin, reason="baseline"))
    window, panel = refreshed_panel(qtbot, aio, services, admin, info, central)
    aio.wait_until(lambda: panel.config.row_of("ConnectionTimeOut") >= 0)
    editor = panel.config_editor
    aio.wait_until(lambda: editor.compare_combo.findText("Template: Depot type") >= 0,
                   message="the template is not offered")
    editor.compare_with(f"template:{template.id}")
    aio.wait_until(lambda: panel.config.other is not None)
    assert panel.config.headerData(cm.COL_OTHER, Qt.Orientation.Horizontal) == "Template: Depot type"
    assert cell(panel, "ConnectionTimeOut", cm.COL_OTHER) == "75"
    assert panel.config.differs(panel.config.row_at(panel.config.row_of("ConnectionTimeOut")))


def test_who_may_edit(qtbot, aio, services, live_site):  # noqa: F811
    central, station, info = live_site
    # stations in groups: orphans are seen by whole-site admins only
    group = aio.run(services.groups.add(SYSTEM_CONTEXT, "Depot"))
    other_group = aio.run(services.groups.add(SYSTEM_CONTEXT, "Elsewhere"))
    aio.run(services.groups.assign_stations(SYSTEM_CONTEXT, group.id, [info.id]))
    aio.run(services.stations.create_station("FAR-01", "Far away", connectors=1, group_id=other_group.id,
                                             ctx=SYSTEM_CONTEXT))
    aio.run(services.stations.create_station("NEAR-01", "Next door", connectors=1, group_id=group.id,
                                             ctx=SYSTEM_CONTEXT))
    aio.wait_until(lambda: services.stations.get_by_id(info.id).group_id == group.id)
    # an analyst reads, cannot refresh, cannot edit
    analyst = OperatorContext(None, "an", ANALYST)
    assert aio.run(central.commands.get_configuration(info.id, ctx=SYSTEM_CONTEXT, reason="baseline")).ok
    window, panel = refreshed_panel(qtbot, aio, services, analyst, info, central)
    panel.config_editor.station_refreshed(type("R", (), {"ok": True})())  # even a refresh would not unlock it
    aio.wait_until(lambda: panel.config.row_of("MeterValueSampleInterval") >= 0)
    assert not panel.config.flags(value_index(panel, "MeterValueSampleInterval")) & Qt.ItemFlag.ItemIsEditable
    assert "not change it" in panel.config_editor.message.text()
    window.close()

    # a basic operator sends commands (the existing rule), so edits after a refresh
    basic = services.groups.fresh(OperatorContext(None, "bea", BASIC, base_group_id=group.id))
    window, panel = refreshed_panel(qtbot, aio, services, basic, info, central)
    send(aio, panel.refresh_configuration(), "before editing")
    aio.wait_until(lambda: panel.config.row_of("HeartbeatInterval") >= 0 and panel.config_editor.refreshed)
    assert panel.config.flags(value_index(panel, "HeartbeatInterval")) & Qt.ItemFlag.ItemIsEditable
    # comparison offers only stations in the operator's domain
    combo = panel.config_editor.compare_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["(no comparison)", "Next door"]


def test_reading_a_few_keys_does_not_unlock_editing(qtbot, aio, services, live_site, admin):  # noqa: F811
    central, station, info = live_site
    window, panel = refreshed_panel(qtbot, aio, services, admin, info, central)
    dialog = panel.refresh_configuration()
    dialog.editors["keys"].set_value("HeartbeatInterval")
    send(aio, dialog, "just the heartbeat")
    assert dialog.result.ok
    aio.wait_until(lambda: panel.config.row_of("HeartbeatInterval") >= 0)
    assert not panel.config_editor.refreshed and MUST_REFRESH in panel.config_editor.message.text()
    assert not panel.config.flags(value_index(panel, "HeartbeatInterval")) & Qt.ItemFlag.ItemIsEditable


def test_read_only_and_unknown_keys_refuse_edits_even_from_code(qtbot, aio, services, live_site, admin):  # noqa: F811
    central, station, info = live_site
    window, panel = refreshed_panel(qtbot, aio, services, admin, info, central)
    send(aio, panel.refresh_configuration(), "before editing")
    aio.wait_until(lambda: panel.config_editor.refreshed and panel.config.row_of("NumberOfConnectors") >= 0)
    assert not panel.config.edit("NumberOfConnectors", "4") and not panel.config.pending
    assert aio.run(central.commands.get_configuration(info.id, ["NoSuchKey"], ctx=admin, reason="probe")).ok
    aio.wait_until(lambda: panel.config.row_of("NoSuchKey") >= 0)
    assert not panel.config.edit("NoSuchKey", "1") and not panel.config.pending
