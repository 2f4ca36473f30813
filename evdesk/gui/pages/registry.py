"""Every page of the main window, described once: its key, title, icon, how it is made and
the permission it needs. The main window builds its navigation from `PAGES` (in this
order) and hides a page whose permission the operator lacks; adding a page is adding
an entry here.

A factory gets the window (`PageHost`): the services, who acts, and the routes a page
may ask for (open a station, explain how chargers connect).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol
from uuid import UUID

from PySide6.QtCore import QT_TRANSLATE_NOOP

from evdesk.core.permissions import OperatorContext, Permission
from evdesk.gui.pages.access_profiles_page import AccessProfilesPage
from evdesk.gui.pages.account_page import MyAccountPage
from evdesk.gui.pages.api_keys_page import ApiKeysPage
from evdesk.gui.pages.authorizations_page import AuthorizationsPage
from evdesk.gui.pages.base import Page
from evdesk.gui.pages.circuits_page import CircuitsPage
from evdesk.gui.pages.firmware_page import FirmwarePage
from evdesk.gui.pages.dashboard_page import DashboardPage
from evdesk.gui.pages.groups_page import GroupsPage
from evdesk.gui.pages.locations_page import LocationsPage
from evdesk.gui.pages.station_templates_page import StationTemplatesPage
from evdesk.gui.pages.notifications_page import NotificationsPage
from evdesk.gui.pages.invoices_page import InvoicesPage
from evdesk.gui.pages.operators_page import OperatorsPage
from evdesk.gui.pages.scheduled_tasks_page import ScheduledTasksPage
from evdesk.gui.pages.overview_page import OverviewPage
from evdesk.gui.pages.reports_page import ReportsPage
from evdesk.gui.pages.sessions_page import SessionsPage
from evdesk.gui.pages.settings_page import SiteSettingsPage
from evdesk.gui.pages.certificates_page import CertificatesPage
from evdesk.gui.pages.shared_db_page import SharedDatabasePage
from evdesk.gui.pages.stations_page import StationsPage
from evdesk.gui.pages.tariffs_page import TariffsPage
from evdesk.gui.pages.tokens_page import TokensPage
from evdesk.gui.pages.user_groups_page import UserGroupsPage
from evdesk.gui.pages.users_page import UsersPage


class PageHost(Protocol):
    """What a page factory may use of the main window."""

    services: object

    def current_operator(self) -> OperatorContext: ...

    def open_station(self, station_id: UUID) -> object: ...

    def show_connect_help(self) -> object: ...


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # the navigation entry, in English; shown as QCoreApplication.translate("Navigation", title)
    icon: str  # resources/icons/<icon>.svg
    factory: Callable[[PageHost], Page]
    permission: Permission | None = None  # hidden from operators without it

    def visible_to(self, ctx: OperatorContext) -> bool:
        return self.permission is None or ctx.can(self.permission)


def _stations(host: PageHost) -> StationsPage:
    page = StationsPage(host.services, host)
    page.stationActivated.connect(host.open_station)
    page.connectHelpRequested.connect(host.show_connect_help)
    return page


def _dashboard(host: PageHost) -> DashboardPage:
    page = DashboardPage(host.services, host)
    page.stationActivated.connect(host.open_station)
    return page


def _overview(host: PageHost) -> OverviewPage:
    page = OverviewPage(host.services, host)
    page.stationActivated.connect(host.open_station)
    return page


# Navigation order: the dashboard (the first page after log-in), the site, people next, the desk's own matters last.
PAGES: tuple[PageSpec, ...] = (
    PageSpec("dashboard", QT_TRANSLATE_NOOP("Navigation", "Dashboard"), "nav-dashboard", _dashboard),
    PageSpec("stations", QT_TRANSLATE_NOOP("Navigation", "Stations"), "nav-stations", _stations),
    PageSpec("groups", QT_TRANSLATE_NOOP("Navigation", "Charging groups"), "nav-groups", lambda h: GroupsPage(h.services, h)),
    PageSpec("firmware", QT_TRANSLATE_NOOP("Navigation", "Firmware"), "nav-firmware", lambda h: FirmwarePage(
        h.services, h.current_operator, h, central_system=getattr(h, "central_system", None)),
        Permission.FIRMWARE_UPDATES),
    PageSpec("overview", QT_TRANSLATE_NOOP("Navigation", "Charging points"), "nav-overview", _overview),
    PageSpec("locations", QT_TRANSLATE_NOOP("Navigation", "Locations"), "nav-locations", lambda h: LocationsPage(h.services, h.current_operator, h)),
    PageSpec("circuits", QT_TRANSLATE_NOOP("Navigation", "Circuits"), "nav-overview", lambda h: CircuitsPage(h.services, h.current_operator, h)),
    PageSpec("station_templates", QT_TRANSLATE_NOOP("Navigation", "Templates"), "nav-station-templates",
             lambda h: StationTemplatesPage(h.services, h.current_operator, h)),
    PageSpec("sessions", QT_TRANSLATE_NOOP("Navigation", "Sessions"), "nav-sessions", lambda h: SessionsPage(
        h.services, h.current_operator, h, central_system=getattr(h, "central_system", None))),
    PageSpec("users", QT_TRANSLATE_NOOP("Navigation", "Charging users"), "nav-users", lambda h: UsersPage(h.services, h.current_operator, h)),
    PageSpec("tokens", QT_TRANSLATE_NOOP("Navigation", "Tokens"), "nav-tokens", lambda h: TokensPage(h.services, h.current_operator, h)),
    PageSpec("user_groups", QT_TRANSLATE_NOOP("Navigation", "User groups"), "nav-user-groups", lambda h: UserGroupsPage(h.services, h.current_operator, h)),
    PageSpec("authorizations", QT_TRANSLATE_NOOP("Navigation", "Authorizations"), "nav-authorizations",
             lambda h: AuthorizationsPage(h.services, h.current_operator, h)),
    PageSpec("reports", QT_TRANSLATE_NOOP("Navigation", "Reports"), "nav-reports", lambda h: ReportsPage(h.services, h.current_operator, h)),
    PageSpec("tariffs", QT_TRANSLATE_NOOP("Navigation", "Tariffs"), "nav-tariffs", lambda h: TariffsPage(h.services, h.current_operator, h)),
    PageSpec("access_profiles", QT_TRANSLATE_NOOP("Navigation", "Access profiles"), "nav-access-profiles",
             lambda h: AccessProfilesPage(h.services, h.current_operator, h)),
    PageSpec("scheduled_tasks", QT_TRANSLATE_NOOP("Navigation", "Scheduled tasks"), "nav-scheduled-tasks",
             lambda h: ScheduledTasksPage(h.services, h.current_operator, h), Permission.SCHEDULED_TASKS),
    PageSpec("notifications", QT_TRANSLATE_NOOP("Navigation", "Notifications"), "nav-notifications",
             lambda h: NotificationsPage(h.services, h.current_operator, h), Permission.NOTIFICATIONS),
    PageSpec("invoices", QT_TRANSLATE_NOOP("Navigation", "Invoices"), "nav-invoices", lambda h: InvoicesPage(h.services, h.current_operator, h),
             Permission.INVOICES),
    PageSpec("operators", QT_TRANSLATE_NOOP("Navigation", "Operators"), "nav-operators", lambda h: OperatorsPage(h.services, h),
             Permission.MANAGE_OPERATORS),
    PageSpec("api_keys", QT_TRANSLATE_NOOP("Navigation", "API keys"), "nav-api-keys", lambda h: ApiKeysPage(h.services, h), Permission.API_KEYS),
    PageSpec("account", QT_TRANSLATE_NOOP("Navigation", "My account"), "nav-account", lambda h: MyAccountPage(h.services, h)),
    PageSpec("settings", QT_TRANSLATE_NOOP("Navigation", "Settings"), "nav-settings", lambda h: SiteSettingsPage(h.services, h), Permission.SITE_SETTINGS),
    PageSpec("certificates", QT_TRANSLATE_NOOP("Navigation", "Certificates"), "nav-settings", lambda h: CertificatesPage(h.services, h),
             Permission.SITE_SETTINGS),
    PageSpec("shared_db", QT_TRANSLATE_NOOP("Navigation", "Shared data"), "nav-settings", lambda h: SharedDatabasePage(h.services, h),
             Permission.SITE_SETTINGS),
)
PAGES_BY_KEY = {spec.key: spec for spec in PAGES}
