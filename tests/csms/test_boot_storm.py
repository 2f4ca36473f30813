"""A power cut ends: hundreds of stations connect and boot at once."""

from __future__ import annotations

import time

from evdesk.simulator import Fleet
from evdesk.store import models as m


async def test_boot_storm_is_spread_at_the_accept_rate_and_everyone_gets_in(central, services):
    services.settings.unknown_station_policy = "accept"
    services.settings.boot_accept_rate = 40.0
    services.settings.boot_pending_interval_min = 1
    services.stations.boot_gate.rate = 40.0
    services.stations.boot_gate.capacity = 40.0
    services.stations.boot_gate.tokens = 40.0
    fleet = Fleet(central.url, 300, prefix="STORM", connectors=1, connect_concurrency=300)
    t0 = time.monotonic()
    try:
        await fleet.start()
        await fleet.wait_accepted(timeout=60)
        elapsed = time.monotonic() - t0
        stats = fleet.stats()
    finally:
        await fleet.stop()
    assert stats["accepted"] == 300 and stats["errors"] == 0
    await services.batch.flush()
    pending = await services.store.run(lambda: m.StationEvent.select().where(
        (m.StationEvent.kind == "boot") & (m.StationEvent.state == "Pending")).count())
    assert pending > 0, "the storm should have been throttled"
    # 300 boots at 40/s with a 40 burst: about 7 s of slots; allow for retry jitter and the simulators
    assert elapsed < 45, elapsed  # generous: CI machines are slower than this one
