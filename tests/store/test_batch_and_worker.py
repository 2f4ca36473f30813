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
