"""How fast the dashboard, the station statistics and the charging-points overview answer over a
site of 2,000 stations and 1,000,000 sessions, and how the window's loop keeps up while every
station changes status.

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/dashboard_benchmark.py [--data DIR] [--sessions N]

The data set is `sessions_dataset.py`'s (made into DIR the first time, with 2,000 stations, and
reused later: making it takes minutes); its rows are inserted behind the write path, so the
hourly aggregates are rebuilt once after making it (`evdesk aggregates rebuild` does the same).
A copy of the reports benchmark's data set (`reports_dataset.py`: 2,000 stations, 1M sessions,
10M meter readings, status events, aggregates built) is taken as it is (a DIR with its
`dataset.json`). The benchmark writes status events into DIR: never point it at a data set
another benchmark still uses.
Prints, as JSON lines, the median and worst of several runs:

* dashboard_open_ms: the Dashboard page built (tree of 2,000 stations, summary, donut, faults) and
  its first figures read from the store (cards, last 24 hours, 30-day chart) — target ≤ 300 ms;
  the first open of the program (every chart bucket read) apart, later opens read the chart's last
  two buckets;
* dashboard_refresh_ms: the figures read again and the status redrawn — target ≤ 100 ms;
* dashboard_*_cpu_ms: the CPU time (process_time, all threads) of the same runs: on a shared
  machine the wall time includes waiting for a core and the disk, the CPU time does not;
* station_statistics_ms: one station's 30-day Statistics tab — target ≤ 150 ms;
* group_statistics_ms, overview_ms: a top group's 30 days; every charging point of the overview;
* loop lag while all 2,000 stations send status changes (8,000 connector events over a few seconds)
  with the dashboard shown, and the same without it (what the rest of evdesk costs: the status
  writes and their aggregates): p50 / p99 / max of a 10 ms timer's lateness — target p99 ≤ 50 ms;
  and how long each coalesced dashboard redraw took.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

RUNS = 7


def figures(samples: list[float]) -> dict:
    return {"median": round(statistics.median(samples), 1), "worst": round(max(samples), 1)}


def prepare(folder: Path, sessions: int) -> None:
    from evdesk.store.aggregates import rebuild
    from evdesk.store.database import Store
    from tests.benchmarks.sessions_dataset import make

    if (folder / "evdesk.db").exists() and ((folder / "aggregates.done").exists()
                                            or (folder / "dataset.json").exists()):
        return  # made earlier (here, or by reports_dataset.py, whose aggregates are rebuilt already)
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    if not (folder / "evdesk.db").exists():
        make(folder, sessions, station_count=2000)
        print(json.dumps({"dataset_made_s": round(time.perf_counter() - started, 1)}), flush=True)
    started = time.perf_counter()
    store = Store.sqlite(folder / "evdesk.db")
    store.open()
    store.call_sync(lambda: m_atomic(rebuild))
    store.close()
    (folder / "aggregates.done").write_text("ok")
    print(json.dumps({"aggregates_rebuilt_s": round(time.perf_counter() - started, 1)}), flush=True)


def m_atomic(fn):
    from evdesk.store import models as m

    with m.Transaction._meta.database.atomic():
        return fn()


async def measure(folder: Path) -> None:
    from evdesk.core.permissions import SYSTEM_CONTEXT
    from evdesk.core.services import Services
    from evdesk.gui import display
    from evdesk.gui.pages.dashboard_page import DashboardPage
    from evdesk.settings import SiteSettings
    from evdesk.store.database import Store

    from evdesk.core.gc_pacer import GcPacer

    store = Store.sqlite(folder / "evdesk.db")
    store.open()
    pacer = GcPacer()  # as the window runs (gui/gc_guard.py): no full collection rescans the site
    services = Services(store, SiteSettings(site_timezone="Europe/Helsinki"))
    await services.start(load_settings=False)
    stations = sorted(services.stations.all(), key=lambda s: s.identity)
    for n, info in enumerate(stations):  # a living site: all online, some charging, a few faulted
        services.status.connected(info)
        services.status.status_notification(info, 1, "Charging" if n % 3 == 0 else "Available")
        services.status.status_notification(info, 2, "Faulted" if n % 97 == 0 else "Available",
                                            "GroundFailure" if n % 97 == 0 else "NoError")
    await services.batch.flush()
    pacer.start()

    async def pace():
        while True:
            await asyncio.sleep(0.5)
            pacer.tick()

    pacing = asyncio.ensure_future(pace())
    ctx = SYSTEM_CONTEXT
    zone = display.zone_of(services.settings)

    from PySide6.QtWidgets import QWidget

    class Window(QWidget):
        def current_operator(self):
            return ctx

    window = Window()
    window.resize(1400, 1000)

    cpu: dict[str, list[float]] = {"open": [], "refresh": []}  # process CPU (all threads) of each run

    async def open_once() -> float:
        started, cpu_started = time.perf_counter(), time.process_time()
        page = DashboardPage(services, window)
        await asyncio.gather(services.dashboard.period_cards(ctx, "7d", zone), services.dashboard.last_24h(ctx),
                             services.dashboard.consumption(ctx, "30d", "day", zone))
        took = (time.perf_counter() - started) * 1000
        cpu["open"].append((time.process_time() - cpu_started) * 1000)
        page.detach()
        page.deleteLater()
        return took

    opens = [await open_once() for _ in range(RUNS)]
    page = DashboardPage(services, window)
    page.show()
    window.show()
    page.refresh_store()

    async def refresh_once() -> float:
        started, cpu_started = time.perf_counter(), time.process_time()
        cards, day, chart = await asyncio.gather(services.dashboard.period_cards(ctx, "7d", zone),
                                                 services.dashboard.last_24h(ctx),
                                                 services.dashboard.consumption(ctx, "30d", "day", zone))
        page._show_store((cards, day, chart))
        page.redraw_status()
        cpu["refresh"].append((time.process_time() - cpu_started) * 1000)
        return (time.perf_counter() - started) * 1000

    refreshes = [await refresh_once() for _ in range(RUNS)]
    busiest = stations[0]

    async def timed(coro_fn) -> list[float]:
        out = []
        for _ in range(RUNS):
            started = time.perf_counter()
            await coro_fn()
            out.append((time.perf_counter() - started) * 1000)
        return out

    station_stats = await timed(lambda: services.station_statistics.station(ctx, busiest.id, 30))
    top_group = next(g for g in services.group_tree.groups.values() if g.parent_id is None)
    group_stats = await timed(lambda: services.station_statistics.group(ctx, top_group.id, 30))
    overview = await timed(lambda: services.overview.rows(ctx))
    print(json.dumps({"stations": len(stations), "dashboard_first_open_ms": round(opens[0], 1),
                      "dashboard_open_ms": figures(opens[1:]),
                      "dashboard_refresh_ms": figures(refreshes),
                      "dashboard_first_open_cpu_ms": round(cpu["open"][0], 1), "dashboard_open_cpu_ms": figures(
                          cpu["open"][1:]), "dashboard_refresh_cpu_ms": figures(cpu["refresh"]), "station_statistics_ms": figures(station_stats),
                      "group_statistics_ms": figures(group_stats), "overview_ms": figures(overview),
                      "overview_points": len(await services.overview.rows(ctx))}), flush=True)

    # -- the loop while every station changes status -----------------------------------------------------
    redraws: list[float] = []
    plain_redraw = page.redraw_status

    def timed_redraw():
        started = time.perf_counter()
        plain_redraw()
        redraws.append((time.perf_counter() - started) * 1000)

    page._status._timer.timeout.disconnect()
    page._status._timer.timeout.connect(timed_redraw)

    async def storm_lag(round_base: int) -> dict:
        lateness: list[float] = []
        stop = False

        async def ticker():
            while not stop:
                before = time.perf_counter()
                await asyncio.sleep(0.01)
                lateness.append((time.perf_counter() - before - 0.01) * 1000)

        tick = asyncio.ensure_future(ticker())
        started = time.perf_counter()
        for round_ in range(round_base, round_base + 2):
            for n, info in enumerate(stations):
                services.status.status_notification(info, 1, "Charging" if (n + round_) % 2 else "Available")
                services.status.status_notification(info, 2, "SuspendedEV" if n % 5 == round_ % 5 else "Available")
                if n % 20 == 19:
                    await asyncio.sleep(0.002)  # frames arrive over time, as from 2,000 sockets
        await asyncio.sleep(1.0)  # the coalesced redraw and the status writes after the burst
        stop = True
        await tick
        lateness.sort()
        return {"status_events": 4 * len(stations), "storm_s": round(time.perf_counter() - started, 2),
                "loop_lag_ms": {"p50": round(lateness[len(lateness) // 2], 1),
                                "p99": round(lateness[int(len(lateness) * 0.99)], 1), "max": round(lateness[-1], 1)}}

    with_page = await storm_lag(0)
    with_page["dashboard_redraws"] = len(redraws)
    with_page["dashboard_redraw_ms"] = figures(redraws) if redraws else None
    with_page["summary"] = page.summary_label.text()
    print(json.dumps({"with_dashboard_shown": with_page}), flush=True)
    page.hide()
    print(json.dumps({"without_dashboard": await storm_lag(2)}), flush=True)
    page.detach()
    pacing.cancel()
    pacer.stop()
    await services.stop()
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "evdesk-dash-bench")
    parser.add_argument("--sessions", type=int, default=1_000_000)
    args = parser.parse_args()
    prepare(args.data, args.sessions)
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from evdesk.gui.event_loop import make_event_loop

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())  # a fresh seat
    app = QApplication.instance() or QApplication([])
    app.setQuitOnLastWindowClosed(False)
    loop = make_event_loop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(measure(args.data))


if __name__ == "__main__":
    main()
