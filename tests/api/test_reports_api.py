"""Reports through the API with real keys: a run with figures from the simulated run, domains (an
admin whose base group holds one station), saved reports (own vs shared, analysts share nothing)."""

from __future__ import annotations

import pytest

from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.store import models as m
from tests.api.conftest import Client
from tests.store.test_aggregates import simulated_run

MARCH = {"metric": "energy", "period": "custom", "first_day": "2026-03-28", "last_day": "2026-03-29",
         "breakdown": "station"}


@pytest.fixture
async def site(services, api, http, keys):
    services.settings.site_timezone = "Europe/Helsinki"
    a, b = await simulated_run(services)
    depot = await services.groups.add(SYSTEM_CONTEXT, "Depot")
    await services.groups.assign_stations(SYSTEM_CONTEXT, depot.id, [b.id])
    await services.store.run(lambda: m.Operator.create(username="dora", role="admin", status="active",
                                                       base_group=depot.id, first_name="Dora"))
    _info, key = await api.keys.create(SYSTEM_CONTEXT, "dora", "depot")
    base = f"http://127.0.0.1:{api.port}/api/v1"
    return a, b, Client(http, base, key)


async def test_run_a_report_with_its_figures_and_the_domain(site, admin):
    a, b, dora = site
    status, body = await admin.post("/reports/run", json=MARCH)
    assert status == 200, body
    assert body["unit"] == "kWh" and body["labels"] == ["2026-03-28", "2026-03-29"]
    assert body["total"]["values"] == pytest.approx([6.0, 38.5])
    assert {s["label"]: s["total"] for s in body["series"]} == pytest.approx({"AGG-1": 37.5, "AGG-2": 7.0})
    status, body = await dora.post("/reports/run", json=MARCH)
    assert status == 200 and [s["label"] for s in body["series"]] == ["AGG-2"]
    status, body = await dora.post("/reports/run", json={**MARCH, "station_ids": [str(a.id)]})
    assert status == 403 and body["error"]["code"] == "access_denied"
    status, body = await admin.post("/reports/run", json={**MARCH, "last_day": "2026-03-01"})
    assert status == 422 and body["error"]["field"] == "last_day"


async def test_saved_reports_crud_own_and_shared(site, admin, analyst):
    status, mine = await admin.post("/saved-reports", json={"name": "March energy", "definition": MARCH})
    assert status == 201 and not mine["shared"] and mine["mine"]
    status, shared = await admin.post("/saved-reports", json={"name": "For everyone", "shared": True,
                                                               "definition": {"metric": "sessions"}})
    assert status == 201 and shared["shared"]
    status, listed = await analyst.get("/saved-reports")
    assert [r["name"] for r in listed["items"]] == ["For everyone"]
    status, _ = await analyst.get(f"/saved-reports/{mine['id']}")
    assert status == 404
    status, body = await analyst.post("/saved-reports", json={"name": "X", "shared": True, "definition": {}})
    assert status == 403
    status, ran = await admin.post(f"/saved-reports/{mine['id']}/run", json={})
    assert status == 200 and ran["saved_report"]["name"] == "March energy" and ran["total"]["total"] == 44.5
    status, renamed = await admin.patch(f"/saved-reports/{mine['id']}", json={"version": mine["version"],
                                                                              "name": "Energy, March"})
    assert status == 200 and renamed["name"] == "Energy, March"
    status, stale = await admin.patch(f"/saved-reports/{mine['id']}", json={"version": mine["version"], "name": "Y"})
    assert status == 409
    status, _ = await admin.delete(f"/saved-reports/{mine['id']}")
    assert status == 204
