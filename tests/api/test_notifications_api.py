"""Notification rules and the mail log through the API with real keys: CRUD, refusals next to
their field, basic operators refused, a group admin kept to her domain."""

from __future__ import annotations

import pytest

from evdesk.core.permissions import OPERATOR_ACCESS_FORBIDDEN, SYSTEM_CONTEXT
from evdesk.store import models as m
from tests.api.conftest import Client


@pytest.fixture
async def groups(services, api, http):
    a = (await services.groups.add(SYSTEM_CONTEXT, "A")).id
    b = (await services.groups.add(SYSTEM_CONTEXT, "B")).id
    await services.stations.create_station("CP-A", group_id=a, ctx=SYSTEM_CONTEXT)
    await services.stations.create_station("CP-B", group_id=b, ctx=SYSTEM_CONTEXT)
    await services.store.run(lambda: m.Operator.create(username="alice", role="admin", status="active", base_group=a,
                                                       first_name="Alice"))
    _info, key = await api.keys.create(SYSTEM_CONTEXT, "alice", "group A")
    return a, b, Client(http, f"http://127.0.0.1:{api.port}/api/v1", key)


async def test_rule_crud_and_mail_log(admin, groups):
    a, _b, _alice = groups
    status, body = await admin.post("/notification-rules", {
        "name": "Hall A", "group_id": str(a), "emails": ["ops@depot.example"], "cases": ["fuse_tripped", "sensor"],
        "repeat_minutes": 45, "recovery_minutes": 15})
    assert status == 201, body
    assert (body["cases"], body["repeat_minutes"], body["settle_seconds"], body["recovery_minutes"],
            body["clear_mails"]) == (["fuse_tripped", "sensor"], 45, 60, 15, True)
    rid = body["id"]
    status, body = await admin.patch(f"/notification-rules/{rid}", {"version": body["version"],
                                                                    "clear_mails": False, "recovery_minutes": None})
    assert status == 200, body
    assert (body["clear_mails"], body["recovery_minutes"], body["name"]) == (False, None, "Hall A")
    status, stale = await admin.patch(f"/notification-rules/{rid}", {"version": 1, "name": "Old"})
    assert status == 409 and stale["error"]["code"] == "stale_edit"
    status, listed = await admin.get("/notification-rules")
    assert status == 200 and [r["id"] for r in listed["items"]] == [rid]
    status, log = await admin.get("/notification-mails?limit=5")
    assert status == 200 and log == {"items": [], "next_cursor": None}
    assert (await admin.delete(f"/notification-rules/{rid}"))[0] == 204
    assert (await admin.get(f"/notification-rules/{rid}"))[0] == 404


@pytest.mark.parametrize("body, field", [
    ({"name": "x", "cases": ["sensor"]}, "emails"),
    ({"name": "x", "cases": ["meteor"], "emails": ["a@b.example"]}, "cases"),
    ({"name": "x", "cases": [], "emails": ["a@b.example"]}, "cases"),
    ({"name": "x", "cases": ["sensor"], "emails": ["no address"]}, "emails"),
    ({"name": "x", "cases": ["sensor"], "emails": ["a@b.example"], "repeat_minutes": 0}, "repeat_minutes"),
])
async def test_refusals_name_the_field(admin, body, field):
    status, err = await admin.post("/notification-rules", body)
    assert status == 422 and err["error"]["field"] == field, err


async def test_basic_operators_may_not_and_group_admins_stay_in_their_domain(admin, basic, groups):
    a, b, alice = groups
    rule = {"name": "B", "group_id": str(b), "emails": ["b@depot.example"], "cases": ["other_fault"]}
    assert (await basic.post("/notification-rules", {**rule, "group_id": str(a)}))[0] == 403
    assert (await basic.get("/notification-mails"))[0] == 403
    status, err = await alice.post("/notification-rules", rule)
    assert status == 403 and err["error"]["message"] == OPERATOR_ACCESS_FORBIDDEN
    status, theirs = await admin.post("/notification-rules", rule)
    assert status == 201
    status, mine = await alice.post("/notification-rules", {**rule, "name": "A", "group_id": str(a)})
    assert status == 201
    assert [r["name"] for r in (await alice.get("/notification-rules"))[1]["items"]] == ["A"]
    assert (await alice.get(f"/notification-rules/{theirs['id']}"))[0] == 404
    assert (await alice.delete(f"/notification-rules/{theirs['id']}"))[0] == 404
