"""The dashboard and statistics routes with real keys: sessions driven through the services (start,
readings, stop, priced by a tariff) in the last days, a root admin who sees both stations and an
admin whose base group (Depot) holds only BAY-1; refusals name the parameter."""

from __future__ import annotations

from datetime import datetime, timedelta
from uuid import uuid4
from zoneinfo import ZoneInfo

import pytest

from evdesk.core.clock import utcnow
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.store import models as m
from tests.api.conftest import Client

ROOT = SYSTEM_CONTEXT


def iso(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def reading(at, wh):
    return [{"timestamp": iso(at), "sampledValue": [{"value": str(wh), "measurand": "Energy.Active.Import.Register"}]}]


async def charge(services, station, connector, tag, start_at, minutes, wh_per_20min):
    """One session through the services as a station would send it: start, readings, stop."""
    tx, wh = services.transactions, 10_000
    services.status.status_notification(station, connector, "Preparing", timestamp=iso(start_at - timedelta(minutes=1)))
    started = await tx.start(station, connector, tag, wh, iso(start_at))
    services.status.status_notification(station, connector, "Charging", timestamp=iso(start_at + timedelta(seconds=30)))
    for n in range(1, minutes // 20 + 1):
        wh += wh_per_20min
        tx.meter_values(station, connector, started.ocpp_id, reading(start_at + timedelta(minutes=20 * n), wh))
    stop_at = start_at + timedelta(minutes=minutes)
    await tx.stop(station, started.ocpp_id, wh, iso(stop_at))
    services.status.status_notification(station, connector, "Available", timestamp=iso(stop_at + timedelta(minutes=1)))


@pytest.fixture
async def site(services, api, http, keys):
    """Depot > Bay (BAY-1, 2 points: 1 charging, 2 faulted), Office (OFF-1, 1 point available).
    Sessions: BAY-1/1 5 h ago (3 kWh) and 10 days ago (1.5 kWh), OFF-1/1 6 h ago (6 kWh); 1.00 a session."""
    services.settings.site_timezone = "Europe/Helsinki"
    sv = services

    def people():
        for n, tag in enumerate(("TAG1", "TAG2")):
            user = m.ChargingUser.create(first_name=f"Driver {n + 1}", email=f"driver{n + 1}@depot.example")
            m.Token.create(uid=tag, uid_key=tag, user=user)
    await sv.store.run(people)
    depot = (await sv.groups.add(ROOT, "Depot")).id
    bay = (await sv.groups.add(ROOT, "Bay", depot)).id
    office = (await sv.groups.add(ROOT, "Office")).id
    bay_st = await sv.stations.create_station("BAY-1", group_id=bay, connectors=2, ctx=ROOT)
    off_st = await sv.stations.create_station("OFF-1", group_id=office, connectors=1, ctx=ROOT)
    tariff = await sv.tariffs.create_tariff(ROOT, "Flat", {"kind": "flat", "session_price": "1"})
    prices = await sv.tariffs.create_group(ROOT, "Site prices", [{"tariff_id": str(tariff.id)}])
    for info in (bay_st, off_st):
        await sv.tariffs.assign(ROOT, prices.id, station_id=info.id)
        sv.status.connected(info)
    now = utcnow().replace(microsecond=0)
    await charge(sv, bay_st, 1, "TAG1", now - timedelta(hours=5), 60, 1000)
    await charge(sv, off_st, 1, "TAG2", now - timedelta(hours=6), 60, 2000)
    await charge(sv, bay_st, 1, "TAG2", now - timedelta(days=10), 40, 750)
    sv.status.status_notification(bay_st, 1, "Charging", timestamp=iso(now - timedelta(minutes=10)))
    sv.status.status_notification(bay_st, 2, "Faulted", "GroundFailure", timestamp=iso(now - timedelta(hours=1)))
    await sv.status.flush()
    await sv.batch.fold_aggregates()  # the aggregates fold in a moment after the commit
    await sv.store.run(lambda: m.Operator.create(username="dora", role="admin", status="active",
                                                 base_group=depot, first_name="Dora"))
    _info, key = await api.keys.create(ROOT, "dora", "depot")
    dora = Client(http, f"http://127.0.0.1:{api.port}/api/v1", key)
    return {"depot": depot, "bay": bay, "office": office, "bay_st": bay_st.id, "off_st": off_st.id, "dora": dora}


async def test_status_summary_donut_and_faults_within_the_domain(site, admin):
    status, body = await admin.get("/dashboard/status")
    assert status == 200, body
    assert body["domain"] == body["chosen"]
    assert {k: body["domain"][k] for k in ("stations", "charging_points", "charging_now", "in_error")} == {
        "stations": 2, "charging_points": 3, "charging_now": 1, "in_error": 1}
    assert body["domain"]["points_by_state"] == {"charging": 1, "available": 1, "suspended": 0, "unavailable": 0,
                                                 "issue": 1, "disabled": 0}
    [fault] = body["faults"]
    assert fault["station_id"] == str(site["bay_st"]) and fault["identity"] == "BAY-1" and fault["kind"] == "fault"
    assert "GroundFailure" in fault["problem"] and datetime.fromisoformat(fault["since"]).utcoffset() is not None
    status, body = await admin.get("/dashboard/status", params={"group_ids": str(site["office"])})
    assert status == 200 and body["chosen"]["stations"] == 1 and body["chosen"]["charging_points"] == 1
    assert body["domain"]["stations"] == 2  # the donut: the whole domain

    dora = site["dora"]
    status, body = await dora.get("/dashboard/status")
    assert status == 200 and body["domain"]["stations"] == 1 and body["domain"]["charging_points"] == 2
    assert [f["identity"] for f in body["faults"]] == ["BAY-1"]
    status, body = await dora.get("/dashboard/status", params={"group_ids": f"{site['bay']},{site['office']}"})
    assert status == 403 and body["error"]["code"] == "access_denied"
    status, body = await dora.get("/dashboard/status", params={"group_ids": str(uuid4())})
    assert status == 404
    status, body = await dora.get("/dashboard/status", params={"group_ids": "bay"})
    assert status == 400 and body["error"]["field"] == "group_ids"


async def test_last_24_hours_of_the_domain_or_the_stations_given(site, admin):
    status, body = await admin.get("/dashboard/last-24h")
    assert status == 200, body
    assert (body["sessions"], body["charging_points_used"], body["energy_kwh"]) == (2, 2, 9.0)
    assert datetime.fromisoformat(body["until"]) - datetime.fromisoformat(body["since"]) >= timedelta(hours=24)
    status, body = await admin.get("/dashboard/last-24h", params={"station_ids": str(site["off_st"])})
    assert status == 200 and (body["sessions"], body["energy_kwh"]) == (1, 6.0)
    dora = site["dora"]
    status, body = await dora.get("/dashboard/last-24h")
    assert status == 200 and (body["sessions"], body["charging_points_used"], body["energy_kwh"]) == (1, 1, 3.0)
    status, body = await dora.get("/dashboard/last-24h", params={"station_ids": str(site["off_st"])})
    assert status == 403
    status, body = await dora.get("/dashboard/last-24h", params={"station_ids": str(uuid4())})
    assert status == 404


async def test_period_cards_compare_with_the_period_before(site, admin):
    status, body = await admin.get("/dashboard/cards", params={"period": "7d"})
    assert status == 200, body
    assert body["sessions"] == {"value": 2, "previous": 1, "change_pct": 100.0}
    assert body["energy_kwh"]["value"] == pytest.approx(9.0) and body["energy_kwh"]["previous"] == pytest.approx(1.5)
    assert body["energy_kwh"]["change_pct"] == pytest.approx(500.0)
    assert body["revenue"] == [{"currency": "EUR", "value": 2.0, "previous": 1.0, "change_pct": 100.0}]
    assert body["new_users"] == 2 and body["new_stations"] == 2 and body["zone"] == "Europe/Helsinki"
    since = datetime.fromisoformat(body["since"])
    assert since.utcoffset() == ZoneInfo("Europe/Helsinki").utcoffset(since.replace(tzinfo=None))
    assert datetime.fromisoformat(body["previous_until"]) == since
    status, body = await admin.get("/dashboard/cards", params={"period": "30d"})
    assert status == 200 and body["sessions"] == {"value": 3, "previous": 0, "change_pct": None}

    status, body = await site["dora"].get("/dashboard/cards", params={"period": "7d"})
    assert status == 200 and body["sessions"] == {"value": 1, "previous": 1, "change_pct": 0.0}
    assert body["energy_kwh"]["value"] == pytest.approx(3.0) and body["new_stations"] == 1
    assert body["revenue"] == [{"currency": "EUR", "value": 1.0, "previous": 1.0, "change_pct": 0.0}]


async def test_consumption_buckets_in_the_site_zone(site, admin):
    status, body = await admin.get("/dashboard/consumption", params={"timeframe": "24h"})
    assert status == 200, body
    assert body["grain"] == "hour" and len(body["buckets"]) in (24, 25)
    assert sum(b["sessions"] for b in body["buckets"]) == 2
    assert sum(b["energy_kwh"] for b in body["buckets"]) == pytest.approx(9.0)
    first = datetime.fromisoformat(body["buckets"][0]["start"])
    assert first.utcoffset() == ZoneInfo("Europe/Helsinki").utcoffset(first.replace(tzinfo=None))
    status, body = await site["dora"].get("/dashboard/consumption", params={"timeframe": "30d", "grain": "week"})
    assert status == 200 and sum(b["sessions"] for b in body["buckets"]) == 2  # BAY-1's two
    assert sum(b["energy_kwh"] for b in body["buckets"]) == pytest.approx(4.5)


async def test_statistics_per_charging_point_within_the_domain(site, admin):
    status, body = await admin.get("/statistics", params={"station_id": str(site["bay_st"])})
    assert status == 200, body
    points = {p["connector_id"]: p for p in body["points"]}
    assert set(points) == {1, 2}
    assert points[1]["sessions"] == 1 and points[1]["energy_kwh"] == pytest.approx(3.0)
    assert points[1]["plugged_hours"] == pytest.approx(1.0) and points[1]["error_rate_pct"] == 0.0
    assert points[1]["revenue"] == [{"currency": "EUR", "amount": 1.0}] and points[1]["station_name"] == "BAY-1"
    assert points[2]["sessions"] == 0 and points[2]["error_rate_pct"] is None  # nothing to divide by
    assert body["total"]["charging_points"] == 2 and body["total"]["sessions"] == 1
    since = (utcnow() - timedelta(days=30)).isoformat()
    status, body = await admin.get("/statistics", params={"group_id": str(site["depot"]), "since": since})
    assert status == 200 and body["total"]["sessions"] == 2 and body["total"]["energy_kwh"] == pytest.approx(4.5)
    status, body = await admin.get("/statistics")
    assert status == 200 and len(body["points"]) == 3 and body["total"]["sessions"] == 2

    dora = site["dora"]
    status, body = await dora.get("/statistics")
    assert status == 200 and {p["station_id"] for p in body["points"]} == {str(site["bay_st"])}
    for params in ({"station_id": str(site["off_st"])}, {"group_id": str(site["office"])}):
        status, body = await dora.get("/statistics", params=params)
        assert status == 403 and body["error"]["code"] == "access_denied", params
    status, body = await dora.get("/statistics", params={"group_id": str(uuid4())})
    assert status == 404


@pytest.mark.parametrize(("path", "params", "field"), [
    ("/dashboard/cards", {"period": "week"}, "period"),
    ("/dashboard/cards", {"period": "today", "zone": "UTC"}, "zone"),
    ("/dashboard/consumption", {"timeframe": "1y"}, "timeframe"),
    ("/dashboard/consumption", {"timeframe": "24h", "grain": "minute"}, "grain"),
    ("/dashboard/consumption", {"timeframe": "12m", "grain": "hour"}, "grain"),  # too many bars
    ("/dashboard/status", {"group_id": str(uuid4())}, "group_id"),
    ("/dashboard/last-24h", {"station_ids": "-1"}, "station_ids"),
    ("/statistics", {"since": "2026-13-01T00:00:00Z"}, "since"),
    ("/statistics", {"since": "2026-11-01"}, "since"),  # no zone
    ("/statistics", {"since": "-5"}, "since"),
    ("/statistics", {"until": "99999999999999999999"}, "until"),
    ("/statistics", {"since": "2026-11-02T00:00:00Z", "until": "2026-11-01T00:00:00Z"}, "until"),
    ("/statistics", {"since": "9999-12-31T00:00:00Z"}, "since"),  # after the default until (now)
    ("/statistics", {"until": "0001-01-02T00:00:00Z"}, "until"),  # no week before it
    ("/statistics", {"until": "9999-12-31T23:59:59Z"}, "until"),  # more than a year ahead
    ("/statistics", {"station_id": "1e400"}, "station_id"),
    ("/statistics", {"station_id": str(uuid4()), "group_id": str(uuid4())}, "group_id"),
    ("/statistics", {"days": "7"}, "days"),
])
async def test_bad_query_values_are_400_naming_the_parameter(site, admin, path, params, field):
    status, body = await admin.get(path, params=params)
    assert status == 400, body
    assert body["error"]["code"] == "bad_parameter" and body["error"]["field"] == field
    assert field in body["error"]["message"] or body["error"]["message"].startswith("Hours")


async def test_every_route_needs_a_key(site, admin):
    for path in ("/dashboard/status", "/dashboard/last-24h", "/dashboard/cards", "/dashboard/consumption",
                 "/statistics"):
        status, _body = await admin.get(path, key=None)
        assert status == 401, path

