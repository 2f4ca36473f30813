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
