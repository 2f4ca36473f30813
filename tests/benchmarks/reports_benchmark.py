"""Reports over a big site: how long a month by day and a year by month with a breakdown by station
take through the reports service (the aggregates' reads), printed.

    python tests/benchmarks/reports_benchmark.py [--data DIR] [--stations 2000] [--sessions 1000000]
                                                 [--readings 10000000] [--runs 3]

The dataset (reports_dataset.py: 2,000 stations, 1,000,000 sessions over 400 days, 10,000,000
meter readings, status events; aggregates made by the rebuild) is built once into DIR (default
/tmp/evdesk-reports-bench) and reused by later runs: building it takes minutes on this machine
(its times are printed when built, and kept in DIR/dataset.json). Targets (issue 12): a month over
all stations by day ≤ 1 s; a year by month broken down by station ≤ 2 s.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from evdesk.core.permissions import SYSTEM_CONTEXT  # noqa: E402
from evdesk.core.reports.definition import ReportDefinition  # noqa: E402
from evdesk.core.services import Services  # noqa: E402
from evdesk.store.database import Store  # noqa: E402
from tests.benchmarks.reports_dataset import make  # noqa: E402


def dataset(folder: Path, stations: int, sessions: int, readings: int) -> dict:
    marker = folder / "dataset.json"
    if marker.exists():
        found = json.loads(marker.read_text())
        if (found["stations"], found["sessions"]) == (stations, sessions):
            print(f"dataset: reusing {folder} (built earlier: {found})")
            return found
    started = time.perf_counter()
    counts = make(folder, stations, sessions, readings)
    counts["build_total_s"] = round(time.perf_counter() - started, 1)
    marker.write_text(json.dumps(counts))
    print(f"dataset: built {folder}: {counts}")
    return counts


async def measure(services: Services, name: str, definition: ReportDefinition, runs: int, limit: float) -> None:
    times = []
    result = None
    for _ in range(runs):
        started = time.perf_counter()
        result = await services.reports.run(SYSTEM_CONTEXT, definition)
        times.append(time.perf_counter() - started)
    verdict = "within" if min(times) <= limit else "OVER"
    print(f"{name}: first {times[0]:.3f} s, median {statistics.median(times):.3f} s, best {min(times):.3f} s "
          f"({verdict} the {limit:g} s target); {len(result.buckets)} buckets, {len(result.series)} series, "
          f"total {result.total.total:,.1f} {result.unit}")


async def bench(folder: Path, runs: int) -> None:
    store = Store.sqlite(folder / "evdesk.db")
    store.open()
    services = Services(store)
    await services.group_tree.load()
    await services.stations.load()
    today = date.today()
    try:
        await measure(services, "month (last month) over all stations by day, energy",
                      ReportDefinition(metric="energy", period="last_month", grain="day"), runs, 1.0)
        await measure(services, "month by day, sessions, compared with the month before",
                      ReportDefinition(metric="sessions", period="last_month", grain="day", compare="previous"), runs, 1.0)
        await measure(services, "year (last 365 days) by month, energy, broken down by station",
                      ReportDefinition(metric="energy", period="custom", first_day=today - timedelta(days=365),
                                       last_day=today, grain="month", breakdown="station"), runs, 2.0)
        await measure(services, "year by month, utilisation, broken down by station",
                      ReportDefinition(metric="utilisation", period="custom", first_day=today - timedelta(days=365),
                                       last_day=today, grain="month", breakdown="station"), runs, 2.0)
        station = services.stations.all()[0]
        for name, scope, limit in (("station figures per charging point, last 30 days (Statistics tab)",
                                    {"station_id": station.id}, 0.15),
                                   ("every charging point's figures, last 30 days (overview)", {}, 1.0)):
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                figures = await services.station_metrics.last_days(SYSTEM_CONTEXT, 30, **scope)
                times.append(time.perf_counter() - started)
            verdict = "within" if min(times) <= limit else "OVER"
            print(f"{name}: first {times[0]:.3f} s, best {min(times):.3f} s ({verdict} {limit:g} s); "
                  f"{len(figures)} points")
    finally:
        store.close()


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--data", type=Path, default=Path("/tmp/evdesk-reports-bench"))
    p.add_argument("--stations", type=int, default=2000)
    p.add_argument("--sessions", type=int, default=1_000_000)
    p.add_argument("--readings", type=int, default=10_000_000)
    p.add_argument("--runs", type=int, default=3)
    args = p.parse_args()
    dataset(args.data, args.stations, args.sessions, args.readings)
    asyncio.run(bench(args.data, args.runs))


if __name__ == "__main__":
    main()
