"""All core services of one site, built together and started and stopped in order."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from evdesk.core import events as ev
from evdesk.core.access_profiles import AccessProfileService
from evdesk.core.actions import ActionLogService
from evdesk.core.api_keys import ApiKeyService
from evdesk.core.auth_index import AuthIndex
from evdesk.core.authorization import AuthorizationService
from evdesk.core.change_feed import ChangeFeedWatcher
from evdesk.core.shared_db import SharedDatabaseService
from evdesk.core.clock import utcnow
from evdesk.core.commlog import CommLogService
from evdesk.core.compatibility import CompatibilityService
from evdesk.core.events import EventBus
from evdesk.core.firmware.service import FirmwareAndDiagnostics
from evdesk.core.group_tree import GroupTree
from evdesk.core.groups import GroupService
from evdesk.core.login import LoginService
from evdesk.core.loopwatch import LoopLagMonitor
from evdesk.core.invoicing.render_pool import InvoicePdfPool
from evdesk.core.invoicing.service import InvoiceService
from evdesk.core.mail import Mailer
from evdesk.core.notifications import Notifications
from evdesk.core.operator_accounts import OperatorService
from evdesk.core.people import PeopleServices
from evdesk.core.reads.dashboard import DashboardReads
from evdesk.core.reads.history import HistoryReads
from evdesk.core.reads.log_export import LogExport
from evdesk.core.reads.overview import OverviewReads
from evdesk.core.reads.search import SearchReads
from evdesk.core.reads.session_export import SessionExport
from evdesk.core.reads.sessions import SessionReads
from evdesk.core.reads.station_metrics import StationMetrics
from evdesk.core.reads.station_statistics import StationStatisticsReads
from evdesk.core.reports.engine import ReportService
from evdesk.core.reports.saved import SavedReports
from evdesk.core.station_config import StationConfigService
from evdesk.core.load.circuits import CircuitService
from evdesk.core.locations import LocationService
from evdesk.core.station_hardware import StationHardware
from evdesk.core.station_import import StationImport
from evdesk.core.permissions import OperatorContext
from evdesk.core.site_settings import load_site_settings, require_site_admin, save_site_settings
from evdesk.core.station_status import StationStatusService
from evdesk.core.stations import StationService
from evdesk.core.stop_limits import StopLimitWatch
from evdesk.core.running_sessions import RunningSessions
from evdesk.core.scheduling.book import TaskBook
from evdesk.core.session_pricing import SessionPricing
from evdesk.core.tariffs import TariffService
from evdesk.core.tasks import spawn
from evdesk.core.certificates import CertificateService, default_certificates_dir
from evdesk.core.station_csr import StationCertificateRequests
from evdesk.core.transactions import TransactionService
from evdesk.settings import SiteSettings
from evdesk.store.batch import BatchWriter
from evdesk.store.database import Store


class Services:
    def __init__(self, store: Store, settings: SiteSettings | None = None, bus: EventBus | None = None, *,
                 clock=utcnow, notification_tick: float = 5.0, certificates_dir: Path | None = None,
                 certificate_names=None):
        self.store = store
        self.bus = bus or EventBus()
        self.settings = settings or SiteSettings()
        self.settings_version = 0
        self.batch = BatchWriter(store)
        self.group_tree = GroupTree(store, self.bus)  # the charging groups in memory: operators' domains
        self.stations = StationService(store, self.bus, self.settings, self.batch, self.group_tree)
        # compatibility profiles: per-station quirks the server applies, learned by the probe, shared per model
        self.compat = CompatibilityService(store, self.bus, self.settings, self.batch, self.stations)
        self.status = StationStatusService(store, self.bus, self.settings, self.batch, self.stations, self.compat)
        self.running = RunningSessions()
        self.auth_index = AuthIndex()  # users, user groups and tokens in memory
        # prices: tariffs and where they apply (in memory, read at every Start), and sessions' prices
        self.tariffs = TariffService(store, self.bus, self.settings, self.stations, self.group_tree)
        # access profiles: who may charge where and when; the one decision and the Start ask them
        self.access_profiles = AccessProfileService(store, self.bus, self.settings, self.stations, self.group_tree,
                                                    self.tariffs, self.auth_index)
        self.auth = AuthorizationService(store, self.bus, self.batch, self.settings, self.running, self.auth_index,
                                         self.access_profiles)
        self.transactions = TransactionService(store, self.bus, self.settings, self.batch, self.auth, self.stations,
                                               self.running, self.tariffs, self.access_profiles, self.compat)
        self.actions = ActionLogService(store, self.bus, self.batch)
        self.pricing = SessionPricing(store, self.bus, self.batch, self.settings, self.stations, self.actions,
                                      self.tariffs)
        self.stop_limits = StopLimitWatch(self.bus, self.running, self.pricing)  # judged at each reading
        # the read side: what screens and the API show, within the operator's domain
        self.sessions = SessionReads(store, self.stations, self.running, self.pricing, self.group_tree)
        self.session_export = SessionExport(self.sessions, self.settings, self.group_tree)  # the charging log as CSV
        self.history = HistoryReads(store, self.stations)
        # figures of charging points from the hourly aggregates (statistics, dashboard, reports)
        self.station_metrics = StationMetrics(store, self.stations, self.group_tree, self.batch.fold_aggregates)
        self.reports = ReportService(store, self.stations, self.group_tree, self.settings,
                                     self.batch.fold_aggregates)
        self.saved_reports = SavedReports(store)
        self.station_config = StationConfigService(store, self.stations)
        # firmware files served to stations, roll-outs, diagnostics received, the hardware status log
        self.firmware = FirmwareAndDiagnostics(store, self.bus, self.settings, self.stations)
        self.log_export = LogExport(self.history, self.firmware, self.settings)  # every log view as CSV
        # locations, a station's details with its EVSEs and connectors, templates, the CSV import
        self.locations = LocationService(store, self.bus, self.settings, self.stations, self.group_tree)
        self.station_details = StationHardware(store, self.bus, self.stations, self.group_tree, self.locations)
        self.station_import = StationImport(store, self.station_details, self.group_tree)
        # load management: circuits (the supply tree), the stations on them, limits by time of day
        self.circuits = CircuitService(store, self.bus, self.stations, self.group_tree)
        # charging users, tokens, user groups, authorizations log, CSV, and their read service
        self.people = PeopleServices(store, self.bus, self.auth, self.stations)
        self.commlog = CommLogService(store, self.bus, self.settings, self.batch,
                                      hourly=(self.stations.purge_dropped_pending,))
        self.groups = GroupService(store, self.bus, self.group_tree, self.stations)
        # the universal search (Ctrl+K): stations, users, tokens, sessions, groups, locations
        self.search = SearchReads(store, self.stations, self.group_tree, self.locations, self.people.reads,
                                  self.sessions)
        # scheduled tasks and their run feed (the runner, which sends commands, is the site's: runtime.py)
        self.scheduled_tasks = TaskBook(store, self.bus, self.settings, self.stations, self.group_tree, self.people,
                                        self.circuits, self.saved_reports)
        # the dashboard, station and group statistics, the charging-points overview (issue 12)
        self.dashboard = DashboardReads(store, self.stations, self.group_tree)
        self.station_statistics = StationStatisticsReads(self.station_metrics, self.stations, self.group_tree)
        self.overview = OverviewReads(store, self.stations, self.groups, self.station_metrics)
        self.mail = Mailer(self.settings)
        self.operators = OperatorService(store, self.bus, self.settings, self.mail, self.groups)
        # invoices: settings, runs, previews, sending (PDFs in worker processes, e-mail), paid / overdue
        self.invoice_pdfs = InvoicePdfPool()  # PDFs in worker processes, started on first use
        self.invoices = InvoiceService(store, self.bus, self.settings, self.mail, self.invoice_pdfs)
        self.login = LoginService(store, self.settings, self.groups)
        # notification rules, the watch that mails faults and runs auto-recovery, the mail log
        self.notifications = Notifications(store, self.bus, self.settings, self.stations, self.group_tree, self.mail,
                                           clock=clock, tick_seconds=notification_tick)
        self.api_keys = ApiKeyService(store, self.groups, self.bus)  # one for the API, the screens and the CLI
        self.loop_lag = LoopLagMonitor(extra=self.batch.stats)
        self.change_feed = ChangeFeedWatcher(store, self.bus)
        # the site CA and the wss:// server certificate: files in the data folder's tls/ (security profiles 2, 3)
        self.certificates = CertificateService(certificates_dir or default_certificates_dir(store), self.bus,
                                               self.settings, clock=clock,
                                               **({"names": certificate_names} if certificate_names else {}))
        # stations' certificate signing requests (security profile 3), signed with the site CA
        self.station_csrs = StationCertificateRequests(store, self.batch, self.certificates, self.stations,
                                                       self.settings, self.bus, clock=clock)
        # the site's shared database (issue 14): off unless this seat's settings enable it
        self.shared_db = SharedDatabaseService(store, self.bus, on_pulled=self.change_feed.poke,
                                               on_slot=self.transactions.use_id_slot)
        self._unsubscribe_health = store.on_health(self._storage_health)
        self._unsubscribe_feed = self.bus.subscribe(ev.RowsChanged, self._rows_changed)
        self.started = False

    def _rows_changed(self, event: ev.RowsChanged) -> None:
        if event.entity == "setting":  # another seat saved the site settings: they are in force here too
            spawn(self.reload_settings(), name="site settings refresh")

    def _storage_health(self, trouble) -> None:
        """The store could not write (or can again): tell the window, the API and the log."""
        if trouble is None:
            self.bus.publish(ev.StorageRecovered(utcnow()))
        else:
            self.bus.publish(ev.StorageTrouble(trouble[0], trouble[1]))

    async def start(self, *, load_settings: bool = True) -> None:
        """Load what is stored and start the background writers. Call on the running loop."""
        if load_settings:
            stored, version = await self.store.run(load_site_settings)
            if version:
                self._apply_settings(stored)
                self.settings_version = version
        await self.group_tree.load()
        await self.stations.load()
        await self.compat.load()
        await self.locations.load()
        await self.station_csrs.load()
        await self.tariffs.load()
        await self.access_profiles.load()
        await self.transactions.load()
        await self.people.load()
        await self.firmware.start()
        self.batch.start()
        await self.pricing.start()
        self.status.start()
        self.transactions.start_housekeeping()
        self.stop_limits.start()
        self.commlog.start()
        await self.notifications.start()
        self.loop_lag.start()
        await self.change_feed.start()
        await self.certificates.start()
        await self.shared_db.start()
        self.started = True

    async def stop(self) -> None:
        await self.invoice_pdfs.close()
        self.stations.password_workers.close()
        if not self.started:
            return
        self.started = False
        await self.certificates.stop()
        await self.shared_db.stop()
        await self.change_feed.stop()
        await self.loop_lag.stop()
        await self.notifications.stop()
        await self.commlog.stop()
        await self.firmware.stop()
        await self.stop_limits.stop()
        await self.transactions.stop_housekeeping()
        self.pricing.stop()
        await self.status.stop()
        await self.batch.close()

    async def reload_settings(self) -> bool:
        """Make the stored settings (another seat may have saved) the ones in force.
        Returns True when they changed."""
        stored, version = await self.store.run(load_site_settings)
        if not version or version == self.settings_version:
            return False
        self._apply_settings(stored)
        self.settings_version = version
        self.bus.publish(ev.SiteSettingsChanged(version))
        return True

    async def save_settings(self, settings: SiteSettings, *, ctx: OperatorContext) -> None:
        require_site_admin(ctx)  # site-wide: admins of the whole site only
        self.tariffs.check_currency_change(settings.currency)
        self.settings_version = await self.store.run(save_site_settings, settings, self.settings_version)
        self._apply_settings(settings)
        self.bus.publish(ev.SiteSettingsChanged(self.settings_version))

    def _apply_settings(self, settings: SiteSettings) -> None:
        # Services hold this very object: update it in place so they all see the change.
        for f in dataclasses.fields(SiteSettings):
            setattr(self.settings, f.name, getattr(settings, f.name))
        self.stations.settings_changed()
