"""The universal search (core/reads/search.py): hits per kind, ranking, the operator's domain."""

from __future__ import annotations

from datetime import timedelta

import pytest

from evdesk.core.clock import utcnow
from evdesk.core.locations import LocationInput
from evdesk.core.people_types import TokenInput, UserInput
from evdesk.core.permissions import BASIC, SYSTEM_CONTEXT, OperatorContext
from evdesk.core.reads.search import GROUP, LOCATION, SESSION, STATION, TOKEN, USER
from evdesk.store import models as m

ROOT = SYSTEM_CONTEXT


def iso(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


class Site:
    pass


@pytest.fixture
async def site(services):
    """Depot (station CP-DEPOT-1, user Ann, location Harbour) and Office (CP-OFFICE-1, user Olli)."""
    s, sv = Site(), services
    s.sv = sv
    s.depot = (await sv.groups.add(ROOT, "Depot North")).id
    s.office = (await sv.groups.add(ROOT, "Office")).id
    s.depot_st = await sv.stations.create_station("CP-DEPOT-1", group_id=s.depot, connectors=1, ctx=ROOT)
    await sv.stations.update_station(s.depot_st.id, s.depot_st.version, name="Harbour charger", ctx=ROOT)
    s.office_st = await sv.stations.create_station("CP-OFFICE-1", group_id=s.office, connectors=1, ctx=ROOT)
    await sv.store.run(lambda: m.Station.update(serial_number="SN-77123").where(m.Station.id == s.office_st.id).execute())
    s.ann = await sv.people.users.create(ROOT, UserInput("Ann", "Harbourmaster", "ann@depot.example"),
                                         [TokenInput("TAG-ANN-01", "Ann's card")], home_group_id=s.depot)
    s.olli = await sv.people.users.create(ROOT, UserInput("Olli", "Office", "olli@office.example"),
                                          [TokenInput("TAG-OLLI-01")], home_group_id=s.office)
    s.harbour = await sv.locations.create(ROOT, LocationInput("Harbour lot", city="Turku", group_id=s.depot))
    t0 = utcnow() - timedelta(hours=1)
    s.ann_session = (await sv.transactions.start(s.depot_st, 1, "TAG-ANN-01", 0, iso(t0))).ocpp_id
    s.olli_session = (await sv.transactions.start(s.office_st, 1, "TAG-OLLI-01", 0, iso(t0))).ocpp_id
    await sv.batch.flush()
    s.depot_op = sv.groups.fresh(OperatorContext(None, "depot-op", BASIC, base_group_id=s.depot))
    return s


def titles(result, kind):
    return [h.title for h in result.hits.get(kind, ())]


async def test_each_kind_is_found_by_its_names_and_identifiers(site):
    search = site.sv.search.search
    assert titles(await search(ROOT, "harbour"), STATION) == ["Harbour charger"]  # by name
    assert titles(await search(ROOT, "cp-office"), STATION) == ["CP-OFFICE-1"]  # by identity
    assert titles(await search(ROOT, "SN-771"), STATION) == ["CP-OFFICE-1"]  # by serial number
    assert titles(await search(ROOT, "olli@office"), USER) == ["Olli Office"]  # by e-mail
    assert titles(await search(ROOT, "Harbourmaster"), USER) == ["Ann Harbourmaster"]
    assert titles(await search(ROOT, "tag-ann"), TOKEN) == ["TAG-ANN-01"]
    by_number = await search(ROOT, str(site.olli_session))
    assert [h.title.split(" · ")[0] for h in by_number.hits[SESSION]] == [f"Session {site.olli_session}"]
    assert titles(await search(ROOT, "TAG-OLLI"), SESSION) == [f"Session {site.olli_session} · Olli Office"]
    assert titles(await search(ROOT, "depot n"), GROUP) == ["Depot North"]
    assert titles(await search(ROOT, "turku"), LOCATION) == ["Harbour lot"]
    # one text, several kinds, in a fixed order (Ann's token and session: through her name)
    assert list((await search(ROOT, "harbour")).hits) == [STATION, USER, TOKEN, SESSION, LOCATION]
    assert (await search(ROOT, "h")).hits == {}  # one letter: nothing
    assert (await search(ROOT, "zzzz-nothing")).hits == {}


async def test_only_the_operators_domain(site):
    search = site.sv.search.search
    ctx = site.depot_op
    assert titles(await search(ctx, "CP-"), STATION) == ["Harbour charger"]
    assert titles(await search(ctx, "SN-771"), STATION) == []  # the serial of a station outside
    assert titles(await search(ctx, "example"), USER) == ["Ann Harbourmaster"]
    assert titles(await search(ctx, "TAG-"), TOKEN) == ["TAG-ANN-01"]
    assert titles(await search(ctx, str(site.olli_session)), SESSION) == []
    assert titles(await search(ctx, "TAG-OLLI"), SESSION) == []
    assert titles(await search(ctx, "office"), GROUP) == []
    assert titles(await search(ctx, "depot"), GROUP) == ["Depot North"]
    assert titles(await search(ctx, "harbour"), LOCATION) == ["Harbour lot"]
