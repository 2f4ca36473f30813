"""Many stations with the right password logging in at once from one address (a site behind one
router, every charger redialling after evdesk restarted) all get in; guessing stays as slow."""

from __future__ import annotations

import asyncio
import base64

from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from evdesk.core.permissions import SYSTEM_CONTEXT

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
