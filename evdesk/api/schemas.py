"""Request bodies: one table per body, used to check requests (unknown fields and wrong
types are refused with a message naming the field) and to write the OpenAPI document."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from uuid import UUID

from evdesk.api.errors import bad_parameter, invalid
from evdesk.api.json_input import INT_MAX, INT_MIN, value_problem

TYPE_WORDS = {
    "string": "a string", "integer": "an integer", "number": "a number", "boolean": "true or false",
    "object": "a JSON object", "uuid": "an id (UUID string)", "datetime": "a date-time with a time zone (ISO 8601)",
    "date": "a date (YYYY-MM-DD)", "strings": "a list of strings", "uuids": "a list of ids (UUID strings)",
    "objects": "a list of JSON objects",
}

_QUERY_INT = re.compile(r"[+-]?[0-9]{1,19}")  # ASCII digits only: int() would also take '١٢' and '1_0'


@dataclass(frozen=True)
class F:
    type: str
    required: bool = False
    nullable: bool = False
    enum: tuple | None = None
    doc: str = ""
    minimum: int = INT_MIN  # integers and numbers: what the database can hold, unless narrower (OCPP: 32 bits)
    maximum: int = INT_MAX

    def json_schema(self) -> dict:
        base = {
            "string": {"type": "string"}, "integer": {"type": "integer"}, "number": {"type": "number"},
            "boolean": {"type": "boolean"}, "object": {"type": "object"},
            "uuid": {"type": "string", "format": "uuid"}, "datetime": {"type": "string", "format": "date-time"},
            "date": {"type": "string", "format": "date"}, "strings": {"type": "array", "items": {"type": "string"}},
            "uuids": {"type": "array", "items": {"type": "string", "format": "uuid"}},
            "objects": {"type": "array", "items": {"type": "object"}},
        }[self.type]
        out = dict(base)
        if self.type in ("integer", "number"):
            out.update(minimum=self.minimum, maximum=self.maximum)
        if self.enum:
            out["enum"] = list(self.enum)
        if self.nullable:
            out["type"] = [out["type"], "null"]
        if self.doc:
            out["description"] = self.doc
        return out


def schema_of(spec: dict[str, F]) -> dict:
    out = {"type": "object", "additionalProperties": False,
           "properties": {name: f.json_schema() for name, f in spec.items()}}
    required = [name for name, f in spec.items() if f.required]
    if required:
        out["required"] = required
    return out


def _uuid(value: str, name: str) -> UUID:
    try:
        return UUID(value)
    except (ValueError, AttributeError, TypeError):
        raise invalid(f"Field '{name}' must be {TYPE_WORDS['uuid']}.", name) from None


def parse_datetime(value: str, name: str, error=invalid, what: str = "Field") -> datetime:
    """An aware datetime in UTC. Year 1 or 9999 with an offset is a time UTC cannot hold: refused."""
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00") if value.endswith("Z") else value)
    except (ValueError, AttributeError, TypeError):
        raise error(f"{what} '{name}' must be {TYPE_WORDS['datetime']}.", name) from None
    if parsed.tzinfo is None:
        raise error(f"{what} '{name}' needs a time zone, such as 2026-05-01T08:00:00Z.", name)
    try:
        return parsed.astimezone(timezone.utc)
    except (OverflowError, ValueError):
        raise error(f"{what} '{name}' is out of range: in UTC it falls before year 1 or after year 9999.",
                    name) from None


def _convert(value, f: F, name: str):
    t = f.type
    if value is None:
        if f.nullable:
            return None
        raise invalid(f"Field '{name}' must not be null.", name)
    ok = {
        "string": isinstance(value, str), "uuid": isinstance(value, str), "datetime": isinstance(value, str),
        "date": isinstance(value, str), "integer": isinstance(value, int) and not isinstance(value, bool),
        "number": isinstance(value, (int, float)) and not isinstance(value, bool), "boolean": isinstance(value, bool),
        "object": isinstance(value, dict),
        "strings": isinstance(value, list) and all(isinstance(v, str) for v in value),
        "uuids": isinstance(value, list) and all(isinstance(v, str) for v in value),
        "objects": isinstance(value, list) and all(isinstance(v, dict) for v in value),
    }[t]
    if not ok:
        raise invalid(f"Field '{name}' must be {TYPE_WORDS[t]}.", name)
    if t == "integer":
        if not f.minimum <= value <= f.maximum:
            raise invalid(f"Field '{name}' is out of range ({f.minimum}..{f.maximum}).", name)
    else:
        problem = value_problem(value)
        if problem:
            raise invalid(f"Field '{name}' {problem}.", name)
        if t == "number" and not f.minimum <= value <= f.maximum:
            raise invalid(f"Field '{name}' is out of range ({f.minimum}..{f.maximum}).", name)
    if f.enum and value not in f.enum:
        raise invalid(f"Field '{name}' must be one of: {', '.join(map(str, f.enum))}.", name)
    if t == "uuid":
        return _uuid(value, name)
    if t == "uuids":
        return [_uuid(v, name) for v in value]
    if t == "datetime":
        return parse_datetime(value, name)
    if t == "date":
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise invalid(f"Field '{name}' must be {TYPE_WORDS['date']}.", name) from None
    return value


def validate(body: dict, spec: dict[str, F]) -> dict:
    """The body's fields converted (UUIDs, times), or 422 naming the first bad field."""
    unknown = sorted(set(body) - set(spec))
    if unknown:
        raise invalid(f"Unknown field '{unknown[0]}'. Allowed fields: {', '.join(spec) or 'none'}.", unknown[0])
    for name, f in spec.items():
        if f.required and name not in body:
            raise invalid(f"Field '{name}' is required.", name)
    return {name: _convert(value, spec[name], name) for name, value in body.items()}


# -- query parameters ----------------------------------------------------------------
def query_int(request, name: str, default: int, lo: int, hi: int) -> int:
    raw = request.query.get(name)
    if raw is None:
        return default
    if not _QUERY_INT.fullmatch(raw):  # '' too: the document says integer
        raise bad_parameter(f"Query parameter '{name}' must be an integer.", name)
    value = int(raw)
    if not lo <= value <= hi:
        raise bad_parameter(f"Query parameter '{name}' must be between {lo} and {hi}.", name)
    return value


def query_uuid(request, name: str) -> UUID | None:
    raw = request.query.get(name)
    if not raw:
        return None
    try:
        return UUID(raw)
    except ValueError:
        raise bad_parameter(f"Query parameter '{name}' must be an id (UUID).", name) from None


def query_time(request, name: str) -> datetime | None:
    raw = request.query.get(name)
    if not raw:
        return None
    return parse_datetime(raw, name, error=bad_parameter, what="Query parameter")


def query_enum(request, name: str, allowed: tuple[str, ...]) -> str | None:
    raw = request.query.get(name)
    if not raw:
        return None
    if raw not in allowed:
        raise bad_parameter(f"Query parameter '{name}' must be one of: {', '.join(allowed)}.", name)
    return raw


def check_query(request, allowed: tuple[str, ...]) -> None:
    unknown = sorted(set(request.query) - set(allowed))
    if unknown:
        raise bad_parameter(f"Unknown query parameter '{unknown[0]}'. Allowed: {', '.join(allowed) or 'none'}.",
                            unknown[0])
