"""Add or edit a charging user: names, e-mail, phone, user group, how many sessions at a
time (empty: the user group's limit, else 1), status (with reason), vehicles, access rights (charging groups, which include their subgroups, and single
stations) and the user's tokens.

A new user's tokens are saved with the user; an existing user's tokens are added,
edited, blocked and deleted at once. The user is saved with the version the dialog
read: if someone changed it meanwhile, the dialog says so and offers Reload.
"""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID, uuid4

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QDialog, QHeaderView, QMessageBox, QTreeWidgetItem

from evdesk.core.errors import EvdeskError, StaleEdit, ValidationError
from evdesk.core.people_types import TokenInput, TokenRow, UserDetail, UserGroupRow, UserInput, clean_token
from evdesk.core.permissions import ADMIN, Permission
from evdesk.gui.asyncutil import run_task
from evdesk.gui.dialogs.token_dialog import TokenDialog
from evdesk.gui.forms.ui_user_dialog import Ui_UserDialog
from evdesk.gui.models.base import Roles
from evdesk.gui.models.tokens_model import UserTokensModel
from evdesk.gui.translations.labels import state_label

KIND, ID = Qt.ItemDataRole.UserRole + 1, Qt.ItemDataRole.UserRole + 2
GROUP, STATION = "group", "station"
TAB_DETAILS, TAB_VEHICLES, TAB_ACCESS, TAB_TOKENS = range(4)
STALE = QT_TRANSLATE_NOOP("UserDialog", "Someone else changed this charging user since you opened it. Reload to see their version "
         "(your changes here are lost), then make yours again.")  # shown through self.tr


