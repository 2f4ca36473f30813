"""Load-management priorities through the API: a user group's load priority, a user's daily
departure time, a running session's departure (and who may set it)."""

from __future__ import annotations

from datetime import datetime, timezone

from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.store import models as m


async def test_priorities_and_departures_round_trip(admin, analyst, services):
    status, group = await admin.post("/user-groups", {"name": "Fleet", "load_priority": 7})
    assert status == 201 and group["load_priority"] == 7
    status, body = await admin.patch(f"/user-groups/{group['id']}", {"version": group["version"], "load_priority": 101})
    assert status == 422 and body["error"]["field"] == "load_priority"
    status, user = await admin.post("/users", {"first_name": "Van", "departure_time": "6:30"})
    assert status == 201 and user["departure_time"] == "06:30"
    status, body = await admin.post("/users", {"first_name": "Bad", "departure_time": "noon"})
    assert status == 422 and body["error"]["field"] == "departure_time"

    info = await services.stations.create_station("DEP-1", connectors=1, ctx=SYSTEM_CONTEXT)
    started = datetime(2026, 3, 2, 18, 0, tzinfo=timezone.utc)
    session = await services.store.run(lambda: m.Transaction.create(ocpp_id=4711, station=info.id, connector_id=1,
                                                                    started_at=started).id)
    path = f"/sessions/{session}/departure"
    status, body = await analyst.post(path, {"departure_at": "2026-03-03T06:00:00Z"})
    assert status == 403
    status, body = await admin.post(path, {"departure_at": "2026-03-03T06:00:00Z"})
    assert status == 200, body
    stored = await services.store.read(lambda: m.Transaction.get_by_id(session).departure_at)
    assert stored == datetime(2026, 3, 3, 6, 0, tzinfo=timezone.utc)
    priorities = await services.circuits.session_priorities([session], "UTC")
    assert priorities[session] == (0, stored.timestamp())
    status, body = await admin.post(path, {"departure_at": None})
    assert status == 200 and body["departure_at"] is None
    await services.store.run(lambda: m.Transaction.update(state="completed").where(m.Transaction.id == session).execute())
    status, body = await admin.post(path, {"departure_at": "2026-03-03T06:00:00Z"})
    assert status == 404
