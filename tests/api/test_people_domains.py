"""Domains through the API with real keys: operators limited to group A cannot touch, read
or export group B's charging users and tokens (issue 8's attack, repeated), and what
the API adds for tokens: block, validity days, moving a token to another user."""

from __future__ import annotations

import pytest

from evdesk.core.people_types import TokenInput, UserInput
from evdesk.core.permissions import OPERATOR_ACCESS_FORBIDDEN, SYSTEM_CONTEXT
from evdesk.store import models as m
from tests.api.conftest import Client

FORBIDDEN = {"code": "access_denied", "message": OPERATOR_ACCESS_FORBIDDEN}


class Site:
    pass


@pytest.fixture
async def site(services, api, http):
    """Groups A and B, a station and a user with a token in each; an admin and a basic
    operator whose base group is A, each with a key."""
    s = Site()
    root, people = SYSTEM_CONTEXT, services.people
    s.a = (await services.groups.add(root, "A")).id
    s.b = (await services.groups.add(root, "B")).id
    s.user, s.token = {}, {}
    for x, group in (("a", s.a), ("b", s.b)):
        await services.stations.create_station(f"CP-{x.upper()}", group_id=group, connectors=1, ctx=root)
        detail = await people.users.create(root, UserInput(f"User-{x}", "Driver", f"{x}@fleet.example",
                                                           group_rights=[group]),
                                           [TokenInput(f"TAG-{x.upper()}")], home_group_id=group)
        s.user[x], s.token[x] = detail, detail.tokens[0]
    s.other_a = await people.users.create(root, UserInput("Other", "Driver"), home_group_id=s.a)
    base = f"http://127.0.0.1:{api.port}/api/v1"
    for username, role in (("alice", "admin"), ("bert", "basic")):
        await services.store.run(lambda u=username, r=role: m.Operator.create(
            username=u, role=r, status="active", base_group=s.a, first_name=u.title()))
        _info, key = await api.keys.create(SYSTEM_CONTEXT, username, "group A")
        setattr(s, username, Client(http, base, key))
    return s


async def unchanged(services, s, x="b"):
    detail = await services.people.reads.user(SYSTEM_CONTEXT, s.user[x].id)
    return detail.version == s.user[x].version and detail.data.group_rights == s.user[x].data.group_rights and \
        [t.status for t in detail.tokens] == ["active"]


async def test_the_attack_of_issue_8_is_refused(services, site):
    b_user, b_token = site.user["b"], site.token["b"]
    # an admin limited to group A deletes a charging user whose rights are only in group B
    status, body = await site.alice.delete(f"/users/{b_user.id}")
    assert status == 403 and body["error"] == FORBIDDEN
    # a basic operator of group A blocks a group-B user's token
    status, body = await site.bert.patch(f"/tokens/{b_token.id}", {"version": b_token.version, "status": "blocked"})
    assert status == 403 and body["error"] == FORBIDDEN
    # ... empties a group-B user's rights
    status, body = await site.bert.patch(f"/users/{b_user.id}", {"version": b_user.version, "group_rights": []})
    assert status == 403 and body["error"] == FORBIDDEN
    # ... and exports every user and token
    async with site.bert.session.get(site.bert.base + "/users/export",
                                     headers={"Authorization": f"Bearer {site.bert.key}"}) as resp:
        assert resp.status == 200
        text = await resp.text()
    assert "a@fleet.example" in text and "TAG-A" in text
    assert "b@fleet.example" not in text and "TAG-B" not in text
    assert await unchanged(services, site)
    assert (await services.auth.authorize(services.stations.get("CP-B"), 1, "TAG-B", "Authorize")).accepted


async def test_reads_keep_to_the_domain(site):
    status, body = await site.bert.get("/users")
    assert status == 200 and [u["email"] for u in body["items"]] == ["", "a@fleet.example"] and body["total"] == 2
    assert all(u["home_group_id"] == str(site.a) for u in body["items"])
    status, body = await site.bert.get(f"/users/{site.user['b'].id}")
    assert status == 403 and body["error"] == FORBIDDEN
    status, body = await site.bert.get("/tokens")
    assert status == 200 and [t["uid"] for t in body["items"]] == ["TAG-A"]
    status, body = await site.bert.get(f"/tokens/{site.token['b'].id}")
    assert status == 403
    status, body = await site.alice.post("/tokens", {"uid": "NEW-B", "user_id": str(site.user["b"].id)})
    assert status == 403 and body["error"] == FORBIDDEN
    status, body = await site.alice.post("/users", {"first_name": "X", "home_group_id": str(site.b)})
    assert status == 403
    status, body = await site.alice.post("/user-groups", {"name": "Group A's"})
    assert status == 403 and body["error"] == FORBIDDEN


