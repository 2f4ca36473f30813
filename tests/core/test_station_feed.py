"""The station registry follows the change feed: stations and connectors another seat added,
changed or deleted show up without a restart, with what only this seat knows kept."""

from __future__ import annotations

import asyncio

from evdesk.core import events as ev
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.store import models as m
from evdesk.store import write as w
from tests.core.test_change_feed import as_seat


async def until(condition, services, timeout: float = 5.0) -> None:
    """Poll the feed (as the watcher does every second) until `condition()` holds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, "the registry did not follow the change feed"
        await services.change_feed.poll()
        await asyncio.sleep(0.01)


def recorder(services):
    seen = []
    for kind in (ev.StationAdded, ev.StationChanged, ev.StationRemoved):
        services.bus.subscribe(kind, seen.append)
    return seen


async def test_a_station_another_seat_adds_edits_and_deletes_follows(services):
    seen = recorder(services)
    row = await services.store.run(as_seat("seat-b", lambda: w.versioned_insert(
        m.Station, identity="OTHER-1", name="Workshop charger", registration="adopted")))
    await until(lambda: services.stations.get("OTHER-1") is not None, services)
    info = services.stations.get("OTHER-1")
    assert info.id == row.id and info.name == "Workshop charger" and info.version == 1
    assert services.stations.get_by_id(row.id) is info and not info.connected
    assert [type(e) for e in seen] == [ev.StationAdded] and seen[0].station_id == row.id

    # an edit and a renamed identity: the old identity no longer finds it
    await services.store.run(as_seat("seat-b", lambda: w.versioned_update(
        m.Station, row.id, 1, name="Garage charger", identity="OTHER-1B", access_mode="private")))
    await until(lambda: services.stations.get("OTHER-1B") is not None, services)
    info = services.stations.get("OTHER-1B")
    assert (info.name, info.access_mode, info.version) == ("Garage charger", "private", 2)
    assert services.stations.get("OTHER-1") is None
    assert isinstance(seen[-1], ev.StationChanged) and seen[-1].identity == "OTHER-1B"

    await services.store.run(as_seat("seat-b", lambda: w.tombstone(m.Station, row.id)))
    await until(lambda: row.id not in services.stations.by_id, services)
    assert services.stations.get("OTHER-1B") is None
    assert isinstance(seen[-1], ev.StationRemoved) and seen[-1].station_id == row.id


async def test_an_edit_from_another_seat_keeps_what_only_this_seat_knows(services):
    info = await services.stations.create_station("LIVE-1", connectors=2, ctx=SYSTEM_CONTEXT)
    services.status.connected(info)
    services.status.status_notification(info, 1, "Charging")
    seen_before = info.last_seen
    await services.store.run(as_seat("seat-b", lambda: w.versioned_update(
        m.Station, info.id, info.version, name="Renamed elsewhere")))
    await until(lambda: services.stations.get("LIVE-1").name == "Renamed elsewhere", services)
    fresh = services.stations.get("LIVE-1")
    assert fresh.version == info.version + 1
    assert fresh.connected and fresh.connection_state == "online" and fresh.last_seen == seen_before
    assert fresh.connectors[1].status == "Charging" and set(fresh.connectors) == {1, 2}


async def test_a_connector_another_seat_adds_or_deletes_follows(services):
    info = await services.stations.create_station("CONN-1", connectors=1, ctx=SYSTEM_CONTEXT)
    changed = recorder(services)
    new = await services.store.run(as_seat("seat-b", lambda: w.versioned_insert(
        m.Connector, station=info.id, connector_id=2, access_mode="free")))
    await until(lambda: 2 in services.stations.get("CONN-1").connectors, services)
    assert services.stations.get("CONN-1").connectors[2].access_mode == "free"
    assert any(isinstance(e, ev.StationChanged) and e.station_id == info.id for e in changed)
    await services.store.run(as_seat("seat-b", lambda: w.tombstone(m.Connector, new.id)))
    await until(lambda: 2 not in services.stations.get("CONN-1").connectors, services)
    assert set(services.stations.get("CONN-1").connectors) == {1}
