"""A power cut ends: hundreds of stations connect and boot at once."""

from __future__ import annotations

import bisect
import time

from evdesk.simulator import Fleet
from evdesk.store import models as m

RATE = 40.0  # boots accepted per second; the token bucket holds one second of burst (40)


def most_in_any_window(times: list[float], seconds: float) -> int:
    """The largest number of `times` (sorted) inside any window [t, t + seconds)."""
    return max((bisect.bisect_left(times, t + seconds) - i for i, t in enumerate(times)), default=0)


async def test_boot_storm_is_spread_at_the_accept_rate_and_everyone_gets_in(central, services):
    services.settings.unknown_station_policy = "accept"
    services.settings.boot_accept_rate = RATE
    services.settings.boot_pending_interval_min = 1
    services.stations.boot_gate.rate = RATE
    services.stations.boot_gate.capacity = RATE
    services.stations.boot_gate.tokens = RATE
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
    boots = await services.store.run(lambda: [(e.station_id, e.state, e.at.timestamp()) for e in m.StationEvent.select().where(
        m.StationEvent.kind == "boot").order_by(m.StationEvent.at)])
    accepted = [at for _, state, at in boots if state == "Accepted"]
    assert len({station for station, state, _ in boots if state == "Accepted"}) == 300
    assert any(state == "Pending" for _, state, _ in boots), "the storm should have been throttled"
    # The spread: in any window of W seconds no more than RATE * W boots get in, plus the bucket's
    # one second of burst (which only a quiet moment before can refill). Every Accepted answer takes
    # a token, a repeated boot of a station too. Without the gate all 300 would be accepted within
    # a second or two.
    for window in (1.0, 2.0, 3.0, 5.0):
        most = most_in_any_window(accepted, window)
        assert most <= RATE * window + RATE + 1, (window, most)
    # and the storm really drained at about the rate: the last boot got in no sooner than the slots allow
    assert accepted[-1] - accepted[0] >= (300 - 2 * RATE) / RATE, accepted[-1] - accepted[0]
    assert elapsed < 45, elapsed  # generous: CI machines are slower than this one
