"""People persistence: migration 5 (home groups of existing users and tokens), and every
people write going through the store's one write path (versions and the change feed)."""

from __future__ import annotations

import sqlite3

from evdesk.core.people_types import TokenInput, UserInput
from evdesk.core.permissions import SYSTEM_CONTEXT as ROOT
from evdesk.store import models as m
from evdesk.store.database import Store
from evdesk.store.migrations import lowest_common_group
from evdesk.store.fields import uuid7


def downgrade_to_schema_4(path) -> None:
    """The database as evdesk before migration 5 left it: no home_group_id columns."""
    c = sqlite3.connect(path)
    c.execute("PRAGMA foreign_keys = OFF")
    c.execute("PRAGMA legacy_alter_table = ON")  # other tables keep referring to the real name
    for table in ("charging_user", "token"):
        sql = c.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        old = sql.replace(', "home_group_id" TEXT', "").replace(
            ', FOREIGN KEY ("home_group_id") REFERENCES "charging_group" ("id") ON DELETE SET NULL', "")
        assert "home_group" not in old
        columns = ", ".join(f'"{r[1]}"' for r in c.execute(f'PRAGMA table_info("{table}")') if r[1] != "home_group_id")
        c.execute(f'DROP INDEX "{table}_home_group_id"')
        c.execute(f'ALTER TABLE "{table}" RENAME TO "{table}_old"')
        c.execute(old)
        c.execute(f'INSERT INTO "{table}" ({columns}) SELECT {columns} FROM "{table}_old"')
        c.execute(f'DROP TABLE "{table}_old"')
    c.execute("DELETE FROM schema_version WHERE version >= 5")  # later migrations run again: they are idempotent
    c.commit()
    c.close()


def test_lowest_common_group():
    top, a, a1, a2, b = "top", "a", "a1", "a2", "b"
    parent_of = {top: None, a: top, a1: a, a2: a, b: None}
    assert lowest_common_group([a1, a2], parent_of) == a
    assert lowest_common_group([a1, a1], parent_of) == a1
    assert lowest_common_group([a1, top], parent_of) == top
    assert lowest_common_group([a1, b], parent_of) is None  # under different top groups
    assert lowest_common_group([a1, None], parent_of) is None  # a station outside every group
    assert lowest_common_group([], parent_of) is None


def test_migration_5_gives_existing_users_and_tokens_their_home_group(tmp_path):
    path = tmp_path / "site.db"
    store = Store.sqlite(path)
    store.open()

    def seed():
        G, S, U, T, R = m.ChargingGroup, m.Station, m.ChargingUser, m.Token, m.AccessRight
        top = G.create(name="Site")
        a = G.create(name="A", parent=top.id)
        a1, a2 = G.create(name="A1", parent=a.id), G.create(name="A2", parent=a.id)
        b = G.create(name="B")
        gone = G.create(name="Gone", parent=b.id, deleted_at=m.utcnow())
        st_a2 = S.create(identity="CP-A2", group=a2.id, registration="adopted")
        orphan = S.create(identity="CP-ORPHAN", registration="adopted")
        users = {name: U.create(first_name=name).id for name in
                 ("two_subgroups", "station_right", "two_tops", "orphan_station", "no_rights", "dead_right")}
        for user, group, station in (("two_subgroups", a1, None), ("two_subgroups", a2, None),
                                     ("station_right", None, st_a2), ("two_tops", a1, None), ("two_tops", b, None),
                                     ("orphan_station", a1, None), ("orphan_station", None, orphan),
                                     ("dead_right", a1, None), ("dead_right", gone, None)):
            R.create(id=uuid7(), user=users[user], group=group.id if group else None,
                     station=station.id if station else None)
        R.create(user=users["no_rights"], group=b.id, deleted_at=m.utcnow())  # a deleted right counts for nothing
        T.create(uid="T1", uid_key="T1", user=users["two_subgroups"])
        T.create(uid="T2", uid_key="T2")
        return users, {"a": a.id, "a2": a2.id, "a1": a1.id}

    users, g = store.call_sync(seed)
    store.close()
    downgrade_to_schema_4(path)

    store = Store.sqlite(path)
    from evdesk.store.migrations import MIGRATIONS

    # every migration from 5 on (numbers may have gaps while parallel branches hold theirs)
    assert store.open() == [number for number, _title, _step in MIGRATIONS if number >= 5]

    def homes():
        U, T = m.ChargingUser, m.Token
        by_name = {u.first_name: u.home_group_id for u in U.select()}
        return by_name, {t.uid: t.home_group_id for t in T.select()}

    users_home, tokens_home = store.call_sync(homes)
    store.close()
    assert users_home == {"two_subgroups": g["a"], "station_right": g["a2"], "two_tops": None, "orphan_station": None,
                          "no_rights": None, "dead_right": g["a1"]}
    assert tokens_home == {"T1": g["a"], "T2": None}


async def test_people_writes_are_versioned_and_fed(services):
    people = services.people
    feed_before = await services.store.run(lambda: m.ChangeFeed.select().count())
    user = await people.users.create(ROOT, UserInput("Ann", "Able", vehicles=["ABC-1"]), [TokenInput("TAG-1")])
    detail = await people.reads.user(ROOT, user.id)
    detail.data.vehicles, detail.data.phone = ["ABC-1", "XYZ-9"], "+1"
    await people.users.update(ROOT, user.id, detail.version, detail.data)
    await people.tokens.set_status(ROOT, user.tokens[0].id, "blocked")
    await people.users.remove(ROOT, user.id)

    def read():
        F = m.ChangeFeed
        rows = list(F.select(F.entity, F.op, F.version).where(F.seq > feed_before).order_by(F.seq).tuples())
        u = m.ChargingUser.get_by_id(user.id)
        return rows, u.version, u.deleted_at

    feed, version, deleted_at = await services.store.run(read)
    assert ("charging_user", "insert", 1) in feed and ("charging_user", "update", 2) in feed
    assert ("charging_user", "delete", 3) in feed and version == 3 and deleted_at is not None
    assert [e for e in feed if e[0] == "vehicle"] == [("vehicle", "insert", 1), ("vehicle", "insert", 1),
                                                       ("vehicle", "delete", 2), ("vehicle", "delete", 2)]
    assert [e for e in feed if e[0] == "token"] == [("token", "insert", 1), ("token", "update", 2), ("token", "delete", 3)]
