"""Stations CSV import figure: how long importing N stations takes (each row: a station with
two charging points of one socket each, in a group and at a location; every 20th row refused),
with the time the event loop was blocked at most while it ran.

    python tests/benchmarks/station_import_benchmark.py [--rows 1000]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from evdesk.core.locations import LocationInput  # noqa: E402
from evdesk.core.permissions import SYSTEM_CONTEXT  # noqa: E402
from evdesk.core.services import Services  # noqa: E402
from evdesk.settings import SiteSettings  # noqa: E402
from evdesk.store.database import Store  # noqa: E402


async def main(rows: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.sqlite(Path(tmp) / "bench.db")
        store.open()
        sv = Services(store, SiteSettings())
        await sv.start(load_settings=False)
        await sv.groups.add(SYSTEM_CONTEXT, "Depot")
        await sv.locations.create(SYSTEM_CONTEXT, LocationInput("Depot hall"))
        lines = ["identity,name,group,location,connectors,socket_type,max_power_kw"]
        for n in range(rows):
            identity = f"BENCH-{n:05d}" if n % 20 else f"BENCH {n:05d}"  # every 20th: a forbidden space
            lines.append(f"{identity},Bay {n},Depot,Depot hall,2,Type 2,22")
        text = "\n".join(lines) + "\n"
        worst = 0.0

        async def watch():
            nonlocal worst
            while True:
                start = time.perf_counter()
                await asyncio.sleep(0.01)
                worst = max(worst, time.perf_counter() - start - 0.01)

        watcher = asyncio.create_task(watch())
        start = time.perf_counter()
        result = await sv.station_import.import_text(SYSTEM_CONTEXT, text)
        took = time.perf_counter() - start
        watcher.cancel()
        print(f"{rows} rows: {result.stations_added} stations imported, {result.refused_rows} refused, "
              f"in {took:.1f} s ({rows / took:.0f} rows/s); event loop blocked at most {worst * 1000:.0f} ms")
        await sv.stop()
        store.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1000)
    asyncio.run(main(parser.parse_args().rows))
