"""The authorizations list does not jump under the mouse: scrolled away from the top or with a row
selected, new decisions arrive above without moving what the operator looks at, and a "n new"
button jumps up to them; at the top with nothing selected they simply appear."""

from __future__ import annotations

from PySide6.QtCore import Qt

from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.gui.pages.authorizations_page import AuthorizationsPage
from tests.gui.screens import seed_site


def make_page(qtbot, services) -> AuthorizationsPage:
    page = AuthorizationsPage(services, lambda: SYSTEM_CONTEXT)
    qtbot.addWidget(page)
    page.resize(1100, 500)
    page.show()
    return page


def decide(aio, services, station, n, prefix):
    for i in range(n):
        aio.run(services.auth.authorize(station, 1, f"{prefix}{i:03d}", "Authorize"))
    aio.run(services.batch.flush())


def top_row_id(page):
    view = page.ui.authView
    return page.model.rows()[view.rowAt(0)].id


def test_rows_arriving_keep_the_view_anchored(qtbot, aio, services):
    site = aio.run(seed_site(services))
    depot = services.stations.get_by_id(site["depot1"])
    decide(aio, services, depot, 60, "OLD")
    page = make_page(qtbot, services)
    model, view, anchor = page.model, page.ui.authView, page.anchor
    aio.wait_until(lambda: not model.loading and model.rowCount() >= 40)

    # at the top, nothing selected: the newest appear at the top
    count = model.rowCount()
    decide(aio, services, depot, 1, "FIRST")
    aio.wait_until(lambda: model.rowCount() == count + 1)
    assert view.verticalScrollBar().value() == 0 and model.rows()[view.rowAt(0)].id_tag == "FIRST000"
    assert not anchor.button.isVisible()

    # scrolled down: the row at the top stays the row at the top
    view.scrollTo(model.index(15, 0), view.ScrollHint.PositionAtTop)
    looked_at = top_row_id(page)
    count = model.rowCount()
    decide(aio, services, depot, 3, "NEW")
    aio.wait_until(lambda: model.rowCount() == count + 3)
    assert top_row_id(page) == looked_at
    assert anchor.button.isVisible() and anchor.button.text() == "↑ 3 new"
    qtbot.mouseClick(anchor.button, Qt.MouseButton.LeftButton)
    assert view.verticalScrollBar().value() == 0 and not anchor.button.isVisible()
    assert model.rows()[view.rowAt(0)].id_tag == "NEW002"

    # at the top with a row selected: the selected row does not slide down
    page.select_row(2)
    selected = page.selected().id
    top = top_row_id(page)
    count = model.rowCount()
    decide(aio, services, depot, 2, "MORE")
    aio.wait_until(lambda: model.rowCount() == count + 2)
    assert top_row_id(page) == top and page.selected().id == selected
    assert anchor.button.text() == "↑ 2 new"
