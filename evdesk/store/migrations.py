"""Numbered schema migrations. Opening an older database upgrades it in one transaction.

Each migration runs once, in order, and records its number in `schema_version`.
Migration 1 creates the tables as they are in this release; every later migration
must be written against the schema it finds (use `add_column_if_missing` and
friends), because a fresh database gets migration 1 from the current models.
"""

from __future__ import annotations

from collections.abc import Callable

import peewee

from evdesk.store import models
from evdesk.store.models import utcnow


class DatabaseTooNew(RuntimeError):
    """The database was written by a newer evdesk than this one."""


class MigrationBroke(RuntimeError):
    """A migration would break the database's references; it was rolled back."""


def _initial_schema(db: peewee.Database) -> None:
    db.create_tables(models.ALL_MODELS, safe=True)


def add_column_if_missing(db: peewee.Database, table: str, name: str, field: peewee.Field) -> None:
    from playhouse.migrate import PostgresqlMigrator, SqliteMigrator, migrate

    if any(col.name == name for col in db.get_columns(table)):
        return
    migrator = PostgresqlMigrator(db) if isinstance(db, peewee.PostgresqlDatabase) else SqliteMigrator(db)
    migrate(migrator.add_column(table, name, field))


def _charging_users_and_local_lists(db: peewee.Database) -> None:
    """Issue 3: date-only token validity, per-station local authorization list state."""
    add_column_if_missing(db, "token", "valid_from_day", peewee.DateField(null=True))
    add_column_if_missing(db, "token", "valid_to_day", peewee.DateField(null=True))
    db.create_tables([models.LocalListState], safe=True)


def _api_keys(db: peewee.Database) -> None:
    """Issue 5: API keys for the automation API."""
    db.create_tables([models.ApiKey], safe=True)


OCPP_INTEGER_MAX = 2**31 - 1


def _change_feed_and_station_numbers(db: peewee.Database) -> None:
    """Issue 9: the change feed and this seat's own state. Issue 8: a session the station
    numbered itself (a Stop for a Start evdesk never saw) keeps the station's number in
    `station_transaction_id`; evdesk's own ids never derive from it again. Rows stored
    with an out-of-range station number get an id below zero (never handed out)."""
    db.create_tables([models.ChangeFeed, models.LocalState], safe=True)
    add_column_if_missing(db, "transaction", "station_transaction_id", peewee.BigIntegerField(null=True))
    T = models.Transaction
    low = T.select(peewee.fn.MIN(T.ocpp_id)).scalar() or 0
    for row_id, number in list(T.select(T.id, T.ocpp_id).where(T.ocpp_id > OCPP_INTEGER_MAX).tuples()):
        low = min(low, 0) - 1
        T.update(ocpp_id=low, station_transaction_id=number).where(T.id == row_id).execute()


def _home_groups(db: peewee.Database) -> None:
    """Issue 8: charging users and tokens belong to a home charging group (operators see
    the ones homed in their domain). An existing user gets the lowest group above all the
    groups of their access rights (a station right counts as the station's group); a user
    without rights, with a right outside every group, or with rights under different top
    groups stays site-wide (empty). A token of a user takes the user's group; a token
    without a user stays empty (site-wide)."""
    G, U, T, R, S = models.ChargingGroup, models.ChargingUser, models.Token, models.AccessRight, models.Station
    for table in ("charging_user", "token"):
        add_column_if_missing(db, table, "home_group_id",
                              peewee.ForeignKeyField(G, field=G.id, null=True, on_delete="SET NULL"))
    parent_of = dict(G.select(G.id, G.parent).where(G.deleted_at.is_null()).tuples())
    station_group = dict(S.select(S.id, S.group).where(S.deleted_at.is_null()).tuples())
    groups_of: dict = {}
    rights = R.select(R.user, R.group, R.station).join(U, on=(R.user == U.id)).where(
        R.deleted_at.is_null() & U.deleted_at.is_null())
    for user_id, group_id, station_id in rights.tuples():
        if group_id is not None:
            if group_id in parent_of:
                groups_of.setdefault(user_id, []).append(group_id)
        elif station_id in station_group:
            group_id = station_group[station_id]
            groups_of.setdefault(user_id, []).append(group_id if group_id in parent_of else None)
    users_by_home: dict = {}
    for user_id, group_ids in groups_of.items():
        home = lowest_common_group(group_ids, parent_of)
        if home is not None:
            users_by_home.setdefault(home, []).append(user_id)
    for home, user_ids in users_by_home.items():
        for start in range(0, len(user_ids), 500):
            U.update(home_group=home).where(U.id.in_(user_ids[start : start + 500])).execute()
    T.update(home_group=U.select(U.home_group).where(U.id == T.user)).where(T.user.is_null(False)).execute()


