"""The invoice PDF pool: real spawned worker processes, awaited from the asyncio loop."""

from __future__ import annotations

import asyncio
import gc
import os
import threading
import time

import pytest

from evdesk.core.invoicing.render_pool import InvoicePdfPool, InvoiceRenderError, default_workers
from tests.core.invoice_examples import generated, manual_example, render_or_die, slow_render


async def test_twenty_invoices_render_in_worker_processes_with_progress():
    pool = InvoicePdfPool(workers=2)
    docs = [generated(i) for i in range(20)]
    progress: list[tuple[int, int]] = []
    loop_thread = threading.get_ident()
    try:
        results = await pool.render_all(docs, on_progress=lambda done, total: progress.append((done, total)))
        worker_pids = {p.pid for p in pool._executor._processes.values()}
    finally:
        await pool.close()
    assert sorted(r.number for r in results) == sorted(d.number for d in docs)
    assert all(r.ok and r.pdf.startswith(b"%PDF-") and r.pdf.rstrip().endswith(b"%%EOF") for r in results)
    assert progress == [(n, 20) for n in range(1, 21)]
    assert len(worker_pids) == 2 and os.getpid() not in worker_pids
    assert threading.get_ident() == loop_thread
    # the same bytes as a render in this process: the workers run the real renderer
    from evdesk.core.invoicing.pdf import render_invoice_pdf
    by_number = {r.number: r.pdf for r in results}
    assert by_number[docs[3].number] == render_invoice_pdf(docs[3])


async def test_the_loop_keeps_running_while_pdfs_are_made():
    from evdesk.core.invoicing.pdf import render_invoice_pdf

    docs = [generated(i, sessions=300) for i in range(16)]
    cpu_before = time.thread_time()
    render_invoice_pdf(docs[0])
    one_render_cpu = time.thread_time() - cpu_before  # what a render costs the thread that makes it
    pool = InvoicePdfPool(workers=2)
    await pool.start()
    gaps: list[float] = []
    stop = asyncio.Event()

    async def ticker():
        last = time.perf_counter()
        while not stop.is_set():
            await asyncio.sleep(0.005)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    # a full collection of the test session's heap (late in a whole run) can stop every thread for
    # half a second; that pause is not the pool's, so the session's objects are set aside meanwhile
    gc.collect()
    gc.freeze()
    tick = asyncio.create_task(ticker())
    loop_cpu_before = time.thread_time()
    try:
        results = await pool.render_all(docs)
    finally:
        stop.set()
        await tick
        loop_cpu = time.thread_time() - loop_cpu_before
        gc.unfreeze()
        await pool.close()
    assert all(r.ok for r in results) and len(results) == 16
    # sixteen renders cost the loop's thread less than two would: it only hands documents over and
    # takes bytes back (a render on the loop would cost it sixteen)
    assert loop_cpu < 2 * one_render_cpu, (loop_cpu, one_render_cpu)
    # and the loop never waits as long as a few renders would take (one is about 50 ms of CPU here)
    assert len(gaps) > 20 and max(gaps) < 0.25, max(gaps)


async def test_cancel_stops_the_remaining_documents_at_once():
    pool = InvoicePdfPool(workers=2, render=slow_render)  # 0.5 s per document
    cancel = asyncio.Event()
    seen: list[str] = []
    try:
        await pool.start()
        started = time.perf_counter()
        async for result in pool.render_many([manual_example(number=str(i)) for i in range(40)],
                                             cancel_event=cancel):
            seen.append(result.number)
            if len(seen) == 2:
                cancel.set()
        elapsed = time.perf_counter() - started
    finally:
        await pool.close()
    # 40 documents would take 10 s on two workers; after the cancel at most the ones in flight finish
    assert 2 <= len(seen) <= 6, seen
    assert elapsed < 3, elapsed


async def test_leaving_the_loop_early_cancels_the_rest_and_the_pool_stays_usable():
    pool = InvoicePdfPool(workers=2, render=slow_render)
    try:
        stream = pool.render_many([manual_example(number=str(i)) for i in range(40)])
        async for _ in stream:
            break
        await stream.aclose()
        started = time.perf_counter()
        assert (await pool.render(manual_example(number="after"))) == b"after"
        # the new document did not wait behind 39 queued ones
        assert time.perf_counter() - started < 2.5
    finally:
        await pool.close()


async def test_a_dead_worker_becomes_an_error_for_its_document_and_the_others_are_made():
    pool = InvoicePdfPool(workers=2, render=render_or_die)
    docs = [manual_example(number=f"ok-{i}", sessions=()) for i in range(6)]
    docs.insert(3, manual_example(number="die-1", sessions=()))
    docs.append(manual_example(number="fail-1", sessions=()))
    try:
        results = await asyncio.wait_for(pool.render_all(docs), timeout=60)
        assert (await pool.render(manual_example(number="ok-after", sessions=()))).startswith(b"%PDF-")
    finally:
        await pool.close()
    by_number = {r.number: r for r in results}
    assert set(by_number) == {d.number for d in docs}
    assert by_number["die-1"].error == ("The PDF of invoice die-1 could not be made: the PDF worker process "
                                        "stopped unexpectedly while making it.")
    assert by_number["fail-1"].error == "The PDF of invoice fail-1 could not be made: the seller's name is missing"
    assert all(by_number[f"ok-{i}"].ok for i in range(6)), [r for r in results if not r.ok]


async def test_render_one_raises_a_sentence_for_the_operator():
    pool = InvoicePdfPool(workers=1, render=render_or_die)
    try:
        with pytest.raises(InvoiceRenderError, match="invoice fail-9 could not be made: the seller's name"):
            await pool.render(manual_example(number="fail-9"))
    finally:
        await pool.close()


async def test_the_pool_starts_lazily_and_closes_its_processes():
    pool = InvoicePdfPool(workers=1)
    assert pool._executor is None
    pdf = await pool.render(manual_example())
    processes = list(pool._executor._processes.values())
    assert pdf.startswith(b"%PDF-") and len(processes) == 1
    await pool.close()
    assert pool._executor is None and not processes[0].is_alive()


def test_workers_follow_the_cpu_count_between_one_and_four():
    assert 1 <= default_workers() <= 4
    assert default_workers() == max(1, min(4, os.cpu_count() or 1))
