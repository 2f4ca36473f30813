"""What every API handler shares: app keys, JSON answers, cursors, parameters, bodies."""

from __future__ import annotations

import base64
import json
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any
from uuid import UUID

from aiohttp import web

from evdesk.api.appkeys import CENTRAL, CTX, KEYS, REFUSALS, SERVICES  # noqa: F401 - shared by the handlers
from evdesk.api.errors import ApiError, bad_parameter
from evdesk.api.json_input import has_surrogate, loads_or_none, read_json
from evdesk.api.schemas import (
    F,
    validate,
)
from evdesk.core.permissions import OperatorContext
from evdesk.core.station_status import CONNECTION_STATE_LABELS

MAX_LIMIT = 1000
DEFAULT_LIMIT = 100
CONNECTION_STATES = tuple(CONNECTION_STATE_LABELS)  # online, temporarily/long-term unavailable, never connected
REGISTRATIONS = ("adopted", "pending", "rejected")
SESSION_STATES = ("active", "completed", "closed_inactive", "failed")


# -- JSON -----------------------------------------------------------------------------
def plain(value: Any) -> Any:
    if isinstance(value, (UUID,)):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _default(value):
    # called by json only for what it cannot write itself: no copy of the whole answer
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return str(value)  # anything else a station may have sent: as text, never a 500


def _dumps(data: Any) -> str:
    return json.dumps(data, default=_default)


def ok(data: Any, status: int = 200) -> web.Response:
    return web.json_response(data, status=status, dumps=_dumps)


def encode_cursor(*parts: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(plain(list(parts))).encode()).decode().rstrip("=")


CURSOR_REFUSED = "Query parameter 'cursor' is not a cursor this API gave out."
MAX_CURSOR = 1000  # characters: the cursors this API gives out are far shorter


def decode_cursor(request: web.Request) -> list | None:
    """The cursor's parts (strings, numbers), or 400 for anything this API did not give out."""
    raw = request.query.get("cursor")
    if not raw:
        return None
    parts = None
    if len(raw) <= MAX_CURSOR:
        try:
            parts = loads_or_none(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
        except ValueError:  # not base64
            parts = None
    if not isinstance(parts, list) or not all(
            isinstance(p, (str, int)) and not isinstance(p, bool) and not (isinstance(p, str) and has_surrogate(p))
            for p in parts):
        raise bad_parameter(CURSOR_REFUSED, "cursor")
    return parts


def decode_time_cursor(request: web.Request) -> tuple[datetime, UUID] | None:
    """A (time, id) cursor: the time must carry its zone (UTC is what the API gives out)."""
    parts = decode_cursor(request)
    if parts is None:
        return None
    try:
        at, row_id = datetime.fromisoformat(parts[0]), UUID(parts[1])
        if at.tzinfo is None:
            raise ValueError("no zone")
        return at.astimezone(timezone.utc), row_id
    except (ValueError, IndexError, TypeError, AttributeError, OverflowError):
        raise bad_parameter(CURSOR_REFUSED, "cursor") from None


@web.middleware
async def query_guard(request: web.Request, handler):
    """No query parameter (name or value) may hold a NUL byte: nothing evdesk stores or
    searches for has one, and SQLite and the logs would cut the text there."""
    for name, value in request.query.items():
        if "\x00" in name or "\x00" in value:
            shown = name.replace("\x00", "\\0")
            raise bad_parameter(f"Query parameter '{shown}' holds a NUL byte.", shown)
    return await handler(request)


def ctx_of(request: web.Request) -> OperatorContext:
    return request[CTX]


def services_of(request: web.Request):
    return request.app[SERVICES]


def path_uuid(request: web.Request, name: str = "id") -> UUID:
    try:
        return UUID(request.match_info[name])
    except ValueError:
        raise ApiError(404, "not_found", f"'{request.match_info[name]}' is not an id (UUID).") from None


async def body_of(request: web.Request, spec: dict[str, F]) -> dict:
    return validate(await read_json(request), spec)
