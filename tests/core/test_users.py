"""Charging users, tokens, user groups, CSV and the decision through the real services."""

from __future__ import annotations

from evdesk.core.clock import utcnow
from evdesk.store.fields import uuid7

import pytest

from evdesk.core.auth_log import AuthLogFilter
from evdesk.core.errors import AccessDenied, StaleEdit, ValidationError
from evdesk.core.people_types import TokenInput, UserInput
from evdesk.core.permissions import ANALYST, BASIC, SYSTEM_CONTEXT, OperatorContext
from evdesk.core.reads.people import UserFilter
from evdesk.store import models as m

ADMIN_CTX = SYSTEM_CONTEXT
BASIC_CTX = OperatorContext(None, "bob", BASIC)
ANALYST_CTX = OperatorContext(None, "ann", ANALYST)


async def groups(services):
    """root > depot > depot-east; and a separate visitors group."""
    def make():
        root = m.ChargingGroup.create(name="Site")
        depot = m.ChargingGroup.create(name="Depot", parent=root.id)
        east = m.ChargingGroup.create(name="Depot East", parent=depot.id)
        visitors = m.ChargingGroup.create(name="Visitors", parent=root.id)
        return root.id, depot.id, east.id, visitors.id

    ids = await services.store.run(make)
    await services.auth.load()
    return ids


async def test_basic_and_analyst_refused_with_the_manuals_words(services):
    people = services.people
    with pytest.raises(AccessDenied, match="^Access denied.$"):
        await people.users.create(ANALYST_CTX, UserInput("A", "B"))
    user = await people.users.create(BASIC_CTX, UserInput("Basic", "Made"), [TokenInput("AA01")])
    with pytest.raises(AccessDenied, match="^Access denied.$"):
        await people.tokens.delete(BASIC_CTX, user.tokens[0].id)
    with pytest.raises(AccessDenied, match="^Access denied.$"):
        await people.users.remove(BASIC_CTX, user.id)
    with pytest.raises(AccessDenied, match="^Access denied.$"):
        await people.groups.create(BASIC_CTX, "Fleet")
    with pytest.raises(AccessDenied, match="^Access denied.$"):
        await people.tokens.add(ANALYST_CTX, TokenInput("AA02"), user.id)
    await people.tokens.delete(ADMIN_CTX, user.tokens[0].id)
    await people.users.remove(ADMIN_CTX, user.id)
    assert await people.reads.count_users(ADMIN_CTX) == 0


async def test_access_rights_only_inside_the_operators_domain(services):
    root, depot, east, visitors = await groups(services)
    depot_operator = OperatorContext(None, "d", BASIC, base_group_id=depot, domain_groups=frozenset({depot, east}))
    await services.people.users.create(depot_operator, UserInput("Ok", "User", group_rights=[east]))
    with pytest.raises(AccessDenied, match="^Operator access forbidden.$"):
        await services.people.users.create(depot_operator, UserInput("No", "User", group_rights=[visitors]))


async def test_tokens_unique_regardless_of_case_and_shown_as_entered(services):
    people = services.people
    user = await people.users.create(ADMIN_CTX, UserInput("Ann", "Driver"), [TokenInput("04aB12", "work card")])
    assert user.tokens[0].uid == "04aB12"
    with pytest.raises(ValidationError, match="^Token already exists.$") as exc:
        await people.tokens.add(ADMIN_CTX, TokenInput("04AB12"), user.id)
    assert exc.value.field == "uid"
    await people.tokens.delete(ADMIN_CTX, user.tokens[0].id)
    again = await people.tokens.add(ADMIN_CTX, TokenInput("04ab12"), user.id)  # a deleted uid is free again
    assert again.uid == "04ab12"


async def test_email_unique_ignoring_case_and_stale_edits_refused(services):
    people = services.people
    a = await people.users.create(ADMIN_CTX, UserInput("Ann", "A", "ann@example.com"))
    with pytest.raises(ValidationError, match="e-mail address already exists") as exc:
        await people.users.create(ADMIN_CTX, UserInput("Other", "B", "ANN@example.COM"))
    assert exc.value.field == "email"
    fresh = await people.users.update(ADMIN_CTX, a.id, a.version, UserInput("Ann", "Changed", "ann@example.com", vehicles=["abc-1"]))
    assert fresh.version == a.version + 1 and fresh.data.vehicles == ["ABC-1"]
    with pytest.raises(StaleEdit, match="changed by someone else"):
        await people.users.update(ADMIN_CTX, a.id, a.version, UserInput("Ann", "Late"))
    with pytest.raises(ValidationError, match="Say why") as exc:
        await people.users.update(ADMIN_CTX, a.id, fresh.version, UserInput("Ann", "X", status="disabled"))
    assert exc.value.field == "disabled_reason"


