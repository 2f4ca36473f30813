"""1,000 invoice PDFs through the worker-process pool (issue 11: a run of 1,000 invoices, PDF and
e-mail, in <= 20 s, with the window's loop lag p99 <= 50 ms).

    python tests/benchmarks/invoice_pdf_benchmark.py [--invoices 1000] [--workers N]

Each invoice has 5 lines and a 30-session appendix (two pages), with the EPC QR code and the
bank barcode. The pool is started first (its start is reported on its own); then all
invoices are rendered with `InvoicePdfPool.render_many` while a coroutine on the same loop
wakes every 5 ms and records how late it woke (the loop's lag). Prints the time, invoices
per second, the PDFs' total size, and the lag's p50 / p99 / max; and the workers' CPU time
per invoice (psutil), which does not depend on how busy the machine is: 1,000 x that / the
number of workers is the time on otherwise idle cores.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from evdesk.core.invoicing.render_pool import InvoicePdfPool, default_workers  # noqa: E402
from tests.core.invoice_examples import generated  # noqa: E402

TICK = 0.005


async def main(invoices: int, workers: int) -> None:
    docs = [generated(i, lines=5, sessions=30) for i in range(invoices)]
    pool = InvoicePdfPool(workers=workers)
    started = time.perf_counter()
    await pool.start()
    start_s = time.perf_counter() - started

    lags: list[float] = []
    running = True

    async def ticker() -> None:
        while running:
            before = time.perf_counter()
            await asyncio.sleep(TICK)
            lags.append(time.perf_counter() - before - TICK)

    workers_now = [psutil.Process(p.pid) for p in pool._executor._processes.values()]

    def cpu_seconds() -> float:
        return sum(sum(w.cpu_times()[:2]) for w in workers_now)

    cpu_before = cpu_seconds()
    tick = asyncio.create_task(ticker())
    size = failed = 0
    last_progress = [0]
    started = time.perf_counter()
    async for result in pool.render_many(docs, on_progress=lambda done, total: last_progress.__setitem__(0, done)):
        if result.ok:
            size += len(result.pdf)
        else:
            failed += 1
    elapsed = time.perf_counter() - started
    cpu_used = cpu_seconds() - cpu_before
    running = False
    await tick
    await pool.close()

    lags_ms = sorted(lag * 1000 for lag in lags)
    p99 = lags_ms[min(len(lags_ms) - 1, int(len(lags_ms) * 0.99))]
    print(f"workers: {workers}, pool start (spawn + fonts): {start_s:.2f} s")
    print(f"{invoices} invoice PDFs in {elapsed:.2f} s: {invoices / elapsed:.0f} invoices/s "
          f"({failed} failed, progress reached {last_progress[0]}/{invoices}), "
          f"{size / invoices / 1024:.0f} KiB per PDF")
    print(f"workers' CPU: {cpu_used / invoices * 1000:.1f} ms per invoice; on {workers} idle cores "
          f"{invoices} would take about {cpu_used / workers:.1f} s; load average now {psutil.getloadavg()[0]:.1f}")
    print(f"loop lag while rendering ({len(lags_ms)} wake-ups every {TICK * 1000:.0f} ms): "
          f"p50 {statistics.median(lags_ms):.1f} ms, p99 {p99:.1f} ms, max {lags_ms[-1]:.1f} ms")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--invoices", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=default_workers())
    args = parser.parse_args()
    asyncio.run(main(args.invoices, args.workers))
