"""Migration 18 (issue 16) upgrades a database from before locations, system status and EVSE details."""

from __future__ import annotations

import sqlite3

from evdesk.store.database import Store

NEW_COLUMNS = {"location": ["postcode", "city", "country", "group_id"], "station": ["system_status", "integration_date"],
               "evse": ["current_type", "phases", "phase", "phase_rotation", "emi3_id"], "connector": ["cable"]}


def columns(path, table):
    return [row[1] for row in sqlite3.connect(path).execute(f'PRAGMA table_info("{table}")')]


def test_migration_18_adds_its_columns_and_table_to_an_older_database(tmp_path):
    path = tmp_path / "old.db"
    store = Store.sqlite(path)
    store.open()
    store.close()
    db = sqlite3.connect(path)  # back to the schema before 18
    db.execute('DROP TABLE "location"')  # its new foreign key cannot be dropped alone: the old table
    db.execute('CREATE TABLE "location" ("id" TEXT NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL, "updated_at" '
               'DATETIME NOT NULL, "deleted_at" DATETIME, "name" VARCHAR(200) NOT NULL, "address" TEXT NOT NULL, '
               '"timezone" VARCHAR(64) NOT NULL, "latitude" REAL, "longitude" REAL)')
    for table, names in NEW_COLUMNS.items():
        for name in names if table != "location" else ():
            db.execute(f'ALTER TABLE "{table}" DROP COLUMN "{name}"')
    db.execute('DROP TABLE "station_template"')
    db.execute('ALTER TABLE "station" DROP COLUMN "security_profile"')  # migration 19 comes after
    db.execute("DELETE FROM schema_version WHERE version IN (18, 19)")
    db.execute("INSERT INTO station (id, version, updated_at, identity, name, registration, ocpp_version, vendor, model,"
               " serial_number, firmware_version, iccid, imsi, meter_type, meter_serial_number, access_mode,"
               " heartbeat_interval, meter_value_interval, strip_id_tag_suffix, skip_schema_validation, timezone,"
               " connection_state, firmware_status, diagnostics_status, notes) VALUES ('0a', 1, '2026-01-01', 'OLD-1',"
               " 'Old', 'adopted', '1.6', '', '', '', '', '', '', '', '', 'public', 300, 60, 1, 0, '', 'never_connected',"
               " '', '', '')")
    db.commit()
    db.close()
    assert "system_status" not in columns(path, "station")
    store = Store.sqlite(path)
    assert store.open() == [18, 19]
    store.close()
    for table, names in NEW_COLUMNS.items():
        assert set(names) <= set(columns(path, table)), table
    assert "charger_model" in columns(path, "station_template")
    row = sqlite3.connect(path).execute("SELECT system_status FROM station WHERE identity = 'OLD-1'").fetchone()
    assert row == ("active",)
