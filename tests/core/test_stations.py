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
