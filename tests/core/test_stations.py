"""Creating stations with the EV Manager identifier rules, edits, boots."""

from __future__ import annotations

import pytest

from evdesk.core.errors import StaleEdit, ValidationError
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.core.stations import BootGate, validate_identity


@pytest.mark.parametrize("identity", ["EV00000013", "em2-evb200-7", "Depot_A-01"])
def test_valid_identifiers(identity):
    assert validate_identity(identity) == identity


@pytest.mark.parametrize("identity, message", [
    ("", "Invalid charging station identifier."),
    ("CP/01", "Identifier contains forbidden characters."),
    ("CP:01", "Identifier contains forbidden characters."),
    ("CP 01", "Identifier contains forbidden characters."),
    ("Ä-station", "Identifier contains forbidden characters."),
])
def test_forbidden_identifiers_get_the_manual_messages(identity, message):
    with pytest.raises(ValidationError) as err:
        validate_identity(identity)
    assert str(err.value) == message and err.value.field == "identity"


async def test_duplicate_identifier_is_refused(services):
    await services.stations.create_station("CP-1", ctx=SYSTEM_CONTEXT)
    with pytest.raises(ValidationError, match="Charging station already exists for that identifier."):
        await services.stations.create_station("CP-1", ctx=SYSTEM_CONTEXT)


async def test_stale_edit_is_refused(services):
    info = await services.stations.create_station("CP-2", name="Old", ctx=SYSTEM_CONTEXT)
    await services.stations.update_station(info.id, info.version, name="Seat A", ctx=SYSTEM_CONTEXT)
    with pytest.raises(StaleEdit, match="changed by someone else"):
        await services.stations.update_station(info.id, info.version, name="Seat B", ctx=SYSTEM_CONTEXT)
    assert services.stations.get("CP-2").name == "Seat A"


async def test_deleted_station_frees_its_identifier(services):
    info = await services.stations.create_station("CP-3", ctx=SYSTEM_CONTEXT)
    await services.stations.delete_station(info.id, ctx=SYSTEM_CONTEXT)
    assert services.stations.get("CP-3") is None
    again = await services.stations.create_station("CP-3", ctx=SYSTEM_CONTEXT)
    assert again.id != info.id


def test_boot_gate_limits_the_accept_rate():
    gate = BootGate(rate=10, burst=10)
    admitted = sum(gate.admit() for _ in range(100))
    assert 10 <= admitted <= 11


async def test_boot_decisions(services):
    info = await services.stations.create_station("CP-4", ctx=SYSTEM_CONTEXT)
    assert services.stations.decide_boot(info).status == "Accepted"
    pending = await services.stations.create_station("CP-5", registration="pending", ctx=SYSTEM_CONTEXT)
    assert services.stations.decide_boot(pending).status == "Pending"
    services.stations.boot_gate = BootGate(rate=0.001, burst=1)
    assert services.stations.decide_boot(info).status == "Accepted"
    storm = services.stations.decide_boot(info)
    assert storm.status == "Pending"
    assert services.settings.boot_pending_interval_min <= storm.interval <= services.settings.boot_pending_interval_max


def test_boot_storm_retries_get_slots_spread_at_the_accept_rate():
    gate = BootGate(rate=100)
    while gate.admit():
        pass
    waits = [gate.retry_in(1, 600) for _ in range(1000)]
    assert 4 <= sorted(waits)[500] <= 7  # spread evenly, not all at the end
    # 1,000 stations at 100/s: the last one is told to come back after ~10 s, not later than ~12 s
    assert 9 <= max(waits) <= 12
    assert min(waits) <= 2


async def test_dropped_pending_stations_are_purged_by_the_hourly_retention(services):
    """A flood of unknown identities leaves one tombstone per dropped pending station; the hourly
    retention removes those that never had an accepted boot, with their log rows."""
    import asyncio

    from evdesk.core.stations import BootDecision
    from evdesk.store import models as m

    services.settings.max_pending_stations = 2
    first = services.stations.admit("FLOOD-1").station
    await services.stations.persisted(first)
    await services.stations.record_boot(first, {"charge_point_vendor": "X", "charge_point_model": "Y"},
                                        BootDecision("Pending", 60))
    for n in (2, 3):
        await services.stations.persisted(services.stations.admit(f"FLOOD-{n}").station)
    assert services.stations.get("FLOOD-1") is None and services.stations.pending_dropped == 1
    for _ in range(500):  # the drop is written in the background
        if await services.store.read(lambda: m.Station.select().where(
                (m.Station.id == first.id) & m.Station.deleted_at.is_null(False)).exists()):
            break
        await asyncio.sleep(0.01)
    # what must stay: a deleted adopted station, and a deleted pending one that had an accepted boot
    adopted = await services.stations.create_station("KEEP-ADOPTED", ctx=SYSTEM_CONTEXT)
    await services.stations.delete_station(adopted.id, ctx=SYSTEM_CONTEXT)
    booted = await services.stations.create_station("KEEP-BOOTED", registration="pending", ctx=SYSTEM_CONTEXT)
    await services.stations.record_boot(booted, {"charge_point_vendor": "X", "charge_point_model": "Y"},
                                        BootDecision("Accepted", 60))
    await services.stations.delete_station(booted.id, ctx=SYSTEM_CONTEXT)

    assert await services.stations.purge_dropped_pending(older_than=3600) == 0  # too recent still
    assert await services.stations.purge_dropped_pending(older_than=0) == 1
    rows = await services.store.read(lambda: {s.identity.split("~")[0] for s in m.Station.select()})
    assert rows == {"FLOOD-2", "FLOOD-3", "KEEP-ADOPTED", "KEEP-BOOTED"}
    events = await services.store.read(lambda: m.StationEvent.select().where(m.StationEvent.station == first.id).count())
    assert events == 0
    assert services.stations.purge_dropped_pending in services.commlog.hourly
