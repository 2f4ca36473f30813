"""The compatibility profile over the API, with real keys and the simulated SIM-1: read what the
probe found, change switches (the server applies them), share with the model, and the refusals:
a stale version, a bad value next to its field, a basic key, a group admin sharing."""

from __future__ import annotations

from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.store import models as m
from tests.api.conftest import Client
from tests.waiting import wait_for


async def test_read_change_and_share_a_profile(services, station, admin, basic, analyst, api, http):
    sid = services.stations.get("SIM-1").id
    await wait_for(lambda: (services.compat.profiles.get(sid) or {}).get("probed_at") is not None)
    assert (await analyst.get(f"/stations/{sid}/compatibility"))[0] == 403  # a station in no group: admins only
    status, body = await admin.get(f"/stations/{sid}/compatibility")
    assert status == 200 and body["switches"]["max_stack_level"] == 8 and body["switches"]["smart_charging"]
    assert "SmartCharging" in body["observations"]["supported_profiles"] and body["state"] == "watching"
    version = body["version"]

    status, body = await basic.patch(f"/stations/{sid}/compatibility", {"version": version, "naive_times_local": True})
    assert status == 403
    status, body = await admin.patch(f"/stations/{sid}/compatibility", {"version": version, "rate_units": "kW"})
    assert status == 422 and body["error"]["field"] == "rate_units"
    status, body = await admin.patch(f"/stations/{sid}/compatibility",
                                     {"version": version, "naive_times_local": True, "share": True})
    assert status == 200, body
    assert body["switches"]["naive_times_local"] and body["switches"]["max_stack_level"] == 8  # the rest kept
    assert body["operator_set"] == ["naive_times_local"] and body["model_profile"]["shared_by"].startswith("Ada Tester")
    assert services.compat.naive_zone(services.stations.get("SIM-1")) is not None  # applied by the server
    status, body = await admin.patch(f"/stations/{sid}/compatibility", {"version": version, "smart_charging": False})
    assert status == 409

    # an admin of one charging group may edit its stations, not share with a whole model
    group = await services.groups.add(SYSTEM_CONTEXT, "Depot")
    await services.groups.assign_stations(SYSTEM_CONTEXT, group.id, [sid])
    await services.store.run(lambda: m.Operator.create(username="gus", role="admin", status="active",
                                                       base_group=group.id, first_name="Gus"))
    _info, key = await api.keys.create(SYSTEM_CONTEXT, "gus", "depot")
    gus = Client(http, admin.base, key)
    current = (await gus.get(f"/stations/{sid}/compatibility"))[1]["version"]
    status, body = await gus.patch(f"/stations/{sid}/compatibility", {"version": current, "share": True})
    assert status == 403 and "whole site" in body["error"]["message"]
    status, body = await gus.patch(f"/stations/{sid}/compatibility", {"version": current, "unitless_energy_kwh": True})
    assert status == 200 and body["switches"]["unitless_energy_kwh"]
