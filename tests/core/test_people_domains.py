"""What an operator of one charging group sees of charging users, tokens, exports and the
authorizations log, and what their changes keep (evdesk/core/people_domain.py)."""

from __future__ import annotations

import pytest

from evdesk.core.auth_log import AuthLogFilter
from evdesk.core.errors import AccessDenied, ValidationError
from evdesk.core.people_types import TokenInput, UserInput
from evdesk.core.permissions import ADMIN, BASIC, OPERATOR_ACCESS_FORBIDDEN, SYSTEM_CONTEXT, OperatorContext
from evdesk.core.reads.people import TokenFilter, UserFilter

ROOT = SYSTEM_CONTEXT


class Site:
    pass


@pytest.fixture
async def site(services):
    """A (with A1 below it) and B, a station in each; users homed in A, A1, B and site-wide."""
    s = Site()
    s.sv, people = services, services.people
    s.a = (await services.groups.add(ROOT, "A")).id
    s.a1 = (await services.groups.add(ROOT, "A1", s.a)).id
    s.b = (await services.groups.add(ROOT, "B")).id
    s.st_a = await services.stations.create_station("CP-A", group_id=s.a1, connectors=1, ctx=ROOT)
    s.st_b = await services.stations.create_station("CP-B", group_id=s.b, connectors=1, ctx=ROOT)
    s.ann = await people.users.create(ROOT, UserInput("Ann", "Able", "ann@a.example", group_rights=[s.a1, s.b],
                                                      station_rights=[s.st_b.id]), [TokenInput("TAG-ANN")],
                                      home_group_id=s.a)
    s.sub = await people.users.create(ROOT, UserInput("Sam", "Sub", "sam@a1.example"), [TokenInput("TAG-SAM")],
                                      home_group_id=s.a1)
    s.bob = await people.users.create(ROOT, UserInput("Bob", "Bee", "bob@b.example", group_rights=[s.b]),
                                      [TokenInput("TAG-BOB")], home_group_id=s.b)
    s.sid = await people.users.create(ROOT, UserInput("Sid", "Sitewide", "sid@site.example"), [TokenInput("TAG-SID")])
    s.ctx = services.groups.fresh(OperatorContext(None, "op-a", BASIC, base_group_id=s.a))
    return s


async def test_lists_and_counts_hold_the_domain_only(site):
    reads = site.sv.people.reads
    assert [u.first_name for u in (await reads.users(site.ctx)).items] == ["Ann", "Sam"]
    assert await reads.count_users(site.ctx) == 2
    assert [u.first_name for u in (await reads.users(ROOT)).items] == ["Ann", "Bob", "Sid", "Sam"]  # by last name
    assert [u.first_name for u in (await reads.users(site.ctx, UserFilter("TAG-BOB"))).items] == []
    assert [t.uid for t in (await reads.tokens(site.ctx)).items] == ["TAG-ANN", "TAG-SAM"]
    assert await reads.count_tokens(site.ctx, TokenFilter("TAG")) == 2
    assert {r.id for r in await reads.user_rows(site.ctx, [site.ann.id, site.bob.id, site.sid.id])} == {site.ann.id}
    assert [t.uid for t in await reads.token_rows(site.ctx, [site.bob.tokens[0].id, site.ann.tokens[0].id])] == ["TAG-ANN"]
    # cursor paging within the domain
    first = await reads.users(site.ctx, limit=1)
    rest = await reads.users(site.ctx, after=first.next_cursor, limit=1)
    assert [u.first_name for u in first.items + rest.items] == ["Ann", "Sam"] and rest.next_cursor is None
    # an operator whose domain is empty of people sees none (and no site-wide ones)
    lone = site.sv.groups.fresh(OperatorContext(None, "op-b1", ADMIN, base_group_id=(await site.sv.groups.add(
        ROOT, "B1", site.b)).id))
    assert (await reads.users(lone)).items == [] and (await reads.tokens(lone)).items == []


async def test_one_user_or_token_outside_the_domain_is_forbidden(site):
    reads = site.sv.people.reads
    for call in (reads.user(site.ctx, site.bob.id), reads.user(site.ctx, site.sid.id),
                 reads.token(site.ctx, site.bob.tokens[0].id)):
        with pytest.raises(AccessDenied, match=f"^{OPERATOR_ACCESS_FORBIDDEN}$"):
            await call


async def test_rights_outside_the_domain_are_hidden_and_kept(site):
    people = site.sv.people
    seen = await people.reads.user(site.ctx, site.ann.id)
    assert seen.data.group_rights == [site.a1] and seen.data.station_rights == []  # B and CP-B are hidden
    seen.data.group_rights = []  # the A operator clears every right they see
    await people.users.update(site.ctx, site.ann.id, seen.version, seen.data)
    whole = await people.reads.user(ROOT, site.ann.id)
    assert whole.data.group_rights == [site.b] and whole.data.station_rights == [site.st_b.id]
    # and the decision still follows the kept rights
    site.st_b.access_mode = "private"
    assert (await site.sv.auth.authorize(site.st_b, 1, "TAG-ANN", "Authorize")).accepted


