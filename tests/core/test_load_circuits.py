"""Issue 17: circuits (a tree), stations on one circuit at most, limits by time of day, the
fallback share, and group admins' domains."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evdesk.core.errors import AccessDenied, NotFound, StaleEdit, ValidationError
from evdesk.core.hardware_rules import ConnectorSpec, EvseSpec
from evdesk.core.load.circuit_rules import (CircuitInput, FallbackNode, Window, fallback_shares, limit_at,
                                            lowest_limit)
from evdesk.core.operators import context_for
from evdesk.core.permissions import NOBODY_CONTEXT, SYSTEM_CONTEXT, OperatorContext


async def test_circuit_tree_round_trip_stations_and_schedules(services):
    sv = services
    site = await sv.circuits.create(SYSTEM_CONTEXT, CircuitInput("Grid connection", 400, reserved_a=50))
    hall = await sv.circuits.create(SYSTEM_CONTEXT, CircuitInput("Hall distribution", 250, parent_id=site.id))
    bay = await sv.circuits.create(SYSTEM_CONTEXT, CircuitInput("Bay 1", 45, phases=1, min_current_a=12,
                                                                 parent_id=hall.id))
    assert (bay.parent_id, bay.phases, bay.min_current_a) == (hall.id, 1, 12)
    assert [c.name for c in await sv.circuits.list(SYSTEM_CONTEXT)] == ["Bay 1", "Grid connection", "Hall distribution"]
    with pytest.raises(ValidationError) as loop:  # fed from a circuit it feeds
        await sv.circuits.update(SYSTEM_CONTEXT, site.id, site.version, CircuitInput("Grid", 400, parent_id=bay.id))
    assert loop.value.field == "parent"
    a = await sv.stations.create_station("CP-A", connectors=1, ctx=SYSTEM_CONTEXT)
    b = await sv.stations.create_station("CP-B", connectors=2, ctx=SYSTEM_CONTEXT)
    details = await sv.station_details.details(SYSTEM_CONTEXT, b.id)
    await sv.station_details.save(SYSTEM_CONTEXT, b.id, details.version, evses=[
        EvseSpec(1, phases=3, phase_rotation="STR", connectors=(ConnectorSpec(1),)),
        EvseSpec(2, phases=1, phase="L3", connectors=(ConnectorSpec(2),))])
    await sv.circuits.put_station(SYSTEM_CONTEXT, bay.id, a.id, 16)
    await sv.circuits.put_station(SYSTEM_CONTEXT, hall.id, b.id, 32, priority=2)
    await sv.circuits.put_station(SYSTEM_CONTEXT, hall.id, b.id, 30, priority=3)  # changed, not doubled
    with pytest.raises(ValidationError) as twice:
        await sv.circuits.put_station(SYSTEM_CONTEXT, hall.id, a.id, 16)
    assert twice.value.field == "station"
    assert str(twice.value) == ("Station CP-A is already on circuit Bay 1: a station can be on one circuit only. "
                                "Take it off there first.")
    assert [(r.identity, r.max_current_a, r.priority) for r in await sv.circuits.stations_on(SYSTEM_CONTEXT, hall.id)] \
        == [("CP-B", 30, 3)]
    await sv.circuits.remove_station(SYSTEM_CONTEXT, a.id)
    await sv.circuits.put_station(SYSTEM_CONTEXT, hall.id, a.id, 16)  # free again
    night = await sv.circuits.add_schedule(SYSTEM_CONTEXT, hall.id, "07:00", "18:00", 100)
    with pytest.raises(ValidationError) as above:
        await sv.circuits.add_schedule(SYSTEM_CONTEXT, hall.id, "22:00", "06:00", 251)
    assert above.value.field == "max_current_a"
    with pytest.raises(ValidationError) as bad_time:
        await sv.circuits.add_schedule(SYSTEM_CONTEXT, hall.id, "24:00", "06:00", 100)
    assert bad_time.value.field == "start"
    site_rows = await sv.circuits.site()
    assert {s.identity: s.circuit_id for s in site_rows.stations} == {"CP-A": hall.id, "CP-B": hall.id}
    assert [(p["evse_id"], p["phases"], p["phase"], p["phase_rotation"]) for p in site_rows.points[b.id]] == \
        [(1, 3, "", "STR"), (2, 1, "L3", "")]
    assert [(s.start_minute, s.end_minute, s.max_current_a) for s in site_rows.schedules] == [(420, 1080, 100)]
    await sv.circuits.delete_schedule(SYSTEM_CONTEXT, night)
    assert await sv.circuits.schedules(SYSTEM_CONTEXT, hall.id) == []
    with pytest.raises(ValidationError, match="Other circuits are fed from this one"):
        await sv.circuits.delete(SYSTEM_CONTEXT, hall.id, hall.version)
    with pytest.raises(StaleEdit):
        await sv.circuits.update(SYSTEM_CONTEXT, bay.id, bay.version + 5, CircuitInput("Bay", 45))
    await sv.circuits.delete(SYSTEM_CONTEXT, bay.id, bay.version)
    with pytest.raises(NotFound):
        await sv.circuits.get(SYSTEM_CONTEXT, bay.id)


@pytest.mark.parametrize("over, field", [
    ({"name": " "}, "name"),
    ({"phases": 2}, "phases"),
    ({"max_current_a": 0}, "max_current_a"),
    ({"max_current_a": "lots"}, "max_current_a"),
    ({"max_current_a": float("nan")}, "max_current_a"),
    ({"reserved_a": 45}, "reserved_a"),
    ({"reserved_a": -1}, "reserved_a"),
    ({"min_current_a": 46}, "min_current_a"),
    ({"min_current_a": 0}, "min_current_a"),
])
async def test_bad_circuits_are_refused_next_to_the_field(services, over, field):
    data = {"name": "Bay", "max_current_a": 45, **over}
    with pytest.raises(ValidationError) as refused:
        await services.circuits.create(SYSTEM_CONTEXT, CircuitInput(**data))
    assert refused.value.field == field


async def test_a_group_admin_manages_only_circuits_and_stations_of_her_subtree(services):
    sv = services
    north = await sv.groups.add(SYSTEM_CONTEXT, "North")
    south = await sv.groups.add(SYSTEM_CONTEXT, "South")
    admin = await sv.operators.create_with_password(SYSTEM_CONTEXT, username="nadia", password="Secret-pass-123",
                                                    role="admin", base_group_id=north.id)
    nadia = context_for(admin, sv.groups.index)
    mine = await sv.stations.create_station("CP-N1", group_id=north.id, ctx=SYSTEM_CONTEXT)
    theirs = await sv.stations.create_station("CP-S1", group_id=south.id, ctx=SYSTEM_CONTEXT)
    site = await sv.circuits.create(SYSTEM_CONTEXT, CircuitInput("Grid", 400))
    south_bay = await sv.circuits.create(SYSTEM_CONTEXT, CircuitInput("South bay", 63, group_id=south.id))
    with pytest.raises(AccessDenied):
        await sv.circuits.create(nadia, CircuitInput("Everywhere", 63))
    with pytest.raises(AccessDenied):
        await sv.circuits.create(nadia, CircuitInput("Theirs", 63, group_id=south.id))
    north_bay = await sv.circuits.create(nadia, CircuitInput("North bay", 63, group_id=north.id, parent_id=site.id))
    assert {c.name for c in await sv.circuits.list(nadia)} == {"Grid", "North bay"}
    with pytest.raises(NotFound):
        await sv.circuits.get(nadia, south_bay.id)
    with pytest.raises(AccessDenied):
        await sv.circuits.update(nadia, site.id, site.version, CircuitInput("Mine", 400))
    await sv.circuits.put_station(nadia, north_bay.id, mine.id, 16)
    with pytest.raises(AccessDenied):
        await sv.circuits.put_station(nadia, north_bay.id, theirs.id, 16)
    with pytest.raises(AccessDenied):
        await sv.circuits.add_schedule(nadia, site.id, "22:00", "06:00", 300)
    basic = OperatorContext(None, "bob", "basic")
    with pytest.raises(AccessDenied):
        await sv.circuits.put_station(basic, site.id, theirs.id, 16)
    assert await sv.circuits.list(NOBODY_CONTEXT) == []


def test_limits_by_time_of_day_lowest_wins_never_above_the_fuse():
    windows = [Window(22 * 60, 6 * 60, 300), Window(7 * 60, 18 * 60, 100), Window(17 * 60, 19 * 60, 80)]
    assert limit_at(250, windows, 23 * 60) == 250  # night window asks 300: the fuse stays 250
    assert limit_at(250, windows, 3 * 60) == 250
    assert limit_at(250, windows, 12 * 60) == 100
    assert limit_at(250, windows, 17 * 60 + 30) == 80
    assert limit_at(250, windows, 6 * 60 + 30) == 250
    assert limit_at(250, [Window(600, 600, 40)], 0) == 40  # equal times: all day
    assert lowest_limit(250, windows) == 80


def test_fallback_share_holds_the_fuse_on_every_node():
    # 45 A circuit, 4 stations: 11.2 A each; the site above it shares 100 A with 6 more stations.
    nodes = [FallbackNode("site", 100), FallbackNode("bay", 45, "site")]
    stations = {f"b{i}": ("bay", 0) for i in range(4)} | {f"s{i}": ("site", 0) for i in range(6)}
    shares = fallback_shares(nodes, stations)
    assert {shares[f"b{i}"] for i in range(4)} == {10.0}  # the site's 100 A / 10 is lower than 45 / 4
    assert {shares[f"s{i}"] for i in range(6)} == {10.0}
    # with a 12 A minimum, 45 A carries 3 stations at 12 A; the fourth keeps 0 A (priority first)
    shares = fallback_shares([FallbackNode("bay", 45, min_a=12)],
                             {"a": ("bay", 0), "b": ("bay", 5), "c": ("bay", 0), "d": ("bay", 0)})
    assert shares == {"a": 12.0, "b": 12.0, "c": 12.0, "d": 0.0}
    assert fallback_shares([FallbackNode("bay", 45, min_a=10)], {f"x{i}": ("bay", 0) for i in range(4)}) == \
        {f"x{i}": 11.2 for i in range(4)}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 400), st.sampled_from([None, 6, 10, 16])), min_size=1, max_size=4),
       st.lists(st.tuples(st.integers(0, 3), st.integers(0, 9)), max_size=60))
def test_fallback_shares_never_add_up_above_any_node(nodes_spec, stations_spec):
    nodes = [FallbackNode("n0", nodes_spec[0][0], None, nodes_spec[0][1])]
    for i, (available, minimum) in enumerate(nodes_spec[1:], start=1):
        nodes.append(FallbackNode(f"n{i}", available, f"n{(i - 1) // 2}", minimum))
    stations = {f"s{j}": (f"n{min(node, len(nodes) - 1)}", prio) for j, (node, prio) in enumerate(stations_spec)}
    shares = fallback_shares(nodes, stations)
    parent = {n.node_id: n.parent_id for n in nodes}
    for node in nodes:
        under = []
        for sid, (leaf, _p) in stations.items():
            n = leaf
            while n is not None and n != node.node_id:
                n = parent[n]
            if n == node.node_id:
                under.append(shares[sid])
        assert sum(under) <= node.available_a + 1e-6
    for sid, (leaf, _p) in stations.items():
        minimum = next(n.min_a for n in nodes if n.node_id == leaf)
        assert shares[sid] == 0 or not minimum or shares[sid] >= minimum
