"""The charging log over a million sessions: first page, filter changes, the CSV export, and the
window's loop lag meanwhile.

    python tests/benchmarks/sessions_dataset.py --out /tmp/sessions-1m      # once (about 80 s)
    QT_QPA_PLATFORM=offscreen python tests/benchmarks/sessions_benchmark.py --data /tmp/sessions-1m

Works on a copy of the data set's database (the first open applies the migrations).
Prints, for a whole-site admin and for an admin limited to one top group:

* first page: the Sessions page's first query (last 30 days, newest first, 200 rows) and
  the unfiltered one, each on a cold reader (first run) and warm (median of 5);
* filter changes: each filter and sort the page offers, median of 3;
* the CSV export of the newest 100,000 sessions to a file;
* the window: the Sessions page (its model, fetchMore and the export button's path) on
  the qasync loop with the loop-lag monitor: p50 / p99 / max lag while it loads, scrolls
  ten pages, changes filters and exports 100,000 sessions.

Figures, not a test: targets are first page ≤ 200 ms, filter change ≤ 300 ms, CSV
100,000 ≤ 10 s, loop lag p99 ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from evdesk.core.clock import utcnow  # noqa: E402
from evdesk.core.permissions import ADMIN, OperatorContext  # noqa: E402
from evdesk.core.reads.sessions import SessionFilter  # noqa: E402
from evdesk.core.services import Services  # noqa: E402
from evdesk.settings import SiteSettings  # noqa: E402
from evdesk.store.database import Store  # noqa: E402


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


async def timed(fn, runs: int = 3) -> tuple[float, float]:
    """(first run, median of the runs)."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        await fn()
        times.append(time.perf_counter() - t)
    return times[0], statistics.median(times)


def filters(services) -> dict[str, SessionFilter]:
    now = utcnow()
    month = now - timedelta(days=30)
    stations = sorted(services.stations.all(), key=lambda s: s.identity)
    groups = sorted(services.group_tree.groups.values(), key=lambda g: g.name)
    top = next(g for g in groups if g.parent_id is None)
    return {
        "last 7 days": SessionFilter(since=now - timedelta(days=7)),
        "last 60 days": SessionFilter(since=now - timedelta(days=60)),
        "custom range (a year ago, 10 days)": SessionFilter(since=now - timedelta(days=365),
                                                            until=now - timedelta(days=355)),
        "group with subgroups (30 days)": SessionFilter(since=month, group_id=top.id),
        "station (30 days)": SessionFilter(since=month, station_id=stations[7].id),
        "station, all time": SessionFilter(station_id=stations[7].id),
        "station + connector 2": SessionFilter(station_id=stations[7].id, connector_id=2),
        "user, all time": SessionFilter(user_id=services.bench_user_id),
        "user group (30 days)": SessionFilter(since=month, user_group_id=services.bench_user_group_id),
        "user group, all time": SessionFilter(user_group_id=services.bench_user_group_id),
        "token, all time": SessionFilter(token_id=services.bench_token_id),
        "status failed (30 days)": SessionFilter(since=month, state="failed"),
        "status running": SessionFilter(state="active"),
        "flags present, all time": SessionFilter(flagged=True),
        "text 'Mäkelä' (30 days)": SessionFilter(since=month, text="Mäkelä"),
        "text 'charger 12' (30 days)": SessionFilter(since=month, text="charger 12"),
        "text 'Mäkelä', all time": SessionFilter(text="Mäkelä"),
        "text matching nothing (30 days)": SessionFilter(since=month, text="zzzz"),
        "sort by energy (30 days)": SessionFilter(since=month, sort="energy"),
        "sort by energy, all time": SessionFilter(sort="energy"),
        "sort by cost, all time, ascending": SessionFilter(sort="cost", descending=False),
        "sort by duration (30 days)": SessionFilter(since=month, sort="duration"),
        "sort by duration, all time": SessionFilter(sort="duration"),
    }


async def core_figures(services, ctxs) -> None:
    now = utcnow()
    for label, ctx in ctxs:
        print(f"\n== {label}")
        first = SessionFilter(since=now - timedelta(days=30))
        cold, warm = await timed(lambda: services.sessions.page(ctx, first, limit=200), 5)
        print(f"first page, last 30 days        cold {ms(cold)}   warm {ms(warm)}")
        cold, warm = await timed(lambda: services.sessions.page(ctx, SessionFilter(), limit=200), 5)
        print(f"first page, all time            cold {ms(cold)}   warm {ms(warm)}")
        _c, warm = await timed(lambda: services.sessions.count(ctx, first), 3)
        print(f"count (up to 100,000), 30 days       {ms(warm)}")
        page = await services.sessions.page(ctx, first, limit=200)
        _c, warm = await timed(lambda: services.sessions.page(ctx, first, cursor=page.next_cursor, limit=200), 3)
        print(f"next page (fetchMore)                {ms(warm)}")
        worst = 0.0
        for name, flt in filters(services).items():
            try:
                cold, warm = await timed(lambda flt=flt: services.sessions.page(ctx, flt, limit=200))
            except Exception as exc:  # noqa: BLE001 - e.g. a group outside the limited admin's domain
                print(f"  {name:40s} refused: {exc}")
                continue
            worst = max(worst, warm)
            print(f"  {name:40s} first {ms(cold)}  median {ms(warm)}")
        print(f"worst filter change (median)         {ms(worst)}")


