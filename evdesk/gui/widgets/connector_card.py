"""One connector of a station: live status, error, the running session, quick actions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame

from evdesk.core.station_cache import ConnectorState
from evdesk.core.transactions import ActiveTransaction
from evdesk.gui import display
from evdesk.gui.forms.ui_connector_card import Ui_ConnectorCard
from evdesk.gui.translations.labels import state_label

SESSION_FIELDS = ("idTagValue", "startedValue", "energyValue", "powerValue", "durationValue", "costValue")


def chip_style(colour: str) -> str:
    return f"background: {colour}; color: white; border-radius: 9px; padding: 2px 10px; font-weight: 600;"


class ConnectorCard(QFrame):
    startRequested = Signal(int)  # connector id
    stopRequested = Signal(int, int)  # connector id, OCPP transaction id
    unlockRequested = Signal(int)
    departureRequested = Signal(object)  # the running session (ActiveTransaction): its "needs energy by"

    def __init__(self, connector_id: int, zone, parent=None, price_so_far: Callable | None = None):
        super().__init__(parent)
        # (session, now) -> Breakdown | None: the core's price of a running session up to now
        self.price_so_far = price_so_far
        self.ui = Ui_ConnectorCard()
        self.ui.setupUi(self)
        self.connector_id = connector_id
        self.zone = zone
        self.status = "Unknown"
        self.state = ConnectorState(connector_id)
        self.session: ActiveTransaction | None = None
        self.ui.titleLabel.setText(self.tr("Connector {number}").format(number=connector_id))
        # what a station sends (id tags, status info) is shown as text, never as markup
        for label in (self.ui.errorLabel, self.ui.idTagValue, self.ui.statusChip):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.ui.startButton.clicked.connect(lambda: self.startRequested.emit(self.connector_id))
        self.ui.stopButton.clicked.connect(self._stop_clicked)
        self.ui.unlockButton.clicked.connect(lambda: self.unlockRequested.emit(self.connector_id))
        self.ui.departureButton.clicked.connect(lambda: self.session and self.departureRequested.emit(self.session))
        self._unlock_tip = self.ui.unlockButton.toolTip()
        self.show_status(ConnectorState(connector_id))
        self.show_session(None)

    def set_zone(self, zone) -> None:
        """Show the times in another zone (the site's changed)."""
        self.zone = zone
        self.show_status(self.state)
        self.show_session(self.session)

    def show_status(self, state: ConnectorState) -> None:
        self.state = state
        self.status = state.status
        self.ui.statusChip.setText(state_label(state.status))
        self.ui.statusChip.setStyleSheet(chip_style(display.CONNECTOR_STATUS_COLOURS.get(state.status, "#9e9e9e")))
        problems = []
        if state.error_code and state.error_code != "NoError":
            problems.append(display.error_code_label(state.error_code))
        if state.vendor_error_code:
            problems.append(self.tr("vendor code {code}").format(code=state.vendor_error_code))
        if state.info:
            problems.append(state.info)
        self.ui.errorLabel.setText(" · ".join(problems))
        self.ui.errorLabel.setVisible(bool(problems))
        since = display.clock_time(state.status_at, self.zone) if state.status_at else self.tr("unknown")
        self.ui.statusChip.setToolTip(self.tr("Since {time}").format(time=since))
        self._update_buttons()

    def show_session(self, session: ActiveTransaction | None, now: datetime | None = None) -> None:
        self.session = session
        if session is None:
            for name in SESSION_FIELDS:
                getattr(self.ui, name).setText("–")
            self.ui.idTagValue.setText(self.tr("No session"))
        else:
            self.ui.idTagValue.setText(f"{session.id_tag_key}  (#{session.ocpp_id})")
            self.ui.startedValue.setText(
                f"{display.local_time(session.started_at, self.zone)} {display.zone_abbreviation(self.zone, session.started_at)}")
            self.ui.startedValue.setToolTip(self.tr("Local time, {zone}").format(zone=display.zone_name(self.zone, session.started_at)))
            self.ui.energyValue.setText(display.energy_kwh(session.energy_wh))
            self.ui.powerValue.setText(display.power_kw(session.power_w))
            self.tick(now)
        self._update_buttons()

    def tick(self, now: datetime | None = None) -> None:
        """Advance the running session's duration (called every second by the panel)."""
        if self.session is not None:
            now = now or datetime.now(timezone.utc)
            self.ui.durationValue.setText(display.duration(now - self.session.started_at))
            self._show_cost(now)

    def _show_cost(self, now: datetime) -> None:
        cost = self.price_so_far(self.session, now) if self.price_so_far is not None else None
        if cost is None:
            self.ui.costValue.setText("–")
            self.ui.costValue.setToolTip("")
            return
        self.ui.costValue.setText(self.tr("Free") if not cost.lines else f"{cost.total} {cost.currency}")
        tariff = self.session.tariff_name or "Free"
        self.ui.costValue.setToolTip(f"Tariff {tariff}. The price so far spreads the energy evenly over the "
                                     "session; the final price is fixed when the session stops.")

    def _update_buttons(self) -> None:
        charging = self.session is not None
        self.ui.startButton.setEnabled(not charging and self.status not in ("Faulted", "Unavailable"))
        self.ui.stopButton.setEnabled(charging)
        self.ui.departureButton.setEnabled(charging)
        # the cable is not released under a running session: offered when none runs (or after the stop)
        self.ui.unlockButton.setEnabled(not charging)
        self.ui.unlockButton.setToolTip("Stop the session first: the cable stays locked while it charges."
                                        if charging else self._unlock_tip)

    def _stop_clicked(self) -> None:
        if self.session is not None:
            self.stopRequested.emit(self.connector_id, self.session.ocpp_id)
