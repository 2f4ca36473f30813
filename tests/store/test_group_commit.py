"""Group commit: answered only once committed, a bad row isolated, a full disk said at once."""

from __future__ import annotations

import asyncio
import os
import subprocess
from pathlib import Path

import pytest

from evdesk.store import models as m
from evdesk.store.batch import BatchWriter
from evdesk.store.database import Store
from evdesk.store.errors import RowRejected, StorageUnavailable
from evdesk.store.fields import uuid7


def status_row(station_id, info="", connector_id=1):
    return {"id": uuid7(), "station": station_id, "connector_id": connector_id, "status": "Available",
            "info": info, "timestamp": m.utcnow(), "received_at": m.utcnow()}


async def test_a_frame_is_answered_only_after_its_rows_are_committed(store):
    station = await store.run(lambda: m.Station.create(identity="GC1"))
    batch = BatchWriter(store, interval=60)
    batch.start()
    try:
        with batch.frame_scope() as ticket:
            batch.add(m.StatusEvent, status_row(station.id))
        assert ticket.rows == 1
        # not yet on disk: the reader connection sees nothing
        assert await store.read(lambda: m.StatusEvent.select().count()) == 0
        await asyncio.wait_for(batch.committed(ticket), 5)
        assert await store.read(lambda: m.StatusEvent.select().count()) == 1
    finally:
        await batch.close()


async def test_many_frames_share_one_commit(store):
    station = await store.run(lambda: m.Station.create(identity="GC2"))
    batch = BatchWriter(store, interval=60)
    batch.start()
    tickets = []
    try:
        for _ in range(300):
            with batch.frame_scope() as ticket:
                batch.add(m.StatusEvent, status_row(station.id))
            tickets.append(ticket)
        await asyncio.wait_for(asyncio.gather(*(batch.committed(t) for t in tickets)), 10)
        assert batch.flushes <= 3
        assert await store.read(lambda: m.StatusEvent.select().count()) == 300
    finally:
        await batch.close()


@pytest.mark.parametrize("bad", [
    {"info": "lone surrogate \udcff"},
    {"connector_id": 2**63},
], ids=["lone-surrogate", "integer-too-large"])
async def test_a_row_the_database_cannot_hold_is_isolated(store, bad):
    station = await store.run(lambda: m.Station.create(identity="GC3"))
    batch = BatchWriter(store, interval=60)
    batch.start()
    try:
        good = []
        for n in range(40):
            with batch.frame_scope() as ticket:
                batch.add(m.StatusEvent, status_row(station.id, info=f"good {n}"))
            good.append(ticket)
        with batch.frame_scope() as poisoned:
            row = status_row(station.id)
            row.update(bad)
            batch.add(m.StatusEvent, row)
        batch.add_log(m.StationEvent, {"id": uuid7(), "station": station.id, "kind": "network", "state": "online",
                                       "at": m.utcnow()})
        await asyncio.wait_for(asyncio.gather(*(batch.committed(t) for t in good)), 10)
        with pytest.raises(RowRejected):
            await asyncio.wait_for(batch.committed(poisoned), 10)
        assert await store.read(lambda: m.StatusEvent.select().count()) == 40
        assert await store.read(lambda: m.StationEvent.select().count()) == 1
        assert batch.rejected_count == 1
    finally:
        await batch.close()


async def test_jobs_run_in_the_group_transaction_and_return_their_result(store):
    batch = BatchWriter(store, interval=60)
    batch.start()
    try:
        station_id = await batch.call(lambda: m.Station.create(identity="GC4").id)

        def refuse():
            m.Station.update(name="changed").where(m.Station.id == station_id).execute()
            raise LookupError("refused by the rules")

        with pytest.raises(LookupError):
            await batch.call(refuse)
        # the refusing job's own work was rolled back, not the others'
        name = await store.read(lambda: m.Station.get_by_id(station_id).name)
        assert name == ""
    finally:
        await batch.close()


# -- a real full disk ------------------------------------------------------------------
@pytest.fixture
def small_disk(tmp_path):
    """A 6 MB tmpfs: a real file system that really fills up (needs root, as CI runs)."""
    where = tmp_path / "disk"
    where.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(where)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {done.stderr.decode().strip()}")
    yield where
    subprocess.run(["umount", "-l", str(where)], capture_output=True)