async def test_new_users_and_tokens_belong_to_the_operators_base_group(site):
    people = site.sv.people
    made = await people.users.create(site.ctx, UserInput("New", "One"), [TokenInput("TAG-NEW")])
    assert made.home_group_id == site.a and made.tokens[0].home_group_id == site.a
    loose = await people.tokens.add(site.ctx, TokenInput("LOOSE-1"))
    assert loose.home_group_id == site.a and loose.user_id is None
    deeper = await people.tokens.add(site.ctx, TokenInput("LOOSE-2"), home_group_id=site.a1)
    assert deeper.home_group_id == site.a1
    with pytest.raises(AccessDenied, match=OPERATOR_ACCESS_FORBIDDEN):
        await people.users.create(site.ctx, UserInput("Site", "Wide"), home_group_id=None)
    with pytest.raises(ValidationError) as err:
        await people.tokens.add(site.ctx, TokenInput("LOOSE-3"), site.ann.id, home_group_id=site.a1)
    assert err.value.field == "home_group_id"
    # a whole-site operator's new users are site-wide unless they choose
    assert (await people.users.create(ROOT, UserInput("Root", "Made"))).home_group_id is None
    # moving a user inside the domain is allowed, out of it not
    moved = await people.users.update(site.ctx, made.id, made.version, made.data, home_group_id=site.a1)
    assert moved.home_group_id == site.a1
    with pytest.raises(AccessDenied, match=OPERATOR_ACCESS_FORBIDDEN):
        await people.users.update(site.ctx, made.id, moved.version, moved.data, home_group_id=site.b)


async def test_a_token_taken_from_its_user_stays_in_the_users_group(site):
    people = site.sv.people
    token = site.sub.tokens[0]  # Sam's token, Sam lives in A1
    data = TokenInput(token.uid, token.name, token.status)
    loose = await people.tokens.update(site.ctx, token.id, token.version, data, user_id=None)
    assert loose.user_id is None and loose.home_group_id == site.a1
    assert "TAG-SAM" in [t.uid for t in (await people.reads.tokens(site.ctx)).items]
    given = await people.tokens.update(site.ctx, token.id, loose.version, data, user_id=site.ann.id)
    assert given.user_id == site.ann.id and given.home_group_id == site.a
    assert [t.uid for t in (await people.reads.user(site.ctx, site.ann.id)).tokens] == ["TAG-ANN", "TAG-SAM"]
    assert (await site.sv.auth.authorize(site.st_a, 1, "TAG-SAM", "Authorize")).token.user_id == site.ann.id


async def test_a_parent_token_must_be_one_the_operator_sees(site):
    people = site.sv.people
    with pytest.raises(ValidationError) as err:
        await people.tokens.add(site.ctx, TokenInput("CHILD-1", parent_uid="TAG-BOB"))
    assert err.value.field == "parent_uid"
    child = await people.tokens.add(site.ctx, TokenInput("CHILD-2", parent_uid="TAG-SAM"))
    assert child.parent_uid == "TAG-SAM"
    # a parent set by a whole-site admin stays when the operator saves the token
    root_set = await people.tokens.update(ROOT, child.id, child.version, TokenInput("CHILD-2", parent_uid="TAG-BOB"))
    kept = await people.tokens.set_status(site.ctx, child.id, "blocked")
    assert kept.parent_uid == "TAG-BOB" and kept.version == root_set.version + 1


async def test_export_holds_the_domains_users_and_rights_only(site):
    text = await site.sv.people.reads.export_csv(site.ctx)
    lines = text.splitlines()
    assert len(lines) == 3 and "ann@a.example" in text and "sam@a1.example" in text
    assert "bob@b.example" not in text and "TAG-BOB" not in text and "sid@site.example" not in text
    ann = next(line for line in lines if line.startswith("Ann,"))
    assert ann.endswith(",A1,")  # the right on B and on CP-B are not shown
    everything = await site.sv.people.reads.export_csv(ROOT)
    assert len(everything.splitlines()) == 5 and "A1;B,CP-B" in everything


async def test_authorizations_log_and_registering_tags_keep_to_the_domains_stations(site):
    sv = site.sv
    for info in (site.st_a, site.st_b):
        await sv.auth.authorize(info, 1, f"04UNKNOWN-{info.identity}", "Authorize")
    await sv.batch.flush()
    seen = (await sv.people.reads.authorizations(site.ctx, AuthLogFilter())).items
    assert [r.station for r in seen] == ["CP-A"]
    assert len((await sv.people.reads.authorizations(ROOT, AuthLogFilter())).items) == 2
    with pytest.raises(AccessDenied, match=OPERATOR_ACCESS_FORBIDDEN):
        await sv.people.reads.authorizations(site.ctx, AuthLogFilter(station_id=site.st_b.id))
    with pytest.raises(AccessDenied, match=OPERATOR_ACCESS_FORBIDDEN):
        await sv.people.auth_log.register_tag(site.ctx, "04UNKNOWN-CP-B", station_id=site.st_b.id,
                                              new_user=UserInput("Walk", "In"))
    token = await sv.people.auth_log.register_tag(site.ctx, "04UNKNOWN-CP-A", station_id=site.st_a.id,
                                                  new_user=UserInput("Walk", "In"))
    assert token.home_group_id == site.a
    # paging newest first by cursor
    first = await sv.people.reads.authorizations(ROOT, AuthLogFilter(), limit=1)
    rest = await sv.people.reads.authorizations(ROOT, AuthLogFilter(), before=first.next_cursor, limit=5)
    assert [r.station for r in first.items + rest.items] == ["CP-B", "CP-A"] and rest.next_cursor is None
