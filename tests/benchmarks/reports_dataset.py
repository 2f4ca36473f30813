"""Makes a site database for the reports benchmark: many stations, sessions and meter readings.

    python tests/benchmarks/reports_dataset.py [--stations 2000] [--sessions 1000000]
                                                [--readings 10000000] [--out DIR]

A real evdesk database (opened and migrated by the store, so it has every table and index), filled
with plain multi-row INSERTs in big transactions (synchronous off while loading): 20 charging
groups of 100 stations with 2 connectors each (every tenth a DC one), 3,000 charging users in 24
user groups, N sessions over the past 400 days (15 minutes to 4 hours, two tariffs' prices), each
with readings spread evenly over its time (the register growing with a pause in the middle), and
status events around each session plus a fault now and then. The aggregates are then made by the
rebuild (`evdesk aggregates rebuild`'s work), and timed. Reuses `sessions_dataset.insert` for the
small tables; the big ones go in with executemany of ready-made tuples (no per-row peewee work).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from evdesk.store import aggregates  # noqa: E402
from evdesk.store import models as m  # noqa: E402
from evdesk.store.database import Store  # noqa: E402
from evdesk.store.fields import uuid7  # noqa: E402
from tests.benchmarks.sessions_dataset import insert  # noqa: E402

TARIFFS = (("Depot standard", "EUR", 0.30), ("Fleet flat", "EUR", None))


def stamp(epoch: float) -> str:
    """The store's text form of a UTC time (UtcDateTimeField.db_value)."""
    return datetime.fromtimestamp(epoch, timezone.utc).isoformat(" ", "microseconds")


