"""Load management over real websockets: 200 simulated chargers on a 400 A three-phase circuit
against a real `python3 -m evdesk --headless` process, killed with SIGKILL mid-run and restarted.

    python3 tests/benchmarks/load_management_ws_benchmark.py [--seed N] [--run 300] [--kill-at 150] [--down 90]
    python3 tests/benchmarks/load_management_ws_benchmark.py --run 1260 --kill-at 150 --down 1000 --max-stay 1500
        # ~22 minutes: an outage longer than the 900 s leases, cars that stay across it

What it is (say so with the figures): a SHORT REAL-TIME WINDOW, not a day. The whole run is
`--run` seconds of wall time (default 300 s, about 6 minutes with start-up): a compressed busy
morning — cars arrive and leave at a rate a depot sees over hours, squeezed into minutes (stays of
1-4 minutes, each charger up to 3 cars). Nothing is scaled: the simulators run on the wall clock
(`WallClock`). `ScaledClock` was not used because evdesk's TxProfiles are Absolute, start at
evdesk's (real) clock and last up to `LEASE_SECONDS` (900 s): a station whose clock runs 20x would see
every lease end 20x early, so leases, renewals and the fallback would be measured wrong.

The set-up: the data folder is seeded through the core services before evdesk starts (circuit
"Depot" 400 A, three phases, 6 A minimum per charging point; 200 stations on it at 32 A, each EVSE
three-phase with a random phase rotation RST..TSR; a token per station; site settings: boot accept
rate 1,000/s, meter values every 15 s instead of the 60 s default, so the measured current that
load management gives away from cars drawing less is seen within a window of minutes). evdesk runs
headless on a free port (`--no-api`, `--log-level DEBUG` for its one line per re-allocation). In
this process: 200 `evdesk.simulator.SimulatedStation`s (one connector, 22 kW), cars as in the
in-process benchmark (70 % three-phase, 16 or 32 A, 40/60/80 kWh) but with a state of charge of
10-95 % so that tapering and full cars occur within minutes.

evdesk is killed with SIGKILL at `--kill-at` s and started again `--down` s later on the same port
and data folder (the stations redial 1-10 s apart, replay what they queued, and cars that arrive
meanwhile start offline on their TxDefaultProfile).

Figures printed (a table, then one JSON line):
* the circuit's current per phase, computed every second from the simulators themselves (what each
  car draws under the profile its station has in force at that moment, by the simulator's car
  model, without the ±0.5 % meter jitter): longest and total time above 400 A while evdesk ran,
  and separately while it was down (and, when the outage outlasts the lease, while down once every
  lease had run out); the highest phase current in each;
* how long a running session went without a TxProfile while evdesk ran, and how long after the
  restart until every running session had one again;
* CPU ms per re-allocation (p50/p99/max) from evdesk's own DEBUG line (`LoadControl.reallocate`,
  `time.process_time` around the planner), both of evdesk's lives;
* profile messages from evdesk's action log (actor "load management", SetChargingProfile): count,
  TxProfile / TxDefaultProfile, per hour AT THIS COMPRESSED ARRIVAL RATE, and per arrival or departure;
* energy delivered (the simulators' meters) vs an ideal allocation over the same sessions (the
  same arrival and departure times: continuous max-min sharing every second without threshold,
  admission minimum, message delay or pause below 6 A; the car's 30 s ramp and taper kept), in %;
* while evdesk was down: how many running sessions were still on their leased TxProfile and how
  many on the TxDefaultProfile fallback at the end of the outage. With the default outage (90 s)
  the 900 s leases do NOT run out, so "within the fuse on the fallback after the leases" is not
  observed; instead the benchmark evaluates each station's installed profiles at the moment its
  lease ends (the simulator's own profile rules) and prints the circuit's highest phase current
  that would follow with the cars present — a projection, printed as one. `--down 960` (and a
  longer `--run`) observes it for real.

The machine's cores are shared by evdesk, the 200 simulators and whatever else runs: say so.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from evdesk.core.load.allocation import CircuitLimit, SessionDemand, allocate  # noqa: E402
from evdesk.core.load.controller import LEASE_SECONDS  # noqa: E402
from evdesk.core.load.phases import grid_phases  # noqa: E402
from evdesk.simulator import Car, SimulatedStation  # noqa: E402
from evdesk.simulator.model import RAMP_SECONDS  # noqa: E402
from evdesk.simulator.profiles import VOLTAGE  # noqa: E402

CHARGERS = 200
LIMIT_A = 400.0
MIN_A = 6.0
STATION_A = 32.0
METER_INTERVAL = 15
ROTATIONS = ["RST", "RTS", "SRT", "STR", "TRS", "TSR"]
CPU_LINE = re.compile(r"load management: re-allocated (\d+) sessions in ([0-9.]+) ms CPU")


def default_amps(profile, at) -> float:
    """A TxDefaultProfile's limit at `at` by the simulator's rules (A per phase): an idle point's
    default is Absolute with a step at the lease end, a busy point's Relative with one period."""
    if profile.kind == "Relative":
        return profile.periods[0][1]
    watts = profile.limit_at(at, None, 1)
    return 0.0 if watts is None else watts / VOLTAGE


