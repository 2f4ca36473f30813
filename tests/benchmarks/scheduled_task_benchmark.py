"""A scheduled task over 500 simulated stations, run on the window's loop (issue 13).

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/scheduled_task_benchmark.py [--stations 500] [--offline 10]

evdesk runs in this process with its window (offscreen, on the Scheduled tasks page) on the
window's event loop; the simulated stations run in a child process (their own loop, like real
chargers). `--offline` of the stations are known but never connect. One "group limit" task over
all of them is started with Run now (`--rounds` times, one after the other); printed: the time until
each run is finished with an outcome per station, the outcome counts, and the window loop's lag
p50 / p99 / max over the runs (sampled every 5 ms; the bar: p99 <= 50 ms), next to the same
loop's lag over 3 s without a run (on a shared machine the difference is what the runs cost).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def fleet_child(url: str, identities: list[str]) -> None:
    """The simulated stations (child process): start, say 'ready', run until stdin closes."""
    from evdesk.simulator.fleet import Fleet

    async def run() -> None:
        fleet = Fleet(url, 0, identities=identities, connectors=1, connect_concurrency=50)
        await fleet.start()
        await fleet.wait_accepted(150)
        print("ready", flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
        await fleet.stop()

    asyncio.run(run())


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--stations", type=int, default=500)
    p.add_argument("--offline", type=int, default=10)
    p.add_argument("--rounds", type=int, default=3, help="runs of the task (Run now), one after the other")
    p.add_argument("--fleet-child", nargs=2, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.fleet_child:
        fleet_child(args.fleet_child[0], json.loads(Path(args.fleet_child[1]).read_text()))
        return

    from PySide6.QtWidgets import QApplication

    from evdesk.core.loopwatch import LoopLagMonitor
    from evdesk.core.permissions import SYSTEM_CONTEXT as ROOT_CTX
    from evdesk.core.scheduling.book import TaskInput
    from evdesk.core.scheduling.runner import TaskScheduler
    from evdesk.core.services import Services
    from evdesk.csms.server import CentralSystem
    from evdesk.gui.event_loop import make_event_loop
    from evdesk.gui.gc_guard import GuiThreadGarbageCollector
    from evdesk.gui.main_window import MainWindow
    from evdesk.settings import SiteSettings
    from evdesk.store.database import Store

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    collector = GuiThreadGarbageCollector(app)  # as the window does (gui/launcher.py): paced, on the GUI thread
    loop = make_event_loop(app)
    asyncio.set_event_loop(loop)

    async def bench(tmp: Path) -> dict:
        store = Store.sqlite(tmp / "site.db")
        store.open()
        services = Services(store, SiteSettings(site_timezone="Europe/Helsinki", post_boot_quiet_seconds=0.0,
                                                boot_accept_rate=10_000))
        await services.start(load_settings=False)
        central = CentralSystem(services, "127.0.0.1", 0)
        await central.start()
        fleet_group = await services.groups.add(ROOT_CTX, "Fleet")
        identities = [f"BENCH{n:04d}" for n in range(1, args.stations + 1)]
        for identity in identities:
            await services.stations.create_station(identity, group_id=fleet_group.id, connectors=1, ctx=ROOT_CTX)
        online = identities[: args.stations - args.offline]
        ids_file = tmp / "identities.json"
        ids_file.write_text(json.dumps(online))
        child = subprocess.Popen([sys.executable, __file__, "--fleet-child", central.url, str(ids_file)],
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=str(ROOT))
        try:
            line = await loop.run_in_executor(None, child.stdout.readline)
            if line.strip() != "ready":
                raise SystemExit(f"the simulated stations did not start: {line!r}")
            t0 = time.perf_counter()
            while sum(central.commands.is_connected(services.stations.get(i).id) for i in online) < len(online):
                if time.perf_counter() - t0 > 60:
                    raise SystemExit("not every simulated station is connected after 60 s")
                await asyncio.sleep(0.1)
            await services.operators.create_first_admin("anna", "anna-password-1", "anna@depot.example", "Anna", "Op")
            session = await services.login.login("anna", "anna-password-1")
            window = MainWindow(services, None, central.address, session=session)
            window.resize(1280, 800)
            window.show()
            window.show_page("scheduled_tasks")
            window.page("scheduled_tasks").ui.tabs.setCurrentIndex(1)  # the event feed, reloading as runs finish
            await asyncio.sleep(1.0)
            scheduler = TaskScheduler(services, central.commands, seat="bench", tick_seconds=0.5)
            await scheduler.start()
            task = await services.scheduled_tasks.create(ROOT_CTX, TaskInput(  # run by Run now
                "Set fleet max current to 16A", "group_current", {"group_ids": [str(fleet_group.id)]}, {"amps": 16}))
            lag = LoopLagMonitor(interval=0.005)
            lag.start()
            await asyncio.sleep(3.0)  # the same loop idle (stations connected, no run): what the machine gives
            idle = lag.stats()
            lag.reset()
            times, counts, last = [], {}, None
            for _round in range(args.rounds):
                started = time.perf_counter()
                await services.scheduled_tasks.run_now(ROOT_CTX, task.id)
                while True:
                    runs = await services.scheduled_tasks.runs(ROOT_CTX)
                    if len(runs) > _round and runs[0]["finished_at"] is not None:
                        break
                    await asyncio.sleep(0.05)
                times.append(time.perf_counter() - started)
                last = runs[0]
                await asyncio.sleep(0.5)  # the window shows the finished run
            figures = lag.stats()
            await lag.stop()
            outcomes = await services.scheduled_tasks.run_outcomes(ROOT_CTX, last["id"])
            for o in outcomes:
                counts[o["outcome"]] = counts.get(o["outcome"], 0) + 1
            await scheduler.stop()
            window.close()
            window.deleteLater()
            return {"stations": args.stations, "offline": args.offline, "rounds": args.rounds,
                    "summary": last["summary"], "outcomes_recorded": len(outcomes), "outcome_counts": counts,
                    "completion_s": [round(t, 2) for t in times], "loop_lag_p50_ms": round(figures["p50_ms"], 1),
                    "loop_lag_p99_ms": round(figures["p99_ms"], 1), "loop_lag_max_ms": round(figures["max_ms"], 1),
                    "lag_samples": figures["samples"], "idle_loop_lag_p99_ms": round(idle["p99_ms"], 1),
                    "idle_loop_lag_max_ms": round(idle["max_ms"], 1)}
        finally:
            child.stdin.close()
            try:
                await loop.run_in_executor(None, child.wait, 30)
            except subprocess.TimeoutExpired:
                child.kill()
            await central.stop()
            await services.stop()
            store.close()

    with tempfile.TemporaryDirectory() as tmp:
        result = loop.run_until_complete(bench(Path(tmp)))
    collector.stop()
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
