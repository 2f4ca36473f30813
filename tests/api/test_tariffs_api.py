"""Tariffs, tariff groups, assignments and the price preview through the API with real keys:
roles (admin, basic, analyst) and domains (an admin whose base group is A)."""

from __future__ import annotations

import pytest

from evdesk.core.permissions import ACCESS_DENIED, OPERATOR_ACCESS_FORBIDDEN, SYSTEM_CONTEXT
from evdesk.store import models as m
from tests.api.conftest import Client

MY_TEST_TARIFF = {"kind": "energy_time", "energy_price": "0.50", "time_price": "1", "time_unit": "hour",
                  "connection_fee": "5"}
FORBIDDEN = {"code": "access_denied", "message": OPERATOR_ACCESS_FORBIDDEN}
DENIED = {"code": "access_denied", "message": ACCESS_DENIED}


class Site:
    pass


@pytest.fixture
async def site(services, api, http, keys):
    """Charging groups A (with A1 below) and B, a station in each of A and B; an admin whose
    base group is A (alice), with a key; the admin, basic and analyst keys of the whole site."""
    s = Site()
    root = SYSTEM_CONTEXT
    s.a = (await services.groups.add(root, "A")).id
    s.a1 = (await services.groups.add(root, "A1", s.a)).id
    s.b = (await services.groups.add(root, "B")).id
    s.cp_a = await services.stations.create_station("CP-A", group_id=s.a1, connectors=2, ctx=root)
    s.cp_b = await services.stations.create_station("CP-B", group_id=s.b, connectors=1, ctx=root)
    base = f"http://127.0.0.1:{api.port}/api/v1"
    await services.store.run(lambda: m.Operator.create(username="alice", role="admin", status="active", base_group=s.a,
                                                       first_name="Alice"))
    _info, key = await api.keys.create(SYSTEM_CONTEXT, "alice", "group A")
    s.alice = Client(http, base, key)
    s.admin, s.basic, s.analyst = (Client(http, base, keys[r]) for r in ("admin", "basic", "analyst"))
    return s


async def test_tariff_crud_with_decimals_as_strings_and_optimistic_concurrency(site):
    status, body = await site.admin.post("/tariffs", {"name": "My Test Tariff", "prices": MY_TEST_TARIFF,
                                                      "notes": "the eCharge example"})
    assert status == 201, body
    tariff_id, version = body["id"], body["version"]
    assert body["prices"]["energy_price"] == "0.5000" and body["prices"]["connection_fee"] == "5.0000"
    assert body["prices"]["currency"] == "EUR" and body["kind_label"] == "Energy + duration + connection fee"
    assert body["summary"] == "EUR 0.5000/kWh, 1.0000/h, 5.0000 connection" and body["tariff_groups"] == []
    status, body = await site.analyst.get("/tariffs")  # every key reads them
    assert status == 200 and [t["name"] for t in body["items"]] == ["My Test Tariff"]
    status, body = await site.admin.patch(f"/tariffs/{tariff_id}", {"version": version, "prices": {"energy_price": "0.45"},
                                                                    "valid_from": "2030-01-01T00:00:00Z"})
    assert status == 200, body
    assert body["prices"]["energy_price"] == "0.4500" and body["prices"]["connection_fee"] == "5.0000"  # merged
    assert body["valid_from"].startswith("2030-01-01T00:00:00") and body["version"] > version
    status, body = await site.admin.patch(f"/tariffs/{tariff_id}", {"version": version, "name": "Late"})
    assert status == 409 and body["error"]["code"] == "stale_edit"
    assert "changed by someone else" in body["error"]["message"]
    status, body = await site.admin.patch(f"/tariffs/{tariff_id}", {"version": version + 1,
                                                                    "prices": {"energy_price": "0.123456"}})
    assert status == 422 and body["error"] == {"code": "validation_error", "field": "prices.energy_price",
                                               "message": "Energy price: at most 4 decimals."}
    status, body = await site.admin.post("/tariffs", {"name": "Pounds", "prices": {"kind": "flat", "currency": "GBP"}})
    assert status == 422 and body["error"]["field"] == "prices.currency" and "EUR" in body["error"]["message"]
    status, _ = await site.admin.delete(f"/tariffs/{tariff_id}")
    assert status == 204
    status, body = await site.admin.get(f"/tariffs/{tariff_id}")
    assert status == 404 and body["error"]["code"] == "not_found"


async def test_the_preview_prices_my_test_tariff_to_the_penny(site):
    usage = {"energy_wh": 5300, "duration_seconds": 14 * 60 + 23, "started_at": "2030-06-03T10:00:00Z"}
    status, body = await site.analyst.post("/tariffs/preview", {"prices": MY_TEST_TARIFF, **usage})
    assert status == 200, body
    assert body["total"] == "7.89" and body["currency"] == "EUR"
    assert [(ln["code"], ln["quantity"], ln["unit_price"], ln["amount"]) for ln in body["lines"]] == [
        ("connection", "1", "5.0000", "5.00"), ("energy", "5.3", "0.5000", "2.65"),
        ("time", str(ln_hours(14 * 60 + 23)), "1.0000", "0.24")]
    _, made = await site.admin.post("/tariffs", {"name": "Parking", "prices": {
        "kind": "flat", "session_price": "2", "idle_fee_per_hour": "3", "idle_grace_minutes": 30}})
    status, body = await site.basic.post("/tariffs/preview", {"tariff_id": made["id"], "parking_seconds": 90 * 60})
    assert status == 200 and body["total"] == "5.00" and body["summary"] == "EUR 2.0000 per session, 3.0000/h parking"
    status, body = await site.basic.post("/tariffs/preview", {"energy_wh": 1})
    assert status == 422 and body["error"]["field"] == "prices"
    status, body = await site.basic.post("/tariffs/preview", {"prices": {"kind": "power_levels"}})
    assert status == 422 and body["error"]["field"] == "prices.levels"


