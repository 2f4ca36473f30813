"""The scheduled tasks API: CRUD, activate, copy, run now, the event feed with per-station
outcomes, retry; basic operators refused (issue 13)."""

from __future__ import annotations

from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.core.scheduling.book import TaskInput
from evdesk.core.scheduling.runner import TaskScheduler
from tests.waiting import wait_for


async def test_tasks_crud_run_feed_and_retry_over_the_api(admin, basic, services, central, station):
    sim1 = str(services.stations.get("SIM-1").id)
    missing = await services.stations.create_station("SIM-GONE", connectors=1, ctx=SYSTEM_CONTEXT)
    body = {"name": "Front door 32 A", "kind": "station_current", "targets": {"station_ids": [sim1, str(missing.id)]},
            "params": {"amps": 32}, "recurrence": "weekly", "weekdays": ["Mon", "Fri"], "time_of_day": "23:59",
            "zone": "Europe/Helsinki"}
    status, task = await admin.post("/scheduled-tasks", body)
    assert status == 201, task
    assert task["active"] is False and task["weekdays"] == ["Mon", "Fri"] and task["kind_label"] == "Change station limit"
    assert task["schedule"] == "Weekly on Mon, Fri at 23:59 (Europe/Helsinki)"
    status, err = await admin.post("/scheduled-tasks", {**body, "name": "x", "weekdays": ["Caturday"]})
    assert status == 422 and err["error"]["field"] == "weekdays"
    status, err = await admin.post("/scheduled-tasks", {**body, "name": "y", "params": {"amps": 5000}})
    assert status == 422 and err["error"]["field"] == "amps"
    assert (await basic.get("/scheduled-tasks"))[0] == 403
    assert (await basic.post("/scheduled-tasks", {**body, "name": "basic"}))[0] == 403
    status, task = await admin.post(f"/scheduled-tasks/{task['id']}/active", {"active": True})
    assert status == 200 and task["active"] and task["next_run"]
    status, changed = await admin.patch(f"/scheduled-tasks/{task['id']}", {"version": task["version"], "name": "Front door"})
    assert status == 200 and changed["name"] == "Front door" and changed["weekdays"] == ["Mon", "Fri"]
    assert (await admin.patch(f"/scheduled-tasks/{task['id']}", {"version": task["version"], "name": "z"}))[0] == 409
    status, copy = await admin.post(f"/scheduled-tasks/{task['id']}/copy")
    assert status == 201 and copy["name"] == "Copy of Front door" and not copy["active"]
    assert (await admin.delete(f"/scheduled-tasks/{copy['id']}"))[0] == 204
    status, listed = await admin.get("/scheduled-tasks", params={"q": "front"})
    assert [t["name"] for t in listed["items"]] == ["Front door"]
    # run now: the site's scheduler takes it within seconds
    scheduler = TaskScheduler(services, central.commands, seat="api-test", tick_seconds=0.2)
    await scheduler.start()
    try:
        assert (await admin.post(f"/scheduled-tasks/{task['id']}/run"))[0] == 202

        async def finished():
            _s, feed = await admin.get("/task-runs")
            return [r for r in feed["items"] if r["finished_at"]]

        [run] = await wait_for(finished, timeout=10)
        assert (run["summary"], run["retry"]) == ("1 task failed", True)
        status, detail = await admin.get(f"/task-runs/{run['id']}")
        words = {o["target_name"]: (o["ok"], o["message"]) for o in detail["outcomes"]}
        assert words == {"SIM-1": (True, "Max current 32 A (charging profile): Accepted by the station"),
                         "SIM-GONE": (False, "Max current 32 A (charging profile): SIM-GONE is not connected; "
                                             "the command was not sent.")}
        status, retry = await admin.post(f"/task-runs/{run['id']}/retry")
        assert status == 201 and retry["name"] == "Retry: Front door" and retry["targets"]["station_ids"] == [str(missing.id)]
        _s, failures = await admin.get("/task-runs", params={"status": "failures"})
        _s, oks = await admin.get("/task-runs", params={"status": "ok"})
        assert len(failures["items"]) == 1 and oks["items"] == []
    finally:
        await scheduler.stop()


async def test_a_group_admin_key_schedules_only_inside_its_domain(services, api, http):
    from evdesk.store import models as m
    from tests.api.conftest import Client

    root = SYSTEM_CONTEXT
    a = (await services.groups.add(root, "A")).id
    b = (await services.groups.add(root, "B")).id
    cp_b = await services.stations.create_station("CP-B", group_id=b, connectors=1, ctx=root)
    await services.store.run(lambda: m.Operator.create(username="alice", role="admin", status="active", base_group=a,
                                                       first_name="Alice"))
    _info, key = await api.keys.create(root, "alice", "group A")
    alice = Client(http, f"http://127.0.0.1:{api.port}/api/v1", key)
    body = {"name": "A limit", "kind": "group_current", "targets": {"group_ids": [str(a)]}, "params": {"amps": 10}}
    status, mine = await alice.post("/scheduled-tasks", body)
    assert status == 201, mine
    status, err = await alice.post("/scheduled-tasks", {**body, "name": "B limit", "targets": {"group_ids": [str(b)]}})
    assert status == 403 and err["error"]["code"] == "access_denied"
    status, err = await alice.post("/scheduled-tasks", {**body, "name": "B station", "kind": "station_current",
                                                        "targets": {"station_ids": [str(cp_b.id)]}})
    assert status == 403
    site_task = await services.scheduled_tasks.create(root, TaskInput("Site-wide", "reset", {"group_ids": [str(b)]},
                                                                      {"kind": "Soft"}))
    _s, listed = await alice.get("/scheduled-tasks")
    assert [t["name"] for t in listed["items"]] == ["A limit"]
    assert (await alice.get(f"/scheduled-tasks/{site_task.id}"))[0] == 404
    assert (await alice.delete(f"/scheduled-tasks/{site_task.id}"))[0] == 404


async def test_the_service_kinds_over_the_api(admin, basic, services):
    from evdesk.core.load.circuit_rules import CircuitInput
    grid = await services.circuits.create(SYSTEM_CONTEXT, CircuitInput("Grid connection", 250))
    body = {"name": "Night limit", "kind": "circuit_limit", "targets": {},
            "params": {"circuit_id": str(grid.id), "amps": 400}, "recurrence": "daily", "time_of_day": "22:00",
            "zone": "Europe/Helsinki"}
    status, task = await admin.post("/scheduled-tasks", body)
    assert status == 201, task
    assert (task["kind_label"], task["params"]) == ("Circuit limit", {"circuit_id": str(grid.id), "amps": 400.0})
    status, err = await admin.post("/scheduled-tasks", {**body, "name": "x", "params": {"circuit_id": str(grid.id)}})
    assert status == 422 and err["error"]["field"] == "circuit_amps"
    status, err = await admin.post("/scheduled-tasks", {**body, "name": "y", "kind": "report_email",
                                                        "params": {"report_id": str(grid.id), "formats": ["pdf"],
                                                                   "recipients": ["a@depot.example"]}})
    assert status == 422 and err["error"]["field"] == "report_id"  # not a saved report this key's operator sees
    status, task = await admin.post("/scheduled-tasks", {**body, "name": "Invoices", "kind": "invoice_run",
                                                         "params": {"send": False}})
    assert status == 201 and task["params"] == {"send": False}
    assert (await basic.post("/scheduled-tasks", {**body, "name": "basic"}))[0] == 403
