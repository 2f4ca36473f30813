"""Site settings are site-wide (a group admin's key may read them, not change them); the API
refuses exactly what `SiteSettings.validate()` refuses, with its messages; sessions come from
the core's read service (the key's domain); and a refusal is one log line, never a traceback.
Over real HTTP with real keys."""

from __future__ import annotations

import logging

import pytest

from evdesk.api.errors import RefusalLog
from evdesk.core.clock import utcnow
from evdesk.core.permissions import OPERATOR_ACCESS_FORBIDDEN, SYSTEM_CONTEXT
from evdesk.settings import SiteSettings
from evdesk.store import models as m
from tests.api.conftest import Client


async def _key_for(services, api, username: str, role: str, base_group_id) -> str:
    await services.store.run(lambda: m.Operator.create(username=username, role=role, status="active",
                                                       base_group=base_group_id))
    return (await api.keys.create(SYSTEM_CONTEXT, username, f"{username}'s key"))[1]


@pytest.fixture
async def group_admin(services, api, http, keys):
    group = await services.groups.add(SYSTEM_CONTEXT, "Depot A")
    key = await _key_for(services, api, "gina", "admin", group.id)
    return Client(http, f"http://127.0.0.1:{api.port}/api/v1", key)


async def test_a_group_admin_reads_the_site_settings_but_may_not_change_them(group_admin, admin, services):
    status, body = await group_admin.get("/settings")
    assert status == 200 and body["version"] == 0
    status, body = await group_admin.patch("/settings", {"version": 0, "unknown_station_policy": "accept"})
    assert status == 403 and body["error"] == {"code": "access_denied", "message": OPERATOR_ACCESS_FORBIDDEN}
    assert services.settings.unknown_station_policy == "pending" and services.settings_version == 0
    status, body = await group_admin.patch("/settings", {"version": 0, "currency": "eur"})
    assert status == 403  # refused before the body is looked at
    status, body = await admin.patch("/settings", {"version": 0, "unknown_station_policy": "accept"})
    assert status == 200 and body["version"] == 1  # a whole-site admin may


# Values the Settings page refuses: the API refuses them with the same message (422 naming the field).
REFUSED = [
    {"site_name": "  "}, {"site_name": "x" * 121}, {"currency": "eur"}, {"currency": "EU"}, {"currency": "EURO"},
    {"site_timezone": "Mars/Olympus_Mons"}, {"site_timezone": "../../etc/passwd"}, {"site_timezone": "Europe"},
    {"boot_accept_rate": 0}, {"boot_accept_rate": 20000}, {"max_frame_bytes": 100}, {"message_log_max_rows": 10},
    {"post_boot_quiet_seconds": -1}, {"clock_skew_flag_seconds": 60}, {"command_timeout": 601},
    {"boot_pending_interval_min": 0}, {"smtp_host": "h" * 256}, {"heartbeat_interval": 0},
]


@pytest.mark.parametrize("change", REFUSED, ids=[f"{next(iter(c))}={str(next(iter(c.values())))[:20]}" for c in REFUSED])
async def test_the_api_refuses_what_validate_refuses_with_its_message(admin, services, change):
    field, value = next(iter(change.items()))
    expected = dict(SiteSettings(**{**SiteSettings().as_dict(), **change}).validate())
    assert field in expected  # the shared check refuses it (the page shows this very message)
    status, body = await admin.patch("/settings", {"version": 0, **change})
    assert status == 422 and body["error"]["field"] == field, body
    assert body["error"]["message"] == expected[field]
    assert services.settings_version == 0


async def test_values_the_page_takes_are_taken(admin, services):
    change = {"site_name": "Depot Nord", "currency": "SEK", "site_timezone": "Europe/Stockholm",
              "boot_accept_rate": 0.5, "max_frame_bytes": 1024 * 1024, "clock_skew_flag_seconds": 3600}
    status, body = await admin.patch("/settings", {"version": 0, **change})
    assert status == 200 and {k: body[k] for k in change} == change


