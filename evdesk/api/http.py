"""What every API handler shares: app keys, JSON answers, cursors, parameters, bodies."""

from __future__ import annotations

import base64
import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from aiohttp import web

from evdesk.api.errors import ApiError, bad_parameter, read_json
from evdesk.api.schemas import (
    F,
    validate,
)
from evdesk.core.permissions import OperatorContext
from evdesk.core.station_status import CONNECTION_STATE_LABELS

SERVICES = web.AppKey("services", object)
CENTRAL = web.AppKey("central", object)
KEYS = web.AppKey("keys", object)
CTX = web.RequestKey("ctx", OperatorContext) if hasattr(web, "RequestKey") else "ctx"
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


def decode_cursor(request: web.Request) -> list | None:
    raw = request.query.get("cursor")
    if not raw:
        return None
    try:
        parts = json.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
        if not isinstance(parts, list):
            raise ValueError
        return parts
    except ValueError:
        raise bad_parameter("Query parameter 'cursor' is not a cursor this API gave out.", "cursor") from None


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
