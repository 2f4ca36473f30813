"""Charging users page and the user editor, through the real services on a temp store."""

from __future__ import annotations

from PySide6.QtCore import Qt

from evdesk.core.people_types import TOKEN_EXISTS, TokenInput, UserInput
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.gui.dialogs.user_dialog import GROUP, STALE, STATION
from evdesk.gui.pages.users_page import UsersPage
from tests.gui.screens import seed_site


def make_page(qtbot, services, ctx=SYSTEM_CONTEXT) -> UsersPage:
    page = UsersPage(services, lambda: ctx)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    return page


def names(model):
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_list_search_paging_and_live_rows(qtbot, aio, services, check_model):
    people = services.people
    for i in range(25):
        aio.run(people.users.create(SYSTEM_CONTEXT, UserInput(f"Driver{i:02d}", "Fleet", f"d{i}@fleet.example"),
                                    [TokenInput(f"TAG{i:02d}")]))
    page = make_page(qtbot, services)
    model = page.model
    model.page_size = 10
    model.reload()
    check_model(model)
    aio.wait_until(lambda: model.rowCount() == 10 and page.ui.countLabel.text() == "25 users")
    assert model.canFetchMore()
    while model.canFetchMore() or model.loading:
        model.fetchMore()
        aio.pump(0.02)
    assert model.rowCount() == 25 and model.exhausted
    # search by token uid (debounced), then by e-mail
    page.ui.searchEdit.setText("tag07")
    aio.wait_until(lambda: names(model) == ["Driver07 Fleet"])
    page.ui.searchEdit.setText("d12@")
    aio.wait_until(lambda: names(model) == ["Driver12 Fleet"])
    # a new matching user appears live; an edit that stops matching drops out
    detail = aio.run(people.users.create(SYSTEM_CONTEXT, UserInput("Ann", "Able", "d12@other.example")))
    aio.wait_until(lambda: names(model) == ["Ann Able", "Driver12 Fleet"])
    data = detail.data
    data.email = "ann@other.example"
    aio.run(people.users.update(SYSTEM_CONTEXT, detail.id, detail.version, data))
    aio.wait_until(lambda: names(model) == ["Driver12 Fleet"])
    # status filter: disable from the page
    model.page_size = 200
    page.ui.searchEdit.clear()
    page.apply_filter()
    aio.wait_until(lambda: model.rowCount() == 26)
    assert page.select_user(detail.id)
    dialog = page.toggle_disabled_selected()
    dialog.setTextValue("Left the company")
    dialog.accept()
    aio.wait_until(lambda: model.rows()[0].status == "disabled")
    page.ui.statusCombo.setCurrentIndex(2)
    aio.wait_until(lambda: names(model) == ["Ann Able"])
    assert page.select_user(detail.id) and page.ui.disableButton.text() == "Enable"
    page.toggle_disabled_selected()
    aio.wait_until(lambda: model.rowCount() == 0)


