"""The rules of a station's hardware description: EVSEs (charging points), connectors (sockets),
the EVSE-ID, and a station's system status. Pure functions, no store.

Decisions (issue 16, digest B2 and B9):

* An **EVSE** is a charging point: its `evse_id` is its network number (OCPP 1.6 connectorId,
  2.0.1 evseId), 1..99, unique in the station. It has the electrics: AC or DC, a display max
  power in kW (information only, it is not enforced), phases 1 or 3, and for load management
  the grid phase a single-phase one is wired to (L1/L2/L3) or the rotation of a three-phase one
  (RST, RTS, SRT, STR, TRS, TSR — RST is the identity); both may stay empty (not known yet).
  A phase on a three-phase point, or a rotation on a single-phase one, is refused.
* A **connector** is a socket or a fixed cable of an EVSE: its number is the station-wide
  `connector_id` (the number the station reports status under), a socket type (Type 1, Type 2,
  CCS1, CCS2, CHAdeMO, Schuko, other) and an optional max power. EV Manager's rule: a charging
  point has at most 4 sockets; one with none is refused too (nothing to plug into).
* The **EVSE-ID** (ISO 15118-2 Annex H / eMI3): country code (2 letters), `*`, the operator
  id (3 letters or digits), `*`, `E`, the outlet's id (1-30 letters, digits or `*`), e.g.
  `FI*ABC*E12345`. The separators may be left out (`FIABCE12345`, as DIN SPEC 91286 allows);
  it is stored in upper case and must be unique on the site. Empty = none given.
* **System status** (set by an operator): active; disabled — not monitored, not counted as a
  fault, no mails, no auto-recovery; out of order — known broken: not monitored either (the
  manual: "Only charging stations with system status Active are monitored"), but shown.

Field names of `ValidationError` say where in the layout: `evses[i].name` or
`evses[i].connectors[j].name` (indexes into the list given), so a form can put the message
next to the cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from evdesk.core.errors import ValidationError

SOCKET_TYPES = ("Type1", "Type2", "CCS1", "CCS2", "CHAdeMO", "Schuko", "Other")
SOCKET_LABELS = {"Type1": "Type 1", "Type2": "Type 2", "CCS1": "CCS1", "CCS2": "CCS2", "CHAdeMO": "CHAdeMO",
                 "Schuko": "Schuko", "Other": "Other"}
CURRENT_TYPES = ("AC", "DC")
PHASES = (1, 3)
GRID_PHASES = ("L1", "L2", "L3")
PHASE_ROTATIONS = ("RST", "RTS", "SRT", "STR", "TRS", "TSR")
MAX_SOCKETS_PER_EVSE = 4
MAX_EVSES = 99
MAX_POWER_KW = 1000
SYSTEM_STATUSES = ("active", "disabled", "out_of_order")
SYSTEM_STATUS_LABELS = {"active": "Active", "disabled": "Disabled", "out_of_order": "Out of order"}

TOO_MANY_SOCKETS = f"A charging point can have at most {MAX_SOCKETS_PER_EVSE} sockets (usually it has 1 or 2)."
EVSE_ID_FORMAT = ("An EVSE-ID looks like FI*ABC*E12345: the country code (2 letters), the operator id "
                  "(3 letters or digits), E, and the charging point's own id (up to 30 letters or digits).")
EVSE_ID_PATTERN = re.compile(r"^([A-Z]{2})(\*?)([A-Z0-9]{3})(\*?)E([A-Z0-9][A-Z0-9*]{0,29})$")


def parse_socket_type(value: str) -> str:
    """'Type 2', 'type-2', 'CCS 2', 'chademo' → the stored name; ValueError when none matches."""
    key = re.sub(r"[\s_-]", "", (value or "")).lower()
    for name in SOCKET_TYPES:
        if key == name.lower():
            return name
    if key == "ccs":  # EV Manager's plain "CCS": the European one
        return "CCS2"
    raise ValueError(value)


def check_evse_id(value: str) -> str:
    """The EVSE-ID in upper case, or "" for none; ValidationError(field "emi3_id") when malformed."""
    text = (value or "").strip().upper()
    if not text:
        return ""
    match = EVSE_ID_PATTERN.match(text)
    if match is None or match.group(2) != match.group(4):  # both separators or neither
        raise ValidationError(f"{value.strip()!r} is not an EVSE-ID. {EVSE_ID_FORMAT}", field="emi3_id")
    return text


def check_system_status(value: str) -> str:
    value = (value or "").strip().lower().replace(" ", "_")
    if value not in SYSTEM_STATUSES:
        raise ValidationError("System status must be active, disabled or out of order.", field="system_status")
    return value


def is_monitored(system_status: str) -> bool:
    """Faults of this station are watched, counted, mailed and auto-recovered."""
    return (system_status or "active") == "active"


@dataclass(frozen=True)
class ConnectorSpec:
    connector_id: int
    socket_type: str = "Type2"
    cable: bool = False
    max_power_w: int | None = None


@dataclass(frozen=True)
class EvseSpec:
    evse_id: int
    current_type: str = "AC"
    max_power_w: int | None = None
    phases: int = 3
    phase: str = ""
    phase_rotation: str = ""
    emi3_id: str = ""
    connectors: tuple[ConnectorSpec, ...] = field(default_factory=tuple)


def power_w(kw, where: str) -> int | None:
    """kW as given (number or text with ',' or '.') → W; None for empty."""
    if kw is None or (isinstance(kw, str) and not kw.strip()):
        return None
    try:
        value = float(str(kw).strip().replace(",", ".")) if isinstance(kw, str) else float(kw)
    except ValueError:
        raise ValidationError("Give the max power in kW, e.g. 22 or 3.7.", field=where) from None
    if not 0 < value <= MAX_POWER_KW or value != value:
        raise ValidationError(f"Max power must be more than 0 and at most {MAX_POWER_KW} kW.", field=where)
    return round(value * 1000)


def check_layout(evses: list[EvseSpec]) -> list[EvseSpec]:
    """The layout, cleaned (EVSE-IDs in upper case, phase fields of the other kind refused), in
    EVSE order; ValidationError naming the place of the first problem."""
    if len(evses) > MAX_EVSES:
        raise ValidationError(f"A station has at most {MAX_EVSES} charging points.", field="evses")
    seen_evse, seen_connector, seen_code = set(), set(), set()
    out = []
    for i, e in enumerate(evses):
        at = f"evses[{i}]."
        if not isinstance(e.evse_id, int) or not 1 <= e.evse_id <= MAX_EVSES:
            raise ValidationError(f"Number charging points 1 to {MAX_EVSES} (the OCPP connector id).",
                                  field=at + "evse_id")
        if e.evse_id in seen_evse:
            raise ValidationError(f"Charging point {e.evse_id} is listed twice.", field=at + "evse_id")
        seen_evse.add(e.evse_id)
        if e.current_type not in CURRENT_TYPES:
            raise ValidationError("A charging point is AC or DC.", field=at + "current_type")
        if e.phases not in PHASES:
            raise ValidationError("Phases are 1 or 3.", field=at + "phases")
        if e.phase and e.phase not in GRID_PHASES:
            raise ValidationError("The connected phase is L1, L2 or L3.", field=at + "phase")
        if e.phase_rotation and e.phase_rotation not in PHASE_ROTATIONS:
            raise ValidationError("Phase rotation is one of " + ", ".join(PHASE_ROTATIONS) + ".",
                                  field=at + "phase_rotation")
        if e.phases == 3 and e.phase:
            raise ValidationError("A three-phase charging point has a phase rotation, not a connected phase.",
                                  field=at + "phase")
        if e.phases == 1 and e.phase_rotation:
            raise ValidationError("A single-phase charging point has a connected phase, not a phase rotation.",
                                  field=at + "phase_rotation")
        _check_power(e.max_power_w, at + "max_power_w")
        try:
            code = check_evse_id(e.emi3_id)
        except ValidationError as exc:
            raise ValidationError(str(exc), field=at + "emi3_id") from None
        if code and code.replace("*", "") in seen_code:
            raise ValidationError(f"EVSE-ID {code} is given to two charging points.", field=at + "emi3_id")
        seen_code.add(code.replace("*", ""))
        if not e.connectors:
            raise ValidationError("A charging point needs at least one socket or cable.", field=at + "connectors")
        if len(e.connectors) > MAX_SOCKETS_PER_EVSE:
            raise ValidationError(TOO_MANY_SOCKETS, field=at + "connectors")
        for j, c in enumerate(e.connectors):
            where = f"{at}connectors[{j}]."
            if not isinstance(c.connector_id, int) or not 1 <= c.connector_id <= MAX_EVSES * MAX_SOCKETS_PER_EVSE:
                raise ValidationError("Number connectors from 1 (the number the station reports them under).",
                                      field=where + "connector_id")
            if c.connector_id in seen_connector:
                raise ValidationError(f"Connector {c.connector_id} is listed twice.", field=where + "connector_id")
            seen_connector.add(c.connector_id)
            if c.socket_type not in SOCKET_TYPES:
                raise ValidationError("Socket type is one of " + ", ".join(SOCKET_LABELS.values()) + ".",
                                      field=where + "socket_type")
            _check_power(c.max_power_w, where + "max_power_w")
        out.append(replace(e, emi3_id=code, connectors=tuple(sorted(e.connectors, key=lambda c: c.connector_id))))
    return sorted(out, key=lambda e: e.evse_id)


def _check_power(value, where: str) -> None:
    if value is not None and (not isinstance(value, int) or not 0 < value <= MAX_POWER_KW * 1000):
        raise ValidationError(f"Max power must be more than 0 and at most {MAX_POWER_KW} kW.", field=where)


def layout_to_json(evses: list[EvseSpec]) -> list[dict]:
    return [{"evse_id": e.evse_id, "current_type": e.current_type, "max_power_w": e.max_power_w, "phases": e.phases,
             "phase": e.phase, "phase_rotation": e.phase_rotation, "emi3_id": e.emi3_id,
             "connectors": [{"connector_id": c.connector_id, "socket_type": c.socket_type, "cable": c.cable,
                             "max_power_w": c.max_power_w} for c in e.connectors]} for e in evses]


def layout_from_json(data: list[dict]) -> list[EvseSpec]:
    return [EvseSpec(int(e["evse_id"]), e.get("current_type", "AC"), e.get("max_power_w"), int(e.get("phases", 3)),
                     e.get("phase", ""), e.get("phase_rotation", ""), e.get("emi3_id", ""),
                     tuple(ConnectorSpec(int(c["connector_id"]), c.get("socket_type", "Type2"), bool(c.get("cable")),
                                         c.get("max_power_w")) for c in e.get("connectors", ())))
            for e in data or ()]


def default_layout(connectors: int) -> list[EvseSpec]:
    """What a station without a described layout has: one AC charging point per connector."""
    return [EvseSpec(n, connectors=(ConnectorSpec(n),)) for n in range(1, connectors + 1)]