async def export_figures(services, ctx, folder: Path) -> SessionFilter:
    newest = (await services.sessions.page(ctx, SessionFilter(), limit=1)).items[0].started_at
    # the period holding the newest 100,000 sessions
    page = await services.sessions.page(ctx, SessionFilter(), limit=1000)
    cursor = page.next_cursor
    for _ in range(99):
        page = await services.sessions.page(ctx, SessionFilter(), cursor=cursor, limit=1000)
        cursor = page.next_cursor
    flt = SessionFilter(since=page.items[-1].started_at, until=newest + timedelta(seconds=1))
    progress = []
    t = time.perf_counter()
    result = await services.session_export.to_file(ctx, flt, folder / "export.csv",
                                                   progress=lambda d, n: progress.append((time.perf_counter() - t, d)))
    took = time.perf_counter() - t
    size = (folder / "export.csv").stat().st_size / 1e6
    print(f"\nCSV export: {result.rows:,} sessions ({size:.1f} MB) in {took:.2f} s; "
          f"{len(progress)} progress reports, first after {progress[0][0] * 1000:.0f} ms")
    return flt


async def gui_figures(services, flt_export: SessionFilter, folder: Path) -> None:
    from evdesk.gui.pages.sessions_page import SessionsPage

    ctx = services.bench_ctx
    page = SessionsPage(services, lambda: ctx)
    page.resize(1400, 800)
    page.show()
    lag = services.loop_lag
    model = page.model

    async def until(cond, timeout=60.0):
        deadline = time.perf_counter() + timeout
        while not cond():
            if time.perf_counter() > deadline:
                raise TimeoutError("the page did not finish in time")
            await asyncio.sleep(0.005)

    lag.reset()
    t = time.perf_counter()
    page.apply_filter()
    await until(lambda: model.rowCount() > 0 and not model.loading)
    shown = time.perf_counter() - t
    for _ in range(10):
        model.fetchMore()
        await until(lambda: not model.loading)
    combo = page.ui.statusCombo
    for i in range(combo.count()):
        combo.setCurrentIndex(i)
        await until(lambda: not model.loading)
    page.ui.searchEdit.setText("Mäkelä")
    page.apply_filter()
    await until(lambda: not model.loading)
    loading = lag.stats()
    print(f"\nwindow: first page shown {shown * 1000:.0f} ms after the filter; then 10 more pages, the status "
          f"filters and a text search ({model.rowCount()} rows at the end)")
    print(f"loop lag while loading, scrolling 10 pages, 5 filter changes: p50 {loading['p50_ms']:.1f} ms, "
          f"p99 {loading['p99_ms']:.1f} ms, max {loading['max_ms']:.1f} ms")
    lag.reset()
    t = time.perf_counter()
    job = page.export_to(str(folder / "gui-export.csv"), flt_export)
    await until(lambda: job.finished, timeout=120)
    took = time.perf_counter() - t
    exporting = lag.stats()
    print(f"export from the page: {job.rows:,} sessions in {took:.2f} s; loop lag p50 {exporting['p50_ms']:.1f} ms, "
          f"p99 {exporting['p99_ms']:.1f} ms, max {exporting['max_ms']:.1f} ms")
    page.detach()
    page.close()


async def run(args) -> None:
    folder = Path(tempfile.mkdtemp(prefix="evdesk-sessions-bench-"))
    try:
        shutil.copy(args.data / "evdesk.db", folder / "evdesk.db")
        t = time.perf_counter()
        store = Store.sqlite(folder / "evdesk.db")
        store.open()
        print(f"opened (migrations included) in {time.perf_counter() - t:.1f} s")
        services = Services(store, SiteSettings(site_timezone="Europe/Helsinki"))
        await services.start(load_settings=False)
        from evdesk.store import models as m

        def pick():
            U, TK = m.ChargingUser, m.Token
            user = U.select(U.id, U.user_group).order_by(U.id).offset(17).first()
            token = TK.select(TK.id).where(TK.user == user.id).first()
            return user.id, user.user_group_id, token.id

        services.bench_user_id, services.bench_user_group_id, services.bench_token_id = await store.read(pick)
        root = OperatorContext(None, "bench-admin", ADMIN)
        top = next(g for g in sorted(services.group_tree.groups.values(), key=lambda g: g.name) if g.parent_id is None)
        limited = services.group_tree.fresh(OperatorContext(None, "bench-depot", ADMIN, top.id, frozenset({top.id})))
        services.bench_ctx = root
        await core_figures(services, [("whole-site admin", root), (f"admin of {top.name} (a third)", limited)])
        flt = await export_figures(services, root, folder)
        if not args.no_gui:
            await gui_figures(services, flt, folder)
        await services.stop()
        store.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="a folder made by sessions_dataset.py")
    parser.add_argument("--no-gui", action="store_true")
    args = parser.parse_args()
    if args.no_gui:
        asyncio.run(run(args))
        return
    from PySide6.QtWidgets import QApplication

    from evdesk.gui.event_loop import make_event_loop

    app = QApplication.instance() or QApplication([])
    app.setQuitOnLastWindowClosed(False)  # closing the page must not stop the loop
    loop = make_event_loop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(run(args))


if __name__ == "__main__":
    main()
