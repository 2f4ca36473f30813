"""The automation API over real HTTP against a running evdesk with simulated stations."""

from __future__ import annotations

import asyncio
import json

from evdesk.api.openapi import DOC_PATH, build
from evdesk.api.stations import COMMANDS
from evdesk.core.permissions import ACCESS_DENIED, SYSTEM_CONTEXT
from evdesk.store import models as m
from tests.csms.test_protocol_messages import wait_for



def sid(services) -> str:
    return str(services.stations.get("SIM-1").id)


# -- keys and errors ------------------------------------------------------------------------
async def test_no_key_bad_key_and_revoked_key_get_401(admin, api):
    status, body = await admin.get("/stations", key=None)
    assert status == 401 and body["error"]["code"] == "unauthorized"
    status, body = await admin.get("/stations", key="evk_deadbeef_nope")
    assert status == 401
    info, key = await api.keys.create(SYSTEM_CONTEXT, "bob", "to revoke")
    assert (await admin.get("/me", key=key))[0] == 200
    status, body = await admin.delete(f"/api-keys/{info.prefix}")
    assert status == 200 and body["revoked_at"]
    status, body = await admin.get("/me", key=key)
    assert status == 401 and "revoked" in body["error"]["message"]


async def test_inactive_operator_key_gets_401(admin, services):
    await services.store.run(lambda: m.Operator.update(status="inactive").where(m.Operator.username == "bob").execute())
    # a new key for an inactive operator can be made; it does not work
    status, body = await admin.call("GET", "/me", key=(await _key_of(admin, "bob")))
    assert status == 401 and body["error"]["message"] == "Operator is inactive."


async def _key_of(admin, username):
    status, body = await admin.post("/api-keys", {"operator": username, "name": "x"})
    assert status == 201, body
    return body["key"]


async def test_key_is_stored_hashed_and_acts_as_its_operator(admin, services, keys):
    rows = await services.store.run(lambda: list(m.ApiKey.select()))
    assert all(keys["admin"] != r.secret_hash and keys["admin"].split("_", 2)[2] not in r.secret_hash for r in rows)
    status, body = await admin.get("/me")
    assert status == 200 and body["username"] == "ada" and body["role"] == "admin"


async def test_bad_json_unknown_field_and_wrong_type(admin):
    status, body = await admin.call("POST", "/stations", data="{not json")
    assert status == 400 and body["error"]["code"] == "malformed_json"
    status, body = await admin.call("POST", "/stations", data="[1, 2]")
    assert status == 400
    status, body = await admin.post("/stations", {"identity": "X-1", "colour": "red"})
    assert status == 422 and body["error"]["field"] == "colour" and "Unknown field" in body["error"]["message"]
    status, body = await admin.post("/stations", {"identity": "X-1", "connectors": "two"})
    assert status == 422 and body["error"]["field"] == "connectors" and "integer" in body["error"]["message"]
    status, body = await admin.post("/stations", {"identity": "bad id!"})
    assert status == 422 and body["error"]["field"] == "identity"
    status, body = await admin.post("/stations", {"identity": True})
    assert status == 422
    status, body = await admin.get("/stations", params={"limit": "many"})
    assert status == 400 and body["error"]["field"] == "limit"
    status, body = await admin.get("/stations", params={"colour": "red"})
    assert status == 400
    status, body = await admin.get("/stations/not-a-uuid")
    assert status == 404 and body["error"]["code"] == "not_found"
    status, body = await admin.get("/nothing-here")
    assert status == 404 and body["error"]["code"] == "not_found"
    status, body = await admin.call("PUT", "/stations")
    assert status == 405


