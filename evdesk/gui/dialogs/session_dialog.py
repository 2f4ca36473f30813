"""One charging session: who, where, when, energy, cost and status; its timeline (each entry
opens the OCPP message it came from), its price breakdown, a chart of energy and power; End
session (while it runs) and Unlock connector through the station command dialog; Re-price…
for operators with the tariffs right. Follows the session live while it runs."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from uuid import UUID

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidgetItem

from evdesk.core import events as ev
from evdesk.core.errors import EvdeskError
from evdesk.core.permissions import Permission
from evdesk.core.reads.history import pretty_payload
from evdesk.core.reads.sessions import SessionDetail, duration_text
from evdesk.gui import display
from evdesk.gui.asyncutil import run_task
from evdesk.gui.coalesce import Coalescer
from evdesk.gui.commands import COMMANDS_BY_KEY
from evdesk.gui.dialogs.command_dialog import CommandDialog
from evdesk.gui.forms.ui_frame_dialog import Ui_FrameDialog
from evdesk.gui.forms.ui_reprice_dialog import Ui_RepriceDialog
from evdesk.gui.forms.ui_session_dialog import Ui_SessionDialog
from evdesk.gui.models.base import BusListener, ZoneFollower
from evdesk.gui.models.comm_log_model import MESSAGE_TYPES
from evdesk.gui.models.sessions_model import STATUS_COLOURS, cost_text, flags_text

KIND_LABELS = {"event": "OCPP 2.0.1 TransactionEvent", "authorization": "Authorization", "start": "Start", "status": "Status", "meter": "Meter",
               "command": "Command", "stop": "Stop", "price": "Price"}
ENERGY_PEN, POWER_PEN = "#1565c0", "#ef6c00"
LIVE_DELAY_MS = 1000


def frame_text(frame, zone) -> str:
    arrow = "→ sent to the station" if frame.direction == "out" else "← received from the station"
    head = (f"{arrow}   {frame.action or '–'} ({MESSAGE_TYPES.get(frame.message_type, '?')}), message id "
            f"{frame.unique_id}, {display.local_time(frame.at, zone)} {display.zone_name(zone, frame.at)}")
    return head + "\n\n" + pretty_payload(frame.payload)


class FrameDialog(QDialog):
    """An OCPP message as indented JSON (and the answer to it), read-only, in a fixed-width font."""

    def __init__(self, entry, zone, parent=None):
        super().__init__(parent)
        self.ui = Ui_FrameDialog()
        self.ui.setupUi(self)
        self.ui.headLabel.setText(f"{entry.title} — {display.local_time(entry.at, zone)} {display.zone_name(zone, entry.at)}")
        self.ui.frameView.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        parts = [frame_text(entry.frame, zone)] if entry.frame else []
        if entry.answer is not None:
            parts.append(frame_text(entry.answer, zone))
        self.ui.frameView.setPlainText("\n\n".join(parts) if parts else
                                       "The communication log no longer holds this message (it keeps messages for "
                                       "its retention period), or it was not matched.")
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.buttonBox.accepted.connect(self.accept)


class RepriceDialog(QDialog):
    """Choose the prices (the session's own, or another tariff's) and say why."""

    def __init__(self, services, operator: Callable, session, parent=None):
        super().__init__(parent)
        self.ui = Ui_RepriceDialog()
        self.ui.setupUi(self)
        self.services, self.operator, self.session = services, operator, session
        self.result_pair = None
        self.ui.introLabel.setText(
            f"Price session #{session.ocpp_id} again. Its price now: {cost_text(session)}. "
            "The old and the new amount are kept in the action log with your name and reason.")
        self.ui.tariffCombo.addItem(f"Its own prices ({session.tariff_name or 'Free'})", None)
        for tariff in services.tariffs.list_tariffs():
            self.ui.tariffCombo.addItem(tariff.name, str(tariff.id))
        self.ok_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Re-price")
        self.ui.buttonBox.accepted.connect(self.reprice)
        self.ui.buttonBox.rejected.connect(self.reject)

    def reprice(self) -> None:
        reason = self.ui.reasonEdit.text().strip()
        if not reason:
            self.ui.errorLabel.setText("Say why: it goes into the action log.")
            return
        tariff = self.ui.tariffCombo.currentData()
        self.ok_button.setEnabled(False)

        def done(pair) -> None:
            self.result_pair = pair
            self.accept()

        def failed(exc: BaseException) -> None:
            self.ok_button.setEnabled(True)
            self.ui.errorLabel.setText(str(exc) if isinstance(exc, EvdeskError) else f"Failed: {exc}. Try again.")

        run_task(self.services.pricing.reprice(self.operator(), self.session.id, UUID(tariff) if tariff else None,
                                               reason),
                 on_done=done, on_error=failed, owner=self, what="re-pricing a session", cancel_with_owner=False)


class SessionDialog(QDialog):
    def __init__(self, services, central_system, operator: Callable, session_id: UUID, parent=None):
        super().__init__(parent)
        self.ui = Ui_SessionDialog()
        self.ui.setupUi(self)
        self.services, self.central_system, self.operator = services, central_system, operator
        self.session_id = session_id
        self.detail: SessionDetail | None = None
        self.child = None  # the last window opened from here (a frame, a command, re-pricing)
        self.loaded = False
        ui = self.ui
        for table, headers in ((ui.timelineTable, (display.time_header("Time", self.zone), "What", "Detail", "Who")),
                               (ui.breakdownTable, ("Item", "Quantity", "Unit price", "Amount"))):
            table.setColumnCount(len(headers))
            table.setHorizontalHeaderLabels(list(headers))
            table.verticalHeader().hide()
            table.setEditTriggers(table.EditTrigger.NoEditTriggers)
            table.horizontalHeader().setStretchLastSection(True)
            table.verticalHeader().setDefaultSectionSize(24)
        ui.timelineTable.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in ((0, 150), (1, 330), (2, 430)):
            ui.timelineTable.setColumnWidth(column, width)
        ui.timelineTable.setWordWrap(False)
        for column, width in ((0, 330), (1, 140), (2, 140)):
            ui.breakdownTable.setColumnWidth(column, width)
        pg.setConfigOptions(antialias=True, background="w", foreground="#37474f")
        self.chart = pg.GraphicsLayoutWidget(self)
        self.chart.setObjectName("chart")
        ui.chartLayout.addWidget(self.chart)
        self.energy_plot = self.chart.addPlot(row=0, col=0, axisItems={"bottom": pg.DateAxisItem()})
        self.power_plot = self.chart.addPlot(row=1, col=0, axisItems={"bottom": pg.DateAxisItem()})
        self.power_plot.setXLink(self.energy_plot)
        self.energy_plot.setLabel("left", "Energy", units="kWh")
        self.power_plot.setLabel("left", "Power", units="kW")
        for plot in (self.energy_plot, self.power_plot):
            plot.showGrid(x=True, y=True, alpha=0.2)
            plot.getAxis("left").enableAutoSIPrefix(False)  # kWh stays kWh (not "mkWh")
        ui.timelineTable.doubleClicked.connect(lambda _i: self.show_frame())
        ui.timelineTable.itemSelectionChanged.connect(self._update_buttons)
        ui.frameButton.clicked.connect(self.show_frame)
        ui.closeButton.clicked.connect(self.close)
        ui.endButton.clicked.connect(self.end_session)
        ui.unlockButton.clicked.connect(self.unlock_connector)
        ui.repriceButton.clicked.connect(self.open_reprice)
        ui.titleLabel.setText("Reading the session…")
        self._bus = BusListener(self, services.bus)
        self._live = Coalescer(self.reload, LIVE_DELAY_MS, self)
        for event_type in (ev.TransactionUpdated, ev.TransactionEnded, ev.SessionPriced):
            self._bus.on(event_type, self._touched)
        ZoneFollower(self._bus, services.settings, self.reload)
        self._update_buttons()
        self.reload()

    def current_operator(self):
        """Who acts in the windows opened from here (the command dialog asks)."""
        return self.operator()

    @property
    def zone(self):
        return display.zone_of(self.services.settings)

    def closeEvent(self, event) -> None:
        self._bus.detach()
        self._live.stop()
        super().closeEvent(event)

    # -- reading -----------------------------------------------------------------------------------
    def _touched(self, event) -> None:
        if event.transaction_id == self.session_id:
            self._live.poke()

    def reload(self) -> None:
        run_task(self.services.sessions.get(self.operator(), self.session_id), on_done=self.show_detail,
                 on_error=self._failed, owner=self, what="reading a charging session")

    def _failed(self, exc: BaseException) -> None:
        self.ui.titleLabel.setText("This session cannot be shown.")
        self._say(str(exc) if isinstance(exc, EvdeskError) else f"Failed: {exc}.", "color: #c62828;")

    def show_detail(self, detail: SessionDetail) -> None:
        self.detail, self.loaded = detail, True
        s, zone, ui = detail.session, self.zone, self.ui
        self.setWindowTitle(f"Charging session #{s.ocpp_id} — {s.station_name or s.station_identity}")
        ui.titleLabel.setText(f"Session #{s.ocpp_id} at {s.station_name or s.station_identity}: {s.state_label}")
        who = s.user_name or "Unknown charging user"
        token = f"token {s.token_name} ({s.id_tag})" if s.token_name else f"id tag {s.id_tag or '–'}"
        ui.whoValue.setText(f"{who}, {token}" + (f", user group {s.user_group_name}" if s.user_group_name else ""))
        ui.whereValue.setText(f"{s.station_name or s.station_identity} ({s.station_identity}), connector {s.connector_id}")
        end = display.local_time(s.stopped_at, zone) if s.stopped_at else "still running"
        ui.whenValue.setText(f"{display.local_time(s.started_at, zone)} to {end} ({display.zone_name(zone, s.started_at)}); "
                             f"{duration_text(s.duration_s)}")
        energy = "–" if s.energy_wh is None else f"{s.energy_wh / 1000:.3f} kWh"
        power = f", now {s.power_w / 1000:.1f} kW" if s.power_w is not None else ""
        ui.energyValue.setText(f"{energy}{power} (meter {s.meter_start_wh / 1000:.3f} → "
                               f"{'–' if s.meter_stop_wh is None else f'{s.meter_stop_wh / 1000:.3f}'} kWh)")
        ui.costValue.setText(f"{cost_text(s)} — tariff {s.tariff_name or 'none (free charging)'}")
        status = s.state_label + (f", stopped: {s.stop_reason}" if s.stop_reason else "")
        if s.flags:
            status += f"; flags: {flags_text(s.flags)}"
        ui.statusValue.setText(status)
        ui.statusValue.setStyleSheet(f"color: {STATUS_COLOURS.get(s.state, '#37474f')}; font-weight: 600;")
        self._show_timeline(detail)
        self._show_breakdown(detail)
        self._show_chart(detail)
        self._update_buttons()

    def _show_timeline(self, detail: SessionDetail) -> None:
        table, zone = self.ui.timelineTable, self.zone
        selected = table.currentRow()
        table.setRowCount(len(detail.timeline))
        for i, entry in enumerate(detail.timeline):
            cells = (display.local_time(entry.at, zone), entry.title, entry.detail, entry.actor)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1 and entry.frame is not None:
                    item.setToolTip("Double-click to read the OCPP message")
                if column == 0:
                    item.setToolTip(f"{KIND_LABELS.get(entry.kind, entry.kind)}; local time, "
                                    f"{display.zone_name(zone, entry.at)}")
                table.setItem(i, column, item)
        if 0 <= selected < table.rowCount():
            table.selectRow(selected)

    def _show_breakdown(self, detail: SessionDetail) -> None:
        table, b, s = self.ui.breakdownTable, detail.breakdown, detail.session
        if b is None:
            table.setRowCount(0)
            self.ui.tariffValue.setText("No price: the session had no tariff (free charging).")
            self.ui.totalsLabel.setText("")
            return
        state = {"so_far": " — so far, the session is still running", "parking": " — so far, the parking fee still counts"}
        free = "" if b.lines else ": it charges nothing, so there is nothing to pay"
        self.ui.tariffValue.setText(f"Tariff: {s.tariff_name or 'Free'}{free}{state.get(s.cost_state, '')}")
        table.setRowCount(len(b.lines))
        for i, line in enumerate(b.lines):
            quantity = f"{line.quantity.quantize(_places(line.unit))} {line.unit}"
            unit_price = f"{_unit_price(line.unit_price)} {b.currency}/{line.unit}"
            for column, text in enumerate((line.label, quantity, unit_price, f"{line.amount:.2f} {b.currency}")):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(i, column, item)
        vat = f"VAT {b.vat_rate.normalize():f} % {'included' if b.prices_include_vat else 'added'}"
        self.ui.totalsLabel.setText(f"Net {b.net:.2f} {b.currency}   ·   {vat}: {b.vat:.2f} {b.currency}   ·   "
                                    f"Total {b.total:.2f} {b.currency}")

    def _show_chart(self, detail: SessionDetail) -> None:
        self.energy_plot.clear()
        self.power_plot.clear()
        energy = [(p.at.timestamp(), p.energy_kwh) for p in detail.chart if p.energy_kwh is not None]
        power = [(p.at.timestamp(), p.power_kw) for p in detail.chart if p.power_kw is not None]
        if energy:
            xs, ys = zip(*energy)
            self.energy_plot.plot(list(xs), list(ys), pen=pg.mkPen(ENERGY_PEN, width=2), symbol="o", symbolSize=4,
                                  symbolBrush=ENERGY_PEN)
            self.energy_plot.setYRange(0, max(max(ys) * 1.05, 0.01))  # from zero: the eye reads amounts
        if power:
            xs, ys = zip(*power)
            self.power_plot.plot(list(xs), list(ys), pen=pg.mkPen(POWER_PEN, width=2))
            self.power_plot.setYRange(0, max(max(ys) * 1.1, 0.1))
        self.ui.chartEmptyLabel.setVisible(not energy and not power)
        self.ui.chartEmptyLabel.setText("The station sent no meter readings for this session.")

    # -- actions ------------------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        ui, s = self.ui, self.detail.session if self.detail else None
        ctx = self.operator()
        commands = ctx.can(Permission.REMOTE_COMMANDS)
        ui.endButton.setVisible(s is not None and s.state == "active")  # only while it runs
        ui.endButton.setEnabled(commands and self.central_system is not None)
        # the cable is not released under a running session (offered once it has stopped)
        charging = s is not None and s.state == "active"
        ui.unlockButton.setEnabled(s is not None and not charging and commands and self.central_system is not None)
        tip = "" if commands else "Your role cannot send commands to stations."
        if self.central_system is None:
            tip = "The OCPP server is not running in this program."
        for button in (ui.endButton, ui.unlockButton):
            button.setToolTip(tip)
        if charging and not tip:
            ui.unlockButton.setToolTip("Stop the session first: the cable stays locked while it charges.")
        ui.repriceButton.setVisible(ctx.can(Permission.TARIFFS))
        ui.repriceButton.setEnabled(s is not None and s.state != "active")
        ui.repriceButton.setToolTip("A running session's price is fixed when it stops." if s is not None and
                                    s.state == "active" else "")
        entry = self.selected_entry()
        ui.frameButton.setEnabled(entry is not None)

    def selected_entry(self):
        row = self.ui.timelineTable.currentRow()
        if self.detail is None or not 0 <= row < len(self.detail.timeline):
            return None
        return self.detail.timeline[row]

    def show_frame(self, entry=None) -> FrameDialog | None:
        entry = entry or self.selected_entry()
        if entry is None:
            return None
        dialog = FrameDialog(entry, self.zone, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.child = dialog
        dialog.show()
        return dialog

    def _command(self, key: str, **presets) -> CommandDialog | None:
        s = self.detail.session if self.detail else None
        if s is None:
            return None
        dialog = CommandDialog(self.services, self.central_system, s.station_id, COMMANDS_BY_KEY[key], presets, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.commandFinished.connect(lambda _result: self._live.poke())
        self.child = dialog
        dialog.open()
        return dialog

    def end_session(self) -> CommandDialog | None:
        s = self.detail.session if self.detail else None
        if s is None or s.state != "active":
            return None
        return self._command("remote_stop", transaction_id=s.ocpp_id)

    def unlock_connector(self) -> CommandDialog | None:
        s = self.detail.session if self.detail else None
        if s is None or s.state == "active":
            return None  # not while it charges (the button is disabled then)
        return self._command("unlock_connector", connector_id=s.connector_id)

    def open_reprice(self) -> RepriceDialog | None:
        if self.detail is None or not self.operator().can(Permission.TARIFFS):
            return None
        dialog = RepriceDialog(self.services, self.operator, self.detail.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._repriced(dialog.result_pair))
        self.child = dialog
        dialog.open()
        return dialog

    def _repriced(self, pair) -> None:
        if pair:
            old, new = pair
            was = f"{old.total:.2f} {old.currency}" if old else "no price"
            self._say(f"Re-priced: {was} → {new.total:.2f} {new.currency}.", "color: #2e7d32;")
        self.reload()

    def _say(self, text: str, style: str) -> None:
        self.ui.stateLabel.setStyleSheet(style)
        self.ui.stateLabel.setText(text)


def _unit_price(price: Decimal) -> str:
    """0.50, 0.35, 0.0234: at least the cents, and the 4 decimals a tariff may have."""
    cents = price.quantize(Decimal("0.01"))
    return f"{cents}" if cents == price else f"{price.normalize():f}"


def _places(unit: str) -> Decimal:
    return Decimal("0.001") if unit in ("kWh", "h") else Decimal("0.01") if unit == "min" else Decimal("1")