@dataclass
class Visit:
    arrive: float
    leave: float
    phases: int
    max_a: float
    capacity_wh: float
    soc: float


@dataclass
class Session:
    charger: int
    visit: Visit
    started: float  # seconds since the run began, when the station's session started
    ended: float | None = None
    delivered_wh: float = 0.0


def make_schedule(seed: int, run: float, max_stay: float = 240.0) -> tuple[list[str], dict[int, list[Visit]]]:
    """Per charger its rotation and up to 3 cars: 80 % of the chargers get a first car in the
    morning rush (around 25 % of the run), the others later; stays 1 minute to `max_stay` (default
    4 minutes), gaps 10-60 s."""
    rng = random.Random(seed)
    rotations = [rng.choice(ROTATIONS) for _ in range(CHARGERS)]
    visits: dict[int, list[Visit]] = {}
    for i in range(CHARGERS):
        t = rng.gauss(0.25 * run, 0.12 * run) if rng.random() < 0.8 else rng.uniform(0.3 * run, 0.8 * run)
        t = max(1.0, t)
        cars = []
        while t < run - 20 and len(cars) < 3:
            stay = rng.uniform(60, max_stay)
            phases = 3 if rng.random() < 0.7 else 1
            cars.append(Visit(t, min(run - 5, t + stay), phases, rng.choice([16.0, 32.0]),
                              rng.choice([40e3, 60e3, 80e3]), rng.uniform(10, 95)))
            t += stay + rng.uniform(10, 60)
        visits[i] = cars
    return rotations, visits


# -- the data folder and the process ---------------------------------------------------------------
def seed_site(data: Path, rotations: list[str]) -> None:
    """Through the core services, before evdesk starts: the circuit, the stations with their EVSE
    wiring, each on the circuit at 32 A, a token per station, the site settings."""
    from evdesk.core.hardware_rules import ConnectorSpec, EvseSpec
    from evdesk.core.load.circuit_rules import CircuitInput
    from evdesk.core.permissions import SYSTEM_CONTEXT
    from evdesk.core.services import Services
    from evdesk.core.site_settings import save_site_settings
    from evdesk.settings import SiteSettings
    from evdesk.store import models as m
    from evdesk.store.database import Store

    settings = SiteSettings(boot_accept_rate=1000, meter_value_interval=METER_INTERVAL)
    store = Store.sqlite(data / "evdesk.db")
    store.open()
    store.call_sync(save_site_settings, settings, 0)

    async def seed():
        services = Services(store, settings)
        await services.start(load_settings=False)
        try:
            circuit = await services.circuits.create(SYSTEM_CONTEXT, CircuitInput("Depot", LIMIT_A, phases=3,
                                                                                  min_current_a=MIN_A))
            for i, rotation in enumerate(rotations):
                info = await services.stations.create_station(f"LMWS-{i:03d}", connectors=1, ctx=SYSTEM_CONTEXT)
                details = await services.station_details.details(SYSTEM_CONTEXT, info.id)
                await services.station_details.save(SYSTEM_CONTEXT, info.id, details.version, evses=[
                    EvseSpec(1, phases=3, phase_rotation=rotation, connectors=(ConnectorSpec(1),))])
                await services.circuits.put_station(SYSTEM_CONTEXT, circuit.id, info.id, STATION_A)
            await services.store.run(lambda: m.Token.insert_many(
                [{"uid": f"LMWS{i:03d}", "uid_key": f"LMWS{i:03d}"} for i in range(CHARGERS)]).execute())
        finally:
            await services.stop()

    asyncio.run(seed())
    store.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_evdesk(data: Path, port: int, life: int) -> subprocess.Popen:
    log = open(data / f"evdesk-stderr-{life}.log", "wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "evdesk", "--headless", "--no-api", "--data-dir", str(data), "--port", str(port),
         "--host", "127.0.0.1", "--log-level", "DEBUG"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log)
    log.close()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return proc
        if proc.poll() is not None:
            raise RuntimeError(f"evdesk did not start: see {data}/evdesk-stderr-{life}.log")
        time.sleep(0.1)
    proc.kill()
    raise RuntimeError("evdesk did not listen in time")


