"""Issue 17: the load planner — sessions on circuits become TxProfile changes and fallback
TxDefaultProfiles; schedules apply; the limit-not-applied check."""

from __future__ import annotations

from uuid import uuid4

from evdesk.core.load.circuits import CircuitRow, CircuitStationRow, LoadSite, ScheduleRow
from evdesk.core.load.controller import LEASE_SECONDS, RENEW_SECONDS, DefaultLimit, LoadPlanner, lease_end

NOW = 1_800_000_000.0  # a beat: lease_end(NOW) = NOW + LEASE_SECONDS


def site_with(n_stations=4, max_a=45.0, min_a=None, phases=1, schedules=()):
    circuit = CircuitRow(uuid4(), 1, "Bay", None, phases, max_a, 0.0, min_a, None)
    stations = [CircuitStationRow(circuit.id, uuid4(), f"CP-{i}", 16.0, 0, None) for i in range(n_stations)]
    points = {s.station_id: [{"evse_id": 1, "phases": 1, "phase": "L1", "phase_rotation": ""}] for s in stations}
    rows = [ScheduleRow(uuid4(), circuit.id, *w) for w in schedules]
    return LoadSite([circuit], stations, rows, points), stations


def test_sessions_get_their_share_and_only_changes_are_sent():
    site, stations = site_with()
    planner = LoadPlanner()
    for i, s in enumerate(stations[:3]):
        planner.started(s.station_id, 1, uuid4(), 100 + i, at=i)
    first = planner.plan(site, 12 * 60, NOW)
    assert sorted(c.limit_a for c in first.changes) == [15.0, 15.0, 15.0]
    # the three busy points keep their share (after their lease); the idle one gets what is left
    # beside the three 15 A limits: nothing (a car there while evdesk is down would overload the 45 A),
    # and its own share once the last lease ended
    assert first.fallback[(stations[3].station_id, 1)] == DefaultLimit(0.0, 11.2, NOW + LEASE_SECONDS)
    assert [first.fallback[(s.station_id, 1)] for s in stations[:3]] == [DefaultLimit(11.2)] * 3
    for c in first.changes:
        planner.accepted(c.station_id, c.connector_id, c.limit_a, at=NOW)
    for (station, connector), default in first.fallback.items():
        planner.fallback_sent(station, connector, default)
    again = planner.plan(site, 12 * 60, NOW + 60)
    assert again.changes == [] and again.fallback == {}
    planner.started(stations[3].station_id, 1, uuid4(), 104, at=4)
    fourth = planner.plan(site, 12 * 60, NOW + 120)
    # the newcomer's first limit replaces its point's default in force (0 A): "previous" is that
    assert [(c.limit_a, c.previous_a) for c in fourth.changes] == [(11.2, 15.0)] * 3 + [(11.2, 0.0)]
    assert fourth.fallback == {(stations[3].station_id, 1): DefaultLimit(11.2)}  # busy now: its own share again
    assert fourth.cpu_ms >= 0


def test_idle_points_default_profiles_fit_beside_the_leases_in_force():
    """evdesk down, leases still running: every session keeps its limit in force, and a car arriving
    at an idle point starts on that point's default profile. Together they stay within the circuit,
    and the shares (what holds once the leases ran out) stay within it too."""
    site, stations = site_with(n_stations=6, max_a=48.0)
    planner = LoadPlanner()
    for i, s in enumerate(stations[:2]):
        planner.started(s.station_id, 1, uuid4(), 200 + i, at=i)
    plan = planner.plan(site, 12 * 60, NOW)
    for c in plan.changes:
        planner.accepted(c.station_id, c.connector_id, c.limit_a, at=NOW)
    leased = sum(c.limit_a for c in plan.changes)
    idle = [plan.fallback[(s.station_id, 1)] for s in stations[2:]]
    busy = [plan.fallback[(s.station_id, 1)] for s in stations[:2]]
    assert leased == 32.0  # two sessions at their stations' 16 A
    # while the leases run: the idle points share what is left, not wasted
    assert leased + sum(d.at(NOW) for d in idle) <= 48.0 and sum(d.at(NOW) for d in idle) > 0
    assert [d.at(NOW) for d in idle] == [4.0] * 4
    # no lease outlives the step, and after it every point is on its whole share, within the circuit
    last_lease = max(s.lease_until for s in planner.sessions.values())
    assert all(d.until == last_lease for d in idle)
    assert sum(d.at(last_lease) for d in busy + idle) <= 48.0
    assert [d.at(last_lease) for d in idle] == [8.0] * 4  # 48 A over six points