# -- stations -----------------------------------------------------------------------------
async def test_station_crud_paging_filters(admin, services):
    for n in range(5):
        status, body = await admin.post("/stations", {"identity": f"ST-{n}", "name": f"Depot {n}", "connectors": 2})
        assert status == 201, body
    status, body = await admin.get("/stations", params={"limit": "2"})
    assert status == 200 and body["total"] == 5 and [s["identity"] for s in body["items"]] == ["ST-0", "ST-1"]
    seen = [s["identity"] for s in body["items"]]
    while body["next_cursor"]:
        status, body = await admin.get("/stations", params={"limit": "2", "cursor": body["next_cursor"]})
        seen += [s["identity"] for s in body["items"]]
    assert seen == [f"ST-{n}" for n in range(5)]
    status, body = await admin.get("/stations", params={"offset": "3"})
    assert [s["identity"] for s in body["items"]] == ["ST-3", "ST-4"]
    status, body = await admin.get("/stations", params={"q": "depot 2"})
    assert [s["identity"] for s in body["items"]] == ["ST-2"]
    status, body = await admin.get("/stations", params={"connection_state": "online"})
    assert status == 200 and body["items"] == []
    services.status.connected(services.stations.get("ST-4"))
    status, body = await admin.get("/stations", params={"connection_state": "online"})
    assert [s["identity"] for s in body["items"]] == ["ST-4"]
    services.status.disconnected(services.stations.get("ST-4"))
    status, body = await admin.get("/stations", params={"connection_state": "never_connected"})
    assert [s["identity"] for s in body["items"]] == ["ST-0", "ST-1", "ST-2", "ST-3"]
    status, body = await admin.get("/stations", params={"connection_state": "connected"})
    assert status == 400  # not a state evdesk knows
    one = services.stations.get("ST-1")
    status, body = await admin.get(f"/stations/{one.id}")
    assert status == 200 and [c["connector_id"] for c in body["connectors"]] == [1, 2]
    status, body = await admin.patch(f"/stations/{one.id}", {"version": body["version"], "name": "Gate", "access_mode": "free"})
    assert status == 200 and body["name"] == "Gate" and body["access_mode"] == "free"
    status, body = await admin.patch(f"/stations/{one.id}", {"version": 1, "name": "Stale"})
    assert status == 409 and body["error"]["code"] == "stale_edit"
    status, _ = await admin.delete(f"/stations/{one.id}")
    assert status == 204
    assert (await admin.get(f"/stations/{one.id}"))[0] == 404


async def test_adopt_a_pending_station(admin, services):
    await services.stations.create_station("NEW-1", registration="pending", ctx=SYSTEM_CONTEXT)
    status, body = await admin.get("/stations", params={"registration": "pending"})
    assert [s["identity"] for s in body["items"]] == ["NEW-1"]
    status, body = await admin.post(f"/stations/{body['items'][0]['id']}/adopt", {"name": "Adopted"})
    assert status == 200 and body["registration"] == "adopted" and body["name"] == "Adopted"


# -- commands through the API -------------------------------------------------------------------------
async def test_remote_start_through_the_api_really_starts_a_transaction(admin, services, station):
    await station.plug_in(1)
    status, body = await admin.post(f"/stations/{sid(services)}/commands/remote-start",
                                    {"connector_id": 1, "id_tag": "TAG-OK", "reason": "driver phoned"})
    assert status == 200 and body["outcome"] == "accepted", body
    await wait_for(lambda: services.transactions.active_on(services.stations.get("SIM-1").id, 1) is not None)
    await wait_for(lambda: services.stations.get("SIM-1").connectors[1].status == "Charging")
    status, st = await admin.get(f"/stations/{sid(services)}")
    conn = next(c for c in st["connectors"] if c["connector_id"] == 1)
    assert st["connected"] and conn["status"] == "Charging" and conn["session"]["transaction_id"]
    tx_id = conn["session"]["transaction_id"]
    status, sessions = await admin.get("/sessions", params={"station": sid(services), "state": "active"})
    assert status == 200 and [s["transaction_id"] for s in sessions["items"]] == [tx_id]
    assert sessions["items"][0]["station_id"] == sid(services)  # issue 8: it was null
    status, body = await admin.post(f"/stations/{sid(services)}/commands/remote-stop",
                                    {"transaction_id": tx_id, "reason": "done"})
    assert status == 200 and body["outcome"] == "accepted"
    await wait_for(lambda: tx_id not in services.transactions.active)
    status, one = await admin.get(f"/sessions/{sessions['items'][0]['id']}")
    assert status == 200 and one["state"] == "completed" and isinstance(one["meter_values"], list)
    actions = await services.store.run(lambda: list(m.ActionLog.select().where(
        m.ActionLog.action.in_(["RemoteStartTransaction", "RemoteStopTransaction"])).order_by(m.ActionLog.started_at)))
    assert [(a.reason, a.outcome) for a in actions] == [("driver phoned", "accepted"), ("done", "accepted")]
    assert all("Ada Tester" in a.actor and "API key" in a.actor and a.operator_id for a in actions)


