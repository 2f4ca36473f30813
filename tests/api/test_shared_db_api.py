"""`/shared-database` (issue 14): whole-site admins read and change this seat's shared database
settings, try them against a real PostgreSQL and list conflicts; a group admin's key may not;
the password is never read back."""

from __future__ import annotations

from tests.api.test_site_wide_and_refusals import group_admin  # noqa: F401 - fixture
from tests.pg import pg_cluster, shared_db  # noqa: F401 - fixtures
from tests.waiting import wait_for


async def test_an_admin_sets_tests_and_reads_the_shared_database(admin, services, shared_db):
    cluster, database = shared_db
    status, body = await admin.get("/shared-database")
    assert status == 200 and body["enabled"] is False and body["status"]["state"] == "stopped"
    settings = {"host": "127.0.0.1", "port": cluster.port, "database": database, "user": cluster.user,
                "tls": "disable", "seat_name": "Office"}
    status, body = await admin.post("/shared-database/test", settings)
    assert status == 200 and "this seat will create the site" in body["result"]
    status, body = await admin.patch("/shared-database", {"port": 0})
    assert status == 422 and body["error"]["field"] == "port"
    status, body = await admin.patch("/shared-database", {**settings, "enabled": True, "password": "secret-1"})
    assert status == 200 and "password" not in body and body["seat_name"] == "Office"
    await wait_for(lambda: services.shared_db.status.state == "connected", 15)
    status, body = await admin.get("/shared-database")
    assert body["status"]["state"] == "connected"
    status, body = await admin.get("/shared-database/conflicts")
    assert status == 200 and body["items"] == []


async def test_a_group_admin_may_not_see_or_change_the_shared_database(group_admin):  # noqa: F811
    status, _ = await group_admin.get("/shared-database")
    assert status == 403
    status, _ = await group_admin.patch("/shared-database", {"host": "elsewhere"})
    assert status == 403
    status, _ = await group_admin.get("/shared-database/conflicts")
    assert status == 403
