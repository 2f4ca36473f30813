"""The loop-lag monitor's phase histogram (benchmarks judge one phase of a run by it)."""

from __future__ import annotations

import json
import time

from evdesk.core.loopwatch import HISTOGRAM_EDGES_MS, LoopLagMonitor
from tests.waiting import wait_for


async def test_a_blocked_loop_lands_in_its_bucket_and_in_the_metrics_file(tmp_path, monkeypatch):
    metrics = tmp_path / "metrics.json"
    monkeypatch.setenv("EVDESK_METRICS_FILE", str(metrics))
    monitor = LoopLagMonitor(interval=0.01)
    monitor.start()

    def over_500(counts: list[int]) -> int:
        return sum(c for edge, c in zip(list(HISTOGRAM_EDGES_MS) + [None], counts) if edge is None or edge > 500)

    def in_file() -> dict:
        return json.loads(metrics.read_text())["histogram_ms"] if metrics.exists() else {"counts": []}

    try:
        await wait_for(lambda: sum(monitor.histogram) >= 5)
        time.sleep(0.6)  # the loop is blocked: one sample late by ~600 ms (far above any scheduling delay)
        await wait_for(lambda: over_500(in_file()["counts"]) == 1, timeout=5)
    finally:
        await monitor.stop()
    figures = in_file()
    assert figures["edges"] == list(HISTOGRAM_EDGES_MS)
    assert over_500(monitor.histogram) == 1
    assert sum(figures["counts"]) <= sum(monitor.histogram) == len(monitor.samples)
