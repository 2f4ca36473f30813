"""Read services: domains, cursors and the reader connection."""

from __future__ import annotations

from datetime import timedelta

import pytest

from evdesk.core.clock import utcnow
from evdesk.core.errors import AccessDenied, NotFound
from evdesk.core.permissions import ADMIN, ANALYST, SYSTEM_CONTEXT, OperatorContext
from evdesk.store import models as m
from evdesk.store.fields import uuid7


def iso(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.fixture
async def site(services):
    """Two groups A and B with a station each; operators limited to A."""
    a = await services.groups.add(SYSTEM_CONTEXT, "A")
    b = await services.groups.add(SYSTEM_CONTEXT, "B")
    st_a = await services.stations.create_station("ST-A", group_id=a.id, connectors=2, ctx=SYSTEM_CONTEXT)
    st_b = await services.stations.create_station("ST-B", group_id=b.id, connectors=2, ctx=SYSTEM_CONTEXT)
    admin_a = OperatorContext(uuid7(), "admin-a", ADMIN, a.id, frozenset({a.id}))
    analyst_a = OperatorContext(uuid7(), "analyst-a", ANALYST, a.id, frozenset({a.id}))
    return services, st_a, st_b, admin_a, analyst_a


async def test_sessions_are_limited_to_the_domain(site):
    services, st_a, st_b, admin_a, analyst_a = site
    t0 = utcnow() - timedelta(hours=1)
    for n, info in enumerate((st_a, st_b, st_a)):
        started = await services.transactions.start(info, 1, f"TAG{n}", 0, iso(t0 + timedelta(minutes=n)))
        await services.transactions.stop(info, started.ocpp_id, 1000 * (n + 1), iso(t0 + timedelta(minutes=n, seconds=30)))
    for ctx in (admin_a, analyst_a):
        page = await services.sessions.page(ctx)
        assert {r.station_identity for r in page.items} == {"ST-A"} and len(page.items) == 2
        with pytest.raises(AccessDenied):
            await services.sessions.page(ctx, station_id=st_b.id)
    everything = await services.sessions.page(SYSTEM_CONTEXT)
    assert [r.station_identity for r in everything.items] == ["ST-A", "ST-B", "ST-A"]  # newest first
    b_session = next(r for r in everything.items if r.station_identity == "ST-B")
    with pytest.raises(NotFound):
        await services.sessions.get(admin_a, b_session.id)  # its existence is not told either
    detail = await services.sessions.get(SYSTEM_CONTEXT, b_session.id)
    assert detail.session.energy_wh == 2000 and detail.session.station_id == st_b.id


async def test_session_cursor_pages_every_row_once(site):
    services, st_a, *_ = site
    t0 = utcnow() - timedelta(days=1)

    def seed():
        rows = [{"id": uuid7(), "ocpp_id": 1000 + n, "station": st_a.id, "connector_id": 1, "id_tag": "X",
                 "state": "completed", "started_at": t0 + timedelta(seconds=n // 3)} for n in range(450)]
        m.Transaction.insert_many(rows).execute()
        return {r["id"] for r in rows}

    ids = await services.store.run(seed)
    seen, cursor = [], None
    while True:
        page = await services.sessions.page(SYSTEM_CONTEXT, cursor=cursor, limit=100)
        seen += [r.id for r in page.items]
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert len(seen) == 450 and set(seen) == ids  # same start times share a page boundary: no gaps, no repeats


async def test_history_checks_the_station_domain(site):
    services, st_a, st_b, admin_a, _ = site
    services.commlog.frame("ST-B", "in", "[2,\"1\",\"Heartbeat\",{}]", 2, "1", "Heartbeat")
    services.commlog.frame("ST-A", "in", "[2,\"2\",\"Heartbeat\",{}]", 2, "2", "Heartbeat")
    await services.batch.flush()
    page = await services.history.comm_log(admin_a, st_a.id)
    assert [r.station_identity for r in page.items] == ["ST-A"]
    with pytest.raises(AccessDenied):
        await services.history.comm_log(admin_a, st_b.id)
    with pytest.raises(AccessDenied):
        await services.history.event_feed(admin_a, st_b.id, utcnow() - timedelta(days=1), utcnow())
    with pytest.raises(AccessDenied):
        await services.history.station_settings(admin_a, st_b.id)
    settings = await services.history.station_settings(admin_a, st_a.id)
    assert settings.identity == "ST-A" and settings.group_id == st_a.group_id
    assert [g.name for g in await services.history.groups(admin_a)] == ["A"]


async def test_reads_run_on_the_reader_connection(site):
    """A long read does not queue in front of the writer (and sees committed rows only)."""
    import threading

    services, st_a, *_ = site
    names = set()

    from evdesk.store.queries import history as q

    original = q.frames

    def spy(*args):
        names.add(threading.current_thread().name)
        return original(*args)

    q.frames = spy
    try:
        await services.history.comm_log(SYSTEM_CONTEXT, st_a.id)
    finally:
        q.frames = original
    assert names and all(n.startswith("evdesk-db-read") for n in names)
