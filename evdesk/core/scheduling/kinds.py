"""What a scheduled task does: its kind, its targets and its checked parameters.

Kinds (REQUIREMENTS-DIGEST B7 catalogue):
* station_current / group_current: the maximum charging current (A) of stations, chosen one by
  one or by charging group (a group means its whole subtree). Sent as a ChargePointMaxProfile on
  connector 0; a station that says it has no smart charging (its stored SupportedFeatureProfiles
  lacks SmartCharging, or it answers SetChargingProfile with NotSupported / NotImplemented) gets
  the task's current-limit configuration key instead, when the task names one.
* user_active / user_group_active: charging users or user groups made active or inactive
  (through the people services, as an operator would).
* firmware: UpdateFirmware to every station of the chosen groups / stations.
* reset, availability: Reset (Soft / Hard) and ChangeAvailability.
* command: any remote command of the command API with its parameters (`COMMANDS`).
* invoice_run, report_email, circuit_limit: site-wide work through other services, checked in
  `service_kinds.py` and run by `service_runs.py` (they have no station or user targets, except
  the chosen user groups of an invoice run).
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from evdesk.core.errors import ValidationError
from evdesk.core.scheduling.service_kinds import SERVICE_KINDS, check_service_params, check_service_targets, \
    describe_service_params

KIND_LABELS = {
    "station_current": "Change station limit",
    "group_current": "Change group limit",
    "user_active": "User activation",
    "user_group_active": "Activate group",
    "firmware": "Firmware update",
    "reset": "Reset",
    "availability": "Change availability",
    "command": "Remote command",
    "invoice_run": "Invoice run",
    "report_email": "Report by e-mail",
    "circuit_limit": "Circuit limit",
}
STATION_KINDS = ("station_current", "group_current", "firmware", "reset", "availability", "command")
# the command API methods a "command" task may call, with their parameters: (name, type, required)
COMMANDS: dict[str, tuple[tuple[str, type, bool], ...]] = {
    "reset": (("kind", str, True),),
    "change_availability": (("connector_id", int, True), ("available", bool, True)),
    "change_configuration": (("key", str, True), ("value", str, True)),
    "get_configuration": (("keys", list, False),),
    "clear_cache": (),
    "unlock_connector": (("connector_id", int, True),),
    "trigger_message": (("message", str, True), ("connector_id", int, False)),
    "data_transfer": (("vendor_id", str, True), ("message_id", str, False), ("data", str, False)),
    "set_charging_profile": (("connector_id", int, True), ("profile", dict, True)),
    "clear_charging_profile": (("profile_id", int, False), ("connector_id", int, False), ("purpose", str, False),
                               ("stack_level", int, False)),
    "get_local_list_version": (),
    "get_diagnostics": (("location", str, True),),
    "update_firmware": (("location", str, True),),
}
MAX_AMPS = 1000
TARGET_KEYS = ("group_ids", "station_ids", "user_ids", "user_group_ids")
# the ChargePointMaxProfile id of scheduled limits: each new limit replaces the previous one
SCHEDULED_LIMIT_PROFILE_ID = 1300


def _ids(values, field: str) -> list[str]:
    if values is None:
        return []
    if not isinstance(values, (list, tuple)):
        raise ValidationError("Choose the targets from the list.", field=field)
    out = []
    for value in values:
        try:
            out.append(str(UUID(str(value))))
        except (ValueError, TypeError, AttributeError):
            raise ValidationError("One of the chosen targets does not exist.", field=field) from None
    return sorted(set(out))


def check_targets(kind: str, targets: Any) -> dict[str, list[str]]:
    if not isinstance(targets, dict):
        raise ValidationError("Choose the targets of the task.", field="targets")
    clean = {key: _ids(targets.get(key), "targets") for key in TARGET_KEYS}
    if kind in STATION_KINDS:
        clean["user_ids"], clean["user_group_ids"] = [], []
        if not clean["group_ids"] and not clean["station_ids"]:
            raise ValidationError("Choose at least one charging station or charging group.", field="targets")
    elif kind == "user_active":
        clean = {"group_ids": [], "station_ids": [], "user_ids": clean["user_ids"], "user_group_ids": []}
        if not clean["user_ids"]:
            raise ValidationError("Choose at least one charging user.", field="targets")
    elif kind in SERVICE_KINDS:
        clean = check_service_targets(kind, clean)
    elif kind == "user_group_active":
        clean = {"group_ids": [], "station_ids": [], "user_ids": [], "user_group_ids": clean["user_group_ids"]}
        if not clean["user_group_ids"]:
            raise ValidationError("Choose at least one charging user group.", field="targets")
    return clean


def _number(value, field: str, low: float, high: float, message: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValidationError(message, field=field) from None
    if not low <= number <= high or number != number:
        raise ValidationError(message, field=field)
    return number


def check_params(kind: str, params: Any) -> dict:
    """The kind's parameters, checked and normalised (what is stored and sent)."""
    if kind not in KIND_LABELS:
        raise ValidationError("Choose a task type from the list.", field="kind")
    params = params if isinstance(params, dict) else {}
    if kind in ("station_current", "group_current"):
        amps = _number(params.get("amps"), "amps", 0, MAX_AMPS, f"Enter the maximum current in amperes (0 to {MAX_AMPS}).")
        key = str(params.get("limit_key") or "").strip()
        if len(key) > 50:
            raise ValidationError("Configuration keys have 1 to 50 characters.", field="limit_key")
        return {"amps": round(amps, 1), "limit_key": key}
    if kind in ("user_active", "user_group_active"):
        if not isinstance(params.get("active"), bool):
            raise ValidationError("Choose Active or Inactive.", field="active")
        return {"active": params["active"]}
    if kind == "firmware":
        location = str(params.get("location") or "").strip()
        if "://" not in location or len(location) > 512:
            raise ValidationError("Give the firmware location as a URL (ftp://, http:// or https://).", field="location")
        return {"location": location}
    if kind == "reset":
        if params.get("kind") not in ("Soft", "Hard"):
            raise ValidationError("Reset is Soft or Hard.", field="reset_kind")
        return {"kind": params["kind"]}
    if kind in SERVICE_KINDS:
        return check_service_params(kind, params)
    if kind == "availability":
        connector = int(_number(params.get("connector_id", 0), "connector_id", 0, 99,
                                "Choose a connector (0 for the whole station)."))
        if not isinstance(params.get("available"), bool):
            raise ValidationError("Choose Operative or Inoperative.", field="available")
        return {"connector_id": connector, "available": params["available"]}
    return _check_command(params)


