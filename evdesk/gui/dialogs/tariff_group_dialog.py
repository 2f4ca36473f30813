"""Add, edit or look at a tariff group: its ordered tariffs, who and when each applies to,
and where the group applies.

Rules of this editor:

* The base tariff is always first; it cannot be removed, moved or restricted. The other
  tariffs move with Up / Down; when several admit a session the one lowest in the list
  wins (the manual's rule, `core/pricing/selection.py`).
* A tariff's restrictions: user groups, users and tokens (picked from what the people
  read service shows this operator; ids outside the operator's domain are kept as they
  are) and time windows (days, start and end; an end at or before the start runs past
  midnight). No members: everyone; no windows: any time.
* Name and tariffs are saved with Save (whole-site administrators only). Assignments
  are saved at once (operators with the tariffs permission, inside their domain) and
  only for a saved group; a place has one tariff group, so assigning replaces the one it had.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import time
from uuid import UUID

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, Qt, QTime, Signal
from PySide6.QtWidgets import QDialog, QHeaderView, QListWidgetItem, QTableWidgetItem, QTimeEdit

from evdesk.core.errors import ValidationError
from evdesk.core.permissions import OperatorContext
from evdesk.core.pricing.selection import DAY_NAMES, TimeWindow
from evdesk.core.reads.people import TokenFilter, UserFilter
from evdesk.core.tariffs import BASE_SUFFIX, EntryRow, TariffGroupRow, entry_from_dict, entry_to_dict
from evdesk.gui.asyncutil import run_task
from evdesk.gui.coalesce import Coalescer
from evdesk.gui.dialogs.tariff_assignments import AssignmentsPanel
from evdesk.gui.dialogs.tariff_dialog import may_edit, read_only_reason
from evdesk.gui.forms.ui_tariff_group_dialog import Ui_TariffGroupDialog
from evdesk.gui.dialogs.save_failure import show_save_failure
from evdesk.gui.translations import current_locale
from evdesk.gui.translations.phrases import counted, price_summary, window_list_text

ID = Qt.ItemDataRole.UserRole + 1
STALE = QT_TRANSLATE_NOOP("TariffGroupDialog", "Someone else changed this tariff group since you opened it. Close this window "
                                              "and open it again.")
BASE_NOTE = QT_TRANSLATE_NOOP("TariffGroupDialog", "The base tariff applies to everyone and at any time: it cannot be restricted.")
FROM_COL, TO_COL = 7, 8


@dataclass
class Entry:
    """One tariff of the group after the base, as edited here."""

    tariff_id: UUID
    user_group_ids: list[UUID] = field(default_factory=list)
    user_ids: list[UUID] = field(default_factory=list)
    token_ids: list[UUID] = field(default_factory=list)
    windows: list[dict] = field(default_factory=list)  # {"days": [..], "start": "HH:MM", "end": "HH:MM"}

    @classmethod
    def of(cls, row: EntryRow) -> "Entry":
        data = entry_to_dict(row)
        return cls(row.tariff_id, list(row.user_group_ids), list(row.user_ids), list(row.token_ids), data["windows"])

    def to_dict(self) -> dict:
        return {"tariff_id": str(self.tariff_id), "user_group_ids": [str(i) for i in self.user_group_ids],
                "user_ids": [str(i) for i in self.user_ids], "token_ids": [str(i) for i in self.token_ids],
                "windows": self.windows}


class TariffGroupDialog(QDialog):
    groupSaved = Signal(object)  # TariffGroupRow

    def __init__(self, services, operator: Callable[[], OperatorContext], group: TariffGroupRow | None = None,
                 parent=None):
        super().__init__(parent)
        self.ui = Ui_TariffGroupDialog()
        self.ui.setupUi(self)
        self.services, self.operator, self.group = services, operator, group
        ctx = operator()
        self.can_edit = may_edit(ctx)
        self.entries: list[Entry] = [Entry.of(e) for e in group.entries] if group else []
        self.names: dict[UUID, str] = {}  # users and tokens shown by name
        self._filling = False
        ui = self.ui
        # names are operators' text: never markup
        ui.introLabel.setTextFormat(Qt.TextFormat.PlainText)
        ui.formError.setTextFormat(Qt.TextFormat.PlainText)
        ui.nameError.setTextFormat(Qt.TextFormat.PlainText)
        ui.entriesError.setTextFormat(Qt.TextFormat.PlainText)
        ui.assignmentError.setTextFormat(Qt.TextFormat.PlainText)
        ui.nameEdit.setText(group.name if group else "")
        self.setWindowTitle(self.tr("Tariff group {name}").format(name=group.name) if group else self.tr("Add tariff group"))
        ui.introLabel.setText(self.tr("The tariffs of this group, in order, and where the group applies. The base tariff is "
                                      "made with the group (Free at first; edit its prices on the Tariffs tab)."))
        self._setup_entries()
        self._setup_restrictions()
        self.assignments = AssignmentsPanel(services, operator, ui, group, self)
        ui.cancelButton.clicked.connect(self.reject)
        ui.okButton.clicked.connect(self.save)
        if group is None:
            ui.okButton.setText(self.tr("Add tariff group"))
        self._apply_rights(ctx)
        self._clear_errors()
        self.refresh_entries(select=0)
        self._load_people()

    def _apply_rights(self, ctx: OperatorContext) -> None:
        ui = self.ui
        if self.can_edit:
            ui.readOnlyLabel.hide()
            return
        ui.readOnlyLabel.setText(read_only_reason(ctx))
        ui.readOnlyLabel.show()
        ui.nameEdit.setEnabled(False)  # (the list's buttons and the restrictions follow `can_edit`)
        ui.okButton.hide()
        ui.cancelButton.setText(self.tr("Close"))

    def _clear_errors(self) -> None:
        for label in (self.ui.nameError, self.ui.entriesError, self.ui.formError, self.ui.assignmentError):
            label.clear()
            label.hide()

    # -- the tariffs of the group ------------------------------------------------------------------------------
    def _setup_entries(self) -> None:
        ui = self.ui
        table = ui.entriesTable
        table.setColumnCount(4)
        table.setHorizontalHeaderLabels(["#", self.tr("Tariff"), self.tr("Price"), self.tr("Applies to")])
        table.verticalHeader().hide()
        table.setEditTriggers(table.EditTrigger.NoEditTriggers)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        table.setColumnWidth(1, 150)
        table.setColumnWidth(2, 150)
        table.itemSelectionChanged.connect(self._selection_changed)
        tariffs = self.services.tariffs
        for t in tariffs.list_tariffs():
            if t.base_of is None:
                ui.addTariffCombo.addItem(t.name, str(t.id))
        ui.addEntryButton.clicked.connect(self.add_selected_tariff)
        ui.removeEntryButton.clicked.connect(self.remove_entry)
        ui.upButton.clicked.connect(lambda: self.move_entry(-1))
        ui.downButton.clicked.connect(lambda: self.move_entry(1))

    def _base(self):
        if self.group is None:
            return None
        return self.services.tariffs.tariffs.get(self.group.base_tariff_id)

    def refresh_entries(self, select: int | None = None) -> None:
        table, tariffs = self.ui.entriesTable, self.services.tariffs.tariffs
        base = self._base()
        rows = [("1", base.name if base else (self.ui.nameEdit.text().strip() or self.tr("New group")) + BASE_SUFFIX,
                 price_summary(base.prices) if base else self.tr("Free (made with the group)"),
                 self.tr("everyone else, any time"))]
        for i, e in enumerate(self.entries, 2):
            t = tariffs.get(e.tariff_id)
            rows.append((str(i), t.name if t else self.tr("a removed tariff"), price_summary(t.prices) if t else "",
                         self.describe(e)))
        table.blockSignals(True)
        table.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(r, c, item)
        table.blockSignals(False)
        if select is not None:
            table.selectRow(min(select, len(rows) - 1))
        self._selection_changed()

    def describe(self, e: Entry) -> str:
        parts = []
        if e.user_group_ids:
            names = [self.user_group_names.get(i, self.tr("a removed user group")) for i in e.user_group_ids]
            parts.append(self.tr("user groups {names}").format(names=", ".join(names)))
        if e.user_ids:
            parts.append(counted(len(e.user_ids), "user"))
        if e.token_ids:
            parts.append(counted(len(e.token_ids), "token"))
        who = "; ".join(parts) or self.tr("everyone")
        try:
            windows = entry_from_dict({"tariff_id": str(e.tariff_id), "windows": e.windows}, 0).windows
        except ValidationError:
            return self.tr("{who}; a time window needs its days").format(who=who)
        return who + ("; " + "; ".join(window_list_text(w.days, w.start, w.end) for w in windows) if windows
                      else self.tr(", any time"))

    def selected_index(self) -> int:
        rows = self.ui.entriesTable.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def selected_entry(self) -> Entry | None:
        i = self.selected_index()
        return self.entries[i - 1] if i >= 1 else None

    def _selection_changed(self) -> None:
        ui, i = self.ui, self.selected_index()
        editable = self.can_edit
        ui.removeEntryButton.setEnabled(editable and i >= 1)
        ui.upButton.setEnabled(editable and i >= 2)
        ui.downButton.setEnabled(editable and 1 <= i < len(self.entries))
        ui.addEntryButton.setEnabled(editable and ui.addTariffCombo.count() > 0)
        ui.addTariffCombo.setEnabled(editable)
        self.show_restrictions()

    def add_selected_tariff(self) -> None:
        data = self.ui.addTariffCombo.currentData()
        if data:
            self.entries.append(Entry(UUID(data)))
            self.refresh_entries(select=len(self.entries))

    def remove_entry(self) -> None:
        i = self.selected_index()
        if i >= 1:
            del self.entries[i - 1]
            self.refresh_entries(select=min(i, len(self.entries)))

    def move_entry(self, step: int) -> None:
        i = self.selected_index()
        j = i + step
        if i >= 1 and 1 <= j <= len(self.entries):
            self.entries[i - 1], self.entries[j - 1] = self.entries[j - 1], self.entries[i - 1]
            self.refresh_entries(select=j)

    # -- restrictions of the selected tariff ---------------------------------------------------------------------
    def _setup_restrictions(self) -> None:
        ui = self.ui
        self.user_group_names: dict[UUID, str] = {}
        ui.userGroupsList.itemChanged.connect(self._user_groups_changed)
        for kind in ("user", "token"):
            search = getattr(ui, f"{kind}SearchEdit")
            coalescer = Coalescer(lambda k=kind: self.search(k), 250, self)
            search.textChanged.connect(coalescer.poke)
            getattr(ui, f"add{kind.title()}Button").clicked.connect(lambda _c=False, k=kind: self.add_member(k))
            getattr(ui, f"remove{kind.title()}Button").clicked.connect(lambda _c=False, k=kind: self.remove_member(k))
        table = ui.windowsTable
        table.setColumnCount(9)
        table.setHorizontalHeaderLabels([*(current_locale().dayName(d + 1, QLocale.FormatType.ShortFormat) for d in range(len(DAY_NAMES))),
                                         self.tr("From"), self.tr("To")])
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        for column in range(7):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            table.setColumnWidth(column, 34)
        for column in (FROM_COL, TO_COL):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        table.itemChanged.connect(self._windows_changed)
        ui.addWindowButton.clicked.connect(self.add_window)
        ui.removeWindowButton.clicked.connect(self.remove_window)
        ui.windowsHelp.setText(self.tr("In each station's time zone. An end at or before the start runs past midnight "
                                       "(Fri 22:00–06:00 ends on Saturday morning); the same start and end is the whole day."))

    def _load_people(self) -> None:
        ctx, people = self.operator(), self.services.people
        run_task(people.groups.list(), on_done=self._user_groups_loaded, owner=self, what="loading user groups")
        user_ids = {i for e in self.entries for i in e.user_ids}
        token_ids = {i for e in self.entries for i in e.token_ids}
        if user_ids:
            run_task(people.reads.user_rows(ctx, user_ids), on_done=lambda rows: self._named(rows, "user"),
                     owner=self, what="loading users")
        if token_ids:
            run_task(people.reads.token_rows(ctx, token_ids), on_done=lambda rows: self._named(rows, "token"),
                     owner=self, what="loading tokens")
        self.search("user")
        self.search("token")

    @staticmethod
    def label_of(row, kind: str) -> str:
        if kind == "user":
            return f"{row.name} <{row.email}>" if row.email else row.name
        return f"{row.uid} ({row.name or row.user_name})" if (row.name or row.user_name) else row.uid

    def _named(self, rows, kind: str) -> None:
        for row in rows:
            self.names[row.id] = self.label_of(row, kind)
        self.show_restrictions()

    def _user_groups_loaded(self, groups) -> None:
        self.user_group_names = {g.id: g.name for g in groups}
        self.refresh_entries(select=max(0, self.selected_index()))

    def search(self, kind: str) -> None:
        ctx, reads = self.operator(), self.services.people.reads
        text = getattr(self.ui, f"{kind}SearchEdit").text().strip()
        coro = reads.users(ctx, UserFilter(text), limit=50) if kind == "user" else reads.tokens(ctx, TokenFilter(text),
                                                                                                  limit=50)
        run_task(coro, on_done=lambda page: self._found(kind, page.items), owner=self, what=f"searching {kind}s")

    def _found(self, kind: str, rows) -> None:
        combo = getattr(self.ui, f"{kind}ResultsCombo")
        combo.clear()
        for row in rows:
            self.names.setdefault(row.id, self.label_of(row, kind))
            combo.addItem(self.label_of(row, kind), str(row.id))

    def add_member(self, kind: str) -> None:
        entry, data = self.selected_entry(), getattr(self.ui, f"{kind}ResultsCombo").currentData()
        if entry is None or not data:
            return
        ids = entry.user_ids if kind == "user" else entry.token_ids
        if UUID(data) not in ids:
            ids.append(UUID(data))
        self._entry_changed()

    def remove_member(self, kind: str) -> None:
        entry, item = self.selected_entry(), getattr(self.ui, f"{kind}sList").currentItem()
        if entry is None or item is None:
            return
        ids = entry.user_ids if kind == "user" else entry.token_ids
        ids.remove(item.data(ID))
        self._entry_changed()

    def show_restrictions(self) -> None:
        ui, entry = self.ui, self.selected_entry()
        self._filling = True
        editable = self.can_edit and entry is not None
        ui.restrictionTabs.setEnabled(entry is not None)
        if entry is None:
            ui.restrictionsNote.setText(self.tr(BASE_NOTE) if self.selected_index() == 0 else self.tr("Select a tariff in the list."))
        else:
            ui.restrictionsNote.setText(self.tr("No user groups, users or tokens chosen: everyone. No time windows: any time."))
        ui.userGroupsList.clear()
        for group_id, name in sorted(self.user_group_names.items(), key=lambda kv: kv[1].casefold()):
            item = QListWidgetItem(name)
            item.setData(ID, group_id)
            flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
            item.setFlags(flags if editable else flags & ~Qt.ItemFlag.ItemIsEnabled)
            item.setCheckState(Qt.CheckState.Checked if entry and group_id in entry.user_group_ids
                               else Qt.CheckState.Unchecked)
            ui.userGroupsList.addItem(item)
        for kind in ("user", "token"):
            listing = getattr(ui, f"{kind}sList")
            listing.clear()
            for member in (getattr(entry, f"{kind}_ids") if entry else ()):
                item = QListWidgetItem(self.names.get(member, self.tr("a user outside your charging groups") if kind == "user"
                                                          else self.tr("a token outside your charging groups")))
                item.setData(ID, member)
                listing.addItem(item)
            for w in (getattr(ui, f"{kind}SearchEdit"), getattr(ui, f"{kind}ResultsCombo"),
                      getattr(ui, f"add{kind.title()}Button"), getattr(ui, f"remove{kind.title()}Button")):
                w.setEnabled(editable)
        self._fill_windows(entry, editable)
        self._filling = False

    def _user_groups_changed(self, _item) -> None:
        entry = self.selected_entry()
        if self._filling or entry is None:
            return
        lw = self.ui.userGroupsList
        entry.user_group_ids = [lw.item(r).data(ID) for r in range(lw.count())
                                if lw.item(r).checkState() == Qt.CheckState.Checked]
        self._entry_changed()

    def _entry_changed(self) -> None:
        self.refresh_entries(select=self.selected_index())

    # -- time windows -----------------------------------------------------------------------------------------
    def _fill_windows(self, entry: Entry | None, editable: bool) -> None:
        table = self.ui.windowsTable
        table.blockSignals(True)
        table.setRowCount(0)
        for w in (entry.windows if entry else ()):
            self._window_row(w, editable)
        table.blockSignals(False)
        self.ui.addWindowButton.setEnabled(editable)
        self.ui.removeWindowButton.setEnabled(editable)

    def _window_row(self, window: dict, editable: bool) -> None:
        table = self.ui.windowsTable
        row = table.rowCount()
        table.insertRow(row)
        for day in range(7):
            item = QTableWidgetItem()
            flags = Qt.ItemFlag.ItemIsUserCheckable | (Qt.ItemFlag.ItemIsEnabled if editable else Qt.ItemFlag.NoItemFlags)
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Checked if day in window["days"] else Qt.CheckState.Unchecked)
            table.setItem(row, day, item)
        for column, key in ((FROM_COL, "start"), (TO_COL, "end")):
            edit = QTimeEdit(QTime.fromString(window[key], "HH:mm"))
            edit.setDisplayFormat("HH:mm")
            edit.setEnabled(editable)
            edit.timeChanged.connect(self._windows_changed)
            table.setCellWidget(row, column, edit)

    def add_window(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        entry.windows.append({"days": [0, 1, 2, 3, 4], "start": "22:00", "end": "06:00"})
        self._entry_changed()

    def remove_window(self) -> None:
        entry, row = self.selected_entry(), self.ui.windowsTable.currentRow()
        if entry is not None and 0 <= row < len(entry.windows):
            del entry.windows[row]
            self._entry_changed()

    def _windows_changed(self, *_args) -> None:
        entry, table = self.selected_entry(), self.ui.windowsTable
        if self._filling or entry is None:
            return
        windows = []
        for row in range(table.rowCount()):
            days = [d for d in range(7) if table.item(row, d).checkState() == Qt.CheckState.Checked]
            start, end = (table.cellWidget(row, c).time().toString("HH:mm") for c in (FROM_COL, TO_COL))
            windows.append({"days": days, "start": start, "end": end})
        entry.windows = windows
        # the summary follows; the table keeps its widgets (rebuilding it would drop the edit in progress)
        i = self.selected_index()
        item = self.ui.entriesTable.item(i, 3)
        if item is not None:
            item.setText(self.describe(entry))

    def set_window(self, row: int, days: list[int], start: time, end: time) -> None:
        """(tests) Set a time window of the selected tariff as an operator would."""
        table = self.ui.windowsTable
        for d in range(7):
            table.item(row, d).setCheckState(Qt.CheckState.Checked if d in days else Qt.CheckState.Unchecked)
        table.cellWidget(row, FROM_COL).setTime(QTime(start.hour, start.minute))
        table.cellWidget(row, TO_COL).setTime(QTime(end.hour, end.minute))

    def windows_of(self, index: int) -> list[TimeWindow]:
        return list(entry_from_dict(self.entries[index - 1].to_dict(), index).windows)

    # -- saving -------------------------------------------------------------------------------------------------
    def save(self) -> None:
        self._clear_errors()
        ui, ctx, service = self.ui, self.operator(), self.services.tariffs
        entries = [e.to_dict() for e in self.entries]
        if self.group is None:
            coro = service.create_group(ctx, ui.nameEdit.text(), entries)
        else:
            coro = service.update_group(ctx, self.group.id, self.group.version, ui.nameEdit.text(), entries)
        ui.okButton.setEnabled(False)
        run_task(coro, on_done=self._saved, on_error=self._failed, owner=self, what="saving a tariff group",
                 cancel_with_owner=False)

    def _saved(self, row: TariffGroupRow) -> None:
        self.groupSaved.emit(row)
        self.accept()

    def show_error(self, field: str | None, text: str) -> None:
        label = {"name": self.ui.nameError, "entries": self.ui.entriesError}.get(field or "", self.ui.formError)
        label.setText(text)
        label.show()

    def _failed(self, exc: BaseException) -> None:
        self.ui.okButton.setEnabled(True)
        show_save_failure(self.show_error, exc, self.tr(STALE))


__all__ = ["TariffGroupDialog", "Entry"]
