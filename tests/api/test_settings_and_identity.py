"""`GET/PATCH /settings` (admins; the Settings page's checks; stale `version` → 409) and
`GET /stations?identity=` (exact, within the key's domain), over HTTP with real keys."""

from __future__ import annotations

import dataclasses

from evdesk.core.permissions import ACCESS_DENIED, SYSTEM_CONTEXT
from evdesk.core.site_settings import save_site_settings
from evdesk.settings import SiteSettings
from evdesk.store import models as m


async def test_admin_reads_and_changes_the_site_settings(admin, services):
    status, body = await admin.get("/settings")
    assert status == 200 and body["version"] == 0
    assert {k: v for k, v in body.items() if k != "version"} == services.settings.as_dict()
    status, body = await admin.patch("/settings", {"version": 0, "heartbeat_interval": 600,
                                                   "unknown_station_policy": "accept", "boot_accept_rate": 20})
    assert status == 200 and body["version"] == 1 and body["heartbeat_interval"] == 600
    assert body["boot_accept_rate"] == 20.0
    assert services.settings.heartbeat_interval == 600 and services.settings.unknown_station_policy == "accept"
    assert services.stations.boot_gate.rate == 20.0  # applied to the running server at once
    stored = await services.store.run(lambda: m.Setting.get(m.Setting.key == "site").value)
    assert stored["heartbeat_interval"] == 600


async def test_settings_are_checked_as_the_settings_page_checks_them(admin, services):
    cases = [
        ({"heartbeat_interval": 0}, "heartbeat_interval", "Must be a positive number of seconds."),
        ({"unknown_station_policy": "maybe"}, "unknown_station_policy", "Choose reject, pending or accept."),
        ({"long_term_unavailable_after": 60}, "long_term_unavailable_after",
         "Must be longer than the temporarily-unavailable time."),
        ({"smtp_port": 70000}, "smtp_port", "Use a port between 1 and 65535."),
        ({"smtp_from": "nobody"}, "smtp_from",
         "Problem with email address. Give a full address such as evdesk@example.com."),
        ({"heartbeat_interval": "600"}, "heartbeat_interval", "Field 'heartbeat_interval' must be an integer."),
        ({"heartbeat_interval": 2**40}, "heartbeat_interval", None),
        ({"boot_accept_rate": True}, "boot_accept_rate", None),
        ({"site_name": "\udcff"}, "site_name", None),
        ({"smtp_password": "x"}, "smtp_password", None),
    ]
    for change, field, message in cases:
        status, body = await admin.patch("/settings", {"version": 0, **change})
        assert status == 422 and body["error"]["field"] == field, (change, body)
        if message:
            assert body["error"]["message"] == message
    assert services.settings_version == 0 and services.settings.heartbeat_interval == 300


async def test_a_stale_version_is_409_and_a_fresh_read_gets_the_stored_one(admin, services):
    status, _ = await admin.patch("/settings", {"version": 0, "site_name": "Depot"})
    assert status == 200
    status, body = await admin.patch("/settings", {"version": 0, "site_name": "Stale"})
    assert status == 409 and body["error"]["code"] == "stale_edit"
    # another seat (or `evdesk settings set`) saves: the PATCH with what this process had is stale
    other = dataclasses.replace(SiteSettings.from_dict(services.settings.as_dict()), command_timeout=45)
    await services.store.run(save_site_settings, other, 1)
    status, body = await admin.patch("/settings", {"version": 1, "site_name": "Mine"})
    assert status == 409
    status, body = await admin.get("/settings")
    assert body["version"] == 2 and body["command_timeout"] == 45 and services.settings.command_timeout == 45
    status, body = await admin.patch("/settings", {"version": 2, "site_name": "Mine"})
    assert status == 200 and body["site_name"] == "Mine" and body["command_timeout"] == 45


async def test_only_admins_touch_the_site_settings(basic, analyst):
    for client in (basic, analyst):
        status, body = await client.get("/settings")
        assert status == 403 and body["error"]["message"] == ACCESS_DENIED
        status, body = await client.patch("/settings", {"version": 0, "site_name": "No"})
        assert status == 403 and body["error"]["message"] == ACCESS_DENIED


async def test_station_by_identity_is_exact_and_within_the_domain(admin, basic, services):
    north = await services.groups.add(SYSTEM_CONTEXT, "North")
    south = await services.groups.add(SYSTEM_CONTEXT, "South")
    for identity, group in (("CP01", north.id), ("CP010", north.id), ("cp01", south.id), ("XCP01", north.id)):
        await services.stations.create_station(identity, group_id=group, ctx=SYSTEM_CONTEXT)
    status, body = await admin.get("/stations", params={"identity": "CP01"})
    assert status == 200 and [s["identity"] for s in body["items"]] == ["CP01"] and body["total"] == 1
    status, body = await admin.get("/stations", params={"identity": "CP0"})
    assert status == 200 and body["items"] == [] and body["total"] == 0
    await services.store.run(lambda: m.Operator.update(base_group=south.id).where(m.Operator.username == "bob").execute())
    status, body = await basic.get("/stations", params={"identity": "CP01"})
    assert status == 200 and body["items"] == []  # CP01 is in North, outside bob's domain
    status, body = await basic.get("/stations", params={"identity": "cp01"})
    assert [s["identity"] for s in body["items"]] == ["cp01"]
    status, body = await admin.get("/stations", params={"identity": "CP01", "registration": "pending"})
    assert body["items"] == []  # the other filters still apply
