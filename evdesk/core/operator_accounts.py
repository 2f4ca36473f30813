"""Operator accounts: the first admin, invitations, password resets, edits, deletes, "My account".

Every change of another operator needs MANAGE_OPERATORS and that operator inside
the acting admin's domain (their base group in it; root operators only for root
admins); a new base group must lie in the admin's domain too. An operator's own
names, e-mail and password are theirs to change ("own account excepted").
Every edit is versioned: a stale version raises `StaleEdit`. The rows are read and
written through the store (`store/queries/operators.py`, `store/repos/operators.py`).

One-time codes (invitation, lost password) are mailed in plain words, stored
hashed, valid `CODE_VALID_HOURS`; a wrong code counts as a failed login.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from uuid import UUID

from evdesk.core import events as ev
from evdesk.core.authorization import zone_for
from evdesk.core.clock import utcnow
from evdesk.core.errors import EvdeskError, NotFound, StaleEdit, ValidationError
from evdesk.core.login import LoginLocked, count_failure
from evdesk.core.mail import Mailer, check_address
from evdesk.core.operators import (
    CODE_COST,
    CODE_VALID_HOURS,
    OPERATOR_INACTIVE,
    OPERATOR_NOT_FOUND,
    USERNAME_EXISTS,
    WRONG_CREDENTIALS,
    OperatorInfo,
    check_password_policy,
    info_from_row,
    new_code,
    normalize_code,
)
from evdesk.core.passwords import hash_password, verify_password
from evdesk.core.permissions import (
    ADMIN,
    ROLES,
    OperatorContext,
    Permission,
    require,
    require_group,
)
from evdesk.settings import SiteSettings
from evdesk.store.database import Store
from evdesk.store.errors import MissingRow, StaleRow
from evdesk.store.queries import operators as q
from evdesk.store.repos import operators as repo

_KEEP = object()
LAST_ADMIN = "At least one active admin must remain: make another operator an active admin first."


def _username(username: str) -> str:
    username = (username or "").strip()
    if not username:
        raise ValidationError("Username is required.", field="username")
    if len(username) > 120 or any(c.isspace() for c in username):
        raise ValidationError("Use a username of at most 120 characters without spaces.", field="username")
    return username


def _names(first_name: str, last_name: str) -> tuple[str, str]:
    first, last = (first_name or "").strip(), (last_name or "").strip()
    if len(first) > 120 or len(last) > 120:
        raise ValidationError("Use at most 120 characters for a name.", field="first_name")
    return first, last


class OperatorService:
    def __init__(self, store: Store, bus: ev.EventBus, settings: SiteSettings, mail: Mailer, groups):
        self.store = store
        self.bus = bus
        self.settings = settings
        self.mail = mail
        self.groups = groups  # GroupService

    # -- reading -----------------------------------------------------------------
    async def list(self, ctx: OperatorContext) -> list[OperatorInfo]:
        """The operators whose base group is in `ctx`'s domain (all of them for root)."""
        ctx = self.groups.fresh(ctx)
        rows = [info_from_row(r) for r in await self.store.read(q.all_operators)]
        return [o for o in rows if ctx.is_root or (o.base_group_id is not None and ctx.sees_group(o.base_group_id))]

    async def get(self, operator_id: UUID) -> OperatorInfo:
        row = await self.store.read(q.operator_by_id, operator_id)
        if row is None:
            raise NotFound(OPERATOR_NOT_FOUND)
        return info_from_row(row)

    async def count(self) -> int:
        return await self.store.read(q.operator_count)

    # -- checks ------------------------------------------------------------------
    def _may_manage(self, ctx: OperatorContext, target: OperatorInfo) -> OperatorContext:
        require(ctx, Permission.MANAGE_OPERATORS)
        ctx = self.groups.fresh(ctx)
        require_group(ctx, target.base_group_id)
        return ctx

    def _check_base_group(self, ctx: OperatorContext, base_group_id: UUID | None) -> None:
        if base_group_id is not None:
            self.groups.get(base_group_id)
        require_group(self.groups.fresh(ctx), base_group_id)

    async def _unique(self, username: str, except_id: UUID | None = None) -> None:
        row = await self.store.run(q.operator_by_username, username)
        if row is not None and row.id != except_id:
            raise ValidationError(USERNAME_EXISTS, field="username")

    async def _write(self, target: OperatorInfo, version: int, changes: dict, *, keep_admin: bool = False,
                     delete: bool = False) -> OperatorInfo:
        """An edit of `target` as read at `version` (a delete with `delete`), in one transaction
        with the last-admin rule."""
        def write():
            if keep_admin and not q.active_admins_except(target.id):
                raise EvdeskError(LAST_ADMIN)
            if delete:
                repo.delete_operator(target.id, version, target.username)
                return target
            return info_from_row(repo.update_operator(target.id, version, **changes))

        info = await self._stored(self.store.atomic(write))
        self.bus.publish(ev.OperatorChanged(info.id, info.username, deleted=delete))
        return info

    @staticmethod
    async def _stored(write):
        """The store's refusals in an operator's words."""
        try:
            return await write
        except StaleRow:
            raise StaleEdit() from None
        except MissingRow:
            raise NotFound(OPERATOR_NOT_FOUND) from None
        except repo.UsernameTaken:
            raise ValidationError(USERNAME_EXISTS, field="username") from None

    # -- the first admin -----------------------------------------------------------
    async def create_first_admin(self, username: str, password: str, email: str = "", first_name: str = "",
                                 last_name: str = "") -> OperatorInfo:
        """Only while no operator exists: the site's first (root) admin."""
        username = _username(username)
        email = check_address(email) if email.strip() else ""
        first, last = _names(first_name, last_name)
        check_password_policy(password, username)
        hashed = await asyncio.to_thread(hash_password, password)

        def write():
            if q.any_operator():
                raise EvdeskError("The first administrator exists already. Log in instead.")
            return info_from_row(repo.insert_operator(
                username=username, email=email, first_name=first, last_name=last, status="active", role=ADMIN,
                base_group=None, password_hash=hashed))

        info = await self._stored(self.store.atomic(write))
        self.bus.publish(ev.OperatorChanged(info.id, info.username))
        return info

    # -- invitations and codes -------------------------------------------------------
    async def invite(self, ctx: OperatorContext, *, username: str, email: str, role: str, base_group_id: UUID | None,
                     first_name: str = "", last_name: str = "") -> OperatorInfo:
        require(ctx, Permission.MANAGE_OPERATORS)
        username = _username(username)
        email = check_address(email)
        first, last = _names(first_name, last_name)
        if role not in ROLES:
            raise ValidationError("Choose admin, basic or analyst.", field="role")
        self._check_base_group(ctx, base_group_id)
        await self._unique(username)
        code = new_code()
        code_hash = await asyncio.to_thread(hash_password, code, CODE_COST)
        expires = utcnow() + timedelta(hours=CODE_VALID_HOURS)

        info = info_from_row(await self._stored(self.store.run(lambda: repo.insert_operator(
            username=username, email=email, first_name=first, last_name=last, status="invited", role=role,
            base_group=base_group_id, one_time_code_hash=code_hash, one_time_code_expires=expires))))
        try:
            await self.mail.send(email, *self._invitation_mail(ctx, info, code, expires))
        except EvdeskError:
            # nothing was sent: take the invitation back (its username freed) so the admin can simply try again
            await self.store.run(repo.delete_operator, info.id, None, info.username)
            raise
        self.bus.publish(ev.OperatorChanged(info.id, info.username))
        return info

    async def resend_invitation(self, ctx: OperatorContext, operator_id: UUID) -> OperatorInfo:
        target = await self.get(operator_id)
        self._may_manage(ctx, target)
        if target.status != "invited":
            raise EvdeskError(f"{target.username} has accepted the invitation already; use Reset password instead.")
        return await self._send_code(target, lambda code, expires: self._invitation_mail(ctx, target, code, expires))

    async def send_password_reset(self, ctx: OperatorContext, operator_id: UUID) -> OperatorInfo:
        """An admin asks evdesk to mail the operator a code for a new password."""
        target = await self.get(operator_id)
        if target.id != ctx.operator_id:
            self._may_manage(ctx, target)
        if target.status == "inactive":
            raise EvdeskError(OPERATOR_INACTIVE)
        if target.status == "invited":
            return await self.resend_invitation(ctx, operator_id)
        return await self._send_code(target, lambda code, expires: self._reset_mail(target, code, expires, ctx.name))

    async def request_password_reset(self, username: str) -> None:
        """"Lost your password?": mail a code to the operator's address. Says nothing about
        whether the username exists (the same answer either way)."""
        row = await self.store.run(q.operator_by_username, username)
        if row is None or row.status != "active" or not row.email:
            return
        target = info_from_row(row)
        await self._send_code(target, lambda code, expires: self._reset_mail(target, code, expires, None))

    async def _send_code(self, target: OperatorInfo, compose) -> OperatorInfo:
        if not target.email:
            raise ValidationError(f"Problem with email address. {target.username} has no e-mail address.", field="email")
        code = new_code()
        code_hash = await asyncio.to_thread(hash_password, code, CODE_COST)
        expires = utcnow() + timedelta(hours=CODE_VALID_HOURS)
        await self.mail.send(target.email, *compose(code, expires))
        # a code is not an edit of the account: the version stays, open edits stay valid
        await self._stored(self.store.run(repo.set_one_time_code, target.id, target.version, code_hash, expires))
        info = await self.get(target.id)
        self.bus.publish(ev.OperatorChanged(info.id, info.username))
        return info

    async def set_password_with_code(self, username: str, code: str, password: str) -> OperatorInfo:
        """Accept an invitation or finish a password reset: the code from the mail and a new password."""
        row = await self.store.run(q.operator_by_username, username)
        if row is None:
            raise EvdeskError(WRONG_CREDENTIALS)
        now = utcnow()
        if row.locked_until is not None and row.locked_until > now:
            raise LoginLocked(row.locked_until)
        if row.status == "inactive":
            raise EvdeskError(OPERATOR_INACTIVE)
        check_password_policy(password, row.username)
        ok = await asyncio.to_thread(verify_password, normalize_code(code), row.one_time_code_hash)
        if not ok:
            until = await self.store.atomic(count_failure, row.id)
            if until is not None:
                raise LoginLocked(until, first=True)
            raise ValidationError(f"{WRONG_CREDENTIALS} Check the username and the code from the e-mail.", field="code")
        if row.one_time_code_expires is None or row.one_time_code_expires < now:
            raise ValidationError("The code has expired. Ask an admin for a new invitation, or use "
                                  "'Lost your password?' again.", field="code")
        hashed = await asyncio.to_thread(hash_password, password)
        info = info_from_row(row)
        return await self._write(info, info.version, {
            "password_hash": hashed, "status": "active", "one_time_code_hash": None, "one_time_code_expires": None,
            "failed_logins": 0, "locked_until": None})

    accept_invitation = set_password_with_code

    def _invitation_mail(self, ctx: OperatorContext, info: OperatorInfo, code: str, expires) -> tuple[str, str]:
        site = self.settings.site_name
        inviter = ctx.name if ctx.via != "system" else "An administrator"
        return (f"Invitation to operate {site} with evdesk", (
            f"Hello {info.first_name or info.username},\n\n"
            f"{inviter} has invited you to operate the charging stations of {site} with evdesk, "
            f"as {info.role_label.lower()} operator.\n\n"
            f"Your username:   {info.username}\n"
            f"Your code:       {code}\n\n"
            "To start:\n"
            "1. Open evdesk on a computer of the site.\n"
            "2. In the log-in window press \"I have a code\".\n"
            "3. Enter your username, the code above and a password of your own, and press \"Set password\".\n"
            "4. Log in with your username and the new password.\n\n"
            f"The code is valid until {_local(expires, self.settings.site_timezone)} ({CODE_VALID_HOURS} hours). "
            "If it has expired, ask "
            f"{inviter} to send the invitation again.\n"))

    def _reset_mail(self, info: OperatorInfo, code: str, expires, admin: str | None) -> tuple[str, str]:
        site = self.settings.site_name
        why = (f"{admin} has asked evdesk to let you set a new password" if admin
               else "Someone (hopefully you) pressed \"Lost your password?\" in evdesk")
        return (f"New password for {site} in evdesk", (
            f"Hello {info.first_name or info.username},\n\n"
            f"{why} for the username {info.username} at {site}.\n\n"
            f"Your code:  {code}\n\n"
            "In the evdesk log-in window press \"I have a code\", enter your username, this code and a new "
            "password, and press \"Set password\". Your old password works until then.\n\n"
            f"The code is valid until {_local(expires, self.settings.site_timezone)} ({CODE_VALID_HOURS} hours). "
            "If you did not ask for this, "
            "ignore this e-mail.\n"))

    # -- editing -------------------------------------------------------------------
    async def update(self, ctx: OperatorContext, operator_id: UUID, version: int, *, role: str | None = None,
                     base_group_id=_KEEP, email: str | None = None, first_name: str | None = None,
                     last_name: str | None = None, username: str | None = None) -> OperatorInfo:
        target = await self.get(operator_id)
        self._may_manage(ctx, target)
        changes: dict = {}
        if role is not None and role != target.role:
            if role not in ROLES:
                raise ValidationError("Choose admin, basic or analyst.", field="role")
            if target.id == ctx.operator_id:
                raise EvdeskError("You cannot change your own role; another admin can.")
            changes["role"] = role
        if base_group_id is not _KEEP and base_group_id != target.base_group_id:
            if target.id == ctx.operator_id:
                raise EvdeskError("You cannot change your own base group; another admin can.")
            self._check_base_group(ctx, base_group_id)
            changes["base_group"] = base_group_id
        if email is not None:
            changes["email"] = check_address(email)
        if first_name is not None or last_name is not None:
            changes["first_name"], changes["last_name"] = _names(
                target.first_name if first_name is None else first_name,
                target.last_name if last_name is None else last_name)
        if username is not None and username.strip() != target.username:
            changes["username"] = _username(username)
            await self._unique(changes["username"], target.id)
        losing_admin = target.role == ADMIN and target.status == "active" and changes.get("role", ADMIN) != ADMIN
        return await self._write(target, version, changes, keep_admin=losing_admin)

    async def set_active(self, ctx: OperatorContext, operator_id: UUID, version: int, active: bool) -> OperatorInfo:
        target = await self.get(operator_id)
        self._may_manage(ctx, target)
        if target.id == ctx.operator_id:
            raise EvdeskError("You cannot deactivate yourself.")
        if target.status == "invited":
            raise EvdeskError(f"{target.username} has not accepted the invitation yet; resend it or delete the operator.")
        status = "active" if active else "inactive"
        keep = target.role == ADMIN and target.status == "active" and not active
        return await self._write(target, version, {"status": status}, keep_admin=keep)

    async def delete(self, ctx: OperatorContext, operator_id: UUID, version: int) -> None:
        target = await self.get(operator_id)
        self._may_manage(ctx, target)
        if target.id == ctx.operator_id:
            raise EvdeskError("You cannot delete yourself.")
        await self._write(target, version, {}, delete=True, keep_admin=target.role == ADMIN and target.status == "active")

    # -- set up from a terminal (no e-mail) ---------------------------------------------
    async def create_with_password(self, ctx: OperatorContext, *, username: str, password: str, role: str,
                                   base_group_id: UUID | None = None, email: str = "", first_name: str = "",
                                   last_name: str = "") -> OperatorInfo:
        """An active operator with a password given by whoever sets the site up (no invitation
        e-mail: a site run as a service may have no mail server yet). The checks of `invite`
        and the password policy apply."""
        require(ctx, Permission.MANAGE_OPERATORS)
        username = _username(username)
        email = check_address(email) if (email or "").strip() else ""
        first, last = _names(first_name, last_name)
        if role not in ROLES:
            raise ValidationError("Choose admin, basic or analyst.", field="role")
        self._check_base_group(ctx, base_group_id)
        check_password_policy(password, username)
        await self._unique(username)
        hashed = await asyncio.to_thread(hash_password, password)

        info = info_from_row(await self._stored(self.store.run(lambda: repo.insert_operator(
            username=username, email=email, first_name=first, last_name=last, status="active", role=role,
            base_group=base_group_id, password_hash=hashed))))
        self.bus.publish(ev.OperatorChanged(info.id, info.username))
        return info

    async def set_password(self, ctx: OperatorContext, operator_id: UUID, password: str) -> OperatorInfo:
        """An admin gives another operator a new password directly (no code by e-mail). Clears a
        lockout and any open code; an invited operator becomes active. Your own password is
        changed in My account, with the current one."""
        target = await self.get(operator_id)
        if target.id == ctx.operator_id:
            raise EvdeskError("Change your own password in My account (it asks for the current one).")
        self._may_manage(ctx, target)
        if target.status == "inactive":
            raise EvdeskError(f"{target.username}: {OPERATOR_INACTIVE} Activate the operator first.")
        check_password_policy(password, target.username)
        hashed = await asyncio.to_thread(hash_password, password)
        return await self._write(target, target.version, {
            "password_hash": hashed, "status": "active", "one_time_code_hash": None, "one_time_code_expires": None,
            "failed_logins": 0, "locked_until": None})

    # -- my account -----------------------------------------------------------------
    async def update_my_account(self, ctx: OperatorContext, version: int, *, first_name: str, last_name: str,
                                email: str) -> OperatorInfo:
        me = await self._me(ctx)
        first, last = _names(first_name, last_name)
        email = check_address(email) if (email or "").strip() else ""
        return await self._write(me, version, {"first_name": first, "last_name": last, "email": email})

    async def change_my_password(self, ctx: OperatorContext, version: int, current: str, new: str) -> OperatorInfo:
        me = await self._me(ctx)
        row = await self.store.run(q.operator_by_id, me.id)
        if row is None:
            raise NotFound(OPERATOR_NOT_FOUND)
        if not await asyncio.to_thread(verify_password, current or "", row.password_hash):
            raise ValidationError("The current password is not right.", field="current_password")
        check_password_policy(new, me.username, field="new_password")
        hashed = await asyncio.to_thread(hash_password, new)
        return await self._write(me, version, {"password_hash": hashed})

    async def _me(self, ctx: OperatorContext) -> OperatorInfo:
        if ctx.operator_id is None:
            raise EvdeskError("evdesk itself has no account to change.")
        return await self.get(ctx.operator_id)


def _local(when, zone_name: str = "") -> str:
    """A time in the site's zone ("" = this computer's, as the settings page says), with the zone named."""
    local = when.astimezone(zone_for(zone_name)) if zone_name else when.astimezone()
    return f"{local.strftime('%Y-%m-%d %H:%M')} {zone_name or local.strftime('%Z')}".strip()

