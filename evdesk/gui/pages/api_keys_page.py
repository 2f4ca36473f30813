"""The API keys page (admins): the keys (name, operator, prefix, created, last used,
revoked), Create… (the key is shown once, with a copy button) and Revoke. Through the
core's `ApiKeyService`; the GUI never imports the HTTP layer."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QHeaderView, QMessageBox

from evdesk.core.api_keys import ApiKeyInfo, ApiKeyService
from evdesk.core.errors import EvdeskError
from evdesk.core.permissions import Permission
from evdesk.gui.asyncutil import run_task
from evdesk.gui.forms.ui_api_key_dialog import Ui_ApiKeyDialog
from evdesk.gui.forms.ui_api_keys_page import Ui_ApiKeysPage
from evdesk.gui.models import api_keys_model as km
from evdesk.gui.models.api_keys_model import ApiKeysModel
from evdesk.gui.models.base import Roles
from evdesk.gui.operator import operator_of
from evdesk.gui.pages.base import Page


class ApiKeyDialog(QDialog):
    """Pick an operator and a name; after Create the key is shown once."""

    created = Signal(object)  # ApiKeyInfo

    def __init__(self, services, keys: ApiKeyService, parent=None):
        super().__init__(parent)
        self.ui = Ui_ApiKeyDialog()
        self.ui.setupUi(self)
        self.services, self.keys = services, keys
        self.key: str | None = None
        self.ui.keyBox.hide()
        self.ui.createButton.clicked.connect(self.create)
        self.ui.closeButton.clicked.connect(self.accept)
        self.ui.copyButton.clicked.connect(self.copy)
        self.ui.createButton.setEnabled(False)
        run_task(services.operators.list(operator_of(self)), on_done=self._operators, on_error=self._failed,
                 owner=self, what="loading the operators")

    def _operators(self, rows) -> None:
        for op in sorted(rows, key=lambda o: o.username.casefold()):
            if op.status == "active":
                self.ui.operatorCombo.addItem(f"{op.username} ({op.role})", op.username)
        self.ui.createButton.setEnabled(self.ui.operatorCombo.count() > 0)

    def create(self) -> None:
        username = self.ui.operatorCombo.currentData()
        if not username:
            return
        self.ui.createButton.setEnabled(False)
        run_task(self.keys.create(operator_of(self), username, self.ui.nameEdit.text()), on_done=self._created,
                 on_error=self._failed, owner=self, what="creating an API key", cancel_with_owner=False)

    def _created(self, result) -> None:
        info, key = result
        self.key = key
        self.ui.keyEdit.setText(key)
        self.ui.keyBox.show()
        self.ui.operatorCombo.setEnabled(False)
        self.ui.nameEdit.setEnabled(False)
        self.ui.createButton.hide()
        self.ui.closeButton.setText("Close")
        self.ui.errorLabel.clear()
        self.created.emit(info)

    def copy(self) -> None:
        if self.key:
            QGuiApplication.clipboard().setText(self.key)
            self.ui.copyButton.setText("Copied")

    def _failed(self, exc: BaseException) -> None:
        self.ui.errorLabel.setText(str(exc) if isinstance(exc, EvdeskError) else "Could not do that; see the log.")
        self.ui.createButton.setEnabled(self.ui.operatorCombo.count() > 0)

    def done(self, result: int) -> None:
        self.ui.keyEdit.clear()  # the key is not kept once the dialog closes
        self.key = None
        super().done(result)


class ApiKeysPage(Page):
    def __init__(self, services, parent=None):
        super().__init__(parent)
        self.ui = Ui_ApiKeysPage()
        self.ui.setupUi(self)
        self.services = services
        self.keys: ApiKeyService = services.api_keys  # the site's one service (its key cache is the API's)
        self.model = ApiKeysModel(services, self)
        self.dialog: ApiKeyDialog | None = None
        self.confirm_box: QMessageBox | None = None
        table = self.ui.keysTable
        table.setModel(self.model)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(True)
        for column, width in ((km.COL_NAME, 190), (km.COL_OPERATOR, 110), (km.COL_PREFIX, 100), (km.COL_CREATED, 210),
                              (km.COL_LAST_USED, 210)):
            table.setColumnWidth(column, width)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)
        self.model.dataChanged.connect(self._selection_changed)
        self.ui.createButton.clicked.connect(self.open_create)
        self.ui.revokeButton.clicked.connect(self.confirm_revoke)
        self._selection_changed()

    @property
    def rows(self) -> list[ApiKeyInfo]:
        return self.model.rows()

    def detach(self) -> None:
        self.model.detach()

    def apply_operator(self, ctx) -> None:
        if ctx.can(Permission.API_KEYS):
            self.reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self) -> None:
        ctx = operator_of(self)
        if not ctx.can(Permission.API_KEYS):
            return
        run_task(self.keys.list(ctx), on_done=self._loaded, on_error=self._failed, owner=self,
                 what="loading the API keys")

    def _loaded(self, rows: list[ApiKeyInfo]) -> None:
        self.model.set_rows(list(rows))
        self._selection_changed()

    def selected(self) -> ApiKeyInfo | None:
        rows = self.ui.keysTable.selectionModel().selectedRows()
        return rows[0].data(Roles.RowData) if rows else None

    def _selection_changed(self, *_args) -> None:
        k = self.selected()
        self.ui.revokeButton.setEnabled(k is not None and k.active and operator_of(self).can(Permission.API_KEYS))

    def open_create(self) -> ApiKeyDialog:
        self.dialog = ApiKeyDialog(self.services, self.keys, self)
        self.dialog.created.connect(lambda info: (self.reload(), self.statusMessage.emit(
            f"API key {info.prefix} made for {info.operator}.")))
        self.dialog.open()
        return self.dialog

    def confirm_revoke(self) -> QMessageBox | None:
        k = self.selected()
        if k is None or not k.active:
            return None
        box = QMessageBox(QMessageBox.Icon.Warning, "Revoke API key",
                          f"Revoke the key {k.prefix} ({k.name}) of {k.operator}? Programs using it stop working.",
                          parent=self)
        revoke = box.addButton("Revoke key", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.buttonClicked.connect(lambda b: self.revoke(k) if b is revoke else None)
        self.confirm_box, self.confirm_revoke_button = box, revoke
        box.open()
        return box

    def revoke(self, k: ApiKeyInfo) -> None:
        run_task(self.keys.revoke(operator_of(self), k.prefix), on_done=lambda info: (
            self.reload(), self.statusMessage.emit(f"API key {info.prefix} revoked.")), on_error=self._failed,
            owner=self, what="revoking an API key", cancel_with_owner=False)

    def _failed(self, exc: BaseException) -> None:
        self.statusMessage.emit(str(exc) if isinstance(exc, EvdeskError) else "Could not do that; see the log.")
