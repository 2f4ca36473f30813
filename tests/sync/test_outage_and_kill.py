"""The shared database goes away and a seat is killed: nothing lost, nothing counted twice (issue 14).

* PostgreSQL stopped (pg_ctl stop) under load: the seats keep serving their stations and say the
  shared database is unreachable; after it is started again they catch up, and every seat and the
  shared database hold the same sessions, meter readings, status events and authorizations
  (counts and a checksum per table; no row twice in the shared log).
* A real `evdesk --headless` seat is killed with SIGKILL while its stations' readings are being
  sent, started again: it resumes where it stopped, again with nothing lost and nothing twice.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

import psycopg

from evdesk.core.people_types import TokenInput
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.simulator import ScaledClock, SimulatedStation
from evdesk.store import models as m
from tests.sync.seats import configure, create_station, digests, start_seat
from tests.sync.test_two_seats import caught_up, connected
from tests.waiting import wait_for

ROOT = Path(__file__).resolve().parents[2]
APPEND_ONLY = ("meter_value", "status_event", "authorization_attempt")


def shared_counts(cluster, database: str) -> dict[str, tuple[int, int]]:
    """Per append-only table: (entries in the shared log, distinct rows): equal when nothing is twice."""
    with psycopg.connect(host="127.0.0.1", port=cluster.port, user=cluster.user, dbname=database) as conn:
        rows = conn.execute("SELECT entity, COUNT(*), COUNT(DISTINCT row_id) FROM sync_change "
                            "WHERE entity = ANY(%s) GROUP BY entity", (list(APPEND_ONLY),)).fetchall()
        twice = conn.execute("SELECT COUNT(*) FROM (SELECT 1 FROM sync_change GROUP BY seat, origin_seq "
                             "HAVING COUNT(*) > 1) AS t").fetchone()[0]
    assert twice == 0
    return {entity: (count, distinct) for entity, count, distinct in rows}


async def test_postgresql_stopped_and_started_seats_serve_on_then_catch_up(tmp_path, own_pg_cluster):
    cluster = own_pg_cluster
    database = cluster.create_database()
    a = await start_seat(tmp_path, "A", cluster, database)
    b = await start_seat(tmp_path, "B", cluster, database)
    stations = []
    try:
        await connected(a, b)
        for seat in (a, b):
            for connector in (1, 2):
                await a.services.people.tokens.add(SYSTEM_CONTEXT, TokenInput(f"TAG-{seat.name}{connector}"))
        for seat in (a, b):
            await create_station(seat, f"OUT-{seat.name}", connectors=2)
        await caught_up(a, b)
        for seat in (a, b):
            st = SimulatedStation(f"OUT-{seat.name}", seat.central.url, connectors=2, clock=ScaledClock(60.0))
            await st.start()
            await st.wait_accepted(10)
            stations.append(st)
            await st.plug_in(1)
            assert await st.present_token(1, f"TAG-{seat.name}1")

        await asyncio.to_thread(cluster.stop)
        await wait_for(lambda: a.services.shared_db.status.state == "unreachable"
                       and b.services.shared_db.status.state == "unreachable", 15)
        # the seats go on serving: new sessions start and readings are stored while the database is away
        readings = await a.store.read(lambda: m.MeterValue.select().count())
        for seat, st in zip((a, b), stations):
            await st.plug_in(2)
            assert await st.present_token(2, f"TAG-{seat.name}2"), "a seat stopped serving while the shared database was down"
        await wait_for(lambda: a.store.read(lambda: m.MeterValue.select().count() > readings + 4), 20)
        for st in stations:
            assert await st.stop_charging(1)

        await asyncio.to_thread(cluster.start)
        await connected(a, b)
        for st in stations:
            assert await st.stop_charging(2)
        await caught_up(a, b, timeout=60)
        found = digests(a.path)
        assert found["transaction"][0] == 4 and found["meter_value"][0] > 8
        for entity, (count, distinct) in shared_counts(cluster, database).items():
            assert count == distinct == found[entity][0], entity
        assert a.engine.counters.reconnects >= 1 and b.engine.counters.reconnects >= 1
    finally:
        for st in stations:
            await st.stop()
        await b.stop()
        await a.stop()


def start_headless(data_dir: Path, port: int) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-m", "evdesk", "--headless", "--no-api", "--data-dir", str(data_dir), "--port", str(port),
         "--host", "127.0.0.1", "--log-level", "WARNING"], cwd=ROOT, stdout=subprocess.DEVNULL,
        stderr=open(data_dir / "stderr.txt", "ab"), env={**os.environ, "PYTHON_KEYRING_BACKEND":
                                                           "keyring.backends.null.Keyring"})
    return proc


async def test_a_headless_seat_killed_while_syncing_resumes_with_nothing_lost_or_twice(tmp_path, shared_db):
    from tests.pg import _free_port

    cluster, database = shared_db
    a = await start_seat(tmp_path, "A", cluster, database)
    folder = tmp_path / "headless"
    folder.mkdir()
    configure(folder / "evdesk.db", cluster.settings(database, "Headless"))
    port = _free_port()
    proc = start_headless(folder, port)
    st = None
    try:
        await connected(a)
        for connector in (1, 2):
            await a.services.people.tokens.add(SYSTEM_CONTEXT, TokenInput(f"TAG-KILL{connector}"))
        await create_station(a, "KILL-1", connectors=2)
        # the headless seat takes the site: the station and the token reach its own store
        await caught_up(a, type("H", (), {"path": folder / "evdesk.db", "name": "H"}), timeout=60)
        st = SimulatedStation("KILL-1", f"ws://127.0.0.1:{port}", connectors=2, clock=ScaledClock(120.0))
        await st.start(wait=30)
        await st.wait_accepted(30)
        for connector in (1, 2):
            await st.plug_in(connector)
            assert await st.present_token(connector, f"TAG-KILL{connector}")
        for _round in range(3):
            await wait_for(lambda: a.store.read(lambda: m.MeterValue.select().count() > 3), 30)
            await asyncio.sleep(0.3 + 0.4 * _round)  # a moment inside the stream of readings being sent
            proc.send_signal(signal.SIGKILL)
            proc.wait(10)
            proc = start_headless(folder, port)
            await st.go_online(60)
        for connector in (1, 2):
            assert await st.stop_charging(connector)
        await caught_up(a, type("H", (), {"path": folder / "evdesk.db", "name": "H"}), timeout=60)
        found = digests(a.path)
        assert found["transaction"][0] == 2 and found["meter_value"][0] > 3
        for entity, (count, distinct) in shared_counts(cluster, database).items():
            assert count == distinct == found[entity][0], entity
    finally:
        if st is not None:
            await st.stop()
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
        await a.stop()
