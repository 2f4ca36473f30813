"""Two and three seats of one site on one real PostgreSQL (issue 14): edits travel within a
second, stale edits are refused with the screens' message, concurrent edits are decided by the
written rule and recorded, a token blocked on one seat is refused by another's chargers."""

from __future__ import annotations

import asyncio
import time
from datetime import datetime, timedelta, timezone

import pytest

from evdesk.core import events as ev
from evdesk.core.errors import StaleEdit
from evdesk.core.people_types import TokenInput
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.simulator import ScaledClock, SimulatedStation
from evdesk.store import models as m
from tests.sync.seats import create_station, digests, start_seat
from tests.waiting import wait_for


async def connected(*seats) -> None:
    for seat in seats:
        await wait_for(lambda seat=seat: seat.services.shared_db.status.state == "connected", 15,
                       message=f"seat {seat.name} did not connect to the shared database")


async def caught_up(*seats, timeout: float = 20.0) -> None:
    """Every seat has sent and fetched everything (the same digests everywhere)."""
    found = []

    async def same():
        found[:] = [await asyncio.to_thread(digests, seat.path) for seat in seats]
        return all(d == found[0] for d in found[1:])
    try:
        await wait_for(same, timeout, message="the seats' tables do not agree")
    except AssertionError:
        differ = {t: [d[t] for d in found] for t in found[0] if len({d[t] for d in found}) > 1}
        raise AssertionError(f"the seats' tables do not agree: {differ}") from None


@pytest.fixture
async def two_seats(tmp_path, shared_db):
    cluster, database = shared_db
    a = await start_seat(tmp_path, "A", cluster, database)
    b = await start_seat(tmp_path, "B", cluster, database)
    await connected(a, b)
    yield a, b
    await b.stop()
    await a.stop()


async def test_an_edit_on_one_seat_shows_on_the_other_within_a_second(two_seats):
    a, b = two_seats
    info = await create_station(a, "SYNC-1")
    started = time.monotonic()
    await wait_for(lambda: b.services.stations.get("SYNC-1") is not None, 1.0,
                   message="the new station did not reach seat B's station list within a second")
    created_after = time.monotonic() - started
    changed = await b.services.stations.update_station(info.id, 1, ctx=SYSTEM_CONTEXT, name="Workshop bay")
    started = time.monotonic()
    await wait_for(lambda: a.services.stations.get("SYNC-1").name == "Workshop bay", 1.0,
                   message="seat B's rename did not reach seat A's cache within a second")
    assert created_after < 1.0 and time.monotonic() - started < 1.0
    assert a.services.stations.get("SYNC-1").version == changed.version == 2
    # an editor on A still holding version 1 is told the screens' usual sentence
    with pytest.raises(StaleEdit, match="changed by someone else"):
        await a.services.stations.update_station(info.id, 1, ctx=SYSTEM_CONTEXT, name="Old form")


async def test_a_token_blocked_on_one_seat_is_refused_by_the_others_chargers(two_seats):
    a, b = two_seats
    await create_station(a, "SYNC-AUTH", connectors=1)
    token = await b.services.people.tokens.add(SYSTEM_CONTEXT, TokenInput("CARD-77", "Fleet card"))
    st = SimulatedStation("SYNC-AUTH", a.central.url, connectors=1, clock=ScaledClock(20.0))
    await st.start()
    try:
        await st.wait_accepted(10)
        await wait_for(lambda: a.store.read(lambda: m.Token.alive().where(m.Token.uid == "CARD-77").exists()), 2)
        # A's charger's local authorization list follows B's token edits too
        await wait_for(lambda: st.local_list.get("CARD-77", {}).get("status") == "Accepted", 10,
                       message="seat A's charger did not get seat B's new token in its local list")
        await st.plug_in(1)
        assert await st.present_token(1, "CARD-77"), "seat A refused a token seat B created"
        assert await st.stop_charging(1)
        await st.unplug(1)
        await b.services.people.tokens.set_status(SYSTEM_CONTEXT, token.id, "blocked")
        await wait_for(lambda: a.store.read(
            lambda: m.Token.get(m.Token.uid == "CARD-77").status == "blocked"), 2)
        await wait_for(lambda: st.local_list.get("CARD-77", {}).get("status") != "Accepted", 10,
                       message="seat A's charger kept seat B's blocked token as accepted in its local list")
        await st.plug_in(1)
        assert not await st.present_token(1, "CARD-77"), "seat A let a token blocked on seat B charge"
    finally:
        await st.stop()