async def test_every_command_has_a_route_and_answers(admin, services, station):
    base = f"/stations/{sid(services)}/commands"
    calls = {
        "unlock": {"connector_id": 1},
        "change-availability": {"connector_id": 2, "available": True}, "get-configuration": {"keys": None},
        "change-configuration": {"key": "HeartbeatInterval", "value": "300"}, "clear-cache": {},
        "trigger-message": {"message": "Heartbeat"},
        "clear-charging-profile": {}, "get-composite-schedule": {"connector_id": 1, "duration": 60},
        "cancel-reservation": {"reservation_id": 4242}, "get-local-list-version": {},
        "data-transfer": {"vendor_id": "acme"},
        "get-diagnostics": {"location": "ftp://example.invalid/up"},
        "reset": {"kind": "Soft"},  # last: the station reboots
    }
    for name, params in calls.items():
        status, body = await admin.post(f"{base}/{name}", {**params, "reason": "api test"})
        assert status in (200, 502), (name, body)
        assert set(body) == {"outcome", "message", "response", "action_id"}, name
    assert set(calls) | {"remote-start", "remote-stop", "set-charging-profile", "reserve-now", "send-local-list",
                         "update-firmware", "rotate-password", "get-base-report", "get-charging-profiles",
                         "get-transaction-status", "raw-call", "set-variable-monitoring",
                         # the security extension (tests/api/test_certificate_requests_api.py)
                         "install-certificate", "get-installed-certificate-ids", "delete-certificate", "get-log",
                         "signed-update-firmware", "request-certificate"} == set(COMMANDS)
    status, body = await admin.post(f"{base}/reset", {"kind": "Soft"})
    assert status == 422 and body["error"]["field"] == "reason"
    status, body = await admin.post(f"{base}/reset", {"kind": "Warm", "reason": "x"})
    assert status == 422 and body["error"]["field"] == "kind"
    status, body = await admin.post(f"{base}/explode", {"reason": "x"})
    assert status == 404


async def test_command_to_offline_station_is_409(admin, services):
    info = await services.stations.create_station("OFF-1", ctx=SYSTEM_CONTEXT)
    status, body = await admin.post(f"/stations/{info.id}/commands/clear-cache", {"reason": "try"})
    assert status == 409 and body["outcome"] == "offline" and body["action_id"]


# -- permissions: basic and analyst keys ---------------------------------------------------------------
async def test_basic_and_analyst_are_refused_what_the_core_refuses(basic, analyst, services, station):
    # stations outside every group are for whole-site admins only: put SIM-1 in a group
    group = await services.store.run(lambda: m.ChargingGroup.create(name="Site"))
    await services.groups.load()
    await services.stations.move_to_group(services.stations.get("SIM-1").id, group.id)
    status, body = await basic.post("/stations", {"identity": "NOPE"})
    assert status == 403 and body["error"] == {"code": "access_denied", "message": ACCESS_DENIED}
    status, body = await basic.post(f"/stations/{sid(services)}/commands/clear-cache", {"reason": "ok for basic"})
    assert status == 200
    status, body = await basic.post(f"/stations/{sid(services)}/commands/update-firmware",
                                    {"location": "http://x/fw", "retrieve_date": "2026-01-01T00:00:00Z", "reason": "r"})
    assert status == 403 and body["error"]["message"] == ACCESS_DENIED
    status, body = await basic.get("/api-keys")  # their own keys only
    assert status == 200 and {k["operator"] for k in body["items"]} == {"bob"}
    status, body = await basic.post("/api-keys", {"operator": "ada"})
    assert status == 403 and body["error"]["message"] == ACCESS_DENIED
    for path, payload in ((f"/stations/{sid(services)}/commands/remote-start", {"id_tag": "TAG-OK", "reason": "r"}),
                          ("/users", {"first_name": "X"}), ("/tokens", {"uid": "T1"})):
        status, body = await analyst.post(path, payload)
        assert status == 403 and body["error"]["message"] == ACCESS_DENIED, path
    status, body = await analyst.get("/stations")
    assert status == 200 and len(body["items"]) == 1


