"""All tables of the evdesk store. Import models from here."""

from evdesk.store.models.aggregates import (
    AggregateBacklog,
    AGGREGATE_MODELS,
    ConnectorDay,
    ConnectorDayRevenue,
    ConnectorHour,
    ConnectorMonth,
    ConnectorMonthRevenue,
    ConnectorHourRevenue,
    SessionHour,
)
from evdesk.store.models.api import ApiKey
from evdesk.store.models.base import BaseModel, LogModel, SyncedModel, database_proxy, utcnow
from evdesk.store.models.compat import ModelCompatibility, StationCompatibility
from evdesk.store.models.charging import MeterValue, Reservation, Transaction
from evdesk.store.models.feed import ChangeFeed, LocalState
from evdesk.store.models.notifications import NotificationMail, NotificationRule
from evdesk.store.models.invoicing import Invoice, InvoiceLine, InvoiceRun, InvoiceSession, MailAttempt
from evdesk.store.models.firmware import DiagnosticsRequest, FirmwareFile, FirmwareRollout, RolloutStation
from evdesk.store.models.load import Circuit, CircuitSchedule, CircuitStation
from evdesk.store.models.logs import (
    ActionLog,
    AuthorizationAttempt,
    MessageLog,
    StationEvent,
    StatusEvent,
)
from evdesk.store.models.people import (
    AccessRight,
    ChargingUser,
    LocalListState,
    Operator,
    Token,
    UserGroup,
    Vehicle,
)
from evdesk.store.models.reports import SavedReport
from evdesk.store.models.ocpp201 import TransactionRef
from evdesk.store.models.pricing import AccessProfile, Tariff, TariffAssignment, TariffGroup
from evdesk.store.models.scheduling import ScheduledTask, TaskLease, TaskRun, TaskRunTarget
from evdesk.store.models.site import (
    ChargingGroup,
    Connector,
    Evse,
    Location,
    SchemaVersion,
    Setting,
    Station,
    StationConfigKey,
    StationTemplate,
)
from evdesk.store.models.security import PendingCertificateRequest
from evdesk.store.models.sync import SyncConflict

# Creation order: every table after the tables it refers to.
ALL_MODELS = [
    SchemaVersion,
    Setting,
    ChargingGroup,
    Location,
    Station,
    Evse,
    Connector,
    StationConfigKey,
    StationTemplate,
    Operator,
    UserGroup,
    ChargingUser,
    Vehicle,
    Token,
    AccessRight,
    LocalListState,
    Tariff,
    TariffGroup,
    TariffAssignment,
    AccessProfile,
    Transaction,
    MeterValue,
    Reservation,
    StatusEvent,
    StationEvent,
    MessageLog,
    ActionLog,
    AuthorizationAttempt,
    ApiKey,
    NotificationRule,
    NotificationMail,
    InvoiceRun,
    Invoice,
    InvoiceLine,
    InvoiceSession,
    MailAttempt,
    ChangeFeed,
    LocalState,
    ScheduledTask,
    TaskLease,
    TaskRun,
    TaskRunTarget,
    FirmwareFile,
    FirmwareRollout,
    RolloutStation,
    DiagnosticsRequest,
    SessionHour,
    ConnectorHour,
    ConnectorHourRevenue,
    ConnectorDay,
    ConnectorDayRevenue,
    ConnectorMonth,
    ConnectorMonthRevenue,
    AggregateBacklog,
    SavedReport,
    StationCompatibility,
    ModelCompatibility,
    TransactionRef,
    SyncConflict,
    Circuit,
    CircuitStation,
    CircuitSchedule,
    PendingCertificateRequest,
]

__all__ = [m.__name__ for m in ALL_MODELS] + [
    "ALL_MODELS",
    "AGGREGATE_MODELS",
    "BaseModel",
    "LogModel",
    "SyncedModel",
    "database_proxy",
    "utcnow",
]
