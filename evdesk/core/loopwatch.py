"""Watching the event loop's own lateness: the figure that says whether the window froze.

A timer asks to wake every `interval` seconds and records how late it woke.
Lateness above `warn_after` is logged, so a slow handler shows up in the log
with a time stamp. With EVDESK_METRICS_FILE set, the figures are also written
there as JSON every second (the load benchmark reads them).

The percentiles are over the last `window` samples, start-up included. The file
also carries `histogram_ms`: how many samples ever fell at or below each bucket's
upper edge (ms; the last bucket open-ended), counted since the start and never
trimmed, so a benchmark can subtract two readings and judge one phase (e.g. "p99
<= 50 ms while the load ran": at most 1 % of that phase's samples above 50 ms).
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import time
from collections import deque
from pathlib import Path

from evdesk.core.tasks import cancel_and_wait

log = logging.getLogger(__name__)

HISTOGRAM_EDGES_MS = (1, 2, 5, 10, 20, 30, 40, 50, 75, 100, 150, 200, 300, 500, 1000, 2000)


class LoopLagMonitor:
    def __init__(self, interval: float = 0.05, window: int = 20_000, warn_after: float = 0.25, extra=None):
        self.interval = interval
        self.samples: deque[float] = deque(maxlen=window)
        self.warn_after = warn_after
        self.max_lag = 0.0
        self.histogram = [0] * (len(HISTOGRAM_EDGES_MS) + 1)  # the last: above the last edge
        self._task: asyncio.Task | None = None
        self.extra = extra  # () -> dict of more figures for the metrics file (the group commit's)
        path = os.environ.get("EVDESK_METRICS_FILE")
        self.metrics_file = Path(path) if path else None

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run(), name="evdesk-loop-lag")

    async def stop(self) -> None:
        await cancel_and_wait(self._task)
        self._task = None

    def reset(self) -> None:
        self.samples.clear()
        self.max_lag = 0.0
        self.histogram = [0] * (len(HISTOGRAM_EDGES_MS) + 1)

    def _count(self, lag: float) -> None:
        ms = lag * 1000
        for i, edge in enumerate(HISTOGRAM_EDGES_MS):
            if ms <= edge:
                self.histogram[i] += 1
                return
        self.histogram[-1] += 1

    def percentile(self, p: float) -> float:
        if not self.samples:
            return 0.0
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]

    def stats(self) -> dict:
        return {"samples": len(self.samples), "p50_ms": self.percentile(50) * 1000, "p99_ms": self.percentile(99) * 1000,
                "max_ms": self.max_lag * 1000, "histogram_ms": {"edges": list(HISTOGRAM_EDGES_MS),
                                                                "counts": list(self.histogram)}}

    async def _run(self) -> None:
        last_dump = time.monotonic()
        while True:
            expected = time.monotonic() + self.interval
            await asyncio.sleep(self.interval)
            lag = max(0.0, time.monotonic() - expected)
            self.samples.append(lag)
            self._count(lag)
            self.max_lag = max(self.max_lag, lag)
            if lag > self.warn_after:
                log.warning("event loop was blocked for %.0f ms", lag * 1000)
            if self.metrics_file is not None and time.monotonic() - last_dump >= 1.0:
                last_dump = time.monotonic()
                self._dump()

    def _dump(self) -> None:
        try:
            tmp = self.metrics_file.with_suffix(".tmp")
            figures = self.stats()
            if self.extra is not None:
                figures.update(self.extra())
            tmp.write_text(json.dumps(figures))
            tmp.replace(self.metrics_file)
        except OSError:
            log.debug("could not write loop metrics", exc_info=True)
