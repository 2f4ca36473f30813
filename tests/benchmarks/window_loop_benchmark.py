"""How fast the window's event loop turns with many connected stations: qasync's own socket
notifiers against evdesk's epoll-backed loop (evdesk/gui/event_loop.py).

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/window_loop_benchmark.py [--sockets 0,500,2000,4000]

Prints, per loop and number of idle sockets, how many loop passes a second an
`await asyncio.sleep(0)` gets (every callback a station's frame needs is one), and
how many callbacks a second 2,000 tasks resuming at once get through (a busy site:
every answered frame resumes a task).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def passes_per_second(make_loop, app, sockets: int, seconds: float = 2.0) -> float:
    loop = make_loop(app)
    asyncio.set_event_loop(loop)
    pairs = [socket.socketpair() for _ in range(sockets)]

    async def turn():
        for a, _b in pairs:
            a.setblocking(False)
            loop.add_reader(a.fileno(), lambda: None)
        start, n = time.perf_counter(), 0
        while time.perf_counter() - start < seconds:
            await asyncio.sleep(0)
            n += 1
        single = n / seconds
        counts = [0] * 2000

        async def worker(i):
            while time.perf_counter() - start < seconds:
                await asyncio.sleep(0)
                counts[i] += 1

        start = time.perf_counter()
        await asyncio.gather(*(worker(i) for i in range(len(counts))))
        for a, _b in pairs:
            loop.remove_reader(a.fileno())
        return single, sum(counts) / seconds

    try:
        return loop.run_until_complete(turn())
    finally:
        loop.close()
        for a, b in pairs:
            a.close(), b.close()


def main() -> None:
    import qasync
    from PySide6.QtWidgets import QApplication

    from evdesk.gui.event_loop import make_event_loop

    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sockets", default="0,500,2000,4000")
    args = p.parse_args()
    app = QApplication.instance() or QApplication([])
    for count in (int(n) for n in args.sockets.split(",")):
        qt = passes_per_second(qasync.QEventLoop, app, count)
        ours = passes_per_second(make_event_loop, app, count)
        print(json.dumps({"sockets": count, "qasync_passes_per_s": round(qt[0]), "evdesk_passes_per_s": round(ours[0]),
                          "qasync_callbacks_per_s_2000_tasks": round(qt[1]),
                          "evdesk_callbacks_per_s_2000_tasks": round(ours[1])}), flush=True)


if __name__ == "__main__":
    main()
