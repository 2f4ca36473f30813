"""The access profile editor: name, tariff, time windows (day checkboxes, from / to), members
(charging users, user groups, tokens: searchable checklists) and the stations and charging
groups it covers (the group tree with its stations). Operators who may not change profiles
see the same form read-only."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import time
from typing import Any
from uuid import UUID

from PySide6.QtCore import QLocale, QTime, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTimeEdit,
    QToolButton,
    QTreeWidgetItem,
    QWidget,
)

from evdesk.core.access_profiles import AccessProfileRow, window_to_dict
from evdesk.core.permissions import OperatorContext, Permission
from evdesk.core.pricing.selection import DAY_NAMES
from evdesk.core.reads.people import TokenFilter, UserFilter
from evdesk.gui.asyncutil import run_task
from evdesk.gui.forms.ui_access_profile_dialog import Ui_AccessProfileDialog
from evdesk.gui.translations import current_locale
from evdesk.gui.translations.phrases import counted
from evdesk.gui.dialogs.save_failure import show_save_failure

SEARCH_LIMIT = 100
ID_ROLE = Qt.ItemDataRole.UserRole
OWN_ROLE = Qt.ItemDataRole.UserRole + 1  # a covered item's own tick, given back when its group is unticked
ALL_DAYS = list(range(7))


class WindowRow(QWidget):
    """One time window: Mon..Sun checkboxes, from, to, and a remove button."""

    removeRequested = Signal(object)
    changed = Signal()

    def __init__(self, days=ALL_DAYS, start: time = time(0), end: time = time(23, 59), parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.day_checks: list[QCheckBox] = []
        for d, _name in enumerate(DAY_NAMES):
            box = QCheckBox(current_locale().dayName(d + 1, QLocale.FormatType.ShortFormat), self)
            box.setChecked(d in days)
            box.toggled.connect(self.changed)
            self.day_checks.append(box)
            layout.addWidget(box)
        layout.addSpacing(12)
        layout.addWidget(QLabel(self.tr("from"), self))
        self.start_edit = QTimeEdit(QTime(start.hour, start.minute), self)
        layout.addWidget(self.start_edit)
        layout.addWidget(QLabel(self.tr("to"), self))
        # a stored end of 00:00 after a start of 00:00 is the whole day: shown as the manual does, 23:59
        shown_end = time(23, 59) if end == time(0) else end
        self.end_edit = QTimeEdit(QTime(shown_end.hour, shown_end.minute), self)
        layout.addWidget(self.end_edit)
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat("HH:mm")
            edit.timeChanged.connect(self._times_changed)
        self.note = QLabel(self)
        self.note.setStyleSheet("color: #555;")
        layout.addWidget(self.note, 1)
        self.remove_button = QToolButton(self)
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.clicked.connect(lambda: self.removeRequested.emit(self))
        layout.addWidget(self.remove_button)
        self._times_changed()

    def _times_changed(self, *_args) -> None:
        start, end = self.start_edit.time(), self.end_edit.time()
        if end.toString("HH:mm") == "23:59" or start == end:
            self.note.setText(self.tr("until midnight"))
        elif end < start:
            self.note.setText(self.tr("ends the next day"))
        else:
            self.note.setText("")
        self.changed.emit()

    def value(self) -> dict:
        return {"days": [d for d, box in enumerate(self.day_checks) if box.isChecked()],
                "start": self.start_edit.time().toString("HH:mm"), "end": self.end_edit.time().toString("HH:mm")}

    def set_read_only(self, read_only: bool) -> None:
        for w in (*self.day_checks, self.start_edit, self.end_edit):
            w.setEnabled(not read_only)
        self.remove_button.setVisible(not read_only)


class MemberList:
    """A checklist of chosen members over a search: the chosen ones first (checked), then what
    the search found. `search(text)` returns a coroutine of (id, label) pairs."""

    def __init__(self, view: QListWidget, search: Callable[[str], Coroutine[Any, Any, list]] | None, owner,
                 on_change: Callable[[], None]):
        self.view, self.search, self.owner, self.on_change = view, search, owner, on_change
        self.chosen: dict[UUID, str] = {}
        self.found: list[tuple[UUID, str]] = []
        self._filling = False
        self._generation = 0
        view.itemChanged.connect(self._item_changed)

    def set_chosen(self, pairs) -> None:
        self.chosen = dict(pairs)
        self.fill()

    def set_found(self, pairs) -> None:
        self.found = list(pairs)
        self.fill()

    def run_search(self, text: str) -> None:
        if self.search is None:
            return
        self._generation += 1
        generation = self._generation  # a slower, older search must not overwrite a newer one

        def found(pairs) -> None:
            if generation == self._generation:
                self.set_found(pairs)

        run_task(self.search(text.strip()), on_done=found, owner=self.owner, what="searching members")

    def fill(self) -> None:
        self._filling = True
        try:
            self.view.clear()
            rows = sorted(self.chosen.items(), key=lambda p: p[1].casefold())
            rows += [(i, label) for i, label in self.found if i not in self.chosen]
            for member_id, text in rows:
                item = QListWidgetItem(text, self.view)
                item.setData(ID_ROLE, member_id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if member_id in self.chosen else Qt.CheckState.Unchecked)
        finally:
            self._filling = False

    def _item_changed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        member_id = item.data(ID_ROLE)
        if item.checkState() == Qt.CheckState.Checked:
            self.chosen[member_id] = item.text()
        else:
            self.chosen.pop(member_id, None)
        self.on_change()

    def check(self, member_id: UUID, on: bool = True) -> bool:
        """Tick or untick a listed member (tests, keyboard-free use)."""
        for i in range(self.view.count()):
            item = self.view.item(i)
            if item.data(ID_ROLE) == member_id:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                return True
        return False

    def ids(self) -> list[UUID]:
        return list(self.chosen)


class AccessProfileDialog(QDialog):
    profileSaved = Signal(object)  # AccessProfileRow

    def __init__(self, services, operator: Callable[[], OperatorContext], profile: AccessProfileRow | None = None,
                 parent=None):
        super().__init__(parent)
        self.ui = Ui_AccessProfileDialog()
        self.ui.setupUi(self)
        self.services, self.operator, self.profile = services, operator, profile
        self.windows: list[WindowRow] = []
        self._pending = 0
        self.loaded = False
        ctx = operator()
        self.read_only = not (ctx.can(Permission.ACCESS_PROFILES) and ctx.is_root)
        ui = self.ui
        self.users = MemberList(ui.usersList, self.search_users, self, self._update_summaries)
        self.user_groups = MemberList(ui.userGroupsList, None, self, self._update_summaries)
        self.tokens = MemberList(ui.tokensList, self.search_tokens, self, self._update_summaries)
        ui.usersSearch.textChanged.connect(self.users.run_search)
        ui.tokensSearch.textChanged.connect(self.tokens.run_search)
        ui.addWindowButton.clicked.connect(lambda: self.add_window())
        ui.coverTree.itemChanged.connect(self._cover_changed)
        ui.cancelButton.clicked.connect(self.reject)
        ui.okButton.clicked.connect(self.save)
        self._fill_tariffs()
        self._fill_tree()
        if profile is None:
            self.add_window()
        else:
            self.setWindowTitle((self.tr("Access profile {name}") if self.read_only
                                 else self.tr("Edit access profile {name}")).format(name=profile.name))
            ui.nameEdit.setText(profile.name)
            for w in profile.windows:
                d = window_to_dict(w)
                self.add_window(d["days"], w.start, w.end)
        self._load_members()
        if self.read_only:
            self._make_read_only()
        self._clear()
        self._update_summaries()

    # -- filling ----------------------------------------------------------------------------------------
    def _fill_tariffs(self) -> None:
        combo = self.ui.tariffCombo
        combo.addItem(self.tr("As the tariff groups decide"), None)
        for t in self.services.tariffs.list_tariffs():
            if t.base_of is None:
                combo.addItem(t.name, t.id)
        if self.profile is not None and self.profile.tariff_id is not None:
            i = next((n for n in range(combo.count()) if combo.itemData(n) == self.profile.tariff_id), -1)
            if i < 0:
                combo.addItem(self.tr("A removed tariff (the tariff groups decide)"), self.profile.tariff_id)
                i = combo.count() - 1
            combo.setCurrentIndex(i)

    def _fill_tree(self) -> None:
        tree, groups, ctx = self.ui.coverTree, self.services.groups, self.operator()
        chosen_groups = self.profile.group_ids if self.profile else frozenset()
        chosen_stations = self.profile.station_ids if self.profile else frozenset()
        tree.blockSignals(True)

        def station_item(parent, info) -> None:
            item = QTreeWidgetItem(parent, [info.display_name])
            item.setData(0, ID_ROLE, ("station", info.id))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked if info.id in chosen_stations else Qt.CheckState.Unchecked)

        def group_item(parent, group) -> None:
            item = QTreeWidgetItem(parent, [group.name])
            item.setData(0, ID_ROLE, ("group", group.id))
            item.setToolTip(0, self.tr("A ticked group covers its subgroups and all their stations."))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked if group.id in chosen_groups else Qt.CheckState.Unchecked)
            for child in groups.children(group.id):
                group_item(item, child)
            for info in groups.stations_in(group.id):
                if info.registration == "adopted":
                    station_item(item, info)

        for group in groups.top_groups(ctx):
            group_item(tree, group)
        orphans = [s for s in groups.stations_in(None) if s.registration == "adopted"] if ctx.sees_station(None) else []
        if orphans:
            top = QTreeWidgetItem(tree, [self.tr("Stations without a group")])
            for info in orphans:
                station_item(top, info)
        tree.expandToDepth(0)
        tree.blockSignals(False)
        self._refresh_cover()

    def _cover_changed(self, *_args) -> None:
        self._refresh_cover()
        self._update_summaries()

    def _refresh_cover(self) -> None:
        """What a ticked group covers (its subgroups and stations) shows ticked and greyed, "covered by"
        it; unticking the group gives them back their own state."""
        tree = self.ui.coverTree
        tree.blockSignals(True)

        def walk(item: QTreeWidgetItem, covered_by: str | None) -> None:
            if item.data(0, ID_ROLE) is not None:
                own = item.data(0, OWN_ROLE)
                if covered_by is not None:
                    if own is None:
                        item.setData(0, OWN_ROLE, item.checkState(0) == Qt.CheckState.Checked)
                    item.setCheckState(0, Qt.CheckState.Checked)
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                    item.setToolTip(0, self.tr("Covered by the ticked group {name}.").format(name=covered_by))
                else:
                    if own is not None:
                        item.setCheckState(0, Qt.CheckState.Checked if own else Qt.CheckState.Unchecked)
                        item.setData(0, OWN_ROLE, None)
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEnabled)
                    kind = item.data(0, ID_ROLE)[0]
                    item.setToolTip(0, self.tr("A ticked group covers its subgroups and all their stations.")
                                    if kind == "group" else "")
                    if kind == "group" and item.checkState(0) == Qt.CheckState.Checked:
                        covered_by = item.text(0)
            for i in range(item.childCount()):
                walk(item.child(i), covered_by)

        for i in range(tree.topLevelItemCount()):
            walk(tree.topLevelItem(i), None)
        tree.blockSignals(False)

    async def search_users(self, text: str) -> list[tuple[UUID, str]]:
        page = await self.services.people.reads.users(self.operator(), UserFilter(text=text), limit=SEARCH_LIMIT)
        return [(r.id, self._user_label(r)) for r in page.items]

    async def search_tokens(self, text: str) -> list[tuple[UUID, str]]:
        page = await self.services.people.reads.tokens(self.operator(), TokenFilter(text=text), limit=SEARCH_LIMIT)
        return [(r.id, self._token_label(r)) for r in page.items]

    def _user_label(self, row) -> str:
        name = f"{row.first_name} {row.last_name}".strip() or self.tr("(no name)")
        return f"{name} <{row.email}>" if row.email else name

    @staticmethod
    def _token_label(row) -> str:
        extra = row.user_name or row.name
        return f"{row.uid} ({extra})" if extra else row.uid

    def _load_members(self) -> None:
        reads, ctx, p = self.services.people.reads, self.operator(), self.profile

        async def initial():
            user_rows = await reads.user_rows(ctx, list(p.user_ids) if p else [])
            token_rows = await reads.token_rows(ctx, list(p.token_ids) if p else [])
            groups = await self.services.people.groups.list()
            return user_rows, token_rows, groups, await self.search_users(""), await self.search_tokens("")

        run_task(initial(), on_done=self._members_loaded, owner=self, what="loading the profile's members")

    def _members_loaded(self, result) -> None:
        user_rows, token_rows, groups, found_users, found_tokens = result
        p = self.profile
        hidden = self.tr("(removed, or outside your domain)")
        users = {r.id: self._user_label(r) for r in user_rows}
        tokens = {r.id: self._token_label(r) for r in token_rows}
        if p is not None:
            users.update({i: hidden for i in p.user_ids if i not in users})
            tokens.update({i: hidden for i in p.token_ids if i not in tokens})
        self.users.chosen, self.tokens.chosen = users, tokens
        self.users.set_found(found_users)
        self.tokens.set_found(found_tokens)
        chosen_groups = p.user_group_ids if p else frozenset()
        self.user_groups.chosen = {g.id: g.name for g in groups if g.id in chosen_groups}
        self.user_groups.set_found([(g.id, g.name) for g in groups])
        if self.read_only:
            for view in (self.ui.usersList, self.ui.userGroupsList, self.ui.tokensList):
                view.setEnabled(False)
        self.loaded = True
        self._update_summaries()

    # -- windows ------------------------------------------------------------------------------------------
    def add_window(self, days=ALL_DAYS, start: time = time(0), end: time = time(23, 59)) -> WindowRow:
        row = WindowRow(days, start, end, self)
        row.removeRequested.connect(self.remove_window)
        self.ui.windowRows.addWidget(row)
        self.windows.append(row)
        self._update_remove_buttons()
        return row

    def remove_window(self, row: WindowRow) -> None:
        if len(self.windows) <= 1:
            return
        self.windows.remove(row)
        self.ui.windowRows.removeWidget(row)
        row.deleteLater()
        self._update_remove_buttons()

    def _update_remove_buttons(self) -> None:
        for row in self.windows:
            row.remove_button.setEnabled(len(self.windows) > 1)

    # -- summaries ------------------------------------------------------------------------------------------
    def covered(self) -> tuple[list[UUID], list[UUID]]:
        groups, stations = [], []
        stack = [self.ui.coverTree.topLevelItem(i) for i in range(self.ui.coverTree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            stack.extend(item.child(i) for i in range(item.childCount()))
            data = item.data(0, ID_ROLE)
            covered = not item.flags() & Qt.ItemFlag.ItemIsEnabled  # under a ticked group: the group covers it
            if data and not covered and item.checkState(0) == Qt.CheckState.Checked:
                (groups if data[0] == "group" else stations).append(data[1])
        return groups, stations

    def _update_summaries(self) -> None:
        for i, (members, title) in enumerate(((self.users, self.tr("Charging users")), (self.user_groups, self.tr("User groups")),
                                              (self.tokens, self.tr("Tokens")))):
            self.ui.membersTabs.setTabText(i, f"{title} ({len(members.chosen)})" if members.chosen else title)
        parts = [counted(len(m.chosen), noun) for m, noun in ((self.users, "charging user"),
                                                               (self.user_groups, "user group"), (self.tokens, "token"))
                 if m.chosen]
        self.ui.membersSummary.setText(self.tr("{members} selected").format(members=", ".join(parts)) if parts
                                       else self.tr("No members yet: the profile restricts nobody until you tick some."))
        groups, stations = self.covered()
        parts = [counted(len(ids), noun) for ids, noun in ((groups, "charging group"), (stations, "station")) if ids]
        self.ui.coverSummary.setText(self.tr("Covers {places}").format(places=", ".join(parts)) if parts
                                     else self.tr("Covers no station yet: tick the charging groups or stations where it applies."))

    def _make_read_only(self) -> None:
        ui = self.ui
        ui.nameEdit.setReadOnly(True)
        ui.tariffCombo.setEnabled(False)
        ui.addWindowButton.hide()
        ui.okButton.hide()
        ui.cancelButton.setText(self.tr("Close"))
        ui.coverTree.setEnabled(False)
        for view in (ui.usersList, ui.userGroupsList, ui.tokensList):
            view.setEnabled(False)
        for row in self.windows:
            row.set_read_only(True)

    # -- saving ---------------------------------------------------------------------------------------------
    def _clear(self) -> None:
        ui = self.ui
        for label in (ui.nameError, ui.tariffError, ui.windowsError, ui.membersError, ui.coverError, ui.formError):
            label.clear()
            label.hide()

    def show_error(self, field: str | None, text: str) -> None:
        ui = self.ui
        label = {"name": ui.nameError, "tariff_id": ui.tariffError, "windows": ui.windowsError,
                 "user_ids": ui.membersError, "user_group_ids": ui.membersError, "token_ids": ui.membersError,
                 "group_ids": ui.coverError, "station_ids": ui.coverError}.get(field or "", ui.formError)
        label.setText(text)
        label.show()

    def values(self) -> dict:
        groups, stations = self.covered()
        return {"name": self.ui.nameEdit.text(), "windows": [w.value() for w in self.windows],
                "user_ids": self.users.ids(), "user_group_ids": self.user_groups.ids(), "token_ids": self.tokens.ids(),
                "group_ids": groups, "station_ids": stations, "tariff_id": self.ui.tariffCombo.currentData()}

    def save(self) -> None:
        if self.read_only:
            return
        self._clear()
        v, service, ctx = self.values(), self.services.access_profiles, self.operator()
        name, windows = v.pop("name"), v.pop("windows")
        if self.profile is None:
            coro = service.create(ctx, name, windows, **v)
        else:
            coro = service.update(ctx, self.profile.id, self.profile.version, name, windows, **v)
        self.ui.okButton.setEnabled(False)
        run_task(coro, on_done=self._saved, on_error=self._failed, owner=self, what="saving an access profile",
                 cancel_with_owner=False)

    def _saved(self, row) -> None:
        self.profileSaved.emit(row)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ui.okButton.setEnabled(True)
        show_save_failure(self.show_error, exc, self.tr("Someone else changed this profile since you opened it. Close "
                                                        "this window and edit again."))
