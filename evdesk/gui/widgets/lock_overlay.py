"""The lock over the main window when a login expires: the password again, or log out.

An opaque child widget covering the whole window (what is underneath stays exactly
as it was, but cannot be seen or clicked); the window disables its own content
while it shows.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QWidget

from evdesk.core.errors import EvdeskError
from evdesk.gui import display
from evdesk.gui.asyncutil import run_task
from evdesk.gui.forms.ui_lock_overlay import Ui_LockOverlay


class LockOverlay(QWidget):
    unlocked = Signal(object)  # the new LoginSession
    logoutRequested = Signal()

    def __init__(self, services, parent: QWidget):
        super().__init__(parent)
        self.ui = Ui_LockOverlay()
        self.ui.setupUi(self)
        self.services = services
        self.session = None
        self.busy = False
        self.setAutoFillBackground(True)
        self.ui.unlockButton.clicked.connect(self.unlock)
        self.ui.lockPasswordEdit.returnPressed.connect(self.unlock)
        self.ui.logoutButton.clicked.connect(self.logoutRequested.emit)
        parent.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parent().rect())
        return False

    def lock(self, session) -> None:
        self.session = session
        who = session.ctx.name
        at = display.clock_time(session.expires_at, display.zone_of(self.services.settings))
        self.ui.lockInfo.setText(f"{escape(who)}, your login expired at <nobr>{escape(at)}</nobr>. Enter your password "
                                 "to continue where you were; everything stays as you left it.")
        self.ui.lockError.hide()
        self.ui.lockPasswordEdit.clear()
        self.setGeometry(self.parent().rect())
        self.show()
        self.raise_()
        self.ui.lockPasswordEdit.setFocus()

    def unlock(self) -> None:
        if self.busy or self.session is None:
            return
        self.busy = True
        self.ui.unlockButton.setEnabled(False)
        run_task(self.services.login.unlock(self.session, self.ui.lockPasswordEdit.text()), on_done=self._unlocked,
                 on_error=self._failed, owner=self, what="unlocking the window")

    def _unlocked(self, session) -> None:
        self.busy = False
        self.ui.unlockButton.setEnabled(True)
        self.ui.lockPasswordEdit.clear()
        self.hide()
        self.session = None
        self.unlocked.emit(session)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.ui.unlockButton.setEnabled(True)
        self.ui.lockError.setText(str(exc) if isinstance(exc, EvdeskError) else f"Something went wrong: {exc}")
        self.ui.lockError.show()
        self.ui.lockPasswordEdit.selectAll()
        self.ui.lockPasswordEdit.setFocus()