def test_the_idle_points_step_moves_with_every_beat_of_renewals():
    """The leases end on a common beat; each beat's renewals extend them, and the idle points'
    default (its step at the lease end) goes out again with them, never later than they do."""
    site, stations = site_with(n_stations=3, max_a=32.0)
    planner = LoadPlanner()
    busy, idle = stations[0].station_id, [(s.station_id, 1) for s in stations[1:]]
    planner.started(busy, 1, uuid4(), 1, at=0)
    start = NOW + 100  # between beats: the lease runs to the second beat after
    plan = planner.plan(site, 0, start)
    assert lease_end(start) == NOW + 2 * RENEW_SECONDS
    planner.accepted(busy, 1, plan.changes[0].limit_a, at=start)
    assert [plan.fallback[p] for p in idle] == [DefaultLimit(8.0, 10.6, NOW + 2 * RENEW_SECONDS)] * 2
    for point, default in plan.fallback.items():
        planner.fallback_sent(*point, default)
    assert planner.plan(site, 0, NOW + RENEW_SECONDS - 1).fallback == {}  # nothing new within the beat
    later = NOW + RENEW_SECONDS + 30  # the next beat: the lease is renewed, and the step moves with it
    plan = planner.plan(site, 0, later)
    assert [c.station_id for c in planner.renewals(later, plan.changes)] == [busy]
    assert plan.fallback == {p: DefaultLimit(8.0, 10.6, NOW + 3 * RENEW_SECONDS) for p in idle}
    planner.ended(busy, 1)
    plan = planner.plan(site, 0, later + 10)
    assert [plan.fallback[p] for p in idle] == [DefaultLimit(10.6)] * 2  # no session: the whole share, no step


def test_a_newcomer_waits_at_0a_under_the_minimum_and_starts_when_one_leaves():
    site, stations = site_with(min_a=12)
    planner = LoadPlanner()
    for i, s in enumerate(stations):
        planner.started(s.station_id, 1, uuid4(), i, at=i)
        plan = planner.plan(site, 0)
        for c in plan.changes:
            planner.accepted(c.station_id, c.connector_id, c.limit_a)
    assert plan.allocation.waiting == (f"{stations[3].station_id}:1",)
    assert [c.limit_a for c in plan.changes] == [0.0]
    planner.ended(stations[0].station_id, 1)
    plan = planner.plan(site, 0)
    assert plan.allocation.waiting == ()
    assert plan.allocation.limits[f"{stations[3].station_id}:1"] == 15.0


def test_the_schedule_of_the_hour_applies_and_the_fallback_takes_the_lowest():
    site, stations = site_with(n_stations=2, max_a=40, schedules=[(7 * 60, 18 * 60, 20.0)])
    planner = LoadPlanner()
    for i, s in enumerate(stations):
        planner.started(s.station_id, 1, uuid4(), i, at=i)
    day = planner.plan(site, 12 * 60)
    assert sorted(day.allocation.limits.values()) == [10.0, 10.0]
    assert set(day.fallback.values()) == {DefaultLimit(10.0)}
    night = planner.plan(site, 23 * 60)
    assert sorted(night.allocation.limits.values()) == [16.0, 16.0]


def test_a_station_drawing_over_its_limit_twice_is_flagged_once():
    site, stations = site_with(n_stations=1)
    planner = LoadPlanner()
    s = stations[0].station_id
    planner.started(s, 1, uuid4(), 1, at=0)
    assert planner.measured(s, 1, 30.0) is None  # no limit in force yet
    planner.accepted(s, 1, 16.0)
    assert planner.measured(s, 1, 17.5) is None  # within 10 %
    assert planner.measured(s, 1, 18.0) is None  # first reading over
    flag = planner.measured(s, 1, 18.2)
    assert flag is not None and (flag.limit_a, flag.drawn_a) == (16.0, 18.2)
    assert planner.measured(s, 1, 19.0) is None  # flagged once
    assert planner.measured(s, 1, 15.0) is None  # obeys again
    assert planner.measured(s, 1, 18.0) is None
    assert planner.measured(s, 1, 18.0) is not None


def test_a_single_phase_car_on_a_rotated_three_phase_point_moves_to_its_grid_phase():
    circuit = CircuitRow(uuid4(), 1, "Bay", None, 3, 20.0, 0.0, None, None)
    stations = [CircuitStationRow(circuit.id, uuid4(), f"CP-{i}", 16.0, 0, None) for i in range(3)]
    points = {s.station_id: [{"evse_id": 1, "phases": 3, "phase": "", "phase_rotation": r}]
              for s, r in zip(stations, ("RST", "STR", "TRS"))}
    site = LoadSite([circuit], stations, [], points)
    planner = LoadPlanner()
    for i, s in enumerate(stations):
        planner.started(s.station_id, 1, uuid4(), i, at=i)
    assert set(planner.plan(site, 0).allocation.limits.values()) == {6.6}  # three-phase cars share all phases
    for s in stations:
        planner.measured(s.station_id, 1, 6.0, phases_seen=1)
    assert set(planner.plan(site, 0).allocation.limits.values()) == {16.0}  # one per grid phase


