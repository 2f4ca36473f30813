"""The database worker and batched writes."""

from __future__ import annotations

import threading

from evdesk.store import models as m
from evdesk.store.batch import BatchWriter
from evdesk.store.fields import uuid7


async def test_work_runs_on_the_single_database_thread(store):
    names = {await store.run(lambda: threading.current_thread().name) for _ in range(5)}
    assert len(names) == 1 and names.pop().startswith("evdesk-db")


async def test_batch_writer_inserts_many_rows_in_few_transactions(store):
    station = await store.run(lambda: m.Station.create(identity="B1"))
    batch = BatchWriter(store, interval=10, max_rows=100_000)
    for i in range(5000):
        batch.add(m.StatusEvent, {"id": uuid7(), "station": station.id, "connector_id": 1, "status": "Available",
                                  "timestamp": m.utcnow(), "received_at": m.utcnow()})
    assert await batch.flush() == 5000
    assert batch.flushes == 1
    assert await store.run(lambda: m.StatusEvent.select().count()) == 5000


async def test_batch_writer_flushes_on_close(store):
    station = await store.run(lambda: m.Station.create(identity="B2"))
    batch = BatchWriter(store, interval=60)
    batch.start()
    batch.add(m.StationEvent, {"id": uuid7(), "station": station.id, "kind": "network", "state": "online", "at": m.utcnow()})
    await batch.close()
    assert await store.run(lambda: m.StationEvent.select().count()) == 1


async def test_utc_times_round_trip_aware(store):
    from datetime import datetime, timedelta, timezone

    local = datetime(2026, 3, 29, 3, 30, tzinfo=timezone(timedelta(hours=3)))
    row = await store.run(lambda: m.Station.create(identity="T1", last_seen=local))
    back = await store.run(lambda: m.Station.get_by_id(row.id).last_seen)
    assert back == local and back.tzinfo == timezone.utc


async def test_backpressure_holds_readers_until_the_writer_caught_up(store):
    import asyncio

    station = await store.run(lambda: m.Station.create(identity="B3"))
    batch = BatchWriter(store, interval=60, max_rows=10, high_water=50)
    for _ in range(60):
        batch.add(m.StationEvent, {"id": uuid7(), "station": station.id, "kind": "network", "state": "online", "at": m.utcnow()})
    waiter = asyncio.ensure_future(batch.wait_for_room())
    for _ in range(10):  # let it run as far as it can without the writer
        await asyncio.sleep(0)
    assert not waiter.done()  # 60 rows behind: readers wait
    await batch.flush()
    await asyncio.wait_for(waiter, 1)  # caught up: they go on
    assert await store.run(lambda: m.StationEvent.select().count()) == 60


def test_statements_come_in_a_few_sizes_only():
    from evdesk.store.bulk import CHUNK_SIZES, chunk_sizes, chunks

    for total in (0, 1, 7, 8, 63, 511, 512, 1000, 5001):
        sizes = chunk_sizes(total)
        assert sum(sizes) == total and set(sizes) <= set(CHUNK_SIZES)
    assert [len(c) for c in chunks(list(range(75)))] == [64, 8, 1, 1, 1]


async def test_reads_do_not_queue_behind_writes(store):
    import asyncio
    import time

    import threading

    from tests.waiting import wait_for

    await store.run(lambda: m.Station.create(identity="R1"))
    inside = threading.Event()

    def slow_write():
        with store.db.atomic():
            m.Station.create(identity="R2")
            inside.set()
            time.sleep(0.5)  # a long batch on the writer (the workload, not a wait)

    writing = asyncio.ensure_future(store.run(slow_write))
    await wait_for(inside.is_set)  # the writer is in the middle of its transaction
    t0 = time.perf_counter()
    names = await store.read(lambda: [s.identity for s in m.Station.select()])
    assert time.perf_counter() - t0 < 0.3  # answered while the writer is busy
    assert names == ["R1"]  # committed rows only
    await writing
    assert sorted(await store.read(lambda: [s.identity for s in m.Station.select()])) == ["R1", "R2"]
