"""Reading OCPP-J frames defensively: every bad frame gets the CALLERROR OCPP asks for.

The `ocpp` library logs and drops frames it cannot parse; a charger then waits
for an answer that never comes. Here a frame that is not JSON, not an array, has
an unknown message type or misses elements is answered with a CALLERROR (using
the frame's unique id when one can be found, "-1" otherwise, as OCPP 2.0.1
specifies) and the connection lives on.

Which error code (the rule for everything a station sends; `sanity.py` applies
it to values, `validation.py` to the schema):

* **FormationViolation** (OCPP-J 1.6 spells it so: the 1.6J errata lists the
  name as a known issue that stays; OCPP 2.0.1 spells it `FormatViolation`) —
  the structure is broken: not JSON, not an OCPP-J array, JSON nested deeper
  than `MAX_NESTING`, `NaN`/`Infinity` tokens (not JSON), numbers too long to
  read, a frame larger than the site's limit, a property the schema does not
  allow, an unknown message type (1.6J has no code of its own for that).
* **ProtocolError** — a required property is missing.
* **TypeConstraintViolation** — a value is not of its type: a string where a
  number belongs, a string longer than its CiString type, a date-time that does
  not parse, a 1.6 sampled value (format Raw) that is not a decimal number
  ("nan", "inf", "abc").
* **PropertyConstraintViolation** — a value of the right type outside its
  allowed range or enumeration: an integer outside int32 (OCPP's `integer`), a
  connectorId below 0 (below 1 in StartTransaction) or above
  `sanity.MAX_CONNECTOR_ID`, a date-time outside 1900..2999, a sampled value
  that overflows ("1e400") or whose size is absurd (`sanity.MAX_SAMPLED_VALUE`).
* **NotImplemented** — an action the receiver does not know; **NotSupported** —
  an action the station's OCPP version defines that evdesk does not take from a
  station (e.g. RequestStartTransaction sent by a 2.0.1 station).
* **MessageTypeNotSupported** (2.0.1 only) — an unknown message type.
* **SecurityError** — any message but BootNotification from a station that is
  not accepted (held as pending by the unknown-station policy).

Lone surrogates in strings (`"\\udcff"`) cannot be stored (SQLite wants UTF-8):
they are replaced by U+FFFD here, before anything reads the payload.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from ocpp.messages import Call, CallError, CallResult

_UNIQUE_ID = re.compile(r'^\s*\[\s*\d+\s*,\s*"([^"]{1,64})"')
# any OCPP payload is a handful of levels deep; this leaves room for vendor data
MAX_NESTING = 32
_STRUCTURE = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")

# The code names that differ between OCPP-J versions.
_CODES_16 = {"FormatViolation": "FormationViolation", "OccurrenceConstraintViolation": "OccurenceConstraintViolation"}
_CODES_201 = {"FormationViolation": "FormatViolation", "OccurrenceConstraintViolation": "OccurenceConstraintViolation"}


def error_code(code: str, ocpp_version: str) -> str:
    """The spelling `ocpp_version` uses for an error code (the library mixes both)."""
    table = _CODES_16 if ocpp_version == "1.6" else _CODES_201
    return table.get(code, code)


@dataclass(frozen=True)
class FrameProblem:
    unique_id: str
    code: str
    description: str
    # a CALLRESULT/CALLERROR we cannot read is never answered (OCPP: no error on an error)
    answer: bool = True

    def to_json(self) -> str:
        return json.dumps([4, self.unique_id, self.code, self.description, {}], separators=(",", ":"))


def guess_unique_id(text: str) -> str:
    match = _UNIQUE_ID.match(text)
    return match.group(1) if match else "-1"


def nesting_exceeds(text: str, limit: int = MAX_NESTING) -> bool:
    """True when JSON text opens more than `limit` levels (cheap: strings are skipped whole)."""
    if text.count("[") + text.count("{") <= limit:
        return False  # the usual frame: cannot be that deep
    depth = 0
    for match in _STRUCTURE.finditer(text):
        token = match.group()
        if token == "[" or token == "{":
            depth += 1
            if depth > limit:
                return True
        elif token == "]" or token == "}":
            depth -= 1
    return False


def _no_constant(name: str):
    raise ValueError(f"{name} is not a JSON number")


def clean_strings(value):
    """Lone surrogates -> U+FFFD, in keys and values, anywhere in the structure."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {clean_strings(k): clean_strings(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_strings(v) for v in value]
    return value


def parse_frame(text: str, max_bytes: int, ocpp_version: str = "1.6") -> Call | CallResult | CallError | FrameProblem:
    formation = error_code("FormationViolation", ocpp_version)
    if len(text) > max_bytes and len(text.encode("utf-8", "replace")) > max_bytes:
        return FrameProblem(guess_unique_id(text), formation, f"Frame larger than {max_bytes} bytes")
    if nesting_exceeds(text):
        return FrameProblem(guess_unique_id(text), formation, f"JSON nested deeper than {MAX_NESTING} levels")
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except (ValueError, RecursionError):  # JSONDecodeError, NaN/Infinity, a number too long to read
        return FrameProblem(guess_unique_id(text), formation, "Frame is not valid JSON")
    if _ESCAPED_SURROGATE.search(text):
        data = clean_strings(data)
    if not isinstance(data, list) or not data:
        return FrameProblem("-1", formation, "Frame is not a JSON array")
    kind = data[0]
    # the frame's own id when it has a readable one, so the station can match the error
    unique_id = data[1] if len(data) > 1 and isinstance(data[1], str) and 0 < len(data[1]) <= 128 else "-1"
    if type(kind) is not int:
        return FrameProblem(unique_id, formation, "MessageTypeId must be an integer")
    if kind == 2:
        if len(data) != 4 or not isinstance(data[2], str) or not isinstance(data[3], dict):
            return FrameProblem(unique_id, formation, "CALL must be [2, uniqueId, action, {payload}]")
        if not isinstance(data[1], str) or not data[1] or len(data[1]) > 36:
            return FrameProblem(unique_id, formation, "uniqueId must be a string of 1 to 36 characters")
        return Call(data[1], data[2], data[3])
    if kind == 3:
        if len(data) != 3 or not isinstance(data[1], str) or not isinstance(data[2], dict):
            return FrameProblem(unique_id, formation, "CALLRESULT must be [3, uniqueId, {payload}]", answer=False)
        return CallResult(data[1], data[2])
    if kind == 4:
        if len(data) < 4 or not isinstance(data[1], str):
            return FrameProblem(unique_id, formation, "CALLERROR must be [4, uniqueId, code, description, {details}]", answer=False)
        details = data[4] if len(data) > 4 and isinstance(data[4], dict) else {}
        return CallError(data[1], str(data[2]), str(data[3]), details)
    # 1.6J has no dedicated code: an unknown type breaks the frame structure
    code = "MessageTypeNotSupported" if ocpp_version.startswith("2") else formation
    return FrameProblem(unique_id, code, f"Unknown message type {kind}")