# -- sessions through the read service --------------------------------------------------------------------
async def test_sessions_are_those_of_the_keys_domain(admin, basic, services):
    north = await services.groups.add(SYSTEM_CONTEXT, "North")
    south = await services.groups.add(SYSTEM_CONTEXT, "South")
    started = {}
    for identity, group in (("N-1", north.id), ("S-1", south.id)):
        info = await services.stations.create_station(identity, group_id=group, connectors=1, ctx=SYSTEM_CONTEXT)
        tx = await services.transactions.start(info, 1, "ANY", 0, utcnow().strftime("%Y-%m-%dT%H:%M:%SZ"))
        started[identity] = services.transactions.active[tx.ocpp_id].id
    await services.store.run(lambda: m.Operator.update(base_group=south.id).where(m.Operator.username == "bob").execute())
    status, body = await admin.get("/sessions")
    assert status == 200 and {s["station_identity"] for s in body["items"]} == {"N-1", "S-1"}
    status, body = await basic.get("/sessions")
    assert status == 200 and [s["station_identity"] for s in body["items"]] == ["S-1"]
    assert body["items"][0]["station_id"] == str(services.stations.get("S-1").id)
    status, body = await basic.get(f"/sessions/{started['S-1']}")
    assert status == 200 and body["state"] == "active" and body["meter_values"] == []
    status, body = await basic.get(f"/sessions/{started['N-1']}")
    assert status == 404 and body["error"]["code"] == "not_found"  # outside the domain: as if it did not exist
    status, body = await admin.get("/sessions", params={"limit": 1})
    assert len(body["items"]) == 1 and body["next_cursor"]
    status, more = await admin.get("/sessions", params={"limit": 1, "cursor": body["next_cursor"]})
    assert status == 200 and len(more["items"]) == 1 and more["items"][0]["id"] != body["items"][0]["id"]


# -- refusals in the log ---------------------------------------------------------------------------------------
async def test_refusals_are_one_line_and_faults_keep_their_traceback(admin, basic, services, caplog, monkeypatch):
    with caplog.at_level(logging.INFO, logger="evdesk.api"):
        assert (await admin.get("/me", key="evk_deadbeef_not-a-key"))[0] == 401
        assert (await basic.patch("/settings", {"version": 0, "site_name": "No"}))[0] == 403
        assert (await admin.patch("/settings", {"version": 0, "currency": "eur"}))[0] == 422
        assert (await admin.get("/no-such-route"))[0] == 404
    refusals = [r for r in caplog.records if r.name == "evdesk.api.errors"]
    assert [(r.levelno, r.getMessage().split(" refused ")[1].split(")")[0]) for r in refusals] == [
        (logging.WARNING, "(401 unauthorized"), (logging.WARNING, "(403 access_denied"),
        (logging.INFO, "(422 validation_error"), (logging.INFO, "(404 not_found")]
    assert refusals[1].getMessage() == (f"API PATCH /api/v1/settings refused (403 access_denied) for Bob Tester (API key "
                                        f"{refusals[1].getMessage().split('(API key ')[1].split(')')[0]}) from 127.0.0.1: "
                                        "Access denied.")
    assert "currency: " not in refusals[2].getMessage() and "Use a three-letter currency code" in refusals[2].getMessage()
    assert all(r.exc_info is None for r in caplog.records) and "Traceback" not in caplog.text

    async def broken(*_args, **_kwargs):
        raise RuntimeError("a bug in evdesk")

    monkeypatch.setattr(services.sessions, "page", broken)
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="evdesk.api"):
        status, body = await admin.get("/sessions")
    assert status == 500 and body["error"]["code"] == "internal_error"
    faults = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(faults) == 1 and faults[0].exc_info is not None and "a bug in evdesk" in caplog.text


def test_refusal_lines_are_limited_per_window(caplog, monkeypatch):
    """A client probing keys cannot fill the log: `limit` lines a window, then a count."""
    import evdesk.api.errors as errors

    clock = [1000.0]
    monkeypatch.setattr(errors.time, "monotonic", lambda: clock[0])

    class Request(dict):
        method, remote = "GET", "192.0.2.7"

        class rel_url:  # noqa: N801 - the shape of aiohttp's URL
            raw_path = "/api/v1/me\n\udcff"

    refusals = RefusalLog(limit=3, window=60)
    with caplog.at_level(logging.INFO, logger="evdesk.api"):
        for _ in range(10):
            refusals.note(Request(), 401, "unauthorized", "Invalid API key.\nsecond line")
        clock[0] += 61
        refusals.note(Request(), 401, "unauthorized", "Invalid API key.")
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 5 and lines[3] == "7 more refused API requests in the last 60 s were not logged"
    assert all("\n" not in line for line in lines) and "\\udcff" in lines[0]
    lines[0].encode("utf-8")  # writable to the UTF-8 log file


async def test_a_disk_that_cannot_be_written_is_503_with_the_reason(http, api, keys, services, monkeypatch):
    """The store's own condition, worded for the client; no 500, no traceback."""
    from evdesk.core.errors import StorageUnavailable

    async def full(*_args, **_kwargs):
        raise StorageUnavailable("The disk holding the database is full. Free some space: evdesk resumes by itself.")

    monkeypatch.setattr(services.people.users, "create", full)
    async with http.post(f"http://127.0.0.1:{api.port}/api/v1/users", json={"first_name": "Disk"},
                         headers={"Authorization": f"Bearer {keys['admin']}"}) as resp:
        assert resp.status == 503
        body = await resp.json()
    assert body["error"]["code"] == "storage_unavailable" and "full" in body["error"]["message"]
