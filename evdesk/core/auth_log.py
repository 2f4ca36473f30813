"""The authorizations log (every decision: when, where, which tag, whose, the result
and why) and turning an unknown tag someone tapped on a charger into a token.

The log is read through the read service (`reads/people.py`: the decisions at the
stations the operator sees). Registering a tag needs the station it was seen at to
be in the operator's domain, and then follows the rules of adding a token or a user.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from evdesk.core.errors import NotFound
from evdesk.core.people_types import TokenInput, TokenRow, UserInput
from evdesk.core.permissions import OperatorContext
from evdesk.core.reads import require_visible_station


@dataclass(frozen=True)
class AuthLogRow:
    id: UUID
    at: datetime
    station_id: UUID | None
    station: str
    connector_id: int | None
    id_tag: str
    token_id: UUID | None
    user_id: UUID | None
    user: str
    context: str
    result: str
    reason: str

    @property
    def unknown_tag(self) -> bool:
        return self.token_id is None and self.reason == "unknown token"


@dataclass(frozen=True)
class AuthLogFilter:
    since: datetime | None = None
    until: datetime | None = None
    station_id: UUID | None = None
    result: str | None = None
    text: str = ""  # tag, user name or reason


class AuthorizationLog:
    def __init__(self, people):
        self.people = people

    async def register_tag(self, ctx: OperatorContext, id_tag: str, *, station_id: UUID | None,
                           user_id: UUID | None = None, new_user: UserInput | None = None, name: str = "",
                           strip_suffix: bool = False) -> TokenRow:
        """Make a tag seen at a charger (`station_id`, one the operator sees) a token of an
        existing user (`user_id`) or of a new user (`new_user`). With `strip_suffix` a vendor
        suffix (`_serial`) is dropped."""
        require_visible_station(ctx, self.people.stations, station_id)
        uid = id_tag.strip()
        if strip_suffix and "_" in uid:
            uid = uid.split("_", 1)[0]
        token = TokenInput(uid=uid, name=name)
        if new_user is not None:
            detail = await self.people.users.create(ctx, new_user, [token])
            return detail.tokens[0]
        if user_id is None:
            raise NotFound("Choose the charging user the token belongs to.")
        return await self.people.tokens.add(ctx, token, user_id)
