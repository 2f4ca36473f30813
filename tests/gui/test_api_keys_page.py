"""The API keys page (admins): list, create (the key shown once, copyable), revoke."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from evdesk.core.api_keys import split_key
from evdesk.store import models as m
from tests.gui.test_login_and_operators import admin_session, make_window, nav_titles


def cells(model, row):
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_admin_creates_copies_and_revokes_a_key(qtbot, aio, services, check_model):
    window = make_window(qtbot, services, admin_session(aio, services))
    assert "API keys" in nav_titles(window)
    window.show_page("api_keys")
    page = window.page("api_keys")
    check_model(page.model)
    dialog = page.open_create()
    aio.wait_until(lambda: dialog.ui.createButton.isEnabled())
    assert dialog.ui.operatorCombo.currentData() == "ada" and not dialog.ui.keyBox.isVisible()
    dialog.ui.nameEdit.setText("fleet dashboard")
    dialog.ui.createButton.click()
    aio.wait_until(lambda: dialog.key is not None)
    key = dialog.key
    assert dialog.ui.keyEdit.text() == key and dialog.ui.keyBox.isVisible()
    assert "will not be shown again" in dialog.ui.onceLabel.text()
    dialog.ui.copyButton.click()
    assert QGuiApplication.clipboard().text() == key
    aio.wait_until(lambda: page.model.rowCount() == 1)
    table, model = page.ui.keysTable, page.model
    assert cells(model, 0)[:3] == ["fleet dashboard", "ada", split_key(key)]
    assert cells(model, 0)[3] and cells(model, 0)[4] == "never" and cells(model, 0)[5] == ""
    dialog.ui.closeButton.click()
    assert dialog.ui.keyEdit.text() == "" and dialog.key is None
    stored = aio.run(services.store.run(lambda: [r.secret_hash for r in m.ApiKey.select()]))
    assert stored and key not in stored  # kept hashed only

    table.selectRow(0)
    assert page.ui.revokeButton.isEnabled()
    box = page.confirm_revoke()
    box.buttonClicked.emit(page.confirm_revoke_button)
    aio.wait_until(lambda: cells(model, 0)[5] != "")
    assert page.rows[0].revoked_at is not None
    table.selectRow(0)
    assert not page.ui.revokeButton.isEnabled()


def test_api_keys_page_is_for_admins_only(qtbot, aio, services):
    window = make_window(qtbot, services, admin_session(aio, services, "bob", "basic"))
    assert "API keys" not in nav_titles(window) and "API keys" in nav_titles(window, visible_only=False)