# -- what the stations draw --------------------------------------------------------------------------
def in_force(sim: SimulatedStation, now) -> tuple[float | None, bool]:
    """(limit in W the station applies to its connector now, whether a TxProfile gives it)."""
    c = sim.connectors[1]
    phases = c.car.phases if c.car else 3
    tx = sim.profiles._best([p for p in sim.profiles.profiles if p.purpose == "TxProfile" and p.connector_id == 1
                             and p.transaction_id in (None, c.transaction_id)], now, c.session_start, phases)
    return sim.profiles.limit_w(1, now, c.session_start, c.transaction_id, 1, phases), tx is not None


def draw_a(sim: SimulatedStation, now, limit_w: float | None) -> float:
    """Current per phase the car draws under that limit (the simulator's car model, no jitter)."""
    c = sim.connectors[1]
    if not c.charging or c.car is None:
        return 0.0
    return c.target_power(now, sim.max_power_w, limit_w) / (VOLTAGE * c.car.phases)


def circuit_load(sims, rotations, at=None) -> tuple[dict[str, float], int, list[int]]:
    """Per grid phase the circuit's current; how many sessions run on a TxProfile; the chargers whose
    session runs on the fallback (no TxProfile in force)."""
    load = {"L1": 0.0, "L2": 0.0, "L3": 0.0}
    on_tx, on_default = 0, []
    for i, sim in enumerate(sims):
        c = sim.connectors[1]
        if not c.charging or c.car is None:
            continue
        now = at or sim.clock.now()
        if at is None:
            sim._advance(c, now)  # the meter integrates up to now (as its meter loop does)
        limit, by_tx = in_force(sim, now)
        on_tx += by_tx
        if not by_tx:
            on_default.append(i)
        amps = draw_a(sim, now, limit)
        for p in grid_phases(3, rotation=rotations[i], car_phases=c.car.phases):
            load[p] += amps
    return load, on_tx, on_default