def lowest_common_group(group_ids: list, parent_of: dict) -> object | None:
    """The deepest group that is one of `group_ids` or above every one of them; None when
    there is none (a None among them: outside every group)."""
    if not group_ids or any(g is None for g in group_ids):
        return None

    def chain(group_id) -> list:  # the group, its parent, ..., the top
        out, seen = [], set()
        while group_id is not None and group_id not in seen:
            seen.add(group_id)
            out.append(group_id)
            group_id = parent_of.get(group_id)
        return out

    common = chain(group_ids[0])
    for group_id in group_ids[1:]:
        above = set(chain(group_id))
        common = [g for g in common if g in above]
    return common[0] if common else None


def _tariffs(db: peewee.Database) -> None:
    """Issue 10: tariffs, tariff groups and their assignments; a session keeps the tariff of
    its start (a copy of the prices), its price and its stop limits."""
    db.create_tables([models.Tariff, models.TariffGroup, models.TariffAssignment], safe=True)
    T = models.Transaction
    for name in ("tariff_id", "tariff_name", "tariff_prices", "cost", "cost_total_minor", "currency", "cost_state",
                 "limit_minutes", "limit_wh", "limit_cost_minor"):
        add_column_if_missing(db, "transaction", name, T._meta.fields[name])


SESSION_INDEXES = (
    # newest first, ties by id: the charging log's default order without a sort step
    ("transaction_started_id", "(started_at, id)"),
    # the running (or failed, …) ones, newest first
    ("transaction_state_started", "(state, started_at, id)"),
    # one station's sessions in order (a station panel's sessions tab, the station filter)
    ("transaction_station_started", "(station_id, started_at, id)"),
    # the other sorts; written exactly as the queries write them (store/queries/sessions.py)
    ("transaction_energy_sort", "(COALESCE(energy_wh, -1), id)"),
    ("transaction_cost_sort", "(COALESCE(cost_total_minor, -1), id)"),
)
SQLITE_ONLY_INDEXES = (
    ("transaction_duration_sort",
     "(COALESCE(CAST(((julianday(stopped_at) - julianday(started_at)) * 86400) AS INTEGER), -1), id)"),
)


def _session_indexes(db: peewee.Database) -> None:
    """Issue 10: the charging log over a million sessions (first page and filter changes in a
    fraction of a second): indexes for its default order, the station filter and each sort."""
    indexes = SESSION_INDEXES
    if isinstance(db, peewee.SqliteDatabase):
        indexes += SQLITE_ONLY_INDEXES
    for name, columns in indexes:
        db.execute_sql(f'CREATE INDEX IF NOT EXISTS "{name}" ON "transaction" {columns}')
    if isinstance(db, peewee.SqliteDatabase):
        db.execute_sql('ANALYZE "transaction"')  # the planner's statistics for choosing among them


def _access_profiles(db: peewee.Database) -> None:
    """Issue 10: access-control profiles (days and time windows, members, stations and groups,
    a tariff) and the stop limits of a user group's members. Touches only its own table and
    columns (safe), so it works whichever of 7 and 8 ran first."""
    db.create_tables([models.AccessProfile], safe=True)
    UG = models.UserGroup
    for name in ("limit_minutes", "limit_wh", "limit_cost_minor"):
        add_column_if_missing(db, "user_group", name, UG._meta.fields[name])


def _scheduled_tasks(db: peewee.Database) -> None:
    """Issue 13: scheduled tasks, their runs and per-target outcomes, one lease row per occurrence.
    Only its own tables (safe), so it runs whichever of the parallel migrations ran first."""
    db.create_tables([models.ScheduledTask, models.TaskLease, models.TaskRun, models.TaskRunTarget], safe=True)
def _notifications(db: peewee.Database) -> None:
    """Issue 13: notification rules and the log of notification mails (own tables only)."""
    db.create_tables([models.NotificationRule, models.NotificationMail], safe=True)
    db.execute_sql('CREATE INDEX IF NOT EXISTS "notification_mail_at_id" ON "notification_mail" (at, id)')
