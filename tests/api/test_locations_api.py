"""Issue 16 through the API with real keys: locations CRUD, a station's EVSEs and connectors,
templates, the stations CSV import, and a group admin limited to her subtree."""

from __future__ import annotations

from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.store import models as m
from tests.api.conftest import Client


async def test_locations_hardware_templates_and_import(services, api, admin, basic):
    status, hall = await admin.post("/locations", {"name": "Depot hall", "city": "Helsinki", "country": "fi",
                                                   "latitude": 60.16, "longitude": 24.94,
                                                   "timezone": "Europe/Helsinki"})
    assert status == 201 and hall["country"] == "FI" and hall["stations"] == 0
    status, body = await admin.post("/locations", {"name": "Nowhere", "latitude": 10})
    assert status == 422 and body["error"]["field"] == "longitude"
    status, body = await basic.post("/locations", {"name": "Mine"})
    assert status == 403
    status, station = await admin.post("/stations", {"identity": "CP-API-1", "connectors": 1})
    sid = station["id"]
    status, hw = await admin.get(f"/stations/{sid}/hardware")
    assert status == 200 and [e["evse_id"] for e in hw["evses"]] == [1] and hw["system_status"] == "active"
    evses = [{"evse_id": 1, "current_type": "AC", "max_power_kw": 22, "phases": 3, "phase_rotation": "RST",
              "evse_code": "FI*ABC*E1", "connectors": [{"connector_id": 1, "socket_type": "Type2"},
                                                      {"connector_id": 2, "socket_type": "Schuko"}]}]
    status, saved = await admin.patch(f"/stations/{sid}/hardware", {
        "version": hw["version"], "evses": evses, "location_id": hall["id"], "system_status": "disabled",
        "integration_date": "2026-02-01"})
    assert status == 200, saved
    assert saved["evses"][0]["connectors"][1] == {"connector_id": 2, "socket_type": "Schuko", "cable": False,
                                                  "max_power_kw": None}
    assert saved["evses"][0]["max_power_kw"] == 22 and saved["integration_date"] == "2026-02-01"
    status, one = await admin.get(f"/stations/{sid}")
    assert one["system_status"] == "disabled" and one["location_id"] == hall["id"]
    five = [{"evse_id": 1, "connectors": [{"connector_id": n} for n in range(1, 6)]}]
    status, body = await admin.patch(f"/stations/{sid}/hardware", {"version": saved["version"], "evses": five})
    assert status == 422 and body["error"] == {
        "code": "validation_error", "field": "evses[0].connectors",
        "message": "A charging point can have at most 4 sockets (usually it has 1 or 2)."}
    bad = [{"evse_id": 1, "evse_code": "FI-ABC", "connectors": [{"connector_id": 1}]}]
    status, body = await admin.patch(f"/stations/{sid}/hardware", {"version": saved["version"], "evses": bad})
    assert status == 422 and body["error"]["field"] == "evses[0].evse_code"
    status, body = await admin.patch(f"/stations/{sid}/hardware", {"version": saved["version"], "evses": [
        {"evse_id": 1, "phases": 2, "connectors": []}]})
    assert status == 422 and body["error"]["field"] == "evses[0].phases"
    status, body = await admin.patch(f"/stations/{sid}/hardware", {"version": hw["version"], "system_status": "active"})
    assert status == 409
    # templates
    status, template = await admin.post("/station-templates", {"station_id": sid, "name": "Twin"})
    assert status == 201 and template["evses"][0]["evse_code"] == "" and len(template["evses"][0]["connectors"]) == 2
    status, made = await admin.post(f"/station-templates/{template['id']}/stations",
                                    {"identity": "CP-API-2", "location_id": hall["id"]})
    assert status == 201 and made["registration"] == "adopted" and sorted(c["connector_id"] for c in made["connectors"]) == [1, 2]
    status, renamed = await admin.patch(f"/station-templates/{template['id']}", {"version": template["version"],
                                                                                 "name": "Twin AC"})
    assert status == 200 and renamed["name"] == "Twin AC"
    status, listed = await admin.get("/station-templates")
    assert [t["name"] for t in listed["items"]] == ["Twin AC"]
    # the CSV import
    csv = "identity,name,location,template,connectors\nCP-API-3,Three,Depot hall,,2\nCP API 4,,,,\nCP-API-5,,,twin ac,\n"
    status, result = await admin.post("/stations/import", {"csv": csv})
    assert status == 200 and result["stations_added"] == 2 and result["problems"] == [
        {"row": 3, "field": "identity", "message": "Identifier contains forbidden characters."}]
    status, listed = await admin.get("/locations")
    assert [(r["name"], r["stations"]) for r in listed["items"]] == [("Depot hall", 3)]
    assert (await admin.delete(f"/station-templates/{template['id']}"))[0] == 204
    assert (await admin.delete(f"/locations/{hall['id']}"))[0] == 204
    assert services.stations.get("CP-API-2").location_id is None


async def test_a_group_admin_key_cannot_touch_another_groups_station_or_location(services, api, http):
    north = await services.groups.add(SYSTEM_CONTEXT, "North")
    south = await services.groups.add(SYSTEM_CONTEXT, "South")
    theirs = await services.stations.create_station("CP-SOUTH", group_id=south.id, ctx=SYSTEM_CONTEXT)
    await services.stations.create_station("CP-NORTH", group_id=north.id, ctx=SYSTEM_CONTEXT)
    await services.store.run(lambda: m.Operator.create(username="nina", role="admin", status="active",
                                                       base_group=north.id, first_name="Nina"))
    _info, key = await api.keys.create(SYSTEM_CONTEXT, "nina", "north")
    nina = Client(http, f"http://127.0.0.1:{api.port}/api/v1", key)
    status, body = await nina.get(f"/stations/{theirs.id}/hardware")
    assert status == 403
    status, body = await nina.patch(f"/stations/{theirs.id}/hardware", {"version": theirs.version,
                                                                          "system_status": "disabled"})
    assert status == 403 and services.stations.get("CP-SOUTH").system_status == "active"
    status, body = await nina.post("/locations", {"name": "South yard", "group_id": str(south.id)})
    assert status == 403
    status, mine = await nina.post("/locations", {"name": "North yard", "group_id": str(north.id)})
    assert status == 201
    status, body = await nina.post("/stations/import", {"csv": "identity,group\nCP-X,South\nCP-Y,North\n"})
    assert body["stations_added"] == 1 and [(p["row"], p["field"]) for p in body["problems"]] == [(2, "group")]