# -- the run -----------------------------------------------------------------------------------------
class Run:
    def __init__(self, args, data: Path, rotations, visits):
        self.args, self.data, self.rotations, self.visits = args, data, rotations, visits
        self.port = free_port()
        self.url = f"ws://127.0.0.1:{self.port}/"
        self.sims: list[SimulatedStation] = []
        self.sessions: list[Session] = []
        self.samples: list[tuple[float, bool, float, int, int]] = []  # (t, evdesk up, max phase A, on tx, on default)
        self.up = True
        self.t0 = 0.0
        self.proc: subprocess.Popen | None = None
        self.lives = 0
        self.projection: dict | None = None
        self.events = 0  # arrivals and departures
        self.fallback_since: dict[int, float] = {}  # charger -> since when its session runs without a TxProfile
        self.longest_without_tx = 0.0  # while evdesk ran
        self.all_on_tx_after_restart: float | None = None

    def now(self) -> float:
        return time.monotonic() - self.t0

    async def main(self) -> None:
        self.proc = start_evdesk(self.data, self.port, self.lives)
        self.lives += 1
        self.sims = [SimulatedStation(f"LMWS-{i:03d}", self.url, connectors=1, max_power_w=STATION_A * VOLTAGE * 3,
                                      validate=False, reconnect_delay=(1.0, 10.0), seed=i) for i in range(CHARGERS)]
        for sim in self.sims:
            await sim.start()
        await asyncio.wait_for(asyncio.gather(*(s.wait_accepted(None) for s in self.sims)), 120)
        print(f"# {CHARGERS} stations booted; evdesk pid {self.proc.pid}", file=sys.stderr, flush=True)
        self.t0 = time.monotonic()
        tasks = [asyncio.ensure_future(self.drive(i)) for i in range(CHARGERS)]
        sampler = asyncio.ensure_future(self.sample())
        await self.outage()
        await asyncio.sleep(max(0.0, self.args.run - self.now()))
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        sampler.cancel()
        await asyncio.gather(sampler, return_exceptions=True)
        for s in self.sessions:  # those still charging: their meters up to now
            if s.ended is None:
                sim = self.sims[s.charger]
                c = sim.connectors[1]
                if c.charging:
                    sim._advance(c)
                    s.delivered_wh = c.energy_wh - c.meter_start
                s.ended = self.now()
        await asyncio.gather(*(s.stop() for s in self.sims), return_exceptions=True)
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()

    async def outage(self) -> None:
        await asyncio.sleep(max(0.0, self.args.kill_at - self.now()))
        os.kill(self.proc.pid, signal.SIGKILL)  # no shutdown: what evdesk did not commit is gone
        self.proc.wait(10)
        self.up = False
        self.kill_time = self.now()
        print(f"# {self.kill_time:.0f} s: evdesk killed", file=sys.stderr, flush=True)
        await asyncio.sleep(max(0.0, self.args.kill_at + self.args.down - self.now()))
        self.projection = self.project_after_leases()
        self.proc = await asyncio.to_thread(start_evdesk, self.data, self.port, self.lives)
        self.lives += 1
        self.up = True
        self.restart_time = self.now()
        print(f"# {self.restart_time:.0f} s: evdesk started again", file=sys.stderr, flush=True)

    def project_after_leases(self) -> dict:
        """With the cars present now: each station's profiles evaluated by the simulator's rules one
        second after its TxProfile's lease ends — what holds if evdesk stayed away past every lease."""
        latest = None
        for sim in self.sims:
            for p in sim.profiles.profiles:
                if p.purpose == "TxProfile" and p.start_schedule is not None and p.duration:
                    end = p.start_schedule + timedelta(seconds=p.duration)
                    latest = end if latest is None or end > latest else latest
        if latest is None:
            latest = self.sims[0].clock.now()
        at = latest + timedelta(seconds=1)
        load, on_tx, on_default = circuit_load(self.sims, self.rotations, at=at)
        fallbacks = [next((default_amps(p, at) for p in s.profiles.profiles if p.purpose == "TxDefaultProfile"), None)
                     for s in self.sims]
        return {"max_phase_a": round(max(load.values()), 1), "on_tx": on_tx, "on_default": len(on_default),
                "stations_without_fallback": sum(1 for f in fallbacks if f is None),
                "fallback_sum_a": round(sum(f for f in fallbacks if f is not None), 1)}

    async def drive(self, i: int) -> None:
        sim = self.sims[i]
        for visit in self.visits[i]:
            await asyncio.sleep(max(0.0, visit.arrive - self.now()))
            car = Car(capacity_wh=visit.capacity_wh, soc=visit.soc, phases=visit.phases,
                      max_power_w=visit.max_a * VOLTAGE * visit.phases, min_current_a=MIN_A)
            await sim.plug_in(1, car)
            self.events += 1
            session = None
            if await sim.present_token(1, f"LMWS{i:03d}") and sim.connectors[1].charging:
                session = Session(i, visit, self.now())
                self.sessions.append(session)
            await asyncio.sleep(max(0.0, visit.leave - self.now()))
            c = sim.connectors[1]
            if session is not None and c.charging:
                sim._advance(c)
                session.delivered_wh = c.energy_wh - c.meter_start
            await sim.unplug(1)
            self.events += 1
            if session is not None:
                session.ended = self.now()

    async def sample(self) -> None:
        while True:
            started = time.monotonic()
            load, on_tx, on_default = circuit_load(self.sims, self.rotations)
            t = self.now()
            self.samples.append((t, self.up, max(load.values()), on_tx, len(on_default)))
            if not self.up:
                self.fallback_since.clear()
            else:
                self.fallback_since = {i: self.fallback_since.get(i, t) for i in on_default}
                if self.fallback_since:
                    self.longest_without_tx = max(self.longest_without_tx, t - min(self.fallback_since.values()))
                restart = getattr(self, "restart_time", None)
                if restart is not None and self.all_on_tx_after_restart is None and not on_default:
                    self.all_on_tx_after_restart = t - restart
            await asyncio.sleep(max(0.0, 1.0 - (time.monotonic() - started)))


