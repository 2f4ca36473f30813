"""Writing a report's CSV or PDF off the GUI thread: the CSV in a worker thread, the PDF in a child
process (reportlab's layout is CPU work that would hold the GIL and the window's loop). The child is
started with "spawn" (never "fork": the parent has Qt and database threads) and kept for the next
export; `progress(step, steps, text)` says where an export is."""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Callable

from evdesk.core.reports.csv_export import write_csv
from evdesk.core.reports.engine import ReportResult
from evdesk.core.reports.pdf_export import render_pdf

Progress = Callable[[int, int, str], None]
_pool: ProcessPoolExecutor | None = None


def _pdf_pool() -> ProcessPoolExecutor:
    global _pool
    if _pool is None:
        _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    return _pool


def shutdown() -> None:
    """Stop the PDF process (the app calls this when it closes)."""
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None


async def export_csv(result: ReportResult, target: Path | str, progress: Progress | None = None) -> Path:
    if progress:
        progress(0, 1, "Writing the CSV file…")
    path = await asyncio.to_thread(write_csv, result, Path(target))
    if progress:
        progress(1, 1, f"Saved {path.name}.")
    return path


async def export_pdf(result: ReportResult, target: Path | str, name: str = "",
                     progress: Progress | None = None) -> Path:
    if progress:
        progress(0, 2, "Laying out the PDF…")
    loop = asyncio.get_running_loop()
    try:
        written = await loop.run_in_executor(_pdf_pool(), render_pdf, result, str(target), name)
    except BrokenProcessPool:  # the child died (killed, out of memory): a new one, once
        shutdown()
        written = await loop.run_in_executor(_pdf_pool(), render_pdf, result, str(target), name)
    if progress:
        progress(2, 2, f"Saved {Path(written).name}.")
    return Path(written)
