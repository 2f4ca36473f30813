"""Notification watch figures on a site of 2,000 stations (in-process, a temporary SQLite file,
a real aiosmtpd server).

    python tests/benchmarks/notification_watch_benchmark.py [--stations 2000] [--events 200000]

1. The hot path: the cost of one StatusNotification's bus delivery to the watch (the status
   service's own work included and measured once without the watch, so the difference is
   the watch's share), in microseconds per status notification.
2. A tick with nothing open, and a tick over a fault storm (200 stations of 20 groups Faulted, 20
   rules): the tick's time in milliseconds (the mail sending and logging happen afterwards,
   in a background task, and are timed separately: mails per second to the local SMTP server).
3. Store calls the watch makes on the hot path: the store's run/read wrapped, calls coming from
   the watch counted (0: it works in memory).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from evdesk.core.notifications import cases as c  # noqa: E402
from evdesk.core.permissions import SYSTEM_CONTEXT  # noqa: E402
from evdesk.core.services import Services  # noqa: E402
from evdesk.settings import SiteSettings  # noqa: E402
from evdesk.store.database import Store  # noqa: E402
from tests.mailserver import Collector, PortZeroController  # noqa: E402
from tests.manual_clock import ManualClock  # noqa: E402

STATUSES = ("Available", "Preparing", "Charging", "SuspendedEV", "Finishing", "Available")


async def run(n_stations: int, n_events: int, smtp_port: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.sqlite(Path(tmp) / "site.db")
        store.open()
        clock = ManualClock()
        settings = SiteSettings(post_boot_quiet_seconds=0.0, smtp_host="127.0.0.1", smtp_port=smtp_port,
                                smtp_security="none", smtp_from="evdesk@depot.example")
        sv = Services(store, settings, clock=clock, notification_tick=3600)
        await sv.start(load_settings=False)
        groups = [await sv.groups.add(SYSTEM_CONTEXT, f"Site {i:02d}") for i in range(20)]
        for i in range(n_stations):
            await sv.stations.create_station(f"CP{i:05d}", group_id=groups[i % 20].id, connectors=2,
                                             ctx=SYSTEM_CONTEXT)
        for g in groups:
            await sv.notifications.rules.create(SYSTEM_CONTEXT, {
                "name": g.name, "group_id": g.id, "emails": [f"ops-{g.name[-2:]}@depot.example"],
                "cases": list(c.CASES)})
        infos = [sv.stations.get(f"CP{i:05d}") for i in range(n_stations)]
        calls = {"n": 0}
        run_, read_ = store.run, store.read

        def counting(fn):
            async def wrapped(*a, **k):
                frame = sys._getframe(1)
                while frame is not None:  # asked for by the watch?
                    if frame.f_code.co_filename.endswith("notifications/watch.py"):
                        calls["n"] += 1
                        break
                    frame = frame.f_back
                return await fn(*a, **k)
            return wrapped

        async def one_pass(label: str) -> float:
            started = time.perf_counter()
            for k in range(n_events):
                sv.status.status_notification(infos[k % n_stations], 1 + k % 2, STATUSES[k % len(STATUSES)])
                if k % 500 == 499:
                    await asyncio.sleep(0)  # let the batch writer breathe, as the loop would
            per = (time.perf_counter() - started) / n_events * 1e6
            print(f"  {label}: {per:.1f} µs per status notification")
            return per

        print(f"{n_stations} stations, {len(groups)} rules, {n_events} status notifications")
        store.run, store.read = counting(run_), counting(read_)
        with_watch = await one_pass("status service + watch")
        store.run, store.read = run_, read_
        for unsubscribe in sv.notifications.watch._unsubscribe:
            unsubscribe()
        without = await one_pass("status service alone")
        print(f"  the watch's share: {max(0.0, with_watch - without):.1f} µs per status notification; "
              f"store calls the watch made on the hot path: {calls['n']}")
        sv.notifications.watch.__init__(store, sv.bus, sv.settings, sv.stations, sv.group_tree,
                                        sv.notifications.rules, sv.mail, clock=clock, tick_seconds=3600)
        watch = sv.notifications.watch
        ticks = []
        for _ in range(20):
            started = time.perf_counter()
            watch.tick()
            ticks.append((time.perf_counter() - started) * 1000)
        print(f"tick with nothing open: median {statistics.median(ticks):.3f} ms")
        for info in infos[:200]:
            sv.status.status_notification(info, 1, "Faulted", "GroundFailure")
        clock.advance(61)
        started = time.perf_counter()
        watch.tick()
        storm_tick = (time.perf_counter() - started) * 1000
        mails_started = time.perf_counter()
        await watch.idle()
        mail_seconds = time.perf_counter() - mails_started
        rows = await sv.notifications.mail_log(SYSTEM_CONTEXT, 1000)
        mails = len({(r.to, r.subject) for r in rows})
        print(f"tick over a fault storm ({len(infos[:200])} stations Faulted): {storm_tick:.1f} ms; "
              f"then {mails} mails (digests: more than 5 stations of a rule at once) with {len(rows)} log rows "
              f"written, sent and logged in {mail_seconds:.2f} s")
        ticks = []
        for _ in range(20):
            clock.advance(5)
            started = time.perf_counter()
            watch.tick()
            ticks.append((time.perf_counter() - started) * 1000)
        print(f"tick with {len(watch.episodes)} open episodes (all mailed): median {statistics.median(ticks):.2f} ms")
        await sv.stop()
        store.close()


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--stations", type=int, default=2000)
    p.add_argument("--events", type=int, default=200_000)
    args = p.parse_args()
    controller = PortZeroController(Collector(), hostname="127.0.0.1", port=0)
    controller.start()
    try:
        asyncio.run(run(args.stations, args.events, controller.port))
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
