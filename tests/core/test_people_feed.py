"""The authorization index follows the change feed: rows another seat wrote (through the
store's write path, with that seat's id) are re-read and change the next decision."""

from __future__ import annotations

import pytest

from evdesk.core import events as ev
from evdesk.core.people_types import TokenInput, UserInput
from evdesk.core.permissions import SYSTEM_CONTEXT as ROOT
from evdesk.store import write as w
from evdesk.store.repos import people as repo

OTHER_SEAT = "seat-in-the-depot-office"


async def as_other_seat(services, fn, *args):
    """Write like the shared-database sync does for another seat's change."""
    store = services.store

    def work():
        w.bind_seat(OTHER_SEAT)
        try:
            with store.transaction():
                return fn(*args)
        finally:
            w.bind_seat(store.seat_id)

    result = await store.run(work)
    assert await services.change_feed.poll() > 0
    await services.auth.caught_up()
    return result


@pytest.fixture
async def site(services):
    class Site:
        pass

    s = Site()
    s.group = (await services.groups.add(ROOT, "Depot")).id
    s.station = await services.stations.create_station("CP-1", group_id=s.group, connectors=2, ctx=ROOT)
    s.fleet = await services.people.groups.create(ROOT, "Fleet")
    s.user = await services.people.users.create(ROOT, UserInput("Ann", "Able", user_group_id=s.fleet.id),
                                                [TokenInput("TAG-1")], home_group_id=s.group)
    s.token = s.user.tokens[0]
    s.events = []
    for kind in (ev.TokenChanged, ev.ChargingUserChanged, ev.UserGroupChanged):
        services.bus.subscribe(kind, s.events.append)
    return s


async def decide(services, site, tag="TAG-1"):
    return await services.auth.authorize(site.station, 1, tag, "Authorize", starting=False)


async def test_a_token_blocked_by_another_seat_is_refused(services, site):
    assert (await decide(services, site)).accepted
    await as_other_seat(services, lambda: repo.update_token(site.token.id, None, status="blocked"))
    assert (await decide(services, site)).status == "Blocked"
    assert [e for e in site.events if isinstance(e, ev.TokenChanged)] == [
        ev.TokenChanged(site.token.id, "TAG-1", site.user.id, "blocked", blocked=True)]


async def test_a_right_given_by_another_seat_opens_a_private_station(services, site):
    site.station.access_mode = "private"
    assert (await decide(services, site)).reason == "no access right to this station"
    await as_other_seat(services, repo.set_rights, site.user.id, [site.group], [])
    assert (await decide(services, site)).accepted
    assert ev.ChargingUserChanged(site.user.id) in site.events


async def test_a_user_disabled_by_another_seat_is_blocked(services, site):
    await as_other_seat(services, lambda: repo.update_user(site.user.id, None, status="disabled", disabled_reason="left"))
    assert (await decide(services, site)).reason == "charging user disabled"


async def test_a_user_group_deactivated_by_another_seat_blocks_its_members(services, site):
    await as_other_seat(services, repo.update_user_group, site.fleet.id, None, "Fleet", False, None)
    assert (await decide(services, site)).reason == "user group inactive"
    assert ev.UserGroupChanged(site.fleet.id) in site.events


async def test_deleted_tokens_and_removed_users_are_gone_from_the_index(services, site):
    await as_other_seat(services, repo.delete_token, site.token.id)
    assert (await decide(services, site)).reason == "unknown token"
    assert ev.TokenChanged(site.token.id, "TAG-1", site.user.id, "active", deleted=True) in site.events
    other = await services.people.users.create(ROOT, UserInput("Bob", "Bee"), [TokenInput("TAG-2")])
    assert (await decide(services, site, "TAG-2")).accepted
    await as_other_seat(services, repo.remove_user, other.id)
    assert (await decide(services, site, "TAG-2")).reason == "unknown token"
    assert other.id not in services.auth.index.users


async def test_a_token_moved_by_another_seat_counts_for_its_new_user(services, site):
    bob = await services.people.users.create(ROOT, UserInput("Bob", "Bee"), home_group_id=site.group)
    await as_other_seat(services, lambda: repo.update_token(site.token.id, None, user=bob.id))
    assert (await decide(services, site)).token.user_id == bob.id
    assert services.auth.index.tokens_of(site.user.id) == set()
    assert services.auth.index.tokens_of(bob.id) == {"TAG-1"}
    # both users' rows are announced (the screens show their tokens)
    assert {ev.ChargingUserChanged(site.user.id), ev.ChargingUserChanged(bob.id)} <= set(site.events)


async def test_this_seats_own_writes_are_not_read_twice(services, site):
    await services.people.tokens.set_status(ROOT, site.token.id, "inactive")
    site.events.clear()
    assert await services.change_feed.poll() == 0
    assert site.events == []