# -- figures -----------------------------------------------------------------------------------------
def over_limit(samples, leases_out_at: float) -> dict:
    """Above 400 A: while evdesk ran; while it was down; and while down once every lease it sent had
    run out (`leases_out_at`: the kill + LEASE_SECONDS + 2 s)."""
    figures = {}
    for name, up, since in (("up", True, 0.0), ("down", False, 0.0), ("down_after_leases", False, leases_out_at)):
        run = longest = total = 0.0
        peak = 0.0
        last_t = None
        for t, is_up, amps, _tx, _default in samples:
            step = 1.0 if last_t is None else t - last_t
            last_t = t
            if is_up != up or t < since:
                run = 0.0
                continue
            peak = max(peak, amps)
            if amps > LIMIT_A + 0.01:
                run += step
                total += step
                longest = max(longest, run)
            else:
                run = 0.0
        figures[name] = {"longest_s": round(longest, 1), "total_s": round(total, 1), "peak_a": round(peak, 1)}
    return figures


def ideal_energy(sessions: list[Session], rotations, end: float) -> float:
    """Max-min sharing every second over the same sessions, each car capped at what it would take
    (its max, its station's 32 A, the 30 s ramp, taper by state of charge); no 6 A minimum."""
    circuit = [CircuitLimit("c", LIMIT_A)]
    cars = [Car(capacity_wh=s.visit.capacity_wh, soc=s.visit.soc, phases=s.visit.phases,
                max_power_w=s.visit.max_a * VOLTAGE * s.visit.phases) for s in sessions]
    delivered = [0.0] * len(sessions)
    t = 0.0
    while t < end:
        demands = []
        for n, s in enumerate(sessions):
            if s.started <= t < (s.ended if s.ended is not None else end):
                ramp = min(1.0, (t - s.started) / RAMP_SECONDS)
                want = min(s.visit.max_a, STATION_A) * ramp * cars[n].acceptance()
                demands.append(SessionDemand(str(n), "c", grid_phases(3, rotation=rotations[s.charger],
                                                                        car_phases=s.visit.phases),
                                             want, arrived=s.started))
        limits = allocate(circuit, demands).limits if demands else {}
        for key, amps in limits.items():
            n = int(key)
            car = cars[n]
            wh = min(amps * VOLTAGE * car.phases / 3600.0, (100.0 - car.soc) / 100.0 * car.capacity_wh)
            car.soc += wh / car.capacity_wh * 100.0
            delivered[n] += wh
        t += 1.0
    return sum(delivered)


def cpu_figures(data: Path) -> dict:
    values = []
    for log in sorted(data.glob("evdesk-stderr-*.log")):
        for line in log.read_text(errors="replace").splitlines():
            m = CPU_LINE.search(line)
            if m:
                values.append(float(m.group(2)))
    if not values:
        return {"count": 0}
    values.sort()
    return {"count": len(values), "p50_ms": round(statistics.median(values), 2),
            "p99_ms": round(values[min(len(values) - 1, int(len(values) * 0.99))], 2), "max_ms": round(values[-1], 2)}


