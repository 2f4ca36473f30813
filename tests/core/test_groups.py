"""Charging groups and operator domains: the tree rules and the manual's alpha/beta/gamma example."""

from __future__ import annotations

import pytest

from evdesk.core import events as ev
from evdesk.core.errors import AccessDenied, EvdeskError, StaleEdit, ValidationError
from evdesk.core.operators import context_for
from evdesk.core.permissions import ADMIN, BASIC, SYSTEM_CONTEXT, OperatorContext
from tests.core.test_operators import first_admin


def ctx_for(services, base_group_id, role=ADMIN, name="op") -> OperatorContext:
    from evdesk.core.operators import OperatorInfo

    info = OperatorInfo(None, name, "", "", "", "active", role, base_group_id, None, None, 1)
    return context_for(info, services.groups.index)


async def test_the_manuals_operator_domains(services):
    """A with B and C under it; station 1 in A, 2 and 3 in B, 4 in C; organisation 'other' apart."""
    root = await first_admin(services)
    a = await services.groups.add(root, "A")
    b = await services.groups.add(root, "B", a.id)
    c = await services.groups.add(root, "C", a.id)
    other = await services.groups.add(root, "Organisation B")
    st = {}
    for n, group in ((1, a), (2, b), (3, b), (4, c), (5, other)):
        st[n] = await services.stations.create_station(f"CP-{n}", group_id=group.id, connectors=n, ctx=root)
    alpha, beta, gamma = (ctx_for(services, g.id, BASIC, name) for g, name in ((a, "alpha"), (b, "beta"), (c, "gamma")))

    def sees(ctx):
        return ({g.name for g in services.groups.visible(ctx)},
                {n for n, s in st.items() if ctx.sees_station(s.group_id)})

    assert sees(alpha) == ({"A", "B", "C"}, {1, 2, 3, 4})
    assert sees(beta) == ({"B"}, {2, 3})
    assert sees(gamma) == ({"C"}, {4})
    counts = services.groups.counts()
    assert (counts[a.id].stations, counts[a.id].charging_points) == (4, 1 + 2 + 3 + 4)
    assert (counts[b.id].stations, counts[b.id].charging_points) == (2, 5)
    # a basic operator may send commands in the domain only (the station is offline: the command is logged)
    from evdesk.csms.server import CentralSystem

    cs = CentralSystem(services, "127.0.0.1", 0)
    await cs.start()
    try:
        assert (await cs.commands.clear_cache(st[4].id, ctx=gamma, reason="x")).outcome == "offline"
        with pytest.raises(AccessDenied, match="^Operator access forbidden.$"):
            await cs.commands.clear_cache(st[2].id, ctx=gamma, reason="x")
    finally:
        await cs.stop()
    # gamma manages groups under C only
    d = await services.groups.add(gamma, "D", c.id)
    with pytest.raises(AccessDenied, match="Operator access forbidden."):
        await services.groups.add(gamma, "E", b.id)
    with pytest.raises(ValidationError, match="^Adding a new group failed. Parent group is required.$"):
        await services.groups.add(gamma, "E")
    # a context made before D existed still reaches D (the domain is recomputed from the tree)
    await services.groups.assign_stations(gamma, d.id, [st[4].id])
    assert services.stations.get_by_id(st[4].id).group_id == d.id
    with pytest.raises(AccessDenied, match="Operator access forbidden."):
        await services.groups.assign_stations(gamma, d.id, [st[3].id])


async def test_move_rename_delete_rules(services):
    root = await first_admin(services)
    seen = []
    services.bus.subscribe(ev.GroupChanged, seen.append)
    a = await services.groups.add(root, "A")
    b = await services.groups.add(root, "B", a.id)
    c = await services.groups.add(root, "C", b.id)
    with pytest.raises(ValidationError, match="Charging group name is required."):
        await services.groups.add(root, "  ")
    for target in (a.id, c.id):
        with pytest.raises(ValidationError, match="cannot be moved under itself or one of its subgroups"):
            await services.groups.move(root, a.id, a.version, target)
    c = await services.groups.move(root, c.id, c.version, a.id)
    assert c.parent_id == a.id and services.groups.path_of(c.id) == "A / C"
    with pytest.raises(StaleEdit):
        await services.groups.rename(root, b.id, b.version + 5, "B2")
    b = await services.groups.rename(root, b.id, b.version, "Bee")
    with pytest.raises(EvdeskError, match="has subgroups"):
        await services.groups.delete(root, a.id, a.version)
    station = await services.stations.create_station("CP-1", group_id=c.id, ctx=root)
    with pytest.raises(EvdeskError, match="holds charging stations"):
        await services.groups.delete(root, c.id, c.version)
    await services.groups.assign_stations(root, None, [station.id])  # now an orphan
    orphan = services.stations.get_by_id(station.id)
    assert orphan.group_id is None
    assert not ctx_for(services, a.id).sees_station(orphan.group_id) and root.sees_station(None)
    await services.groups.delete(root, c.id, services.groups.get(c.id).version)
    assert c.id not in services.groups.groups
    assert any(e.deleted and e.group_id == c.id for e in seen)


async def test_a_base_group_cannot_be_deleted(services):
    root = await first_admin(services)
    a = await services.groups.add(root, "A")
    await services.store.run(lambda: __import__("evdesk.store.models", fromlist=["m"]).Operator.create(
        username="sam", role=ADMIN, base_group=a.id))
    with pytest.raises(EvdeskError, match="is the base group of sam"):
        await services.groups.delete(SYSTEM_CONTEXT, a.id, a.version)
