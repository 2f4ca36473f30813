"""Load management over a simulated day: 200 chargers on a 400 A three-phase circuit.

    python3 tests/benchmarks/load_management_benchmark.py [--seed N]

How it runs (say so with the figures): IN-PROCESS, without websockets. evdesk's real planner
(`core/load/controller.py`: allocation, admission, send threshold, leases, fallback shares)
decides; simulated chargers and cars (the simulator's car rules: own max, 6 A minimum, taper
above 80 % state of charge) obey what reaches them. Time is simulated in 5 s steps (a day in
~17 000 steps, computed as fast as the CPU goes), so CPU per re-allocation is real, the day is
not. Messages reach a charger and the car follows after a reaction time: decreases 5 s after
they are sent, increases 7 s (they go out after the decreases are answered, ~2 s).
Re-allocation: at every arrival and departure, and every 60 s (meter values, lease renewals).

Figures printed:
* the longest time the circuit's measured current (any phase) stayed above 400 A, and the
  total, during the normal day (should stay within the chargers' reaction time);
* CPU ms per re-allocation, p50 / p99 / max (evdesk's planner, `time.process_time`);
* profile messages per hour (TxProfile changes, lease renewals, TxDefaultProfiles);
* energy delivered vs an ideal allocation (continuous, instantaneous max-min sharing every step
  without threshold, rounding, reaction time or admission minimum), in %;
* evdesk killed from 12:00 to 13:00: the longest time above 400 A while it was down, and
  whether, once the leases ran out (900 s), every station stayed within the fuse on its
  fallback TxDefaultProfile.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID, uuid4

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from evdesk.core.load.allocation import CircuitLimit, SessionDemand, allocate  # noqa: E402
from evdesk.core.load.circuits import CircuitRow, CircuitStationRow, LoadSite  # noqa: E402
from evdesk.core.load.controller import LEASE_SECONDS, LoadPlanner, lease_end  # noqa: E402
from evdesk.core.load.phases import grid_phases  # noqa: E402

CHARGERS = 200
LIMIT_A = 400.0
MIN_A = 6.0
DT = 5.0
DAY = 24 * 3600
TICK = 60.0
REACT_DOWN, REACT_UP = 5.0, 7.0
VOLTAGE = 230.0
KILL = (12 * 3600, 13 * 3600)


@dataclass
class Car:
    arrive: float
    leave: float
    phases: int
    max_a: float
    capacity_wh: float
    soc: float
    delivered_wh: float = 0.0

    def acceptance(self) -> float:
        if self.soc >= 100.0:
            return 0.0
        return 1.0 if self.soc <= 80.0 else max(0.05, (100.0 - self.soc) / 20.0)

    def draw(self, limit_a: float | None) -> float:
        """Current per phase this car draws under a limit (None = the charger's own max)."""
        want = self.max_a * self.acceptance()
        if limit_a is None:
            return want
        if limit_a < MIN_A - 1e-9:
            return 0.0
        return min(want, limit_a)

    def charge(self, amps: float, seconds: float) -> None:
        wh = amps * VOLTAGE * self.phases * seconds / 3600.0
        room = (100.0 - self.soc) / 100.0 * self.capacity_wh
        wh = min(wh, room)
        self.soc += wh / self.capacity_wh * 100.0
        self.delivered_wh += wh


def make_day(seed: int):
    rng = random.Random(seed)
    rotations = ["RST", "RTS", "SRT", "STR", "TRS", "TSR"]
    chargers = [{"id": uuid4(), "rotation": rng.choice(rotations)} for _ in range(CHARGERS)]
    visits: dict[int, list[Car]] = {}
    for i in range(CHARGERS):
        t = rng.uniform(0, 4 * 3600) if rng.random() < 0.3 else rng.gauss(7.5 * 3600, 1.5 * 3600)
        cars = []
        while 0 <= t < DAY - 1800 and len(cars) < 3:
            stay = rng.uniform(1.5, 10) * 3600
            phases = 3 if rng.random() < 0.7 else 1
            cars.append(Car(t, min(DAY, t + stay), phases, rng.choice([16.0, 32.0]), rng.choice([40e3, 60e3, 80e3]),
                            rng.uniform(10, 70)))
            t += stay + rng.uniform(0.2, 4) * 3600
        visits[i] = cars
    return chargers, visits


def copy_visits(visits):
    return {i: [Car(c.arrive, c.leave, c.phases, c.max_a, c.capacity_wh, c.soc) for c in cars]
            for i, cars in visits.items()}


def phases_of(charger, car) -> tuple[str, ...]:
    return grid_phases(3, rotation=charger["rotation"], car_phases=car.phases)


def run_managed(chargers, visits, *, kill=None):
    """The day under evdesk's planner. Returns figures."""
    circuit = CircuitRow(uuid4(), 1, "Depot", None, 3, LIMIT_A, 0.0, MIN_A, None)
    rows = [CircuitStationRow(circuit.id, c["id"], f"CP-{i}", 32.0, 0, None) for i, c in enumerate(chargers)]
    points = {c["id"]: [{"evse_id": 1, "phases": 3, "phase": "", "phase_rotation": c["rotation"]}] for c in chargers}
    site = LoadSite([circuit], rows, [], points)
    planner = LoadPlanner()
    by_station: dict[UUID, int] = {c["id"]: i for i, c in enumerate(chargers)}
    active: dict[int, Car] = {}
    queue = {i: list(cars) for i, cars in visits.items()}
    tx = {}  # charger -> (limit, lease_until) in force at the charger
    fallback = {}  # charger -> its TxDefaultProfile (a DefaultLimit: a limit, or one with a step)
    pending: list[tuple[float, int, str, float]] = []  # (apply at, charger, kind, limit)
    cpu, messages, renewals, defaults_sent = [], 0, 0, 0
    over_run = over_longest = over_total = 0.0
    kill_over_longest = 0.0
    after_lease_over = 0.0
    next_tick = 0.0
    up = True
    seq = 0

    def reallocate(now):
        nonlocal messages, renewals, defaults_sent
        plan = planner.plan(site, int(now // 60) % 1440, now)
        cpu.append(plan.cpu_ms)
        due = planner.renewals(now, plan.changes)
        renewals += len(due)
        for change in plan.changes + due:
            i = by_station[change.station_id]
            down = change.previous_a is not None and change.limit_a < change.previous_a
            pending.append((now + (REACT_DOWN if down else REACT_UP), i, "tx", (change.limit_a, lease_end(now))))
            planner.accepted(change.station_id, 1, change.limit_a, at=now)
            messages += 1
        for (station, _n), default in plan.fallback.items():
            pending.append((now + REACT_UP, by_station[station], "default", default))
            planner.fallback_sent(station, 1, default)
            messages += 1
            defaults_sent += 1

    now = 0.0
    while now < DAY:
        was_up = up
        up = kill is None or not (kill[0] <= now < kill[1])
        if was_up and not up:
            planner = None
        if up and not was_up:  # evdesk starts again: the running sessions as it finds them
            planner = LoadPlanner()
            for i in active:
                seq += 1
                planner.started(chargers[i]["id"], 1, uuid4(), seq, now)
            for i, default in fallback.items():
                planner.fallback_sent(chargers[i]["id"], 1, default)
        changed = False
        for i in range(CHARGERS):
            car = active.get(i)
            if car is not None and now >= car.leave:
                del active[i]
                tx.pop(i, None)
                if up:
                    planner.ended(chargers[i]["id"], 1)
                changed = True
            if i not in active and queue[i] and now >= queue[i][0].arrive:
                active[i] = queue[i].pop(0)
                if up:
                    seq += 1
                    planner.started(chargers[i]["id"], 1, uuid4(), seq, now)
                changed = True
        if up and (changed or now >= next_tick):
            if now >= next_tick:
                for i, car in active.items():
                    limit = tx.get(i, (None, 0))[0]
                    drawn = car.draw(limit if limit is not None else (fallback[i].at(now) if i in fallback else None))
                    planner.measured(chargers[i]["id"], 1, drawn, phases_seen=car.phases)
                next_tick = now + TICK
            reallocate(now)
        still = []
        for item in pending:
            if item[0] <= now:
                _t, i, kind, value = item
                if kind == "tx":
                    if i in active:
                        tx[i] = value  # (limit, lease end): the lease counts from when it was sent
                else:
                    fallback[i] = value
            else:
                still.append(item)
        pending = still
        load = {"L1": 0.0, "L2": 0.0, "L3": 0.0}
        for i, car in active.items():
            limit, until = tx.get(i, (None, 0.0))
            in_force = limit if limit is not None and now < until else (fallback[i].at(now) if i in fallback else 0.0)
            amps = car.draw(in_force)
            car.charge(amps, DT)
            for p in phases_of(chargers[i], car):
                load[p] += amps
        over = max(load.values()) > LIMIT_A + 1e-6
        over_run = over_run + DT if over else 0.0
        if kill and kill[0] <= now < kill[1]:
            kill_over_longest = max(kill_over_longest, over_run)
            if over and now >= kill[0] + LEASE_SECONDS + REACT_DOWN:
                after_lease_over += DT
        else:
            over_longest = max(over_longest, over_run)
            over_total += DT if over else 0.0
        now += DT
    delivered = sum(c.delivered_wh for cars in visits.values() for c in cars)
    return {"cpu": cpu, "messages": messages, "renewals": renewals, "defaults": defaults_sent, "over_longest": over_longest, "over_total": over_total,
            "kill_over_longest": kill_over_longest, "after_lease_over": after_lease_over, "delivered_wh": delivered}


def run_ideal(chargers, visits):
    """Continuous max-min sharing every step, each car capped at what it would take."""
    circuit = [CircuitLimit("c", LIMIT_A)]
    queue = {i: list(cars) for i, cars in visits.items()}
    active: dict[int, Car] = {}
    now = 0.0
    while now < DAY:
        for i in range(CHARGERS):
            car = active.get(i)
            if car is not None and now >= car.leave:
                del active[i]
            if i not in active and queue[i] and now >= queue[i][0].arrive:
                active[i] = queue[i].pop(0)
        demands = [SessionDemand(str(i), "c", phases_of(chargers[i], car), car.draw(None), arrived=car.arrive)
                   for i, car in active.items()]
        limits = allocate(circuit, demands).limits
        for i, car in active.items():
            car.charge(limits[str(i)], DT)
        now += DT
    return sum(c.delivered_wh for cars in visits.values() for c in cars)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    chargers, visits = make_day(args.seed)
    sessions = sum(len(v) for v in visits.values())
    wall = time.perf_counter()
    normal = run_managed(chargers, copy_visits(visits))
    killed = run_managed(chargers, copy_visits(visits), kill=KILL)
    ideal = run_ideal(chargers, copy_visits(visits))
    cpu = sorted(normal["cpu"])
    print(f"load management benchmark (in-process, simulated day in {DT:g} s steps; seed {args.seed})")
    print(f"  {CHARGERS} chargers (three-phase, random rotation), {LIMIT_A:g} A per phase, min {MIN_A:g} A, "
          f"{sessions} sessions (70 % three-phase cars, 16/32 A)")
    print(f"  circuit above {LIMIT_A:g} A: longest {normal['over_longest']:g} s, total {normal['over_total']:g} s "
          f"over the day (reaction time {REACT_DOWN:g}-{REACT_UP:g} s, step {DT:g} s)")
    print(f"  re-allocations: {len(cpu)}; CPU ms p50 {statistics.median(cpu):.2f}, "
          f"p99 {cpu[int(len(cpu) * 0.99) - 1]:.2f}, max {cpu[-1]:.2f}")
    print(f"  profile messages: {normal['messages']} in the day = {normal['messages'] / 24:.0f} per hour, "
          f"of which lease renewals {normal['renewals'] / 24:.0f} and default profiles {normal['defaults'] / 24:.0f} "
          f"per hour ({LEASE_SECONDS:g} s leases)")
    print(f"  energy delivered {normal['delivered_wh'] / 1000:.0f} kWh vs ideal {ideal / 1000:.0f} kWh = "
          f"{100 * normal['delivered_wh'] / ideal:.1f} %")
    print(f"  evdesk killed 12:00-13:00: longest above the fuse while down {killed['kill_over_longest']:g} s; "
          f"above it after the {LEASE_SECONDS:g} s leases ran out: {killed['after_lease_over']:g} s; "
          f"energy that day {killed['delivered_wh'] / 1000:.0f} kWh")
    print(f"  wall time {time.perf_counter() - wall:.1f} s (machine shared with other work)")


if __name__ == "__main__":
    main()
