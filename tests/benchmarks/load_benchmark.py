"""Load benchmark: evdesk (headless, and with its window offscreen) against simulated
stations in another process, and two bare `ocpp` servers as baselines.

    python tests/benchmarks/load_benchmark.py                 # everything below
    python tests/benchmarks/load_benchmark.py --only saturate --stations 200 --duration 30
    python tests/benchmarks/load_benchmark.py --only window --stations 2000 --duration 180
    python tests/benchmarks/load_benchmark.py --only bootstorm --stations 2000 [--with-window]

Figures printed:
  saturate   stations × back-to-back MeterValues/Heartbeats: messages/s of evdesk --headless
             (persisting everything) and, in the same run, of both baselines: bare_server.py (the
             ocpp library's defaults) and bare_validating_server.py (evdesk's own schema checks and
             switches, no persistence); the ratio of evdesk to each, latency p50/p99, loop lag, and
             "persisting_everything_costs": evdesk against the equal (validating) bare server
  window     evdesk with its window (QT_QPA_PLATFORM=offscreen), N stations × 2 connectors with a
             running session each, MeterValues every 60 s: latency, loop lag p99, errors,
             CPU, RSS per station
  bootstorm  N stations connect and boot at once: time until all are accepted
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare_site(data_dir: Path, stations: int, id_tag: str, accept_rate: float) -> None:
    """A database where the load's stations and token are known (the site policy accepts new ones too)."""
    from evdesk.core.site_settings import save_site_settings
    from evdesk.settings import SiteSettings
    from evdesk.store import models as m
    from evdesk.store.database import Store

    store = Store.sqlite(data_dir / "evdesk.db")
    store.open()
    store.call_sync(save_site_settings, SiteSettings(unknown_station_policy="accept", boot_accept_rate=accept_rate), 0)

    def seed():
        with store.db.atomic():
            m.Token.create(uid=id_tag, uid_key=id_tag.upper())
            group = m.ChargingGroup.create(name="Load test")
            rows = [{"identity": f"LOAD{i:05d}", "name": f"Load station {i}", "group": group.id} for i in range(1, stations + 1)]
            for i in range(0, len(rows), 500):
                m.Station.insert_many(rows[i:i + 500]).execute()

    store.call_sync(seed)
    # the window logs in unattended (EVDESK_LOGIN_USER/PASSWORD) as this admin
    from evdesk.core.passwords import hash_password

    store.call_sync(lambda: m.Operator.create(username=BENCH_USER, role="admin", status="active",
                                              password_hash=hash_password(BENCH_PASSWORD)))
    store.close()


BENCH_USER, BENCH_PASSWORD = "bench", "bench-load-2026"


def wait_port(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on {port}")


def start_evdesk(data_dir: Path, port: int, window: bool, metrics: Path) -> subprocess.Popen:
    env = dict(os.environ, EVDESK_METRICS_FILE=str(metrics), QT_QPA_PLATFORM="offscreen",
               EVDESK_LOGIN_USER=BENCH_USER, EVDESK_LOGIN_PASSWORD=BENCH_PASSWORD)
    cmd = [sys.executable, "-m", "evdesk", "--data-dir", str(data_dir), "--port", str(port), "--host", "127.0.0.1",
           "--log-level", os.environ.get("BENCH_LOG_LEVEL", "WARNING")]
    if not window:
        cmd.append("--headless")
    # its console log goes to a file: a pipe nobody reads fills up and then blocks evdesk's loop
    with open(data_dir / "evdesk-stderr.log", "ab") as err:
        proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err)
    wait_port(port, 60)
    return proc


def start_bare(script: str, port: int) -> subprocess.Popen:
    """One of the baselines: bare_server.py (library defaults) or bare_validating_server.py."""
    proc = subprocess.Popen([sys.executable, str(HERE / script), "--port", str(port)], cwd=ROOT,
                            stdout=subprocess.DEVNULL)
    wait_port(port, 60)
    return proc


BASELINES = {
    "bare_library_defaults": "bare_server.py",  # the ocpp library as its README shows it
    "bare_validating": "bare_validating_server.py",  # evdesk's checks and switches, no persistence
}


def run_load(url: str, mode: str, stations: int, duration: float, id_tag: str = "", interval: float = 60.0) -> dict:
    cmd = [sys.executable, str(HERE / "loadgen.py"), "--url", url, "--mode", mode, "--stations", str(stations),
           "--duration", str(duration), "--interval", str(interval)]
    if id_tag:
        cmd += ["--id-tag", id_tag]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 900)
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-2000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def read_metrics(path: Path) -> dict:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return {}


class Sampler:
    """CPU and memory of a process over the measured part of a run."""

    def __init__(self, pid: int):
        self.proc = psutil.Process(pid)
        self.cpu0 = self.proc.cpu_times()
        self.t0 = time.monotonic()

    def cpu_percent(self) -> float:
        cpu = self.proc.cpu_times()
        used = (cpu.user - self.cpu0.user) + (cpu.system - self.cpu0.system)
        return 100.0 * used / max(1e-9, time.monotonic() - self.t0)

    def rss_mb(self) -> float:
        return self.proc.memory_info().rss / 1e6


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()


