"""Read services: what screens and the API show, limited to the operator's domain.

Every read service method takes the operator's `OperatorContext`, applies its
domain (the stations and groups the operator sees), pages with a cursor, and runs
its query on the store's reader connection (`store.read`), so a long scroll never
queues in front of a station's StartTransaction on the writer. The queries
themselves (SQL) live in `evdesk/store/queries/`; results are plain frozen
dataclasses that screens may keep.

Cursors are opaque tuples (for logs: the (time, id) of the last row shown — ids
are time-ordered, so the pair is a strict order); the API encodes them as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar
from uuid import UUID

from evdesk.core.permissions import ADMIN, OperatorContext, require_station

T = TypeVar("T")

DEFAULT_PAGE_SIZE = 200
MAX_PAGE_SIZE = 1000

Cursor = tuple


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    next_cursor: Cursor | None = None  # pass it back for the following page; None: this was the last


def page_of(rows: list[T], limit: int, cursor_of) -> Page[T]:
    """`rows` read with `limit + 1`: the page and, when there is more, the cursor after it."""
    if len(rows) > limit:
        rows = rows[:limit]
        return Page(rows, cursor_of(rows[-1]))
    return Page(rows, None)


def clamp_limit(limit: int | None) -> int:
    return max(1, min(int(limit or DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE))


def visible_station_ids(ctx: OperatorContext, stations) -> list[UUID] | None:
    """The ids of the stations the operator sees; None means every station (whole-site admins)."""
    if ctx.is_root and ctx.role == ADMIN:
        return None
    return [s.id for s in stations.all() if ctx.sees_station(s.group_id)]


def require_visible_station(ctx: OperatorContext, stations, station_id: UUID):
    """The station (from the registry) when the operator sees it; NotFound / AccessDenied otherwise."""
    info = stations.get_by_id(station_id)
    require_station(ctx, info.group_id)
    return info
