"""The Access profiles page and its editor: the windows editor (day checkboxes, from / to, past
midnight), member and coverage pickers, the tariff combo, errors next to their fields, and
read-only for those who may not change profiles."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import Qt, QTime

from evdesk.core.people_types import TokenInput, UserInput
from evdesk.core.permissions import ANALYST, SYSTEM_CONTEXT, OperatorContext
from evdesk.gui.pages.access_profiles_page import AccessProfilesPage

ANALYST_CTX = OperatorContext(None, "ann", ANALYST)


def show(qtbot, page):
    qtbot.addWidget(page)
    page.resize(1100, 500)
    page.show()
    return page


def tree_item(tree, text):
    stack = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        item = stack.pop()
        if item.text(0) == text:
            return item
        stack.extend(item.child(i) for i in range(item.childCount()))
    raise AssertionError(f"{text} not in the tree")


def test_add_a_night_shift_profile(qtbot, aio, services, check_model):
    depot = aio.run(services.groups.add(SYSTEM_CONTEXT, "Depot"))
    aio.run(services.stations.create_station("CP-1", name="Gate charger", group_id=depot.id, ctx=SYSTEM_CONTEXT))
    crew = aio.run(services.people.groups.create(SYSTEM_CONTEXT, "Night crew"))
    nina = aio.run(services.people.users.create(SYSTEM_CONTEXT, UserInput("Nina", "Night", "nina@example.org"),
                                                [TokenInput("TAG-NINA")]))
    rate = aio.run(services.tariffs.create_tariff(SYSTEM_CONTEXT, "Night rate", {"kind": "flat", "session_price": "3"}))
    page = show(qtbot, AccessProfilesPage(services, lambda: SYSTEM_CONTEXT))
    check_model(page.model)
    assert page.ui.addButton.isVisibleTo(page) and "No access profiles" in page.ui.stateLabel.text()
    dialog = page.add_profile()
    aio.wait_until(lambda: dialog.loaded)
    ui = dialog.ui
    # the manual's default: every day, 00:00 to 23:59
    first = dialog.windows[0]
    assert all(box.isChecked() for box in first.day_checks) and first.note.text() == "until midnight"
    assert not first.remove_button.isEnabled()  # one window at least
    dialog.save()  # no name: said next to the name
    aio.wait_until(lambda: ui.nameError.isVisible())
    assert "name" in ui.nameError.text()
    ui.nameEdit.setText("Night shift")
    for box in first.day_checks[5:]:
        box.setChecked(False)  # Mon-Fri
    first.start_edit.setTime(QTime(22, 0))
    first.end_edit.setTime(QTime(6, 0))
    assert first.note.text() == "ends the next day"
    second = dialog.add_window()
    for box in second.day_checks:
        box.setChecked(False)
    dialog.save()  # a window without days
    aio.wait_until(lambda: ui.windowsError.isVisible())
    assert "Time window 2" in ui.windowsError.text() and "day" in ui.windowsError.text()
    dialog.remove_window(second)
    assert len(dialog.windows) == 1
    # members: a user group and a user found by searching; a station in the tree
    assert dialog.user_groups.check(crew.id)
    ui.usersSearch.setText("nina")
    aio.wait_until(lambda: ui.usersList.count() == 1)
    assert dialog.users.check(nina.id)
    assert ui.membersSummary.text() == "1 charging user, 1 user group selected"
    tree_item(ui.coverTree, "Gate charger").setCheckState(0, Qt.CheckState.Checked)
    assert ui.coverSummary.text() == "Covers 1 station"
    ui.tariffCombo.setCurrentIndex(ui.tariffCombo.findText("Night rate"))
    saved = []
    dialog.profileSaved.connect(saved.append)
    dialog.save()
    aio.wait_until(lambda: saved)
    p = saved[0]
    assert (p.name, p.user_ids, p.user_group_ids, p.tariff_id) == ("Night shift", {nina.id}, {crew.id}, rate.id)
    assert [(sorted(w.days), w.start, w.end) for w in p.windows] == [([0, 1, 2, 3, 4], time(22), time(6))]
    aio.wait_until(lambda: page.model.rowCount() == 1)
    row = [page.model.index(0, c).data() for c in range(5)]
    assert row == ["Night shift", "Mon–Fri 22:00–06:00", "1 user, 1 user group", "1 station",
                   "Night rate"]
    assert page.ui.stateLabel.text() == "Saved Night shift."
    # editing shows what is stored
    assert page.select_profile(p.id)
    again = page.edit_selected()
    aio.wait_until(lambda: again.loaded)
    assert again.ui.nameEdit.text() == "Night shift" and again.windows[0].end_edit.time() == QTime(6, 0)
    assert again.ui.tariffCombo.currentText() == "Night rate"
    assert set(again.users.chosen) == {nina.id} and set(again.user_groups.chosen) == {crew.id}
    assert again.covered() == ([], [services.stations.get("CP-1").id])
    again.reject()


def test_an_analyst_opens_profiles_read_only(qtbot, aio, services):
    aio.run(services.access_profiles.create(SYSTEM_CONTEXT, "Staff", [{"days": [0], "start": "06:00", "end": "20:00"}]))
    page = show(qtbot, AccessProfilesPage(services, lambda: ANALYST_CTX))
    assert not page.ui.addButton.isVisibleTo(page) and not page.ui.deleteButton.isVisibleTo(page)
    assert page.add_profile() is None
    assert page.select_profile(page.model.rows()[0].id) and page.ui.editButton.text() == "Open…"
    dialog = page.edit_selected()
    aio.wait_until(lambda: dialog.loaded)
    assert dialog.read_only and not dialog.ui.okButton.isVisibleTo(dialog) and dialog.ui.nameEdit.isReadOnly()
    assert not dialog.windows[0].start_edit.isEnabled()


def test_delete_asks_first(qtbot, aio, services):
    aio.run(services.access_profiles.create(SYSTEM_CONTEXT, "Old", [{"days": [0], "start": "06:00", "end": "20:00"}]))
    page = show(qtbot, AccessProfilesPage(services, lambda: SYSTEM_CONTEXT))
    assert page.select_profile(page.model.rows()[0].id)
    box = page.confirm_delete()
    assert "Old" in box.text()
    page.confirm_button.click()
    aio.wait_until(lambda: page.model.rowCount() == 0)
    assert services.access_profiles.list() == []


def test_a_ticked_group_covers_its_stations(qtbot, aio, services):
    depot = aio.run(services.groups.add(SYSTEM_CONTEXT, "Depot"))
    aio.run(services.stations.create_station("CP-1", name="Gate charger", group_id=depot.id, ctx=SYSTEM_CONTEXT))
    page = show(qtbot, AccessProfilesPage(services, lambda: SYSTEM_CONTEXT))
    dialog = page.add_profile()
    aio.wait_until(lambda: dialog.loaded)
    tree = dialog.ui.coverTree
    gate = tree_item(tree, "Gate charger")
    gate.setCheckState(0, Qt.CheckState.Checked)
    assert dialog.covered() == ([], [services.stations.get("CP-1").id])
    tree_item(tree, "Depot").setCheckState(0, Qt.CheckState.Checked)
    assert gate.checkState(0) == Qt.CheckState.Checked and not gate.flags() & Qt.ItemFlag.ItemIsEnabled
    assert "Covered by the ticked group Depot" in gate.toolTip(0)
    assert dialog.covered() == ([depot.id], []) and dialog.ui.coverSummary.text() == "Covers 1 charging group"
    tree_item(tree, "Depot").setCheckState(0, Qt.CheckState.Unchecked)
    assert gate.flags() & Qt.ItemFlag.ItemIsEnabled and gate.checkState(0) == Qt.CheckState.Checked  # its own tick
    dialog.reject()


def test_the_user_group_dialog_edits_stop_limits(qtbot, aio, services):
    from evdesk.gui.pages.user_groups_page import UserGroupDialog

    fleet = aio.run(services.people.groups.create(SYSTEM_CONTEXT, "Fleet", limit_minutes=45, limit_kwh="12.5"))
    rows = aio.run(services.people.groups.list())
    dialog = UserGroupDialog(services, lambda: SYSTEM_CONTEXT, rows[0])
    qtbot.addWidget(dialog)
    dialog.show()
    ui = dialog.ui
    assert (ui.stopMinutesEdit.text(), ui.stopKwhEdit.text(), ui.stopCostEdit.text()) == ("45", "12.5", "")
    assert ui.stopCostUnit.text() == services.settings.currency
    ui.stopMinutesEdit.setText("an hour")
    dialog.save()
    assert ui.stopError.isVisible() and "whole number of minutes" in ui.stopError.text()
    ui.stopMinutesEdit.setText("60")
    ui.stopCostEdit.setText("1.234")
    dialog.save()
    aio.wait_until(lambda: ui.stopError.isVisible())
    assert "2 decimals" in ui.stopError.text()
    ui.stopCostEdit.setText("9.50")
    saved = []
    dialog.groupSaved.connect(saved.append)
    dialog.save()
    aio.wait_until(lambda: saved)
    assert (saved[0].limit_minutes, saved[0].limit_wh, saved[0].limit_cost_minor) == (60, 12_500, 950)
    assert fleet.id == saved[0].id
