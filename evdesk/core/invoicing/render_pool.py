"""Invoice PDFs rendered in worker processes, awaited from the asyncio loop.

reportlab is pure Python and holds the GIL for a whole render, so PDFs are made in a
`ProcessPoolExecutor` (spawn context: the same on every OS, no forked copy of the
GUI's threads, and it works in a PyInstaller bundle because `packaging/entry.py` calls
`multiprocessing.freeze_support()` first). The loop thread only pickles documents and
receives bytes.

Rules:
* Workers: `os.cpu_count()` capped to 1..4 (a desktop keeps cores for its window and server).
  The pool starts on first use, in a thread (spawning processes is slow), and each worker
  loads the fonts once (initializer). `close()` shuts it down; it is started again if used.
* Workers run at a lower priority (niceness +5 where the OS has it): on a 2-core desktop two
  busy workers and the window's process share the cores, and the window's loop, the mail
  threads and the database must not wait behind PDF work (they are a small share of the
  CPU, so the workers lose little). On an idle machine the workers still get every free cycle.
* `render_many` keeps at most two documents per worker in flight and submits the next as
  one finishes, so a cancel (the `cancel_event`, leaving the `async for`, or cancelling the
  awaiting task) stops remaining work at once: nothing else is queued, and the few running
  renders finish in the background and are dropped.
* Results come in completion order, one `RenderedInvoice` per document: `pdf` bytes, or
  `error`, a sentence for the operator. A render that raises is that document's error.
  A worker process that dies (crash, killed) breaks the whole executor, failing every
  render it holds: the pool is replaced, and the documents that were in flight become
  suspects, each tried again alone; a document whose worker dies while it renders alone is
  reported ("the PDF worker process stopped unexpectedly"), the others are made. Never a hang.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from evdesk.core.invoicing.document import InvoiceDocument

log = logging.getLogger(__name__)

MAX_WORKERS = 4
WORKER_NICENESS = 5  # below the window's process: its loop, mails and database get the CPU first
IN_FLIGHT_PER_WORKER = 2


@dataclass(frozen=True)
class RenderedInvoice:
    number: str
    pdf: bytes = b""
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error


class InvoiceRenderError(Exception):
    """A single `render(doc)` that failed; the message is for the operator."""


def default_workers() -> int:
    return max(1, min(MAX_WORKERS, os.cpu_count() or 1))


def _worker_start() -> None:
    from evdesk.core.invoicing.pdf_text import register_fonts

    if hasattr(os, "nice"):
        try:
            os.nice(WORKER_NICENESS)
        except OSError:  # not allowed here: the workers run at the window's priority
            pass
    register_fonts()


def _render(doc: InvoiceDocument) -> bytes:
    from evdesk.core.invoicing.pdf import render_invoice_pdf

    return render_invoice_pdf(doc)


def _warm_up() -> int:
    return os.getpid()


class InvoicePdfPool:
    def __init__(self, workers: int | None = None, render: Callable[[InvoiceDocument], bytes] = _render):
        """`render` must be a module-level function (it is pickled to the workers); tests pass
        one that crashes to prove a dead worker becomes an error, not a hang."""
        self.workers = workers or default_workers()
        self._render = render
        self._executor: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    # -- lifecycle -------------------------------------------------------------------------

    def _start(self) -> ProcessPoolExecutor:
        """The running executor, made (with every worker spawned and warm) if there is none."""
        with self._lock:
            if self._executor is None:
                executor = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                               initializer=_worker_start)
                try:
                    for future in [executor.submit(_warm_up) for _ in range(self.workers)]:
                        future.result()
                except BaseException:
                    executor.shutdown(wait=False, cancel_futures=True)
                    raise
                self._executor = executor
            return self._executor

    async def _executor_ready(self) -> ProcessPoolExecutor:
        executor = self._executor
        if executor is None:
            try:
                executor = await asyncio.to_thread(self._start)
            except BrokenProcessPool as exc:
                raise InvoiceRenderError(f"The PDF worker processes could not start: {exc}") from exc
        return executor

    def _discard(self, broken: ProcessPoolExecutor) -> None:
        """Drops a broken executor (on the loop thread: without the lock, which a start in a
        thread may hold for a second; a new one is only made where there is none)."""
        if self._executor is broken:
            self._executor = None
        broken.shutdown(wait=False, cancel_futures=True)

    async def start(self) -> None:
        """Spawns the workers now (optional: the first render does it otherwise)."""
        await self._executor_ready()

    async def close(self) -> None:
        """Stops the workers (waits for the running renders, in a thread). A later render starts new ones."""
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            await asyncio.to_thread(executor.shutdown, wait=True, cancel_futures=True)

    # -- rendering -------------------------------------------------------------------------

    async def render(self, doc: InvoiceDocument) -> bytes:
        """One PDF; raises InvoiceRenderError with a sentence for the operator."""
        async for result in self.render_many([doc]):
            if result.error:
                raise InvoiceRenderError(result.error)
            return result.pdf
        raise InvoiceRenderError(f"The PDF of invoice {doc.number} was not made.")

    async def render_all(self, docs: Iterable[InvoiceDocument], **kwargs) -> list[RenderedInvoice]:
        return [result async for result in self.render_many(docs, **kwargs)]

    async def render_many(self, docs: Iterable[InvoiceDocument],
                          on_progress: Callable[[int, int], None] | None = None,
                          cancel_event: asyncio.Event | None = None) -> AsyncIterator[RenderedInvoice]:
        """Yields one RenderedInvoice per document as they finish; `on_progress(done, total)`
        after each. Stops early (without error) when `cancel_event` is set."""
        queue = list(enumerate(docs))
        total = len(queue)
        queue.reverse()  # pop() from the end keeps the documents' order of submission
        suspects: set[int] = set()  # in flight when a worker died: tried again one at a time
        in_flight: dict[asyncio.Future, tuple[int, InvoiceDocument]] = {}
        done = 0
        cancel_wait = asyncio.ensure_future(cancel_event.wait()) if cancel_event is not None else None

        def may_submit() -> bool:
            if not queue or len(in_flight) >= self.workers * IN_FLIGHT_PER_WORKER:
                return False
            if any(index in suspects for index, _ in in_flight.values()):
                return False  # a suspect renders alone
            return not in_flight or queue[-1][0] not in suspects

        def settle(futures, crashed: bool) -> Iterator[RenderedInvoice]:
            alone = len(futures) == 1
            for fut in futures:
                index, doc = in_flight.pop(fut)
                exc = fut.exception()
                if exc is None:
                    yield RenderedInvoice(doc.number, pdf=fut.result())
                elif isinstance(exc, BrokenProcessPool) and not (crashed and alone):
                    suspects.add(index)
                    queue.append((index, doc))
                elif isinstance(exc, BrokenProcessPool):
                    yield RenderedInvoice(doc.number, error=(
                        f"The PDF of invoice {doc.number} could not be made: the PDF worker process "
                        "stopped unexpectedly while making it."))
                else:
                    log.error("invoice %s: PDF failed", doc.number, exc_info=exc)
                    yield RenderedInvoice(doc.number, error=f"The PDF of invoice {doc.number} could not be made: {exc}")

        try:
            executor = await self._executor_ready() if queue else None
            while queue or in_flight:
                if cancel_event is not None and cancel_event.is_set():
                    return
                while may_submit():
                    index, doc = queue[-1]
                    try:
                        future = executor.submit(self._render, doc)
                    except (BrokenProcessPool, RuntimeError):  # broken (or shut down) between two renders
                        self._discard(executor)
                        executor = await self._executor_ready()
                        continue
                    queue.pop()
                    in_flight[asyncio.wrap_future(future)] = (index, doc)
                waiting = set(in_flight) | ({cancel_wait} if cancel_wait is not None else set())
                finished, _ = await asyncio.wait(waiting, return_when=asyncio.FIRST_COMPLETED)
                finished.discard(cancel_wait)
                crashed = any(isinstance(fut.exception(), BrokenProcessPool) for fut in finished)
                if crashed:
                    # the executor fails every render it holds: collect them all as one crash
                    if in_flight.keys() - finished:
                        await asyncio.wait(in_flight.keys() - finished)
                    finished = set(in_flight)
                for outcome in settle(finished, crashed):
                    done += 1
                    if on_progress is not None:
                        on_progress(done, total)
                    yield outcome
                if crashed:
                    log.warning("an invoice PDF worker process died; starting new ones")
                    self._discard(executor)
                    executor = await self._executor_ready()
        finally:
            for fut in in_flight:
                fut.cancel()
            if cancel_wait is not None:
                cancel_wait.cancel()