async def test_users_and_tokens_page_by_cursor(site, services):
    for n in range(3):
        await services.people.users.create(SYSTEM_CONTEXT, UserInput(f"P{n}", "Paged"), [TokenInput(f"PG-{n}")],
                                           home_group_id=site.a)
    seen, cursor = [], None
    while True:
        status, body = await site.bert.get("/users", params={"limit": "2", **({"cursor": cursor} if cursor else {})})
        assert status == 200
        seen += [u["first_name"] for u in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == ["Other", "User-a", "P0", "P1", "P2"]  # by last name, then first name
    status, body = await site.bert.get("/tokens", params={"limit": "2"})
    status, more = await site.bert.get("/tokens", params={"limit": "2", "cursor": body["next_cursor"]})
    assert [t["uid"] for t in body["items"] + more["items"]] == ["PG-0", "PG-1", "PG-2", "TAG-A"]
    for bad in ("nonsense", "WyJhIl0"):  # not base64 JSON / a cursor of another list
        status, body = await site.bert.get("/users", params={"cursor": bad})
        assert status == 400 and body["error"]["field"] == "cursor"


async def test_tokens_blocked_given_validity_and_moved_between_users(site, services):
    token, api = site.token["a"], site.bert
    status, body = await api.patch(f"/tokens/{token.id}", {"version": token.version, "status": "blocked",
                                                            "valid_from_day": "2026-01-01", "valid_to_day": "2026-12-31"})
    assert status == 200 and body["status"] == "blocked" and body["valid_to_day"] == "2026-12-31"
    assert (await services.auth.authorize(services.stations.get("CP-A"), 1, "TAG-A", "Authorize")).status == "Blocked"
    status, body = await api.patch(f"/tokens/{token.id}", {"version": body["version"], "valid_to_day": "2025-12-31"})
    assert status == 422 and body["error"]["field"] == "valid_to_day"  # ends before it starts
    version = (await api.get(f"/tokens/{token.id}"))[1]["version"]
    # move to a group-B user: refused; to another group-A user: done; to nobody: stays in A
    status, body = await api.patch(f"/tokens/{token.id}", {"version": version, "user_id": str(site.user["b"].id)})
    assert status == 403 and body["error"] == FORBIDDEN
    status, body = await api.patch(f"/tokens/{token.id}", {"version": version, "user_id": str(site.other_a.id)})
    assert status == 200 and body["user_id"] == str(site.other_a.id) and body["user_name"] == "Other Driver"
    status, body = await api.patch(f"/tokens/{token.id}", {"version": body["version"], "user_id": None})
    assert status == 200 and body["user_id"] is None and body["home_group_id"] == str(site.a)
    status, body = await api.patch(f"/tokens/{token.id}", {"version": version, "status": "active"})
    assert status == 409  # the version read before the moves
    status, body = await api.patch(f"/tokens/{token.id}", {"version": 99, "user_id": "not-a-uuid"})
    assert status == 422 and body["error"]["field"] == "user_id"
    # group B's token cannot be taken by group A either
    status, body = await api.patch(f"/tokens/{site.token['b'].id}", {"version": site.token["b"].version,
                                                                       "user_id": str(site.other_a.id)})
    assert status == 403
    assert await unchanged(services, site)


async def test_authorizations_of_other_groups_stations_are_not_shown(site, services):
    for identity, tag in (("CP-A", "TAG-A"), ("CP-B", "TAG-B")):
        await services.auth.authorize(services.stations.get(identity), 1, tag, "Authorize")
    await services.batch.flush()
    status, body = await site.bert.get("/authorizations")
    assert status == 200 and [r["station"] for r in body["items"]] == ["CP-A"]
    status, body = await site.bert.get("/authorizations", params={"station": str(services.stations.get("CP-B").id)})
    assert status == 403
    status, body = await site.bert.get("/authorizations", params={"cursor": "WyIyMDI2LTAxLTAxVDAwOjAwOjAwIiwgIngiXQ"})
    assert status == 400 and body["error"]["field"] == "cursor"  # a time without zone
