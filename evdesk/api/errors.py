"""Stable error bodies: `{"error": {"code": "...", "message": "...", "field": "..."}}`.

| code | status | when |
| --- | --- | --- |
| unauthorized | 401 | no key, unknown or revoked key, inactive operator |
| access_denied | 403 | the operator's role or domain does not allow it (the core's messages) |
| not_found | 404 | no such resource or route |
| method_not_allowed | 405 | the route exists, not with this method |
| stale_edit | 409 | someone changed the record since `version` was read |
| station_offline | 409 | (command endpoints) the station is not connected |
| malformed_json | 400 | the body is not JSON / not an object |
| bad_parameter | 400 | a query parameter is not what it should be |
| validation_error | 422 | unknown field, wrong type, or a value the core refuses; `field` names it |
| storage_unavailable | 503 | the site's disk cannot be written now (full, read-only): try again later |
| internal_error | 500 | a fault in evdesk (logged); never for a client's mistake |
"""

from __future__ import annotations

import logging
import time

from aiohttp import web

from evdesk.api.appkeys import CTX, REFUSALS
from evdesk.api.keys import Unauthorized
from evdesk.core.errors import (
    ConstraintViolated,
    StorageUnavailable,
    AccessDenied,
    EvdeskError,
    NotFound,
    StaleEdit,
    ValidationError,
)

log = logging.getLogger(__name__)

ERROR_CODES = {
    "unauthorized": 401, "access_denied": 403, "not_found": 404, "method_not_allowed": 405, "stale_edit": 409,
    "station_offline": 409, "malformed_json": 400, "bad_parameter": 400, "validation_error": 422,
    "storage_unavailable": 503, "internal_error": 500,
}


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, field: str | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.field = status, code, message, field


def bad_parameter(message: str, field: str | None = None) -> ApiError:
    return ApiError(400, "bad_parameter", message, field)


def invalid(message: str, field: str | None = None) -> ApiError:
    return ApiError(422, "validation_error", message, field)


def error_response(status: int, code: str, message: str, field: str | None = None) -> web.Response:
    err = {"code": code, "message": message}
    if field:
        err["field"] = field
    return web.json_response({"error": err}, status=status)


def from_exception(exc: BaseException) -> web.Response:
    refusal = refusal_of(exc)
    if refusal is None:  # a fault in evdesk: the one case with a traceback
        log.error("API request failed", exc_info=exc)
        return error_response(500, "internal_error", "Internal error in evdesk; it was logged.")
    return error_response(*refusal)


def refusal_of(exc: BaseException) -> tuple[int, str, str, str | None] | None:
    """(status, code, message, field) for a client's mistake or a refusal; None for a fault."""
    if isinstance(exc, ApiError):
        return exc.status, exc.code, exc.message, exc.field
    if isinstance(exc, Unauthorized):
        return 401, "unauthorized", str(exc), None
    if isinstance(exc, AccessDenied):
        return 403, "access_denied", str(exc), None
    if isinstance(exc, NotFound):
        return 404, "not_found", str(exc), None
    if isinstance(exc, StaleEdit):
        return 409, "stale_edit", str(exc), None
    if isinstance(exc, ValidationError):
        return 422, "validation_error", str(exc), exc.field
    if isinstance(exc, EvdeskError):
        return 422, "validation_error", str(exc), None
    if isinstance(exc, StorageUnavailable):  # said once by the store's health report; here only the answer
        return 503, "storage_unavailable", exc.reason, None
    if isinstance(exc, ConstraintViolated):  # a reference to nothing, a duplicate: the client's data
        return (422, "validation_error", "The request refers to a record that does not exist, or repeats a value "
                "that must be unique.", None)
    if isinstance(exc, web.HTTPException):
        if exc.status == 404:
            return 404, "not_found", "No such API route.", None
        if exc.status == 405:
            method = getattr(exc, "method", None)
            return 405, "method_not_allowed", f"This route does not take {method}." if method else "Method not allowed.", None
        if exc.status == 413:
            return 413, "malformed_json", "The request body is too large.", None
        return exc.status, "http_error", exc.reason or "HTTP error", None
    return None


class RefusalLog:
    """Refused requests in the log: one line each (method, path, status, who, why), never a
    traceback, at most `limit` lines per `window` seconds so that a client probing keys or
    fuzzing the API cannot fill the log (the number left out is logged when the window ends).
    401 and 403 are warnings (someone tried what they may not); other refusals are info."""

    def __init__(self, limit: int = 60, window: float = 60.0):
        self.limit, self.window = limit, window
        self._start = -window
        self._count = self._left_out = 0

    def note(self, request: web.Request, status: int, code: str, message: str) -> None:
        now = time.monotonic()
        if now - self._start >= self.window:
            if self._left_out:
                log.warning("%d more refused API requests in the last %.0f s were not logged", self._left_out,
                            self.window)
            self._start, self._count, self._left_out = now, 0, 0
        self._count += 1
        if self._count > self.limit:
            self._left_out += 1
            return
        ctx = request.get(CTX)
        who = getattr(ctx, "name", None) or "no valid key"
        log.log(logging.WARNING if status in (401, 403) else logging.INFO, "API %s %s refused (%d %s) for %s from %s: %s",
                request.method, _printable(request.rel_url.raw_path, 200), status, code, _printable(who, 120),
                request.remote or "?", _printable(message, 300))


def _printable(text: str, limit: int) -> str:
    """One line of valid text, whatever the client sent (no newlines, no lone surrogates)."""
    text = " ".join(str(text).split())
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def refused(request: web.Request, status: int, code: str, message: str, field: str | None = None) -> web.Response:
    """The error body for a refusal, noted in the log."""
    refusals = request.app.get(REFUSALS)
    if refusals is not None:
        refusals.note(request, status, code, message)
    return error_response(status, code, message, field)


@web.middleware
async def error_middleware(request: web.Request, handler):
    try:
        return await handler(request)
    except Exception as exc:  # every failure becomes a stable body
        refusal = refusal_of(exc)
        if refusal is None:
            return from_exception(exc)
        return refused(request, *refusal)