def test_limits_are_leased_to_the_second_beat_and_renewed_at_the_one_before():
    site, stations = site_with(n_stations=1)
    planner = LoadPlanner()
    s = stations[0].station_id
    planner.started(s, 1, uuid4(), 7, at=0)
    plan = planner.plan(site, 0, NOW + 100)
    planner.accepted(s, 1, plan.changes[0].limit_a, at=NOW + 100)
    assert planner.sessions[(s, 1)].lease_until == NOW + LEASE_SECONDS  # 800 s: the second beat after
    assert planner.renewals(NOW + RENEW_SECONDS - 1) == []
    due = planner.renewals(NOW + RENEW_SECONDS + 1)
    assert [(c.ocpp_id, c.limit_a) for c in due] == [(7, 16.0)]
    assert planner.renewals(NOW + LEASE_SECONDS, changing=due) == []
    # a lease is never shorter than half a lease, nor longer than a whole one
    assert lease_end(NOW + RENEW_SECONDS - 1) - (NOW + RENEW_SECONDS - 1) == RENEW_SECONDS + 1
    assert lease_end(NOW) - NOW == LEASE_SECONDS


def test_an_idle_points_default_goes_out_as_an_absolute_schedule_with_its_step():
    from datetime import datetime, timezone

    from evdesk.csms.load_control import default_profile

    now = datetime.fromtimestamp(NOW + 100.4, timezone.utc)
    stepped = default_profile(DefaultLimit(8.0, 10.6, NOW + 2 * RENEW_SECONDS), now)
    schedule = stepped["chargingSchedule"]
    assert stepped["chargingProfileKind"] == "Absolute" and stepped["chargingProfilePurpose"] == "TxDefaultProfile"
    assert schedule["startSchedule"] == now.isoformat().replace("+00:00", "Z") and "duration" not in schedule
    # the step at the lease end, rounded up: never before the last lease ends
    assert schedule["chargingSchedulePeriod"] == [{"startPeriod": 0, "limit": 8.0}, {"startPeriod": 800, "limit": 10.6}]
    one = default_profile(DefaultLimit(8.0, 10.6, NOW + 2 * RENEW_SECONDS), now, single_period=True)
    assert one["chargingProfileKind"] == "Relative" and one["chargingSchedule"]["chargingSchedulePeriod"] == [
        {"startPeriod": 0, "limit": 8.0}]
    plain = default_profile(DefaultLimit(10.6), now)
    assert plain["chargingProfileKind"] == "Relative" and "startSchedule" not in plain["chargingSchedule"]
    late = default_profile(DefaultLimit(8.0, 10.6, NOW), now)  # sent after its step: the share alone
    assert late["chargingSchedule"]["chargingSchedulePeriod"] == [{"startPeriod": 0, "limit": 10.6}]
    from evdesk.csms.load_control import profile

    lease = profile("TxProfile", 1701, 1, 16.0, 7, lease_from=now, lease_until=lease_end(now.timestamp()))
    assert lease["chargingProfileKind"] == "Absolute" and lease["chargingSchedule"]["duration"] == 799  # rounded down


async def test_a_lease_sent_after_a_beat_passed_still_ends_at_the_planned_step():
    """The round's messages travel for a while; a TxProfile that leaves after a beat passed must still
    end where the plan put the idle points' step, not a beat later."""
    from datetime import datetime, timezone
    from types import SimpleNamespace

    from evdesk.csms.load_control import LoadControl

    planned = NOW + RENEW_SECONDS - 0.5  # just before a beat
    sent = datetime.fromtimestamp(NOW + RENEW_SECONDS + 2, timezone.utc)  # it leaves after the beat
    bodies, accepted = [], []
    control = LoadControl.__new__(LoadControl)
    control.clock = lambda: sent
    control.messages_sent = 0
    control._checks = set()

    async def set_charging_profile(station_id, connector_id, body, **_):
        bodies.append(body)
        return SimpleNamespace(ok=True)

    control.commands = SimpleNamespace(is_connected=lambda _s: True, set_charging_profile=set_charging_profile)
    control.services = SimpleNamespace(compat=SimpleNamespace(switches=lambda _s: SimpleNamespace(smart_charging=False)))
    control.planner = SimpleNamespace(accepted=lambda *args: accepted.append(args))
    change = SimpleNamespace(station_id="S", connector_id=1, ocpp_id=7, limit_a=16.0)
    await control._send_tx(change, planned)
    step = lease_end(planned)
    assert step == NOW + LEASE_SECONDS
    assert sent.timestamp() + bodies[0]["chargingSchedule"]["duration"] <= step  # ends by the step
    assert accepted == [("S", 1, 16.0, planned)]