def bench_saturate(stations: int, duration: float) -> dict:
    """Messages/s of evdesk --headless and of both bare baselines on the same load, in one run."""
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        prepare_site(data, stations, "LOADTAG", 10_000)
        bare: dict[str, dict] = {}
        for name, script in BASELINES.items():
            port = free_port()
            proc = start_bare(script, port)
            sampler = Sampler(proc.pid)
            bare[name] = run_load(f"ws://127.0.0.1:{port}/", "saturate", stations, duration, "LOADTAG")
            bare[name]["cpu_percent"] = sampler.cpu_percent()
            stop(proc)
        port = free_port()
        metrics = data / "metrics.json"
        proc = start_evdesk(data, port, window=False, metrics=metrics)
        sampler = Sampler(proc.pid)
        ev_result = run_load(f"ws://127.0.0.1:{port}/", "saturate", stations, duration, "LOADTAG")
        lag = read_metrics(metrics)
        cpu, rss = sampler.cpu_percent(), sampler.rss_mb()
        stop(proc)
        rows = count_rows(data)
    out = {
        "stations": stations, "duration_s": duration,
        "evdesk_messages_per_s": round(ev_result["messages_per_s"], 1),
        "evdesk_latency_p50_ms": round(ev_result["latency_p50_ms"], 1), "evdesk_latency_p99_ms": round(ev_result["latency_p99_ms"], 1),
        "evdesk_loop_lag_p99_ms": round(lag.get("p99_ms", -1), 1), "evdesk_cpu_percent": round(cpu), "evdesk_rss_mb": round(rss),
        "errors": ev_result["errors"] + sum(b["errors"] for b in bare.values()), "rows_persisted": rows,
    }
    for name, result in bare.items():
        out[f"{name}_messages_per_s"] = round(result["messages_per_s"], 1)
        out[f"{name}_latency_p50_ms"] = round(result["latency_p50_ms"], 1)
        out[f"{name}_latency_p99_ms"] = round(result["latency_p99_ms"], 1)
        out[f"{name}_cpu_percent"] = round(result["cpu_percent"])
        out[f"ratio_evdesk_to_{name}"] = round(ev_result["messages_per_s"] / result["messages_per_s"], 3)
    equal = bare["bare_validating"]
    # the validating bare server does evdesk's checking work and nothing else: the rest is what
    # storing every frame, status, meter value and session costs
    out["persisting_everything_costs"] = {
        "throughput_lost_percent": round(100 * (1 - ev_result["messages_per_s"] / equal["messages_per_s"]), 1),
        "latency_p50_added_ms": round(ev_result["latency_p50_ms"] - equal["latency_p50_ms"], 1),
        "latency_p99_added_ms": round(ev_result["latency_p99_ms"] - equal["latency_p99_ms"], 1),
    }
    return out


def count_rows(data: Path) -> dict:
    import sqlite3

    con = sqlite3.connect(data / "evdesk.db")
    out = {t: con.execute(f"SELECT COUNT(*) FROM \"{t}\"").fetchone()[0] for t in ("message_log", "meter_value", "status_event", "transaction")}
    con.close()
    return out


def bench_window(stations: int, duration: float, interval: float) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        prepare_site(data, stations, "LOADTAG", 200)
        port = free_port()
        metrics = data / "metrics.json"
        proc = start_evdesk(data, port, window=True, metrics=metrics)
        time.sleep(3)
        base_rss = Sampler(proc.pid).rss_mb()
        sampler = Sampler(proc.pid)
        result = run_load(f"ws://127.0.0.1:{port}/", "steady", stations, duration, "LOADTAG", interval)
        lag = read_metrics(metrics)
        cpu, rss = sampler.cpu_percent(), sampler.rss_mb()
        stop(proc)
    return {
        "stations": stations, "connectors": 2, "meter_interval_s": interval, "duration_s": duration,
        "connected": result["connected"], "messages_per_s": round(result["messages_per_s"], 1),
        "latency_p50_ms": round(result["latency_p50_ms"], 1), "latency_p99_ms": round(result["latency_p99_ms"], 1),
        "loop_lag_p99_ms": round(lag.get("p99_ms", -1), 1), "loop_lag_max_ms": round(lag.get("max_ms", -1), 1),
        "errors": result["errors"], "cpu_percent": round(cpu), "rss_mb": round(rss),
        "rss_per_station_kb": round((rss - base_rss) * 1000 / max(1, stations), 1),
    }


def bench_bootstorm(stations: int, window: bool) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        prepare_site(data, stations, "LOADTAG", 100)
        port = free_port()
        metrics = data / "metrics.json"
        proc = start_evdesk(data, port, window=window, metrics=metrics)
        time.sleep(2)
        result = run_load(f"ws://127.0.0.1:{port}/", "bootstorm", stations, 300)
        lag = read_metrics(metrics)
        stop(proc)
    return {"stations": stations, "window": window, "accepted": result["accepted"],
            "all_accepted_within_s": round(result["all_accepted_s"], 1), "errors": result["errors"],
            "loop_lag_p99_ms": round(lag.get("p99_ms", -1), 1), "accept_rate_per_s": 100}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--only", choices=["saturate", "window", "bootstorm"])
    p.add_argument("--stations", type=int)
    p.add_argument("--duration", type=float)
    p.add_argument("--interval", type=float, default=60.0)
    p.add_argument("--with-window", action="store_true", help="boot storm against evdesk with its window (offscreen)")
    args = p.parse_args()
    runs = [args.only] if args.only else ["saturate", "window", "bootstorm"]
    for name in runs:
        if name == "saturate":
            out = bench_saturate(args.stations or 200, args.duration or 30)
        elif name == "window":
            out = bench_window(args.stations or 2000, args.duration or 180, args.interval)
        else:
            out = bench_bootstorm(args.stations or 2000, window=args.with_window)
        print(json.dumps({name: out}), flush=True)


if __name__ == "__main__":
    main()
