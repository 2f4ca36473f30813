"""The Tokens and Charging user groups pages: models, live rows, block, delete rules, permissions."""

from __future__ import annotations

from evdesk.core.people_types import TokenInput, UserInput
from evdesk.core.permissions import BASIC, SYSTEM_CONTEXT, OperatorContext
from evdesk.gui.pages.tokens_page import TokensPage
from evdesk.gui.pages.user_groups_page import UserGroupsPage

BASIC_CTX = OperatorContext(None, "bo", BASIC)


def show(qtbot, page):
    qtbot.addWidget(page)
    page.resize(1000, 500)
    page.show()
    return page


def column(model, c=0):
    return [model.index(r, c).data() for r in range(model.rowCount())]


def test_tokens_page(qtbot, aio, services, check_model):
    people = services.people
    user = aio.run(people.users.create(SYSTEM_CONTEXT, UserInput("Tia", "Token"), [TokenInput("T-1"), TokenInput("T-2")]))
    page = show(qtbot, TokensPage(services, lambda: SYSTEM_CONTEXT))
    model = page.model
    check_model(model)
    aio.wait_until(lambda: column(model) == ["T-1", "T-2"] and page.ui.countLabel.text() == "2 tokens")
    assert column(model, 2) == ["Tia Token", "Tia Token"]
    aio.run(people.tokens.add(SYSTEM_CONTEXT, TokenInput("T-0", "loose card")))  # appears live, in uid order
    aio.wait_until(lambda: column(model) == ["T-0", "T-1", "T-2"])
    assert page.select_token(model.rows()[1].id)
    page.toggle_block_selected()
    aio.wait_until(lambda: model.rows()[1].status == "blocked")
    page.ui.statusCombo.setCurrentIndex(page.ui.statusCombo.findData("blocked"))
    aio.wait_until(lambda: column(model) == ["T-1"])
    dialog = page.edit_selected() if page.select_token(model.rows()[0].id) else None
    dialog.ui.nameEdit.setText("Spare")
    dialog.ui.validFromCheck.setChecked(True)
    dialog.ui.validToCheck.setChecked(True)
    dialog.ui.validToEdit.setDate(dialog.ui.validFromEdit.date().addDays(-1))
    dialog.save()
    aio.wait_until(lambda: dialog.ui.validToError.isVisible())
    dialog.ui.validToCheck.setChecked(False)
    dialog.save()
    aio.wait_until(lambda: column(model, 1) == ["Spare"])
    page.delete(model.rows()[0])
    aio.wait_until(lambda: model.rowCount() == 0)
    # a basic operator blocks and edits but does not delete
    basic = show(qtbot, TokensPage(services, lambda: BASIC_CTX))
    assert basic.ui.blockButton.isVisibleTo(basic) and not basic.ui.deleteButton.isVisibleTo(basic)
    assert user.id


def test_user_groups_page(qtbot, aio, services, check_model):
    people = services.people
    page = show(qtbot, UserGroupsPage(services, lambda: SYSTEM_CONTEXT))
    check_model(page.model)
    check_model(page.proxy)
    dialog = page.add_group()
    dialog.save()
    aio.wait_until(lambda: dialog.ui.nameError.isVisible())
    dialog.ui.nameEdit.setText("Night shift")
    dialog.ui.limitCheck.setChecked(True)
    dialog.ui.limitSpin.setValue(2)
    dialog.save()
    aio.wait_until(lambda: column(page.model) == ["Night shift"])
    assert column(page.model, 3) == ["2"]
    group = page.model.rows()[0]
    aio.run(people.users.create(SYSTEM_CONTEXT, UserInput("Mo", "Member", user_group_id=group.id)))
    aio.wait_until(lambda: column(page.model, 2) == ["1"])
    assert page.select_group(group.id) and not page.ui.deleteButton.isEnabled()
    page.delete(page.selected())  # the core refuses too
    aio.wait_until(lambda: "has members" in page.ui.stateLabel.text())
    basic = show(qtbot, UserGroupsPage(services, lambda: BASIC_CTX))
    assert not basic.ui.addButton.isVisibleTo(basic)


def test_a_group_admin_sees_user_groups_without_the_buttons_the_core_refuses(qtbot, aio, services):
    from evdesk.core.permissions import ADMIN

    depot = aio.run(services.groups.add(SYSTEM_CONTEXT, "Depot"))
    depot_admin = services.groups.fresh(OperatorContext(None, "da", ADMIN, base_group_id=depot.id))
    page = show(qtbot, UserGroupsPage(services, lambda: depot_admin))
    assert not page.ui.addButton.isVisibleTo(page) and not page.ui.editButton.isVisibleTo(page)
    whole_site = show(qtbot, UserGroupsPage(services, lambda: SYSTEM_CONTEXT))
    assert whole_site.ui.addButton.isVisibleTo(whole_site)
