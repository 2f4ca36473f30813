"""The Tariffs page, the tariff editor with its live preview, and the tariff group editor."""

from __future__ import annotations

from datetime import datetime, time, timezone
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone

from evdesk.core.people_types import TokenInput, UserInput
from evdesk.core.permissions import ADMIN, ANALYST, BASIC, SYSTEM_CONTEXT, OperatorContext
from evdesk.core.pricing.tariff import FIELDS_BY_KIND
from evdesk.gui.dialogs.tariff_dialog import PRICE_EDITS, ROWS, TariffDialog
from evdesk.gui.dialogs.tariff_group_dialog import TariffGroupDialog
from evdesk.gui.pages.tariffs_page import GROUPS_TAB, TariffsPage
from evdesk.settings import SiteSettings

ROOT = SYSTEM_CONTEXT
MY_TEST_TARIFF = {"kind": "energy_time", "energy_price": "0.50", "time_price": "1", "time_unit": "hour",
                  "connection_fee": "5"}


@pytest.fixture
def site_settings():
    return SiteSettings(site_timezone="Europe/London", currency="GBP", command_timeout=5, post_boot_quiet_seconds=0.0)


def show(qtbot, widget, size=(1100, 700)):
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    return widget


def column(model, c=0):
    return [model.index(r, c).data() for r in range(model.rowCount())]


def visible_rows(dialog) -> set[str]:
    form = dialog.ui.pricesForm
    return {row for row in ROWS if form.isRowVisible(getattr(dialog.ui, f"{row}Row"))}


def test_the_editor_shows_only_the_fields_of_the_chosen_type(qtbot, aio, services):
    dialog = show(qtbot, TariffDialog(services, lambda: ROOT))
    for i in range(dialog.ui.kindCombo.count()):
        dialog.ui.kindCombo.setCurrentIndex(i)
        kind = dialog.kind()
        used = set(FIELDS_BY_KIND[kind])
        assert visible_rows(dialog) == {row for row, fields in ROWS.items() if fields[0] in used}, kind
        assert dialog.ui.pricesBox.isVisible() == (kind != "free")
    dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData("ac_dc"))
    assert dialog.ui.energyPriceLabel.text() == "Energy (AC):" and dialog.ui.currentCombo.isEnabled()
    dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData("day_night"))
    assert dialog.ui.energyPriceLabel.text() == "Energy (day):"
    # the currency is the site's, shown and not editable
    assert dialog.ui.currencyValue.text().startswith("GBP") and dialog.ui.maxCostUnit.text() == "GBP"


def test_a_bad_price_shows_its_message_next_to_the_field(qtbot, aio, services):
    dialog = show(qtbot, TariffDialog(services, lambda: ROOT))
    ui = dialog.ui
    ui.nameEdit.setText("Odd")
    ui.energyPriceEdit.setText("0.123456")
    ui.connectionFeeEdit.setText("-1")
    assert ui.energyPriceError.isVisible() and ui.energyPriceError.text() == "Energy price: at most 4 decimals."
    assert ui.connectionFeeError.isVisible() and "cannot be negative" in ui.connectionFeeError.text()
    assert ui.timePriceError.text() == "" and dialog.preview_breakdown is None
    assert "Correct the fields marked in red" in ui.previewTotals.text()
    dialog.save()
    assert ui.formError.isVisible() and services.tariffs.list_tariffs() == []
    ui.energyPriceEdit.setText("0,1234")  # a decimal comma is taken
    ui.connectionFeeEdit.setText("")
    assert ui.energyPriceError.text() == "" and ui.connectionFeeError.text() == ""
    assert dialog.preview_breakdown is not None


def fill_my_test_tariff(dialog) -> None:
    ui = dialog.ui
    ui.nameEdit.setText("My Test Tariff")
    ui.kindCombo.setCurrentIndex(ui.kindCombo.findData("energy_time"))
    ui.energyPriceEdit.setText("0.50")
    ui.timePriceEdit.setText("1")
    ui.timeUnitCombo.setCurrentIndex(ui.timeUnitCombo.findData("hour"))
    ui.connectionFeeEdit.setText("5")
    ui.durationMinSpin.setValue(14)
    ui.durationSecSpin.setValue(23)
    ui.energySpin.setValue(5.3)


