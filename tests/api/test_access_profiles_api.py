"""/access-profiles over real HTTP, and the remote start's tariff and limit choice through the API."""

from __future__ import annotations

from evdesk.core.people_types import TokenInput, UserInput
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.store import models as m
from tests.csms.test_protocol_messages import wait_for

NIGHT = [{"days": [0, 1, 2, 3, 4], "start": "22:00", "end": "06:00"}]


async def test_access_profile_crud(admin, services):
    user = await services.people.users.create(SYSTEM_CONTEXT, UserInput("Nina", "Night"), [TokenInput("TAG-N")])
    station = await services.stations.create_station("CP-1", ctx=SYSTEM_CONTEXT)
    tariff = await services.tariffs.create_tariff(SYSTEM_CONTEXT, "Night rate", {"kind": "flat", "session_price": "3"})
    status, body = await admin.post("/access-profiles", {
        "name": "Night shift", "windows": NIGHT, "user_ids": [str(user.id)], "station_ids": [str(station.id)],
        "tariff_id": str(tariff.id)})
    assert status == 201, body
    assert (body["name"], body["windows"], body["tariff_name"], body["always_open"]) == (
        "Night shift", NIGHT, "Night rate", False)
    pid = body["id"]
    status, listed = await admin.get("/access-profiles")
    assert status == 200 and [p["id"] for p in listed["items"]] == [pid]
    status, body = await admin.patch(f"/access-profiles/{pid}", {"version": 1, "name": "Nights",
                                                                 "windows": [{"days": [5], "start": "00:00",
                                                                              "end": "23:59"}]})
    assert status == 200 and body["name"] == "Nights" and body["windows"][0]["end"] == "00:00", body
    assert body["user_ids"] == [str(user.id)] and body["tariff_id"] == str(tariff.id)  # kept
    status, body = await admin.patch(f"/access-profiles/{pid}", {"version": 1, "name": "Again"})
    assert status == 409
    status, body = await admin.post("/access-profiles", {"name": "Nights", "windows": NIGHT})
    assert status == 422 and body["error"]["field"] == "name"
    status, body = await admin.post("/access-profiles", {"name": "Bad", "windows": [{"days": [1], "start": "25:00",
                                                                                     "end": "06:00"}]})
    assert status == 422 and body["error"]["field"] == "windows" and "HH:MM" in body["error"]["message"]
    status, body = await admin.post("/access-profiles", {"name": "Bad", "windows": NIGHT,
                                                         "station_ids": [str(user.id)]})
    assert status == 422 and body["error"]["field"] == "station_ids"
    assert (await admin.delete(f"/access-profiles/{pid}"))[0] == 204
    assert (await admin.get(f"/access-profiles/{pid}"))[0] == 404


async def test_basic_and_analyst_read_but_do_not_change(admin, basic, analyst, services):
    status, body = await admin.post("/access-profiles", {"name": "Staff", "windows": NIGHT})
    assert status == 201
    for client in (basic, analyst):
        assert (await client.get("/access-profiles"))[1]["total"] == 1
        status, err = await client.post("/access-profiles", {"name": "Mine", "windows": NIGHT})
        assert status == 403 and err["error"]["message"] == "Access denied."
        status, err = await client.delete(f"/access-profiles/{body['id']}")
        assert status == 403


async def test_remote_start_with_free_and_limits_through_the_api(admin, services, station):
    sid = str(services.stations.get("SIM-1").id)
    status, body = await admin.post(f"/stations/{sid}/commands/remote-start", {
        "connector_id": 1, "id_tag": "TAG-OK", "reason": "r", "free": True, "max_kwh": "0.0001"})
    assert status == 422 and body["error"]["field"] == "max_kwh"
    status, body = await admin.post(f"/stations/{sid}/commands/remote-start", {
        "connector_id": 1, "id_tag": "TAG-OK", "reason": "r", "free": True, "tariff_id": sid})
    assert status == 422 and body["error"]["field"] == "tariff_id"
    await station.plug_in(1)
    status, body = await admin.post(f"/stations/{sid}/commands/remote-start", {
        "connector_id": 1, "id_tag": "TAG-OK", "reason": "goodwill", "free": True, "max_minutes": 45,
        "max_kwh": "12.5"})
    assert status == 200 and body["outcome"] == "accepted", body
    info = services.stations.get("SIM-1")
    await wait_for(lambda: services.transactions.active_on(info.id, 1) is not None)
    tx = services.transactions.active_on(info.id, 1)
    assert (tx.tariff_name, tx.limit_minutes, tx.limit_wh) == ("Free", 45, 12_500)
    action = await services.store.run(lambda: m.ActionLog.get(m.ActionLog.action == "RemoteStartTransaction"))
    assert action.reason == "goodwill (tariff Free; max 45 min; max 12.5 kWh)"


async def test_user_group_stop_limits(admin):
    status, body = await admin.post("/user-groups", {"name": "Fleet", "limit_minutes": 45, "limit_kwh": "12.5"})
    assert status == 201, body
    assert (body["limit_minutes"], body["limit_kwh"], body["limit_cost"]) == (45, "12.500", None)
    status, body = await admin.patch(f"/user-groups/{body['id']}", {"version": 1, "limit_cost": "9.5"})
    assert status == 200 and (body["limit_minutes"], body["limit_cost"]) == (45, "9.50"), body
    status, body = await admin.patch(f"/user-groups/{body['id']}", {"version": 2, "limit_kwh": "lots"})
    assert status == 422 and body["error"]["field"] == "limit_kwh"
