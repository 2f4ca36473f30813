"""The API's commands on an OCPP 2.0.1 station: the same routes, 2.0.1 requests; the admins' raw call."""

from __future__ import annotations

from evdesk.store import models as m
from tests.csms.v201_fixtures import station201


async def test_201_commands_and_raw_call_over_the_api(admin, basic, services, central):
    async with station201(central, services, "API-201") as st:
        sid = str(services.stations.get("API-201").id)
        status, station = await admin.get(f"/stations/{sid}")
        assert status == 200 and station["ocpp_version"] == "2.0.1" and station["connected"]
        base = f"/stations/{sid}/commands"
        status, body = await admin.post(f"{base}/reset", {"kind": "Soft", "reason": "api test"})
        assert status == 200 and body["outcome"] == "accepted" and ("Reset", {"type": "OnIdle"}) in st.received
        status, body = await admin.post(f"{base}/get-base-report", {"report_base": "SummaryInventory", "reason": "t"})
        assert status == 200 and body["outcome"] == "accepted"
        status, body = await admin.post(f"{base}/get-transaction-status", {"reason": "t"})
        assert status == 200 and body["response"] == {"messages_in_queue": False}
        status, body = await admin.post(f"{base}/get-charging-profiles", {"reason": "t"})
        assert status == 200 and body["outcome"] == "rejected" and "NoProfiles" in body["message"]
        status, body = await admin.post(f"{base}/set-variable-monitoring", {
            "key": "EVSE@1/Power", "kind": "UpperThreshold", "value": "21000", "severity": 3, "reason": "watch"})
        assert status == 200 and body["outcome"] == "accepted" and st.monitors[1]["value"] == 21000.0
        status, body = await admin.post(f"{base}/set-variable-monitoring", {
            "key": "EVSE@1/Power", "kind": "Delta", "value": "much", "reason": "watch"})
        assert status == 422 and body["error"]["field"] == "value"
        raw = {"action": "GetVariables", "payload": {"getVariableData": [
            {"component": {"name": "OCPPCommCtrlr"}, "variable": {"name": "HeartbeatInterval"}}]}, "reason": "look"}
        status, body = await admin.post(f"{base}/raw-call", raw)
        assert status == 200 and body["response"]["getVariableResult"][0]["attributeValue"] == "300"
        status, body = await admin.post(f"{base}/raw-call", {**raw, "payload": {"getVariableData": "x"}})
        assert status == 422 and body["error"]["field"] == "payload"
        status, body = await basic.post(f"{base}/raw-call", raw)
        assert status == 403
    rows = await services.store.run(lambda: [(a.action, a.reason) for a in m.ActionLog.select()])
    assert ("GetVariables", "look") in rows and ("GetBaseReport", "t") in rows