async def test_the_same_edit_on_two_seats_at_once_one_wins_and_the_other_is_told(two_seats):
    a, b = two_seats
    info = await create_station(a, "SYNC-BOTH")
    await wait_for(lambda: b.services.stations.get("SYNC-BOTH") is not None, 2)
    # both edit version 1 while they cannot see each other (their sync is stopped: an outage)
    await a.services.shared_db.stop()
    await b.services.shared_db.stop()
    told = {a.name: [], b.name: []}
    for seat in (a, b):
        seat.services.bus.subscribe(ev.SyncConflictsFound, lambda e, seat=seat: told[seat.name].append(e.count))
    await a.services.stations.update_station(info.id, 1, ctx=SYSTEM_CONTEXT, name="Name from A")
    await b.services.stations.update_station(info.id, 1, ctx=SYSTEM_CONTEXT, name="Name from B")
    await a.services.shared_db.start()
    await b.services.shared_db.start()
    await connected(a, b)

    async def same_name():
        one, two = a.services.stations.get("SYNC-BOTH"), b.services.stations.get("SYNC-BOTH")
        return one.name == two.name and one.name in ("Name from A", "Name from B")
    await wait_for(same_name, 10, message="the seats did not settle on one name")
    winner = a.services.stations.get("SYNC-BOTH").name
    loser_seat = b if winner == "Name from A" else a
    # the losing values are recorded, the record reaches both seats' admins
    for seat in (a, b):
        rows = await wait_for(lambda seat=seat: seat.services.shared_db.conflicts(ctx=SYSTEM_CONTEXT), 10)
        assert len(rows) == 1
        assert rows[0]["entity"] == "station" and rows[0]["lost_seat"] == loser_seat.store.seat_id
        assert rows[0]["differences"] == {"name": "Name from A" if winner == "Name from B" else "Name from B"}
        assert "Two seats changed this record" in rows[0]["reason"]
    # the losing seat is told at once (its window shows it), the winning one has nothing to hear
    assert told[loser_seat.name] == [1] and sum(told.values(), []) == [1]


async def test_sessions_from_stations_on_three_seats_reach_every_seat(tmp_path, shared_db):
    cluster, database = shared_db
    seats = [await start_seat(tmp_path, name, cluster, database) for name in ("A", "B", "C")]
    stations = []
    try:
        await connected(*seats)
        await seats[0].services.people.tokens.add(SYSTEM_CONTEXT, TokenInput("TAG-SITE"))
        for seat in seats:
            await create_station(seat, f"ST-{seat.name}", connectors=1)
        await caught_up(*seats)
        for seat in seats:
            st = SimulatedStation(f"ST-{seat.name}", seat.central.url, connectors=1, clock=ScaledClock(60.0))
            await st.start()
            await st.wait_accepted(10)
            stations.append(st)
        for st in stations:
            await st.plug_in(1)
            assert await st.present_token(1, "TAG-SITE")
        await wait_for(lambda: seats[0].store.read(lambda: m.MeterValue.select().count() >= 3), 20)
        for st in stations:
            assert await st.stop_charging(1)
        await caught_up(*seats)
        found = digests(seats[0].path)
        assert found["transaction"][0] == 3
        assert found["meter_value"][0] >= 6 and found["status_event"][0] > 0
        assert found["authorization_attempt"][0] >= 3
        # every seat's hourly aggregates follow the sessions, readings and statuses other seats pulled in
        since = datetime.now(timezone.utc) - timedelta(days=1)
        until = datetime.now(timezone.utc) + timedelta(hours=1)
        figures = []
        for seat in seats:
            points = await seat.services.station_metrics.figures(SYSTEM_CONTEXT, since, until)
            figures.append({(seat.services.stations.get_by_id(f.station_id).identity, f.connector_id):
                            (f.sessions, f.failed, f.energy_wh, f.charging_s, f.plugged_s) for f in points})
        assert figures[1] == figures[0] and figures[2] == figures[0]
        assert sum(f[0] for f in figures[0].values()) == 3 and all(f[2] > 0 for f in figures[0].values())
    finally:
        for st in stations:
            await st.stop()
        for seat in reversed(seats):
            await seat.stop()


async def test_a_command_from_one_seat_reaches_a_station_connected_to_another(two_seats):
    a, b = two_seats
    info = await create_station(a, "SYNC-CMD", connectors=1)
    st = SimulatedStation("SYNC-CMD", a.central.url, connectors=1, clock=ScaledClock(20.0))
    await st.start()
    try:
        await st.wait_accepted(10)
        await wait_for(lambda: b.services.shared_db.seat_serving(info.id) == "A", 5,
                       message="seat B does not know that seat A serves the station")
        assert a.services.shared_db.seat_serving(info.id) == "A"
        # seat B's screens: online (at seat A) in the online colour, not offline
        from evdesk.gui import display
        from evdesk.gui.connection_text import connection_colour, connection_text

        on_b = b.services.stations.get_by_id(info.id)
        assert connection_text(b.services, on_b) == "Online at seat A"
        assert connection_colour(b.services, on_b) == display.CONNECTION_STATE_COLOURS["online"]
        assert connection_text(a.services, a.services.stations.get_by_id(info.id)).endswith("(seat A)")
        result = await b.central.commands.change_availability(info.id, 1, False, ctx=SYSTEM_CONTEXT)
        assert result.outcome == "accepted", result.message
        assert not st.connectors[1].operative, "the station did not get the command"
        # seat A away: the command times out on B with words, and A never sends it later
        b.services.settings.command_timeout = 1
        await a.services.shared_db.stop()
        result = await b.central.commands.change_availability(info.id, 1, True, ctx=SYSTEM_CONTEXT)
        assert result.outcome == "timeout" and "did not answer" in result.message
        await a.services.shared_db.start()
        await connected(a)
        await asyncio.sleep(1.0)
        assert not st.connectors[1].operative, "an expired command was sent when the seat came back"
    finally:
        await st.stop()
