"""CSV import of a fleet: 10,000 users with two tokens and a vehicle each.

    python tests/benchmarks/csv_import_benchmark.py [--users 10000]

Prints the import time (parse, check every row, insert in batches on the database
worker, refresh the authorization index) and the export time.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from evdesk.core.csv_io import COLUMNS  # noqa: E402
from evdesk.core.permissions import SYSTEM_CONTEXT  # noqa: E402
from evdesk.core.services import Services  # noqa: E402
from evdesk.settings import SiteSettings  # noqa: E402
from evdesk.store.database import Store  # noqa: E402


def make_csv(n: int) -> str:
    lines = [",".join(COLUMNS)]
    for i in range(n):
        lines.append(f"Driver{i},Fleet,driver{i}@fleet.test,+358 40 {i:07d},Drivers,active,,"
                     f"04{i:08X}A;04{i:08X}B,card;spare,2025-01-01,,FLT-{i},Depot,")
    return "\n".join(lines) + "\n"


async def main(args) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.sqlite(Path(tmp) / "bench.db")
        store.open()
        services = Services(store, SiteSettings())
        await services.start(load_settings=False)
        await services.people.groups.create(SYSTEM_CONTEXT, "Drivers")
        await services.groups.add(SYSTEM_CONTEXT, "Depot")
        text = make_csv(args.users)
        t0 = time.perf_counter()
        result = await services.people.csv.import_text(SYSTEM_CONTEXT, text)
        took = time.perf_counter() - t0
        print(f"imported {result.users_added} users, {result.tokens_added} tokens "
              f"({len(result.problems)} problems) in {took:.2f} s")
        t0 = time.perf_counter()
        exported = await services.people.reads.export_csv(SYSTEM_CONTEXT)
        print(f"exported {exported.count(chr(10)) - 1} users in {time.perf_counter() - t0:.2f} s")
        print(f"index now holds {len(services.auth.index.tokens_by_key)} tokens")
        await services.stop()
        store.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=10_000)
    asyncio.run(main(parser.parse_args()))
