"""Who may do what: roles, the operator's domain, and the checks every service makes.

Roles (EV Manager): an **admin** may do everything; a **basic** operator may do
everything except what `BASIC_FORBIDDEN` lists; an **analyst** reads everything
in their domain and changes nothing.

Domains: an operator sees and manages the charging groups under their base group
(the base group included) and the stations in them. Stations outside every group
(orphans) are visible only to admins whose base group is the root (no base group).

Screens hide what an operator may not do, but the services check again: a
service method that changes something takes an `OperatorContext` and calls
`require(...)` / `require_station(...)` before touching the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from uuid import UUID

from evdesk.core.errors import AccessDenied

ADMIN, BASIC, ANALYST = "admin", "basic", "analyst"
ROLES = (ADMIN, BASIC, ANALYST)
# Not a role anyone is given: what a widget acts as when no operator is logged in to it.
NOBODY = "nobody"
ROLE_LABELS = {ADMIN: "Admin", BASIC: "Basic", ANALYST: "Analyst (read only)"}

ACCESS_DENIED = "Access denied."
OPERATOR_ACCESS_FORBIDDEN = "Operator access forbidden."


class Permission(str, Enum):
    """Actions that change something. Reading needs no permission, only the domain."""

    MANAGE_OPERATORS = "manage_operators"  # invite, edit, (de)activate, delete other operators
    ADD_REMOVE_STATIONS = "add_remove_stations"  # create, adopt, reject, delete stations
    EDIT_STATIONS = "edit_stations"  # name, group, access, intervals, password
    REMOTE_COMMANDS = "remote_commands"  # start/stop, reset, unlock, availability, configuration...
    FIRMWARE_UPDATES = "firmware_updates"
    MANAGE_GROUPS = "manage_groups"  # charging groups: add, rename, move, delete, assign stations
    EDIT_USERS = "edit_users"  # add and edit charging users, vehicles, access rights, tokens
    REMOVE_USERS = "remove_users"
    DELETE_TOKENS = "delete_tokens"
    MANAGE_USER_GROUPS = "manage_user_groups"  # add, edit, delete charging user groups
    SCHEDULED_TASKS = "scheduled_tasks"
    INVOICES = "invoices"
    TARIFFS = "tariffs"  # tariffs, tariff groups and where they apply; re-pricing sessions
    ACCESS_PROFILES = "access_profiles"  # who may charge where and when (time windows)
    SITE_SETTINGS = "site_settings"
    API_KEYS = "api_keys"
    NOTIFICATIONS = "notifications"  # notification rules (recipients, cases, auto-recovery) and their mail log


# The EV Manager list of what a basic operator can not do; site settings and API
# keys are admin matters too.
BASIC_FORBIDDEN = frozenset({
    Permission.MANAGE_OPERATORS,
    Permission.ADD_REMOVE_STATIONS,
    Permission.EDIT_STATIONS,  # "Only admin operators can edit charging stations."
    Permission.REMOVE_USERS,
    Permission.DELETE_TOKENS,
    Permission.FIRMWARE_UPDATES,
    Permission.SCHEDULED_TASKS,
    Permission.MANAGE_USER_GROUPS,
    Permission.INVOICES,
    Permission.TARIFFS,
    Permission.ACCESS_PROFILES,
    Permission.SITE_SETTINGS,
    Permission.API_KEYS,
    Permission.NOTIFICATIONS,
})


def allowed(role: str, permission: Permission) -> bool:
    if role == ADMIN:
        return True
    if role == BASIC:
        return permission not in BASIC_FORBIDDEN
    return False  # analysts change nothing; NOBODY and unknown roles neither


@dataclass(frozen=True)
class OperatorContext:
    """The operator on whose behalf a service acts (a logged-in seat or an API key).

    `domain_groups` are the ids of the base group and all its descendants, computed
    when the context is made (see `operators.context_for`); `None` means the whole
    site (no base group = the root).
    """

    operator_id: UUID | None
    username: str
    role: str
    base_group_id: UUID | None = None
    domain_groups: frozenset[UUID] | None = None
    display_name: str = ""
    via: str = "desk"  # desk / api / system

    @property
    def is_root(self) -> bool:
        return self.domain_groups is None

    @property
    def name(self) -> str:
        return self.display_name or self.username

    def can(self, permission: Permission) -> bool:
        return allowed(self.role, permission)

    def can_site_wide(self, permission: Permission) -> bool:
        """The permission and no base group: changes that reach the whole site (user groups,
        tariffs, site settings)."""
        return self.can(permission) and self.is_root and self.base_group_id is None

    def sees_group(self, group_id: UUID | None) -> bool:
        if group_id is None:
            return self.is_root
        return self.is_root or group_id in self.domain_groups

    def sees_station(self, group_id: UUID | None) -> bool:
        """A station is seen through its group; orphans only by root admins."""
        if group_id is None:
            return self.is_root and self.role == ADMIN
        return self.sees_group(group_id)


# evdesk itself (boot handling, scheduled work): may do everything, everywhere
SYSTEM_CONTEXT = OperatorContext(operator_id=None, username="evdesk", role=ADMIN, via="system")
# No operator at all (fail closed): may do nothing and sees no group and no station. Its base
# group is one that never exists, so a domain recomputed from it (`groups.fresh`) stays empty too.
NO_GROUP = UUID(int=0)
NOBODY_CONTEXT = OperatorContext(operator_id=None, username="nobody", role=NOBODY, base_group_id=NO_GROUP,
                                 domain_groups=frozenset(), display_name="No operator", via="none")


def require(ctx: OperatorContext, permission: Permission) -> None:
    if not ctx.can(permission):
        raise AccessDenied(ACCESS_DENIED)


def require_group(ctx: OperatorContext, group_id: UUID | None) -> None:
    if not ctx.sees_group(group_id):
        raise AccessDenied(OPERATOR_ACCESS_FORBIDDEN)


def require_station(ctx: OperatorContext, group_id: UUID | None) -> None:
    """The station (by its group) must be in the operator's domain."""
    if not ctx.sees_station(group_id):
        raise AccessDenied(OPERATOR_ACCESS_FORBIDDEN)


@dataclass
class DomainIndex:
    """The group tree in memory, to compute domains and descendants quickly."""

    parent_of: dict[UUID, UUID | None] = field(default_factory=dict)

    def children(self) -> dict[UUID | None, list[UUID]]:
        out: dict[UUID | None, list[UUID]] = {}
        for gid, parent in self.parent_of.items():
            out.setdefault(parent, []).append(gid)
        return out

    def subtree(self, root: UUID) -> frozenset[UUID]:
        kids = self.children()
        seen, stack = set(), [root]
        while stack:
            gid = stack.pop()
            if gid in seen:
                continue
            seen.add(gid)
            stack.extend(kids.get(gid, ()))
        return frozenset(seen)

    def is_descendant(self, group_id: UUID, ancestor: UUID) -> bool:
        """True if `group_id` is `ancestor` or lies below it."""
        seen = set()
        current: UUID | None = group_id
        while current is not None and current not in seen:
            if current == ancestor:
                return True
            seen.add(current)
            current = self.parent_of.get(current)
        return False
