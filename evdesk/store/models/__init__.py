"""All tables of the evdesk store. Import models from here."""

from evdesk.store.models.api import ApiKey
from evdesk.store.models.base import BaseModel, LogModel, SyncedModel, database_proxy, utcnow
from evdesk.store.models.charging import MeterValue, Reservation, Transaction
from evdesk.store.models.feed import ChangeFeed, LocalState
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
)
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
    ChangeFeed,
    LocalState,
    ScheduledTask,
    TaskLease,
    TaskRun,
    TaskRunTarget,
    SyncConflict,
]

__all__ = [m.__name__ for m in ALL_MODELS] + [
    "ALL_MODELS",
    "BaseModel",
    "LogModel",
    "SyncedModel",
    "database_proxy",
    "utcnow",
]
