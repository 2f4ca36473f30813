"""Value checks a JSON schema cannot express, compiled from each action's schema.

The OCPP schemas say `"type": "integer"` and `"format": "date-time"`, but a
schema validator lets 2^63 through as an integer and `"0000-01-01"` or a time
that overflows when moved to UTC through as a string. Handlers then fail deep
inside (InternalError) or the store does. Here, once per action, the schema is
walked for the paths that hold integers, date-times, connector ids and 1.6
sampled values, and every payload is checked along those paths only, so the
handlers see sane values (the error codes follow the rule in `framing.py`):

* integers: OCPP's `integer` is 32-bit signed; a float that is a whole number
  (`1.0`) is taken as that integer.
* connectorId: 0..MAX_CONNECTOR_ID (StartTransaction: 1..).
* date-times: must parse (ISO 8601; no offset is read as UTC, INTEROP §6) and
  lie in 1900..2999 UTC, so every screen can show them in any time zone.
* 1.6 sampled values (format Raw): a decimal number, finite, and in evdesk's
  units (Wh, W, A, V...) at most MAX_SAMPLED_VALUE in size: no meter registers
  1 TWh, no charger draws a terawatt.
"""

from __future__ import annotations

import json
import math
import os
import re
from datetime import datetime, timezone

import ocpp
from ocpp.exceptions import OCPPError, PropertyConstraintViolationError, TypeConstraintViolationError

from evdesk.core.metering import convert

INT32_MIN, INT32_MAX = -(2**31), 2**31 - 1
MAX_CONNECTOR_ID = 100
MAX_EVSE_ID = 100  # OCPP 2.0.1 (evdesk's connector numbers: see core/device_model.py)
MAX_SAMPLED_VALUE = 1e12  # Wh, W, A, V... after unit conversion
EARLIEST = datetime(1900, 1, 1, tzinfo=timezone.utc)
LATEST = datetime(3000, 1, 1, tzinfo=timezone.utc)
_DECIMAL = re.compile(r"^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$")

_SCHEMA_ROOT = os.path.dirname(os.path.realpath(ocpp.__file__))
_plans: dict[tuple[str, str, bool], object] = {}

# A plan is a small tree: ("int", name), ("time",), ("sampled",),
# ("object", {prop: plan}), ("array", plan). None = nothing to check below.


def _plan(schema: dict, name: str = "", defs: dict | None = None, depth: int = 0):
    ref = schema.get("$ref")
    if isinstance(ref, str) and defs is not None and depth < 12:
        # OCPP 2.0.1's schemas name their types in "definitions" (1.6's are inline)
        schema = defs.get(ref.rsplit("/", 1)[-1], {})
    kind = schema.get("type")
    if kind == "integer":
        return ("int", name)
    if kind == "string" and schema.get("format") == "date-time":
        return ("time",)
    if kind == "object":
        props = {}
        for prop, sub in (schema.get("properties") or {}).items():
            plan = _plan(sub, "evseId" if name == "evse" and prop == "id" else prop, defs, depth + 1)
            if plan is not None:
                props[prop] = plan
        if name == "sampledValue#item":
            return ("sampled", props)
        return ("object", props) if props else None
    if kind == "array":
        items = schema.get("items") or {}
        plan = _plan(items, name + "#item", defs, depth + 1)
        return ("array", plan) if plan is not None else None
    return None


def _schema_path(action: str, ocpp_version: str, response: bool) -> str:
    folder = "v" + ocpp_version.replace(".", "")
    if ocpp_version == "1.6":
        name = action + ("Response" if response else "")
    else:
        name = action + ("Response" if response else "Request")
    return os.path.join(_SCHEMA_ROOT, folder, "schemas", name + ".json")


def plan_for(action: str, ocpp_version: str, response: bool = False):
    key = (action, ocpp_version, response)
    if key not in _plans:
        try:
            with open(_schema_path(action, ocpp_version, response), encoding="utf-8-sig") as f:
                schema = json.load(f)
                _plans[key] = _plan(schema, "", schema.get("definitions") or {})
        except (OSError, ValueError):
            _plans[key] = None
    return _plans[key]


def check_payload(action: str, payload: dict, ocpp_version: str = "1.6", response: bool = False) -> None:
    """Raise an OCPPError for the first insane value; fix whole-number floats in place."""
    plan = plan_for(action, ocpp_version, response)
    if plan is not None:
        _walk(plan, payload, action, action)


def _walk(plan, value, where: str, action: str):
    kind = plan[0]
    if kind == "object" or kind == "sampled":
        if not isinstance(value, dict):
            return value
        for prop, sub in plan[1].items():
            if prop in value:
                value[prop] = _walk(sub, value[prop], f"{where}.{prop}", action)
        if kind == "sampled":
            _check_sampled(value, where)
        return value
    if kind == "array":
        if isinstance(value, list):
            for i, item in enumerate(value):
                value[i] = _walk(plan[1], item, f"{where}[{i}]", action)
        return value
    if kind == "int":
        return _check_int(value, plan[1], where, action)
    if kind == "time":
        check_time(value, where)
    return value


