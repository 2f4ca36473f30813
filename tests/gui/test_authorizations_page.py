"""The Authorizations page: live rows, filters, and turning an unknown tag into a token."""

from __future__ import annotations

from PySide6.QtCore import Qt

from evdesk.core.people_types import UserInput
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.core.reads.people import TokenFilter
from evdesk.gui.models.auth_log_model import COL_RESULT, COL_TIME, COL_USER
from evdesk.gui.pages.authorizations_page import AuthorizationsPage
from tests.gui.screens import seed_site


def make_page(qtbot, services) -> AuthorizationsPage:
    page = AuthorizationsPage(services, lambda: SYSTEM_CONTEXT)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    return page


def test_unknown_tag_row_appears_live_and_is_registered_as_a_new_user(qtbot, aio, services, check_model):
    site = aio.run(seed_site(services))
    depot = services.stations.get_by_id(site["depot1"])
    page = make_page(qtbot, services)
    model = page.model
    check_model(model)
    aio.wait_until(lambda: not model.loading)
    before = model.rowCount()
    decision = aio.run(services.auth.authorize(depot, 1, "04FEED01_A7", "Authorize"))
    assert decision.status == "Invalid"
    aio.wait_until(lambda: model.rowCount() == before + 1)
    assert model.index(0, 3).data() == "04FEED01_A7" and model.index(0, COL_USER).data() == "unknown tag"
    assert model.index(0, COL_RESULT).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "(" in model.headerData(COL_TIME, Qt.Orientation.Horizontal)  # the zone is named
    page.select_row(0)
    assert page.ui.registerButton.isEnabled()
    dialog = page.register_selected()
    assert dialog.uid() == "04FEED01"  # the vendor suffix is stripped by default
    dialog.choose_new_user()
    dialog.register()
    aio.wait_until(lambda: dialog.ui.firstNameError.isVisible())  # a new user needs a name
    dialog.ui.firstNameEdit.setText("Walk-in")
    dialog.ui.lastNameEdit.setText("Driver")
    dialog.ui.tokenNameEdit.setText("Card found at bay 1")
    qtbot.mouseClick(dialog.ui.okButton, Qt.MouseButton.LeftButton)
    aio.wait_until(lambda: "Registered 04FEED01" in page.ui.stateLabel.text())
    tokens = aio.run(services.people.reads.tokens(SYSTEM_CONTEXT, TokenFilter("04FEED01"))).items
    assert [(t.uid, t.user_name, t.name) for t in tokens] == [("04FEED01", "Walk-in Driver", "Card found at bay 1")]
    again = aio.run(services.auth.authorize(depot, 1, "04FEED01_A7", "Authorize"))
    assert again.status == "Accepted"
    aio.wait_until(lambda: model.index(0, COL_RESULT).data() == "Accepted")
    assert model.index(0, COL_USER).data() == "Walk-in Driver"
    # filter by result: only the refusal stays
    page.ui.resultCombo.setCurrentIndex(page.ui.resultCombo.findData("Invalid"))
    aio.wait_until(lambda: not model.loading and all(r.result == "Invalid" for r in model.rows()) and model.rowCount() >= 1)


def test_register_tag_to_an_existing_user(qtbot, aio, services):
    site = aio.run(seed_site(services))
    visitor = services.stations.get_by_id(site["visitor"])
    user = aio.run(services.people.users.create(SYSTEM_CONTEXT, UserInput("Kim", "Known", "kim@fleet.example")))
    page = make_page(qtbot, services)
    aio.run(services.auth.authorize(visitor, 2, "AB12CD34", "StartTransaction"))
    aio.wait_until(lambda: page.model.rowCount() >= 1 and page.model.rows()[0].id_tag == "AB12CD34")
    page.select_row(0)
    dialog = page.register_selected()
    assert not dialog.ui.stripSuffixCheck.isVisible()
    dialog.register()
    assert dialog.ui.userError.isVisible()  # nobody chosen yet
    dialog.ui.userSearchEdit.setText("kim@")
    aio.wait_until(lambda: dialog.users.rowCount() == 1 and not dialog.users.loading)
    assert dialog.select_user(user.id)
    dialog.register()
    aio.wait_until(lambda: "Registered AB12CD34" in page.ui.stateLabel.text())
    detail = aio.run(services.people.reads.user(SYSTEM_CONTEXT, user.id))
    assert [t.uid for t in detail.tokens] == ["AB12CD34"]
