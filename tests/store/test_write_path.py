"""The one write path: versions, tombstones and the change feed, stamped in one place."""

from __future__ import annotations

import pytest

from evdesk.store import models as m
from evdesk.store import write as w
from evdesk.store.errors import MissingRow, StaleRow


def feed():
    return [(r.entity, r.row_id, r.version, r.op, r.seat) for r in m.ChangeFeed.select().order_by(m.ChangeFeed.seq)]


async def test_insert_update_tombstone_stamp_version_and_feed(store):
    def work():
        group = w.versioned_insert(m.ChargingGroup, name="Depot")
        v2 = w.versioned_update(m.ChargingGroup, group.id, 1, name="Depot North")
        v3 = w.tombstone(m.ChargingGroup, group.id, v2)
        row = m.ChargingGroup.get_by_id(group.id)
        return group.id, v2, v3, row, feed()

    gid, v2, v3, row, entries = await store.run(work)
    assert (v2, v3) == (2, 3)
    assert row.name == "Depot North" and row.deleted_at is not None and row.version == 3
    seat = store.seat_id
    assert entries == [("charging_group", gid, 1, "insert", seat), ("charging_group", gid, 2, "update", seat),
                       ("charging_group", gid, 3, "delete", seat)]


async def test_stale_and_missing_rows_are_refused_without_a_feed_entry(store):
    def work():
        group = w.versioned_insert(m.ChargingGroup, name="A")
        w.versioned_update(m.ChargingGroup, group.id, 1, name="B")
        with pytest.raises(StaleRow):
            w.versioned_update(m.ChargingGroup, group.id, 1, name="C")
        w.tombstone(m.ChargingGroup, group.id)
        with pytest.raises(MissingRow):
            w.versioned_update(m.ChargingGroup, group.id, None, name="D")
        return m.ChargingGroup.get_by_id(group.id).name, len(feed())

    name, entries = await store.run(work)
    assert name == "B" and entries == 3


async def test_bulk_updates_feed_every_row(store):
    def work():
        ids = w.versioned_insert_many(m.UserGroup, [{"name": f"G{i}"} for i in range(450)])
        changed = w.versioned_update_where(m.UserGroup, m.UserGroup.name.startswith("G1"), active=False)
        versions = {v for (v,) in m.UserGroup.select(m.UserGroup.version).where(m.UserGroup.id.in_(changed)).tuples()}
        return len(ids), len(changed), versions, m.ChangeFeed.select().count()

    inserted, changed, versions, entries = await store.run(work)
    assert inserted == 450 and changed == 111 and versions == {2}
    assert entries == 450 + 111


async def test_the_seat_id_is_made_once_per_database(tmp_path):
    from evdesk.store.database import Store

    first = Store.sqlite(tmp_path / "a.db")
    first.open()
    seat = first.seat_id
    first.close()
    again = Store.sqlite(tmp_path / "a.db")
    again.open()
    assert again.seat_id == seat and len(seat) == 36
    again.close()


async def test_writes_by_another_seat_carry_its_id(store):
    def work():
        group = w.versioned_insert(m.ChargingGroup, name="Here")
        w.record_changes(m.ChargingGroup, [(group.id, 7)], w.UPDATE, seat="seat-b")
        return feed()

    entries = await store.run(work)
    assert [e[4] for e in entries] == [store.seat_id, "seat-b"]