def ln_hours(seconds: int):
    from decimal import Decimal

    return Decimal(seconds) / 3600


async def test_only_whole_site_admins_change_tariffs_and_groups(site):
    body = {"name": "Sneaky", "prices": MY_TEST_TARIFF}
    status, answer = await site.alice.post("/tariffs", body)  # an admin of group A only
    assert status == 403 and answer["error"] == FORBIDDEN
    for client in (site.basic, site.analyst):
        status, answer = await client.post("/tariffs", body)
        assert status == 403 and answer["error"] == DENIED
    _, tariff = await site.admin.post("/tariffs", {"name": "Standard", "prices": MY_TEST_TARIFF})
    status, group = await site.admin.post("/tariff-groups", {"name": "Depot prices",
                                                             "entries": [{"tariff_id": tariff["id"]}]})
    assert status == 201, group
    assert group["base_tariff_name"] == "Depot prices: Base tariff" and group["entries"][0]["tariff_name"] == "Standard"
    status, answer = await site.alice.patch(f"/tariffs/{tariff['id']}", {"version": tariff["version"], "name": "X"})
    assert status == 403 and answer["error"] == FORBIDDEN
    status, answer = await site.alice.patch(f"/tariff-groups/{group['id']}", {"version": group["version"],
                                                                              "entries": []})
    assert status == 403 and answer["error"] == FORBIDDEN
    status, answer = await site.basic.post("/tariff-groups", {"name": "Mine"})
    assert status == 403 and answer["error"] == DENIED
    status, answer = await site.alice.delete(f"/tariff-groups/{group['id']}")
    assert status == 403
    # a tariff in a group is not deleted
    status, answer = await site.admin.delete(f"/tariffs/{tariff['id']}")
    assert status == 422 and "Depot prices" in answer["error"]["message"]
    # windows and the stale version of a group
    windows = [{"days": [4], "start": "22:00", "end": "06:00"}]
    status, changed = await site.admin.patch(f"/tariff-groups/{group['id']}", {
        "version": group["version"], "entries": [{"tariff_id": tariff["id"], "windows": windows}]})
    assert status == 200 and changed["entries"][0]["windows"] == windows
    status, answer = await site.admin.patch(f"/tariff-groups/{group['id']}", {"version": group["version"], "name": "Z"})
    assert status == 409 and answer["error"]["code"] == "stale_edit"
    status, answer = await site.admin.patch(f"/tariff-groups/{group['id']}", {
        "version": changed["version"], "entries": [{"tariff_id": tariff["id"], "windows": [{"days": [], "start": "1"}]}]})
    assert status == 422 and answer["error"]["field"] == "entries"


async def test_assignments_keep_to_the_domain(site):
    _, group = await site.admin.post("/tariff-groups", {"name": "Depot prices"})
    gid = group["id"]
    # an admin of group A assigns within A (a subgroup's station, one connector), not in B
    status, on_a = await site.alice.post("/tariff-assignments", {"tariff_group_id": gid, "group_id": str(site.a)})
    assert status == 201 and on_a["place"] == "group A" and on_a["tariff_group"] == "Depot prices"
    status, on_cp = await site.alice.post("/tariff-assignments", {"tariff_group_id": gid,
                                                                  "station_id": str(site.cp_a.id), "connector_id": 2})
    assert status == 201 and on_cp["place"] == "CP-A, connector 2"
    for target in ({"group_id": str(site.b)}, {"station_id": str(site.cp_b.id)}):
        status, answer = await site.alice.post("/tariff-assignments", {"tariff_group_id": gid, **target})
        assert status == 403 and answer["error"] == FORBIDDEN, target
    # a basic operator and an analyst assign nowhere
    for client in (site.basic, site.analyst):
        status, answer = await client.post("/tariff-assignments", {"tariff_group_id": gid, "group_id": str(site.a)})
        assert status == 403 and answer["error"] == DENIED
    status, on_b = await site.admin.post("/tariff-assignments", {"tariff_group_id": gid, "group_id": str(site.b)})
    assert status == 201
    # each sees the assignments of their domain
    status, body = await site.alice.get("/tariff-assignments")
    assert status == 200 and sorted(a["place"] for a in body["items"]) == ["CP-A, connector 2", "group A"]
    status, body = await site.admin.get("/tariff-assignments", params={"tariff_group_id": gid})
    assert body["total"] == 3
    status, body = await site.alice.get(f"/tariff-groups/{gid}")
    assert sorted(a["place"] for a in body["assignments"]) == ["CP-A, connector 2", "group A"]
    status, answer = await site.alice.delete(f"/tariff-assignments/{on_b['id']}")  # outside A: not hers to see
    assert status == 404
    # a group in use is not deleted; the message says where
    status, answer = await site.admin.delete(f"/tariff-groups/{gid}")
    assert status == 422 and "in use" in answer["error"]["message"] and "group B" in answer["error"]["message"]
    for a in (on_a, on_cp):
        status, _ = await site.alice.delete(f"/tariff-assignments/{a['id']}")
        assert status == 204
    status, _ = await site.admin.delete(f"/tariff-assignments/{on_b['id']}")
    assert status == 204
    status, _ = await site.admin.delete(f"/tariff-groups/{gid}")
    assert status == 204
    status, body = await site.admin.get("/tariffs")
    assert body["items"] == []  # the base tariff went with its group
