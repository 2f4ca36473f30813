"""Caches follow the change feed: rows another seat changed show up without a restart."""

from __future__ import annotations

from datetime import timedelta

from evdesk.core import events as ev
from evdesk.core.clock import utcnow
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.store import models as m
from evdesk.store import write as w
from tests.waiting import wait_for


def as_seat(seat: str, fn):
    """Run `fn` on the worker writing as another seat (what the shared-database sync does)."""
    def run():
        mine = w.current_seat()
        w.bind_seat(seat)
        try:
            return fn()
        finally:
            w.bind_seat(mine)
    return run


async def settle(services, condition):
    """Poll the feed (as its watcher does every second) until the cache shows the change
    (the cache re-reads in a background task)."""
    async def seen():
        await services.change_feed.poll()
        return condition()

    await wait_for(seen)


async def test_own_changes_are_not_announced_again(services):
    await services.groups.add(SYSTEM_CONTEXT, "Depot")
    seen = []
    services.bus.subscribe(ev.RowsChanged, seen.append)
    assert await services.change_feed.poll() == 0 and seen == []


async def test_a_group_another_seat_added_renamed_and_deleted_follows(services):
    changed = []
    services.bus.subscribe(ev.GroupChanged, changed.append)
    row = await services.store.run(as_seat("seat-b", lambda: w.versioned_insert(m.ChargingGroup, name="Workshop")))
    await settle(services, lambda: row.id in services.groups.groups)
    assert services.groups.get(row.id).name == "Workshop" and changed[-1].group_id == row.id
    await services.store.run(as_seat("seat-b", lambda: w.versioned_update(m.ChargingGroup, row.id, 1, name="Garage")))
    await settle(services, lambda: services.groups.get(row.id).version == 2)
    assert services.groups.get(row.id).name == "Garage"
    await services.store.run(as_seat("seat-b", lambda: w.tombstone(m.ChargingGroup, row.id)))
    await settle(services, lambda: row.id not in services.groups.groups)
    assert changed[-1].deleted


async def test_a_session_another_seat_ended_leaves_the_running_sessions(services):
    info = await services.stations.create_station("FEED-1", connectors=1, ctx=SYSTEM_CONTEXT)
    started = await services.transactions.start(info, 1, "ANY", 0, utcnow().strftime("%Y-%m-%dT%H:%M:%SZ"))
    tx_id = services.transactions.active[started.ocpp_id].id
    await services.store.run(as_seat("seat-b", lambda: w.versioned_update(
        m.Transaction, tx_id, None, state="completed", stopped_at=utcnow() + timedelta(seconds=1))))
    await settle(services, lambda: services.transactions.active_on(info.id, 1) is None)


async def test_site_settings_another_seat_saved_are_in_force_here(services):
    from evdesk.core.site_settings import load_site_settings, save_site_settings

    changed = []
    services.bus.subscribe(ev.SiteSettingsChanged, changed.append)

    def save_elsewhere():
        stored, version = load_site_settings()
        stored.site_name = "Depot North"
        stored.heartbeat_interval = 600
        save_site_settings(stored, version)

    await services.store.run(as_seat("seat-b", save_elsewhere))
    await settle(services, lambda: services.settings.site_name == "Depot North")
    assert services.settings.heartbeat_interval == 600 and changed
