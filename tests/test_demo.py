"""The demo site: seeded once, with an admin the demo logs in as."""

from __future__ import annotations

from evdesk.demo import DEMO_PASSWORD, DEMO_USERNAME, STATIONS, seed_demo
from evdesk.store import models as m


async def test_demo_seeds_a_site_once_and_its_admin_can_log_in(services):
    assert await seed_demo(services) is True
    assert await seed_demo(services) is False  # reopening the demo keeps what is there
    assert {s.identity for s in services.stations.all()} == {s.identity for s in STATIONS}
    assert await services.store.run(lambda: m.Token.select().count()) >= 30
    session = await services.login.login(DEMO_USERNAME, DEMO_PASSWORD)
    assert session.ctx.role == "admin" and session.ctx.is_root
