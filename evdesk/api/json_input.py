"""JSON from clients, read defensively: whatever arrives gets a 400 or 422, never a 500.

The body must be UTF-8 (no other encoding, no byte-order mark), strict JSON (no NaN or
Infinity literals, no key given twice, no lone surrogate in a key) and nested at most
`MAX_DEPTH` levels (Python's parser would otherwise run out of stack on `[[[[…`). Values
are checked where the field is known (`value_problem`): text must be valid Unicode (a
lone surrogate cannot be stored or sent on) without NUL characters, numbers finite,
integers within what the database holds. Cursors are decoded with the same parser.
"""

from __future__ import annotations

import json
import math
import re

from aiohttp import web

from evdesk.api.errors import ApiError

MAX_DEPTH = 32  # an OCPP charging profile needs about 6 levels
INT_MIN, INT_MAX = -(2**63), 2**63 - 1
_SURROGATE = re.compile("[\ud800-\udfff]")


class _Refused(ValueError):
    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message, self.field = message, field


def _no_constants(name: str):
    raise _Refused(f"{name} is not a JSON value.")


def _object(pairs: list[tuple[str, object]]) -> dict:
    out: dict = {}
    for key, value in pairs:
        if _SURROGATE.search(key):
            raise _Refused("A key holds a lone surrogate (\\ud800-\\udfff): not valid Unicode.")
        if key in out:
            raise _Refused(f"The key '{key}' is given twice.", key)
        out[key] = value
    return out


_DECODER = json.JSONDecoder(object_pairs_hook=_object, parse_constant=_no_constants)


def too_deep(value, max_depth: int = MAX_DEPTH) -> tuple[bool, str | None]:
    """(whether `value` nests more than `max_depth` levels, the top-level key where it does)."""
    stack = [(value, 1, None)]
    while stack:
        item, depth, top = stack.pop()
        if isinstance(item, (dict, list)) and depth > max_depth:
            return True, top
        if isinstance(item, dict):
            stack.extend((v, depth + 1, k if depth == 1 else top) for k, v in item.items())
        elif isinstance(item, list):
            stack.extend((v, depth + 1, top) for v in item)
    return False, None


def loads(text: str | bytes, what: str = "The request body"):
    """Strict JSON, or `_Refused` with a message that starts with `what`."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _Refused(f"{what} is not UTF-8 text (byte {exc.start}).") from None
    try:
        value = _DECODER.decode(text)
    except _Refused:
        raise
    except RecursionError:
        raise _Refused(f"{what} is nested more than {MAX_DEPTH} levels deep.") from None
    except ValueError as exc:  # JSONDecodeError, an integer of thousands of digits
        raise _Refused(f"{what} is not valid JSON: {exc}") from None
    deep, field = too_deep(value)
    if deep:
        raise _Refused(f"{what} is nested more than {MAX_DEPTH} levels deep.", field)
    return value


async def read_json(request: web.Request) -> dict:
    """The body as a JSON object, or 400 malformed_json saying what is wrong with it."""
    raw = await request.read()
    if not raw.strip():
        return {}
    try:
        body = loads(raw)
    except _Refused as exc:
        raise ApiError(400, "malformed_json", exc.message, exc.field) from None
    if not isinstance(body, dict):
        raise ApiError(400, "malformed_json", "The request body must be a JSON object.")
    return body


def loads_or_none(text: str | bytes):
    """Strict JSON or None (for cursors: any fault means 'not a cursor this API gave out')."""
    try:
        return loads(text, "The value")
    except _Refused:
        return None


def value_problem(value) -> str | None:
    """What makes a (possibly nested) JSON value unusable, or None: a lone surrogate or a
    NUL in text, a number that is not finite, an integer the database cannot hold."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return "holds a lone surrogate (\\ud800-\\udfff): not valid Unicode text"
            if "\x00" in item:
                return "holds a NUL character"
        elif isinstance(item, bool) or item is None:
            continue
        elif isinstance(item, int):
            if not INT_MIN <= item <= INT_MAX:
                return f"holds an integer out of range ({INT_MIN}..{INT_MAX})"
        elif isinstance(item, float):
            if not math.isfinite(item):
                return "holds a number out of range"
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None


def has_surrogate(text: str) -> bool:
    return bool(_SURROGATE.search(text))
