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
| internal_error | 500 | a fault in evdesk (logged); never for a client's mistake |
"""

from __future__ import annotations

import logging

import peewee
from aiohttp import web

from evdesk.api.keys import Unauthorized
from evdesk.core.errors import (
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
    "internal_error": 500,
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
    if isinstance(exc, ApiError):
        return error_response(exc.status, exc.code, exc.message, exc.field)
    if isinstance(exc, Unauthorized):
        return error_response(401, "unauthorized", str(exc))
    if isinstance(exc, AccessDenied):
        return error_response(403, "access_denied", str(exc))
    if isinstance(exc, NotFound):
        return error_response(404, "not_found", str(exc))
    if isinstance(exc, StaleEdit):
        return error_response(409, "stale_edit", str(exc))
    if isinstance(exc, ValidationError):
        return error_response(422, "validation_error", str(exc), exc.field)
    if isinstance(exc, EvdeskError):
        return error_response(422, "validation_error", str(exc))
    if isinstance(exc, peewee.IntegrityError):  # a reference to nothing, a duplicate: the client's data
        log.info("API request refused by the database: %s", exc)
        return error_response(422, "validation_error", "The request refers to a record that does not exist, "
                                                       "or repeats a value that must be unique.")
    if isinstance(exc, web.HTTPException):
        if exc.status == 404:
            return error_response(404, "not_found", "No such API route.")
        if exc.status == 405:
            return error_response(405, "method_not_allowed", f"This route does not take {exc.method}." if hasattr(exc, "method") else "Method not allowed.")
        if exc.status == 413:
            return error_response(413, "malformed_json", "The request body is too large.")
        return error_response(exc.status, "http_error", exc.reason or "HTTP error")
    log.exception("API request failed", exc_info=exc)
    return error_response(500, "internal_error", "Internal error in evdesk; it was logged.")


@web.middleware
async def error_middleware(request: web.Request, handler):
    try:
        return await handler(request)
    except Exception as exc:  # every failure becomes a stable body
        return from_exception(exc)

