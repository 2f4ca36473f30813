"""Latency of StartTransaction, StopTransaction and every other message under a realistic load,
for evdesk and for two bare baselines on the same load in the same run.

    python tests/benchmarks/latency_benchmark.py                      # both profiles, 2,000 × 2
    python tests/benchmarks/latency_benchmark.py --only headless --stations 500 --duration 60
    python tests/benchmarks/latency_benchmark.py --only window --no-baselines

The load is chargers.py (its own process, raw websockets, hand-written OCPP 1.6J; it
behaves like real chargers: ramped connections, boot, a session on every connector at
once, local lists, MeterValues, Heartbeats, Stops after a random time, and it answers
every call of the central system). Two profiles (as in issue 8):

  headless  `python -m evdesk --headless`, MeterValues every 10 s
  window    evdesk with its main window (QT_QPA_PLATFORM=offscreen, logged in unattended
            through EVDESK_LOGIN_USER/EVDESK_LOGIN_PASSWORD), MeterValues every 60 s

Each profile runs three servers on the same load, one after the other:
  evdesk                 the real thing on a prepared site database (the load's stations
                         known, accept policy, a fleet user whose tokens the drivers use,
                         each station's meter-value interval set to the profile's)
  bare_validating        bare_validating_server.py: evdesk's frame reader, compiled schema
                         checks and switches, nothing stored
  bare_library_defaults  bare_server.py: the `ocpp` library with its defaults

Defaults: 2,000 stations × 2 connectors, ramp 100 connections/s, 180 s after the ramp.

Prints, one JSON line per run: the generator's figures (per action count, p50/p99/max ms,
CALLERRORs, timeouts; CSMS calls answered; connections, reconnects, handshake failures by
kind; messages/s), the server's CPU (% of one core) and peak RSS, evdesk's event-loop lag
from EVDESK_METRICS_FILE (p50/p99/max since its start; the max before the load is given
apart), rows stored, the generator's own CPU and loop lag, and the CPU other processes
used meanwhile. Then one comparison line per message, e.g.

    compare headless StartTransaction p50/p99 ms: evdesk 3900/8700 | bare_validating 1/9 | bare_library_defaults 2/14

The machine's cores are shared by the server and the generator. The generator's budget is
one core: it is pinned to the last CPU (--generator-cpus; the server may use every core)
at normal priority, so it can never take the server's other core; it is a single thread
and measured 8-14 % of its core at 2,000 × 2. Its own CPU and loop lag are reported: when
its loop lags or it uses a whole core, its latencies include its own delay. (A lower
priority, --generator-nice 10, made it the victim of any other load on the machine: its
loop lag p99 was 0.2-0.5 s instead of 15-25 ms.)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import load_benchmark as lb  # noqa: E402 - its site, process and metrics helpers

PROFILES = {"headless": {"window": False, "meter_interval": 10.0},
            "window": {"window": True, "meter_interval": 60.0}}
# the generator's budget: one core, the last, when there are several
DEFAULT_GENERATOR_CPUS = str(os.cpu_count() - 1) if (os.cpu_count() or 1) > 1 and hasattr(os, "sched_setaffinity") else ""
KEY_ACTIONS = ("StartTransaction", "StopTransaction", "MeterValues", "Authorize", "StatusNotification",
               "BootNotification", "Heartbeat")


def prepare_latency_site(data: Path, args, meter_interval: float) -> list[str]:
    """load_benchmark's site, plus a fleet user whose tokens may all charge at once, and the
    profile's meter-value interval on every station (evdesk configures it after each boot)."""
    from evdesk.store import models as m
    from evdesk.store.database import Store

    lb.prepare_site(data, args.stations, "LOADTAG", args.accept_rate)
    tags = ["LOADTAG"] + [f"FLEET{n:04d}" for n in range(1, args.tokens)]
    store = Store.sqlite(data / "evdesk.db")
    store.open()

    def seed():
        with store.db.atomic():
            user = m.ChargingUser.create(first_name="Fleet", last_name="Depot", email="fleet@depot.example",
                                         max_concurrent_transactions=args.stations * args.connectors)
            m.Token.update(user=user.id).where(m.Token.uid == "LOADTAG").execute()
            rows = [{"uid": t, "uid_key": t.upper(), "name": f"fleet card {t}", "user": user.id} for t in tags[1:]]
            for i in range(0, len(rows), 500):
                m.Token.insert_many(rows[i:i + 500]).execute()
            m.Station.update(meter_value_interval=int(meter_interval)).execute()

    store.call_sync(seed)
    store.close()
    return tags