class UserDialog(QDialog):
    userSaved = Signal(object)  # UserDetail

    def __init__(self, services, operator: Callable, user_id: UUID | None = None, parent=None):
        super().__init__(parent)
        self.ui = Ui_UserDialog()
        self.ui.setupUi(self)
        self.services = services
        self.operator = operator
        self.user_id = user_id
        self.version: int | None = None
        self.loaded = user_id is None
        self.busy = False
        self.pending_tokens: list[TokenInput] = []
        self.user_groups: dict[str, UserGroupRow] = {}  # by id as text, for what an empty limit means
        self._hidden_rights: tuple[list[UUID], list[UUID]] = ([], [])
        ui = self.ui
        ctx = operator()
        self.can_edit = ctx.can(Permission.EDIT_USERS)
        for label, status in (("Active", "active"), ("Disabled", "disabled")):
            ui.statusCombo.addItem(state_label(label), status)
        ui.statusCombo.currentIndexChanged.connect(self._status_changed)
        self._fill_home_groups(ctx)
        ui.userGroupCombo.addItem(self.tr("— none —"), None)
        ui.userGroupCombo.currentIndexChanged.connect(self._explain_session_limit)
        run_task(services.people.groups.list(), on_done=self._groups_loaded, owner=self, what="loading user groups")
        self._build_rights_tree(ctx)
        self.tokens = UserTokensModel(self)
        view = ui.tokensView
        view.setModel(self.tokens)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        view.setColumnWidth(0, 150)
        view.setColumnWidth(1, 160)
        view.selectionModel().selectionChanged.connect(self._update_token_buttons)
        ui.addPlateButton.clicked.connect(self.add_plate)
        ui.plateEdit.returnPressed.connect(self.add_plate)
        ui.removePlateButton.clicked.connect(self.remove_plate)
        ui.addTokenButton.clicked.connect(self.add_token)
        ui.newUidEdit.returnPressed.connect(self.add_token)
        ui.editTokenButton.clicked.connect(self.edit_token)
        ui.blockTokenButton.clicked.connect(self.toggle_block_token)
        ui.deleteTokenButton.clicked.connect(self.confirm_delete_token)
        ui.deleteTokenButton.setVisible(ctx.can(Permission.DELETE_TOKENS))
        ui.reloadButton.clicked.connect(self.reload)
        ui.cancelButton.clicked.connect(self.reject)
        ui.okButton.clicked.connect(self.save)
        ui.okButton.setEnabled(self.can_edit)
        for w in (ui.newUidEdit, ui.newTokenNameEdit, ui.addTokenButton, ui.addPlateButton, ui.removePlateButton,
                  ui.plateEdit, ui.editTokenButton, ui.blockTokenButton, ui.maxSessionsEdit):
            w.setEnabled(self.can_edit)
        self._clear_errors()
        self._status_changed()
        self._explain_session_limit()
        self._update_token_buttons()
        if user_id is None:
            self.setWindowTitle(self.tr("Add charging user"))
            ui.introLabel.setText(self.tr("A charging user may charge with their tokens. Tokens, vehicles and access rights "
                                          "are saved together with the user."))
            ui.okButton.setText(self.tr("Add user"))
        else:
            self.setWindowTitle(self.tr("Edit charging user"))
            ui.introLabel.setText(self.tr("Loading…"))
            self.reload()

    # -- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        run_task(self.services.people.reads.user(self.operator(), self.user_id), on_done=self._loaded,
                 on_error=self._load_failed, owner=self, what="loading a charging user")

    def _loaded(self, detail: UserDetail) -> None:
        ui, d = self.ui, detail.data
        self.version = detail.version
        self.loaded = True
        self._clear_errors()
        self.setWindowTitle(self.tr("Edit charging user {name}").format(name=f"{d.first_name} {d.last_name}".strip()))
        ui.introLabel.setText(self.tr("Changes to tokens are saved at once; the rest when you press Save."))
        ui.firstNameEdit.setText(d.first_name)
        ui.lastNameEdit.setText(d.last_name)
        ui.emailEdit.setText(d.email)
        ui.phoneEdit.setText(d.phone)
        ui.departureEdit.setText(d.departure_time)
        self._select_group(d.user_group_id)
        self._select_home(detail.home_group_id)
        ui.statusCombo.setCurrentIndex(max(0, ui.statusCombo.findData(d.status)))
        ui.disabledReasonEdit.setText(d.disabled_reason)
        ui.vehiclesList.clear()
        ui.vehiclesList.addItems(d.vehicles)
        self._set_rights(d.group_rights, d.station_rights)
        limit = d.max_concurrent_transactions
        ui.maxSessionsEdit.setText("" if limit is None else str(limit))
        self.tokens.set_rows(detail.tokens)
        self._update_token_buttons()

    def _load_failed(self, exc: BaseException) -> None:
        self.show_error(None, str(exc) if isinstance(exc, EvdeskError) else self.tr("Could not load the user: {error}").format(error=exc))
        self.ui.okButton.setEnabled(False)

    def _fill_home_groups(self, ctx) -> None:
        """The charging groups a user may be homed in: the operator's domain (root: also the whole site)."""
        combo, groups = self.ui.homeGroupCombo, self.services.groups
        if ctx.is_root:
            combo.addItem(self.tr("— whole site —"), None)
        for g in sorted(groups.visible(ctx), key=lambda g: groups.path_of(g.id).casefold()):
            combo.addItem(groups.path_of(g.id), str(g.id))
        self._select_home(ctx.base_group_id)
        combo.setEnabled(self.can_edit and combo.count() > 1)

    def _select_home(self, group_id: UUID | None) -> None:
        index = self.ui.homeGroupCombo.findData(str(group_id) if group_id else None)
        if index < 0 and group_id is not None:  # a home outside the domain: shown, kept as it is
            self.ui.homeGroupCombo.addItem(self.services.groups.path_of(group_id) or self.tr("another group"), str(group_id))
            index = self.ui.homeGroupCombo.count() - 1
        if index >= 0:
            self.ui.homeGroupCombo.setCurrentIndex(index)

    def home_group_id(self) -> UUID | None:
        data = self.ui.homeGroupCombo.currentData()
        return UUID(data) if data else None

    def _groups_loaded(self, groups) -> None:
        combo, current = self.ui.userGroupCombo, self.ui.userGroupCombo.currentData()
        self.user_groups = {str(g.id): g for g in groups}
        for g in groups:
            combo.addItem(g.name if g.active else self.tr("{name} (inactive)").format(name=g.name), str(g.id))
        self._select_group(UUID(current) if current else getattr(self, "_wanted_group", None))

    def _select_group(self, group_id: UUID | None) -> None:
        self._wanted_group = group_id
        index = self.ui.userGroupCombo.findData(str(group_id) if group_id else None)
        if index >= 0:
            self.ui.userGroupCombo.setCurrentIndex(index)

    def user_group_id(self) -> UUID | None:
        """(Combos keep ids as text: QComboBox.findData compares Python objects by identity.)"""
        data = self.ui.userGroupCombo.currentData()
        return UUID(data) if data else None

    def select_user_group(self, group_id: UUID | None) -> None:
        self._select_group(group_id)

    def _explain_session_limit(self, *_args) -> None:
        """What an empty "Sessions at a time" means for the user group chosen now."""
        group = self.user_groups.get(self.ui.userGroupCombo.currentData() or "")
        if group is None:
            empty = self.tr("empty: 1 (no user group)")
        elif group.max_concurrent_transactions is None:
            empty = self.tr("empty: 1 ({group} sets no limit)").format(group=group.name)
        else:
            empty = self.tr("empty: {limit}, the limit of {group}").format(limit=group.max_concurrent_transactions,
                                                                          group=group.name)
        self.ui.maxSessionsEdit.setPlaceholderText(empty)

    def max_sessions(self) -> int | None:
        """The user's own limit, or None (empty: the user group's, else 1)."""
        text = self.ui.maxSessionsEdit.text().strip()
        if not text:
            return None
        if not text.isdigit() or int(text) < 1:
            raise ValidationError(self.tr("Enter how many sessions at a time (1 or more), or leave it empty for the "
                                          "user group's limit."), field="max_concurrent_transactions")
        return int(text)

    def _status_changed(self, *_args) -> None:
        disabled = self.ui.statusCombo.currentData() == "disabled"
        self.ui.reasonLabel.setVisible(disabled)
        self.ui.disabledReasonEdit.setVisible(disabled)

    # -- access rights -----------------------------------------------------------------------
    def _build_rights_tree(self, ctx) -> None:
        groups = self.services.groups
        tree = self.ui.rightsTree
        tree.clear()

        def station_item(parent, s) -> None:
            item = QTreeWidgetItem(parent, [f"{s.name} ({s.identity})" if s.name and s.name != s.identity else s.identity])
            item.setData(0, KIND, STATION)
            item.setData(0, ID, s.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Unchecked)

        def group_item(parent, g) -> None:
            kids = groups.children(g.id)
            item = QTreeWidgetItem(parent, [self.tr("{name} (includes subgroups)").format(name=g.name) if kids else g.name])
            item.setData(0, KIND, GROUP)
            item.setData(0, ID, g.id)
            item.setToolTip(0, self.tr("Everything in this charging group and its subgroups, now and later."))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Unchecked)
            for child in kids:
                group_item(item, child)
            for s in groups.stations_in(g.id):
                station_item(item, s)

        for g in groups.top_groups(ctx):
            group_item(tree, g)
        if ctx.is_root and ctx.role == ADMIN:
            orphans = groups.stations_in(None)
            if orphans:
                holder = QTreeWidgetItem(tree, [self.tr("Stations without a group")])
                for s in orphans:
                    station_item(holder, s)
        tree.expandToDepth(0)

    def _items(self):
        stack = [self.ui.rightsTree.topLevelItem(i) for i in range(self.ui.rightsTree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            yield item
            stack.extend(item.child(i) for i in range(item.childCount()))

    def _set_rights(self, group_ids, station_ids) -> None:
        wanted = {(GROUP, g) for g in group_ids} | {(STATION, s) for s in station_ids}
        shown = set()
        for item in self._items():
            key = (item.data(0, KIND), item.data(0, ID))
            if key[0] is None:
                continue
            shown.add(key)
            item.setCheckState(0, Qt.CheckState.Checked if key in wanted else Qt.CheckState.Unchecked)
            if key in wanted:
                parent = item.parent()
                while parent is not None:
                    parent.setExpanded(True)
                    parent = parent.parent()
        # rights outside this operator's domain are kept as they are
        self._hidden_rights = ([g for g in group_ids if (GROUP, g) not in shown],
                               [s for s in station_ids if (STATION, s) not in shown])

    def rights(self) -> tuple[list[UUID], list[UUID]]:
        groups, stations = list(self._hidden_rights[0]), list(self._hidden_rights[1])
        for item in self._items():
            if item.data(0, KIND) is not None and item.checkState(0) == Qt.CheckState.Checked:
                (groups if item.data(0, KIND) == GROUP else stations).append(item.data(0, ID))
        return groups, stations

    def check_right(self, kind: str, item_id: UUID, checked: bool = True) -> bool:
        for item in self._items():
            if item.data(0, KIND) == kind and item.data(0, ID) == item_id:
                item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                return True
        return False

    # -- vehicles ---------------------------------------------------------------------------
    def add_plate(self) -> None:
        plate = " ".join(self.ui.plateEdit.text().split()).upper()
        if plate and not self.ui.vehiclesList.findItems(plate, Qt.MatchFlag.MatchExactly):
            self.ui.vehiclesList.addItem(plate)
        self.ui.plateEdit.clear()

    def remove_plate(self) -> None:
        for item in self.ui.vehiclesList.selectedItems():
            self.ui.vehiclesList.takeItem(self.ui.vehiclesList.row(item))

    def plates(self) -> list[str]:
        return [self.ui.vehiclesList.item(i).text() for i in range(self.ui.vehiclesList.count())]

    # -- tokens ------------------------------------------------------------------------------
    def selected_token(self) -> TokenRow | None:
        rows = self.ui.tokensView.selectionModel().selectedRows()
        return rows[0].data(Roles.RowData) if rows else None

    def _is_pending(self, row: TokenRow | None) -> bool:
        return row is not None and row.version == 0

    def _update_token_buttons(self, *_args) -> None:
        row, ui = self.selected_token(), self.ui
        saved = row is not None and not self._is_pending(row)
        ui.editTokenButton.setEnabled(self.can_edit and saved)
        ui.blockTokenButton.setEnabled(self.can_edit and saved)
        ui.blockTokenButton.setText(self.tr("Unblock") if row is not None and row.status == "blocked" else self.tr("Block"))
        ui.deleteTokenButton.setEnabled(row is not None)
        ui.deleteTokenButton.setText(self.tr("Remove") if self._is_pending(row) else self.tr("Delete…"))

    def add_token(self) -> None:
        ui = self.ui
        ui.tokenUidError.hide()
        data = TokenInput(ui.newUidEdit.text(), ui.newTokenNameEdit.text())
        if self.user_id is None:
            try:
                data = clean_token(data)
                if any(t.uid.upper() == data.uid.upper() for t in self.pending_tokens):
                    raise ValidationError("This token is in the list already.", field="uid")
            except ValidationError as exc:
                self.show_error(exc.field, str(exc))
                return
            self.pending_tokens.append(data)
            self.tokens.set_rows(self.tokens.rows() + [TokenRow(uuid4(), 0, data.uid, data.name, data.status, None,
                                                               None, None, "", "")])
            ui.newUidEdit.clear()
            ui.newTokenNameEdit.clear()
            return
        ui.addTokenButton.setEnabled(False)
        run_task(self.services.people.tokens.add(self.operator(), data, self.user_id), on_done=self._token_added,
                 on_error=self._token_failed, owner=self, what="adding a token", cancel_with_owner=False)

    def _token_added(self, _row) -> None:
        self.ui.addTokenButton.setEnabled(True)
        self.ui.newUidEdit.clear()
        self.ui.newTokenNameEdit.clear()
        self.refresh_tokens()

    def _token_failed(self, exc: BaseException) -> None:
        self.ui.addTokenButton.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.show_error(exc.field, str(exc))
        else:
            self.show_error("uid", str(exc) if isinstance(exc, EvdeskError) else self.tr("Could not change the token: {error}").format(error=exc))
        self.refresh_tokens()

    def refresh_tokens(self) -> None:
        if self.user_id is not None:
            run_task(self.services.people.reads.user(self.operator(), self.user_id),
                     on_done=lambda d: self.tokens.set_rows(d.tokens), owner=self, what="loading the user's tokens")

    def edit_token(self) -> TokenDialog | None:
        row = self.selected_token()
        if row is None or self._is_pending(row):
            return None
        dialog = TokenDialog(self.services, self.operator, row, self)
        dialog.tokenSaved.connect(lambda _r: self.refresh_tokens())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.token_dialog = dialog
        dialog.open()
        return dialog

    def toggle_block_token(self) -> None:
        row = self.selected_token()
        if row is None or self._is_pending(row):
            return
        status = "active" if row.status == "blocked" else "blocked"
        run_task(self.services.people.tokens.set_status(self.operator(), row.id, status),
                 on_done=lambda _r: self.refresh_tokens(), on_error=self._token_failed, owner=self,
                 what="blocking a token", cancel_with_owner=False)

    def confirm_delete_token(self) -> QMessageBox | None:
        row = self.selected_token()
        if row is None:
            return None
        if self._is_pending(row):
            self.pending_tokens = [t for t in self.pending_tokens if t.uid.upper() != row.uid.upper()]
            self.tokens.set_rows([r for r in self.tokens.rows() if r.id != row.id])
            return None
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Delete token"), self.tr("Delete the token {uid}?").format(uid=row.uid),
                          parent=self)
        box.setInformativeText(self.tr("It is refused from now on; its id can be added again later. Past sessions stay."))
        delete_button = box.addButton(self.tr("Delete token"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda b: self.delete_token(row) if b is delete_button else None)
        self.confirm_box, self.confirm_delete_button = box, delete_button
        box.open()
        return box

    def delete_token(self, row: TokenRow) -> None:
        run_task(self.services.people.tokens.delete(self.operator(), row.id), on_done=lambda _r: self.refresh_tokens(),
                 on_error=self._token_failed, owner=self, what="deleting a token", cancel_with_owner=False)

    # -- errors -------------------------------------------------------------------------------
    def _labels(self) -> dict:
        ui = self.ui
        return {"first_name": (ui.firstNameError, TAB_DETAILS), "last_name": (ui.lastNameError, TAB_DETAILS),
                "email": (ui.emailError, TAB_DETAILS), "phone": (ui.phoneError, TAB_DETAILS),
                "departure_time": (ui.vehiclesError, TAB_VEHICLES),
                "user_group_id": (ui.userGroupError, TAB_DETAILS), "home_group_id": (ui.homeGroupError, TAB_DETAILS), "status": (ui.disabledReasonError, TAB_DETAILS),
                "max_concurrent_transactions": (ui.maxSessionsError, TAB_DETAILS),
                "disabled_reason": (ui.disabledReasonError, TAB_DETAILS), "vehicles": (ui.vehiclesError, TAB_VEHICLES),
                "group_rights": (ui.rightsError, TAB_ACCESS), "station_rights": (ui.rightsError, TAB_ACCESS),
                "uid": (ui.tokenUidError, TAB_TOKENS), "name": (ui.tokenUidError, TAB_TOKENS),
                "parent_uid": (ui.tokenUidError, TAB_TOKENS)}

    def _clear_errors(self) -> None:
        ui = self.ui
        for label, _tab in self._labels().values():
            label.clear()
            label.hide()
        for label in (ui.formError, ui.staleLabel):
            label.clear()
            label.hide()
        ui.reloadButton.hide()

    def show_error(self, field: str | None, text: str) -> None:
        label, tab = self._labels().get(field or "", (self.ui.formError, None))
        label.setText(text)
        label.show()
        if tab is not None:
            self.ui.tabs.setCurrentIndex(tab)

    # -- saving ------------------------------------------------------------------------------
    def user_input(self) -> UserInput:
        ui = self.ui
        groups, stations = self.rights()
        return UserInput(
            first_name=ui.firstNameEdit.text(), last_name=ui.lastNameEdit.text(), email=ui.emailEdit.text(),
            phone=ui.phoneEdit.text(), user_group_id=self.user_group_id(),
            status=ui.statusCombo.currentData(), disabled_reason=ui.disabledReasonEdit.text(),
            max_concurrent_transactions=self.max_sessions(), vehicles=self.plates(),
            group_rights=groups, station_rights=stations, departure_time=ui.departureEdit.text(),
        )

    def save(self) -> None:
        if self.busy or not self.loaded:
            return
        self._clear_errors()
        users, ctx = self.services.people.users, self.operator()
        try:
            data = self.user_input()
        except ValidationError as exc:
            self.show_error(exc.field, str(exc))
            return
        if self.user_id is None:
            coro = users.create(ctx, data, list(self.pending_tokens), home_group_id=self.home_group_id())
        else:
            coro = users.update(ctx, self.user_id, self.version, data, home_group_id=self.home_group_id())
        self.busy = True
        self.ui.okButton.setEnabled(False)
        run_task(coro, on_done=self._saved, on_error=self._failed, owner=self, what="saving a charging user",
                 cancel_with_owner=False)

    def _saved(self, detail: UserDetail) -> None:
        self.busy = False
        self.userSaved.emit(detail)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.ui.okButton.setEnabled(True)
        if isinstance(exc, StaleEdit):
            self.ui.staleLabel.setText(self.tr(STALE))
            self.ui.staleLabel.show()
            self.ui.reloadButton.show()
        elif isinstance(exc, ValidationError):
            self.show_error(exc.field, str(exc))
        elif isinstance(exc, EvdeskError):
            self.show_error(None, str(exc))
        else:
            self.show_error(None, self.tr("The charging user could not be saved ({error}). Try again.").format(error=exc))
