"""A car's phase count comes from the station's per-phase currents: a single-phase car on a
three-phase charging point counts on one phase in load management, and on three again when it
draws on three."""

from __future__ import annotations

from datetime import datetime, timezone
from uuid import uuid4

from evdesk.core.load.controller import LoadPlanner
from evdesk.core.metering import parse_meter_values, phases_drawing

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)


def reading(*currents, phase_names=("L1", "L2", "L3")):
    values = [{"value": str(a), "measurand": "Current.Import", "phase": p, "unit": "A"}
              for a, p in zip(currents, phase_names)]
    return parse_meter_values([{"timestamp": "2026-11-30T12:00:00Z", "sampledValue": values}], NOW)[0]


def test_the_phases_a_car_draws_on_are_told_from_all_three_currents_only():
    assert phases_drawing(reading(15.8, 0.0, 0.2)) == 1
    assert phases_drawing(reading(15.8, 15.9, 16.0)) == 3
    assert phases_drawing(reading(9.0, 8.8, 0.0)) == 3  # two phases: counted on three (the safe side)
    assert phases_drawing(reading(15.8, 0.0, 0.0, phase_names=("L1-N", "L2-N", "L3-N"))) == 1
    assert phases_drawing(reading(15.8, 0.0)) is None  # L3 not reported: cannot tell
    assert phases_drawing(reading(0.0, 0.0, 0.0)) is None  # not drawing: cannot tell
    untagged = parse_meter_values([{"timestamp": "2026-11-30T12:00:00Z", "sampledValue": [
        {"value": "16", "measurand": "Current.Import", "unit": "A"}]}], NOW)[0]
    assert phases_drawing(untagged) is None


def test_the_planner_counts_a_car_on_the_phases_it_was_seen_on():
    planner = LoadPlanner()
    station = uuid4()
    planner.started(station, 1, uuid4(), 7, NOW.timestamp())
    session = planner.sessions[(station, 1)]
    assert session.car_phases == 3  # unknown: the safe side
    planner.measured(station, 1, 15.8, phases_drawing(reading(15.8, 0.0, 0.0)))
    assert session.car_phases == 1
    planner.measured(station, 1, 15.8, None)  # a reading that cannot tell changes nothing
    assert session.car_phases == 1
    planner.measured(station, 1, 15.8, phases_drawing(reading(15.8, 15.7, 15.9)))
    assert session.car_phases == 3
