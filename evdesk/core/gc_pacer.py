"""Garbage collection in short steps, on the loop's own thread.

A site with thousands of connected stations holds hundreds of thousands of
long-lived objects (connections, their protocol state, the registry). Python's
collector rescans all of them at every full (generation 2) collection: measured
here at 150-250 ms with 2,000 stations, every second or two under load — the
event loop and every station's answer stood still meanwhile.

So automatic collection is off and `tick()` (called every half second by the
loop, or by the window's timer on the GUI thread) does it in steps:

* young objects (generations 0 and 1) are collected when the usual thresholds say
  so — a few milliseconds;
* every `freeze_every` seconds the survivors are frozen (`gc.freeze()`): they move
  to a generation the collector no longer scans, so no collection grows with the
  size of the site;
* every `full_every` seconds everything is unfrozen and collected once, so that
  reference cycles among objects frozen earlier (a station's old connection, say)
  are freed after all: one longer pause an hour instead of one a second.

Collecting on the loop's thread also keeps finalizers (Qt objects under the
window) off the database worker threads.
"""

from __future__ import annotations

import gc
import logging
import time

log = logging.getLogger(__name__)


class GcPacer:
    def __init__(self, freeze_every: float = 30.0, full_every: float = 3600.0, clock=time.monotonic):
        self.freeze_every = freeze_every
        self.full_every = full_every
        self.clock = clock
        self.threshold = gc.get_threshold()
        now = clock()
        self._next_freeze = now + freeze_every
        self._next_full = now + full_every
        self.started = False
        self.full_collections = 0
        self.longest_full_ms = 0.0

    def start(self) -> None:
        """Take over from the automatic collector; freeze what start-up made (it lives on)."""
        if self.started:
            return
        self.started = True
        gc.disable()
        gc.collect(1)
        gc.freeze()

    def stop(self) -> None:
        if not self.started:
            return
        self.started = False
        gc.unfreeze()
        gc.enable()

    def tick(self) -> None:
        now = self.clock()
        if now >= self._next_full:
            self._full(now)
            return
        count0, count1, _count2 = gc.get_count()
        if count0 > self.threshold[0]:
            gc.collect(1 if count1 > self.threshold[1] else 0)
        if now >= self._next_freeze:
            self._next_freeze = now + self.freeze_every
            gc.collect(1)
            gc.freeze()

    def _full(self, now: float) -> None:
        self._next_full = now + self.full_every
        self._next_freeze = now + self.freeze_every
        started = time.perf_counter()
        gc.unfreeze()
        found = gc.collect()
        gc.freeze()
        took = (time.perf_counter() - started) * 1000
        self.full_collections += 1
        self.longest_full_ms = max(self.longest_full_ms, took)
        log.info("full garbage collection: %d unreachable objects freed in %.0f ms", found, took)
