"""Charging profiles without JSON (core/charging_profiles.py): the checks by field, the OCPP
object a draft becomes, and the steps a chart draws (of a draft and of a composite schedule)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from evdesk.core.charging_profiles import Period, ProfileDraft, Step, composite_steps, draft_steps, problems, to_ocpp

T0 = datetime(2026, 11, 30, 22, 0, tzinfo=timezone.utc)


def test_a_night_profile_becomes_the_ocpp_object_and_its_steps():
    draft = ProfileDraft(connector_id=1, profile_id=5, stack_level=2, kind="Recurring", recurrency="Daily",
                         start_schedule=T0, duration_s=8 * 3600, unit="A",
                         periods=[Period(0, "32"), Period(3600, "16", 1), Period(7200, "7,5")])
    assert problems(draft) == {}
    assert to_ocpp(draft) == {
        "chargingProfileId": 5, "stackLevel": 2, "chargingProfilePurpose": "TxDefaultProfile",
        "chargingProfileKind": "Recurring", "recurrencyKind": "Daily",
        "chargingSchedule": {"chargingRateUnit": "A", "duration": 28800, "startSchedule": "2026-11-30T22:00:00Z",
                             "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 32.0},
                                                        {"startPeriod": 3600, "limit": 16.0, "numberPhases": 1},
                                                        {"startPeriod": 7200, "limit": 7.5}]}}
    assert draft_steps(draft) == [Step(0, 3600, 32.0), Step(3600, 7200, 16.0, 1), Step(7200, 28800, 7.5)]


@pytest.mark.parametrize("changes, field, words", [
    ({"profile_id": 0}, "profile_id", "1 or more"),
    ({"stack_level": 9}, "stack_level", "up to 8"),
    ({"purpose": "ChargePointMaxProfile", "connector_id": 1}, "connector_id", "connector 0"),
    ({"purpose": "TxProfile", "connector_id": 0}, "connector_id", "session"),
    ({"kind": "Recurring"}, "recurrency", "Daily or Weekly"),
    ({"kind": "Recurring", "recurrency": "Daily", "start_schedule": None}, "start_schedule", "start"),
    ({"recurrency": "Daily"}, "recurrency", "Only a recurring"),
    ({"kind": "Relative", "start_schedule": T0}, "start_schedule", "leave the start empty"),
    ({"valid_from": T0, "valid_to": T0}, "valid_to", "after valid from"),
    ({"unit": "W"}, "unit", "A only"),
    ({"periods": []}, "periods", "at least one"),
    ({"periods": [Period(60, "16")]}, "periods", "Period 1 starts at 0"),
    ({"periods": [Period(0, "16"), Period(0, "8")]}, "periods", "Period 2 must start after period 1"),
    ({"periods": [Period(0, "lots")]}, "periods", "is a number"),
    ({"periods": [Period(0, "0")]}, "periods", "more than 0"),
    ({"periods": [Period(0, "16.25")]}, "periods", "one decimal"),
    ({"periods": [Period(0, "16", 4)]}, "periods", "1, 2 or 3"),
    ({"periods": [Period(0, "16"), Period(7200, "8")], "duration_s": 3600}, "periods", "after the schedule ends"),
    ({"periods": [Period(0, "16"), Period(-1, "8")]}, "periods", "number of minutes"),
])
def test_each_problem_is_named_by_its_field(changes, field, words):
    draft = ProfileDraft(**{"connector_id": 1, "start_schedule": T0, **changes})
    found = problems(draft, max_stack_level=8, rate_units="A")
    assert field in found and words in found[field], found


def test_watts_are_whole_and_a_composite_answer_becomes_steps():
    assert "whole numbers" in problems(ProfileDraft(unit="W", periods=[Period(0, "7400.5")]))["periods"]
    steps, unit, started = composite_steps({
        "status": "Accepted", "connector_id": 1, "schedule_start": "2026-11-30T22:00:00Z",
        "charging_schedule": {"duration": 3600, "charging_rate_unit": "W", "charging_schedule_period": [
            {"start_period": 0, "limit": 11000.0}, {"start_period": 1800, "limit": 3700.0}]}})
    assert steps == [Step(0, 1800, 11000.0), Step(1800, 3600, 3700.0)] and unit == "W" and started == T0
    assert composite_steps({"status": "Accepted"})[0] == []
