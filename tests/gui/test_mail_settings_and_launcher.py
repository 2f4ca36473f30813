"""SMTP settings on the Settings page (password into the keychain, test e-mail) and the launcher's log-in step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from evdesk.gui.dialogs.login_dialog import LoginDialog
from evdesk.gui.launcher import log_in
from tests.gui.test_login_and_operators import PW, admin_session, make_window


def test_smtp_settings_and_test_mail(qtbot, aio, services, smtp_server, memory_keyring):
    window = make_window(qtbot, services, admin_session(aio, services))
    window.show_page("settings")
    page = window.page("settings")
    aio.wait_until(lambda: "keychain" in page.ui.smtpPasswordHelp.text())
    assert "No password is stored" in page.ui.smtpPasswordHelp.text()
    ui = page.ui
    ui.smtpHostEdit.setText("127.0.0.1")
    ui.smtpPortSpin.setValue(smtp_server.port)
    ui.smtpSecurityCombo.setCurrentIndex(ui.smtpSecurityCombo.findData("none"))
    ui.smtpFromEdit.setText("evdesk@depot.example")
    ui.smtpPasswordEdit.setText("mail-secret")
    ui.testAddressEdit.setText("ada@depot.example")
    qtbot.mouseClick(ui.testMailButton, Qt.MouseButton.LeftButton)
    assert "Save the settings first" in ui.testMailLabel.text()
    qtbot.mouseClick(ui.saveButton, Qt.MouseButton.LeftButton)
    aio.wait_until(lambda: not page.busy and ui.stateLabel.text().startswith("Saved"))
    assert services.settings.smtp_port == smtp_server.port and services.settings.smtp_security == "none"
    assert memory_keyring.items[("evdesk", "smtp-password")] == "mail-secret"
    assert ui.smtpPasswordEdit.text() == "" and "A password is stored" in ui.smtpPasswordHelp.text()
    qtbot.mouseClick(ui.testMailButton, Qt.MouseButton.LeftButton)
    aio.wait_until(lambda: ui.testMailLabel.text().startswith("Sent"))
    assert smtp_server.messages[-1]["To"] == "ada@depot.example"


def test_launcher_asks_for_the_login_before_the_window(qtbot, aio, services):
    aio.run(services.operators.create_first_admin("ada", PW))
    result = {}

    async def run():
        result["session"], result["first"] = await log_in(services)

    from evdesk.gui.asyncutil import run_task

    run_task(run())
    aio.wait_until(lambda: any(isinstance(w, LoginDialog) and w.isVisible() for w in QApplication.topLevelWidgets()))
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog) and w.isVisible())
    aio.wait_until(lambda: not dialog.busy)
    dialog.ui.usernameEdit.setText("ADA")
    dialog.ui.passwordEdit.setText(PW)
    qtbot.mouseClick(dialog.ui.loginButton, Qt.MouseButton.LeftButton)
    aio.wait_until(lambda: "session" in result)
    assert result["session"].ctx.username == "ada" and result["first"] is False
