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


async def test_a_station_waiting_for_a_queued_password_check_is_let_in_within_the_open_timeout(services, monkeypatch):
    """In a login storm the first checks queue on their low-priority threads; the handshake waits
    for them up to `OPEN_TIMEOUT` instead of websockets' 10 s default (the mixed-fleet ramp lost
    about 1,100 TLS logins to it). Here the check takes 1.5 s: let in with the open time-out at
    3 s, closed during the handshake at 1 s."""
    from evdesk.csms import server as server_module
    from evdesk.csms.server import CentralSystem

    await services.stations.create_station("SLOW-CHECK", password=PASSWORD, ctx=SYSTEM_CONTEXT)
    real = services.stations.password_workers.verify

    async def queued(password, stored):
        await asyncio.sleep(1.5)
        return await real(password, stored)

    monkeypatch.setattr(services.stations.password_workers, "verify", queued)
    outcomes = []
    for open_timeout in (3.0, 1.0):
        monkeypatch.setattr(server_module, "OPEN_TIMEOUT", open_timeout)
        services.stations._verified.clear()
        central = CentralSystem(services, "127.0.0.1", 0)
        await central.start()
        try:
            outcomes.append(await login(central.url, "SLOW-CHECK", PASSWORD))
        except Exception as exc:  # noqa: BLE001 - the server closed it during the handshake
            outcomes.append(type(exc).__name__)
        finally:
            await central.stop()
    assert outcomes[0] == 101 and outcomes[1] != 101, outcomes
