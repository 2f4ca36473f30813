"""Firmware and diagnostics through the API, against the simulated station SIM-1 over real sockets."""

from __future__ import annotations

from evdesk.core.permissions import SYSTEM_CONTEXT
from tests.waiting import wait_for


async def test_rollout_and_diagnostics_through_the_api(admin, basic, services, central, station, tmp_path):
    image = tmp_path / "fw-3.0.0.bin"
    image.write_bytes(b"FW" * 1000)
    row = await services.firmware.library.add(SYSTEM_CONTEXT, image)
    status, files = await admin.get("/firmware/files")
    assert status == 200 and [f["sha256"] for f in files["items"]] == [row.sha256]
    sim = services.stations.get("SIM-1").id
    body = {"file_id": str(row.id), "station_ids": [str(sim)], "reason": "API roll-out"}
    status, refused = await basic.post("/firmware/rollouts", json=body)
    assert status == 403
    status, created = await admin.post("/firmware/rollouts", json={**body, "reason": "  "})
    assert status == 422 and created["error"]["field"] == "reason"
    status, created = await admin.post("/firmware/rollouts", json=body)
    assert status == 201 and created["target"] == "station SIM-1" and created["protocol"] == "http"

    async def installed():
        _status, listed = await admin.get("/firmware/rollouts")
        rollout = listed["items"][0]
        return rollout if rollout["summary"] == {"installed": 1, "failed": 0, "waiting": 0} else None

    rollout = await wait_for(installed, timeout=20)
    assert rollout["stations"][0]["state"] == "Installed"
    # installed, then rebooted: booted again with the new version (named in the file name)
    await wait_for(lambda: services.stations.get("SIM-1").firmware_version == "3.0.0"
                   and central.connections.get("SIM-1") is not None, timeout=20)
    status, created = await admin.post(f"/stations/{sim}/diagnostics", json={"protocol": "ftp", "reason": "API"})
    assert status == 201 and created["state"] in ("requested", "Uploading", "received")

    async def received():
        _status, listed = await admin.get(f"/stations/{sim}/diagnostics")
        return listed["items"][0] if listed["items"][0]["state"] == "received" else None

    got = await wait_for(received, timeout=20)
    assert got["protocol"] == "ftp" and got["size"] > 0 and got["file_name"].startswith("SIM-1-diagnostics-")
    status, hardware = await admin.get(f"/stations/{sim}/hardware-status")
    assert status == 200 and {r["status"] for r in hardware["items"]} >= {"Downloading", "Installed"}
