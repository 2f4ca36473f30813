"""The core's announcements. Services publish; screens and the OCPP server listen.

Delivery is synchronous on the publishing thread (the asyncio loop): a listener
must be quick and must not raise; an exception in one listener is logged and
does not stop the others.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Event:
    pass


@dataclass(frozen=True)
class StationAdded(Event):
    station_id: UUID
    identity: str
    registration: str


@dataclass(frozen=True)
class StationChanged(Event):
    """Any stored attribute of a station changed (name, group, boot info, registration)."""

    station_id: UUID
    identity: str


@dataclass(frozen=True)
class StationRemoved(Event):
    station_id: UUID
    identity: str


@dataclass(frozen=True)
class ConnectionStateChanged(Event):
    station_id: UUID
    identity: str
    state: str  # online / temporarily_unavailable / long_term_unavailable / offline
    at: datetime


@dataclass(frozen=True)
class ConnectorStatusChanged(Event):
    station_id: UUID
    identity: str
    connector_id: int
    status: str
    error_code: str
    info: str
    at: datetime


@dataclass(frozen=True)
class StatusEventRecorded(Event):
    station_id: UUID
    row: dict[str, Any]


@dataclass(frozen=True)
class TransactionStarted(Event):
    transaction_id: UUID
    station_id: UUID
    connector_id: int
    ocpp_id: int
    id_tag: str
    started_at: datetime


@dataclass(frozen=True)
class TransactionUpdated(Event):
    transaction_id: UUID
    station_id: UUID
    connector_id: int
    energy_wh: int | None
    power_w: float | None
    at: datetime
    current_a: float | None = None  # the newest Current.Import (highest phase), for load management
    phases_drawing: int | None = None  # 1 or 3 when the newest per-phase currents tell (metering.phases_drawing)


@dataclass(frozen=True)
class TransactionEnded(Event):
    transaction_id: UUID
    station_id: UUID
    connector_id: int
    state: str
    energy_wh: int | None
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class MessageLogged(Event):
    station_identity: str
    row: dict[str, Any]


@dataclass(frozen=True)
class ActionLogged(Event):
    """An action was recorded or its outcome changed."""

    action_id: UUID
    station_id: UUID | None
    action: str
    outcome: str
    request: dict | None = None  # what was sent (when it begins): notifications read ChangeAvailability's


@dataclass(frozen=True)
class DeviceModelReported(Event):
    """An OCPP 2.0.1 station reported (a part of) its device model and it is stored."""

    station_id: UUID
    variables: int


@dataclass(frozen=True)
class AuthorizationDecided(Event):
    station_id: UUID | None
    id_tag: str
    result: str
    reason: str


@dataclass(frozen=True)
class GroupChanged(Event):
    """A charging group was added, renamed, moved or deleted (`deleted` True), or its stations changed."""

    group_id: UUID
    parent_id: UUID | None
    deleted: bool = False


@dataclass(frozen=True)
class OperatorChanged(Event):
    """An operator account was added, changed or deleted (`deleted` True)."""

    operator_id: UUID
    username: str
    deleted: bool = False


@dataclass(frozen=True)
class ChargingUserChanged(Event):
    """A charging user was added, changed (vehicles, rights, group, status) or removed."""

    user_id: UUID
    deleted: bool = False


@dataclass(frozen=True)
class TokenChanged(Event):
    """A token was added, changed or deleted; `blocked` when this change blocked it."""

    token_id: UUID
    uid: str
    user_id: UUID | None
    status: str
    deleted: bool = False
    blocked: bool = False


@dataclass(frozen=True)
class UserGroupChanged(Event):
    """A charging user group was added, renamed, (de)activated, its members changed, or deleted."""

    group_id: UUID
    deleted: bool = False


@dataclass(frozen=True)
class UsersImported(Event):
    """A CSV import added many users and tokens at once."""

    users: int
    tokens: int


@dataclass(frozen=True)
class TariffsChanged(Event):
    """A tariff, tariff group or assignment was added, changed or removed (here or by another seat)."""


@dataclass(frozen=True)
class SessionPriced(Event):
    """A session got its price (at stop, when its parking time ended, or re-priced by an admin)."""

    transaction_id: UUID
    station_id: UUID
    total: str
    currency: str
    state: str


@dataclass(frozen=True)
class StopLimitReached(Event):
    """A running session reached its maximum time, energy or cost (once per session); the
    command layer asks the station to stop it. `reason` is a sentence for the action log."""

    transaction_id: UUID
    station_id: UUID
    connector_id: int
    ocpp_id: int
    kind: str  # time / energy / cost
    reason: str
    energy_wh: int | None = None


@dataclass(frozen=True)
class AccessProfilesChanged(Event):
    """An access profile was added, changed or removed (here or by another seat)."""


@dataclass(frozen=True)
class InvoicesChanged(Event):
    """Invoices were made, removed, issued, sent or marked paid (the invoices page reloads)."""

    run_id: UUID | None = None
    invoice_ids: tuple[UUID, ...] = ()


@dataclass(frozen=True)
class SiteSettingsChanged(Event):
    """The site settings in force changed (saved here, or another seat's save was loaded)."""

    version: int


@dataclass(frozen=True)
class StorageTrouble(Event):
    """The store cannot write (disk full, read-only folder, I/O error): evdesk stops
    acknowledging what it cannot keep. `message` says what is wrong in words."""

    message: str
    since: datetime


@dataclass(frozen=True)
class StorageRecovered(Event):
    """Writes succeed again after a `StorageTrouble`."""

    at: datetime


@dataclass(frozen=True)
class ScheduledTasksChanged(Event):
    """A scheduled task was added, edited, (de)activated, deleted, retried or asked to run now."""

    task_id: UUID | None = None


@dataclass(frozen=True)
class TaskRunChanged(Event):
    """A run of a scheduled task started or finished (the tasks event feed)."""

    run_id: UUID
    task_id: UUID
    state: str


@dataclass(frozen=True)
class LocationsChanged(Event):
    """A location was added, changed or deleted."""

    location_id: UUID | None = None


@dataclass(frozen=True)
class StationTemplatesChanged(Event):
    """A station template was saved, renamed or deleted."""

    template_id: UUID | None = None


@dataclass(frozen=True)
class RowsChanged(Event):
    """Another seat changed these rows of `entity` (a table name); caches re-read them."""

    entity: str
    ids: frozenset
    deleted: frozenset = frozenset()


@dataclass(frozen=True)
class NotificationCaseChanged(Event):
    """A station's notification case (core/notifications/cases.py) lasted past its settle time
    (`active` True: the seat's tray and badge show it) or ended (`active` False)."""

    station_id: UUID
    identity: str
    case: str
    active: bool
    since: datetime


@dataclass(frozen=True)
class AutoRecoveryDue(Event):
    """A Faulted station's auto-recovery step is due: the command layer sends Reset `kind`
    (Soft / Hard) with actor "auto-recovery" and reports the answer back to the watch."""

    station_id: UUID
    identity: str
    kind: str
    reason: str


@dataclass(frozen=True)
class NotificationRulesChanged(Event):
    """The notification rules were (re)loaded: saved here, or another seat's change arrived."""


@dataclass(frozen=True)
class NotificationMailsLogged(Event):
    """Notification mails were sent (or failed) and logged."""

    count: int


@dataclass(frozen=True)
class TransferProgress(Event):
    """A station reported firmware or diagnostics progress (kind "firmware" / "diagnostics",
    state as the station sent it), or evdesk's file servers saw a transfer happen."""

    station_id: UUID
    identity: str
    kind: str
    state: str
    detail: str = ""


@dataclass(frozen=True)
class FirmwareRolloutChanged(Event):
    """A roll-out's station moved on, or a diagnostics request changed (screens re-read)."""

    rollout_id: UUID | None = None
    diagnostics_request_id: UUID | None = None
    station_id: UUID | None = None


@dataclass(frozen=True)
class CertificatesChanged(Event):
    """The site's TLS certificates changed (generated, renewed, or the site's own put in place):
    the wss:// listener loads them for its next handshakes."""


Listener = Callable[[Any], None]


@dataclass
class EventBus:
    _listeners: dict[type, list[Listener]] = field(default_factory=lambda: defaultdict(list))

    def subscribe(self, event_type: type[Event], listener: Listener) -> Callable[[], None]:
        """Listen for one kind of event; returns a function that stops listening."""
        self._listeners[event_type].append(listener)

        def unsubscribe() -> None:
            try:
                self._listeners[event_type].remove(listener)
            except ValueError:
                pass

        return unsubscribe

    def publish(self, event: Event) -> None:
        for listener in list(self._listeners.get(type(event), ())):
            try:
                listener(event)
            except Exception:
                log.exception("listener %r failed on %s", listener, type(event).__name__)

    def has_listeners(self, event_type: type[Event]) -> bool:
        return bool(self._listeners.get(event_type))


@dataclass(frozen=True)
class CompatibilityChanged(Event):
    """A station's compatibility profile changed (probe finding, operator edit, model profile)."""

    station_id: UUID


@dataclass(frozen=True)
class SharedDatabaseStatus(Event):
    """The sync with the site's shared database changed state (connected, unreachable since …,
    waiting for consent, refused, off); `sentence` is what the status line shows."""

    state: str
    since: datetime
    detail: str
    sentence: str


@dataclass(frozen=True)
class RelayedCommand(Event):
    """Another seat asks this seat to send a remote command to a station connected here
    (`payload`: the call's fields); the OCPP server sends it and reports the outcome to
    `SharedDatabaseService.command_done(command_id, …)`."""

    command_id: int
    station_id: object
    action: str
    payload: dict


@dataclass(frozen=True)
class SyncConflictsFound(Event):
    """Changes made on this seat lost to another seat's change of the same records (found by the
    shared-database sync); the losing values are in the conflicts list."""

    count: int


@dataclass(frozen=True)
class CircuitsChanged(Event):
    """A load-management circuit, a station on it or its schedule was added, changed or deleted."""

    circuit_id: UUID | None = None


@dataclass(frozen=True)
class LoadLimitNotApplied(Event):
    """A station does not keep the limit load management sent (measured current above limit + 10 %
    at two readings in a row, or a composite schedule above it); `text` says so in words."""

    station_id: UUID
    connector_id: int
    limit_a: float
    found_a: float | None
    text: str
    at: datetime


@dataclass(frozen=True)
class LoadAllocated(Event):
    """Load management shared the circuits again: `snapshot` is a `core.load.controller.LoadSnapshot`."""

    snapshot: Any
    at: datetime


@dataclass(frozen=True)
class StationCertificateRequested(Event):
    """A station sent a certificate signing request (`automatic`: the site signs it without an admin;
    the OCPP side does it) or, with `decided`, an admin took it off the pending list."""

    request_id: object
    station_id: object
    automatic: bool
    decided: bool = False
