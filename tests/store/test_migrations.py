"""Opening, upgrading and refusing databases."""

from __future__ import annotations

import sqlite3

import pytest

from evdesk.store import migrations
from evdesk.store.database import Store
from evdesk.store.migrations import DatabaseTooNew
from evdesk.store.models import ALL_MODELS, SchemaVersion


def test_fresh_database_gets_every_table_in_wal_mode(tmp_path):
    store = Store.sqlite(tmp_path / "a.db")
    assert store.open() == [m[0] for m in migrations.MIGRATIONS]
    tables = store.call_sync(store.db.get_tables)
    for model in ALL_MODELS:
        assert model._meta.table_name in tables
    assert store.call_sync(lambda: store.db.execute_sql("PRAGMA journal_mode").fetchone()[0]) == "wal"
    store.close()


def test_reopening_applies_nothing(tmp_path):
    Store.sqlite(tmp_path / "a.db").open()
    store = Store.sqlite(tmp_path / "a.db")
    assert store.open() == []
    store.close()


def test_database_from_a_newer_evdesk_is_refused_clearly(tmp_path):
    store = Store.sqlite(tmp_path / "a.db")
    store.open()
    store.call_sync(lambda: SchemaVersion.create(version=migrations.SCHEMA_VERSION + 5, applied_at=migrations.utcnow()))
    store.close()
    again = Store.sqlite(tmp_path / "a.db")
    with pytest.raises(DatabaseTooNew, match="newer evdesk"):
        again.open()
    again.close()


def test_a_later_migration_upgrades_an_old_database(tmp_path, monkeypatch):
    store = Store.sqlite(tmp_path / "a.db")
    store.open()
    store.close()

    def add_note(db):
        import peewee

        migrations.add_column_if_missing(db, "station", "site_note", peewee.TextField(default=""))

    later = migrations.SCHEMA_VERSION + 1
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS + [(later, "station note", add_note)])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", later)
    store = Store.sqlite(tmp_path / "a.db")
    assert store.open() == [later]
    store.close()
    columns = [row[1] for row in sqlite3.connect(tmp_path / "a.db").execute("PRAGMA table_info(station)")]
    assert "site_note" in columns


def test_a_failed_migration_leaves_the_database_as_it_was(tmp_path, monkeypatch):
    store = Store.sqlite(tmp_path / "a.db")
    store.open()
    store.close()

    def broken(db):
        db.execute_sql("CREATE TABLE half_done (x INTEGER)")
        raise RuntimeError("power cut")

    found = migrations.SCHEMA_VERSION
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS + [(found + 1, "broken", broken)])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", found + 1)
    store = Store.sqlite(tmp_path / "a.db")
    with pytest.raises(RuntimeError):
        store.open()
    store.close()
    con = sqlite3.connect(tmp_path / "a.db")
    assert con.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == found
    assert not con.execute("SELECT name FROM sqlite_master WHERE name='half_done'").fetchall()


def test_migrations_are_listed_in_order_without_repeats():
    # parallel branches take numbers out of order; the list must still run in order
    from evdesk.store.migrations import MIGRATIONS, SCHEMA_VERSION
    numbers = [number for number, _title, _step in MIGRATIONS]
    assert numbers == sorted(set(numbers)) and SCHEMA_VERSION == numbers[-1]


def _insert(db, table, fixed):
    """A row with every NOT NULL column without a default filled with 0, then `fixed`."""
    columns = {row[1]: row for row in db.execute(f'PRAGMA table_info("{table}")')}
    values = {name: 0 for name, row in columns.items() if row[3] and row[4] is None}
    values.update(fixed)
    db.execute(f'INSERT INTO "{table}" ({", ".join(values)}) VALUES ({", ".join("?" * len(values))})',
               list(values.values()))


def test_an_upgrade_that_rebuilds_referenced_tables_keeps_every_session_and_reading(tmp_path):
    """Adding NOT NULL columns to `station` (19) or `transaction` (6) makes SQLite copy and drop the
    table; with foreign keys on, that drop cascaded into every session or meter reading."""
    path = tmp_path / "old.db"
    store = Store.sqlite(path)
    store.open()
    store.close()
    db = sqlite3.connect(path)
    _insert(db, "station", {"id": "st1", "version": 1, "updated_at": "2026-01-01", "identity": "OLD-1",
                            "name": "Old", "registration": "adopted", "ocpp_version": "1.6", "access_mode": "public",
                            "timezone": "", "connection_state": "never_connected", "system_status": "active",
                            "security_profile": 1})
    _insert(db, "transaction", {"id": "tx1", "station_id": "st1", "version": 1, "updated_at": "2026-01-01",
                                "started_at": "2026-01-01T00:00:00+00:00"})
    _insert(db, "meter_value", {"station_id": "st1", "transaction_id": "tx1",
                                "timestamp": "2026-01-01T00:00:00+00:00"})
    db.commit()
    # back to before migrations 6 and 19
    db.execute('ALTER TABLE "transaction" DROP COLUMN "cost_state"')
    db.execute('ALTER TABLE "station" DROP COLUMN "security_profile"')
    db.execute("DELETE FROM schema_version WHERE version IN (6, 19)")
    db.commit()
    db.close()
    store = Store.sqlite(path)
    assert store.open() == [6, 19]
    store.close()
    db = sqlite3.connect(path)
    counts = [db.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
              for table in ("station", "transaction", "meter_value")]
    assert counts == [1, 1, 1]
