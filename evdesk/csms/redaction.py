"""Secrets never reach a log: configuration values that are passwords are masked.

OCPP 1.6 sends a station's new basic-auth password as the configuration key
`AuthorizationKey` (security profile 1/2); vendors add their own password
keys. OCPP 2.0.1 sends it with SetVariables (SecurityCtrlr/BasicAuthPassword):
variables whose name reads as a secret are masked in SetVariables requests and
GetVariables answers alike. The communication log, the action log, the stored configuration keys and
Python's log get the value masked; only the station itself sees it.
"""

from __future__ import annotations

import json
import re

MASK = "********"
# the password of a URL's user info (the one-time FTP logins in UpdateFirmware / GetDiagnostics)
_URL_PASSWORD = re.compile(r"(\b[a-z][a-z0-9+.-]*://[^:/@\s\"]*:)[^@/\s\"]*@", re.IGNORECASE)
_LOCATION_ACTIONS = ("UpdateFirmware", "GetDiagnostics")


def redact_url(text: str) -> str:
    """`ftp://user:secret@host/` -> `ftp://user:********@host/`."""
    return _URL_PASSWORD.sub(lambda m: m.group(1) + MASK + "@", text)
_SECRET_WORDS = ("authorizationkey", "password", "passwd", "secret", "privatekey")


def is_secret_key(key) -> bool:
    name = str(key or "").lower()
    return any(word in name for word in _SECRET_WORDS)


def redact_request(action: str, request: dict | None) -> dict | None:
    """A command's request as the action log may keep it."""
    if not request:
        return request
    if action == "ChangeConfiguration" and is_secret_key(request.get("key")):
        return {**request, "value": MASK}
    if action in _LOCATION_ACTIONS and isinstance(request.get("location"), str):
        return {**request, "location": redact_url(request["location"])}
    if action == "SetVariables":
        return _mask_variables(request, ("set_variable_data", "setVariableData"), ("attributeValue", "attribute_value"))
    return request


def _mask_variables(payload: dict, list_keys: tuple[str, ...], value_keys: tuple[str, ...]) -> dict:
    """Set/GetVariables: the values of secret variables masked (either key case)."""
    out = dict(payload)
    for list_key in list_keys:
        items = payload.get(list_key)
        if not isinstance(items, list):
            continue
        masked = []
        for item in items:
            if isinstance(item, dict) and is_secret_key((item.get("variable") or {}).get("name")):
                item = {k: (MASK if k in value_keys and v is not None else v) for k, v in item.items()}
            masked.append(item)
        out[list_key] = masked
    return out


def redact_response(action: str, response: dict | None) -> dict | None:
    """A command's answer as the action log may keep it."""
    if action == "GetConfiguration" and response and response.get("configuration_key"):
        return {**response, "configuration_key": redact_configuration(response["configuration_key"])}
    if action == "GetVariables" and response:
        return _mask_variables(response, ("get_variable_result", "getVariableResult"),
                               ("attributeValue", "attribute_value"))
    return response


def redact_configuration(entries: list[dict]) -> list[dict]:
    """GetConfiguration answers: the spec says write-only keys are not returned; some stations do."""
    return [{**e, "value": MASK} if is_secret_key(e.get("key")) and e.get("value") is not None else e
            for e in entries]


def redact_frame(text: str, action: str, kind: int | None) -> str:
    """An OCPP-J frame as the communication log may keep it (cheap for every other action)."""
    if action in _LOCATION_ACTIONS and kind == 2:
        return redact_url(text)
    if action == "ChangeConfiguration" and kind == 2:
        try:
            frame = json.loads(text)
            payload = frame[3]
            if is_secret_key(payload.get("key")) and "value" in payload:
                frame[3] = {**payload, "value": MASK}
                return json.dumps(frame, separators=(",", ":"))
        except (ValueError, TypeError, IndexError, AttributeError):
            return text if "uthorizationKey" not in text else MASK
        return text
    if (action == "SetVariables" and kind == 2) or (action == "GetVariables" and kind == 3):
        if "assword" not in text and "ecret" not in text and "rivateKey" not in text:
            return text  # cheap: no secret variable named
        try:
            frame = json.loads(text)
            index = 3 if kind == 2 else 2
            frame[index] = _mask_variables(frame[index], ("setVariableData", "getVariableResult"), ("attributeValue",))
            return json.dumps(frame, separators=(",", ":"))
        except (ValueError, TypeError, IndexError, AttributeError):
            return MASK
    if action == "GetConfiguration" and kind == 3:
        try:
            frame = json.loads(text)
            entries = frame[2].get("configurationKey")
            if isinstance(entries, list) and any(isinstance(e, dict) and is_secret_key(e.get("key")) for e in entries):
                frame[2] = {**frame[2], "configurationKey": redact_configuration(
                    [e for e in entries if isinstance(e, dict)])}
                return json.dumps(frame, separators=(",", ":"))
        except (ValueError, TypeError, IndexError, AttributeError):
            return text
    return text
