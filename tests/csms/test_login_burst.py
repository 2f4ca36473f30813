"""Many stations with the right password logging in at once from one address (a site behind one
router, every charger redialling after evdesk restarted) all get in; guessing stays as slow."""

from __future__ import annotations

import asyncio
import base64

from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from evdesk.core.permissions import SYSTEM_CONTEXT
from tests.waiting import wait_for

PASSWORD = "site-router-pw-2026"


async def login(url: str, identity: str, password: str) -> int:
    """101 when let in (the connection is closed again), else the HTTP status of the refusal."""
    headers = {"Authorization": "Basic " + base64.b64encode(f"{identity}:{password}".encode()).decode()}
    try:
        async with connect(url + identity, subprotocols=["ocpp1.6"], additional_headers=headers, open_timeout=30):
            return 101
    except InvalidStatus as exc:
        return exc.response.status_code


async def test_a_burst_of_right_passwords_from_one_address_is_not_held(central, services):
    identities = [f"NAT{n:02d}" for n in range(20)]
    for identity in identities:
        await services.stations.create_station(identity, password=PASSWORD, ctx=SYSTEM_CONTEXT)
    statuses = await asyncio.gather(*(login(central.url, i, PASSWORD) for i in identities))
    assert statuses == [101] * len(identities)


async def test_a_burst_of_guesses_from_one_address_gets_no_more_checks_than_a_sequence(central, services):
    await services.stations.create_station("NAT-GUARD", password=PASSWORD, ctx=SYSTEM_CONTEXT)
    statuses = await asyncio.gather(*(login(central.url, "NAT-GUARD", f"guess-{n}") for n in range(30)))
    checked = statuses.count(401)
    assert checked <= 5 + 1, statuses  # the address's 5 free tries, then one per hold (1 s)
    assert statuses.count(429) == len(statuses) - checked, statuses


async def test_a_login_given_up_during_its_check_is_judged_and_leaves_no_failure(central, services):
    """The server's handshake time-out may cancel a login while its password is being checked
    (a slow machine): the check still ends, a right password counts as a login (the station is
    let in at once next time), not as a failure that holds its address."""
    from websockets.datastructures import Headers
    from websockets.http11 import Request

    await services.stations.create_station("NAT-SLOW", password=PASSWORD, ctx=SYSTEM_CONTEXT)
    known = services.stations.get("NAT-SLOW")
    auth = "Basic " + base64.b64encode(f"NAT-SLOW:{PASSWORD}".encode()).decode()
    request = Request("/NAT-SLOW", Headers({"Authorization": auth}))
    throttle = central.handshake.auth_throttle
    attempt = asyncio.create_task(central.handshake._check_login(None, known, "NAT-SLOW", "192.0.2.7", request))
    while not throttle.failures(address="192.0.2.7"):  # begun (no await before it): counted until judged
        await asyncio.sleep(0)
    assert not attempt.done()  # its scrypt check takes tens of ms in a worker thread
    attempt.cancel()
    await wait_for(lambda: throttle.failures(address="192.0.2.7") == 0 and throttle.trusted("NAT-SLOW", "192.0.2.7"))
    assert attempt.cancelled()
