"""The window's login: who is logged in (status bar), expiry and the lock, logging out.

The window stays as it was under the lock; unlocking (same operator, same rules as
logging in) resumes there. Logging out hides the window and shows the log-in
window; logging in again (perhaps as someone else) shows it with that operator's
rights; cancelling closes it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QPushButton

from evdesk.core.permissions import NOBODY, ROLE_LABELS
from evdesk.gui import display
from evdesk.gui.models.base import BusListener, ZoneFollower
from evdesk.gui.translations.labels import state_label
from evdesk.gui.widgets.lock_overlay import LockOverlay

CHECK_EVERY_MS = 10_000


class LoginControl(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.services = window.services
        self.overlay = LockOverlay(window.services, window)
        self.overlay.unlocked.connect(self._unlocked)
        self.overlay.logoutRequested.connect(self.log_out)
        self.label = QLabel()
        self.logout_button = QPushButton(self.tr("Log out"))
        self.logout_button.setObjectName("logoutButton")
        self.logout_button.setFlat(True)
        self.logout_button.clicked.connect(self.log_out)
        window.ui.statusBar.addPermanentWidget(self.label)
        window.ui.statusBar.addPermanentWidget(self.logout_button)
        self.logout_action = QAction(self.tr("Log out"), window)
        self.logout_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.logout_action.triggered.connect(self.log_out)
        window.addAction(self.logout_action)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check_expiry)
        self.login_dialog = None
        self._bus = BusListener(self, self.services.bus)
        ZoneFollower(self._bus, self.services.settings, self.show_operator)  # "valid until" names the zone
        self.show_operator()

    @property
    def locked(self) -> bool:
        return self.overlay.isVisible()

    def show_operator(self) -> None:
        ctx = self.window.operator
        session = self.window.session
        if ctx.role == NOBODY:
            self.label.setText(self.tr("Nobody logged in: nothing can be changed"))
        else:
            self.label.setText(self.tr("Logged in: {name} ({role})").format(name=ctx.name, role=state_label(ROLE_LABELS.get(ctx.role, ctx.role))))
        self.logout_button.setVisible(session is not None)
        if session is not None:
            self.timer.start()
            zone = display.zone_of(self.services.settings)
            self.label.setToolTip(self.tr("Login valid until {time}").format(time=display.clock_time(session.expires_at, zone)))
        else:
            self.timer.stop()

    def check_expiry(self, now=None) -> bool:
        """Lock the window when the login has expired; True if it is locked."""
        session = self.window.session
        if session is not None and not self.locked and session.expired(now):
            self.lock()
        return self.locked

    def lock(self) -> None:
        self.window.centralWidget().setEnabled(False)
        self.overlay.lock(self.window.session)

    def _unlocked(self, session) -> None:
        self.window.centralWidget().setEnabled(True)
        self.window.set_session(session)

    def log_out(self) -> None:
        from evdesk.gui.dialogs.login_dialog import LoginDialog

        self.overlay.hide()
        self.window.centralWidget().setEnabled(True)
        self.window.hide()
        dialog = LoginDialog(self.services, None, self.window.operator.username)
        dialog.loggedIn.connect(self._logged_in_again)
        dialog.rejected.connect(self.window.close)
        self.login_dialog = dialog
        dialog.open()

    def _logged_in_again(self, session) -> None:
        self.login_dialog = None
        self.window.set_session(session, new_login=True)
        self.window.show()
