"""Reading OCPP-J frames defensively: every bad frame gets the CALLERROR OCPP asks for.

The `ocpp` library logs and drops frames it cannot parse; a charger then waits
for an answer that never comes. Here a frame that is not JSON, not an array, has
an unknown message type or misses elements is answered with a CALLERROR (using
the frame's unique id when one can be found, "-1" otherwise, as OCPP 2.0.1
specifies) and the connection lives on.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from ocpp.messages import Call, CallError, CallResult

_UNIQUE_ID = re.compile(r'^\s*\[\s*\d+\s*,\s*"([^"]{1,64})"')


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


def parse_frame(text: str, max_bytes: int, ocpp_version: str = "1.6") -> Call | CallResult | CallError | FrameProblem:
    if len(text) > max_bytes and len(text.encode("utf-8", "replace")) > max_bytes:
        return FrameProblem(guess_unique_id(text), "FormatViolation", f"Frame larger than {max_bytes} bytes")
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return FrameProblem(guess_unique_id(text), "FormatViolation", "Frame is not valid JSON")
    if not isinstance(data, list) or not data:
        return FrameProblem("-1", "FormatViolation", "Frame is not a JSON array")
    kind = data[0]
    unique_id = data[1] if len(data) > 1 and isinstance(data[1], str) else "-1"
    if kind == 2:
        if len(data) != 4 or not isinstance(data[2], str) or not isinstance(data[3], dict):
            return FrameProblem(unique_id, "FormatViolation", "CALL must be [2, uniqueId, action, {payload}]")
        if not isinstance(data[1], str) or len(data[1]) > 36:
            return FrameProblem(unique_id[:36], "FormatViolation", "uniqueId must be a string of at most 36 characters")
        return Call(data[1], data[2], data[3])
    if kind == 3:
        if len(data) != 3 or not isinstance(data[1], str) or not isinstance(data[2], dict):
            return FrameProblem(unique_id, "FormatViolation", "CALLRESULT must be [3, uniqueId, {payload}]", answer=False)
        return CallResult(data[1], data[2])
    if kind == 4:
        if len(data) < 4 or not isinstance(data[1], str):
            return FrameProblem(unique_id, "FormatViolation", "CALLERROR must be [4, uniqueId, code, description, {details}]", answer=False)
        details = data[4] if len(data) > 4 and isinstance(data[4], dict) else {}
        return CallError(data[1], str(data[2]), str(data[3]), details)
    # 1.6J has no dedicated code: an unknown type breaks the frame structure
    code = "MessageTypeNotSupported" if ocpp_version.startswith("2") else "FormatViolation"
    return FrameProblem(unique_id, code, f"Unknown message type {kind!r}")