def test_editor_creates_and_edits_a_user_with_token_and_right(qtbot, aio, services):
    site = aio.run(seed_site(services))
    north = site["groups"][0]
    group = aio.run(services.people.groups.create(SYSTEM_CONTEXT, "Fleet drivers"))
    page = make_page(qtbot, services)
    dialog = page.add_user()
    ui = dialog.ui
    aio.wait_until(lambda: ui.userGroupCombo.count() == 2)
    ui.firstNameEdit.setText("Eva")
    ui.lastNameEdit.setText("Electric")
    ui.emailEdit.setText("eva@fleet.example")
    dialog.select_user_group(group.id)
    ui.plateEdit.setText("abc 123")
    ui.addPlateButton.click()
    ui.newUidEdit.setText("04AABBCC")
    ui.newTokenNameEdit.setText("Blue fob")
    ui.addTokenButton.click()
    assert dialog.tokens.rowCount() == 1
    assert dialog.check_right(GROUP, north)
    assert dialog.check_right(STATION, site["visitor"])
    qtbot.mouseClick(ui.okButton, Qt.MouseButton.LeftButton)
    aio.wait_until(lambda: page.model.rowCount() == 1)
    row = page.model.rows()[0]
    assert (row.name, row.user_group, row.token_uids, row.vehicles) == ("Eva Electric", "Fleet drivers", ("04AABBCC",), ("ABC 123",))
    detail = aio.run(services.people.reads.user(SYSTEM_CONTEXT, row.id))
    assert detail.data.group_rights == [north] and detail.data.station_rights == [site["visitor"]]
    assert [(t.uid, t.name) for t in detail.tokens] == [("04AABBCC", "Blue fob")]

    # edit: the rights show ticked; add a second token (saved at once), drop the station right
    assert page.select_user(row.id)
    dialog = page.edit_selected()
    aio.wait_until(lambda: dialog.loaded and dialog.tokens.rowCount() == 1)
    assert dialog.rights() == ([north], [site["visitor"]])
    dialog.check_right(STATION, site["visitor"], False)
    dialog.ui.newUidEdit.setText("04DDEEFF")
    dialog.ui.addTokenButton.click()
    aio.wait_until(lambda: dialog.tokens.rowCount() == 2)
    # a token that exists already: the message sits next to the token id
    dialog.ui.newUidEdit.setText("04aabbcc")
    dialog.ui.addTokenButton.click()
    aio.wait_until(lambda: dialog.ui.tokenUidError.text() == TOKEN_EXISTS)
    assert dialog.ui.tokenUidError.isVisible() and dialog.ui.tabs.currentWidget() is dialog.ui.tokensTab
    qtbot.mouseClick(dialog.ui.okButton, Qt.MouseButton.LeftButton)
    aio.wait_until(lambda: page.model.rows()[0].token_uids == ("04AABBCC", "04DDEEFF"))
    detail = aio.run(services.people.reads.user(SYSTEM_CONTEXT, row.id))
    assert detail.data.station_rights == [] and detail.data.group_rights == [north]


def test_field_errors_and_stale_edit(qtbot, aio, services):
    people = services.people
    aio.run(people.users.create(SYSTEM_CONTEXT, UserInput("Taken", "Address", "taken@fleet.example")))
    other = aio.run(people.users.create(SYSTEM_CONTEXT, UserInput("Otto", "Other", "otto@fleet.example")))
    page = make_page(qtbot, services)
    aio.wait_until(lambda: page.model.rowCount() == 2)
    dialog = page.edit_user(other.id)
    aio.wait_until(lambda: dialog.loaded)
    dialog.ui.emailEdit.setText("TAKEN@fleet.example")
    dialog.save()
    aio.wait_until(lambda: dialog.ui.emailError.isVisible())
    assert "already exists" in dialog.ui.emailError.text()
    # someone else saves meanwhile: Save says so and Reload brings their version
    data = other.data
    data.phone = "+358 40 123"
    aio.run(people.users.update(SYSTEM_CONTEXT, other.id, other.version, data))
    dialog.ui.emailEdit.setText("otto2@fleet.example")
    dialog.save()
    aio.wait_until(lambda: dialog.ui.staleLabel.isVisible())
    assert dialog.ui.staleLabel.text() == STALE and dialog.ui.reloadButton.isVisible()
    dialog.ui.reloadButton.click()
    aio.wait_until(lambda: dialog.ui.phoneEdit.text() == "+358 40 123" and not dialog.ui.staleLabel.isVisible())
    dialog.ui.emailEdit.setText("otto2@fleet.example")
    dialog.save()
    aio.wait_until(lambda: any(r.email == "otto2@fleet.example" for r in page.model.rows()))
    # a new user without a name: the message is next to the first name
    new = page.add_user()
    new.save()
    aio.wait_until(lambda: new.ui.firstNameError.isVisible())


