"""The editors of load-management priorities: a user group's load priority (user-group editor)
and a charging user's daily "ready by" time (user editor, Vehicles tab), saved through the core,
shown again when edited, a bad time refused next to the field, and kept by an unrelated edit."""

from __future__ import annotations

from evdesk.core.people_types import UserInput
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.gui.asyncutil import running_tasks
from evdesk.gui.pages.user_groups_page import UserGroupsPage
from tests.gui.test_tokens_and_user_groups import column, show
from tests.gui.test_users_page import make_page


def test_user_group_editor_saves_and_shows_the_load_priority(qtbot, aio, services):
    page = show(qtbot, UserGroupsPage(services, lambda: SYSTEM_CONTEXT))
    dialog = page.add_group()
    dialog.ui.nameEdit.setText("Ambulances")
    dialog.ui.prioritySpin.setValue(7)
    dialog.save()
    aio.wait_until(lambda: column(page.model) == ["Ambulances"])
    group = page.model.rows()[0]
    assert group.load_priority == 7
    assert page.select_group(group.id)
    dialog = page.edit_selected()
    assert dialog.ui.prioritySpin.value() == 7
    dialog.ui.prioritySpin.setValue(2)
    dialog.save()
    aio.wait_until(lambda: page.model.rows() and page.model.rows()[0].load_priority == 2)


def test_user_editor_keeps_the_daily_ready_by_time(qtbot, aio, services):
    detail = aio.run(services.people.users.create(SYSTEM_CONTEXT, UserInput("Van", "Seven", departure_time="06:30")))
    page = make_page(qtbot, services)
    aio.wait_until(lambda: page.model.rowCount() == 1)
    assert page.select_user(detail.id)
    dialog = page.edit_selected()
    aio.wait_until(lambda: dialog.loaded)
    assert dialog.ui.departureEdit.text() == "06:30"
    dialog.ui.departureEdit.setText("25:00")
    dialog.save()
    aio.wait_until(lambda: "hours and minutes" in dialog.ui.vehiclesError.text(), message="no refusal shown")
    assert dialog.ui.tabs.currentWidget() is dialog.ui.vehiclesTab
    dialog.ui.departureEdit.setText("5:45")
    dialog.ui.phoneEdit.setText("+358 40 123")
    dialog.save()
    aio.wait_until(lambda: running_tasks() == 0, message="the save did not finish")
    again = aio.run(services.people.reads.user(SYSTEM_CONTEXT, detail.id))
    assert again.data.departure_time == "05:45" and again.data.phone == "+358 40 123"
