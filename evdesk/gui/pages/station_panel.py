"""One station: header, live connector cards, its logs, and every command it accepts."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from uuid import UUID

from PySide6.QtCore import QDate, QItemSelection, Qt, QTimer, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QMenu, QPushButton, QTableView, QWidget

from evdesk.core import events as ev
from evdesk.core.errors import EvdeskError
from evdesk.core.permissions import Permission
from evdesk.core.reads.history import pretty_payload
from evdesk.core.reads.sessions import SessionFilter
from evdesk.core.station_cache import ConnectorState
from evdesk.gui import display
from evdesk.gui.commands import COMMANDS, COMMANDS_BY_KEY, MENU_GROUPS
from evdesk.gui.connection_text import connection_colour, connection_text
from evdesk.gui.asyncutil import run_task
from evdesk.gui.coalesce import Coalescer
from evdesk.gui.dialogs.charging_profile_dialog import ChargingProfileDialog
from evdesk.gui.dialogs.command_dialog import CommandDialog
from evdesk.gui.dialogs.station_hardware_dialog import StationHardwareDialog
from evdesk.gui.dialogs.station_settings_dialog import StationSettingsDialog
from evdesk.gui.pages.station_rotation import RotatePasswordButton
from evdesk.gui.forms.ui_station_panel import Ui_StationPanel
from evdesk.gui.models.action_log_model import ActionLogModel
from evdesk.gui.models.base import BusListener, Roles, ZoneFollower
from evdesk.gui.models.comm_log_model import MESSAGE_TYPES, CommLogFilterProxy, CommLogModel
from evdesk.gui.models.event_feed_model import EventFeedFilterProxy, EventFeedModel
from evdesk.gui.models.network_log_model import NetworkLogModel
from evdesk.core.device_model import evse_of
from evdesk.gui.widgets.device_model_view import DeviceModelView
from evdesk.gui.models.station_config_model import (
    COL_FETCHED,
    COL_KEY,
    COL_OUTCOME,
    COL_READONLY,
    COL_VALUE,
    StationConfigFilterProxy,
    StationConfigModel,
)
from evdesk.gui.dialogs.departure_dialog import ask_departure
from evdesk.gui.operator import operator_of
from evdesk.gui.pages.station_logs import StationLogTabs
from evdesk.gui.translations.commands import command_title
from evdesk.gui.widgets.compat_profile import CompatProfileTab
from evdesk.gui.widgets.config_editor import ConfigEditor
from evdesk.gui.widgets.connector_card import ConnectorCard, chip_style
from evdesk.gui.widgets.sessions_table import SessionsList
from evdesk.gui.widgets.statistics_view import StatisticsView

TAB_EVENTS, TAB_COMM, TAB_ACTIONS, TAB_NETWORK, TAB_CONFIG = range(5)
NO_CONFIG_READER = "This evdesk cannot read stored configuration keys yet (its core has no station_config service)."


async def _no_config_reader(_ctx, _station_id):
    raise EvdeskError(NO_CONFIG_READER)


def _setup_table(table: QTableView, model, widths: dict[int, int]) -> None:
    table.setModel(model)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.verticalHeader().setDefaultSectionSize(26)
    for column, width in widths.items():
        table.setColumnWidth(column, width)


class StationPanel(QWidget):
    backRequested = Signal()

    def __init__(self, services, central_system, station_id: UUID, parent=None):
        super().__init__(parent)
        self.ui = Ui_StationPanel()
        self.ui.setupUi(self)
        self.services = services
        self.central_system = central_system
        self.station_id = station_id
        self.cards: dict[int, ConnectorCard] = {}
        self.dialogs: list[CommandDialog] = []
        info = services.stations.get_by_id(station_id)
        self.identity = info.identity
        # names and boot details (vendor, model, firmware) come from stations: text, never markup
        for label in (self.ui.nameLabel, self.ui.detailsLabel):
            label.setTextFormat(Qt.TextFormat.PlainText)

        acting = lambda: operator_of(self)  # noqa: E731 - the operator at the moment of each read
        self.event_feed = EventFeedModel(services, station_id, acting, parent=self)
        self.event_filter = EventFeedFilterProxy(self)
        self.event_filter.setSourceModel(self.event_feed)
        self.comm_log = CommLogModel(services, station_id, info.identity, acting, parent=self)
        self.comm_filter = CommLogFilterProxy(self)
        self.comm_filter.setSourceModel(self.comm_log)
        self.action_log = ActionLogModel(services, station_id, acting, parent=self)
        self.network_log = NetworkLogModel(services, station_id, acting, parent=self)
        _setup_table(self.ui.eventFeedTable, self.event_filter, {0: 300, 1: 200, 2: 120, 3: 190})
        _setup_table(self.ui.commLogTable, self.comm_filter, {0: 170, 1: 120, 2: 60, 3: 170, 4: 110})
        # the action log: a time with seconds, an operator's name, a command with its connector, the outcome
        # with the station's status, then the error taking what is left (they were cut off at 120-170 px)
        _setup_table(self.ui.actionLogTable, self.action_log, {0: 170, 1: 160, 2: 230, 3: 240, 4: 280})
        self.ui.actionLogTable.horizontalHeader().setStretchLastSection(True)
        _setup_table(self.ui.networkLogTable, self.network_log, {0: 150, 1: 110, 2: 190})
        self._setup_configuration(services)
        self._add_sessions_tab()
        # hardware status and diagnostics tabs, Export CSV… for every log
        self.logs = StationLogTabs(self, {TAB_EVENTS: "event_feed", TAB_COMM: "comm_log", TAB_ACTIONS: "action_log",
                                          TAB_NETWORK: "network_log"})
        self._add_statistics_tab()
        self._add_compatibility_tab()
        self.ui.commSplitter.setSizes([300, 160])

        self._setup_event_filters()
        self.ui.commSearchEdit.textChanged.connect(self.comm_filter.set_text)
        self.ui.commLogTable.selectionModel().selectionChanged.connect(self._comm_selection_changed)
        self.ui.backButton.clicked.connect(self.backRequested)
        self._build_commands_menu()
        self._add_settings_button()
        self._add_day_figures()
        self.rotation = RotatePasswordButton(self, self.ui.headerRow, self.ui.commandsButton,
                                             self.ui.panelLayout)

        self._bus = BusListener(self, services.bus)
        self._bus.on(ev.ConnectorStatusChanged, self._connector_changed)
        self._bus.on(ev.ConnectionStateChanged, self._station_changed)
        self._bus.on(ev.StationChanged, self._station_changed)
        self._bus.on(ev.TariffsChanged, lambda _e: self.refresh_header())
        for event_type in (ev.TransactionStarted, ev.TransactionUpdated, ev.TransactionEnded):
            self._bus.on(event_type, self._transaction_changed)
        for event_type in (ev.TransactionStarted, ev.TransactionEnded):
            self._bus.on(event_type, lambda e: self._day_refresh.poke() if e.station_id == self.station_id else None)
        ZoneFollower(self._bus, services.settings, self._zone_changed)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._tick)
        self._clock.start()
        self.refresh_header()
        self._sync_cards()

    def detach(self) -> None:
        """Stop listening (the panel is being closed)."""
        self._bus.detach()
        self._clock.stop()
        self._day_clock.stop()
        self._day_refresh.stop()
        for model in (self.event_feed, self.comm_log, self.action_log, self.network_log, self.config):
            model.detach()
        if self.device_model_view is not None:
            self.device_model_view.detach()
        self.sessions.detach()
        self.logs.detach()
        self.compat_tab.detach()

    @property
    def info(self):
        return self.services.stations.by_id.get(self.station_id)

    @property
    def zone(self):
        return display.zone_of(self.services.settings)

    def _zone_changed(self) -> None:
        """The site's zone changed: every time here is shown in the new one at once (the logs redraw themselves)."""
        zone = self.zone
        for card in self.cards.values():
            card.set_zone(zone)
        self.ui.dayEdit.setToolTip(self.tr("Days in {zone}").format(zone=display.zone_name(zone)))
        self.refresh_header()
        self._comm_selection_changed(None)
        self._show_config_state()

    # -- header --------------------------------------------------------------------
    def refresh_header(self) -> None:
        info = self.info
        if info is None:
            self.ui.nameLabel.setText(self.tr("Station removed"))
            self.ui.commandsButton.setEnabled(False)
            return
        self.ui.nameLabel.setText(info.display_name)
        ctx = operator_of(self)
        self.ui.commandsButton.setEnabled(ctx.can(Permission.REMOTE_COMMANDS))
        menu = getattr(self, "commands_menu", None)
        if menu is not None:
            for action in menu.actions():
                if action.objectName() in ("command_update_firmware", "command_signed_update_firmware"):
                    action.setEnabled(ctx.can(Permission.FIRMWARE_UPDATES))
        self.ui.commandsButton.setToolTip("" if ctx.can(Permission.REMOTE_COMMANDS) else self.tr("Your role cannot send commands."))
        self.ui.refreshConfigButton.setEnabled(ctx.can(Permission.REMOTE_COMMANDS))
        if getattr(self, "settings_button", None) is not None:
            may = ctx.can(Permission.EDIT_STATIONS) or ctx.can(Permission.ADD_REMOVE_STATIONS)
            self.settings_button.setEnabled(may)
            self.settings_button.setToolTip(self.tr("Name, group, access, intervals, password; delete the station") if may
                                            else self.tr("Only admin operators can edit charging stations."))
        self.rotation.refresh(info)
        self.ui.connectionLabel.setText(connection_text(self.services, info))
        self.ui.connectionLabel.setStyleSheet(chip_style(connection_colour(self.services, info)))
        parts = [self.tr("Identifier {identity}").format(identity=info.identity)]
        if info.vendor or info.model:
            parts.append(f"{info.vendor} {info.model}".strip())
        parts.append(self.tr("firmware {version}").format(version=info.firmware_version or self.tr("unknown")))
        if getattr(info, "ocpp_version", "1.6") != "1.6":
            parts.append(f"OCPP {info.ocpp_version}")
        parts.append(self.tr("security profile {profile}").format(profile=info.security_profile))
        if info.firmware_status:
            parts.append(self.tr("firmware update: {status}").format(status=info.firmware_status))
        if info.registration != "adopted":
            parts.append(self.tr("registration: {registration}").format(
                registration=display.REGISTRATION_LABELS.get(info.registration, info.registration)))
        station_state = info.connectors.get(0)
        if station_state is not None:
            error = "" if station_state.error_code == "NoError" else f" ({display.error_code_label(station_state.error_code)})"
            parts.append(self.tr("whole station: {status}").format(status=station_state.status) + error)
        parts.append(self.tr("last seen {time} {zone} ({ago})").format(
            time=display.local_time(info.last_seen, self.zone) or self.tr("never"), zone=display.zone_name(self.zone),
            ago=display.ago(info.last_seen)))
        parts.append(self.tariff_text(info))
        # one fact a line, in a box beside the connector cards (a long wrapped line left the header half empty)
        self.ui.detailsLabel.setText("\n".join(parts))

    def tariff_text(self, info) -> str:
        """'tariff group Depot prices (from charging group Depot)', with the connectors that have their own."""
        tariffs = self.services.tariffs
        group, source = tariffs.applying(info)
        text = (self.tr("tariff group {name} ({source})").format(name=group.name, source=source) if group
                else self.tr("no tariff group: sessions are free"))
        for connector in sorted(c for c in info.connectors if c > 0):
            own, own_source = tariffs.applying(info, connector)
            if own is not None and own_source == "the connector's own":
                text += self.tr("; connector {connector}: {name}").format(connector=connector, name=own.name)
        return text

    # -- connector cards -----------------------------------------------------------------
    def _sync_cards(self) -> None:
        info = self.info
        if info is None:
            return
        for connector_id in sorted(c for c in info.connectors if c != 0):
            self._card(connector_id).show_status(info.connectors[connector_id])
        for card in self.cards.values():
            card.show_session(self.services.transactions.active_on(self.station_id, card.connector_id))

    def _card(self, connector_id: int) -> ConnectorCard:
        card = self.cards.get(connector_id)
        if card is None:
            card = ConnectorCard(connector_id, self.zone, self.ui.connectorsContainer,
                                 price_so_far=self.services.pricing.so_far)
            card.startRequested.connect(lambda cid: self.open_command("remote_start", connector_id=cid))
            card.stopRequested.connect(lambda cid, tx: self.open_command("remote_stop", transaction_id=tx))
            card.unlockRequested.connect(lambda cid: self.open_command("unlock_connector", connector_id=cid))
            card.departureRequested.connect(lambda session: ask_departure(
                self, self.services, lambda: operator_of(self), session, self.services.settings.site_timezone))
            info = self.info
            if info is not None and getattr(info, "ocpp_version", "1.6") == "2.0.1":
                evse, plug = evse_of(connector_id)  # evdesk's number of an OCPP 2.0.1 EVSE's connector
                card.ui.titleLabel.setText(f"EVSE {evse}" + (f", connector {plug}" if plug != 1 else ""))
            self.cards[connector_id] = card
            # keep cards in connector order, before the trailing spacer
            position = sorted(self.cards).index(connector_id)
            self.ui.connectorsLayout.insertWidget(position, card)
        return card

    def _connector_changed(self, event: ev.ConnectorStatusChanged) -> None:
        if event.station_id != self.station_id:
            return
        if event.connector_id == 0:
            self.refresh_header()
            return
        info = self.info
        state = info.connectors.get(event.connector_id) if info else None
        self._card(event.connector_id).show_status(state or ConnectorState(
            event.connector_id, event.status, event.error_code, event.info, status_at=event.at))

    def _transaction_changed(self, event) -> None:
        if event.station_id == self.station_id and event.connector_id:
            session = self.services.transactions.active_on(self.station_id, event.connector_id)
            self._card(event.connector_id).show_session(session)

    def _station_changed(self, event) -> None:
        if event.station_id == self.station_id:
            self.refresh_header()

    def _tick(self) -> None:
        now = datetime.now(timezone.utc)
        for card in self.cards.values():
            card.tick(now)
        self.refresh_header()  # "last seen … ago" moves without events

    # -- event feed filters -------------------------------------------------------------
    def _setup_event_filters(self) -> None:
        ui = self.ui
        ui.statusCombo.addItem(self.tr("All statuses"), None)
        for status in display.OCPP_STATUSES:
            ui.statusCombo.addItem(status, status)
        ui.errorCombo.addItem(self.tr("All error types"), None)
        for code in display.OCPP_ERROR_CODES:
            ui.errorCombo.addItem(display.error_code_label(code), code)
        day = self.event_feed.day
        ui.dayEdit.setDate(QDate(day.year, day.month, day.day))
        ui.dayEdit.setToolTip(self.tr("Days in {zone}").format(zone=display.zone_name(self.zone)))
        ui.dayEdit.dateChanged.connect(self._day_changed)
        ui.nextDayButton.setEnabled(False)  # the feed opens on today: nothing comes after it
        ui.previousDayButton.clicked.connect(lambda: self.set_day(self.event_feed.day - timedelta(days=1)))
        ui.nextDayButton.clicked.connect(lambda: self.set_day(self.event_feed.day + timedelta(days=1)))
        ui.todayButton.clicked.connect(lambda: self.set_day(datetime.now(self.zone).date()))
        ui.statusCombo.currentIndexChanged.connect(lambda: self.event_filter.set_status(ui.statusCombo.currentData()))
        ui.errorCombo.currentIndexChanged.connect(lambda: self.event_filter.set_error_code(ui.errorCombo.currentData()))

    def set_day(self, day: date) -> None:
        self.ui.dayEdit.setDate(QDate(day.year, day.month, day.day))  # -> _day_changed

    def _day_changed(self, qdate: QDate) -> None:
        day = date(qdate.year(), qdate.month(), qdate.day())
        self.event_feed.set_day(day)
        self.ui.nextDayButton.setEnabled(day < datetime.now(self.zone).date())

    # -- communication log detail ----------------------------------------------------------
    def _comm_selection_changed(self, selected: QItemSelection, _deselected=None) -> None:
        rows = self.ui.commLogTable.selectionModel().selectedRows()
        row = rows[0].data(Roles.RowData) if rows else None
        if row is None:
            self.ui.payloadView.clear()
            return
        arrow = self.tr("→ sent to the station") if row.direction == "out" else self.tr("← received from the station")
        head = (f"{arrow}   {row.action or '–'} ({MESSAGE_TYPES.get(row.message_type, '?')}), message id {row.unique_id}, "
                f"{display.local_time(row.at, self.zone)} {display.zone_name(self.zone)}")
        self.ui.payloadView.setPlainText(head + "\n\n" + pretty_payload(row.payload))

    # -- configuration keys ------------------------------------------------------------------
    def _setup_configuration(self, services) -> None:
        reader = getattr(services, "station_config", None)  # the core's read side of stored keys
        read_keys = reader.configuration_keys if reader is not None else _no_config_reader
        self.config = StationConfigModel(services, self.station_id, read_keys, lambda: operator_of(self), self)
        self.config_filter = StationConfigFilterProxy(self)
        self.config_filter.setSourceModel(self.config)
        _setup_table(self.ui.configTable, self.config_filter,
                     {COL_KEY: 270, COL_VALUE: 210, COL_READONLY: 75, COL_FETCHED: 190, COL_OUTCOME: 300})
        self.ui.configTable.sortByColumn(COL_KEY, Qt.SortOrder.AscendingOrder)
        self.ui.configSearchEdit.textChanged.connect(self.config_filter.set_text)
        self.ui.refreshConfigButton.clicked.connect(self.refresh_configuration)
        self.config_editor = ConfigEditor(services, self.central_system, self.station_id, self.ui, self.config,
                                          self.config_filter, lambda: operator_of(self), self)
        self.config_editor.resetOffered.connect(lambda: self.open_command("reset", kind="Soft"))
        self.config.loaded.connect(self._show_config_state)
        self.device_model_view = None
        info = services.stations.get_by_id(self.station_id)
        if getattr(info, "ocpp_version", "1.6") == "2.0.1":
            # the same stored keys, shown as the station's device model (components and variables)
            self.device_model_view = DeviceModelView(self.config, self.ui.configTab)
            self.ui.configLayout.replaceWidget(self.ui.configTable, self.device_model_view)
            self.ui.configTable.hide()
            self.ui.configSearchEdit.textChanged.connect(self.device_model_view.set_filter)
        for signal in (self.config.rowsInserted, self.config.rowsRemoved, self.config.dataChanged):
            signal.connect(self._show_config_state)
        self.ui.logTabs.currentChanged.connect(self._tab_changed)

    def _tab_changed(self, index: int) -> None:
        if index == TAB_CONFIG and not self.config.read_once:
            self.ui.configStateLabel.setText(self.tr("Reading the stored keys…"))
            self.config.reload()

    def refresh_configuration(self) -> CommandDialog:
        """Ask the station for every key (the Refresh configuration command); the table follows,
        and a successful read unlocks the editor."""
        dialog = self.open_command("get_configuration")
        keys = dialog.editors["keys"]
        dialog.commandFinished.connect(lambda result: self.config_editor.station_refreshed(
            result, complete=keys.value() is None))
        return dialog

    def _show_config_state(self, *_args) -> None:
        self.config_editor.show_state()

    # -- commands ------------------------------------------------------------------------
    def _build_commands_menu(self) -> None:
        menu = QMenu(self.ui.commandsButton)
        for group in MENU_GROUPS:
            menu.addSection(command_title(group))
            for command in COMMANDS:
                if command.group == group:
                    action = menu.addAction(command_title(command.title))
                    action.setObjectName(f"command_{command.key}")
                    action.triggered.connect(lambda _checked=False, key=command.key: self.open_command(key))
        self.ui.commandsButton.setMenu(menu)
        self.commands_menu = menu

    def open_command(self, key: str, /, **presets) -> CommandDialog:
        """Open the dialog of one command, its parameters pre-filled where we know them. Set charging
        profile has its own editor (fields, periods, chart) instead of JSON."""
        if key == "set_charging_profile":
            return self._keep_dialog(ChargingProfileDialog(self.services, self.central_system, self.station_id,
                                                           presets, self))
        command = COMMANDS_BY_KEY[key]
        if key == "remote_stop" and "transaction_id" not in presets:
            running = [t for t in self.services.transactions.active.values() if t.station_id == self.station_id]
            if running:
                presets["transaction_id"] = running[0].ocpp_id
        return self._keep_dialog(CommandDialog(self.services, self.central_system, self.station_id, command, presets,
                                               self))

    def _keep_dialog(self, dialog):
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialogs.append(dialog)
        dialog.destroyed.connect(lambda *_a, d=dialog: self.dialogs.remove(d) if d in self.dialogs else None)
        dialog.open()
        return dialog

    # -- sessions ---------------------------------------------------------------------------------
    def _add_sessions_tab(self) -> None:
        """This station's charging sessions, newest first (read when the tab is first shown)."""
        flt = SessionFilter(station_id=self.station_id)
        self.sessions = SessionsList(self.services, self.central_system, lambda: operator_of(self), flt,
                                     parent=self, load=False)
        self.sessions_tab = self.ui.logTabs.addTab(self.sessions, self.tr("Sessions"))
        self.ui.logTabs.currentChanged.connect(
            lambda index: self.sessions.reload() if index == self.sessions_tab and not self.sessions.model.rows() else None)

    def _add_compatibility_tab(self) -> None:
        """The station's compatibility profile (switches, what the probe saw), read when first shown."""
        self.compat_tab = CompatProfileTab(self.services, self.station_id, self)
        self.compat_tab_index = self.ui.logTabs.addTab(self.compat_tab, self.tr("Compatibility"))
        self.ui.logTabs.currentChanged.connect(
            lambda index: self.compat_tab.reload() if index == self.compat_tab_index and self.compat_tab.view is None
            else None)

    # -- station settings (StationSettingsDialog) -------------------------------------------
    def _add_settings_button(self) -> None:
        button = QPushButton(self.tr("Settings…"), self)
        button.setObjectName("settingsButton")
        button.setToolTip(self.tr("Name, group, access, intervals, password; delete the station"))
        button.setMinimumHeight(30)
        self.ui.headerRow.insertWidget(self.ui.headerRow.indexOf(self.ui.commandsButton), button)
        button.clicked.connect(self.open_settings)
        self.settings_button = button
        details = QPushButton(self.tr("Details…"), self)  # location, system status, charging points and sockets
        details.setObjectName("detailsButton")
        details.setToolTip(self.tr("Location, system status, integration date, charging points (EVSEs) and sockets"))
        details.setMinimumHeight(30)
        self.ui.headerRow.insertWidget(self.ui.headerRow.indexOf(self.ui.commandsButton), details)
        details.clicked.connect(self.open_details)
        self.details_button = details

    def open_details(self) -> StationHardwareDialog | None:
        if self.info is None:
            return None
        dialog = StationHardwareDialog(self.services, self.station_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_settings(self) -> StationSettingsDialog | None:
        if self.info is None:
            return None
        dialog = StationSettingsDialog(self.services, self.station_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.stationDeleted.connect(lambda _station_id: self.backRequested.emit())
        dialog.open()
        return dialog

    # -- statistics (issue 12) ------------------------------------------------------------------
    def _add_statistics_tab(self) -> None:
        """Sessions, kWh, utilisation, error rate and availability per connector over 7 or 30 days
        (read when the tab is first shown, and again on each 7 / 30 choice)."""
        load = lambda days: self.services.station_statistics.station(operator_of(self), self.station_id, days)  # noqa: E731
        self.statistics = StatisticsView(load, "connector", lambda: self.zone, self)
        self.statistics_tab = self.ui.logTabs.addTab(self.statistics, self.tr("Statistics"))
        self.ui.logTabs.currentChanged.connect(
            lambda index: self.statistics.reload() if index == self.statistics_tab and self.statistics.loaded is None
            else None)

    def show_statistics(self) -> StatisticsView:
        self.ui.logTabs.setCurrentIndex(self.statistics_tab)
        return self.statistics

    def _add_day_figures(self) -> None:
        """'Last 24 hours: 2 charging events · 1 charging point · 7.51 kWh' in the header (the manual's
        three cards), read on opening, after this station's sessions start or end, and each minute."""
        self.day_label = QLabel("", self)
        self.day_label.setObjectName("dayFiguresLabel")
        self.day_label.setToolTip(self.tr("Sessions started at this station in the last 24 hours, the charging points "
                                          "they used and their energy"))
        self.day_label.setStyleSheet("color: palette(window-text); padding: 0 8px;")
        self.ui.headerRow.insertWidget(self.ui.headerRow.indexOf(self.ui.connectionLabel) + 1, self.day_label)
        self._day_refresh = Coalescer(self.refresh_day_figures, 3000, self)
        self._day_clock = QTimer(self)
        self._day_clock.setInterval(60_000)
        self._day_clock.timeout.connect(self.refresh_day_figures)
        self._day_clock.start()
        self.day_figures_read = 0
        self.refresh_day_figures()

    def refresh_day_figures(self) -> None:
        reads = self.services.dashboard.last_24h(operator_of(self), station_ids=[self.station_id])

        def show(day) -> None:
            self.day_figures_read += 1
            events = self.tr("charging event") if day.sessions == 1 else self.tr("charging events")
            points = self.tr("charging point") if day.points_used == 1 else self.tr("charging points")
            self.day_label.setText(self.tr("Last 24 hours: <b>{sessions}</b> {events} · <b>{points_used}</b> {points} · "
                                           "<b>{energy}</b> kWh").format(
                sessions=day.sessions, events=events, points_used=day.points_used, points=points,
                energy=f"{day.energy_wh / 1000:,.2f}" if display.current_language() == "en"
                else display.decimal(day.energy_wh / 1000, 2)))

        run_task(reads, show, lambda exc: self.day_label.setText(""), owner=self, what="reading the last 24 hours")
