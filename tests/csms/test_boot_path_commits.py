"""No transaction (and so no fsync) of its own per command or per boot: the action log, a boot's
rows, configuration keys and new stations go through the group commit, and `ActionLogged` is
published only once the row it announces is committed."""

from __future__ import annotations

import asyncio
import sqlite3

from evdesk.core import events as ev
from evdesk.core.actions import Actor
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.store import models as m
from tests.csms.rawclient import raw_station
from tests.csms.test_protocol_messages import wait_for


def count_own_transactions(services) -> list[str]:
    """Record every `store.run` that is not a group-commit flush (each one is a commit of its own)."""
    store, batch, own = services.store, services.batch, []
    real_run = store.run

    async def run(fn, *args):
        if getattr(fn, "__self__", None) is not batch:
            own.append(getattr(fn, "__qualname__", repr(fn)))
        return await real_run(fn, *args)

    store.run = run
    return own


async def test_commands_are_logged_through_the_group_commit_and_announced_once_stored(services):
    station = await services.stations.create_station("LOG-1", ctx=SYSTEM_CONTEXT)
    db = sqlite3.connect(services.store.db.database)
    announced = []

    def on_logged(event: ev.ActionLogged):
        # what a screen does on the event: read the row (here at once, on a connection of its own)
        row = db.execute("SELECT outcome FROM action_log WHERE id = ?", (event.action_id.hex,)).fetchone()
        announced.append((event.outcome, row[0] if row else None))

    services.bus.subscribe(ev.ActionLogged, on_logged)
    own = count_own_transactions(services)
    flushes = services.batch.flushes
    ids = await asyncio.gather(*(services.actions.begin(station.id, Actor("Ada"), "Reset", f"why {n}", {"type": "Soft"})
                                 for n in range(40)))
    await asyncio.gather(*(services.actions.finish(i, "accepted", {"status": "Accepted"}) for i in ids))
    db.close()
    assert own == [], f"own transactions: {own}"
    assert services.batch.flushes - flushes <= 10  # 80 writes in a few group commits
    assert len(announced) == 80 and all(event == stored for event, stored in announced), announced[:5]
    rows = await services.store.read(lambda: list(m.ActionLog.select(m.ActionLog.outcome).tuples()))
    assert sorted(rows) == [("accepted",)] * 40


async def test_a_boot_storm_and_its_configuration_calls_cost_no_transaction_of_their_own(central, services):
    for n in range(10):
        await services.stations.create_station(f"STORM-{n}", ctx=SYSTEM_CONTEXT)
    own = count_own_transactions(services)
    flushes = services.batch.flushes

    async def station(identity: str):
        async with raw_station(central.url, identity) as st:
            # answered Accepted: the boot's row is committed already (a reader sees it)
            station_id = services.stations.get(identity).id
            assert await services.store.read(lambda: m.StationEvent.select().where(
                (m.StationEvent.station == station_id) & (m.StationEvent.kind == "boot")).count()) == 1
            await wait_for(lambda: any(name == "ChangeConfiguration" for name, _ in st.received), 10)
            await wait_for(lambda: identity in finished, 10)

    finished: set[str] = set()

    def on_logged(event: ev.ActionLogged):
        if event.action == "ChangeConfiguration" and event.outcome == "accepted":
            finished.add(services.stations.get_by_id(event.station_id).identity)

    services.bus.subscribe(ev.ActionLogged, on_logged)
    await asyncio.gather(*(station(f"STORM-{n}") for n in range(10)))
    assert own == [], f"own transactions: {own}"
    # 10 boots, 10 × (action begun, action finished, configuration key stored): a few flushes
    assert services.batch.flushes - flushes < 40
    boots = await services.store.read(lambda: m.StationEvent.select().where(m.StationEvent.kind == "boot").count())
    # the accepted key is stored right after its action is logged as finished: poll for it, bounded
    keys = 0
    for _ in range(200):
        keys = await services.store.read(lambda: m.StationConfigKey.alive().where(
            m.StationConfigKey.key == "MeterValueSampleInterval").count())
        if keys == 10:
            break
        await asyncio.sleep(0.02)
    assert boots == 10 and keys == 10
