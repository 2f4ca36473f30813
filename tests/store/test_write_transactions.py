"""The worker's transactions take SQLite's write lock at BEGIN: another process writing the same
file between a transaction's first read and its first write (an `evdesk` command on the data folder
while the desk runs, a benchmark) makes the worker wait its turn instead of failing at once with
"database is locked" (SQLite does not wait in that case: the reader's snapshot is stale)."""

from __future__ import annotations

import sqlite3
import threading

from evdesk.store import models as m
from evdesk.store.database import Store


async def test_a_write_by_another_process_between_read_and_write_waits_instead_of_failing(tmp_path):
    store = Store.sqlite(tmp_path / "evdesk.db")
    store.open()
    outside = sqlite3.connect(tmp_path / "evdesk.db", timeout=10, check_same_thread=False)
    read_done, outside_tried = threading.Event(), threading.Event()
    outside_result: list = []

    def other_process_writes():
        read_done.wait(10)
        try:
            outside.execute("INSERT INTO local_state (key, value) VALUES ('outside', '1')")
            outside.commit()
            outside_result.append("written")
        except sqlite3.OperationalError as exc:
            outside_result.append(str(exc))
        outside_tried.set()

    def read_then_write():
        m.LocalState.select().count()  # the transaction's first statement reads
        read_done.set()
        outside_tried.wait(0.5)  # the other process tries to write meanwhile (it has to wait for us)
        m.LocalState.replace(key="inside", value="1").execute()
        return "written"

    writer = threading.Thread(target=other_process_writes)
    writer.start()
    try:
        assert await store.atomic(read_then_write) == "written"
        writer.join(15)
        assert outside_result == ["written"]  # after ours, in turn
        assert await store.read(lambda: {r.key for r in m.LocalState.select()} >= {"inside", "outside"})
    finally:
        outside.close()
        store.close()
