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


MIGRATIONS: list[tuple[int, str, Callable[[peewee.Database], None]]] = [
    (1, "initial schema", _initial_schema),
    (2, "token validity days, local authorization lists", _charging_users_and_local_lists),
    (3, "API keys", _api_keys),
    (4, "change feed, seat state, station transaction numbers", _change_feed_and_station_numbers),
]

SCHEMA_VERSION = MIGRATIONS[-1][0]


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
    applied = []
    for number, _title, step in MIGRATIONS:
        if number <= found:
            continue
        with db.atomic():
            if number == 1:
                db.create_tables([models.SchemaVersion], safe=True)
            step(db)
            models.SchemaVersion.create(version=number, applied_at=utcnow())
        applied.append(number)
    return applied