def make(folder: Path, stations: int = 2000, sessions: int = 1_000_000, readings: int = 10_000_000,
         seed: int = 11) -> dict:
    rnd = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    store = Store.sqlite(folder / "evdesk.db")
    store.open()
    now = datetime.now(timezone.utc).replace(minute=0, second=0, microsecond=0)
    figures: dict = {}

    def fill():
        db = m.Transaction._meta.database
        db.execute_sql("PRAGMA synchronous = OFF")
        started = time.perf_counter()
        with db.atomic():
            groups = [{"id": uuid7(), "name": f"Site {n + 1:02d}"} for n in range(20)]
            insert(m.ChargingGroup, groups)
            station_rows, connectors = [], []
            for n in range(stations):
                sid = uuid7()
                station_rows.append({"id": sid, "identity": f"RP-{n:05d}", "name": f"Charger {n + 1}",
                                     "group": groups[n % len(groups)]["id"]})
                for c in (1, 2):
                    connectors.append({"id": uuid7(), "station": sid, "connector_id": c, "status": "Available",
                                       "socket_type": "CCS" if n % 10 == 0 else "Type2"})
            insert(m.Station, station_rows)
            insert(m.Connector, connectors)
            user_groups = [{"id": uuid7(), "name": f"Team {n + 1}"} for n in range(24)]
            insert(m.UserGroup, user_groups)
            users = [{"id": uuid7(), "first_name": f"Driver {n}", "last_name": "Fleet",
                      "email": f"driver{n}@fleet.example", "user_group": user_groups[n % 24]["id"]} for n in range(3000)]
            insert(m.ChargingUser, users)
        conv = m.Transaction.station.db_value
        station_keys = [conv(s["id"]) for s in station_rows]
        user_keys = [conv(u["id"]) for u in users]
        for index in ("meter_value_station_id_timestamp", "meter_value_station_id"):  # made again after the load
            db.execute_sql(f'DROP INDEX IF EXISTS "{index}"')
        tx_columns = ("id", "version", "updated_at", "ocpp_id", "station_id", "connector_id", "id_tag", "user_id",
                      "state", "started_at", "stopped_at", "meter_start_wh", "meter_stop_wh", "meter_last_wh",
                      "energy_wh", "stop_reason", "stop_id_tag", "remote_start", "flags", "tariff_name",
                      "cost_total_minor", "currency", "cost_state")
        tx_sql = (f'INSERT INTO "transaction" ({", ".join(chr(34) + c + chr(34) for c in tx_columns)}) VALUES ('
                  + ", ".join("?" * len(tx_columns)) + ")")
        mv_sql = ('INSERT INTO "meter_value" ("id", "station_id", "transaction_id", "connector_id", "timestamp", '
                  '"context", "energy_wh", "samples") VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        se_sql = ('INSERT INTO "status_event" ("id", "station_id", "connector_id", "status", "error_code", "info", '
                  '"vendor_id", "vendor_error_code", "timestamp", "received_at") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        span = 400 * 86400
        end = now.timestamp()
        per_session = readings / sessions
        cursor = db.cursor()
        txs, mvs, ses = [], [], []
        made_readings = 0
        prefix = uuid7().hex[:12]
        for n in range(sessions):
            start = end - span + span * n / sessions + rnd.random() * 60
            minutes = rnd.randint(15, 240)
            stop = start + minutes * 60
            s = rnd.randrange(stations)
            connector = 1 + (n % 2)
            who = rnd.randrange(3000)
            tx_key = f"{prefix}{n:020x}"
            wh = rnd.randint(1000, 40_000)
            meter_start = rnd.randint(0, 9_000_000)
            failed = n % 53 == 0
            energy = 0 if failed else wh
            tariff, currency, per_kwh = TARIFFS[who % 2]
            cost = int(round(energy / 1000 * per_kwh * 100)) if per_kwh else 400
            count = int(per_session * (n + 1)) - int(per_session * n)  # readings of this session
            at = stamp(start)
            txs.append((tx_key, 1, at, n + 1, station_keys[s], connector, f"04{who:08X}", user_keys[who], "completed",
                        at, stamp(stop), meter_start, meter_start + energy, meter_start + energy, energy, "EVDisconnected",
                        "", 0, "[]", tariff, cost, currency, "final"))
            for k in range(count):
                t = start + (stop - start) * (k + 1) / (count + 1)
                grown = energy * min(1.0, (k + 1) / max(1, count - 1))  # the last ones: full, parked
                mvs.append((f"{tx_key}{k:04x}", station_keys[s], tx_key, connector, stamp(t), "Sample.Periodic",
                            float(meter_start + int(grown)), "[]"))
            made_readings += count
            if n % 4 == 0:  # status around a quarter of the sessions, a fault now and then
                base = f"{tx_key}e"
                ses.append((base + "1", station_keys[s], connector, "Charging", "NoError", "", "", "", at, at))
                ses.append((base + "2", station_keys[s], connector, "Available", "NoError", "", "", "", stamp(stop),
                            stamp(stop)))
                if n % 400 == 0:
                    ses.append((base + "3", station_keys[s], connector, "Faulted", "GroundFailure", "", "", "",
                                stamp(stop + 60), stamp(stop + 60)))
                    ses.append((base + "4", station_keys[s], connector, "Available", "NoError", "", "", "",
                                stamp(stop + 5400), stamp(stop + 5400)))
            if len(mvs) >= 200_000:
                with db.atomic():
                    cursor.executemany(tx_sql, txs)
                    cursor.executemany(mv_sql, mvs)
                    cursor.executemany(se_sql, ses)
                txs, mvs, ses = [], [], []
        with db.atomic():
            cursor.executemany(tx_sql, txs)
            cursor.executemany(mv_sql, mvs)
            cursor.executemany(se_sql, ses)
        figures["raw_rows_s"] = time.perf_counter() - started
        started = time.perf_counter()
        db.execute_sql('CREATE INDEX IF NOT EXISTS "meter_value_station_id_timestamp" ON "meter_value" '
                       '("station_id", "timestamp")')
        db.execute_sql('CREATE INDEX IF NOT EXISTS "meter_value_station_id" ON "meter_value" ("station_id")')
        db.execute_sql("ANALYZE")
        figures["indexes_s"] = time.perf_counter() - started
        started = time.perf_counter()
        with db.atomic():
            counts = aggregates.rebuild()
        figures["rebuild_s"] = time.perf_counter() - started
        db.execute_sql("ANALYZE")
        db.execute_sql("PRAGMA synchronous = NORMAL")
        return {"stations": stations, "sessions": sessions, "readings": made_readings, **counts}

    counts = store.call_sync(fill)
    store.close()
    return {**counts, **figures}


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--stations", type=int, default=2000)
    p.add_argument("--sessions", type=int, default=1_000_000)
    p.add_argument("--readings", type=int, default=10_000_000)
    p.add_argument("--out", type=Path, default=None)
    args = p.parse_args()
    folder = args.out or Path(tempfile.mkdtemp(prefix="evdesk-reports-"))
    started = time.perf_counter()
    counts = make(folder, args.stations, args.sessions, args.readings)
    print(f"{folder}: {counts} in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
