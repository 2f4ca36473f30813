"""Migration 15 on a database made before it: the firmware and diagnostics tables appear."""

from __future__ import annotations

import sqlite3

from evdesk.store.database import Store

TABLES = ("firmware_file", "firmware_rollout", "rollout_station", "diagnostics_request")


def test_migration_15_adds_the_firmware_tables(tmp_path):
    path = tmp_path / "old.db"
    store = Store.sqlite(path)
    store.open()
    store.close()
    con = sqlite3.connect(path)  # as a database of the release before: without migration 15 and its tables
    for table in TABLES:
        con.execute(f'DROP TABLE "{table}"')
    con.execute("DELETE FROM schema_version WHERE version = 15")
    con.commit()
    con.close()
    store = Store.sqlite(path)
    applied = store.open()
    store.close()
    assert applied == [15]
    con = sqlite3.connect(path)
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert set(TABLES) <= names
    columns = {r[1] for r in con.execute('PRAGMA table_info("rollout_station")')}
    assert {"id", "version", "updated_at", "deleted_at", "rollout_id", "station_id", "state", "detail",
            "changed_at"} <= columns