def _invoicing(db: peewee.Database) -> None:
    """Issue 11: invoice runs, invoices, their lines, the sessions they bill, mail attempts
    (the invoice settings are a `setting` row). Only its own tables (safe)."""
    db.create_tables([models.InvoiceRun, models.Invoice, models.InvoiceLine, models.InvoiceSession,
                      models.MailAttempt], safe=True)
def _firmware_and_diagnostics(db: peewee.Database) -> None:
    """Issue 16: firmware files and their roll-outs (per-station state), diagnostics requests
    with the files received. The hardware status log reads rows that exist already."""
    db.create_tables([models.FirmwareFile, models.FirmwareRollout, models.RolloutStation,
                      models.DiagnosticsRequest], safe=True)
def _aggregates(db: peewee.Database) -> None:
    """Issue 12: hourly aggregates per charging point (store/aggregates.py), computed from the rows
    already there; saved reports; an index for counting distinct charging users of a period from the sessions."""
    from evdesk.store import aggregates

    db.create_tables(models.AGGREGATE_MODELS + [models.SavedReport], safe=True)
    db.execute_sql('CREATE INDEX IF NOT EXISTS "transaction_started_station_user" '
                   'ON "transaction" (started_at, station_id, user_id)')
    if not models.ConnectorHour.select().exists():
        aggregates.rebuild()
def _aggregate_backlog(db: peewee.Database) -> None:
    """Issue 12: the aggregates are folded in apart from the station answers (store/aggregate_backlog.py);
    what is still to fold in waits in this table. Its own table only."""
    db.create_tables([models.AggregateBacklog], safe=True)


def _pending_certificate_requests(db: peewee.Database) -> None:
    """Issue 15: a station's certificate signing request survives a restart until an admin decides.
    Its own table only."""
    db.create_tables([models.PendingCertificateRequest], safe=True)


def _compatibility_profiles(db: peewee.Database) -> None:
    """Issue 16: compatibility profiles per station and per charger model. Its own tables only."""
    db.create_tables([models.StationCompatibility, models.ModelCompatibility], safe=True)


def _locations_and_hardware(db: peewee.Database) -> None:
    """Issue 16: locations with their address and managing group, a station's system status and
    integration date, EVSEs' and connectors' electrics (AC/DC, phases, rotation, EVSE-ID, socket or
    cable), station templates. Only its own columns and table (safe), whatever ran before."""
    for model, names in ((models.Location, ("postcode", "city", "country", "group_id")),
                         (models.Station, ("system_status", "integration_date")),
                         (models.Evse, ("current_type", "phases", "phase", "phase_rotation", "emi3_id")),
                         (models.Connector, ("cable",))):
        table = model._meta.table_name
        for name in names:
            add_column_if_missing(db, table, name, model._meta.columns[name])
    db.create_tables([models.StationTemplate], safe=True)

def _security_profiles(db: peewee.Database) -> None:
    """Issue 15: each station's OCPP security profile (1 basic auth, 2 TLS, 3 TLS + client certificate)."""
    add_column_if_missing(db, "station", "security_profile", models.Station._meta.fields["security_profile"])


def _ocpp201(db: peewee.Database) -> None:
    """Issue 15: OCPP 2.0.1 transaction ids of stations -> evdesk sessions (own table only)."""
    db.create_tables([models.TransactionRef], safe=True)


def _shared_database_sync(db: peewee.Database) -> None:
    """Issue 14: conflicts found by the shared-database sync, and an index for finding a row's
    latest change in the feed (the sync asks it for every row it pushes or pulls). Only its own
    table and index (safe), so it runs whichever of the parallel migrations ran first."""
    db.create_tables([models.SyncConflict], safe=True)
    db.execute_sql('CREATE INDEX IF NOT EXISTS "change_feed_row" ON "change_feed" (entity, row_id, seq)')


def _load_management(db: peewee.Database) -> None:
    """Issue 17: circuits (a tree), the stations on them, their limits by time of day."""
    db.create_tables([models.Circuit, models.CircuitStation, models.CircuitSchedule], safe=True)


def _load_priorities(db: peewee.Database) -> None:
    """Load management priorities: user groups' priority, users' daily departure time, a session's
    departure set by an operator. Nullable or defaulted columns only (no table rebuild)."""
    for model, name in ((models.UserGroup, "load_priority"), (models.ChargingUser, "departure_time"),
                        (models.Transaction, "departure_at")):
        add_column_if_missing(db, model._meta.table_name, name, model._meta.columns[name])