async def test_search_by_name_email_and_token(services):
    people = services.people
    await people.users.create(ADMIN_CTX, UserInput("Ann", "Driver", "ann@fleet.fi"), [TokenInput("04CAFE")])
    await people.users.create(ADMIN_CTX, UserInput("Bob", "Rider", "bob@fleet.fi"), [TokenInput("04BEEF")])
    async def names(text="", **kw):
        return [u.first_name for u in (await people.reads.users(ADMIN_CTX, UserFilter(text), **kw)).items]

    assert await names("driver") == ["Ann"]
    assert await names("bob@") == ["Bob"]
    assert await names("04be") == ["Bob"]
    assert await names(offset=1, limit=1) == ["Bob"]
    first = await people.reads.users(ADMIN_CTX, limit=1)
    assert [u.first_name for u in first.items] == ["Ann"] and first.next_cursor is not None
    assert await names(after=first.next_cursor, limit=1) == ["Bob"]


async def test_user_group_deleted_only_when_empty(services):
    people = services.people
    group = await people.groups.create(ADMIN_CTX, "Night shift")
    user = await people.users.create(ADMIN_CTX, UserInput("Ann", "A", user_group_id=group.id))
    with pytest.raises(ValidationError, match="has members"):
        await people.groups.delete(ADMIN_CTX, group.id)
    await people.groups.update(ADMIN_CTX, group.id, group.version, "Night shift", True, member_ids=[])
    assert (await people.reads.user(ADMIN_CTX, user.id)).data.user_group_id is None
    await people.groups.delete(ADMIN_CTX, group.id)
    assert await people.groups.list() == []


async def test_decisions_through_the_service(services):
    root, depot, east, visitors = await groups(services)
    people, auth = services.people, services.auth
    info = await services.stations.create_station("EAST-1", "", east, connectors=2, ctx=ADMIN_CTX)
    info.access_mode = "private"
    group = await people.groups.create(ADMIN_CTX, "Fleet")
    await people.tokens.add(ADMIN_CTX, TokenInput("FLEET-TAG"))
    user = await people.users.create(
        ADMIN_CTX, UserInput("Ann", "Driver", user_group_id=group.id, group_rights=[depot]),
        [TokenInput("04aa01", parent_uid="fleet-tag"), TokenInput("04aa02")])
    outsider = await people.users.create(ADMIN_CTX, UserInput("Out", "Sider", group_rights=[visitors]), [TokenInput("04BB01")])

    d = await auth.authorize(info, 1, "04AA01_SN77", "Authorize")  # other case + vendor suffix, right on a parent group
    assert d.accepted and d.token.parent_uid == "FLEET-TAG"
    assert (await auth.authorize(info, 1, "04BB01", "Authorize")).status == "Invalid"
    assert (await auth.authorize(info, 1, "FLEET-TAG", "Authorize")).status == "Invalid"  # no user at a private station
    info.connectors[2].access_mode = "free"
    assert (await auth.authorize(info, 2, "04BB01", "Authorize")).accepted  # connector override
    # one session across all the user's tokens
    from evdesk.core.transactions import ActiveTransaction

    services.running.add(ActiveTransaction(uuid7(), 99, info.id, "EAST-1", 2, "04AA02", utcnow(), 0))
    assert (await auth.authorize(info, 1, "04aa01", "StartTransaction")).status == "ConcurrentTx"
    await people.groups.update(ADMIN_CTX, group.id, group.version, "Fleet", False)
    assert (await auth.authorize(info, 1, "04aa01", "Authorize", starting=False)).reason == "user group inactive"
    await people.users.disable(ADMIN_CTX, outsider.id, "left the company")
    assert (await auth.authorize(info, 2, "04BB01", "Authorize")).accepted  # free connector: no identification
    assert (await auth.authorize(info, 1, "04bb01", "Authorize")).status == "Blocked"
    await services.batch.flush()
    log = (await people.reads.authorizations(ADMIN_CTX, AuthLogFilter(result="Blocked"))).items
    assert [(r.id_tag, r.user, r.reason) for r in log] == [
        ("04bb01", "Out Sider", "charging user disabled"), ("04aa01", "Ann Driver", "user group inactive")]
    assert user.id


