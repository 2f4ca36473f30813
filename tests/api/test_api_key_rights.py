"""API keys cannot lift an operator above their rights: probed over HTTP with real keys.

Groups A (A1 below it) and B; the root admin `ada` (conftest) and operators limited to
them. An admin of group A made a key for the root admin before (`POST /api-keys
{"operator": "ada"}` → 201, then `/me` was root) and listed and revoked other operators'
keys; see core/api_keys.py for the rule."""

from __future__ import annotations

import pytest

from evdesk.core.permissions import ACCESS_DENIED, OPERATOR_ACCESS_FORBIDDEN, SYSTEM_CONTEXT
from evdesk.store import models as m
from tests.api.conftest import Client


@pytest.fixture
async def domains(services, api, http, keys):
    a = await services.groups.add(SYSTEM_CONTEXT, "A")
    groups = {"A": a.id, "A1": (await services.groups.add(SYSTEM_CONTEXT, "A1", a.id)).id,
              "B": (await services.groups.add(SYSTEM_CONTEXT, "B")).id}
    people = {"adam": ("admin", "A"), "bea": ("basic", "A1"), "anna": ("analyst", "A"), "bert": ("basic", "B"),
              "abe": ("admin", "B")}

    def make():
        for username, (role, base) in people.items():
            m.Operator.create(username=username, role=role, base_group=groups[base], status="active",
                              first_name=username.title())

    await services.store.run(make)
    base = f"http://127.0.0.1:{api.port}/api/v1"
    out = {"groups": groups, "prefix": {}, "client": {}}
    for username in people:
        info, key = await api.keys.create(SYSTEM_CONTEXT, username, f"{username}'s key")
        out["prefix"][username], out["client"][username] = info.prefix, Client(http, base, key)
    out["prefix"]["ada"] = next(k.prefix for k in await api.keys.list(SYSTEM_CONTEXT) if k.operator == "ada")
    return out


async def test_a_group_admin_cannot_make_a_key_for_the_root_admin(domains, admin):
    adam = domains["client"]["adam"]
    status, body = await adam.post("/api-keys", {"operator": "ada", "name": "escalate"})
    assert status == 403 and body["error"] == {"code": "access_denied", "message": OPERATOR_ACCESS_FORBIDDEN}
    for outsider in ("bert", "abe"):  # another group's operators
        status, body = await adam.post("/api-keys", {"operator": outsider})
        assert status == 403 and body["error"]["message"] == OPERATOR_ACCESS_FORBIDDEN
    status, me = await adam.get("/me")
    assert me["username"] == "adam" and me["base_group_id"] == str(domains["groups"]["A"])


async def test_a_group_admin_makes_keys_inside_the_domain_that_act_as_the_target(domains):
    adam = domains["client"]["adam"]
    status, body = await adam.post("/api-keys", {"operator": "bea", "name": "for bea"})
    assert status == 201, body
    status, me = await adam.get("/me", key=body["key"])
    assert (me["username"], me["role"], me["base_group_id"]) == ("bea", "basic", str(domains["groups"]["A1"]))
    status, body = await adam.post("/stations", {"identity": "NOPE"}, key=body["key"])
    assert status == 403  # bea's rights, not adam's
    status, body = await adam.post("/api-keys", {"operator": "adam", "name": "mine"})
    assert status == 201


async def test_a_group_admin_lists_and_revokes_only_inside_the_domain(domains, admin):
    adam, prefix = domains["client"]["adam"], domains["prefix"]
    status, body = await adam.get("/api-keys")
    assert status == 200 and {k["operator"] for k in body["items"]} == {"adam", "bea", "anna"}
    for outsider in ("ada", "bert", "abe"):
        status, body = await adam.delete(f"/api-keys/{prefix[outsider]}")
        assert status == 403 and body["error"]["message"] == OPERATOR_ACCESS_FORBIDDEN, outsider
    assert (await admin.get("/me"))[0] == 200  # ada's key still works
    assert (await domains["client"]["bert"].get("/me"))[0] == 200
    status, body = await adam.delete(f"/api-keys/{prefix['bea']}")
    assert status == 200 and body["revoked_at"]
    assert (await domains["client"]["bea"].get("/me"))[0] == 401


async def test_basic_and_analyst_keep_to_their_own_keys(domains):
    bea, anna, prefix = domains["client"]["bea"], domains["client"]["anna"], domains["prefix"]
    status, body = await bea.get("/api-keys")
    assert status == 200 and {k["operator"] for k in body["items"]} == {"bea"}
    status, body = await bea.post("/api-keys", {"operator": "anna"})
    assert status == 403 and body["error"]["message"] == ACCESS_DENIED
    status, body = await bea.delete(f"/api-keys/{prefix['anna']}")
    assert status == 403
    status, own = await anna.post("/api-keys", {"operator": "anna", "name": "dashboard"})
    assert status == 201
    status, body = await anna.post("/users", {"first_name": "X"}, key=own["key"])
    assert status == 403 and body["error"]["message"] == ACCESS_DENIED  # an analyst's key stays read-only
    assert (await anna.get("/stations", key=own["key"]))[0] == 200
    status, body = await anna.delete(f"/api-keys/{own['prefix']}")
    assert status == 200 and body["revoked_at"]


async def test_the_root_admin_acts_for_everyone(domains, admin):
    status, body = await admin.get("/api-keys")
    assert {k["operator"] for k in body["items"]} >= {"ada", "adam", "bea", "anna", "bert", "abe"}
    status, body = await admin.post("/api-keys", {"operator": "abe"})
    assert status == 201
    status, body = await admin.post("/api-keys", {"operator": "nobody"})
    assert status == 422 and body["error"] == {"code": "validation_error", "message": "No operator 'nobody'.",
                                               "field": "operator"}
