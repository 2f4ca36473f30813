"""Automation API figures.

    python tests/benchmarks/api_benchmark.py [--stations 2000] [--seconds 15] [--commands 200]

1. `GET /api/v1/stations` calls per second against evdesk --headless with N stations
   (another process; a client with 8 connections in flight), for the default page
   (100 stations) and the largest page (1,000 stations).
2. The latency a remote command gains by going through the API: the same command
   (ClearCache to a simulated station) through `CommandApi` directly and through
   `POST /api/v1/stations/{id}/commands/clear-cache`, on one loop, median and p99.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from load_benchmark import free_port, prepare_site, stop, wait_port  # noqa: E402


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def make_key(data: Path) -> str:
    from evdesk.store import models as m
    from evdesk.store.database import Store

    store = Store.sqlite(data / "evdesk.db")
    store.open()
    store.close()
    out = subprocess.run([sys.executable, "-m", "evdesk", "api-key", "create", "--operator", "bench", "--data-dir", str(data)],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    return next(word for word in out.stdout.split() if word.startswith("evk_"))


async def hammer(url: str, key: str, seconds: float, concurrency: int = 8) -> tuple[float, float, float]:
    latencies = []
    stop_at = time.monotonic() + seconds
    async with aiohttp.ClientSession(headers={"Authorization": f"Bearer {key}"}) as session:
        async def worker():
            while time.monotonic() < stop_at:
                t0 = time.perf_counter()
                async with session.get(url) as resp:
                    await resp.read()
                    assert resp.status == 200, resp.status
                latencies.append(time.perf_counter() - t0)

        t0 = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - t0
    return len(latencies) / elapsed, percentile(latencies, 50) * 1000, percentile(latencies, 99) * 1000


def bench_list(stations: int, seconds: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        prepare_site(data, stations, "LOADTAG", 1000)
        key = make_key(data)
        port, api_port = free_port(), free_port()
        env = dict(os.environ)
        proc = subprocess.Popen([sys.executable, "-m", "evdesk", "--headless", "--data-dir", str(data), "--port", str(port),
                                 "--host", "127.0.0.1", "--api-port", str(api_port), "--log-level", "WARNING"],
                                cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_port(api_port, 60)
            for limit in (100, 1000):
                url = f"http://127.0.0.1:{api_port}/api/v1/stations?limit={limit}"
                rate, p50, p99 = asyncio.run(hammer(url, key, seconds))
                print(f"GET /api/v1/stations?limit={limit} with {stations} stations: {rate:.0f} calls/s, "
                      f"p50 {p50:.1f} ms, p99 {p99:.1f} ms (8 in flight, {seconds:.0f} s)", flush=True)
        finally:
            stop(proc)


async def bench_command(count: int) -> None:
    from evdesk.api.server import ApiServer
    from evdesk.core.permissions import SYSTEM_CONTEXT
    from evdesk.core.services import Services
    from evdesk.csms.server import CentralSystem
    from evdesk.simulator import SimulatedStation
    from evdesk.settings import SiteSettings
    from evdesk.store import models as m
    from evdesk.store.database import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.sqlite(Path(tmp) / "evdesk.db")
        store.open()
        services = Services(store, SiteSettings(post_boot_quiet_seconds=0.0))
        await services.start(load_settings=False)
        central = CentralSystem(services, "127.0.0.1", 0)
        await central.start()
        api = ApiServer(services, central, "127.0.0.1", 0)
        await api.start()
        info = await services.stations.create_station("BENCH-1", connectors=1, ctx=SYSTEM_CONTEXT)
        await store.run(lambda: m.Operator.create(username="bench", role="admin", status="active"))
        _k, key = await api.keys.create(SYSTEM_CONTEXT, "bench", "bench")
        station = SimulatedStation("BENCH-1", central.url, connectors=1)
        await station.start()
        await station.wait_accepted(10)
        await asyncio.sleep(1.0)  # let the after-boot configuration pass
        ctx = await api.keys.authenticate(key)
        direct, via_api = [], []
        url = f"{api.url}/stations/{info.id}/commands/clear-cache"
        async with aiohttp.ClientSession(headers={"Authorization": f"Bearer {key}"}) as session:
            for i in range(count):
                t0 = time.perf_counter()
                result = await central.commands.clear_cache(info.id, ctx=ctx, reason="benchmark")
                direct.append(time.perf_counter() - t0)
                assert result.ok
                t0 = time.perf_counter()
                async with session.post(url, json={"reason": "benchmark"}) as resp:
                    body = await resp.json()
                    assert resp.status == 200 and body["outcome"] == "accepted", body
                via_api.append(time.perf_counter() - t0)
        await station.stop()
        await api.stop()
        await central.stop()
        await services.stop()
        store.close()
    d50, a50 = statistics.median(direct) * 1000, statistics.median(via_api) * 1000
    d99, a99 = percentile(direct, 99) * 1000, percentile(via_api, 99) * 1000
    print(f"ClearCache round trip ({count} each, alternating): CommandApi p50 {d50:.2f} ms / p99 {d99:.2f} ms; "
          f"through the API p50 {a50:.2f} ms / p99 {a99:.2f} ms; added by the API p50 {a50 - d50:.2f} ms", flush=True)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--stations", type=int, default=2000)
    p.add_argument("--seconds", type=float, default=15)
    p.add_argument("--commands", type=int, default=200)
    args = p.parse_args()
    bench_list(args.stations, args.seconds)
    asyncio.run(bench_command(args.commands))


if __name__ == "__main__":
    main()
