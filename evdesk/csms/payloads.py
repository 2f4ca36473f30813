"""OCPP payload objects (the `ocpp` library's dataclasses) as JSON-ready dicts, fast.

The library turns a payload into a dict with `dataclasses.asdict` (a deep copy),
then converts key case and drops empty fields in two more passes; on a busy site
that cost more than the rest of answering a message. Here it is one pass: fields
in declaration order, None left out, keys in camelCase (cached per key).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ocpp.charge_point import snake_to_camel_case

_CAMEL: dict[str, str] = {}
_FIELDS: dict[type, tuple[str, ...]] = {}


def camel(key: str) -> str:
    found = _CAMEL.get(key)
    if found is None:
        found = _CAMEL[key] = next(iter(snake_to_camel_case({key: None})))
    return found


def payload_dict(obj: Any) -> Any:
    """A payload (or any value in it) as plain JSON values with camelCase keys, no None fields."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        names = _FIELDS.get(type(obj))
        if names is None:
            names = _FIELDS[type(obj)] = tuple(f.name for f in dataclasses.fields(obj))
        out = {}
        for name in names:
            value = getattr(obj, name)
            if value is not None:
                out[camel(name)] = payload_dict(value)
        return out
    if isinstance(obj, dict):
        return {camel(k) if isinstance(k, str) else k: payload_dict(v) for k, v in obj.items() if v is not None}
    if isinstance(obj, (list, tuple)):
        return [payload_dict(v) for v in obj]
    return obj
