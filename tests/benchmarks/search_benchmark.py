"""How fast the universal search (Ctrl+K, `core/reads/search.py`) answers on a big site.

    python3 tests/benchmarks/search_benchmark.py [--stations 2000] [--users 10000] [--sessions 200000]

Makes a real evdesk database (the store's migrations, so every index) with 6 charging groups,
`--stations` stations (serial numbers too), `--users` charging users with a token each and
`--sessions` sessions, opens the site's services on it as the desk does, and prints the time of
each kind of query (median and worst of 15 runs) for a whole-site admin and for an operator of
one sub-group. A figure, not a test: the machine may be busy.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from evdesk.core.permissions import ADMIN, BASIC, OperatorContext  # noqa: E402
from evdesk.core.services import Services  # noqa: E402
from evdesk.settings import SiteSettings  # noqa: E402
from evdesk.store import models as m  # noqa: E402
from evdesk.store.database import Store  # noqa: E402
from evdesk.store.fields import uuid7  # noqa: E402
from tests.benchmarks.sessions_dataset import FIRST, LAST, insert  # noqa: E402

RUNS = 15


def make(folder: Path, station_count: int, user_count: int, session_count: int) -> None:
    rnd = random.Random(11)
    store = Store.sqlite(folder / "evdesk.db")
    store.open()
    now = datetime.now(timezone.utc).replace(microsecond=0)

    def fill():
        db = m.Transaction._meta.database
        with db.atomic():
            groups = []
            for name in ("Depot North", "Depot South", "Headquarters"):
                gid = uuid7()
                groups.append({"id": gid, "name": name})
                groups += [{"id": uuid7(), "name": f"{name} {sub}", "parent": gid} for sub in ("Bay A", "Bay B")]
            insert(m.ChargingGroup, groups)
            leaves = [g["id"] for g in groups if g.get("parent")]
            stations = [{"id": uuid7(), "identity": f"CP-{n:05d}", "name": f"Charger {n + 1}",
                         "serial_number": f"SN{n * 7919 % 1_000_000:06d}", "group": leaves[n % len(leaves)]}
                        for n in range(station_count)]
            insert(m.Station, stations)
            insert(m.Connector, [{"id": uuid7(), "station": s["id"], "connector_id": c} for s in stations for c in (1, 2)])
            users, tokens = [], []
            for n in range(user_count):
                uid = uuid7()
                users.append({"id": uid, "first_name": FIRST[n % len(FIRST)], "last_name": LAST[(n // 7) % len(LAST)],
                              "email": f"driver{n}@fleet.example", "home_group": leaves[n % len(leaves)]})
                tag = f"04{n:08X}"
                tokens.append({"id": uuid7(), "uid": tag, "uid_key": tag, "name": f"card {n}", "user": uid})
            insert(m.ChargingUser, users)
            insert(m.Token, tokens)
            rows = []
            for n in range(session_count):
                who = rnd.randrange(user_count)
                running = n >= session_count - 50
                rows.append({"id": uuid7(), "ocpp_id": n + 1, "station": stations[rnd.randrange(station_count)]["id"],
                             "connector_id": 1 + n % 2, "id_tag": tokens[who]["uid"], "token": tokens[who]["id"],
                             "user": users[who]["id"], "state": "active" if running else "completed",
                             "started_at": now - timedelta(minutes=(session_count - n) * 3)})
                if len(rows) >= 20_000:
                    insert(m.Transaction, rows)
                    rows = []
            insert(m.Transaction, rows)
        db.execute_sql("ANALYZE")

    store.call_sync(fill)
    store.close()


async def timed(call) -> tuple[float, float, int]:
    times, found = [], 0
    for _ in range(RUNS):
        t = time.perf_counter()
        result = await call()
        times.append(time.perf_counter() - t)
        found = sum(len(h) for h in result.hits.values())
    return statistics.median(times) * 1000, max(times) * 1000, found


async def run(folder: Path) -> None:
    store = Store.sqlite(folder / "evdesk.db")
    store.open()
    services = Services(store, SiteSettings())
    await services.start(load_settings=False)
    try:
        leaf = next(g for g in services.group_tree.groups.values() if g.parent_id is not None)
        who = [("whole-site admin", OperatorContext(None, "admin", ADMIN)),
               (f"operator of '{leaf.name}'", services.groups.fresh(OperatorContext(None, "op", BASIC,
                                                                                     base_group_id=leaf.id)))]
        texts = {"station identity 'CP-0123'": "CP-0123", "station name 'charger 1999'": "charger 1999",
                 "serial 'SN0079'": "SN0079", "user name 'Mäkelä'": "Mäkelä", "e-mail 'driver9876@'": "driver9876@",
                 "token uid '0400001F'": "0400001F", "session number '12345'": "12345",
                 "group 'depot'": "depot", "nothing 'zzzz'": "zzzz", "two letters 'ch'": "ch"}
        for label, ctx in who:
            print(f"\n== {label}")
            worst = 0.0
            for name, text in texts.items():
                median, top, found = await timed(lambda text=text: services.search.search(ctx, text))
                worst = max(worst, median)
                print(f"  {name:32s} median {median:6.1f} ms   worst {top:6.1f} ms   {found:3d} hits")
            print(f"  slowest median: {worst:.1f} ms (the popup waits {150} ms after the last key before asking)")
    finally:
        await services.stop()
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stations", type=int, default=2000)
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--sessions", type=int, default=200_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="evdesk-search-") as tmp:
        folder = Path(tmp)
        t = time.perf_counter()
        make(folder, args.stations, args.users, args.sessions)
        print(f"{args.stations:,} stations, {args.users:,} users with a token each, {args.sessions:,} sessions "
              f"made in {time.perf_counter() - t:.1f} s")
        asyncio.run(run(folder))


if __name__ == "__main__":
    main()
