"""Compatibility profiles follow the change feed: a profile another seat saved (the shared
database) is in force here without a restart, for the server and the screens."""

from __future__ import annotations

from functools import partial

from evdesk.core import events as ev
from evdesk.core.compat_rules import Switches
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.store.repos import compat as repo
from tests.core.test_change_feed import as_seat
from tests.core.test_station_feed import until


async def test_a_profile_another_seat_saves_is_applied_here(services):
    info = await services.stations.create_station("FEED-1", ctx=SYSTEM_CONTEXT)
    seen = []
    services.bus.subscribe(ev.CompatibilityChanged, seen.append)
    switches = dict(Switches().as_dict(), naive_times_local=True, max_stack_level=2)
    await services.store.run(as_seat("seat-b", partial(repo.save_station_profile, info.id, None, switches=switches,
                                                       operator_set=["naive_times_local"], source="operator")))
    await services.store.run(as_seat("seat-b", partial(repo.save_model_profile, "acme|q9", "Acme", "Q9", switches,
                                                       info.id, "Bea at seat B")))
    await until(lambda: services.compat.switches(info.id).max_stack_level == 2, services)
    assert services.compat.naive_zone(info) is not None
    assert services.compat.models["acme|q9"]["shared_by"] == "Bea at seat B"
    assert any(e.station_id == info.id for e in seen)
