"""Every changing service method, called as a basic operator and as an analyst.

What the role may not do raises AccessDenied with the manual's "Access denied.";
what it may do works (commands to an offline station are logged as "offline").
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from evdesk.core.clock import utcnow
from evdesk.core.errors import AccessDenied
from evdesk.core.operators import context_for
from evdesk.core.passwords import hash_password
from evdesk.core.permissions import ANALYST, BASIC, Permission, allowed
from evdesk.settings import SiteSettings
from evdesk.store import models as m
from tests.core.test_operators import first_admin
from tests.mailserver import point_at

P = Permission
SOON = utcnow() + timedelta(hours=1)
PW_HASH = hash_password("invited-pw-123", n=2**10)  # cheap: made once, checked by "my password"

# (what, permission needed or None for "own account", call(site) -> coroutine)
CALLS = [
    ("create_station", P.ADD_REMOVE_STATIONS, lambda s: s.sv.stations.create_station("NEW-1", group_id=s.g, ctx=s.ctx)),
    ("adopt", P.ADD_REMOVE_STATIONS, lambda s: s.sv.stations.adopt(s.st, "x", ctx=s.ctx)),
    ("reject", P.ADD_REMOVE_STATIONS, lambda s: s.sv.stations.reject(s.st, ctx=s.ctx)),
    ("delete_station", P.ADD_REMOVE_STATIONS, lambda s: s.sv.stations.delete_station(s.st, ctx=s.ctx)),
    ("update_station", P.EDIT_STATIONS, lambda s: s.sv.stations.update_station(s.st, s.sv.stations.get_by_id(s.st).version, name="y", ctx=s.ctx)),
    ("set_password", P.EDIT_STATIONS, lambda s: s.sv.stations.set_password(s.st, "station-pw-1", ctx=s.ctx)),
    ("group add", P.MANAGE_GROUPS, lambda s: s.sv.groups.add(s.ctx, "New", s.g)),
    ("group rename", P.MANAGE_GROUPS, lambda s: s.sv.groups.rename(s.ctx, s.sub, s.sv.groups.get(s.sub).version, "Renamed")),
    ("group move", P.MANAGE_GROUPS, lambda s: s.sv.groups.move(s.ctx, s.sub, s.sv.groups.get(s.sub).version, s.sub2)),
    ("group delete", P.MANAGE_GROUPS, lambda s: s.sv.groups.delete(s.ctx, s.empty, s.sv.groups.get(s.empty).version)),
    ("assign stations", P.MANAGE_GROUPS, lambda s: s.sv.groups.assign_stations(s.ctx, s.sub, [s.st])),
    ("invite", P.MANAGE_OPERATORS, lambda s: s.sv.operators.invite(s.ctx, username="new", email="new@x.example", role=BASIC, base_group_id=s.g)),
    ("resend invitation", P.MANAGE_OPERATORS, lambda s: s.sv.operators.resend_invitation(s.ctx, s.invited.id)),
    ("reset password", P.MANAGE_OPERATORS, lambda s: s.sv.operators.send_password_reset(s.ctx, s.other.id)),
    ("update operator", P.MANAGE_OPERATORS, lambda s: s.sv.operators.update(s.ctx, s.other.id, s.other.version, role=ANALYST)),
    ("deactivate operator", P.MANAGE_OPERATORS, lambda s: s.sv.operators.set_active(s.ctx, s.other.id, s.other.version, False)),
    ("delete operator", P.MANAGE_OPERATORS, lambda s: s.sv.operators.delete(s.ctx, s.other.id, s.other.version)),
    ("my account", None, lambda s: s.sv.operators.update_my_account(s.ctx, s.me.version, first_name="Me", last_name="Self", email="me@x.example")),
    ("my password", None, lambda s: s.sv.operators.change_my_password(s.ctx, s.me.version, "invited-pw-123", "my-new-pw-123")),
    ("save settings", P.SITE_SETTINGS, lambda s: s.sv.save_settings(SiteSettings(site_name="Mine"), ctx=s.ctx)),
    ("smtp password", P.SITE_SETTINGS, lambda s: s.sv.mail.set_password(s.ctx, "pw")),
    ("test e-mail", P.SITE_SETTINGS, lambda s: s.sv.mail.send_test(s.ctx, "me@x.example")),
]
COMMANDS = [
    ("remote_start", (1, "TAG"), {}), ("remote_stop", (5,), {}), ("reset", ("Soft",), {}), ("unlock_connector", (1,), {}),
    ("change_availability", (1, False), {}), ("get_configuration", (), {}), ("change_configuration", ("K", "v"), {}),
    ("clear_cache", (), {}), ("trigger_message", ("Heartbeat",), {}), ("data_transfer", ("vendor",), {}),
    ("set_charging_profile", (1, {"chargingProfileId": 1, "stackLevel": 0, "chargingProfilePurpose": "TxDefaultProfile",
                                  "chargingProfileKind": "Absolute", "chargingSchedule": {"chargingRateUnit": "A",
                                  "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 16}]}}), {}),
    ("clear_charging_profile", (), {}), ("get_composite_schedule", (1, 60), {}), ("reserve_now", (1, "TAG", SOON), {}),
    ("cancel_reservation", (1,), {}), ("send_local_list", (1, "Full", []), {}), ("get_local_list_version", (), {}),
    ("update_firmware", ("https://fw.example/1.bin", SOON), {}), ("get_diagnostics", ("ftp://logs.example/",), {}),
]
for name, args, kwargs in COMMANDS:
    permission = P.FIRMWARE_UPDATES if name == "update_firmware" else P.REMOTE_COMMANDS
    CALLS.append((f"command {name}", permission,
                  lambda s, name=name, args=args: getattr(s.central.commands, name)(s.st, *args, ctx=s.ctx, reason="test")))


class Site:
    pass


@pytest.fixture
async def site(services, central, smtp_server, memory_keyring):
    point_at(services.settings, smtp_server)
    s = Site()
    s.sv, s.central = services, central
    root = await first_admin(services)
    s.g = (await services.groups.add(root, "Base")).id
    s.sub = (await services.groups.add(root, "Sub", s.g)).id
    s.sub2 = (await services.groups.add(root, "Sub 2", s.g)).id
    s.empty = (await services.groups.add(root, "Empty", s.g)).id
    s.st = (await services.stations.create_station("CP-1", group_id=s.g, connectors=2, ctx=root)).id
    s.root, s.smtp = root, smtp_server
    return s


@pytest.mark.parametrize("role", [BASIC, ANALYST])
@pytest.mark.parametrize("what, permission, call", CALLS, ids=[c[0] for c in CALLS])
async def test_every_change_as_basic_and_analyst(site, role, what, permission, call):
    def make():
        def op(username, role, group, status="active"):
            return m.Operator.create(username=username, email=f"{username}@x.example", role=role, base_group=group,
                                     status=status, password_hash=PW_HASH)
        return op("me", role, site.g).id, op("other", BASIC, site.sub).id, op("invitee", BASIC, site.g, "invited").id

    me, other, invited = await site.sv.store.run(make)
    ops = site.sv.operators
    site.me, site.other, site.invited = await ops.get(me), await ops.get(other), await ops.get(invited)
    site.ctx = context_for(site.me, site.sv.groups.index)
    if permission is None or allowed(role, permission):
        await call(site)
    else:
        with pytest.raises(AccessDenied) as err:
            await call(site)
        assert str(err.value) == "Access denied."


def test_the_matrix_is_the_manuals():
    forbidden_for_basic = {c[0] for c in CALLS if c[1] is not None and not allowed(BASIC, c[1])}
    assert "group add" not in forbidden_for_basic and "command reset" not in forbidden_for_basic
    assert {"create_station", "invite", "command update_firmware", "save settings"} <= forbidden_for_basic
    assert all(not allowed(ANALYST, c[1]) for c in CALLS if c[1] is not None)


# -- API keys: roles and domains ------------------------------------------------------------------
# Groups A (with A1 below it) and B. Who may make, list and revoke whose keys (core/api_keys.py):
# yourself always; an admin also the operators whose base group is in their domain (root
# operators only for root admins); nobody else.
KEY_OPERATORS = {  # username: (role, base group)
    "root": ("admin", None), "admin_a": ("admin", "A"), "admin_a1": ("admin", "A1"), "basic_a": ("basic", "A"),
    "analyst_a": ("analyst", "A"), "basic_b": ("basic", "B"), "admin_b": ("admin", "B"),
}
MAY_ACT_FOR = {
    "root": set(KEY_OPERATORS),
    "admin_a": {"admin_a", "admin_a1", "basic_a", "analyst_a"},
    "admin_a1": {"admin_a1"},
    "basic_a": {"basic_a"}, "analyst_a": {"analyst_a"}, "basic_b": {"basic_b"},
    "admin_b": {"admin_b", "basic_b"},
}


@pytest.fixture
async def key_site(services):
    from evdesk.core.permissions import SYSTEM_CONTEXT

    s = Site()
    s.sv = services
    a = await services.groups.add(SYSTEM_CONTEXT, "A")
    groups = {"A": a.id, "A1": (await services.groups.add(SYSTEM_CONTEXT, "A1", a.id)).id,
              "B": (await services.groups.add(SYSTEM_CONTEXT, "B")).id}

    def make():
        return {u: m.Operator.create(username=u, role=role, base_group=groups.get(base), status="active").id
                for u, (role, base) in KEY_OPERATORS.items()}

    ids = await services.store.run(make)
    s.ops = {u: await services.operators.get(i) for u, i in ids.items()}
    s.ctx = {u: context_for(info, services.groups.index) for u, info in s.ops.items()}
    s.keys = {u: (await services.api_keys.create(SYSTEM_CONTEXT, u, f"{u}'s"))[0] for u in KEY_OPERATORS}
    return s


@pytest.mark.parametrize("actor", list(KEY_OPERATORS))
async def test_api_keys_for_whom_by_role_and_domain(key_site, actor):
    from evdesk.core.permissions import OPERATOR_ACCESS_FORBIDDEN

    keys, ctx = key_site.sv.api_keys, key_site.ctx[actor]
    listed = {k.operator for k in await keys.list(ctx)}
    assert listed == MAY_ACT_FOR[actor]
    for target in KEY_OPERATORS:
        if target in MAY_ACT_FOR[actor]:
            info, key = await keys.create(ctx, target, "made")
            assert info.operator == target
            assert (await keys.authenticate(key)).username == target  # acts as the target, nothing more
            assert (await keys.revoke(ctx, key_site.keys[target].prefix)).revoked_at is not None
            continue
        expected = OPERATOR_ACCESS_FORBIDDEN if KEY_OPERATORS[actor][0] == "admin" else "Access denied."
        with pytest.raises(AccessDenied) as err:
            await keys.create(ctx, target, "not mine")
        assert str(err.value) == expected, (actor, target)
        with pytest.raises(AccessDenied):
            await keys.revoke(ctx, key_site.keys[target].prefix)
    still_active = {k.operator for k in await keys.list(key_site.ctx["root"]) if k.active}
    assert still_active >= set(KEY_OPERATORS) - MAY_ACT_FOR[actor]  # nothing outside was revoked


async def test_api_keys_follow_the_stored_operator_not_a_stale_context(key_site):
    """A context made before a demotion, a move or a deactivation gets what the store says now."""
    sv, ctx = key_site.sv, key_site.ctx["root"]
    await sv.store.run(lambda: m.Operator.update(role="basic").where(m.Operator.username == "root").execute())
    with pytest.raises(AccessDenied):
        await sv.api_keys.create(ctx, "admin_a")
    assert {k.operator for k in await sv.api_keys.list(ctx)} == {"root"}
    a1 = key_site.ops["admin_a1"].base_group_id
    ctx_a = key_site.ctx["admin_a"]
    await sv.store.run(lambda: m.Operator.update(base_group=a1).where(m.Operator.username == "admin_a").execute())
    with pytest.raises(AccessDenied):
        await sv.api_keys.create(ctx_a, "basic_a")  # A is no longer in admin_a's domain
    await sv.store.run(lambda: m.Operator.update(status="inactive").where(m.Operator.username == "basic_b").execute())
    with pytest.raises(AccessDenied) as err:
        await sv.api_keys.create(key_site.ctx["basic_b"], "basic_b")
    assert str(err.value) == "Operator is inactive."


async def test_api_keys_fail_closed_without_an_operator(key_site):
    from evdesk.core.permissions import SYSTEM_CONTEXT, OperatorContext

    nobody = OperatorContext(None, "someone", "admin", via="desk")  # a widget with no logged-in operator
    for call in (key_site.sv.api_keys.list(nobody), key_site.sv.api_keys.create(nobody, "root"),
                 key_site.sv.api_keys.revoke(nobody, key_site.keys["root"].prefix)):
        with pytest.raises(AccessDenied):
            await call
    assert len(await key_site.sv.api_keys.list(SYSTEM_CONTEXT)) == len(KEY_OPERATORS)  # evdesk itself: everyone


# == Domains: charging users, tokens, exports (issue 8) ==================================================
# Every changing call of the people services, by a basic and an admin operator whose base
# group is A: against a user or token of group B it is refused with "Operator access
# forbidden." and changes nothing; against their own group it works. What the role may
# not do at all is "Access denied." either way (the role is checked first).
from evdesk.core.permissions import ADMIN, OPERATOR_ACCESS_FORBIDDEN, SYSTEM_CONTEXT, OperatorContext  # noqa: E402
from evdesk.core.people_types import TokenInput, UserInput  # noqa: E402
from evdesk.core.reads.people import TokenFilter  # noqa: E402


class People:
    pass


@pytest.fixture
async def people_site(services):
    """Groups A (with A1 under it) and B; in each a station, a user with a token and a token without a user."""
    root = SYSTEM_CONTEXT
    p = People()
    p.sv = services
    p.group = {"a": (await services.groups.add(root, "A")).id, "b": (await services.groups.add(root, "B")).id}
    p.sub_a = (await services.groups.add(root, "A1", p.group["a"])).id
    p.station, p.user, p.other_user, p.token, p.loose = {}, {}, {}, {}, {}
    for x in ("a", "b"):
        p.station[x] = (await services.stations.create_station(f"CP-{x.upper()}", group_id=p.group[x], connectors=1,
                                                                ctx=root)).id
        user = await services.people.users.create(
            root, UserInput(f"User {x}", "Driver", f"{x}@fleet.example", group_rights=[p.group[x]]),
            [TokenInput(f"TOK-{x.upper()}")], home_group_id=p.group[x])
        p.user[x], p.token[x] = user.id, user.tokens[0].id
        p.other_user[x] = (await services.people.users.create(root, UserInput(f"Other {x}", "Driver"),
                                                              home_group_id=p.group[x])).id
        p.loose[x] = (await services.people.tokens.add(root, TokenInput(f"LOOSE-{x.upper()}"),
                                                       home_group_id=p.group[x])).id
    return p


async def _user(p, x):
    return await p.sv.people.reads.user(SYSTEM_CONTEXT, p.user[x])


async def _token(p, token_id):
    return await p.sv.people.reads.token(SYSTEM_CONTEXT, token_id)


async def _update_user(p, x):
    d = await _user(p, x)
    d.data.phone, d.data.group_rights = "+1 555", []
    return await p.sv.people.users.update(p.ctx, p.user[x], d.version, d.data)


async def _block(p, token_id):
    t = await _token(p, token_id)
    data = TokenInput(t.uid, t.name, "blocked", t.valid_from_day, t.valid_to_day, t.parent_uid)
    return await p.sv.people.tokens.update(p.ctx, token_id, t.version, data)


async def _move(p, token_id, user_id):
    t = await _token(p, token_id)
    data = TokenInput(t.uid, t.name, t.status, t.valid_from_day, t.valid_to_day, t.parent_uid)
    return await p.sv.people.tokens.update(p.ctx, token_id, t.version, data, user_id=user_id)


def _csv(p, x):
    return p.sv.people.csv.import_text(p.ctx, f"first_name,access_groups\nNew,{x.upper()}\n")


async def _import(p, x):
    result = await _csv(p, x)
    if result.problems:
        raise AccessDenied(result.problems[0].message)
    return result


PEOPLE_CALLS = [
    ("add user in group", P.EDIT_USERS,
     lambda p, x: p.sv.people.users.create(p.ctx, UserInput("New", "User"), home_group_id=p.group[x])),
    ("add user with a right", P.EDIT_USERS,
     lambda p, x: p.sv.people.users.create(p.ctx, UserInput("New", "User", group_rights=[p.group[x]]))),
    ("edit user", P.EDIT_USERS, lambda p, x: _update_user(p, x)),
    ("disable user", P.EDIT_USERS, lambda p, x: p.sv.people.users.disable(p.ctx, p.user[x], "left")),
    ("enable user", P.EDIT_USERS, lambda p, x: p.sv.people.users.enable(p.ctx, p.user[x])),
    ("remove user", P.REMOVE_USERS, lambda p, x: p.sv.people.users.remove(p.ctx, p.user[x])),
    ("add token to user", P.EDIT_USERS, lambda p, x: p.sv.people.tokens.add(p.ctx, TokenInput("NEW-1"), p.user[x])),
    ("add token in group", P.EDIT_USERS,
     lambda p, x: p.sv.people.tokens.add(p.ctx, TokenInput("NEW-1"), home_group_id=p.group[x])),
    ("block user's token", P.EDIT_USERS, lambda p, x: _block(p, p.token[x])),
    ("block token without user", P.EDIT_USERS, lambda p, x: _block(p, p.loose[x])),
    ("set token status", P.EDIT_USERS, lambda p, x: p.sv.people.tokens.set_status(p.ctx, p.token[x], "inactive")),
    ("move own token to user", P.EDIT_USERS, lambda p, x: _move(p, p.token["a"], p.other_user[x])),
    ("move token to own user", P.EDIT_USERS, lambda p, x: _move(p, p.token[x], p.other_user["a"])),
    ("take token from user", P.EDIT_USERS, lambda p, x: _move(p, p.token[x], None)),
    ("delete token", P.DELETE_TOKENS, lambda p, x: p.sv.people.tokens.delete(p.ctx, p.token[x])),
    ("register tag", P.EDIT_USERS, lambda p, x: p.sv.people.auth_log.register_tag(
        p.ctx, "04SEEN", station_id=p.station[x], user_id=p.user["a"])),
    ("register tag to user", P.EDIT_USERS, lambda p, x: p.sv.people.auth_log.register_tag(
        p.ctx, "04SEEN", station_id=p.station["a"], user_id=p.user[x])),
    ("import rights", P.EDIT_USERS, lambda p, x: _import(p, x)),
]


async def _everything(p) -> tuple:
    """What group B holds, as a whole-site admin reads it."""
    reads = p.sv.people.reads
    users = [await reads.user(SYSTEM_CONTEXT, p.user[x]) for x in ("a", "b")]
    tokens = (await reads.tokens(SYSTEM_CONTEXT, TokenFilter())).items
    return users[1], [t for t in tokens if t.home_group_id == p.group["b"]]


@pytest.mark.parametrize("role", [BASIC, ADMIN])
@pytest.mark.parametrize("target", ["a", "b"], ids=["own group", "other group"])
@pytest.mark.parametrize("what, permission, call", PEOPLE_CALLS, ids=[c[0] for c in PEOPLE_CALLS])
async def test_people_changes_stay_in_the_operators_domain(people_site, role, target, what, permission, call):
    p = people_site
    p.ctx = p.sv.groups.fresh(OperatorContext(None, f"{role}-a", role, base_group_id=p.group["a"]))
    assert p.ctx.domain_groups == {p.group["a"], p.sub_a}
    before = await _everything(p)
    if not allowed(role, permission):
        with pytest.raises(AccessDenied) as err:
            await call(p, target)
        assert str(err.value) == "Access denied."
    elif target == "b":
        with pytest.raises(AccessDenied) as err:
            await call(p, target)
        assert str(err.value) == OPERATOR_ACCESS_FORBIDDEN
    else:
        await call(p, target)
    if target == "b" or not allowed(role, permission):
        assert await _everything(p) == before  # nothing of group B changed


@pytest.mark.parametrize("role", [BASIC, ADMIN])
async def test_user_groups_are_managed_by_whole_site_admins_only(people_site, role):
    p, groups = people_site, people_site.sv.people.groups
    site_wide = await groups.create(SYSTEM_CONTEXT, "Fleet")
    ctx = p.sv.groups.fresh(OperatorContext(None, "a-op", role, base_group_id=p.group["a"]))
    expected = "Access denied." if role == BASIC else OPERATOR_ACCESS_FORBIDDEN
    for call in (lambda: groups.create(ctx, "Mine"),
                 lambda: groups.update(ctx, site_wide.id, site_wide.version, "Fleet", False, member_ids=[p.user["a"]]),
                 lambda: groups.delete(ctx, site_wide.id)):
        with pytest.raises(AccessDenied) as err:
            await call()
        assert str(err.value) == expected
    assert [(g.name, g.active, g.members) for g in await groups.list()] == [("Fleet", True, 0)]
    root_basic = OperatorContext(None, "root-basic", role)
    if role == ADMIN:
        await groups.update(root_basic, site_wide.id, site_wide.version, "Fleet", False)


# -- site settings are site-wide: whole-site admins only ------------------------------------------------
# An admin limited to a charging group may not change what applies to every station and seat
# (the settings, the mail server's password, the test mail of the Settings page).
SITE_WIDE_CALLS = {
    "save settings": lambda sv, ctx: sv.save_settings(SiteSettings(site_name="Mine"), ctx=ctx),
    "smtp password": lambda sv, ctx: sv.mail.set_password(ctx, "pw"),
    "test e-mail": lambda sv, ctx: sv.mail.send_test(ctx, "me@x.example"),
}


@pytest.fixture
async def site_wide(services, smtp_server, memory_keyring):
    from evdesk.core.permissions import SYSTEM_CONTEXT

    point_at(services.settings, smtp_server)
    a = await services.groups.add(SYSTEM_CONTEXT, "A")

    def make():
        return {u: m.Operator.create(username=u, role=role, base_group=base, status="active").id
                for u, role, base in (("root", "admin", None), ("admin_a", "admin", a.id), ("basic_root", "basic", None))}

    ids = await services.store.run(make)
    return {u: context_for(await services.operators.get(i), services.groups.index) for u, i in ids.items()}


@pytest.mark.parametrize("what", list(SITE_WIDE_CALLS))
async def test_site_settings_only_for_whole_site_admins(services, site_wide, what):
    from evdesk.core.permissions import OPERATOR_ACCESS_FORBIDDEN, SYSTEM_CONTEXT

    call = SITE_WIDE_CALLS[what]
    before = (services.settings.as_dict(), services.settings_version)
    for actor, message in (("admin_a", OPERATOR_ACCESS_FORBIDDEN), ("basic_root", "Access denied.")):
        with pytest.raises(AccessDenied) as err:
            await call(services, site_wide[actor])
        assert str(err.value) == message, actor
    assert (services.settings.as_dict(), services.settings_version) == before
    await call(services, site_wide["root"])
    await call(services, SYSTEM_CONTEXT)  # evdesk itself (the command line)
