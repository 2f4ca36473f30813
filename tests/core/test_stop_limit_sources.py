"""Where a session's stop limits come from (evdesk/core/session_limits.py): the remote start's,
else the stricter of the tariff's and the charging user's user group's; and the user group's
limits as stored, checked and changed (evdesk/core/user_groups.py)."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest

from evdesk.core.errors import ValidationError
from evdesk.core.people_types import TokenInput, UserInput
from evdesk.core.permissions import SYSTEM_CONTEXT as ROOT
from evdesk.core.pricing.tariff import prices_from_dict
from evdesk.core.session_limits import session_limits


def test_the_remote_start_wins_else_the_stricter_of_tariff_and_group():
    tariff = prices_from_dict({"kind": "flat", "session_price": "2", "max_minutes": 120, "max_kwh": "10"})
    group = SimpleNamespace(limit_minutes=90, limit_wh=20_000, limit_cost_minor=500)
    assert session_limits(tariff, group=group) == {"limit_minutes": 90, "limit_wh": 10_000, "limit_cost_minor": 500}
    assert session_limits(tariff, group=group, minutes=240, kwh=Decimal("30")) == {
        "limit_minutes": 240, "limit_wh": 30_000, "limit_cost_minor": 500}
    assert session_limits(None, group=group) == {"limit_minutes": 90, "limit_wh": 20_000, "limit_cost_minor": 500}
    assert session_limits(tariff) == {"limit_minutes": 120, "limit_wh": 10_000, "limit_cost_minor": None}


async def test_a_user_groups_limits_reach_its_members_sessions(services):
    station = await services.stations.create_station("CP-1", connectors=2, ctx=ROOT)
    fleet = await services.people.groups.create(ROOT, "Fleet", limit_minutes=45, limit_kwh="12.5", limit_cost="9.50")
    assert (fleet.limit_minutes, fleet.limit_wh, fleet.limit_cost_minor) == (45, 12_500, 950)
    await services.people.users.create(ROOT, UserInput("Fay", "Fleet", user_group_id=fleet.id), [TokenInput("TAG-F")])
    await services.people.users.create(ROOT, UserInput("Olga", "Other"), [TokenInput("TAG-O")])
    fay = await services.transactions.start(station, 1, "TAG-F", 0, None)
    t = services.transactions.active[fay.ocpp_id]
    assert (t.limit_minutes, t.limit_wh, t.limit_cost_minor) == (45, 12_500, 950)
    olga = await services.transactions.start(station, 2, "TAG-O", 0, None)
    assert services.transactions.active[olga.ocpp_id].limit_minutes is None
    # an edit that says nothing about limits keeps them; None removes one
    kept = await services.people.groups.update(ROOT, fleet.id, fleet.version, "Fleet cars", True)
    assert (kept.limit_minutes, kept.limit_wh) == (45, 12_500)
    changed = await services.people.groups.update(ROOT, fleet.id, kept.version, "Fleet cars", True, limit_kwh=None)
    assert (changed.limit_minutes, changed.limit_wh, changed.limit_cost_minor) == (45, None, 950)
    assert services.auth.index.groups[fleet.id].limit_wh is None  # the in-memory index follows


@pytest.mark.parametrize("kwargs, field", [({"limit_minutes": 0}, "limit_minutes"), ({"limit_kwh": "x"}, "limit_kwh"),
                                           ({"limit_kwh": "0.0001"}, "limit_kwh"), ({"limit_cost": "-1"}, "limit_cost")])
async def test_a_user_groups_limits_are_checked(services, kwargs, field):
    with pytest.raises(ValidationError) as err:
        await services.people.groups.create(ROOT, "Bad", **kwargs)
    assert err.value.field == field


@pytest.mark.parametrize("text", ["1" * 50, "1e400", "1e-400", "sNaN", "Infinity", "1_0", "١٢", "-1", " "])
def test_limit_numbers_are_plain_decimals(text):
    """Nothing a form or the API may send makes the check itself fail (Decimal's own syntax is wider)."""
    from evdesk.core.session_limits import checked_limits

    with pytest.raises(ValidationError) as err:
        checked_limits(None, text, None)
    assert err.value.field == "max_kwh"
