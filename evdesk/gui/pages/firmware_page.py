"""The Firmware page: the site's firmware files, sending one to a station or a whole charging
group, and each roll-out's progress per station (from FirmwareStatusNotification) with its
summary ("2 installed, 1 failed, 0 waiting").

Shown to operators with the firmware right (admins; group admins send within their domain —
the target list holds only their groups and stations). Sending needs evdesk's own OCPP
server on this seat (the file servers run with it). Uploading copies the file in the
background (size and SHA-256 computed on the way); a file above the limit in Settings is
refused with the limit in the message.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QFileDialog, QHeaderView, QMessageBox, QTableView

from evdesk.core import events as ev
from evdesk.core.errors import EvdeskError
from evdesk.core.permissions import OperatorContext, Permission
from evdesk.gui import display
from evdesk.gui.asyncutil import run_task
from evdesk.gui.coalesce import Coalescer
from evdesk.gui.forms.ui_firmware_page import Ui_FirmwarePage
from evdesk.gui.models import firmware_models as fm
from evdesk.gui.models.base import BusListener, Roles
from evdesk.gui.pages.base import Page
from evdesk.gui.translations.phrases import summary_text

DONE_STYLE, FAILED_STYLE = "color: #2e7d32;", "color: #c62828;"


def _table(view: QTableView, model, widths: dict[int, int]) -> None:
    view.setModel(model)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    for column, width in widths.items():  # never narrower than the header's words (German and Finnish are longer)
        view.setColumnWidth(column, max(width, view.horizontalHeader().sectionSizeHint(column)))


class FirmwarePage(Page):
    def __init__(self, services, operator: Callable[[], OperatorContext], parent=None, central_system=None):
        super().__init__(parent)
        self.services = services
        self.operator = operator
        self.central_system = central_system
        self.ui = Ui_FirmwarePage()
        self.ui.setupUi(self)
        ui = self.ui
        ui.stateLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.files = fm.FirmwareFilesModel(services.settings, self)
        self.rollouts = fm.RolloutsModel(services.settings, self)
        self.stations = fm.RolloutStationsModel(services.settings, self)
        _table(ui.filesView, self.files, {fm.F_NAME: 200, fm.F_SIZE: 70, fm.F_SHA: 120, fm.F_BY: 95})
        _table(ui.rolloutsView, self.rollouts, {fm.R_CREATED: 170, fm.R_FILE: 150, fm.R_TARGET: 125,
                                                fm.R_SUMMARY: 205, fm.R_PROTOCOL: 45})
        _table(ui.stationsView, self.stations, {fm.S_STATION: 130, fm.S_STATE: 140, fm.S_CHANGED: 190})
        ui.rolloutsLayout.setStretch(0, 3)
        ui.rolloutsLayout.setStretch(1, 2)
        ui.splitter.setSizes([300, 400])
        self._zone_label()
        ui.retrieveEdit.setDateTime(self._site_now())
        ui.uploadButton.clicked.connect(self.choose_upload)
        ui.deleteButton.clicked.connect(self.confirm_delete)
        ui.sendButton.clicked.connect(self.send)
        ui.filesView.selectionModel().selectionChanged.connect(self.update_actions)
        ui.rolloutsView.selectionModel().selectionChanged.connect(self._show_rollout)
        self._reloads = Coalescer(self.reload, 150, self)
        self._targets = Coalescer(self.fill_targets, 300, self)
        self._bus = BusListener(self, services.bus)
        self._bus.on(ev.FirmwareRolloutChanged, self._reloads.poke)
        for event_type in (ev.GroupChanged, ev.StationAdded, ev.StationRemoved):
            self._bus.on(event_type, lambda _e: self._targets.poke())
        self._bus.on(ev.SiteSettingsChanged, lambda _e: self._zone_label())
        self.selected_rollout = None
        self.fill_targets()
        self.reload()
        self.update_actions()

    def detach(self) -> None:
        self._bus.detach()

    def apply_operator(self, ctx: OperatorContext) -> None:
        self.fill_targets()
        self.reload()
        self.update_actions()

    # -- reading -------------------------------------------------------------------
    def reload(self):
        async def read():
            ctx = self.operator()
            return (await self.services.firmware.library.files(ctx),
                    await self.services.firmware.rollouts.rollouts(ctx))

        def show(found) -> None:
            files, rollouts = found
            self.files.set_rows(files)
            self.rollouts.set_rows(rollouts)
            if rollouts and not self.ui.rolloutsView.selectionModel().hasSelection():
                self.ui.rolloutsView.selectRow(0)
            self._show_rollout()
            self.update_actions()

        return run_task(read(), on_done=show, on_error=self.failed, owner=self, what="reading firmware roll-outs")

    def fill_targets(self):
        async def read():
            return await self.services.history.groups(self.operator())

        def fill(groups) -> None:
            combo, ctx = self.ui.targetCombo, self.operator()
            current = combo.currentData()
            combo.clear()
            for group in sorted(groups, key=lambda g: g.name.casefold()):
                combo.addItem(self.tr("Group {name} (all its stations)").format(name=group.name), ("group", group.id))
            for info in sorted(self.services.stations.all(), key=lambda s: s.identity):
                if ctx.sees_station(info.group_id) and info.registration == "adopted":
                    combo.addItem(self.tr("Station {name}").format(name=info.display_name) + (f" ({info.identity})" if info.name else ""),
                                  ("station", info.id))
            if current is not None:
                index = combo.findData(current)
                combo.setCurrentIndex(max(index, 0))

        return run_task(read(), on_done=fill, on_error=self.failed, owner=self, what="reading charging groups")

    def _show_rollout(self, *_args) -> None:
        rows = self.ui.rolloutsView.selectionModel().selectedRows()
        rollout = rows[0].data(Roles.RowData) if rows else None
        self.selected_rollout = rollout
        self.stations.set_rows(list(rollout.stations) if rollout else [])
        self.ui.rolloutsBox.setTitle(self.tr("Roll-outs — {file} to {target}: {summary}").format(
            file=rollout.file_name, target=rollout.target, summary=summary_text(rollout.summary))
            if rollout else self.tr("Roll-outs"))

    def selected_file(self):
        rows = self.ui.filesView.selectionModel().selectedRows()
        return rows[0].data(Roles.RowData) if rows else None

    def update_actions(self, *_args) -> None:
        ctx, ui = self.operator(), self.ui
        may = ctx.can(Permission.FIRMWARE_UPDATES)
        chosen = self.selected_file()
        ui.uploadButton.setEnabled(may)
        ui.deleteButton.setEnabled(chosen is not None and ctx.can_site_wide(Permission.FIRMWARE_UPDATES))
        ui.deleteButton.setToolTip("" if ctx.can_site_wide(Permission.FIRMWARE_UPDATES) else
                                   self.tr("Only an admin of the whole site deletes firmware files (other groups use them too)."))
        server = self.central_system is not None
        ui.sendButton.setEnabled(may and server and chosen is not None and ui.targetCombo.count() > 0)
        ui.sendButton.setToolTip("" if server else self.tr("This seat runs no OCPP server: send firmware from the seat "
                                                           "the stations are connected to."))
        ui.sendBox.setTitle(self.tr("Send {name}").format(name=chosen.name) if chosen else self.tr("Send the selected file"))

    # -- the retrieve time, in the site's zone (the label says which) -------------------------
    def _zone_label(self) -> None:
        self.ui.retrieveLabel.setText(self.tr("Install from\n({zone})").format(zone=display.zone_name(display.zone_of(self.services.settings))))

    def _site_now(self) -> QDateTime:
        local = datetime.now(display.zone_of(self.services.settings)).replace(second=0, microsecond=0)
        return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))

    def retrieve_date(self) -> datetime:
        """What the operator chose, read as the site's wall-clock time."""
        chosen = self.ui.retrieveEdit.dateTime()
        d, t = chosen.date(), chosen.time()
        local = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=display.zone_of(self.services.settings))
        return local.astimezone(timezone.utc)

    # -- actions -------------------------------------------------------------------
    def choose_upload(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Upload a firmware file"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.upload)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def upload(self, path: str):
        self.say(self.tr("Uploading {path}…").format(path=path), DONE_STYLE)
        return run_task(self.services.firmware.library.add(self.operator(), path),
                        on_done=lambda row: self.say(self.tr("{name} stored ({size}, SHA-256 {sha}…).").format(
                            name=row.name, size=fm.size_text(row.size), sha=row.sha256[:16]), DONE_STYLE),
                        on_error=self.failed, owner=self, what="uploading a firmware file", cancel_with_owner=False)

    def confirm_delete(self) -> QMessageBox | None:
        chosen = self.selected_file()
        if chosen is None:
            return None
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Delete firmware file"),
                          self.tr("Delete {name}? Stations still downloading it will fail.").format(name=chosen.name),
                          QMessageBox.StandardButton.Cancel, self)
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.buttonClicked.connect(lambda button: self.delete(chosen.id) if button is delete else None)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.confirm_box = box
        return box

    def delete(self, file_id):
        return run_task(self.services.firmware.library.delete(self.operator(), file_id),
                        on_done=lambda _r: self.say(self.tr("Firmware file deleted."), DONE_STYLE), on_error=self.failed,
                        owner=self, what="deleting a firmware file")

    def send(self):
        chosen, target = self.selected_file(), self.ui.targetCombo.currentData()
        if chosen is None or target is None or self.central_system is None:
            return None
        kind, target_id = target
        retrieve = max(self.retrieve_date(), datetime.now(timezone.utc))
        protocol = "ftp" if self.ui.protocolCombo.currentIndex() == 1 else "http"
        reason = self.ui.reasonEdit.text().strip()
        self.say(self.tr("Sending {name} to {target}…").format(name=chosen.name, target=self.ui.targetCombo.currentText()), DONE_STYLE)
        coro = self.central_system.firmware.send_firmware(
            self.operator(), chosen.id, station_ids=[target_id] if kind == "station" else None,
            group_id=target_id if kind == "group" else None, retrieve_date=retrieve, protocol=protocol,
            reason=reason)
        return run_task(coro, on_done=lambda _id: self.say(self.tr("Sent {name}: progress per station below.").format(name=chosen.name),
                                                            DONE_STYLE),
                        on_error=self.failed, owner=self, what="sending firmware", cancel_with_owner=False)

    # -- messages -------------------------------------------------------------------
    def say(self, message: str, style: str) -> None:
        self.ui.stateLabel.setStyleSheet(style)
        self.ui.stateLabel.setText(message)
        self.statusMessage.emit(message)

    def failed(self, exc: BaseException) -> None:
        self.say(str(exc) if isinstance(exc, EvdeskError) else self.tr("Failed: {error}. Try again.").format(error=exc), FAILED_STYLE)
