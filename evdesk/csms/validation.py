"""Fast schema checks for what stations send, with the error code OCPP-J asks for.

The `ocpp` library checks every payload with jsonschema, which costs more than
everything else evdesk does with a message. Here the same JSON schemas (the
library's own files) are compiled once with fastjsonschema. A payload that
passes goes straight on; one that fails is checked again with jsonschema to find
which rule it breaks, and that rule decides the code (see `framing.py` for the
rule): the library itself answers 1.6 with 2.0.1's `FormatViolation` and an
enumeration mismatch with a format error. Then `sanity.py` checks the values the
schema cannot (int32 ranges, date-times, sampled values).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable

import fastjsonschema
import ocpp
from ocpp.exceptions import (
    FormatViolationError,
    OCPPError,
    PropertyConstraintViolationError,
    ProtocolError,
    TypeConstraintViolationError,
)
from ocpp.messages import Call, get_validator

from evdesk.csms.sanity import check_payload

_SCHEMA_ROOT = os.path.dirname(os.path.realpath(ocpp.__file__))
_compiled: dict[tuple[str, str, bool], Callable[[dict], object] | None] = {}

_ERROR_FOR_RULE: dict[str, type[OCPPError]] = {
    "type": TypeConstraintViolationError,
    "maxLength": TypeConstraintViolationError,  # CiStringNN is a type
    "required": ProtocolError,  # the payload is incomplete
    "enum": PropertyConstraintViolationError,
    "minimum": PropertyConstraintViolationError,
    "maximum": PropertyConstraintViolationError,
    "minLength": PropertyConstraintViolationError,
    "minItems": PropertyConstraintViolationError,
    "maxItems": PropertyConstraintViolationError,
    "multipleOf": PropertyConstraintViolationError,
    "additionalProperties": FormatViolationError,  # spelled per version by the caller
}


def _schema_path(action: str, ocpp_version: str, response: bool = False) -> str:
    folder = "v" + ocpp_version.replace(".", "")
    if response:
        name = action + "Response"
    else:
        name = action if ocpp_version == "1.6" else action + "Request"
    return os.path.join(_SCHEMA_ROOT, folder, "schemas", name + ".json")


def _compiled_for(action: str, ocpp_version: str, response: bool = False):
    key = (action, ocpp_version, response)
    if key not in _compiled:
        try:
            with open(_schema_path(action, ocpp_version, response), encoding="utf-8-sig") as f:
                schema = json.load(f)
            schema.pop("$schema", None)  # draft 4 semantics are fastjsonschema's default here
            _compiled[key] = fastjsonschema.compile(schema)
        except (OSError, ValueError, fastjsonschema.JsonSchemaDefinitionException):
            _compiled[key] = None  # no schema we can compile: jsonschema decides
    return _compiled[key]


def validate_call(msg: Call, ocpp_version: str, *, schema: bool = True) -> None:
    """Raise an OCPPError for an invalid CALL; return quietly for a valid one.

    `schema=False` (the operator's per-station "skip schema validation") still
    checks the values evdesk cannot store or compute with."""
    if schema:
        _check_schema(msg, ocpp_version)
    check_payload(msg.action, msg.payload, ocpp_version)


def validate_result(action: str, payload: dict, ocpp_version: str) -> None:
    """Raise an OCPPError when a station's answer to our `action` breaks its schema (compiled
    checks; the library's validator only to word a failure)."""
    _check(action, payload, ocpp_version, response=True)


def _check_schema(msg: Call, ocpp_version: str) -> None:
    _check(msg.action, msg.payload, ocpp_version, response=False)


def _check(action: str, payload: dict, ocpp_version: str, response: bool) -> None:
    check = _compiled_for(action, ocpp_version, response)
    if check is not None:
        try:
            check(payload)
            return
        except fastjsonschema.JsonSchemaException:
            pass
    try:
        validator = get_validator(3 if response else 2, action, ocpp_version)
    except (OSError, ValueError):
        return  # no schema for this action: the router decides what it is
    error = next(iter(sorted(validator.iter_errors(payload), key=lambda e: len(e.absolute_path))), None)
    if error is None:
        return  # fastjsonschema is stricter on formats (e.g. a time without offset): tolerated (INTEROP §6)
    where = ".".join(str(p) for p in error.absolute_path) or "payload"
    cls = _ERROR_FOR_RULE.get(error.validator, FormatViolationError)
    raise cls(description=f"{action}: {where}: {error.message}"[:255])
