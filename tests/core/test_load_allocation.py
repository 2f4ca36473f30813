"""Load allocation (digest B9): the digest's vectors, phases and rotation, priorities,
deadlines, admission, unused current, the send threshold, and properties over random cases."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evdesk.core.load.allocation import (CircuitLimit, SessionDemand, allocate, changes_to_send,
                                         needed_current_a)
from evdesk.core.load.phases import grid_phases

ONE = ("L1",)
THREE = ("L1", "L2", "L3")


def sessions(n, circuit="c", phases=ONE, max_a=16.0, **kw):
    return [SessionDemand(f"s{i}", circuit, phases, max_a, arrived=i, **kw) for i in range(n)]


# -- the digest's vectors ---------------------------------------------------------------

@pytest.mark.parametrize("n,expected", [(1, [16.0]), (2, [16.0, 16.0]), (3, [15.0] * 3), (4, [11.2] * 4)])
def test_45a_single_phase_circuit_with_four_16a_stations(n, expected):
    result = allocate([CircuitLimit("c", 45, phases=1)], sessions(n))
    assert [result.limits[f"s{i}"] for i in range(n)] == expected
    assert result.waiting == ()


def test_with_a_12a_minimum_the_fourth_session_waits_at_0a_and_the_others_keep_15a():
    three = allocate([CircuitLimit("c", 45, phases=1, min_a=12)], sessions(3))
    running = [SessionDemand(s.session_id, "c", ONE, 16, arrived=s.arrived, admitted=True,
                             previous_a=three.limits[s.session_id]) for s in sessions(3)]
    newcomer = SessionDemand("s3", "c", ONE, 16, arrived=3)
    result = allocate([CircuitLimit("c", 45, phases=1, min_a=12)], running + [newcomer])
    assert result.limits == {"s0": 15.0, "s1": 15.0, "s2": 15.0, "s3": 0.0}
    assert result.waiting == ("s3",)


def test_the_waiting_session_starts_when_room_frees():
    circuit = CircuitLimit("c", 45, phases=1, min_a=12)
    running = [SessionDemand(f"s{i}", "c", ONE, 16, arrived=i, admitted=True) for i in (1, 2)]
    result = allocate([circuit], running + [SessionDemand("s3", "c", ONE, 16, arrived=3)])
    assert result.waiting == ()
    assert result.limits == {"s1": 15.0, "s2": 15.0, "s3": 15.0}


def test_three_phase_circuit_with_a_three_phase_and_two_single_phase_stations_on_l1():
    circuit = CircuitLimit("c", 32, phases=3)
    demands = [SessionDemand("A", "c", THREE, 16), SessionDemand("B", "c", ("L1",), 16),
               SessionDemand("C", "c", ("L1",), 16)]
    result = allocate([circuit], demands)
    assert result.limits == {"A": 10.6, "B": 10.6, "C": 10.6}
    load = result.load()
    assert load[("c", "L1")] == pytest.approx(31.8)
    assert load[("c", "L2")] == load[("c", "L3")] == pytest.approx(10.6)


# -- phases and rotation ----------------------------------------------------------------

def test_rotation_maps_the_point_phases_to_grid_phases():
    assert grid_phases(3, rotation="STR", car_phases=1) == ("L2",)
    assert grid_phases(3, rotation="RST", car_phases=1) == ("L1",)
    assert grid_phases(3, rotation="", car_phases=1, car_point_phase="L2") == ("L2",)
    assert grid_phases(3, rotation="TSR", car_phases=1, car_point_phase="L3") == ("L1",)
    assert grid_phases(3, rotation="TRS", car_phases=3) == THREE
    assert grid_phases(1, connected_phase="L3") == ("L3",)
    assert grid_phases(1) == ("L1",)
    with pytest.raises(ValueError):
        grid_phases(3, rotation="XYZ")


def test_rotated_single_phase_cars_spread_over_the_grid_phases():
    # Three single-phase cars on three-phase points rotated RST, STR, TRS: one per grid phase,
    # so each gets its full 16 A on a 20 A circuit; all on RST would share L1.
    circuit = CircuitLimit("c", 20)
    spread = [SessionDemand(f"s{r}", "c", grid_phases(3, rotation=r, car_phases=1), 16) for r in ("RST", "STR", "TRS")]
    assert set(allocate([circuit], spread).limits.values()) == {16.0}
    same = [SessionDemand(f"s{i}", "c", grid_phases(3, rotation="RST", car_phases=1), 16) for i in range(3)]
    assert set(allocate([circuit], same).limits.values()) == {6.6}


def test_reserved_current_and_the_parent_circuit_limit():
    site = CircuitLimit("site", 40, reserved_a=10)
    a = CircuitLimit("a", 32, parent_id="site")
    b = CircuitLimit("b", 32, parent_id="site")
    demands = [SessionDemand("x", "a", THREE, 32), SessionDemand("y", "b", THREE, 32)]
    assert allocate([site, a, b], demands).limits == {"x": 15.0, "y": 15.0}


# -- priorities and deadlines --------------------------------------------------------------

def test_station_priority_then_user_group_priority_fill_first():
    circuit = CircuitLimit("c", 40, phases=1)
    demands = [SessionDemand("low", "c", ONE, 32), SessionDemand("high", "c", ONE, 32, station_priority=1),
               SessionDemand("group", "c", ONE, 32, group_priority=1)]
    assert allocate([circuit], demands).limits == {"high": 32.0, "group": 8.0, "low": 0.0}


def test_a_vehicle_that_must_leave_gets_what_it_needs_then_the_rest_is_shared():
    # 22 kWh in 2 h on a single phase = 47.8 A... capped at 32; with 11 kWh in 4 h: 11.9 A.
    need = needed_current_a(11_000, 4 * 3600, phases=1)
    assert need == pytest.approx(11.956, abs=1e-3)
    circuit = CircuitLimit("c", 30, phases=1)
    demands = [SessionDemand("bus", "c", ONE, 32, needed_a=20.0, departure=100),
               SessionDemand("car", "c", ONE, 32), SessionDemand("van", "c", ONE, 32)]
    assert allocate([circuit], demands).limits == {"bus": 20.0, "car": 5.0, "van": 5.0}
    assert needed_current_a(1000, 0, phases=3) == float("inf")


def test_priorities_keep_everyone_at_the_minimum_first():
    circuit = CircuitLimit("c", 40, phases=1, min_a=6)
    demands = [SessionDemand("low", "c", ONE, 32, admitted=True), SessionDemand("high", "c", ONE, 32, station_priority=5)]
    assert allocate([circuit], demands).limits == {"high": 32.0, "low": 8.0}


def test_a_lowered_limit_puts_the_last_admitted_sessions_back_to_wait():
    circuit = CircuitLimit("c", 30, phases=1, min_a=12)
    running = [SessionDemand(f"s{i}", "c", ONE, 16, arrived=i, admitted=True) for i in range(3)]
    result = allocate([circuit], running)
    assert result.waiting == ("s2",)
    assert result.limits == {"s0": 15.0, "s1": 15.0, "s2": 0.0}


# -- unused current ------------------------------------------------------------------------

def test_current_a_car_does_not_draw_goes_to_the_others_and_comes_back_when_it_ramps_up():
    circuit = CircuitLimit("c", 40, phases=1)
    lazy = SessionDemand("lazy", "c", ONE, 32, previous_a=20, drawn_a=5)
    busy = SessionDemand("busy", "c", ONE, 32, previous_a=20, drawn_a=20)
    first = allocate([circuit], [lazy, busy])
    assert first.limits == {"lazy": 7.0, "busy": 32.0}
    steady = allocate([circuit], [SessionDemand("lazy", "c", ONE, 32, previous_a=7, drawn_a=5),
                                  SessionDemand("busy", "c", ONE, 32, previous_a=32, drawn_a=31.5)])
    assert steady.limits == first.limits
    ramped = allocate([circuit], [SessionDemand("lazy", "c", ONE, 32, previous_a=7, drawn_a=6.8),
                                  SessionDemand("busy", "c", ONE, 32, previous_a=32, drawn_a=31.5)])
    assert ramped.limits == {"lazy": 20.0, "busy": 20.0}


# -- changes sent ----------------------------------------------------------------------------

def test_small_changes_are_not_sent_and_decreases_go_first():
    circuit = CircuitLimit("c", 45, phases=1)
    result = allocate([circuit], sessions(4))
    assert [c.session_id for c in changes_to_send(result, {})] == ["s0", "s1", "s2", "s3"]
    assert changes_to_send(result, {"s0": 11.5, "s1": 11.2, "s2": 11.2, "s3": 11.0}) == []
    changes = changes_to_send(result, {"s0": 16.0, "s1": 10.0, "s2": 11.2, "s3": 0.0})
    assert [(c.session_id, c.limit_a) for c in changes] == [("s0", 11.2), ("s1", 11.2), ("s3", 11.2)]


def test_small_decreases_are_sent_when_skipping_them_would_overshoot():
    circuit = CircuitLimit("c", 45, phases=1)
    result = allocate([circuit], sessions(4))  # 11.2 each
    sent = {"s0": 11.5, "s1": 11.5, "s2": 11.5, "s3": 10.0}   # 44.5 in force; s3 rises to 11.2
    changes = changes_to_send(result, sent)
    assert [(c.session_id, c.limit_a) for c in changes] == [("s0", 11.2), ("s1", 11.2), ("s2", 11.2), ("s3", 11.2)]


# -- properties ------------------------------------------------------------------------------

phase_sets = st.sampled_from([("L1",), ("L2",), ("L3",), THREE])


@st.composite
def cases(draw):
    site = CircuitLimit("site", draw(st.integers(0, 400)), reserved_a=draw(st.integers(0, 50)))
    subs = [CircuitLimit(f"c{i}", draw(st.integers(0, 200)), phases=draw(st.sampled_from([1, 3])),
                         min_a=draw(st.sampled_from([None, 6, 8, 12])), parent_id="site") for i in range(draw(st.integers(1, 3)))]
    demands = []
    for i in range(draw(st.integers(0, 30))):
        demands.append(SessionDemand(
            f"s{i:02}", draw(st.sampled_from(subs)).circuit_id, draw(phase_sets), draw(st.integers(0, 63)),
            arrived=draw(st.integers(0, 5)), admitted=draw(st.booleans()),
            station_priority=draw(st.integers(0, 2)), group_priority=draw(st.integers(0, 2)),
            needed_a=draw(st.one_of(st.none(), st.floats(0, 80))),
            drawn_a=draw(st.one_of(st.none(), st.floats(0, 64))), previous_a=draw(st.one_of(st.none(), st.floats(0, 64)))))
    return [site] + subs, demands


@settings(max_examples=300, deadline=None)
@given(cases())
def test_never_above_a_limit_never_below_the_minimum_and_deterministic(case):
    circuits, demands = case
    result = allocate(circuits, demands)
    for key, load in result.load().items():
        assert load <= result.capacity[key] + 1e-6, key
    by_id = {c.circuit_id: c for c in circuits}
    for d in demands:
        limit = result.limits[d.session_id]
        assert 0 <= limit <= max(0, d.max_a)
        if d.session_id in result.waiting:
            assert limit == 0
        else:
            minimum = by_id[d.circuit_id].min_a or 0
            assert limit >= min(minimum, d.max_a) - 1e-6
    assert allocate(circuits, list(reversed(demands))).limits == result.limits


@settings(max_examples=200, deadline=None)
@given(cases())
def test_no_capacity_is_left_while_a_session_could_take_more(case):
    """Max-min fairness leaves nothing idle: every admitted session below its cap has a full
    constraint (within the 0.1 A rounding of each session on it)."""
    circuits, demands = case
    demands = [SessionDemand(d.session_id, d.circuit_id, d.grid_phases, d.max_a, station_priority=d.station_priority)
               for d in demands]
    result = allocate(circuits, demands)
    load = result.load()
    for d in demands:
        if d.session_id in result.waiting or result.limits[d.session_id] >= d.max_a - 0.1:
            continue
        keys = [k for k, sids in result.members.items() if d.session_id in sids]
        assert any(result.capacity[k] - load[k] <= 0.1 * len(result.members[k]) + 1e-6 for k in keys)


@settings(max_examples=200, deadline=None)
@given(cases(), st.dictionaries(st.sampled_from([f"s{i:02}" for i in range(30)]), st.floats(0, 64)))
def test_limits_in_force_after_the_changes_never_overshoot_if_they_did_not_before(case, sent):
    circuits, demands = case
    result = allocate(circuits, demands)
    sent = {k: v for k, v in sent.items() if k in result.limits}
    before = result.load(sent)
    in_force = dict(sent)
    for change in changes_to_send(result, sent):
        in_force[change.session_id] = change.limit_a
    after = result.load({**result.limits, **in_force})
    for key in after:
        if before[key] <= result.capacity[key]:
            assert after[key] <= result.capacity[key] + 1e-6
