"""Fast schema checks for what stations send.

The `ocpp` library checks every payload with jsonschema, which costs more than
everything else evdesk does with a message. Here the same JSON schemas (the
library's own files) are compiled once with fastjsonschema. A payload that
passes goes straight on; one that fails is checked again by the library so the
CALLERROR code and text are exactly what the library would have sent.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable

import fastjsonschema
import ocpp
from ocpp.messages import Call, _validate_payload

_SCHEMA_ROOT = os.path.dirname(os.path.realpath(ocpp.__file__))
_compiled: dict[tuple[str, str], Callable[[dict], object] | None] = {}


def _schema_path(action: str, ocpp_version: str) -> str:
    folder = "v" + ocpp_version.replace(".", "")
    name = action if ocpp_version == "1.6" else action + "Request"
    return os.path.join(_SCHEMA_ROOT, folder, "schemas", name + ".json")


def _compiled_for(action: str, ocpp_version: str):
    key = (action, ocpp_version)
    if key not in _compiled:
        try:
            with open(_schema_path(action, ocpp_version), encoding="utf-8-sig") as f:
                schema = json.load(f)
            schema.pop("$schema", None)  # draft 4 semantics are fastjsonschema's default here
            _compiled[key] = fastjsonschema.compile(schema)
        except (OSError, ValueError, fastjsonschema.JsonSchemaDefinitionException):
            _compiled[key] = None  # no schema we can compile: the library decides
    return _compiled[key]


def validate_call(msg: Call, ocpp_version: str) -> None:
    """Raise the library's OCPPError for an invalid CALL; return quietly for a valid one."""
    check = _compiled_for(msg.action, ocpp_version)
    if check is not None:
        try:
            check(msg.payload)
            return
        except fastjsonschema.JsonSchemaException:
            pass
    _validate_payload(msg, ocpp_version)  # precise error (or the library's own verdict)
