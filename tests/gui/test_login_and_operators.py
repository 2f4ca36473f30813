"""Log in, first administrator, the lock after expiry, the Operators and My account pages."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from evdesk.core.clock import utcnow
from evdesk.gui.dialogs.login_dialog import CODE, FIRST, LOGIN, LoginDialog
from evdesk.gui.main_window import MainWindow
from evdesk.store import models as m
from tests.gui.screens import seed_site
from tests.mailserver import point_at

PW = "admin-password-1"


def admin_session(aio, services, username="ada", role="admin", base_group=None):
    if not aio.run(services.login.has_operators()):
        aio.run(services.operators.create_first_admin("ada", PW, "ada@depot.example", "Ada", "Admin"))
    if username != "ada":
        from evdesk.core.passwords import hash_password

        aio.run(services.store.run(lambda: m.Operator.create(
            username=username, role=role, base_group=base_group, status="active", first_name=username.title(),
            password_hash=hash_password(PW, n=2**10))))
    return aio.run(services.login.login(username, PW))


def make_window(qtbot, services, session) -> MainWindow:
    window = MainWindow(services, None, "", session=session)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return window


def nav_titles(window, visible_only=True):
    nav = window.ui.navList
    return [nav.item(r).text() for r in range(nav.count()) if not (visible_only and nav.item(r).isHidden())]


def test_first_start_creates_the_first_administrator(qtbot, aio, services):
    dialog = LoginDialog(services)
    qtbot.addWidget(dialog)
    dialog.start()
    dialog.show()
    aio.wait_until(lambda: dialog.ui.stack.currentIndex() == FIRST)
    ui = dialog.ui
    ui.firstUsernameEdit.setText("ada")
    ui.firstNameEdit.setText("Ada")
    ui.firstPasswordEdit.setText("short")
    ui.firstRepeatEdit.setText("short")
    qtbot.mouseClick(ui.createButton, Qt.MouseButton.LeftButton)
    aio.wait_until(lambda: ui.firstPasswordError.isVisible())
    assert ui.firstPasswordError.text().startswith("Password does not conform to password policy.")
    ui.firstPasswordEdit.setText(PW)
    ui.firstRepeatEdit.setText(PW)
    qtbot.mouseClick(ui.createButton, Qt.MouseButton.LeftButton)
    aio.wait_until(lambda: dialog.session is not None)
    assert dialog.session.ctx.role == "admin" and dialog.session.ctx.name == "Ada"


def test_login_wrong_password_then_right(qtbot, aio, services):
    aio.run(services.operators.create_first_admin("ada", PW))
    dialog = LoginDialog(services)
    qtbot.addWidget(dialog)
    dialog.start()
    dialog.show()
    aio.wait_until(lambda: not dialog.busy)
    ui = dialog.ui
    assert ui.stack.currentIndex() == LOGIN
    ui.usernameEdit.setText("ada")
    ui.passwordEdit.setText("not-the-password-1")
    qtbot.mouseClick(ui.loginButton, Qt.MouseButton.LeftButton)
    aio.wait_until(lambda: ui.loginError.isVisible())
    assert ui.loginError.text() == "Wrong credentials."
    ui.passwordEdit.setText(PW)
    qtbot.keyClick(ui.passwordEdit, Qt.Key.Key_Return)
    aio.wait_until(lambda: dialog.session is not None)
    qtbot.mouseClick(ui.codeButton, Qt.MouseButton.LeftButton)
    assert ui.stack.currentIndex() == CODE


def test_lock_after_expiry_keeps_the_page_and_unlock_resumes(qtbot, aio, services):
    site = aio.run(seed_site(services))
    session = admin_session(aio, services)
    window = make_window(qtbot, services, session)
    assert "Ada Admin" in window.windowTitle() and "Ada Admin (Admin)" in window.login_control.label.text()
    panel = window.open_station(site["depot1"])
    control = window.login_control
    assert not control.check_expiry()
    assert control.check_expiry(utcnow() + timedelta(minutes=services.settings.login_valid_minutes + 1))
    overlay = control.overlay
    assert overlay.isVisible() and not window.centralWidget().isEnabled()
    assert overlay.geometry() == window.rect()
    overlay.ui.lockPasswordEdit.setText("wrong-password-9")
    qtbot.mouseClick(overlay.ui.unlockButton, Qt.MouseButton.LeftButton)
    aio.wait_until(lambda: overlay.ui.lockError.isVisible())
    assert overlay.ui.lockError.text() == "Wrong credentials."
    overlay.ui.lockPasswordEdit.setText(PW)
    qtbot.mouseClick(overlay.ui.unlockButton, Qt.MouseButton.LeftButton)
    aio.wait_until(lambda: not overlay.isVisible())
    assert window.centralWidget().isEnabled()
    assert window.ui.pageStack.currentWidget() is panel and window.current_station_panel() is panel
    assert window.session.expires_at > session.expires_at


def test_operators_page_invite_flow(qtbot, aio, services, smtp_server, check_model):
    point_at(services.settings, smtp_server)
    window = make_window(qtbot, services, admin_session(aio, services))
    assert {"Operators", "My account", "Charging groups", "Settings"} <= set(nav_titles(window))
    window.show_page("operators")
    page = window.page("operators")
    aio.wait_until(lambda: page.model.rowCount() == 1)
    check_model(page.model)
    check_model(page.proxy)
    dialog = page.invite()
    ui = dialog.ui
    ui.emailEdit.setText("bea@depot.example")
    ui.confirmEmailEdit.setText("bea@depot.exampel")
    ui.usernameEdit.setText("bea")
    qtbot.mouseClick(ui.okButton, Qt.MouseButton.LeftButton)
    assert ui.emailError.isVisible() and "differ" in ui.emailError.text()
    ui.confirmEmailEdit.setText("bea@depot.example")
    qtbot.mouseClick(ui.okButton, Qt.MouseButton.LeftButton)
    aio.wait_until(lambda: page.model.rowCount() == 2)
    assert len(smtp_server.messages) == 1 and "Ada Admin has invited you" in smtp_server.body()
    assert "Invitation sent to bea@depot.example" in page.ui.stateLabel.text()
    bea = next(o for o in page.model._rows if o.username == "bea")
    assert page.select_operator(bea.id)
    assert page.ui.resendButton.isEnabled() and not page.ui.activateButton.isEnabled()
    qtbot.mouseClick(page.ui.resendButton, Qt.MouseButton.LeftButton)
    aio.wait_until(lambda: len(smtp_server.messages) == 2)
    aio.run(services.operators.accept_invitation("bea", smtp_server.last_code(), "bea-password-1"))
    aio.wait_until(lambda: page.model.operator_at(page.model.row_of(bea.id)).status == "active")
    assert page.select_operator(bea.id) and page.ui.activateButton.text() == "Deactivate"
    qtbot.mouseClick(page.ui.activateButton, Qt.MouseButton.LeftButton)
    aio.wait_until(lambda: page.model.operator_at(page.model.row_of(bea.id)).status == "inactive")
    page.select_operator(bea.id)
    box = page.confirm_delete()
    box.buttonClicked.emit(page.confirm_delete_button)
    aio.wait_until(lambda: page.model.rowCount() == 1)


def test_a_basic_operator_sees_less(qtbot, aio, services):
    site = aio.run(seed_site(services))
    north = site["groups"][0]
    window = make_window(qtbot, services, admin_session(aio, services, "bo", "basic", north))
    titles = nav_titles(window)
    assert "Operators" not in titles and "Settings" not in titles and "Charging groups" in titles
    page = window.page("stations")
    assert not page.ui.addStationButton.isVisible()
    assert page.proxy.rowCount() == 3  # the three Depot North stations, not the visitor one, not the pending orphan
    panel = window.open_station(site["depot1"])
    assert panel.ui.commandsButton.isEnabled() and not panel.settings_button.isEnabled()
    firmware = next(a for a in panel.commands_menu.actions() if a.objectName() == "command_update_firmware")
    reset = next(a for a in panel.commands_menu.actions() if a.objectName() == "command_reset")
    assert not firmware.isEnabled() and reset.isEnabled()


def test_my_account_page(qtbot, aio, services):
    window = make_window(qtbot, services, admin_session(aio, services))
    window.show_page("account")
    page = window.page("account")
    aio.wait_until(lambda: page.me is not None)
    page.ui.lastNameEdit.setText("Lovelace")
    page.ui.emailEdit.setText("not an address")
    qtbot.mouseClick(page.ui.saveDetailsButton, Qt.MouseButton.LeftButton)
    aio.wait_until(lambda: page.ui.emailError.isVisible())
    assert page.ui.emailError.text().startswith("Problem with email address.")
    page.ui.emailEdit.setText("ada@depot.example")
    qtbot.mouseClick(page.ui.saveDetailsButton, Qt.MouseButton.LeftButton)
    aio.wait_until(lambda: page.me.last_name == "Lovelace")
    page.ui.currentPasswordEdit.setText(PW)
    page.ui.newPasswordEdit.setText("another-pw-2")
    page.ui.repeatPasswordEdit.setText("another-pw-2")
    qtbot.mouseClick(page.ui.changePasswordButton, Qt.MouseButton.LeftButton)
    aio.wait_until(lambda: page.ui.passwordState.text() == "Password changed.")
    aio.run(services.login.login("ada", "another-pw-2"))
