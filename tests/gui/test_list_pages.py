"""The four list pages share one base (search debounce, filters, selection, confirmations):
each behaves the same way through it, and none keeps its own copy."""

from __future__ import annotations

import inspect

import pytest
from PySide6.QtWidgets import QMessageBox

from evdesk.core.people_types import TokenInput, UserInput
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.gui.pages import operators_page, tokens_page, user_groups_page, users_page
from evdesk.gui.models.base import Roles
from evdesk.gui.pages.list_page import SEARCH_DELAY_MS, ListPage
from tests.gui.test_login_and_operators import admin_session



def make(kind, qtbot, aio, services):
    """One of the four pages with two rows, and the text that finds only the second."""
    people = services.people
    if kind == "users":
        for first, uid in (("Ann", "T-A"), ("Bob", "T-B")):
            aio.run(people.users.create(SYSTEM_CONTEXT, UserInput(first, "Driver"), [TokenInput(uid)]))
        page, search = users_page.UsersPage(services, lambda: SYSTEM_CONTEXT), "bob"
    elif kind == "tokens":
        for uid in ("T-A", "T-B"):
            aio.run(people.tokens.add(SYSTEM_CONTEXT, TokenInput(uid)))
        page, search = tokens_page.TokensPage(services, lambda: SYSTEM_CONTEXT), "T-B"
    elif kind == "user_groups":
        for name in ("Day shift", "Night shift"):
            aio.run(people.groups.create(SYSTEM_CONTEXT, name))
        page, search = user_groups_page.UserGroupsPage(services, lambda: SYSTEM_CONTEXT), "night"
    else:
        admin_session(aio, services, "bea", "basic")
        session = admin_session(aio, services)
        page, search = operators_page.OperatorsPage(services), "bea"
        page.operator = lambda: session.ctx
    qtbot.addWidget(page)
    page.resize(1000, 500)
    page.show()
    if kind == "operators":
        page.reload()
    aio.wait_until(lambda: page.view.model().rowCount() == 2)
    return page, search


KINDS = ("users", "tokens", "user_groups", "operators")


@pytest.mark.parametrize("module", (users_page, tokens_page, user_groups_page, operators_page), ids=KINDS)
def test_no_list_page_keeps_its_own_copy(module):
    page_class = next(c for _n, c in inspect.getmembers(module, inspect.isclass) if c.__module__ == module.__name__
                      and c.__name__.endswith("Page"))
    assert issubclass(page_class, ListPage)
    source = inspect.getsource(page_class)
    for copy in ("QTimer", "QMessageBox(", "setSectionResizeMode", "selectedRows", "setStyleSheet", "def _done",
                 "def _failed", "self.dialog = dialog", "self.confirm_box ="):
        assert copy not in source, f"{page_class.__name__} repeats {copy!r}"


@pytest.mark.parametrize("kind", KINDS)
def test_search_selection_and_confirmation_through_the_base(kind, qtbot, aio, services, monkeypatch):
    page, search = make(kind, qtbot, aio, services)
    view = page.view.model()
    # typing: a paged list asks the store once, after the pause; an in-memory list filters at each key
    applied = []
    original = type(page).apply_filter
    monkeypatch.setattr(page, "apply_filter", lambda: (applied.append(page.search_text()), original(page)))
    page.search_edit.textChanged.disconnect()
    page.setup_search(page.search_edit, page._search_timer.interval())
    for i in range(1, len(search) + 1):
        page.search_edit.setText(search[:i])
    if kind in ("users", "tokens"):
        assert page._search_timer.interval() == SEARCH_DELAY_MS and applied == []
        aio.wait_until(lambda: applied == [search])
    else:
        assert applied == [search[:i] for i in range(1, len(search) + 1)]
    aio.wait_until(lambda: view.rowCount() == 1)
    # selection: the row behind it, and the buttons follow
    assert page.selected() is None
    page.view.selectRow(0)
    selected = page.selected()
    assert selected is not None and view.index(0, 0).data(Roles.RowId) == selected.id
    assert page.select_id(selected.id) and not page.select_id("no such id")
    # a destructive action asks first; Cancel is the default and does nothing
    box = page.confirm_remove() if kind == "users" else page.confirm_delete()
    assert isinstance(box, QMessageBox) and box is page.confirm_box
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    assert box.buttonRole(page.confirm_button) == QMessageBox.ButtonRole.DestructiveRole
    box.button(QMessageBox.StandardButton.Cancel).click()
    aio.pump(0.2)
    assert view.rowCount() == 1 and page.selected() == selected