def test_csv_import_report_and_export(qtbot, aio, services, tmp_path, check_model):
    aio.run(services.people.groups.create(SYSTEM_CONTEXT, "Fleet drivers"))
    path = tmp_path / "users.csv"
    path.write_text(
        "first_name,last_name,email,user_group,token_uids,vehicle_plates\n"
        "Ada,Amp,ada@fleet.example,Fleet drivers,CSV001,ABC-1\n"
        "Bob,Bolt,not-an-address,,CSV002,\n"
        "Cy,Coil,cy@fleet.example,Nobody,CSV003,\n"
        "Di,Diode,di@fleet.example,,CSV004;CSV005,\n",
        encoding="utf-8",
    )
    page = make_page(qtbot, services)
    dialog = page.import_file(str(path))
    check_model(dialog.problems)
    aio.wait_until(lambda: dialog.finished_import)
    assert dialog.ui.summaryLabel.text().startswith("2 users imported, 2 rows refused. 3 tokens added with them.")
    report = [tuple(dialog.problems.index(r, c).data() for c in range(3)) for r in range(dialog.problems.rowCount())]
    assert [(row, column) for row, column, _m in report] == [("3", "email"), ("4", "user_group")]
    assert dialog.ui.problemsView.isVisible() and dialog.ui.closeButton.isEnabled()
    aio.wait_until(lambda: names(page.model) == ["Ada Amp", "Di Diode"])
    assert "2 users imported, 2 rows refused." in page.ui.stateLabel.text()
    out = tmp_path / "out.csv"
    page.export_file(str(out))
    aio.wait_until(lambda: "Exported 2" in page.ui.stateLabel.text())
    assert "CSV004;CSV005" in out.read_text(encoding="utf-8")


def test_the_home_group_is_chosen_in_the_editor_within_the_domain(qtbot, aio, services):
    from evdesk.core.permissions import BASIC, OperatorContext

    depot = aio.run(services.groups.add(SYSTEM_CONTEXT, "Depot"))
    bay = aio.run(services.groups.add(SYSTEM_CONTEXT, "Bay", depot.id))
    aio.run(services.groups.add(SYSTEM_CONTEXT, "Office"))
    page = make_page(qtbot, services)
    dialog = page.add_user()
    combo = dialog.ui.homeGroupCombo
    assert [combo.itemText(i) for i in range(combo.count())] == ["— whole site —", "Depot", "Depot / Bay", "Office"]
    assert combo.currentData() is None  # a whole-site admin's new user is site-wide unless chosen
    dialog.ui.firstNameEdit.setText("Hal")
    combo.setCurrentIndex(combo.findData(str(bay.id)))
    dialog.save()
    aio.wait_until(lambda: page.model.rowCount() == 1)
    user_id = page.model.rows()[0].id
    assert aio.run(services.people.reads.user(SYSTEM_CONTEXT, user_id)).home_group_id == bay.id

    # an operator of Depot sees the user, may move them only inside Depot
    depot_op = services.groups.fresh(OperatorContext(None, "dop", BASIC, base_group_id=depot.id))
    op_page = make_page(qtbot, services, depot_op)
    aio.wait_until(lambda: op_page.model.rowCount() == 1)
    assert op_page.select_user(user_id)
    edit = op_page.edit_selected()
    aio.wait_until(lambda: edit.loaded)
    combo = edit.ui.homeGroupCombo
    assert [combo.itemText(i) for i in range(combo.count())] == ["Depot", "Depot / Bay"]
    assert combo.currentData() == str(bay.id)
    combo.setCurrentIndex(combo.findData(str(depot.id)))
    saved = []
    edit.userSaved.connect(saved.append)
    edit.save()
    aio.wait_until(lambda: saved)
    assert aio.run(services.people.reads.user(SYSTEM_CONTEXT, user_id)).home_group_id == depot.id