class Watch:
    """CPU of a process (and of its threads) and its peak RSS, sampled in a thread; with the
    machine's total CPU, so what other processes used meanwhile can be told."""

    def __init__(self, pid: int):
        self.proc = psutil.Process(pid)
        self.peak_rss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> "Watch":
        self.cpu0, self.t0 = self.proc.cpu_times(), time.monotonic()
        self.sys0 = psutil.cpu_times()
        self.cpu1, self.t1, self.sys1 = self.cpu0, self.t0, self.sys0
        self._thread.start()
        return self

    def _sample(self) -> bool:
        try:
            with self.proc.oneshot():
                self.cpu1, self.t1 = self.proc.cpu_times(), time.monotonic()
                self.peak_rss = max(self.peak_rss, self.proc.memory_info().rss)
            self.sys1 = psutil.cpu_times()
            return True
        except psutil.Error:  # it ended: keep the last sample
            return False

    def _run(self) -> None:
        while not self._stop.wait(1.0) and self._sample():
            pass

    def finish(self) -> dict:
        self._stop.set()
        self._thread.join()
        self._sample()
        cpu, wall, sys1 = self.cpu1, max(1e-9, self.t1 - self.t0), self.sys1
        busy = sum(getattr(sys1, f) - getattr(self.sys0, f) for f in ("user", "system", "nice", "irq", "softirq"))
        return {"cpu_percent_of_one_core": round(100 * ((cpu.user - self.cpu0.user) + (cpu.system - self.cpu0.system)) / wall, 1),
                "peak_rss_mb": round(self.peak_rss / 1e6, 1), "machine_busy_percent_of_one_core": round(100 * busy / wall, 1)}


def run_chargers(url: str, args, meter_interval: float, tags: list[str], server_pid: int) -> dict:
    cmd = [sys.executable, str(HERE / "chargers.py"), "--url", url, "--stations", str(args.stations),
           "--connectors", str(args.connectors), "--ramp", str(args.ramp), "--meter-interval", str(meter_interval),
           "--duration", str(args.duration), "--id-tags", ",".join(tags), "--nice", str(args.generator_nice),
           "--progress", str(args.progress)]
    if args.generator_cpus:
        cmd += ["--cpus", args.generator_cpus]
    gen = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)  # progress lines go to our stderr
    server, generator = Watch(server_pid).start(), Watch(gen.pid).start()
    out, _ = gen.communicate(timeout=args.stations / args.ramp + args.duration + 600)
    server_figures, generator_figures = server.finish(), generator.finish()
    if gen.returncode != 0:
        raise RuntimeError(f"chargers.py failed ({gen.returncode})")
    result = json.loads(out.strip().splitlines()[-1])
    result["server"] = server_figures
    result["generator"].update(process=generator_figures)
    others = (server_figures["machine_busy_percent_of_one_core"] - server_figures["cpu_percent_of_one_core"]
              - generator_figures["cpu_percent_of_one_core"])
    result["other_processes_cpu_percent_of_one_core"] = round(max(0.0, others), 1)
    return result


def run_evdesk(profile: str, args) -> dict:
    spec = PROFILES[profile]
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        tags = prepare_latency_site(data, args, spec["meter_interval"])
        port, metrics = lb.free_port(), data / "metrics.json"
        proc = lb.start_evdesk(data, port, window=spec["window"], metrics=metrics)
        try:
            time.sleep(5 if spec["window"] else 2)  # the window logs in and shows itself
            before = lb.read_metrics(metrics)
            result = run_chargers(f"ws://127.0.0.1:{port}/", args, spec["meter_interval"], tags, proc.pid)
            lag = lb.read_metrics(metrics)
        finally:
            lb.stop(proc)
        result["loop_lag"] = {"p50_ms": _r(lag.get("p50_ms")), "p99_ms": _r(lag.get("p99_ms")),
                              "max_ms": _r(lag.get("max_ms")), "max_before_load_ms": _r(before.get("max_ms")),
                              "samples": lag.get("samples")}
        result["rows_stored"] = lb.count_rows(data)
        result["server_log_tail"] = _tail(data / "evdesk-stderr.log")
    return result


