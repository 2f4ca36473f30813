"""`GET /api/v1/events` over real HTTP: server-sent events from simulated stations."""

from __future__ import annotations

import asyncio
import json

import pytest
from ocpp.v16 import call

from evdesk.api import events as api_events
from evdesk.store import models as m
from tests.api.test_api import sid
from tests.csms.test_protocol_messages import wait_for



def listener_count(services) -> int:
    return sum(len(v) for v in services.bus._listeners.values())


class Stream:
    def __init__(self, resp):
        self.resp = resp

    async def next_event(self, timeout: float = 10.0) -> tuple[str, dict]:
        """The next `event:` message (comments skipped)."""
        async def read():
            kind, data = None, None
            while True:
                line = (await self.resp.content.readline()).decode()
                if line == "":
                    raise EOFError("stream ended")
                line = line.rstrip("\n")
                if line.startswith("event: "):
                    kind = line[7:]
                elif line.startswith("data: "):
                    data = json.loads(line[6:])
                elif line == "" and kind is not None:
                    return kind, data
        return await asyncio.wait_for(read(), timeout)

    async def next_line(self, timeout: float = 10.0) -> str:
        return (await asyncio.wait_for(self.resp.content.readline(), timeout)).decode()


async def open_stream(http, api, key, **params):
    resp = await http.get(f"http://127.0.0.1:{api.port}/api/v1/events", params=params,
                          headers={"Authorization": f"Bearer {key}"})
    assert resp.status == 200, await resp.text()
    assert resp.content_type == "text/event-stream"
    s = Stream(resp)
    assert await s.next_line() == ": connected\n" and await s.next_line() == "\n"
    return s


async def status(st, connector: int, value: str) -> None:
    await st.send_call(call.StatusNotification(connector_id=connector, error_code="NoError", status=value))


async def test_status_notification_arrives_as_an_event_and_the_listener_goes_away(http, api, keys, services, station):
    before = listener_count(services)
    s = await open_stream(http, api, keys["admin"])
    assert listener_count(services) == before + len(api_events.STREAMED)
    await status(station, 1, "Unavailable")
    while True:
        kind, data = await s.next_event()
        if kind == "ConnectorStatusChanged" and data["status"] == "Unavailable":
            break
    assert data["station_id"] == sid(services) and data["connector_id"] == 1 and data["identity"] == "SIM-1"
    assert isinstance(data["at"], str) and "T" in data["at"]
    s.resp.close()
    await wait_for(lambda: listener_count(services) == before)


async def test_types_and_station_filters(http, api, keys, services, station):
    s = await open_stream(http, api, keys["admin"], types="ConnectorStatusChanged", station_id=sid(services))
    await station.send_call(call.Heartbeat())
    await status(station, 2, "Unavailable")
    kind, data = await s.next_event()
    while data["status"] != "Unavailable":  # the station's own start-up statuses may still be arriving
        assert kind == "ConnectorStatusChanged"
        kind, data = await s.next_event()
    assert kind == "ConnectorStatusChanged" and data["connector_id"] == 2
    s.resp.close()
    for params, code in (({"types": "Nope"}, 400), ({"station_id": "x"}, 400), ({"colour": "red"}, 400),
                         ({"station_id": "00000000-0000-0000-0000-000000000000"}, 404)):
        async with http.get(f"http://127.0.0.1:{api.port}/api/v1/events", params=params,
                            headers={"Authorization": f"Bearer {keys['admin']}"}) as resp:
            assert resp.status == code, params
            assert (await resp.json())["error"]["code"] in ("bad_parameter", "not_found")
    async with http.get(f"http://127.0.0.1:{api.port}/api/v1/events") as resp:
        assert resp.status == 401


async def test_a_key_outside_the_stations_group_does_not_get_its_events(http, api, keys, services, station):
    north = await services.store.run(lambda: m.ChargingGroup.create(name="North"))
    south = await services.store.run(lambda: m.ChargingGroup.create(name="South"))
    await services.groups.load()
    await services.stations.move_to_group(services.stations.get("SIM-1").id, south.id)
    await services.store.run(lambda: m.Operator.update(base_group=north.id).where(m.Operator.username == "bob").execute())
    bob = await open_stream(http, api, keys["basic"])
    ada = await open_stream(http, api, keys["admin"])
    await status(station, 1, "Unavailable")
    kind, data = await ada.next_event()
    assert data["station_id"] == sid(services)
    with pytest.raises(asyncio.TimeoutError):
        await bob.next_event(timeout=1.0)
    # bob does see his own group's stations
    await services.stations.move_to_group(services.stations.get("SIM-1").id, north.id)
    await status(station, 1, "Available")
    kind, data = await bob.next_event()
    assert kind == "ConnectorStatusChanged" and data["status"] == "Available"
    bob.resp.close()
    ada.resp.close()


async def test_heartbeat_comment(http, api, keys, monkeypatch):
    monkeypatch.setattr(api_events, "HEARTBEAT", 0.2)
    s = await open_stream(http, api, keys["admin"])
    assert await s.next_line(timeout=3) == ": heartbeat\n"
    s.resp.close()


async def test_server_stop_ends_open_streams(http, api, keys, services):
    before = listener_count(services)
    s = await open_stream(http, api, keys["admin"])
    await asyncio.wait_for(api.stop(), 5)
    assert listener_count(services) == before
    s.resp.close()
