"""Makes a site database with many charging sessions for the sessions benchmark.

    python tests/benchmarks/sessions_dataset.py [--sessions 1000000] [--out DIR]

A real evdesk database (opened and migrated by the store, so it has every index),
then filled with multi-row INSERTs of rows built from the store models' own columns
and value conversions: 3 top charging groups with 2 subgroups each, 60 stations (or
`--stations`) with 2 connectors, 24 user groups, 3,000 charging users with a token each (and some
vehicles), and N sessions over the past two years (newest the last few hours, a few
still running), with energy, stop reasons, plausibility flags on ~1 %, and prices
(three tariffs' breakdowns) on the finished ones. Prints the folder and how long it took.
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

from evdesk.core.pricing.engine import Usage, price  # noqa: E402
from evdesk.core.pricing.tariff import prices_from_dict  # noqa: E402
from evdesk.store import models as m  # noqa: E402
from evdesk.store.database import Store  # noqa: E402
from evdesk.store.fields import uuid7  # noqa: E402

ROWS_PER_INSERT = 500
FIRST = ("Ann", "Bo", "Chen", "Dana", "Eero", "Fatima", "Gustav", "Hanna", "Ilkka", "Jüri", "Kaisa", "Lars", "Maija",
         "Niko", "Olga", "Pekka", "Rosa", "Sami", "Tiina", "Ulla", "Väinö", "Wen", "Xenia", "Yusuf", "Zoë")
LAST = ("Aalto", "Berg", "Corte", "Dahl", "Eklund", "Forsman", "Grönlund", "Heikkinen", "Isaksson", "Järvinen",
        "Korhonen", "Lindqvist", "Mäkelä", "Nieminen", "Öberg", "Peltonen", "Rantanen", "Salo", "Toivonen", "Virtanen")
TARIFFS = {
    "Depot standard": {"kind": "energy_time", "energy_price": "0.30", "time_price": "1", "time_unit": "hour",
                       "connection_fee": "0.50"},
    "Fleet flat": {"kind": "flat", "session_price": "4"},
    "Free": {"kind": "free"},
}


def insert(model, rows: list[dict]) -> None:
    """Multi-row INSERTs of `rows` (dicts by field name), every field the model has filled in
    with its default and converted by the field itself, as the store would write it."""
    fields = list(model._meta.sorted_fields)
    defaults = {}
    for f in fields:
        if f.default is not None and not callable(f.default):
            defaults[f.name] = f.default
    table = model._meta.table_name
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    one = "(" + ", ".join("?" for _ in fields) + ")"
    db = model._meta.database
    for i in range(0, len(rows), ROWS_PER_INSERT):
        part = rows[i:i + ROWS_PER_INSERT]
        values = []
        for row in part:
            for f in fields:
                value = row.get(f.name, defaults.get(f.name))
                if value is None and callable(f.default):
                    value = f.default()
                values.append(None if value is None else f.db_value(value))
        db.execute_sql(f'INSERT INTO "{table}" ({columns}) VALUES ' + ", ".join([one] * len(part)), values)


def make(folder: Path, sessions: int, seed: int = 7, station_count: int = 60) -> dict:
    rnd = random.Random(seed)
    store = Store.sqlite(folder / "evdesk.db")
    store.open()
    now = datetime.now(timezone.utc).replace(microsecond=0)

    def fill():
        db = m.Transaction._meta.database
        with db.atomic():
            groups, top = [], []
            for name in ("Depot North", "Depot South", "Headquarters"):
                gid = uuid7()
                top.append(gid)
                groups.append({"id": gid, "name": name})
                for sub in ("Bay A", "Bay B"):
                    groups.append({"id": uuid7(), "name": f"{name} {sub}", "parent": gid})
            insert(m.ChargingGroup, groups)
            leaves = [g["id"] for g in groups if g.get("parent")]
            stations, connectors = [], []
            for n in range(station_count):
                sid = uuid7()
                stations.append({"id": sid, "identity": f"CP-{n:04d}", "name": f"Charger {n + 1}",
                                 "group": leaves[n % len(leaves)]})
                for c in (1, 2):
                    connectors.append({"id": uuid7(), "station": sid, "connector_id": c,
                                       "socket_type": "CCS" if n % 10 == 0 else "Type2"})
            insert(m.Station, stations)
            insert(m.Connector, connectors)
            user_groups = [{"id": uuid7(), "name": f"Team {n + 1}"} for n in range(24)]
            insert(m.UserGroup, user_groups)
            users, tokens, vehicles = [], [], []
            for n in range(3000):
                uid = uuid7()
                users.append({"id": uid, "first_name": FIRST[n % len(FIRST)], "last_name": LAST[(n // 7) % len(LAST)],
                              "email": f"driver{n}@fleet.example", "user_group": user_groups[n % 24]["id"]})
                tag = f"04{n:08X}"
                tokens.append({"id": uuid7(), "uid": tag, "uid_key": tag, "name": f"card {n}", "user": uid})
                if n % 3 == 0:
                    vehicles.append({"id": uuid7(), "user": uid, "registration_plate": f"EV-{n:04d}"})
            insert(m.ChargingUser, users)
            insert(m.Token, tokens)
            insert(m.Vehicle, vehicles)
            breakdowns = {}
            for name, spec in TARIFFS.items():
                prices = prices_from_dict(spec)
                b = price(prices, Usage(now - timedelta(hours=2), now, 12_345))
                breakdowns[name] = (prices.to_dict(), b.to_dict(), int(b.total * 100), b.currency)
            span = timedelta(days=730).total_seconds()
            rows = []
            for n in range(sessions):
                # newest last: ids stay time-ordered like the real ones; start times spread over two years
                started = now - timedelta(seconds=span * (1 - (n + 1) / sessions) + rnd.random() * 60 + 300)
                station = stations[rnd.randrange(len(stations))]
                who = rnd.randrange(len(users))
                running = n >= sessions - 20
                minutes = rnd.randint(5, 600)
                wh = rnd.randint(500, 60_000)
                meter_start = rnd.randint(0, 5_000_000)
                tariff = ("Depot standard", "Fleet flat", "Free")[who % 3]
                prices, cost, minor, currency = breakdowns[tariff]
                state = "active" if running else ("failed" if n % 97 == 0 else ("closed_inactive" if n % 211 == 0
                                                                                 else "completed"))
                row = {"id": uuid7(), "ocpp_id": n + 1, "station": station["id"], "connector_id": 1 + n % 2,
                       "id_tag": tokens[who]["uid"], "token": tokens[who]["id"], "user": users[who]["id"],
                       "state": state, "started_at": started, "meter_start_wh": meter_start,
                       "tariff_name": tariff, "tariff_prices": prices, "flags": ["meter_stop_below_start"] if n % 101 == 0 else []}
                if not running:
                    row.update(stopped_at=started + timedelta(minutes=minutes), meter_stop_wh=meter_start + wh,
                               meter_last_wh=meter_start + wh, energy_wh=wh, stop_reason=("EVDisconnected", "Local",
                                                                                           "Remote")[n % 3],
                               cost=cost, cost_total_minor=minor, currency=currency, cost_state="final")
                else:
                    row.update(started_at=now - timedelta(minutes=30 + n % 20), meter_last_wh=meter_start + 1000)
                rows.append(row)
                if len(rows) >= 20_000:
                    insert(m.Transaction, rows)
                    rows = []
            insert(m.Transaction, rows)
        db.execute_sql("ANALYZE")
        return {"stations": len(stations), "users": len(users)}

    counts = store.call_sync(fill)
    store.close()
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=1_000_000)
    parser.add_argument("--stations", type=int, default=60)
    parser.add_argument("--out", type=Path, default=None, help="folder (default: a new temporary folder)")
    args = parser.parse_args()
    folder = args.out or Path(tempfile.mkdtemp(prefix="evdesk-sessions-"))
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    counts = make(folder, args.sessions, station_count=args.stations)
    size = (folder / "evdesk.db").stat().st_size / 1e6
    print(f"{args.sessions:,} sessions, {counts['stations']} stations, {counts['users']:,} users in {folder} "
          f"({size:,.0f} MB) made in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