def test_the_preview_reproduces_my_test_tariff_and_saving_creates_it(qtbot, aio, services):
    page = show(qtbot, TariffsPage(services, lambda: ROOT))
    dialog = page.add_tariff()
    fill_my_test_tariff(dialog)
    result = dialog.preview_breakdown
    assert result.total == Decimal("7.89") and result.currency == "GBP"
    assert [(ln.code, ln.amount) for ln in result.lines] == [
        ("connection", Decimal("5.00")), ("energy", Decimal("2.65")), ("time", Decimal("0.24"))]
    table = dialog.ui.previewTable
    assert table.rowCount() == 3 and table.item(1, 1).text() == "5.3 kWh" and table.item(1, 3).text() == "2.65"
    assert "GBP 7.89" in dialog.ui.previewTotals.text()
    # a parking fee joins the preview as its own line
    dialog.ui.idleFeeEdit.setText("3")
    dialog.ui.idleGraceSpin.setValue(30)
    dialog.ui.parkingSpin.setValue(90)
    assert dialog.preview_breakdown.amount_of("idle") == Decimal("3.00")
    dialog.ui.idleFeeEdit.setText("")
    dialog.ui.vatRateEdit.setText("20")
    assert "VAT 20 % 1.32 (included)" in dialog.ui.previewTotals.text()
    # valid from 1 July 2030 08:00 on the site's clock (London, summer time: 07:00 UTC)
    dialog.ui.validFromCheck.setChecked(True)
    dialog.ui.validFromEdit.setDateTime(QDateTime(QDate(2030, 7, 1), QTime(8, 0), QTimeZone.utc()))
    dialog.save()
    aio.wait_until(lambda: column(page.model) == ["My Test Tariff"])
    saved = services.tariffs.list_tariffs()[0]
    assert saved.prices.energy_price == Decimal("0.5") and saved.prices.connection_fee == Decimal(5)
    assert saved.prices.vat_rate == Decimal(20) and saved.prices.currency == "GBP"
    assert saved.valid_from == datetime(2030, 7, 1, 7, 0, tzinfo=timezone.utc) and saved.valid_to is None
    assert column(page.model, 3) == ["2030-07-01 08:00"]
    assert column(page.model, 2) == ["GBP 0.5000/kWh, 1.0000/h, 5.0000 connection"]
    assert "Saved the tariff My Test Tariff." == page.ui.stateLabel.text()
    # editing shows what was saved; a fields-only change keeps the rest
    assert page.select_tariff(saved.id)
    edit = page.edit_selected()
    assert edit.ui.energyPriceEdit.text() == "0.5000" and edit.ui.timePriceEdit.text() == "1.0000"
    assert edit.ui.vatRateEdit.text() == "20.00" and edit.ui.validFromCheck.isChecked()
    assert edit.ui.validFromEdit.dateTime().toString("yyyy-MM-dd HH:mm") == "2030-07-01 08:00"
    edit.ui.maxMinutesEdit.setText("120")
    edit.save()
    aio.wait_until(lambda: services.tariffs.list_tariffs()[0].prices.max_minutes == 120)
    assert services.tariffs.list_tariffs()[0].prices.energy_price == Decimal("0.5")


