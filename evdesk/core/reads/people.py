"""What the screens and the API show of charging users, tokens, the authorizations log
and the CSV export, as the operator sees it.

The domain (`people_domain.py`) applies to every method: lists and exports hold the
users and tokens whose home group the operator sees (whole-site operators: every
one), one user's or token's detail outside it is refused with "Operator access
forbidden.", a user's access rights outside it are left out, and the authorizations
log holds the decisions at the stations the operator sees. Queries run on the
reader connection (`store.read`); lists page by cursor (`after` / `before`) or, for
the screens' scrolling lists, by offset.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from uuid import UUID

from evdesk.core.auth_log import AuthLogFilter, AuthLogRow
from evdesk.core.csv_io import export_text
from evdesk.core.errors import NotFound
from evdesk.core.people_domain import require_home, visible_homes, visible_rights
from evdesk.core.people_types import USER_NOT_FOUND, TokenRow, UserDetail, UserInput, UserRow, row_of
from evdesk.core.permissions import OperatorContext
from evdesk.core.reads import Cursor, Page, clamp_limit, page_of, require_visible_station, visible_station_ids
from evdesk.store.database import Store
from evdesk.store.queries import people as q

TOKEN_NOT_FOUND = "Token not found. Someone may have deleted it; reload the list."


@dataclass(frozen=True)
class UserFilter:
    text: str = ""  # words in the name or e-mail, or part of a token id
    status: str | None = None
    user_group_id: UUID | None = None


@dataclass(frozen=True)
class TokenFilter:
    text: str = ""  # part of the uid, the token's or its user's name or e-mail
    status: str | None = None


def detail_for(ctx: OperatorContext, stations, found: dict | None) -> UserDetail:
    """A user as the store gives them (`user_detail`), as this operator may see them."""
    if found is None:
        raise NotFound(USER_NOT_FOUND)
    require_home(ctx, found["home_group_id"])
    group_rights, station_rights = visible_rights(ctx, stations, found["group_rights"], found["station_rights"])
    data = UserInput(
        found["first_name"], found["last_name"], found["email"], found["phone"], found["user_group_id"],
        found["status"], found["disabled_reason"], found["max_concurrent_transactions"], list(found["vehicles"]),
        group_rights, station_rights, found.get("departure_time", ""),
    )
    tokens = [row_of(TokenRow, t) for t in found["tokens"]]
    return UserDetail(found["id"], found["version"], data, tokens, found["home_group_id"])


class PeopleReads:
    def __init__(self, store: Store, stations):
        self.store = store
        self.stations = stations  # StationService: which stations (and their groups) the operator sees

    # -- charging users --------------------------------------------------------------------------
    async def users(self, ctx: OperatorContext, flt: UserFilter = UserFilter(), *, after: Cursor | None = None,
                    offset: int = 0, limit: int | None = None) -> Page[UserRow]:
        """Users by last name, first name (ignoring case)."""
        limit = clamp_limit(limit)
        rows = await self.store.read(q.user_page, flt.text, flt.status, flt.user_group_id, visible_homes(ctx),
                                     after, max(0, offset), limit + 1)
        page = page_of(rows, limit, lambda r: r["sort_key"])
        return Page([row_of(UserRow, r) for r in page.items], page.next_cursor)

    async def count_users(self, ctx: OperatorContext, flt: UserFilter = UserFilter()) -> int:
        return await self.store.read(q.count_users, flt.text, flt.status, flt.user_group_id, visible_homes(ctx))

    async def user_rows(self, ctx: OperatorContext, user_ids) -> list[UserRow]:
        """The list rows of these users; those removed or outside the domain are left out."""
        ids = list(user_ids)
        if not ids:
            return []
        return [row_of(UserRow, r) for r in await self.store.read(q.users_by_id, ids, visible_homes(ctx))]

    async def user(self, ctx: OperatorContext, user_id: UUID) -> UserDetail:
        """One user with their tokens and the access rights inside the domain."""
        return detail_for(ctx, self.stations, await self.store.read(q.user_detail, user_id))

    # -- tokens ---------------------------------------------------------------------------------------
    async def tokens(self, ctx: OperatorContext, flt: TokenFilter = TokenFilter(), *, after: Cursor | None = None,
                     offset: int = 0, limit: int | None = None) -> Page[TokenRow]:
        """Tokens by uid (ignoring case)."""
        limit = clamp_limit(limit)
        rows = await self.store.read(q.token_page, flt.text, flt.status, None, visible_homes(ctx), after,
                                     max(0, offset), limit + 1)
        page = page_of(rows, limit, lambda r: r["sort_key"])
        return Page([row_of(TokenRow, r) for r in page.items], page.next_cursor)

    async def count_tokens(self, ctx: OperatorContext, flt: TokenFilter = TokenFilter()) -> int:
        return await self.store.read(q.count_tokens, flt.text, flt.status, visible_homes(ctx))

    async def token_rows(self, ctx: OperatorContext, token_ids) -> list[TokenRow]:
        """These tokens; those deleted or outside the domain are left out."""
        ids = list(token_ids)
        if not ids:
            return []
        return [row_of(TokenRow, r) for r in await self.store.read(q.tokens_by_id, ids, visible_homes(ctx))]

    async def token(self, ctx: OperatorContext, token_id: UUID) -> TokenRow:
        found = await self.store.read(q.tokens_by_id, [token_id], None)
        if not found:
            raise NotFound(TOKEN_NOT_FOUND)
        require_home(ctx, found[0]["home_group_id"])
        return row_of(TokenRow, found[0])

    # -- the authorizations log ----------------------------------------------------------------------
    async def authorizations(self, ctx: OperatorContext, flt: AuthLogFilter = AuthLogFilter(), *,
                             before: Cursor | None = None, limit: int | None = None) -> Page[AuthLogRow]:
        """Decisions at the stations the operator sees, newest first; `before` is the cursor
        (time, id) of the last row shown."""
        limit = clamp_limit(limit)
        if flt.station_id is not None:
            require_visible_station(ctx, self.stations, flt.station_id)
        station_ids = visible_station_ids(ctx, self.stations)
        if station_ids is not None and not station_ids:
            return Page([], None)
        rows = await self.store.read(q.authorization_page, flt.since, flt.until, flt.station_id, flt.result, flt.text,
                                     station_ids, before, limit + 1)
        page = page_of(rows, limit, lambda r: (r["at"], r["id"]))
        return Page([row_of(AuthLogRow, r) for r in page.items], page.next_cursor)

    # -- CSV export -------------------------------------------------------------------------------------
    async def export_csv(self, ctx: OperatorContext) -> str:
        """The users the operator sees with their tokens, as CSV (the columns of `csv_io.py`);
        access rights outside the domain are left out."""
        users = await self.store.read(q.export_users, visible_homes(ctx))

        def right_visible(kind: str, right_id: UUID, group_id: UUID | None) -> bool:
            return ctx.sees_group(right_id) if kind == "group" else ctx.sees_station(group_id)

        return await asyncio.to_thread(export_text, users, right_visible)