def run_bare(script: str, profile: str, args) -> dict:
    spec = PROFILES[profile]
    tags = ["LOADTAG"] + [f"FLEET{n:04d}" for n in range(1, args.tokens)]
    port = lb.free_port()
    proc = lb.start_bare(script, port)
    try:
        return run_chargers(f"ws://127.0.0.1:{port}/", args, spec["meter_interval"], tags, proc.pid)
    finally:
        lb.stop(proc)


def _r(value) -> float | None:
    return None if value is None else round(value, 1)


def _tail(path: Path, lines: int = 5) -> list[str]:
    try:
        return path.read_text(errors="replace").splitlines()[-lines:]
    except OSError:
        return []


def comparison(profile: str, runs: dict[str, dict]) -> list[str]:
    actions = set()
    for result in runs.values():
        actions.update(result["actions"])
    ordered = [a for a in KEY_ACTIONS if a in actions] + sorted(actions - set(KEY_ACTIONS))
    lines = []
    for action in ordered:
        parts = []
        for name, result in runs.items():
            f = result["actions"].get(action)
            if f is None or not f["count"]:
                parts.append(f"{name} -")
                continue
            extra = "".join(f" {k}={f[k]}" for k in ("callerrors", "timeouts") if f[k])
            parts.append(f"{name} {_fmt(f['p50_ms'])}/{_fmt(f['p99_ms'])} (n={f['count']}{extra})")
        lines.append(f"compare {profile} {action} p50/p99 ms: " + " | ".join(parts))
    return lines


def _fmt(value) -> str:
    return "-" if value is None else f"{value:g}"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--only", choices=list(PROFILES))
    p.add_argument("--stations", type=int, default=2000)
    p.add_argument("--connectors", type=int, default=2)
    p.add_argument("--ramp", type=float, default=100.0, help="new connections per second (default 100)")
    p.add_argument("--duration", type=float, default=180.0, help="seconds of load after the ramp (default 180)")
    p.add_argument("--tokens", type=int, default=50, help="the fleet's RFID cards the drivers use (default 50)")
    p.add_argument("--accept-rate", type=float, default=100.0, help="evdesk's boot accept rate per s (site default 100)")
    p.add_argument("--no-baselines", action="store_true", help="evdesk only")
    p.add_argument("--generator-nice", type=int, default=0, help="lower the generator's CPU priority by N (default 0)")
    p.add_argument("--generator-cpus", default=DEFAULT_GENERATOR_CPUS,
                   help=f"pin the generator to these CPUs ('' for none; default {DEFAULT_GENERATOR_CPUS or 'none'})")
    p.add_argument("--progress", type=float, default=30.0, help="generator progress on stderr every N s (0: none)")
    args = p.parse_args()
    summary: dict[str, dict] = {}
    for profile in ([args.only] if args.only else list(PROFILES)):
        runs = {}
        print(f"# {profile}: evdesk", file=sys.stderr, flush=True)
        runs["evdesk"] = run_evdesk(profile, args)
        print(json.dumps({"profile": profile, "server": "evdesk", **runs["evdesk"]}), flush=True)
        if not args.no_baselines:
            for name in ("bare_validating", "bare_library_defaults"):
                print(f"# {profile}: {name}", file=sys.stderr, flush=True)
                runs[name] = run_bare(lb.BASELINES[name], profile, args)
                print(json.dumps({"profile": profile, "server": name, **runs[name]}), flush=True)
        for line in comparison(profile, runs):
            print(line, flush=True)
        summary[profile] = {name: {"StartTransaction": _pick(r, "StartTransaction"),
                                   "StopTransaction": _pick(r, "StopTransaction"),
                                   "loop_lag_p99_ms": r.get("loop_lag", {}).get("p99_ms"),
                                   "server_cpu_percent": r["server"]["cpu_percent_of_one_core"],
                                   "generator_cpu_percent": r["generator"]["cpu_percent_of_one_core"],
                                   "generator_loop_lag_p99_ms": r["generator"]["loop_lag_p99_ms"],
                                   "other_processes_cpu_percent": r["other_processes_cpu_percent_of_one_core"]}
                            for name, r in runs.items()}
    print(json.dumps({"summary": summary}), flush=True)


def _pick(result: dict, action: str) -> dict:
    f = result["actions"].get(action) or {}
    return {k: f.get(k) for k in ("count", "p50_ms", "p99_ms", "max_ms", "timeouts", "callerrors")}


if __name__ == "__main__":
    main()