def _check_sampled_201(raw, unit_of_measure: dict, where: str) -> None:
    """OCPP 2.0.1: the value is a number, its unit and power-of-ten multiplier in unitOfMeasure."""
    multiplier = unit_of_measure.get("multiplier", 0)
    if isinstance(multiplier, bool) or not isinstance(multiplier, int):
        return  # the schema check reports the type
    if not -MAX_MULTIPLIER <= multiplier <= MAX_MULTIPLIER:
        raise PropertyConstraintViolationError(
            description=f"{where}.unitOfMeasure.multiplier must be between -{MAX_MULTIPLIER} and {MAX_MULTIPLIER}")
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        return
    if not math.isfinite(raw):
        raise PropertyConstraintViolationError(description=f"{where}.value is out of range")
    unit = unit_of_measure.get("unit") if isinstance(unit_of_measure.get("unit"), str) else ""
    number = convert(repr(float(raw) * 10.0 ** multiplier), unit)
    if number is None or not math.isfinite(number) or abs(number) > MAX_SAMPLED_VALUE:
        raise PropertyConstraintViolationError(
            description=f"{where}.value {raw!r} {unit} is beyond {MAX_SAMPLED_VALUE:.0e} in evdesk's units: "
                        "not a plausible reading")


def _check_int(value, name: str, where: str, action: str):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value  # the schema check reports the type
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            raise TypeConstraintViolationError(description=f"{where} must be an integer")
        if not INT32_MIN <= value <= INT32_MAX:
            raise _out_of_range(where, value)
        value = int(value)
    if not INT32_MIN <= value <= INT32_MAX:
        raise _out_of_range(where, value)
    if name == "evseId":
        if not 0 <= value <= MAX_EVSE_ID:
            raise PropertyConstraintViolationError(
                description=f"{where} must be between 0 and {MAX_EVSE_ID}, not {value}")
    if name == "connectorId":
        lowest = 1 if action == "StartTransaction" else 0
        if not lowest <= value <= MAX_CONNECTOR_ID:
            raise PropertyConstraintViolationError(
                description=f"{where} must be between {lowest} and {MAX_CONNECTOR_ID}, not {value}")
    return value


def _out_of_range(where: str, value) -> OCPPError:
    shown = str(value) if len(str(value)) <= 24 else str(value)[:21] + "..."
    return PropertyConstraintViolationError(
        description=f"{where} is outside the 32-bit integer range: {shown}")


def parse_time(value: str) -> datetime:
    """ISO 8601 as chargers send it; naive = UTC. Raises ValueError/OverflowError."""
    text = value.strip()
    if text[-1:] in ("Z", "z"):
        text = text[:-1] + "+00:00"
    parsed = datetime.fromisoformat(text)
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(timezone.utc)


def check_time(value, where: str) -> None:
    if not isinstance(value, str):
        return  # the schema check reports the type
    try:
        at = parse_time(value)
    except (ValueError, IndexError):
        raise TypeConstraintViolationError(description=f"{where} is not a date-time: {value[:40]!r}") from None
    except OverflowError:
        raise PropertyConstraintViolationError(description=f"{where} cannot be represented in UTC: {value[:40]!r}") from None
    if not EARLIEST <= at < LATEST:
        raise PropertyConstraintViolationError(description=f"{where} is outside 1900..2999: {value[:40]!r}")


MAX_MULTIPLIER = 9  # OCPP 2.0.1 unitOfMeasure.multiplier: a power of ten; chargers use -3..3


def _check_sampled(sampled: dict, where: str) -> None:
    if sampled.get("format") == "SignedData":
        return
    raw = sampled.get("value")
    unit_of_measure = sampled.get("unitOfMeasure")
    if isinstance(unit_of_measure, dict) or (isinstance(raw, (int, float)) and not isinstance(raw, bool)):
        _check_sampled_201(raw, unit_of_measure if isinstance(unit_of_measure, dict) else {}, where)
        return
    if not isinstance(raw, str):
        return  # the schema check reports the type
    if not _DECIMAL.match(raw):
        raise TypeConstraintViolationError(description=f"{where}.value is not a decimal number: {raw[:40]!r}")
    number = convert(raw, sampled.get("unit") or "")
    if number is None or not math.isfinite(number):
        raise PropertyConstraintViolationError(description=f"{where}.value is out of range: {raw[:40]!r}")
    if abs(number) > MAX_SAMPLED_VALUE:
        raise PropertyConstraintViolationError(
            description=f"{where}.value {raw[:40]!r} {sampled.get('unit') or ''} is beyond {MAX_SAMPLED_VALUE:.0e} "
                        "in evdesk's units: not a plausible reading".replace("  ", " "))
