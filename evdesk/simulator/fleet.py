"""Many simulated stations in one process (load benchmark, demo)."""

from __future__ import annotations

import asyncio
import logging
import math
import random
from typing import Any

from .clock import SimClock, WallClock, cancel_and_wait
from .model import Car
from .station import SimulatedStation

__all__ = ["Fleet", "FAULT_CODES", "percentile"]

log = logging.getLogger("evdesk.simulator")

FAULT_CODES = (
    "GroundFailure",
    "OverCurrentFailure",
    "HighTemperature",
    "PowerMeterFailure",
    "ConnectorLockFailure",
    "EVCommunicationError",
)


def percentile(sorted_values: list[float], q: float) -> float | None:
    """Nearest-rank percentile of an already sorted list (q in 0..100)."""
    if not sorted_values:
        return None
    rank = max(0, min(len(sorted_values) - 1, math.ceil(q / 100.0 * len(sorted_values)) - 1))
    return sorted_values[rank]


class Fleet:
    """`count` stations named ``{prefix}{n:04d}`` (n from `start_index`), or the
    given `identities` (then `count` is ignored). `per_station` maps an identity
    to extra SimulatedStation arguments (e.g. ``{"connectors": 1,
    "max_power_w": 50000}``); `station_kwargs` apply to all.

    With `auto_sessions` every connector lives a realistic life: cars arrive at
    random, present one of `id_tags`, charge for a while, leave; now and then a
    fault (StatusNotification Faulted) and its recovery. All randomness comes
    from ``random.Random(seed)``. Schema validation of the stations' own calls
    is off by default (`validate=False`) to keep per-message cost small.
    """

    def __init__(
        self,
        url: str,
        count: int,
        *,
        prefix: str = "SIM",
        connectors: int = 2,
        clock: SimClock | None = None,
        meter_interval: int | None = None,
        connect_concurrency: int = 100,
        auto_sessions: bool = False,
        id_tags: list[str] | None = None,
        password: str | None = None,
        seed: int = 1,
        start_index: int = 1,
        validate: bool = False,
        mean_idle_s: float = 1800.0,
        session_s: tuple[float, float] = (1200.0, 10800.0),
        fault_probability: float = 0.02,
        fault_duration_s: tuple[float, float] = (120.0, 1200.0),
        identities: list[str] | None = None,
        per_station: dict[str, dict[str, Any]] | None = None,
        **station_kwargs: Any,
    ) -> None:
        self.url = url
        self.count = count
        self.prefix = prefix
        self.clock = clock or WallClock()
        self.auto_sessions = auto_sessions
        self.id_tags = list(id_tags) if id_tags else [f"TAG{n:04d}" for n in range(1, 21)]
        self.seed = seed
        self.mean_idle_s = mean_idle_s
        self.session_s = session_s
        self.fault_probability = fault_probability
        self.fault_duration_s = fault_duration_s
        self.faults = 0
        self._stopping = False
        self._limiter = asyncio.Semaphore(max(1, connect_concurrency))
        self._life_tasks: set[asyncio.Task] = set()
        if identities is None:
            width = max(4, len(str(start_index + count - 1)))
            identities = [f"{prefix}{n:0{width}d}" for n in range(start_index, start_index + count)]
        self.count = len(identities)
        config = dict(station_kwargs.pop("config", None) or {})
        if meter_interval is not None:
            config["MeterValueSampleInterval"] = str(int(meter_interval))
        station_kwargs.setdefault("max_latency_samples", 2000)
        self.stations: list[SimulatedStation] = []
        for identity in identities:
            kwargs: dict[str, Any] = dict(
                connectors=connectors,
                password=password,
                clock=self.clock,
                config=config or None,
                validate=validate,
                connect_limiter=self._limiter,
                seed=f"{seed}:{identity}",
            )
            kwargs.update(station_kwargs)
            kwargs.update((per_station or {}).get(identity, {}))
            self.stations.append(SimulatedStation(identity, url, **kwargs))

    def __len__(self) -> int:
        return len(self.stations)

    def __iter__(self):
        return iter(self.stations)

    def __getitem__(self, identity: str | int) -> SimulatedStation:
        if isinstance(identity, int):
            return self.stations[identity]
        for st in self.stations:
            if st.identity == identity:
                return st
        raise KeyError(identity)

    async def start(self) -> None:
        """Start every station (connections are limited by connect_concurrency)."""
        for st in self.stations:
            await st.start()
        if self.auto_sessions:
            for st in self.stations:
                for cid in range(1, len(st.connectors)):
                    rng = random.Random(f"{self.seed}:{st.identity}:{cid}")
                    task = asyncio.create_task(self._connector_life(st, cid, rng))
                    self._life_tasks.add(task)
                    task.add_done_callback(self._life_done)

    def _life_done(self, task: asyncio.Task) -> None:
        self._life_tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("fleet: connector life failed", exc_info=task.exception())

    async def wait_accepted(self, timeout: float = 60.0) -> None:
        """Wait (real seconds) until every station is accepted."""
        await asyncio.wait_for(
            asyncio.gather(*(st.accepted.wait() for st in self.stations)), timeout
        )

    async def stop(self) -> None:
        """Stop the simulated cars, then every station (clean close)."""
        self._stopping = True
        await cancel_and_wait(list(self._life_tasks))
        results = await asyncio.gather(*(st.stop() for st in self.stations), return_exceptions=True)
        for st, result in zip(self.stations, results):
            if isinstance(result, BaseException):
                log.error("%s: stop failed: %r", st.identity, result)

    def stats(self) -> dict[str, Any]:
        """connected, accepted, messages_sent, errors, latency_p50/p99 (seconds)..."""
        latencies: list[float] = []
        for st in self.stations:
            latencies.extend(st.latencies)
        latencies.sort()
        return {
            "stations": len(self.stations),
            "connected": sum(1 for st in self.stations if st.connected),
            "accepted": sum(1 for st in self.stations if st.accepted.is_set()),
            # waiting for the central system: its last boot answer was Pending / Rejected
            "pending": sum(1 for st in self.stations if not st.accepted.is_set() and st.boot_status == "Pending"),
            "rejected": sum(1 for st in self.stations if not st.accepted.is_set() and st.boot_status == "Rejected"),
            "messages_sent": sum(st.messages_sent for st in self.stations),
            "messages_received": sum(st.messages_received for st in self.stations),
            "errors": sum(st.errors for st in self.stations),
            "connect_failures": sum(st.connect_failures for st in self.stations),
            "transactions": sum(st.transactions_started for st in self.stations),
            "charging": sum(
                1 for st in self.stations for c in st._charge_connectors() if c.charging
            ),
            "faults": self.faults,
            "latency_samples": len(latencies),
            "latency_p50": percentile(latencies, 50),
            "latency_p99": percentile(latencies, 99),
        }

    # ------------------------------------------------------------ sessions
    async def _connector_life(self, st: SimulatedStation, cid: int, rng: random.Random) -> None:
        clock = self.clock
        await st.accepted.wait()
        await clock.sleep(rng.uniform(0, self.mean_idle_s))
        while not self._stopping:
            try:
                await self._one_visit(st, cid, rng)
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001 - keep the connector alive
                log.exception("%s/%s: simulated visit failed", st.identity, cid)
            await clock.sleep(rng.expovariate(1.0 / self.mean_idle_s))

    async def _one_visit(self, st: SimulatedStation, cid: int, rng: random.Random) -> None:
        c = st.connectors[cid]
        clock = self.clock
        if rng.random() < self.fault_probability:
            self.faults += 1
            await st.set_fault(cid, rng.choice(FAULT_CODES))
            await clock.sleep(rng.uniform(*self.fault_duration_s))
            await st.clear_fault(cid)
            return
        if c.status != "Available":
            return
        car = Car(
            capacity_wh=rng.choice((40_000.0, 58_000.0, 77_000.0, 100_000.0)),
            soc=rng.uniform(10.0, 60.0),
            max_power_w=rng.choice((7_400.0, 11_000.0, 22_000.0)),
            target_soc=rng.choice((80.0, 90.0, 100.0)),
        )
        await st.plug_in(cid, car)
        await clock.sleep(rng.uniform(5.0, 60.0))
        started = await st.present_token(cid, rng.choice(self.id_tags))
        if started:
            await clock.sleep(rng.uniform(*self.session_s))
            if c.charging and rng.random() < 0.5:
                await st.stop_charging(cid, "Local")
                await clock.sleep(rng.uniform(30.0, 300.0))
        else:
            await clock.sleep(rng.uniform(10.0, 60.0))
        await st.unplug(cid)
