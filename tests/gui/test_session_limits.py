"""The user editor shows and edits a charging user's concurrent-session limit (empty: the user
group's, else 1); the user group dialog shows its own limit and what leaving it off means."""

from __future__ import annotations

from evdesk.core.people_types import UserInput
from evdesk.core.permissions import ANALYST, SYSTEM_CONTEXT, OperatorContext
from evdesk.gui.dialogs.user_dialog import UserDialog
from evdesk.gui.pages.users_page import UsersPage
from evdesk.gui.pages.user_groups_page import UserGroupDialog


def open_editor(qtbot, aio, services, user_id=None, ctx=SYSTEM_CONTEXT) -> UserDialog:
    page = UsersPage(services, lambda: ctx)
    qtbot.addWidget(page)
    dialog = page.edit_user(user_id) if user_id else page.add_user()
    aio.wait_until(lambda: dialog.loaded and dialog.ui.userGroupCombo.count() == 3)
    return dialog


def test_the_editor_shows_and_saves_the_session_limit(qtbot, aio, services):
    people = services.people
    fleet = aio.run(people.groups.create(SYSTEM_CONTEXT, "Fleet", max_concurrent=2))
    aio.run(people.groups.create(SYSTEM_CONTEXT, "Visitors"))
    user = aio.run(people.users.create(SYSTEM_CONTEXT, UserInput("Fay", "Fleet", "fay@fleet.example")))
    dialog = open_editor(qtbot, aio, services, user.id)
    ui = dialog.ui
    assert ui.maxSessionsEdit.isVisible() and ui.maxSessionsEdit.text() == ""
    assert "empty" in ui.maxSessionsHelp.text().lower() and "user group" in ui.maxSessionsHelp.text()
    assert ui.maxSessionsEdit.placeholderText() == "empty: 1 (no user group)"
    dialog.select_user_group(fleet.id)
    assert ui.maxSessionsEdit.placeholderText() == "empty: 2, the limit of Fleet"
    ui.userGroupCombo.setCurrentIndex(ui.userGroupCombo.findText("Visitors"))
    assert ui.maxSessionsEdit.placeholderText() == "empty: 1 (Visitors sets no limit)"
    # a wrong number is said next to the field and nothing is saved
    ui.maxSessionsEdit.setText("0")
    dialog.save()
    assert ui.maxSessionsError.isVisible() and "1 or more" in ui.maxSessionsError.text()
    assert aio.run(people.reads.user(SYSTEM_CONTEXT, user.id)).data.max_concurrent_transactions is None
    # a fleet account with several cards: three at a time
    ui.maxSessionsEdit.setText("3")
    saved = []
    dialog.userSaved.connect(saved.append)
    dialog.save()
    aio.wait_until(lambda: saved)
    assert aio.run(people.reads.user(SYSTEM_CONTEXT, user.id)).data.max_concurrent_transactions == 3
    again = open_editor(qtbot, aio, services, user.id)
    assert again.ui.maxSessionsEdit.text() == "3"
    again.ui.maxSessionsEdit.clear()  # back to the group's limit
    again.userSaved.connect(saved.append)
    again.save()
    aio.wait_until(lambda: len(saved) == 2)
    assert aio.run(people.reads.user(SYSTEM_CONTEXT, user.id)).data.max_concurrent_transactions is None


def test_a_new_user_gets_the_limit_and_an_analyst_cannot_change_it(qtbot, aio, services):
    people = services.people
    aio.run(people.groups.create(SYSTEM_CONTEXT, "Fleet", max_concurrent=2))
    aio.run(people.groups.create(SYSTEM_CONTEXT, "Visitors"))
    dialog = open_editor(qtbot, aio, services)
    dialog.ui.firstNameEdit.setText("Nina")
    dialog.ui.lastNameEdit.setText("New")
    dialog.ui.maxSessionsEdit.setText("2")
    saved = []
    dialog.userSaved.connect(saved.append)
    dialog.save()
    aio.wait_until(lambda: saved)
    assert aio.run(people.reads.user(SYSTEM_CONTEXT, saved[0].id)).data.max_concurrent_transactions == 2
    analyst = open_editor(qtbot, aio, services, saved[0].id, OperatorContext(None, "an", ANALYST))
    assert analyst.ui.maxSessionsEdit.text() == "2" and not analyst.ui.maxSessionsEdit.isEnabled()


def test_the_user_group_dialog_shows_its_limit_and_what_none_means(qtbot, aio, services):
    group = aio.run(services.people.groups.create(SYSTEM_CONTEXT, "Fleet", max_concurrent=4))
    dialog = UserGroupDialog(services, lambda: SYSTEM_CONTEXT, group)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ui.limitCheck.isChecked() and dialog.ui.limitSpin.value() == 4
    help_text = dialog.ui.limitHelp.text()
    assert dialog.ui.limitHelp.isVisible() and "Unticked" in help_text and "one" in help_text
    assert "user editor wins" in help_text
