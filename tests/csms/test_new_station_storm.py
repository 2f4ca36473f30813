"""Hundreds of never-seen stations connect at the same moment (accept policy).

The stations run in a process of their own (tests/csms/storm_client.py), against
the real server: no connection may be reset, none refused with 404, every one is
registered once and boots (the boot throttle spreads the Accepted answers).

The disk is made slow (5 ms per write transaction, an SD card or a busy disk):
before, every new station's handshake waited for its own database round trip,
one at a time, so handshakes queued past the 10 s open timeout and were reset
(216 of 800 here), and a handshake cancelled after its row was written made the
station's next try fail with 404 "could not register station".
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from pathlib import Path

from evdesk.store import models as m

STATIONS = int(os.environ.get("EVDESK_STORM_STATIONS", "800"))
SECONDS_PER_WRITE = float(os.environ.get("EVDESK_STORM_WRITE_SECONDS", "0.005"))
ROOT = Path(__file__).resolve().parents[2]


async def run_storm(url: str, count: int, prefix: str) -> dict:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.csms.storm_client", url, str(count), prefix,
        cwd=ROOT, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(proc.communicate(), 240)
    assert proc.returncode == 0, err.decode()[-2000:]
    return json.loads(out.decode().strip().splitlines()[-1])


def slow_disk(services, seconds_per_write: float) -> None:
    """Every write transaction takes this long more (an SD card, a busy disk): the writer is the bottleneck."""
    run = services.store.run

    async def slow_run(fn, *args):
        def slow():
            time.sleep(seconds_per_write)
            return fn(*args)

        return await run(slow)

    services.store.run = slow_run


async def test_new_stations_storming_in_are_all_registered_and_booted(central, services):
    slow_disk(services, SECONDS_PER_WRITE)
    services.settings.unknown_station_policy = "accept"
    services.settings.boot_accept_rate = 150.0
    services.settings.boot_pending_interval_min = 1
    services.settings.boot_pending_interval_max = 30
    gate = services.stations.boot_gate
    gate.rate = gate.capacity = gate.tokens = 150.0

    stats = await run_storm(central.url, STATIONS, "NEW")

    problems = {k: v for k, v in stats.items() if k not in ("accepted", "pending_answers", "slowest_accept_s")}
    assert problems == {}, stats  # no reset, no HTTP 404/500/503, no timeout
    assert stats["accepted"] == STATIONS, stats
    assert stats.get("pending_answers", 0) > 0, "the boot throttle should have spread the storm"
    stored = await services.store.run(lambda: m.Station.alive().where(m.Station.identity.startswith("NEW")).count())
    assert stored == STATIONS
    assert len([i for i in services.stations.all() if i.identity.startswith("NEW")]) == STATIONS
