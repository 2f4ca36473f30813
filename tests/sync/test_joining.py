"""Setting up a seat's shared database and joining a site (issue 14): the command line, Test
connection, the first seat seeding the site, a seat with records of its own told first."""

from __future__ import annotations

import asyncio
import uuid

import pytest

from evdesk.core.errors import AccessDenied, ValidationError
from evdesk.core.permissions import SYSTEM_CONTEXT, OperatorContext
from evdesk.core.shared_db_settings import SharedDatabaseSettings
from tests.cli.conftest import evdesk
from tests.sync.seats import create_station, start_seat
from tests.sync.test_two_seats import caught_up, connected
from tests.waiting import wait_for


def test_the_command_line_sets_tests_and_shows_a_seats_shared_database(tmp_path, shared_db):
    cluster, database = shared_db
    folder = tmp_path / "seat"
    done = evdesk("settings", "shared-db", "set", "--host", "127.0.0.1", "--port", str(cluster.port),
                  "--database", database, "--user", cluster.user, "--tls", "disable", "--seat-name", "Office",
                  "--enable", folder=folder)
    assert done.returncode == 0, done.stderr
    assert "sync on" in done.stdout
    shown = evdesk("settings", "shared-db", "show", folder=folder).stdout
    assert f"database = {database}" in shown and "seat_name = Office" in shown and "enabled = True" in shown
    done = evdesk("settings", "shared-db", "test", folder=folder)
    assert done.returncode == 0, done.stderr
    assert "Connected to PostgreSQL" in done.stdout and "this seat will create the site" in done.stdout
    # a wrong port: the reason in words, no traceback
    done = evdesk("settings", "shared-db", "test", "--port", "1", folder=folder)
    assert "The connection failed" in done.stdout and "Traceback" not in done.stderr
    done = evdesk("settings", "shared-db", "set", "--seat-name", "no/slashes", folder=folder)
    assert done.returncode == 1 and "Give this seat a name" in done.stderr
    assert evdesk("settings", "shared-db", "conflicts", folder=folder).stdout.strip() == "No conflicts."


async def test_only_an_admin_of_the_whole_site_changes_the_shared_database(tmp_path, shared_db):
    cluster, database = shared_db
    seat = await start_seat(tmp_path, "A", cluster, database, configured=False)
    try:
        group_admin = OperatorContext(operator_id=None, username="ga", role="admin", base_group_id=uuid.uuid4(),
                                      domain_groups=frozenset())
        with pytest.raises(AccessDenied):
            await seat.services.shared_db.save(cluster.settings(database, "A"), ctx=group_admin)
        with pytest.raises(ValidationError) as refused:
            await seat.services.shared_db.save(SharedDatabaseSettings(enabled=True, host="", seat_name="A"),
                                               ctx=SYSTEM_CONTEXT)
        assert refused.value.field == "host"
        assert seat.services.shared_db.status.state == "stopped"  # a seat without it: as before
    finally:
        await seat.stop()


async def test_the_first_seat_seeds_the_site_and_a_seat_with_records_of_its_own_is_told_first(tmp_path, shared_db):
    cluster, database = shared_db
    # both seats have records before they know of each other
    a = await start_seat(tmp_path, "A", cluster, database, configured=False)
    b = await start_seat(tmp_path, "B", cluster, database, configured=False)
    try:
        await create_station(a, "OLD-A")
        await create_station(b, "OLD-B")
        await a.services.shared_db.save(cluster.settings(database, "A"), ctx=SYSTEM_CONTEXT)
        await connected(a)
        told = await b.services.shared_db.test_connection(cluster.settings(database, "B"), ctx=SYSTEM_CONTEXT)
        assert "already holds a site" in told and "records of its own" in told
        await b.services.shared_db.save(cluster.settings(database, "B"), ctx=SYSTEM_CONTEXT)
        await wait_for(lambda: b.services.shared_db.status.state == "needs_confirmation", 10)
        assert "Joining sends them to the site" in b.services.shared_db.status.detail
        await asyncio.sleep(1.0)  # nothing is merged while the seat waits
        assert b.services.stations.get("OLD-A") is None and a.services.stations.get("OLD-B") is None
        await b.services.shared_db.agree_to_merge(ctx=SYSTEM_CONTEXT)
        await connected(b)
        await caught_up(a, b)
        await wait_for(lambda: b.services.stations.get("OLD-A") is not None
                       and a.services.stations.get("OLD-B") is not None, 5)
    finally:
        await b.stop()
        await a.stop()


async def test_the_feed_keeps_what_the_sync_has_not_sent_however_old(tmp_path, own_pg_cluster):
    from datetime import timedelta

    from evdesk.core.clock import utcnow
    from evdesk.store import models as m
    from evdesk.store.queries import feed

    cluster = own_pg_cluster
    database = cluster.create_database()
    a = await start_seat(tmp_path, "A", cluster, database)
    try:
        await connected(a)
        await a.services.shared_db.stop()
        await create_station(a, "AWAY-1")  # written while the seat cannot send it
        await a.store.run(feed.trim_before, utcnow() + timedelta(days=1))  # as if 30 days had passed
        assert await a.store.read(lambda: m.ChangeFeed.select().where(m.ChangeFeed.entity == "station").count()) == 1
        await a.services.shared_db.start()
        await connected(a)
        import psycopg
        with psycopg.connect(host="127.0.0.1", port=cluster.port, user=cluster.user, dbname=database) as conn:
            await wait_for(lambda: conn.execute("SELECT COUNT(*) FROM sync_change WHERE entity = 'station'")
                           .fetchone()[0] == 1, 10)
    finally:
        await a.stop()
