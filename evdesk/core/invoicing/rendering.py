"""Invoice PDFs made in worker processes, awaited on the loop.

reportlab holds the GIL while it lays out a page, so PDFs are never made on the loop's
thread nor in a thread of its process: a pool of worker processes (started on first
use with "spawn", safe next to Qt's threads) runs `render_invoice_pdf`, and the loop
only awaits the results. The pool is shut down when the services stop.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from evdesk.core.invoicing.document import InvoiceDocument
from evdesk.core.invoicing.pdf import render_invoice_pdf


class ProcessRenderer:
    def __init__(self, workers: int | None = None):
        self.workers = workers or max(1, min(4, (os.cpu_count() or 2)))
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))
        return self._pool

    async def render_many(self, docs: list[InvoiceDocument]) -> list[bytes]:
        if not docs:
            return []
        loop = asyncio.get_running_loop()
        pool = self._executor()
        return list(await asyncio.gather(*(loop.run_in_executor(pool, render_invoice_pdf, d) for d in docs)))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
