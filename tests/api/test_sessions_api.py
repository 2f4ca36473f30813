"""The charging log through the API with real keys: filters, sorts and paging, one session with its
breakdown and timeline, the streamed CSV export, re-pricing (admins only)."""

from __future__ import annotations

import asyncio
import csv
import io
from datetime import timedelta

import pytest

from evdesk.core.clock import utcnow
from evdesk.core.people_types import TokenInput, UserInput
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.store import models as m

ROOT = SYSTEM_CONTEXT


def iso(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.fixture
async def log(services, keys):
    """Two stations in two groups; bob (basic) sees only South; three finished sessions priced."""
    sv = services
    sv.settings.site_timezone = "Europe/Helsinki"
    north = await sv.groups.add(ROOT, "North")
    south = await sv.groups.add(ROOT, "South")
    n1 = await sv.stations.create_station("N-1", group_id=north.id, connectors=1, ctx=ROOT)
    s1 = await sv.stations.create_station("S-1", group_id=south.id, connectors=1, ctx=ROOT)
    user = await sv.people.users.create(ROOT, UserInput("Zoë", "Mäkelä", "zoe@example.org"), [TokenInput("TAG-Z")])
    tariff = await sv.tariffs.create_tariff(ROOT, "Standard", {"kind": "energy_time", "energy_price": "0.50",
                                                               "time_price": "1", "time_unit": "hour",
                                                               "connection_fee": "5"})
    group = await sv.tariffs.create_group(ROOT, "Site prices", [{"tariff_id": str(tariff.id)}])
    await sv.tariffs.assign(ROOT, group.id, group_id=north.id)
    await sv.tariffs.assign(ROOT, group.id, group_id=south.id)
    base = utcnow() - timedelta(hours=5)
    for n, (info, tag, wh) in enumerate(((n1, "TAG-Z", 5300), (s1, "TAG-Z", 1000), (s1, "OTHER", 9000))):
        t0 = base + timedelta(hours=n)
        start = await sv.transactions.start(info, 1, tag, 0, iso(t0))
        await sv.transactions.stop(info, start.ocpp_id, wh, iso(t0 + timedelta(minutes=14, seconds=23)))
    await sv.store.run(lambda: m.Operator.update(base_group=south.id).where(m.Operator.username == "bob").execute())
    T = m.Transaction
    for _ in range(250):
        if await sv.store.read(lambda: T.select().where(T.cost_state == "final").count()) == 3:
            break
        await asyncio.sleep(0.02)
    return {"user": user, "north": north, "south": south, "n1": n1, "s1": s1}


async def test_filters_sorts_and_paging(admin, basic, log):
    status, body = await admin.get("/sessions")
    assert status == 200 and [s["station_identity"] for s in body["items"]] == ["S-1", "S-1", "N-1"]
    first = body["items"][-1]
    assert (first["user_name"], first["tariff_name"], first["cost_total"], first["currency"], first["cost_state"]) == (
        "Zoë Mäkelä", "Standard", "7.89", "EUR", "final")
    assert first["duration_s"] == 863 and first["energy_wh"] == 5300
    status, body = await admin.get("/sessions", params={"user_id": str(log["user"].id)})
    assert [s["energy_wh"] for s in body["items"]] == [1000, 5300]
    status, body = await admin.get("/sessions", params={"q": "mäkelä", "group_id": str(log["north"].id)})
    assert [s["station_identity"] for s in body["items"]] == ["N-1"]
    status, body = await admin.get("/sessions", params={"sort": "energy", "order": "asc", "limit": 2})
    assert status == 200 and [s["energy_wh"] for s in body["items"]] == [1000, 5300] and body["next_cursor"]
    status, more = await admin.get("/sessions", params={"sort": "energy", "order": "asc", "limit": 2,
                                                        "cursor": body["next_cursor"]})
    assert status == 200 and [s["energy_wh"] for s in more["items"]] == [9000] and more["next_cursor"] is None
    status, body = await admin.get("/sessions", params={"sort": "cost", "flagged": "true"})
    assert status == 200 and [s["id_tag"] for s in body["items"]] == ["OTHER"]  # the unknown tag is flagged
    # a time cursor is not a cost cursor
    _, by_start = await admin.get("/sessions", params={"limit": 1})
    status, body = await admin.get("/sessions", params={"sort": "cost", "cursor": by_start["next_cursor"]})
    assert status == 400 and body["error"]["field"] == "cursor"
    status, body = await admin.get("/sessions", params={"sort": "colour"})
    assert status == 400 and body["error"]["field"] == "sort"
    # bob sees South only, and is told North is not his
    status, body = await basic.get("/sessions")
    assert {s["station_identity"] for s in body["items"]} == {"S-1"}
    status, body = await basic.get("/sessions", params={"group_id": str(log["north"].id)})
    assert status == 403


async def test_one_session_with_breakdown_and_timeline(admin, basic, log):
    _, body = await admin.get("/sessions", params={"station": str(log["n1"].id)})
    sid = body["items"][0]["id"]
    status, one = await admin.get(f"/sessions/{sid}")
    assert status == 200 and one["breakdown"]["total"] == "7.89"
    assert {ln["code"]: (ln["quantity"], ln["unit_price"], ln["amount"]) for ln in one["breakdown"]["lines"]} == {
        "connection": ("1", "5.0000", "5.00"), "energy": ("5.3", "0.5000", "2.65"),
        "time": ("0.2397222222222222222222222222", "1.0000", "0.24")}
    kinds = [e["kind"] for e in one["timeline"]]
    assert kinds[0] == "start" and "stop" in kinds and kinds[-1] == "price"
    assert one["timeline"][-1]["detail"].startswith("7.89 EUR")
    status, body = await basic.get(f"/sessions/{sid}")
    assert status == 404


async def test_the_csv_export_streams_what_the_filter_shows(admin, basic, http, api, log):
    status, _ = await admin.get("/sessions/export.csv")
    async with http.get(f"http://127.0.0.1:{api.port}/api/v1/sessions/export.csv", params={"user_id": str(log["user"].id)},
                        headers={"Authorization": f"Bearer {admin.key}"}) as resp:
        assert resp.status == 200 and resp.content_type == "text/csv" and resp.charset == "utf-8"
        text = (await resp.read()).decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["user"] for r in rows] == ["Zoë Mäkelä", "Zoë Mäkelä"]
    assert rows[0]["started_at"][-6:] in ("+02:00", "+03:00") and rows[1]["total"] == "7.89"
    status, body = await basic.get("/sessions/export.csv", params={"station": str(log["n1"].id)})
    assert status == 403 and body["error"]["code"] == "access_denied"
    status, body = await admin.get("/sessions/export.csv", params={"since": "yesterday"})
    assert status == 400 and body["error"]["field"] == "since"


async def test_reprice_is_for_admins_with_a_reason(admin, basic, analyst, services, log):
    _, body = await admin.get("/sessions", params={"station": str(log["n1"].id)})
    sid = body["items"][0]["id"]
    flat = await services.tariffs.create_tariff(ROOT, "Flat 2", {"kind": "flat", "session_price": "2"})
    for client in (basic, analyst):
        status, body = await client.post(f"/sessions/{sid}/reprice", {"reason": "try"})
        assert status == 403
    status, body = await admin.post(f"/sessions/{sid}/reprice", {"reason": "  "})
    assert status == 422 and body["error"]["field"] == "reason"
    status, body = await admin.post(f"/sessions/{sid}/reprice", {"reason": "Goodwill", "tariff_id": str(flat.id)})
    assert status == 200 and (body["old"]["total"], body["new"]["total"]) == ("7.89", "2.00")
    status, one = await admin.get(f"/sessions/{sid}")
    assert one["cost_total"] == "2.00" and one["tariff_name"] == "Flat 2"
    assert any(e["title"] == "Re-priced with Flat 2" and "Goodwill" in e["detail"] for e in one["timeline"])
    _, running = await admin.get("/sessions", params={"state": "active"})
    assert running["items"] == []