def test_day_night_and_power_levels_in_the_preview(qtbot, aio, services):
    dialog = show(qtbot, TariffDialog(services, lambda: ROOT))
    ui = dialog.ui
    ui.kindCombo.setCurrentIndex(ui.kindCombo.findData("power_levels"))
    assert "levels" in dialog.problems  # no level yet: said next to the table
    assert ui.levelsError.text() == "Add at least one power level."
    for max_kw, per_minute in (("7.4", "0.10"), ("11", "0.12"), ("22", "0.15")):
        dialog.add_level(max_kw, per_minute)
    ui.durationMinSpin.setValue(60)
    ui.energySpin.setValue(15)
    assert dialog.preview_breakdown.total == Decimal("9.00")  # the manual's example
    ui.energySpin.setValue(7)
    assert dialog.preview_breakdown.total == Decimal("6.00")
    ui.kindCombo.setCurrentIndex(ui.kindCombo.findData("day_night"))
    ui.energyPriceEdit.setText("0.30")
    ui.nightEnergyPriceEdit.setText("0.10")
    ui.dayStartsEdit.setTime(ui.dayStartsEdit.time().fromString("07:00", "HH:mm"))
    ui.nightStartsEdit.setTime(ui.nightStartsEdit.time().fromString("22:00", "HH:mm"))
    start = ui.startEdit.dateTime()
    ui.startEdit.setDateTime(start.addSecs(21 * 3600 - start.time().msecsSinceStartOfDay() // 1000))  # 21:00
    ui.durationMinSpin.setValue(120)
    ui.energySpin.setValue(20)
    # 21:00-23:00: half the energy by day, half by night
    assert dialog.preview_breakdown.total == Decimal("3.00") + Decimal("1.00")


def test_the_tariff_group_editor_keeps_the_base_first_and_reorders_the_others(qtbot, aio, services):
    tariffs = services.tariffs
    a = aio.run(tariffs.create_tariff(ROOT, "A", MY_TEST_TARIFF))
    b = aio.run(tariffs.create_tariff(ROOT, "B", {"kind": "flat", "session_price": "2"}))
    drivers = aio.run(services.people.groups.create(ROOT, "Drivers"))
    user = aio.run(services.people.users.create(ROOT, UserInput("Ann", "Able", "ann@example.org"),
                                                [TokenInput("TAG-ANN")]))
    page = show(qtbot, TariffsPage(services, lambda: ROOT))
    dialog = page.add_group()
    ui = dialog.ui
    ui.nameEdit.setText("Depot prices")
    for tariff in (a, b):
        ui.addTariffCombo.setCurrentIndex(ui.addTariffCombo.findData(str(tariff.id)))
        dialog.add_selected_tariff()
    assert column(ui.entriesTable.model(), 1) == ["Depot prices: Base tariff", "A", "B"]
    # the base: not removable, not movable, not restricted
    ui.entriesTable.selectRow(0)
    assert not ui.removeEntryButton.isEnabled() and not ui.upButton.isEnabled() and not ui.downButton.isEnabled()
    assert not ui.restrictionTabs.isEnabled() and "cannot be restricted" in ui.restrictionsNote.text()
    ui.entriesTable.selectRow(1)
    assert not ui.upButton.isEnabled() and ui.downButton.isEnabled()
    dialog.move_entry(1)
    assert column(ui.entriesTable.model(), 1) == ["Depot prices: Base tariff", "B", "A"]
    ui.entriesTable.selectRow(1)
    dialog.move_entry(-1)  # B cannot go above the base
    assert column(ui.entriesTable.model(), 1)[0] == "Depot prices: Base tariff"
    # restrict A (now last) to the Drivers, Ann, and a night window that crosses midnight
    ui.entriesTable.selectRow(2)
    aio.wait_until(lambda: ui.userGroupsList.count() == 1 and ui.userResultsCombo.count() == 1)
    ui.userGroupsList.item(0).setCheckState(ui.userGroupsList.item(0).checkState().Checked)
    dialog.add_member("user")
    dialog.add_window()
    dialog.set_window(0, [4], time(22, 0), time(6, 0))
    assert ui.usersList.count() == 1 and ui.usersList.item(0).text() == "Ann Able <ann@example.org>"
    assert "user groups Drivers; 1 user; Fri 22:00–06:00" == ui.entriesTable.item(2, 3).text()
    dialog.save()
    aio.wait_until(lambda: tariffs.list_groups() != [])
    group = tariffs.list_groups()[0]
    assert [e.tariff_id for e in group.entries] == [b.id, a.id]
    entry = group.entries[1]
    assert entry.user_group_ids == (drivers.id,) and entry.user_ids == (user.id,)
    assert [w.describe() for w in entry.windows] == ["Fri 22:00–06:00"]
    aio.wait_until(lambda: column(page.groups_model) == ["Depot prices"])
    assert column(page.groups_model, 1) == [3] and column(page.groups_model, 2) == ["nowhere yet"]


def test_assignments_are_saved_at_once_and_a_group_in_use_is_not_deleted(qtbot, aio, services):
    tariffs = services.tariffs
    depot = aio.run(services.groups.add(ROOT, "Depot"))
    station = aio.run(services.stations.create_station("CP-1", "Bay 1", depot.id, connectors=2, ctx=ROOT))
    group = aio.run(tariffs.create_group(ROOT, "Depot prices"))
    page = show(qtbot, TariffsPage(services, lambda: ROOT))
    assert page.select_group(group.id) and page.ui.tabs.currentIndex() == GROUPS_TAB
    dialog = page.edit_group()
    panel = dialog.assignments
    combo = [dialog.ui.targetCombo.itemText(i).strip() for i in range(dialog.ui.targetCombo.count())]
    assert combo == ["Charging group Depot", "Station Bay 1 (CP-1)", "connector 1", "connector 2"]
    assert panel.choose(station_id=station.id, connector_id=2)
    panel.assign()
    aio.wait_until(lambda: dialog.ui.assignmentsTable.rowCount() == 1)
    assert dialog.ui.assignmentsTable.item(0, 0).text() == "Bay 1, connector 2"
    dialog.close()
    aio.wait_until(lambda: column(page.groups_model, 2) == ["Bay 1, connector 2"])
    page.select_group(group.id)
    page.confirm_delete_group()
    page.confirm_button.click()
    aio.wait_until(lambda: "in use (Bay 1, connector 2)" in page.ui.stateLabel.text())
    assert tariffs.list_groups() != []


@pytest.mark.parametrize("ctx, assigns", [
    (OperatorContext(None, "ann", ANALYST), False),
    (OperatorContext(None, "bo", BASIC), False),
    (OperatorContext(None, "gus", ADMIN, base_group_id=None, domain_groups=frozenset()), True),
], ids=["analyst", "basic", "group-admin"])
def test_an_operator_who_may_not_edit_sees_read_only_editors(qtbot, aio, services, ctx, assigns):
    tariff = aio.run(services.tariffs.create_tariff(ROOT, "Standard", MY_TEST_TARIFF))
    group = aio.run(services.tariffs.create_group(ROOT, "Depot prices", [{"tariff_id": str(tariff.id)}]))
    page = show(qtbot, TariffsPage(services, lambda: ctx))
    ui = page.ui
    assert ui.readOnlyLabel.isVisible() and ui.readOnlyLabel.text()
    assert not any(b.isVisible() for b in (ui.addTariffButton, ui.deleteTariffButton))
    assert ui.editTariffButton.text() == "View…"
    page.select_tariff(tariff.id)
    dialog = page.edit_selected()
    assert not dialog.ui.okButton.isVisible() and not dialog.ui.energyPriceEdit.isEnabled()
    assert dialog.ui.readOnlyLabel.isVisible() and dialog.ui.cancelButton.text() == "Close"
    assert dialog.preview_breakdown is not None  # the preview still works
    dialog.close()
    page.select_group(group.id)
    assert not ui.addGroupButton.isVisible() and not ui.deleteGroupButton.isVisible()
    group_dialog = page.edit_group()
    assert not group_dialog.ui.okButton.isVisible() and not group_dialog.ui.nameEdit.isEnabled()
    assert not group_dialog.ui.addEntryButton.isEnabled() and not group_dialog.ui.addTariffCombo.isEnabled()
    group_dialog.ui.entriesTable.selectRow(1)  # a restrictable tariff: shown, not changeable
    assert group_dialog.ui.restrictionTabs.isEnabled() and not group_dialog.ui.addWindowButton.isEnabled()
    assert not group_dialog.ui.removeEntryButton.isEnabled() and not group_dialog.ui.userSearchEdit.isEnabled()
    assert group_dialog.ui.assignButton.isEnabled() is False  # a domain with no groups: nowhere to assign
    assert group_dialog.assignments.can_assign is assigns
    if ctx.role == ANALYST:
        assert "analysts change nothing" in ui.readOnlyLabel.text()
    # the service says no as well (the editor's save is not even offered)
    with pytest.raises(Exception):
        aio.run(services.tariffs.create_tariff(ctx, "Sneaky", MY_TEST_TARIFF))
    assert isinstance(group_dialog, TariffGroupDialog) and set(PRICE_EDITS)


def test_the_station_panel_says_which_tariff_group_applies(qtbot, aio, services, admin):
    from tests.gui.screens import seed_site
    from tests.gui.test_station_panel import open_panel

    site = aio.run(seed_site(services))
    _window, panel = open_panel(qtbot, services, admin, site["depot1"])
    assert "no tariff group: sessions are free" in panel.ui.detailsLabel.text()
    group = aio.run(services.tariffs.create_group(ROOT, "Depot prices"))
    aio.run(services.tariffs.assign(ROOT, group.id, group_id=site["groups"][0]))
    aio.wait_until(lambda: "tariff group Depot prices (from charging group Depot North)" in panel.ui.detailsLabel.text())
    other = aio.run(services.tariffs.create_group(ROOT, "Bay two"))
    aio.run(services.tariffs.assign(ROOT, other.id, station_id=site["depot1"], connector_id=2))
    aio.wait_until(lambda: "; connector 2: Bay two" in panel.ui.detailsLabel.text())


def test_a_group_admin_assigns_within_their_charging_groups_only(qtbot, aio, services):
    north = aio.run(services.groups.add(ROOT, "North"))
    south = aio.run(services.groups.add(ROOT, "South"))
    aio.run(services.stations.create_station("CP-N", "North 1", north.id, connectors=1, ctx=ROOT))
    aio.run(services.stations.create_station("CP-S", "South 1", south.id, connectors=1, ctx=ROOT))
    group = aio.run(services.tariffs.create_group(ROOT, "Depot prices"))
    aio.run(services.tariffs.assign(ROOT, group.id, group_id=south.id))
    gus = OperatorContext(None, "gus", ADMIN, base_group_id=north.id, domain_groups=frozenset({north.id}))
    page = show(qtbot, TariffsPage(services, lambda: gus))
    assert column(page.groups_model, 2) == ["nowhere yet"]  # South's assignment is not in his domain
    page.select_group(group.id)
    assert page.ui.editGroupButton.text() == "Assign…"
    dialog = page.edit_group()
    targets = [dialog.ui.targetCombo.itemText(i).strip() for i in range(dialog.ui.targetCombo.count())]
    assert targets == ["Charging group North", "Station North 1 (CP-N)", "connector 1"]
    assert dialog.ui.assignButton.isEnabled() and not dialog.ui.okButton.isVisible()
    dialog.assignments.assign()
    aio.wait_until(lambda: dialog.ui.assignmentsTable.rowCount() == 1)
    assert dialog.ui.assignmentsTable.item(0, 0).text() == "Charging group North"
    assert sorted(services.tariffs.describe_target(a) for a in services.tariffs.assignments.values()) == [
        "group North", "group South"]


def test_names_are_shown_as_text_not_markup(qtbot, aio, services):
    markup = "<b>Cheap</b> <a href='x'>here</a>"
    tariff = aio.run(services.tariffs.create_tariff(ROOT, markup, {"kind": "flat", "session_price": "1"}))
    group = aio.run(services.tariffs.create_group(ROOT, "<i>Group</i>", [{"tariff_id": str(tariff.id)}]))
    page = show(qtbot, TariffsPage(services, lambda: ROOT))
    page.select_tariff(tariff.id)
    dialog = page.edit_selected()
    assert dialog.ui.introLabel.textFormat() == Qt.TextFormat.PlainText and "<i>Group</i>" in dialog.ui.introLabel.text()
    dialog.close()
    page.select_group(group.id)
    page.confirm_delete_group()
    page.confirm_button.click()
    aio.wait_until(lambda: "<i>Group</i>" in page.ui.stateLabel.text())
    assert page.ui.stateLabel.textFormat() == Qt.TextFormat.PlainText