async def test_domain_limits_what_a_key_sees(basic, services, station):
    from evdesk.core.permissions import OPERATOR_ACCESS_FORBIDDEN

    group = await services.store.run(lambda: m.ChargingGroup.create(name="North"))
    await services.groups.load()
    await services.store.run(lambda: m.Operator.update(base_group=group.id).where(m.Operator.username == "bob").execute())
    status, body = await basic.get("/stations")
    assert status == 200 and body["items"] == []
    status, body = await basic.get(f"/stations/{sid(services)}")
    assert status == 403 and body["error"]["message"] == OPERATOR_ACCESS_FORBIDDEN


# -- people and the authorizations log ---------------------------------------------------------------------
async def test_charging_users_and_tokens(admin, basic):
    status, user = await admin.post("/users", {"first_name": "Dana", "last_name": "Driver", "email": "dana@example.com",
                                               "tokens": [{"uid": "RFID-1", "name": "card"}]})
    assert status == 201 and user["tokens"][0]["uid"] == "RFID-1"
    status, body = await admin.get("/users", params={"q": "dana"})
    assert body["total"] == 1 and body["items"][0]["token_uids"] == ["RFID-1"]
    status, body = await admin.patch(f"/users/{user['id']}", {"version": user["version"], "phone": "+49 1"})
    assert status == 200 and body["phone"] == "+49 1" and body["last_name"] == "Driver"
    status, body = await admin.post("/users", {"first_name": "X", "tokens": [{"uid": "A", "colour": 1}]})
    assert status == 422 and body["error"]["field"] == "colour"
    status, tok = await admin.post("/tokens", {"uid": "RFID-2", "user_id": user["id"]})
    assert status == 201 and tok["user_id"] == user["id"]
    status, body = await admin.patch(f"/tokens/{tok['id']}", {"version": tok["version"], "status": "blocked"})
    assert status == 200 and body["status"] == "blocked"
    status, body = await admin.get("/tokens", params={"status": "blocked"})
    assert [t["uid"] for t in body["items"]] == ["RFID-2"]
    status, body = await basic.delete(f"/tokens/{tok['id']}")
    assert status == 403
    assert (await admin.delete(f"/tokens/{tok['id']}"))[0] == 204
    assert (await admin.get(f"/tokens/{tok['id']}"))[0] == 404
    assert (await admin.delete(f"/users/{user['id']}"))[0] == 204
    assert (await admin.get(f"/users/{user['id']}"))[0] == 404


async def test_authorizations_log_is_paged(admin, services, station):
    from ocpp.v16 import call

    for _ in range(3):
        await station.send_call(call.Authorize(id_tag="TAG-OK"))
    for _ in range(50):
        status, body = await admin.get("/authorizations", params={"limit": "2"})
        if len(body["items"]) == 2 and body["next_cursor"]:
            break
        await asyncio.sleep(0.1)
    assert status == 200 and len(body["items"]) == 2 and body["next_cursor"]
    status, more = await admin.get("/authorizations", params={"limit": "2", "cursor": body["next_cursor"]})
    assert status == 200 and more["items"] and more["items"][0]["id"] != body["items"][0]["id"]


# -- the document ---------------------------------------------------------------------------------
async def test_openapi_served_equals_the_file_in_the_repo(admin):
    status, body = await admin.get("/openapi.json", key=None)
    assert status == 200 and body["openapi"].startswith("3.1")
    assert body == json.loads(DOC_PATH.read_text()) == json.loads(json.dumps(build()))
    for name in COMMANDS:
        assert f"/api/v1/stations/{{id}}/commands/{name}" in body["paths"]
