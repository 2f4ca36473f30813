"""Charging-point figures from the aggregates, checked against values computed by hand from the
simulated run of tests/store/test_aggregates.py."""

from __future__ import annotations

from datetime import timedelta

import pytest

from evdesk.core.errors import AccessDenied
from evdesk.core.permissions import BASIC, SYSTEM_CONTEXT, OperatorContext
from tests.store.test_aggregates import DAY0, simulated_run


async def group_admin_of(services, stations, role=BASIC) -> OperatorContext:
    """A basic operator whose base group holds `stations` (the others stay outside every group)."""
    depot = await services.groups.add(SYSTEM_CONTEXT, "Depot")
    await services.groups.assign_stations(SYSTEM_CONTEXT, depot.id, [s.id for s in stations])
    return services.group_tree.fresh(OperatorContext(None, "depot-admin", role, base_group_id=depot.id))


async def test_figures_of_a_point_match_the_hand_computed_ones(services):
    a, b = await simulated_run(services)
    until = DAY0 + timedelta(hours=12)
    figures = await services.station_metrics.figures(SYSTEM_CONTEXT, DAY0, until, station_id=b.id, now=until)
    (f,) = figures
    assert (f.sessions, f.failed) == (2, 1)  # 23:50 TAG1; 06:40 unknown tag (refused)
    assert f.energy_wh == 6000 + 1000  # 75 min with one flat reading (+3000 +3000), then 30 min (+1000)
    assert f.plugged_s == 75 * 60 + 30 * 60
    assert f.charging_s == 40 * 60 + 20 * 60  # the flat 20 minutes and the 15-minute tail are parked
    assert f.parked_s == 35 * 60 + 10 * 60
    assert f.faulted_s == 2.5 * 3600
    assert f.error_rate_pct == 50.0
    assert f.utilisation_pct == pytest.approx(100 * 6300 / 43200)
    assert f.availability_pct == pytest.approx(100 - 100 * 9000 / 43200)


async def test_a_group_admin_sees_only_its_subtree(services):
    a, b = await simulated_run(services)
    ctx = await group_admin_of(services, [b])
    figures = await services.station_metrics.figures(ctx, DAY0, DAY0 + timedelta(hours=12))
    assert {f.station_id for f in figures} == {b.id}
    with pytest.raises(AccessDenied):
        await services.station_metrics.figures(ctx, DAY0, DAY0 + timedelta(hours=12), station_id=a.id)
