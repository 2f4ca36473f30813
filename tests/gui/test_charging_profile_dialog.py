"""Set charging profile without JSON, against a simulated charger over real websockets: the
editor's fields and periods, the chart following them, problems next to their fields, the
station's limits from its compatibility profile, the profile installed, and Get composite
schedule answering with the same chart."""

from __future__ import annotations

from PySide6.QtCore import Qt

from evdesk.gui.dialogs.charging_profile_dialog import ChargingProfileDialog
from evdesk.core.charging_profiles import Step
from tests.gui.test_station_panel import live_site, open_panel, send  # noqa: F401 - live_site is a fixture


def set_cell(model, row, column, text):
    assert model.setData(model.index(row, column), text)


def test_edit_a_profile_see_its_chart_and_install_it(qtbot, aio, services, live_site, admin, check_model):  # noqa: F811
    central, station, info = live_site
    aio.wait_until(lambda: services.compat.switches(info.id).max_stack_level == 8)  # the probe read the station
    window, panel = open_panel(qtbot, services, admin, info.id, central)
    dialog = panel.open_command("set_charging_profile", connector_id=1)
    assert isinstance(dialog, ChargingProfileDialog)
    check_model(dialog.periods)
    ui = dialog.ui
    assert ui.connectorCombo.currentData() == 1 and not dialog.refresh()  # the default draft is sendable
    assert dialog.chart.steps and dialog.chart.steps[0].limit == 16.0 and dialog.chart.unit == "A"

    # a two-step evening schedule: the chart follows each edit
    ui.durationSpin.setValue(120)
    row = dialog.periods.rowCount()
    ui.addPeriodButton.click()
    set_cell(dialog.periods, row, 0, "60")
    set_cell(dialog.periods, row, 1, "8")
    set_cell(dialog.periods, row, 2, "1")
    assert dialog.chart.steps == [Step(0, 3600, 16.0), Step(3600, 7200, 8.0, 1)]
    assert dialog.periods.headerData(1, Qt.Orientation.Horizontal) == "Limit (A)"

    # problems show next to their fields as they are made
    set_cell(dialog.periods, row, 1, "lots")
    assert ui.periodsError.isVisibleTo(dialog) and "Period 2: the limit is a number" in ui.periodsError.text()
    ui.stackSpin.setValue(9)
    assert "up to 8" in ui.stackError.text()
    ui.purposeCombo.setCurrentIndex(ui.purposeCombo.findData("ChargePointMaxProfile"))
    assert "connector 0" in ui.connectorError.text()
    dialog.send_button.click()
    assert "Not sent" in dialog.outcome_text() and not dialog.busy and "reason" in ui.reasonError.text()
    set_cell(dialog.periods, row, 1, "8")
    ui.stackSpin.setValue(3)
    ui.purposeCombo.setCurrentIndex(ui.purposeCombo.findData("TxDefaultProfile"))
    ui.kindCombo.setCurrentIndex(ui.kindCombo.findData("Recurring"))
    assert ui.recurrencyCombo.currentData() == "Daily" and not ui.recurrencyError.isVisibleTo(dialog)
    assert not dialog.refresh()

    ui.reasonEdit.setPlainText("evening peak at the depot")
    dialog.send_button.click()
    aio.wait_until(lambda: not dialog.busy, timeout=20)
    assert dialog.result.ok, dialog.outcome_text()
    installed = station.profiles.profiles[-1]
    assert (installed.stack_level, installed.purpose, installed.kind) == (3, "TxDefaultProfile", "Recurring")
    assert [(p[0], p[1]) for p in installed.periods] == [(0, 16.0), (3600, 8.0)]
    dialog.close()

    # the station's own combination comes back as the same chart, not JSON
    composite = panel.open_command("get_composite_schedule", connector_id=1, unit="A", duration=7200)
    send(aio, composite, "check the evening limit")
    assert composite.result.ok
    assert composite.chart is not None and composite.chart.isVisibleTo(composite)
    assert not composite.ui.responseView.isVisibleTo(composite)
    assert composite.chart.unit == "A" and composite.chart.steps[0].limit == 16.0
    assert any(s.limit < 16.0 and s.start_s >= 3500 for s in composite.chart.steps)  # the evening step
    assert composite.chart.steps[-1].end_s == 7200


def test_a_station_without_smart_charging_is_told_before_sending(qtbot, aio, services, live_site, admin):  # noqa: F811
    central, station, info = live_site
    aio.wait_until(lambda: services.compat.profiles.get(info.id, {}).get("probed_at") is not None)
    services.compat.profiles[info.id]["switches"].update(smart_charging=False, rate_units="W")
    window, panel = open_panel(qtbot, services, admin, info.id, central)
    dialog = panel.open_command("set_charging_profile")
    assert "does not support smart charging" in dialog.outcome_text()
    assert "A only" not in dialog.ui.unitError.text() and "W only" in dialog.ui.unitError.text()
    assert "not taken by this station" in dialog.ui.unitCombo.itemText(0)
