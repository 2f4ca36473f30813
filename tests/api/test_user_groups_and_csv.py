"""Charging user groups and CSV onboarding through the API."""

from __future__ import annotations


async def test_user_groups_crud_and_permissions(admin, basic):
    status, body = await admin.post("/user-groups", {"name": "Night shift", "max_concurrent_transactions": 2})
    assert status == 201 and body["name"] == "Night shift" and body["members"] == 0
    group = body
    status, body = await admin.post("/user-groups", {"name": "Night shift"})
    assert status == 422 and body["error"]["field"] == "name"
    status, body = await basic.post("/user-groups", {"name": "Basic's group"})
    assert status == 403 and body["error"]["message"] == "Access denied."
    status, user = await admin.post("/users", {"first_name": "Nina", "last_name": "Night"})
    assert status == 201, user
    status, body = await admin.patch(f"/user-groups/{group['id']}", {"version": group["version"], "member_ids": [user["id"]],
                                                                       "active": False})
    assert status == 200 and body["members"] == 1 and body["active"] is False and body["name"] == "Night shift"
    status, body = await admin.patch(f"/user-groups/{group['id']}", {"version": group["version"], "name": "Late"})
    assert status == 409  # stale version
    status, body = await admin.delete(f"/user-groups/{group['id']}")
    assert status == 422 and "has members" in body["error"]["message"]
    status, body = await admin.get("/user-groups", params={"q": "night"})
    assert [g["name"] for g in body["items"]] == ["Night shift"]
    status, body = await admin.get("/user-groups/00000000-0000-7000-8000-000000000000")
    assert status == 404


async def test_csv_import_reports_refused_rows_and_export_round_trips(admin, basic, analyst):
    header = "first_name,last_name,email,phone,user_group,status,disabled_reason,token_uids,token_names,valid_to,vehicle_plates"
    csv = "\n".join([
        header,
        "Ari,Fleet,ari@fleet.example,,,active,,TAG-ARI,Ari card,,",
        "Bea,Fleet,ari@fleet.example,,,active,,TAG-BEA,,,",  # the same e-mail: refused
        "Cai,Fleet,,,,active,,TAG-ARI,,,",  # the same token: refused
    ])
    status, body = await analyst.post("/users/import", {"csv": csv})
    assert status == 403
    status, body = await admin.post("/users/import", {"csv": csv})
    assert status == 200, body
    assert body["users_added"] == 1 and body["refused_rows"] == 2
    assert {p["row"] for p in body["problems"]} == {3, 4}
    status, body = await admin.post("/users/import", {"csv": 42})
    assert status == 422
    async with admin.session.get(admin.base + "/users/export", headers={"Authorization": f"Bearer {admin.key}"}) as resp:
        text = await resp.text()
        assert resp.status == 200 and resp.content_type == "text/csv"
    assert "TAG-ARI" in text and "ari@fleet.example" in text