def _check_command(params: dict) -> dict:
    name = params.get("command")
    if name not in COMMANDS:
        raise ValidationError("Choose a remote command from the list.", field="command")
    given = params.get("args") if isinstance(params.get("args"), dict) else {}
    unknown = set(given) - {p for p, _t, _r in COMMANDS[name]}
    if unknown:
        raise ValidationError(f"{name} has no parameter {sorted(unknown)[0]}.", field="args")
    args = {}
    for pname, ptype, required in COMMANDS[name]:
        value = given.get(pname)
        if value is None or value == "":
            if required:
                raise ValidationError(f"Enter {pname.replace('_', ' ')}.", field=pname)
            continue
        if ptype is int:
            args[pname] = int(_number(value, pname, 0, 2**31 - 1, f"{pname.replace('_', ' ')} is a whole number."))
        elif ptype is bool:
            if not isinstance(value, bool):
                raise ValidationError(f"{pname.replace('_', ' ')} is true or false.", field=pname)
            args[pname] = value
        elif ptype is str:
            if not isinstance(value, (str, int, float)) or len(str(value)) > 500:
                raise ValidationError(f"{pname.replace('_', ' ')} is a text of at most 500 characters.", field=pname)
            args[pname] = str(value)
        elif not isinstance(value, ptype):
            raise ValidationError(f"{pname.replace('_', ' ')} has the wrong form.", field=pname)
        else:
            args[pname] = value
    return {"command": name, "args": args}


def describe_params(kind: str, params: dict) -> str:
    """The parameters in words for the list and the feed."""
    if kind in ("station_current", "group_current"):
        return f"max {params.get('amps')} A"
    if kind in ("user_active", "user_group_active"):
        return "Active" if params.get("active") else "Inactive"
    if kind == "firmware":
        return params.get("location", "")
    if kind == "reset":
        return f"{params.get('kind')} reset"
    if kind in SERVICE_KINDS:
        return describe_service_params(kind, params)
    if kind == "availability":
        where = "station" if not params.get("connector_id") else f"connector {params.get('connector_id')}"
        return f"{where} {'Operative' if params.get('available') else 'Inoperative'}"
    args = ", ".join(f"{k}={v}" for k, v in (params.get("args") or {}).items())
    return f"{params.get('command')}({args})"


def charge_point_max_profile(amps: float, start_iso: str) -> dict:
    return {
        "chargingProfileId": SCHEDULED_LIMIT_PROFILE_ID, "stackLevel": 0,
        "chargingProfilePurpose": "ChargePointMaxProfile", "chargingProfileKind": "Absolute",
        "chargingSchedule": {"chargingRateUnit": "A", "startSchedule": start_iso,
                             "chargingSchedulePeriod": [{"startPeriod": 0, "limit": amps}]},
    }