async def test_unknown_tag_becomes_a_token_of_a_new_or_existing_user(services):
    people = services.people
    info = await services.stations.create_station("CP-1", connectors=1, ctx=ADMIN_CTX)
    assert (await services.auth.authorize(info, 1, "04NEW1_SN9", "Authorize")).status == "Invalid"
    await services.batch.flush()
    row = (await people.reads.authorizations(ADMIN_CTX, AuthLogFilter(text="04NEW1"))).items[0]
    assert row.unknown_tag
    token = await people.auth_log.register_tag(ADMIN_CTX, row.id_tag, station_id=row.station_id,
                                               new_user=UserInput("New", "Driver"),
                                               name="blue card", strip_suffix=True)
    assert token.uid == "04NEW1" and token.user_name == "New Driver"
    assert (await services.auth.authorize(info, 1, "04NEW1_SN9", "Authorize")).accepted
    other = await people.auth_log.register_tag(ADMIN_CTX, "04NEW2", station_id=info.id, user_id=token.user_id)
    assert other.user_id == token.user_id


CSV = """first_name,last_name,email,phone,user_group,status,disabled_reason,token_uids,token_names,valid_from,valid_to,vehicle_plates,access_groups,access_stations
Ann,Driver,ann@fleet.fi,+358 40 1,Fleet,active,,04A1;04A2,work;spare,2025-01-01,2025-12-31,ABC-123,Depot,
Bob,Rider,bob@fleet.fi,,Nope,active,,04B1,,,,,,
Cid,Copy,cid@fleet.fi,,,active,,04a1,,,,,,
Dan,Date,dan@fleet.fi,,,active,,04D1,,,31.12.2025,,,
,,eve@fleet.fi,,,,,,,,,,,
Fay,Fine,,,,disabled,on leave,04F1,,,,XYZ-9,,CP-1
"""


async def test_csv_import_report_and_round_trip(services, tmp_path):
    await groups(services)
    await services.stations.create_station("CP-1", connectors=1, ctx=ADMIN_CTX)
    people = services.people
    await people.groups.create(ADMIN_CTX, "Fleet")
    result = await people.csv.import_text(ADMIN_CTX, CSV)
    assert (result.rows, result.users_added, result.tokens_added) == (6, 2, 3)
    assert [(p.row, p.field) for p in result.problems] == [
        (3, "user_group"), (4, "token_uids"), (5, "valid_to"), (6, "first_name")]
    assert "Token already exists." in result.problems[1].message
    ann = (await people.reads.users(ADMIN_CTX, UserFilter("ann@"))).items[0]
    detail = await people.reads.user(ADMIN_CTX, ann.id)
    assert [t.uid for t in detail.tokens] == ["04A1", "04A2"] and detail.data.vehicles == ["ABC-123"]
    assert detail.tokens[0].valid_to_day.isoformat() == "2025-12-31" and len(detail.data.group_rights) == 1
    path = tmp_path / "users.csv"
    assert await people.csv.export_file(ADMIN_CTX, path) == 2
    exported = path.read_text(encoding="utf-8")
    # into a fresh site with the same groups and stations, the export comes back the same
    for user in (await people.reads.users(ADMIN_CTX)).items:
        await people.users.remove(ADMIN_CTX, user.id)
    again = await people.csv.import_file(ADMIN_CTX, path)
    assert again.problems == [] and again.users_added == 2
    assert await people.reads.export_csv(ADMIN_CTX) == exported


async def test_csv_refuses_unknown_columns_and_rights_outside_the_domain(services):
    root, depot, east, visitors = await groups(services)
    result = await services.people.csv.import_text(ADMIN_CTX, "first_name,shoe_size\nAnn,42\n")
    assert result.problems[0].row == 1 and "shoe_size" in result.problems[0].message
    ctx = OperatorContext(None, "d", BASIC, base_group_id=depot, domain_groups=frozenset({depot, east}))
    result = await services.people.csv.import_text(ctx, "first_name,access_groups\nAnn,Visitors\nBob,Depot East\n")
    assert [(p.row, p.field, p.message) for p in result.problems] == [(2, "access_groups", "Operator access forbidden.")]
    assert result.users_added == 1
