"""Invoices through the API with real keys: a run over the API, the list with filters and
totals, one invoice, its PDF (read back), paid / unpaid, the CSV; roles and domains."""

from __future__ import annotations

import subprocess
from datetime import timedelta

import pytest

from evdesk.core.clock import utcnow
from evdesk.core.invoicing.settings import InvoiceSettings
from evdesk.core.people_types import TokenInput, UserInput
from evdesk.core.permissions import ACCESS_DENIED, OPERATOR_ACCESS_FORBIDDEN, SYSTEM_CONTEXT
from evdesk.store import models as m
from tests.api.conftest import Client
from tests.mailserver import point_at

FORBIDDEN = {"code": "access_denied", "message": OPERATOR_ACCESS_FORBIDDEN}
DENIED = {"code": "access_denied", "message": ACCESS_DENIED}


def iso(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


class Site:
    pass


@pytest.fixture
async def site(services, api, http, keys, smtp_server):
    s = Site()
    root = SYSTEM_CONTEXT
    point_at(services.settings, smtp_server)
    s.smtp = smtp_server
    s.a = (await services.groups.add(root, "A")).id
    s.b = (await services.groups.add(root, "B")).id
    station = await services.stations.create_station("CP-A", group_id=s.a, connectors=1, ctx=root)
    s.ann = (await services.people.users.create(root, UserInput("Ann", "Able", "ann@example.org"),
                                                [TokenInput("TAG-ANN")], home_group_id=s.a)).id
    s.bea = (await services.people.users.create(root, UserInput("Bea", "Bee", "bea@example.org"),
                                                [TokenInput("TAG-BEA")], home_group_id=s.b)).id
    await services.invoices.save_settings(root, InvoiceSettings(seller_name="Depot Oy", iban="FI2112345600000785",
                                                                reference_start=1000), 0)
    for tag, wh in (("TAG-ANN", 10_000), ("TAG-BEA", 20_000)):
        t0 = utcnow() - timedelta(hours=2)
        start = await services.transactions.start(station, 1, tag, 0, iso(t0))
        await services.transactions.stop(station, start.ocpp_id, wh, iso(t0 + timedelta(minutes=30)))
    base = f"http://127.0.0.1:{api.port}/api/v1"
    await services.store.run(lambda: m.Operator.create(username="alice", role="admin", status="active", base_group=s.a,
                                                       first_name="Alice"))
    _info, key = await api.keys.create(SYSTEM_CONTEXT, "alice", "group A")
    s.alice = Client(http, base, key)
    s.admin, s.basic, s.analyst = (Client(http, base, keys[r]) for r in ("admin", "basic", "analyst"))
    today = utcnow().date()
    s.period = {"period_start": (today - timedelta(days=5)).isoformat(), "period_end": today.isoformat()}
    return s


async def test_a_run_the_list_one_invoice_its_pdf_and_paid(site, tmp_path):
    s = site
    status, run = await s.admin.post("/invoice-runs", {**s.period, "user_ids": [str(s.ann), str(s.bea)],
                                                       "kwh_price": "0.20"})
    assert status == 201 and len(run["invoice_ids"]) == 2, run
    status, listed = await s.admin.get("/invoices", params={"run_id": run["run_id"], "status": "preview"})
    assert status == 200 and listed["total"] == 2 and listed["total_minor"] == 200 + 400
    status, again = await s.admin.post("/invoice-runs", {**s.period, "user_ids": [str(s.ann)]})
    assert status == 422 and "overlaps" in again["error"]["message"] and again["error"]["field"] == "period_start"
    status, sent = await s.admin.post(f"/invoice-runs/{run['run_id']}/send", {})
    assert status == 200 and len(sent["sent"]) == 2 and sent["failed"] == []
    ann = next(i for i in listed["items"] if i["buyer_name"] == "Ann Able")
    status, one = await s.admin.get(f"/invoices/{ann['id']}")
    assert (status, one["status"], one["number"] in (1, 2), one["lines"][0]["quantity"]) == (200, "sent", True, "10.00")
    async with s.admin.session.get(f"{s.admin.base}/invoices/{ann['id']}/pdf",
                                   headers={"Authorization": f"Bearer {s.admin.key}"}) as resp:
        assert resp.status == 200 and resp.content_type == "application/pdf"
        (tmp_path / "a.pdf").write_bytes(await resp.read())
    text = subprocess.run(["pdftotext", str(tmp_path / "a.pdf"), "-"], capture_output=True, text=True).stdout
    assert "Ann Able" in text and "2.00" in text
    status, paid = await s.admin.post(f"/invoices/{ann['id']}/paid", {"paid": True})
    assert (status, paid["status"]) == (200, "paid")
    status, unpaid = await s.admin.post(f"/invoices/{ann['id']}/paid", {"paid": False})
    assert (status, unpaid["status"]) == (200, "sent")
    status, runs = await s.admin.get("/invoice-runs")
    assert status == 200 and runs["items"][0]["invoices"] == 2
    async with s.admin.session.get(f"{s.admin.base}/invoices/export.csv",
                                   headers={"Authorization": f"Bearer {s.admin.key}"}) as resp:
        assert resp.status == 200 and (await resp.text()).count("\r\n") == 3


async def test_roles_and_domains(site):
    s = site
    status, run = await s.admin.post("/invoice-runs", {**s.period, "user_ids": [str(s.ann), str(s.bea)],
                                                       "kwh_price": "0.20"})
    for client in (s.basic, s.analyst):
        assert (await client.get("/invoices"))[1]["error"] == DENIED
        assert (await client.post("/invoice-runs", {**s.period, "user_ids": [str(s.ann)]}))[1]["error"] == DENIED
    status, mine = await s.alice.get("/invoices")
    assert status == 200 and [i["buyer_name"] for i in mine["items"]] == ["Ann Able"]
    bea = next(i for i in run["invoice_ids"] if i != mine["items"][0]["id"])
    assert (await s.alice.get(f"/invoices/{bea}"))[1]["error"] == FORBIDDEN
    assert (await s.alice.post(f"/invoices/{bea}/paid", {"paid": True}))[1]["error"]["code"] == "access_denied"
    status, body = await s.admin.post("/invoice-runs", {**s.period, "user_ids": [str(s.ann)], "kwh_price": "x"})
    assert status == 422 and body["error"]["field"] == "kwh_price"
    status, body = await s.admin.get("/invoices", params={"status": "lost"})
    assert status == 400 and body["error"]["field"] == "status"