def message_figures(data: Path, window_s: float, events: int) -> dict:
    con = sqlite3.connect(data / "evdesk.db")
    try:
        rows = con.execute("SELECT request, outcome FROM action_log WHERE actor = 'load management' "
                           "AND action = 'SetChargingProfile'").fetchall()
    finally:
        con.close()
    kinds = {"TxProfile": 0, "TxDefaultProfile": 0}
    outcomes: dict[str, int] = {}
    for request, outcome in rows:
        text = request or ""
        kind = "TxDefaultProfile" if "TxDefaultProfile" in text else "TxProfile"
        kinds[kind] += 1
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    total = len(rows)
    return {"total": total, **kinds, "outcomes": outcomes, "per_hour_at_this_rate": round(total / window_s * 3600),
            "per_arrival_or_departure": round(total / max(1, events), 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--run", type=float, default=300.0, help="seconds of the window, wall time (default 300)")
    parser.add_argument("--kill-at", type=float, default=150.0, help="SIGKILL evdesk this many s in (default 150)")
    parser.add_argument("--down", type=float, default=90.0, help="start it again this many s later (default 90)")
    parser.add_argument("--max-stay", type=float, default=240.0, help="longest stay of a car, s (default 240)")
    parser.add_argument("--keep", metavar="DIR", help="use this data folder and keep it (evdesk's logs and database)")
    args = parser.parse_args()
    rotations, visits = make_schedule(args.seed, args.run, args.max_stay)
    wall = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="lm-ws-") as tmp:
        data = Path(args.keep or tmp)
        data.mkdir(parents=True, exist_ok=True)
        seed_site(data, rotations)
        print(f"# site seeded in {time.perf_counter() - wall:.0f} s", file=sys.stderr, flush=True)
        run = Run(args, data, rotations, visits)
        try:
            asyncio.run(run.main())
        finally:
            if run.proc is not None and run.proc.poll() is None:
                run.proc.kill()
        window = run.now()
        over = over_limit(run.samples, run.kill_time + LEASE_SECONDS + 2.0)
        cpu = cpu_figures(data)
        messages = message_figures(data, window, run.events)
        delivered = sum(s.delivered_wh for s in run.sessions)
        ideal = ideal_energy(run.sessions, rotations, window)
    down = [s for s in run.samples if not s[1]]
    at_restart = down[-1] if down else None
    result = {
        "what": "real websockets, real evdesk --headless, 200 SimulatedStations on the wall clock; "
                f"a {args.run:g} s compressed busy window, NOT a day",
        "seed": args.seed, "window_s": round(window), "sessions": len(run.sessions),
        "arrivals_and_departures": run.events,
        "kill_at_s": round(run.kill_time), "restart_at_s": round(run.restart_time), "lease_s": LEASE_SECONDS,
        "over_400a_while_up": over["up"], "over_400a_while_down": over["down"],
        "over_400a_while_down_after_leases": over["down_after_leases"]
        if run.restart_time > run.kill_time + LEASE_SECONDS + 2.0 else "not reached: the outage was shorter than the lease",
        "reallocation_cpu_ms": cpu, "profile_messages": messages,
        "energy_kwh": round(delivered / 1000, 2), "ideal_kwh": round(ideal / 1000, 2),
        "energy_vs_ideal_percent": round(100 * delivered / ideal, 1) if ideal else None,
        "at_end_of_outage": {"on_tx_profile": at_restart[3], "on_fallback": at_restart[4]} if at_restart else None,
        "projected_after_leases": run.projection,
        "longest_session_without_tx_profile_while_up_s": round(run.longest_without_tx, 1),
        "all_sessions_on_tx_profile_after_restart_s": None if run.all_on_tx_after_restart is None
        else round(run.all_on_tx_after_restart, 1),
        "wall_s": round(time.perf_counter() - wall),
    }
    print(f"load management over websockets (seed {args.seed}): {result['what']}")
    print(f"  {CHARGERS} stations, {LIMIT_A:g} A x 3 phases, min {MIN_A:g} A; {len(run.sessions)} sessions, "
          f"{run.events} arrivals+departures in {window:.0f} s; evdesk killed at {run.kill_time:.0f} s, "
          f"back at {run.restart_time:.0f} s (leases {LEASE_SECONDS:g} s)")
    rows = [
        ("above 400 A while evdesk ran", f"longest {over['up']['longest_s']:g} s, total {over['up']['total_s']:g} s, "
                                         f"peak phase {over['up']['peak_a']:g} A"),
        ("above 400 A while it was down", f"longest {over['down']['longest_s']:g} s, total {over['down']['total_s']:g} s, "
                                          f"peak phase {over['down']['peak_a']:g} A"),
        ("  of which after the leases ran out", f"{result['over_400a_while_down_after_leases']}"),
        ("re-allocation CPU (evdesk log)", f"n={cpu.get('count')} p50 {cpu.get('p50_ms')} / p99 {cpu.get('p99_ms')} / "
                                           f"max {cpu.get('max_ms')} ms"),
        ("profile messages", f"{messages['total']} ({messages['TxProfile']} Tx, {messages['TxDefaultProfile']} default) "
                             f"= {messages['per_hour_at_this_rate']}/h at this compressed rate, "
                             f"{messages['per_arrival_or_departure']} per arrival/departure; {messages['outcomes']}"),
        ("energy vs ideal", f"{result['energy_kwh']} kWh vs {result['ideal_kwh']} kWh = {result['energy_vs_ideal_percent']} %"),
        ("sessions at the end of the outage", f"{result['at_end_of_outage']}"),
        ("no TxProfile while evdesk ran", f"longest a session went without: "
                                          f"{result['longest_session_without_tx_profile_while_up_s']} s; after the "
                                          f"restart every session had one after "
                                          f"{result['all_sessions_on_tx_profile_after_restart_s']} s"),
        ("projected past the leases", f"{run.projection} (not observed: outage {args.down:g} s < lease)"
         if args.down < LEASE_SECONDS else f"{run.projection}"),
    ]
    for name, value in rows:
        print(f"  {name:<32} {value}")
    print(f"  wall time {result['wall_s']} s (2 shared cores: evdesk, the simulators and other work)")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
