"""A full disk at the handshake: a new station is told 503 "cannot store new stations right now",
never let in to lose what it sends, and never an HTTP 500; once space returns it gets in."""

from __future__ import annotations

import logging

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.core.services import Services
from evdesk.csms.server import CentralSystem
from evdesk.settings import SiteSettings
from evdesk.store.database import Store
from tests.csms.rawclient import raw_station
from tests.csms.test_protocol_messages import wait_for
from tests.store.test_group_commit import fill, small_disk  # noqa: F401 - the fixture


async def handshake_status(url: str) -> tuple[int, str]:
    try:
        async with connect(url, subprotocols=["ocpp1.6"], open_timeout=10):
            return 101, ""
    except InvalidStatus as exc:
        return exc.response.status_code, exc.response.body.decode("utf-8", "replace")


async def test_a_new_station_gets_503_while_the_disk_is_full(small_disk, caplog):  # noqa: F811
    store = Store.sqlite(small_disk / "evdesk.db")
    store.open()
    services = Services(store, SiteSettings(post_boot_quiet_seconds=0.0))
    await services.start(load_settings=False)
    central = CentralSystem(services, "127.0.0.1", 0)
    await central.start()
    filler = None
    try:
        known = await services.stations.create_station("KNOWN-1", ctx=SYSTEM_CONTEXT)
        filler = fill(small_disk)
        caplog.set_level(logging.INFO, logger="evdesk")
        # the first write of a new station fails, then the store knows: both answered the same way
        answers = [await handshake_status(central.url + f"NEW-{n}") for n in range(6)]
        assert all(status == 503 for status, _ in answers), answers
        assert all("cannot store new charging stations right now" in text for _, text in answers)
        assert services.store.trouble is not None
        assert not [s for s in services.stations.all() if s.identity.startswith("NEW-")]
        said = [r for r in caplog.records if "cannot store new stations" in r.getMessage()]
        assert 1 <= len(said) <= 3  # rate-limited, not one line per refused handshake
        assert not [r for r in caplog.records if r.levelno >= logging.ERROR and "Traceback" in (r.exc_text or "")]
        assert services.stations.get("KNOWN-1") is known

        # space again: the store finds out by itself, and the station gets in
        filler.unlink()
        filler = None
        await wait_for(lambda: services.store.trouble is None, 10)
        async with raw_station(central.url, "NEW-0") as st:
            assert st is not None
        assert services.stations.get("NEW-0") is not None
    finally:
        if filler is not None:
            filler.unlink()
        await central.stop()
        await services.stop()
        store.close()


@pytest.mark.parametrize("policy", ["accept"])
async def test_the_accept_policy_is_refused_the_same_way(small_disk, policy):  # noqa: F811
    store = Store.sqlite(small_disk / "evdesk.db")
    store.open()
    services = Services(store, SiteSettings(post_boot_quiet_seconds=0.0, unknown_station_policy=policy))
    await services.start(load_settings=False)
    central = CentralSystem(services, "127.0.0.1", 0)
    await central.start()
    filler = fill(small_disk)
    try:
        status, text = await handshake_status(central.url + "NEW-ACCEPT")
        assert status == 503 and "cannot store" in text
        assert services.stations.get("NEW-ACCEPT") is None
    finally:
        filler.unlink()
        await central.stop()
        await services.stop()
        store.close()
