"""Which charging users and tokens an operator sees and may change: their domain.

The rules (issue 8), applied by the people services and the people read service:

* Every charging user and every token belongs to a **home charging group**, or to
  none (site-wide). A token with a charging user belongs to the user's home group; a
  token without a user to its own.
* An operator **sees** a user or token (lists, reads, exports it) when they are a
  whole-site operator (no base group) or its home group lies in their domain (their
  base group and its subgroups). Site-wide users and tokens are seen by whole-site
  operators only. A user or token the operator does not see is refused with
  "Operator access forbidden." whatever they try with it.
* They may **change** what they see when their role has the permission (`EDIT_USERS`,
  `REMOVE_USERS`, `DELETE_TOKENS`). The role is checked first ("Access denied."), then
  the domain ("Operator access forbidden.").
* A **new** user or token gets the creating operator's base group unless they choose
  another group in their domain; whole-site operators may leave it empty (site-wide).
  A new token of a user belongs to the user's group. A user's home group may be moved
  to another group in the operator's domain (to none by whole-site operators only).
* **Access rights** an operator gives must lie in their domain (a charging group they
  see, a station they see). Rights outside their domain that a user already has are
  not shown to them and are kept untouched when they save the user.
* **Moving a token** to another user needs seeing the token and the user; taking it
  from its user leaves it in that user's home group.
* **Charging user groups** are site-wide: every operator sees the list (names, active,
  limits, member counts over the whole site) and may put users they manage in any
  group. Adding, editing and deleting a group reaches every member on the site, so it
  is for whole-site admins only.
* The **authorizations log** shows the decisions at the stations the operator sees;
  "register this tag" needs the station it was seen at to be one of them.
"""

from __future__ import annotations

from uuid import UUID

from evdesk.core.errors import AccessDenied, ValidationError
from evdesk.core.permissions import (
    OPERATOR_ACCESS_FORBIDDEN,
    OperatorContext,
    Permission,
    require,
    require_group,
    require_station,
)


class _Keep:
    """Leave it as it is (on a change) / the operator's default (on a new row)."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP = _Keep()


def sees_home(ctx: OperatorContext, home_group_id: UUID | None) -> bool:
    return ctx.sees_group(home_group_id)


def require_home(ctx: OperatorContext, home_group_id: UUID | None) -> None:
    """The user or token (by its home group) must be in the operator's domain."""
    require_group(ctx, home_group_id)


def visible_homes(ctx: OperatorContext) -> frozenset[UUID] | None:
    """The home groups whose users and tokens the operator sees; None: every one (site-wide too)."""
    return None if ctx.is_root else ctx.domain_groups


def home_for_new(ctx: OperatorContext, chosen) -> UUID | None:
    """The home group of a new user or token: the chosen one (in the domain) or the base group."""
    home = ctx.base_group_id if chosen is KEEP else chosen
    require_home(ctx, home)
    return home


def require_site_wide_admin(ctx: OperatorContext, permission: Permission) -> None:
    """Changes that reach the whole site: the permission, and no base group."""
    require(ctx, permission)
    if not ctx.is_root:
        raise AccessDenied(OPERATOR_ACCESS_FORBIDDEN)


def check_new_rights(ctx: OperatorContext, stations, group_ids, station_ids) -> None:
    """Rights an operator gives must lie in their domain (ValidationError for a gone station)."""
    for group_id in group_ids:
        require_group(ctx, group_id)
    for station_id in station_ids:
        info = stations.by_id.get(station_id)
        if info is None:
            raise ValidationError("A chosen charging station no longer exists.", field="station_rights")
        require_station(ctx, info.group_id)


def station_right_visible(ctx: OperatorContext, stations, station_id: UUID) -> bool:
    info = stations.by_id.get(station_id)
    return ctx.sees_station(info.group_id if info is not None else None)


def visible_rights(ctx: OperatorContext, stations, group_ids, station_ids) -> tuple[list[UUID], list[UUID]]:
    """The rights (group ids, station ids) the operator sees."""
    return ([g for g in group_ids if ctx.sees_group(g)],
            [s for s in station_ids if station_right_visible(ctx, stations, s)])


def hidden_rights(ctx: OperatorContext, stations, group_ids, station_ids) -> tuple[list[UUID], list[UUID]]:
    """The rights the operator does not see (kept when they save the user)."""
    return ([g for g in group_ids if not ctx.sees_group(g)],
            [s for s in station_ids if not station_right_visible(ctx, stations, s)])