MIGRATIONS: list[tuple[int, str, Callable[[peewee.Database], None]]] = [
    (1, "initial schema", _initial_schema),
    (2, "token validity days, local authorization lists", _charging_users_and_local_lists),
    (3, "API keys", _api_keys),
    (4, "change feed, seat state, station transaction numbers", _change_feed_and_station_numbers),
    (5, "home charging groups of charging users and tokens", _home_groups),
    (6, "tariffs, tariff groups, session prices and stop limits", _tariffs),
    (7, "indexes of the charging log", _session_indexes),
    (8, "access-control profiles, user-group stop limits", _access_profiles),
    (9, "invoices: runs, invoices, lines, billed sessions, mail attempts", _invoicing),
    (11, "hourly aggregates of sessions and status per charging point, saved reports", _aggregates),
    (12, "scheduled tasks, their runs and leases", _scheduled_tasks),
    (13, "notification rules and the notification mail log", _notifications),
    (14, "compatibility profiles of stations and charger models", _compatibility_profiles),
    (15, "firmware files and roll-outs, diagnostics requests", _firmware_and_diagnostics),
    (16, "shared-database sync: conflicts, change feed row index", _shared_database_sync),
    (17, "OCPP 2.0.1 transaction references", _ocpp201),
    (18, "locations, station system status, EVSE and connector details, station templates", _locations_and_hardware),
    (19, "station security profiles", _security_profiles),
    (20, "load management: circuits, their stations and schedules", _load_management),
    (22, "load management priorities: user-group priority, departure times", _load_priorities),
    (23, "the backlog of hourly aggregates still to fold in", _aggregate_backlog),
    (24, "stations' pending certificate signing requests", _pending_certificate_requests),
]

# migrations that add NOT NULL columns to a table other rows point at (station, transaction, ...): SQLite
# rebuilds that table, so they are checked for broken references before they commit
REBUILDS_REFERENCED_TABLES = {6, 18, 19, 22}

SCHEMA_VERSION = max(number for number, _title, _step in MIGRATIONS)


def current_version(db: peewee.Database) -> int:
    if not db.table_exists(models.SchemaVersion._meta.table_name):
        return 0
    row = models.SchemaVersion.select(peewee.fn.MAX(models.SchemaVersion.version)).scalar()
    return int(row or 0)


def migrate(db: peewee.Database) -> list[int]:
    """Bring the schema up to date; returns the numbers applied."""
    found = current_version(db)
    if found > SCHEMA_VERSION:
        raise DatabaseTooNew(
            f"This database was written by a newer evdesk (schema {found}; this program "
            f"knows up to {SCHEMA_VERSION}). Install the newer evdesk, or open another data folder."
        )
    # Each number that has not run yet runs (not only those above the highest): migrations made on
    # parallel branches (7 and 8) then apply whichever order they were merged and run in.
    done = set() if found == 0 else {int(v) for (v,) in models.SchemaVersion.select(models.SchemaVersion.version).tuples()}
    applied = []
    # SQLite adds a NOT NULL column by copying the table and dropping the old one; with foreign keys
    # on, that DROP deletes the rows first and ON DELETE CASCADE takes every session and reading with
    # them. SQLite's own recipe: foreign keys off for the schema change (a pragma that only works
    # outside a transaction), then check that every reference still holds.
    sqlite = isinstance(db, peewee.SqliteDatabase) and any(n not in done for n, _t, _s in MIGRATIONS)
    if sqlite:
        db.execute_sql("PRAGMA foreign_keys = OFF")
    try:
        for number, _title, step in MIGRATIONS:
            if number in done:
                continue
            with db.atomic():
                if number == 1:
                    db.create_tables([models.SchemaVersion], safe=True)
                step(db)
                if sqlite and number in REBUILDS_REFERENCED_TABLES:
                    # (a whole-database check: seconds on a large site, so only after the migrations that
                    # rebuild a table other rows point at)
                    broken = db.execute_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise MigrationBroke(f"Migration {number} would leave {len(broken)} rows pointing at rows "
                                             f"that no longer exist (first: {broken[0]}); nothing was changed.")
                models.SchemaVersion.create(version=number, applied_at=utcnow())
            applied.append(number)
    finally:
        if sqlite:
            db.execute_sql("PRAGMA foreign_keys = ON")
    return applied
