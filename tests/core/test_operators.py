"""Operator accounts and logging in, through the real services, a real SMTP server and an in-memory keychain."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest

from evdesk.core.clock import utcnow
from evdesk.core.errors import AccessDenied, EvdeskError, NotFound, StaleEdit, ValidationError
from evdesk.core.login import LoginLocked
from evdesk.core.operators import check_password_policy, context_for
from evdesk.core.permissions import ADMIN, ANALYST, BASIC, SYSTEM_CONTEXT
from evdesk.settings import SiteSettings
from evdesk.store import models as m
from tests.mailserver import point_at

ADMIN_PW = "first-admin-2024"


async def first_admin(services):
    await services.operators.create_first_admin("ada", ADMIN_PW, "ada@depot.example", "Ada", "Admin")
    return (await services.login.login("ada", ADMIN_PW)).ctx


async def invite_and_accept(services, smtp, admin, username, role=BASIC, base_group_id=None, password="invited-pw-123"):
    await services.operators.invite(admin, username=username, email=f"{username}@depot.example", role=role,
                                    base_group_id=base_group_id, first_name=username.title())
    await services.operators.accept_invitation(username, smtp.last_code(), password)
    return (await services.login.login(username, password)).ctx


@pytest.mark.parametrize("password, ok", [
    ("short1", False), ("onlyletterslong", False), ("1234567890", False), ("letters1234", True),
    ("sixteen chars!!!", True), ("abcdefghijklmnop", True),
])
def test_password_policy(password, ok):
    if ok:
        check_password_policy(password, "someone")
    else:
        with pytest.raises(ValidationError, match="Password does not conform to password policy."):
            check_password_policy(password, "someone")


def test_password_must_not_be_the_username():
    with pytest.raises(ValidationError, match="Password does not conform to password policy."):
        check_password_policy("Operator12345", "operator12345")


async def test_first_admin_only_once_and_login(services):
    assert not await services.login.has_operators()
    with pytest.raises(ValidationError, match="password policy"):
        await services.operators.create_first_admin("ada", "short")
    ctx = await first_admin(services)
    assert ctx.role == ADMIN and ctx.is_root and ctx.name == "Ada Admin"
    with pytest.raises(EvdeskError, match="exists already"):
        await services.operators.create_first_admin("bob", "another-pw-123")
    row = await services.store.run(lambda: m.Operator.get(m.Operator.username == "ada"))
    assert row.last_login is not None and row.password_hash.startswith("scrypt$")


async def test_wrong_credentials_are_one_message_and_five_failures_lock(services):
    await first_admin(services)
    for username in ("nobody", "ada"):
        with pytest.raises(EvdeskError) as err:
            await services.login.login(username, "wrong-password-1")
        assert str(err.value) == "Wrong credentials."
    for _ in range(3):
        with pytest.raises(EvdeskError, match="^Wrong credentials.$"):
            await services.login.login("ada", "wrong-password-1")
    with pytest.raises(LoginLocked) as err:  # the fifth
        await services.login.login("ada", "wrong-password-1")
    assert err.value.until > utcnow() + timedelta(minutes=14)
    assert err.value.until.astimezone().strftime("%H:%M") in str(err.value)
    with pytest.raises(LoginLocked):  # even the right password waits
        await services.login.login("ada", ADMIN_PW)
    await services.store.run(lambda: m.Operator.update(locked_until=utcnow() - timedelta(seconds=1)).execute())
    session = await services.login.login("ada", ADMIN_PW)
    row = await services.store.run(lambda: m.Operator.get(m.Operator.username == "ada"))
    assert row.failed_logins == 0 and row.locked_until is None and session.ctx.username == "ada"


async def test_login_expires_and_unlock_applies_the_same_rules(services):
    services.settings.login_valid_minutes = 30
    await first_admin(services)
    session = await services.login.login("ada", ADMIN_PW)
    assert not session.expired()
    assert session.expired(utcnow() + timedelta(minutes=31))
    with pytest.raises(EvdeskError, match="^Wrong credentials.$"):
        await services.login.unlock(session, "not-it-12345")
    again = await services.login.unlock(session, ADMIN_PW)
    assert again.expires_at > session.expires_at and again.ctx == session.ctx


async def test_invitation_through_a_real_mail_server(services, smtp_server):
    point_at(services.settings, smtp_server)
    admin = await first_admin(services)
    info = await services.operators.invite(admin, username="bea", email="bea@depot.example", role=BASIC,
                                           base_group_id=None, first_name="Bea")
    assert info.status == "invited"
    msg = smtp_server.messages[-1]
    body = smtp_server.body()
    assert msg["To"] == "bea@depot.example" and msg["From"] == "evdesk@depot.example"
    assert "Ada Admin has invited you" in body and "Your username:   bea" in body and "valid until" in body
    code = smtp_server.last_code()
    row = await services.store.run(lambda: m.Operator.get(m.Operator.username == "bea"))
    assert code not in (row.one_time_code_hash or "") and row.one_time_code_expires > utcnow() + timedelta(hours=71)
    with pytest.raises(EvdeskError, match="Wrong credentials."):
        await services.login.login("bea", "anything-123")
    with pytest.raises(ValidationError, match="Wrong credentials."):
        await services.operators.accept_invitation("bea", "AAAA-BBBB", "bea-password-1")
    with pytest.raises(ValidationError, match="password policy"):
        await services.operators.accept_invitation("bea", code, "short")
    active = await services.operators.accept_invitation("bea", code.lower().replace("-", ""), "bea-password-1")
    assert active.status == "active"
    ctx = (await services.login.login("bea", "bea-password-1")).ctx
    assert ctx.role == BASIC
    with pytest.raises(ValidationError):  # a code works once
        await services.operators.accept_invitation("bea", code, "bea-password-2")


async def test_resend_and_expired_code(services, smtp_server):
    point_at(services.settings, smtp_server)
    admin = await first_admin(services)
    info = await services.operators.invite(admin, username="cid", email="cid@depot.example", role=ANALYST,
                                           base_group_id=None)
    first_code = smtp_server.last_code()
    await services.store.run(lambda: m.Operator.update(one_time_code_expires=utcnow() - timedelta(minutes=1))
                             .where(m.Operator.id == info.id).execute())
    with pytest.raises(ValidationError, match="The code has expired."):
        await services.operators.accept_invitation("cid", first_code, "cid-password-1")
    again = await services.operators.resend_invitation(admin, info.id)
    assert again.version == info.version and len(smtp_server.messages) == 2
    await services.operators.accept_invitation("cid", smtp_server.last_code(), "cid-password-1")
    with pytest.raises(EvdeskError, match="accepted the invitation already"):
        await services.operators.resend_invitation(admin, info.id)


async def test_lost_password_and_admin_reset(services, smtp_server):
    point_at(services.settings, smtp_server)
    admin = await first_admin(services)
    await services.operators.request_password_reset("nobody")  # no hint whether it exists
    assert smtp_server.messages == []
    await services.operators.request_password_reset("ADA")
    assert "Lost your password?" in smtp_server.body()
    await services.operators.set_password_with_code("ada", smtp_server.last_code(), "brand-new-pw-1")
    with pytest.raises(EvdeskError, match="Wrong credentials."):
        await services.login.login("ada", ADMIN_PW)
    await services.login.login("ada", "brand-new-pw-1")
    bea = await invite_and_accept(services, smtp_server, admin, "bea")
    await services.operators.send_password_reset(admin, bea.operator_id)
    assert "Ada Admin has asked evdesk" in smtp_server.body()
    await services.operators.set_password_with_code("bea", smtp_server.last_code(), "bea-second-pw-1")
    await services.login.login("bea", "bea-second-pw-1")


async def test_mail_problems_are_the_manuals_message(services, smtp_server):
    admin = await first_admin(services)
    with pytest.raises(EvdeskError, match="^Problem with email address. No mail server"):
        await services.operators.invite(admin, username="dan", email="dan@depot.example", role=BASIC, base_group_id=None)
    point_at(services.settings, smtp_server)
    smtp_server.collector.refuse.add("gone@depot.example")
    with pytest.raises(EvdeskError, match="^Problem with email address. The mail server refused") as err:
        await services.operators.invite(admin, username="dan", email="gone@depot.example", role=BASIC, base_group_id=None)
    assert "550" in str(err.value)
    assert [o.username for o in await services.operators.list(admin)] == ["ada"]  # nothing half-made
    with pytest.raises(ValidationError, match="Problem with email address."):
        await services.operators.invite(admin, username="dan", email="not-an-address", role=BASIC, base_group_id=None)
    services.settings.smtp_port = smtp_server.port + 1 if smtp_server.port < 65535 else 1
    with pytest.raises(EvdeskError, match="Could not reach the mail server"):
        await services.mail.send_test(admin, "ada@depot.example")


async def test_smtp_password_lives_in_the_keychain(services, memory_keyring, smtp_server):
    admin = await first_admin(services)
    await services.mail.set_password(admin, "smtp-secret")
    assert memory_keyring.items[("evdesk", "smtp-password")] == "smtp-secret"
    assert await services.mail.has_password()
    point_at(services.settings, smtp_server)
    await services.mail.send_test(admin, "ada@depot.example")
    assert "test e-mail" in smtp_server.body()
    await services.mail.set_password(admin, "")
    assert not await services.mail.has_password()


async def test_inactive_delete_and_last_admin(services, smtp_server):
    point_at(services.settings, smtp_server)
    admin = await first_admin(services)
    bea = await invite_and_accept(services, smtp_server, admin, "bea", role=ADMIN)
    info = await services.operators.get(bea.operator_id)
    info = await services.operators.set_active(admin, info.id, info.version, False)
    with pytest.raises(EvdeskError, match="^Operator is inactive.$"):
        await services.login.login("bea", "invited-pw-123")
    with pytest.raises(EvdeskError, match="cannot deactivate yourself"):
        me = await services.operators.get(admin.operator_id)
        await services.operators.set_active(admin, me.id, me.version, False)
    with pytest.raises(EvdeskError, match="cannot delete yourself"):
        await services.operators.delete(admin, me.id, me.version)
    # bea is inactive: ada is the last active admin and cannot be demoted by bea either
    info = await services.operators.set_active(admin, info.id, info.version, True)
    bea = (await services.login.login("bea", "invited-pw-123")).ctx
    me = await services.operators.update(bea, me.id, me.version, role=BASIC)
    # now bea is the only active admin: nobody may deactivate, demote or delete her
    with pytest.raises(EvdeskError, match="At least one active admin must remain"):
        await services.operators.set_active(SYSTEM_CONTEXT, info.id, info.version, False)
    with pytest.raises(EvdeskError, match="At least one active admin must remain"):
        await services.operators.update(SYSTEM_CONTEXT, info.id, info.version, role=BASIC)
    with pytest.raises(EvdeskError, match="At least one active admin must remain"):
        await services.operators.delete(SYSTEM_CONTEXT, info.id, info.version)
    await services.operators.delete(bea, me.id, me.version)
    assert [o.username for o in await services.operators.list(bea)] == ["bea"]
    with pytest.raises(NotFound, match="Operator not found."):
        await services.operators.get(me.id)
    with pytest.raises(EvdeskError, match="Wrong credentials."):
        await services.login.login("ada", ADMIN_PW)


async def test_two_admins_editing_the_same_operator(services, smtp_server):
    point_at(services.settings, smtp_server)
    admin = await first_admin(services)
    other = await invite_and_accept(services, smtp_server, admin, "otto", role=ADMIN)
    await invite_and_accept(services, smtp_server, admin, "bea")
    seen_by_ada = next(o for o in await services.operators.list(admin) if o.username == "bea")
    seen_by_otto = next(o for o in await services.operators.list(other) if o.username == "bea")
    await services.operators.update(admin, seen_by_ada.id, seen_by_ada.version, role=ANALYST)
    with pytest.raises(StaleEdit):
        await services.operators.update(other, seen_by_otto.id, seen_by_otto.version, first_name="Beatrice")
    with pytest.raises(ValidationError, match="Username already exists."):
        await services.operators.invite(admin, username="BEA", email="b2@depot.example", role=BASIC, base_group_id=None)


async def test_my_account(services, smtp_server):
    point_at(services.settings, smtp_server)
    admin = await first_admin(services)
    bea = await invite_and_accept(services, smtp_server, admin, "bea", role=ANALYST)
    me = await services.operators.get(bea.operator_id)
    me = await services.operators.update_my_account(bea, me.version, first_name="Bea", last_name="Berg",
                                                     email="bea.berg@depot.example")
    assert me.full_name == "Bea Berg"
    with pytest.raises(ValidationError, match="current password"):
        await services.operators.change_my_password(bea, me.version, "wrong", "bea-new-pw-99")
    with pytest.raises(ValidationError, match="password policy"):
        await services.operators.change_my_password(bea, me.version, "invited-pw-123", "short")
    await services.operators.change_my_password(bea, me.version, "invited-pw-123", "bea-new-pw-99")
    await services.login.login("bea", "bea-new-pw-99")
    with pytest.raises(AccessDenied, match="^Access denied.$"):  # an analyst edits only herself
        ada = await services.operators.get(admin.operator_id)
        await services.operators.update(bea, ada.id, ada.version, first_name="X")


async def test_domains_limit_which_operators_an_admin_manages(services, smtp_server):
    point_at(services.settings, smtp_server)
    root = await first_admin(services)
    a = await services.groups.add(root, "A")
    b = await services.groups.add(root, "B", a.id)
    other = await services.groups.add(root, "Elsewhere")
    sub_admin = await invite_and_accept(services, smtp_server, root, "sam", role=ADMIN, base_group_id=b.id)
    assert sub_admin.domain_groups == {b.id}
    for group in (None, a.id, other.id):
        with pytest.raises(AccessDenied, match="^Operator access forbidden.$"):
            await services.operators.invite(sub_admin, username="x", email="x@depot.example", role=BASIC,
                                            base_group_id=group)
    c = await services.groups.add(sub_admin, "C")  # no parent: under sam's base group
    assert c.parent_id == b.id
    await services.operators.invite(sub_admin, username="carl", email="carl@depot.example", role=BASIC,
                                    base_group_id=c.id)
    assert {o.username for o in await services.operators.list(sub_admin)} == {"sam", "carl"}
    ada = await services.operators.get(root.operator_id)
    with pytest.raises(AccessDenied, match="Operator access forbidden."):
        await services.operators.update(sub_admin, ada.id, ada.version, first_name="X")
    info = await services.operators.get(sub_admin.operator_id)
    assert context_for(info, services.groups.index).domain_groups == {b.id, c.id}


# -- persistence through the store: edits versioned and fed, bookkeeping not -----------------------
def _feed(services, entity, row_id):
    return services.store.run(lambda: [(f.version, f.op) for f in m.ChangeFeed.select().where(
        (m.ChangeFeed.entity == entity) & (m.ChangeFeed.row_id == row_id)).order_by(m.ChangeFeed.seq)])


async def test_edits_are_versioned_and_fed_logins_and_codes_are_not(services, smtp_server):
    """An admin's open edit survives the operator's own logins, failures and new codes; every
    edit of the account goes into the change feed (what other seats follow)."""
    point_at(services.settings, smtp_server)
    admin = await first_admin(services)
    bea = await invite_and_accept(services, smtp_server, admin, "bea")
    seen = await services.operators.get(bea.operator_id)
    assert await _feed(services, "operator", seen.id) == [(1, "insert"), (2, "update")]  # invited, accepted
    for _ in range(2):
        with pytest.raises(EvdeskError, match="^Wrong credentials.$"):
            await services.login.login("bea", "wrong-password-1")
    await services.login.login("bea", "invited-pw-123")
    await services.operators.send_password_reset(admin, seen.id)  # a new code is not an edit either
    assert (await services.operators.get(seen.id)).version == seen.version
    edited = await services.operators.update(admin, seen.id, seen.version, role=ANALYST)  # the open edit is valid
    assert edited.version == seen.version + 1
    with pytest.raises(StaleEdit):
        await services.operators.update(admin, seen.id, seen.version, first_name="Late")
    await services.operators.delete(admin, edited.id, edited.version)
    assert await _feed(services, "operator", seen.id) == [(1, "insert"), (2, "update"), (3, "update"), (4, "delete")]
    with pytest.raises(NotFound, match="Operator not found."):
        await services.operators.update(admin, seen.id, edited.version + 1, first_name="Gone")


async def test_a_deleted_operators_name_is_free_and_fits_the_column(services, smtp_server):
    point_at(services.settings, smtp_server)
    admin = await first_admin(services)
    name = "n" * 120
    for _ in range(2):  # the same (longest) username twice: the first one's tombstone keeps out of the way
        await invite_and_accept(services, smtp_server, admin, name)
        info = next(o for o in await services.operators.list(admin) if o.username == name)
        await services.operators.delete(admin, info.id, info.version)
    retired = await services.store.run(lambda: [o.username for o in m.Operator.select().where(
        m.Operator.deleted_at.is_null(False))])
    assert len(retired) == 2 and all(len(u) <= 120 and "~deleted~" in u for u in retired)


async def test_an_invitation_that_could_not_be_sent_leaves_a_tombstone_and_the_name_free(services, smtp_server):
    point_at(services.settings, smtp_server)
    admin = await first_admin(services)
    smtp_server.collector.refuse.add("gone@depot.example")
    with pytest.raises(EvdeskError, match="^Problem with email address."):
        await services.operators.invite(admin, username="dan", email="gone@depot.example", role=BASIC, base_group_id=None)
    taken_back = await services.store.run(lambda: m.Operator.get(m.Operator.email == "gone@depot.example"))
    assert taken_back.deleted_at is not None  # other seats learn it is gone
    assert await _feed(services, "operator", taken_back.id) == [(1, "insert"), (2, "delete")]
    await services.operators.invite(admin, username="dan", email="dan@depot.example", role=BASIC, base_group_id=None)


async def test_api_keys_and_site_settings_are_fed(services):
    await first_admin(services)
    info, _key = await services.api_keys.create(SYSTEM_CONTEXT, "ada", "feed")
    await services.api_keys.revoke(SYSTEM_CONTEXT, info.prefix)
    assert await _feed(services, "api_key", info.id) == [(1, "insert"), (2, "update")]
    await services.save_settings(SiteSettings(site_name="Fed"), ctx=SYSTEM_CONTEXT)
    await services.save_settings(SiteSettings(site_name="Fed again"), ctx=SYSTEM_CONTEXT)
    row_id = await services.store.run(lambda: m.Setting.get(m.Setting.key == "site").id)
    assert await _feed(services, "setting", row_id) == [(1, "insert"), (2, "update")]
    assert services.settings_version == 2


# -- refusals are one log line, not a traceback (issue 8) -------------------------------------------
async def test_a_refused_login_is_one_line_without_a_traceback(services, caplog):
    await first_admin(services)
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="evdesk"):
        for username, password in (("ada", "wrong-password-1"), ("my-password-123", "x")):
            with pytest.raises(EvdeskError, match="^Wrong credentials.$"):
                await services.login.login(username, password)
    refused = [r for r in caplog.records if "refused" in r.getMessage()]
    assert [r.levelno for r in refused] == [logging.WARNING, logging.WARNING]
    assert refused[0].getMessage() == "login of 'ada' (desk) refused: Wrong credentials."
    assert "my-password-123" not in caplog.text  # what was typed as a name is not logged unless it is one
    assert all(r.exc_info is None and r.exc_text is None for r in caplog.records)
    assert "Traceback" not in caplog.text


def test_code_expiry_is_written_in_the_site_zone_and_names_it():
    from datetime import datetime, timezone

    from evdesk.core.operator_accounts import _local

    when = datetime(2026, 11, 29, 23, 30, tzinfo=timezone.utc)
    assert _local(when, "Asia/Tokyo") == "2026-11-30 08:30 Asia/Tokyo"
    assert _local(when, "America/New_York") == "2026-11-29 18:30 America/New_York"