def fill(where: Path) -> Path:
    filler = where / "filler"
    # unbuffered: a buffered file would try the failed write again at close and raise ENOSPC there
    with open(filler, "wb", buffering=0) as f:
        try:
            while True:
                f.write(b"\0" * 65536)
                f.flush()
        except OSError:
            pass
    return filler


async def test_full_disk_stops_acknowledging_says_so_and_recovers(small_disk):
    store = Store.sqlite(small_disk / "evdesk.db")
    store.open()
    health = []
    store.on_health(health.append)
    batch = BatchWriter(store, interval=0.05)
    batch.start()
    try:
        station = await store.run(lambda: m.Station.create(identity="FULL1"))
        filler = fill(small_disk)
        refused = 0
        committed = 0
        for n in range(400):  # ~400 frames of 64 KiB text: far more than is left
            with batch.frame_scope() as ticket:
                batch.add(m.StatusEvent, status_row(station.id, info="x" * 250, connector_id=n))
                batch.add_log(m.MessageLog, {"id": uuid7(), "station_identity": "FULL1", "direction": "in",
                                             "payload": "y" * 60000, "at": m.utcnow()})
            try:
                await asyncio.wait_for(batch.committed(ticket), 10)
                committed += 1
            except StorageUnavailable as exc:
                refused += 1
                assert "full" in exc.reason
        assert refused > 0, "the disk never filled"
        assert store.trouble is not None and "full" in store.trouble[0]
        assert health and health[0] is not None
        # nothing acknowledged is missing: every committed frame's row is there
        assert await store.read(lambda: m.StatusEvent.select().count()) == committed
        # space comes back: the writer finds out by itself
        os.remove(filler)
        for _ in range(200):
            if store.trouble is None:
                break
            await asyncio.sleep(0.05)
        assert store.trouble is None and health[-1] is None
        with batch.frame_scope() as ticket:
            batch.add(m.StatusEvent, status_row(station.id, info="after"))
        await asyncio.wait_for(batch.committed(ticket), 10)
        integrity = await store.run(lambda: store.db.execute_sql("PRAGMA integrity_check").fetchone()[0])
        assert integrity == "ok"
    finally:
        await batch.close()
        store.close()


def test_a_read_only_folder_is_explained_not_a_traceback(small_disk):
    """A data folder on a file system mounted read-only: a message that says what to do."""
    done = subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], capture_output=True)
    assert done.returncode == 0, done.stderr
    with pytest.raises(StorageUnavailable) as caught:
        Store.sqlite(small_disk / "site" / "evdesk.db").open()
    assert "cannot write its data folder" in caught.value.reason and "--data-dir" in caught.value.reason
    with pytest.raises(StorageUnavailable) as caught:
        Store.sqlite(small_disk / "evdesk.db").open()
    assert "--data-dir" in caught.value.reason


async def test_changes_to_rows_go_out_as_multi_row_updates_after_the_inserts(store):
    station = await store.run(lambda: m.Station.create(identity="SET1"))
    batch = BatchWriter(store, interval=60)
    batch.start()
    try:
        ids = []
        with batch.frame_scope() as ticket:
            for n in range(700):
                row = {"id": uuid7(), "station": station.id, "actor": "test", "action": "Reset", "outcome": "pending",
                       "started_at": m.utcnow()}
                batch.add(m.ActionLog, row)
                ids.append(row["id"])
            for n, row_id in enumerate(ids):  # changed in the same flush as they were added
                batch.set(m.ActionLog, row_id, outcome="accepted", response={"n": n}, finished_at=m.utcnow())
        await asyncio.wait_for(batch.committed(ticket), 10)
        rows = await store.read(lambda: {r.id: (r.outcome, r.response) for r in m.ActionLog.select()})
        assert len(rows) == 700 and all(rows[i] == ("accepted", {"n": n}) for n, i in enumerate(ids))
        with batch.frame_scope() as bad:
            batch.set(m.ActionLog, ids[0], outcome="rejected", error="lone \udcff")
        with batch.frame_scope() as good:
            batch.set(m.ActionLog, ids[1], outcome="rejected")
        with pytest.raises(RowRejected):
            await asyncio.wait_for(batch.committed(bad), 10)
        await asyncio.wait_for(batch.committed(good), 10)
        outcomes = await store.read(lambda: {r.id: r.outcome for r in m.ActionLog.select()})
        assert outcomes[ids[0]] == "accepted" and outcomes[ids[1]] == "rejected"
    finally:
        await batch.close()
