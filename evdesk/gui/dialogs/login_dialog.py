"""The log-in window: first administrator, log in, "Lost your password?", "I have a code".

    dialog = LoginDialog(services)
    dialog.loggedIn.connect(...)   # a LoginSession
    dialog.start()                 # decides between "first administrator" and "log in"
    dialog.open()

Nothing here blocks the loop: every check runs as a task, the buttons wait meanwhile.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QSizePolicy

from evdesk.core.errors import EvdeskError, ValidationError
from evdesk.gui.asyncutil import run_task
from evdesk.gui.forms.ui_login_dialog import Ui_LoginDialog
from evdesk.gui.translations.messages import message_text

LOGIN, LOST, CODE, FIRST = range(4)


class LoginDialog(QDialog):
    loggedIn = Signal(object)  # LoginSession

    def __init__(self, services, parent=None, username: str = ""):
        super().__init__(parent)
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        self.services = services
        self.session = None
        self.created_first_administrator = False  # then the window explains how chargers connect
        self.busy = False
        ui = self.ui
        ui.siteLabel.setText(self.tr("Charging station management for {site}").format(site=services.settings.site_name))
        ui.usernameEdit.setText(username)
        ui.loginButton.clicked.connect(self.log_in)
        ui.passwordEdit.returnPressed.connect(self.log_in)
        ui.lostButton.clicked.connect(lambda: self.show_page(LOST))
        ui.codeButton.clicked.connect(lambda: self.show_page(CODE))
        ui.backFromLostButton.clicked.connect(lambda: self.show_page(LOGIN))
        ui.backFromCodeButton.clicked.connect(lambda: self.show_page(LOGIN))
        ui.sendCodeButton.clicked.connect(self.send_code)
        ui.setPasswordButton.clicked.connect(self.set_password)
        ui.createButton.clicked.connect(self.create_first_admin)
        for button in (ui.lostButton, ui.codeButton):
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setStyleSheet("color: palette(link); text-decoration: underline; border: none;")
        self._clear()
        self.show_page(LOGIN)

    def _fit_page(self, page: int) -> None:
        """As tall as the page shown (the other pages do not count), never narrower than the form: the
        log-in page was drawn in the first administrator's height, half of it empty."""
        stack = self.ui.stack
        for i in range(stack.count()):
            policy = QSizePolicy.Policy.Preferred if i == page else QSizePolicy.Policy.Ignored
            stack.widget(i).setSizePolicy(policy, policy)
        stack.updateGeometry()
        self.layout().activate()
        hint = self.sizeHint()
        self.resize(max(self.width() if self.isVisible() else 0, 460, hint.width()), hint.height())

    def start(self) -> None:
        """Show "create the first administrator" when no operator exists yet."""
        self._busy(True)
        run_task(self.services.login.has_operators(), on_done=self._started, on_error=self._failed, owner=self,
                 what="looking for operators")

    def _started(self, has_operators: bool) -> None:
        self._busy(False)
        self.show_page(LOGIN if has_operators else FIRST)

    def show_page(self, page: int) -> None:
        ui = self.ui
        ui.stack.setCurrentIndex(page)
        self._fit_page(page)
        self._clear()
        titles = {LOGIN: self.tr("evdesk — log in"), LOST: self.tr("evdesk — lost password"), CODE: self.tr("evdesk — set password"),
                  FIRST: self.tr("evdesk — first administrator")}
        self.setWindowTitle(titles[page])
        if page == LOST:
            ui.lostUsernameEdit.setText(ui.lostUsernameEdit.text() or ui.usernameEdit.text())
            ui.lostUsernameEdit.setFocus()
        elif page == CODE:
            ui.codeUsernameEdit.setText(ui.codeUsernameEdit.text() or ui.usernameEdit.text())
            (ui.codeEdit if ui.codeUsernameEdit.text() else ui.codeUsernameEdit).setFocus()
        elif page == FIRST:
            ui.firstUsernameEdit.setFocus()
        else:
            (ui.passwordEdit if ui.usernameEdit.text() else ui.usernameEdit).setFocus()
        for button in (ui.loginButton, ui.sendCodeButton, ui.setPasswordButton, ui.createButton):
            button.setDefault(False)
        {LOGIN: ui.loginButton, LOST: ui.sendCodeButton, CODE: ui.setPasswordButton, FIRST: ui.createButton}[page].setDefault(True)

    # -- errors ---------------------------------------------------------------------------
    def _errors(self) -> list[QLabel]:
        ui = self.ui
        return [ui.loginError, ui.lostError, ui.codeError, ui.newPasswordError, ui.codeFormError, ui.firstUsernameError,
                ui.firstEmailError, ui.firstPasswordError, ui.firstFormError]

    def _clear(self) -> None:
        for label in self._errors():
            label.clear()
            label.hide()

    def _show(self, label: QLabel, text: str) -> None:
        label.setText(text)
        label.show()

    def _busy(self, busy: bool) -> None:
        self.busy = busy
        ui = self.ui
        for button in (ui.loginButton, ui.sendCodeButton, ui.setPasswordButton, ui.createButton):
            button.setEnabled(not busy)

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        page = self.ui.stack.currentIndex()
        field = exc.field if isinstance(exc, ValidationError) else None
        text = message_text(str(exc)) if isinstance(exc, EvdeskError) else self.tr("Something went wrong: {error}. Try again.").format(error=exc)
        ui = self.ui
        target = {
            LOGIN: {None: ui.loginError},
            LOST: {None: ui.lostError},
            CODE: {None: ui.codeFormError, "code": ui.codeError, "password": ui.newPasswordError},
            FIRST: {None: ui.firstFormError, "username": ui.firstUsernameError, "email": ui.firstEmailError,
                    "password": ui.firstPasswordError},
        }[page]
        self._show(target.get(field, target[None]), text)

    # -- log in -----------------------------------------------------------------------------
    def log_in(self) -> None:
        if self.busy:
            return
        self._clear()
        ui = self.ui
        if not ui.usernameEdit.text().strip():
            self._show(ui.loginError, self.tr("Enter your username and password."))
            return
        self._busy(True)
        run_task(self.services.login.login(ui.usernameEdit.text(), ui.passwordEdit.text()), on_done=self._logged_in,
                 on_error=self._login_failed, owner=self, what="logging in")

    def _login_failed(self, exc: BaseException) -> None:
        self.ui.passwordEdit.selectAll()
        self.ui.passwordEdit.setFocus()
        self._failed(exc)

    def _logged_in(self, session) -> None:
        self._busy(False)
        self.session = session
        self.loggedIn.emit(session)
        self.accept()

    # -- lost password / code ---------------------------------------------------------------
    def send_code(self) -> None:
        if self.busy:
            return
        self._clear()
        username = self.ui.lostUsernameEdit.text().strip()
        if not username:
            self._show(self.ui.lostError, self.tr("Enter your username."))
            return
        self._busy(True)
        run_task(self.services.operators.request_password_reset(username), on_done=lambda _r: self._code_sent(username),
                 on_error=self._failed, owner=self, what="sending a password code")

    def _code_sent(self, username: str) -> None:
        self._busy(False)
        self.ui.codeUsernameEdit.setText(username)
        self.show_page(CODE)
        self.ui.infoLabel.setText(self.tr("If that username has an e-mail address, a code is on its way. "
                                          "It is valid for 72 hours."))

    def set_password(self) -> None:
        if self.busy:
            return
        self._clear()
        ui = self.ui
        if ui.newPasswordEdit.text() != ui.repeatPasswordEdit.text():
            self._show(ui.newPasswordError, self.tr("The two passwords differ."))
            return
        self._busy(True)
        username = ui.codeUsernameEdit.text()
        run_task(self.services.operators.set_password_with_code(username, ui.codeEdit.text(), ui.newPasswordEdit.text()),
                 on_done=lambda _info: self._password_set(username), on_error=self._failed, owner=self,
                 what="setting a password")

    def _password_set(self, username: str) -> None:
        self._busy(False)
        ui = self.ui
        ui.usernameEdit.setText(username)
        ui.passwordEdit.clear()
        for edit in (ui.codeEdit, ui.newPasswordEdit, ui.repeatPasswordEdit):
            edit.clear()
        self.show_page(LOGIN)
        ui.infoLabel.setText(self.tr("Password set. Log in with it now."))

    # -- first administrator ------------------------------------------------------------------
    def create_first_admin(self) -> None:
        if self.busy:
            return
        self._clear()
        ui = self.ui
        if ui.firstPasswordEdit.text() != ui.firstRepeatEdit.text():
            self._show(ui.firstPasswordError, self.tr("The two passwords differ."))
            return
        self._busy(True)
        username, password = ui.firstUsernameEdit.text(), ui.firstPasswordEdit.text()

        async def create_and_log_in():
            await self.services.operators.create_first_admin(username, password, ui.firstEmailEdit.text(),
                                                             ui.firstNameEdit.text(), ui.lastNameEdit.text())
            self.created_first_administrator = True
            return await self.services.login.login(username, password)

        run_task(create_and_log_in(), on_done=self._logged_in, on_error=self._failed, owner=self,
                 what="creating the first administrator")
