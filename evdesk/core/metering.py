"""Meter readings from chargers, turned into evdesk's units (Wh, W, A, %).

Chargers report in Wh or kWh (read the unit, INTEROP §4), power in W or kW,
limits in vendor units. Values that cannot be read are kept raw and not used.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from evdesk.core.clock import parse_ocpp_time

ENERGY_REGISTER = "Energy.Active.Import.Register"
POWER = "Power.Active.Import"

# unit as sent -> (evdesk unit, factor)
_UNIT_FACTORS = {
    "wh": ("Wh", 1.0),
    "kwh": ("Wh", 1000.0),
    "varh": ("varh", 1.0),
    "kvarh": ("varh", 1000.0),
    "w": ("W", 1.0),
    "kw": ("W", 1000.0),
    "var": ("var", 1.0),
    "kvar": ("var", 1000.0),
    "a": ("A", 1.0),
    "ma": ("A", 0.001),
    "da": ("A", 0.1),  # deci-ampere, a vendor unit seen on limits
    "v": ("V", 1.0),
    "percent": ("%", 1.0),
    "celsius": ("Celsius", 1.0),
    "fahrenheit": ("Fahrenheit", 1.0),
    "k": ("K", 1.0),
    "hz": ("Hz", 1.0),
}

_DEFAULT_UNIT = {ENERGY_REGISTER: "Wh", POWER: "W", "Current.Import": "A", "Current.Offered": "A", "SoC": "Percent"}


@dataclass(frozen=True)
class Reading:
    timestamp: datetime
    timestamp_trusted: bool
    measurand: str
    phase: str
    location: str
    context: str
    unit: str  # as sent (or the measurand's default)
    raw_value: str
    value: float | None  # converted to evdesk's unit, None if unreadable


def convert(raw: str, unit: str) -> float | None:
    try:
        number = float(raw)
    except (TypeError, ValueError):
        return None
    _, factor = _UNIT_FACTORS.get((unit or "").lower(), (unit, 1.0))
    return number * factor


def parse_meter_values(meter_value: list[dict], received: datetime) -> list[Reading]:
    """Flatten OCPP 1.6 meterValue[] (snake_case keys from the ocpp library)."""
    readings = []
    for entry in meter_value or []:
        ts, trusted = parse_ocpp_time(entry.get("timestamp"), received)
        for sv in entry.get("sampled_value") or entry.get("sampledValue") or []:
            measurand = sv.get("measurand") or ENERGY_REGISTER
            unit = sv.get("unit") or _DEFAULT_UNIT.get(measurand, "")
            raw = str(sv.get("value", ""))
            readings.append(
                Reading(
                    timestamp=ts,
                    timestamp_trusted=trusted,
                    measurand=measurand,
                    phase=sv.get("phase") or "",
                    location=sv.get("location") or "",
                    context=sv.get("context") or "Sample.Periodic",
                    unit=unit,
                    raw_value=raw[:64],
                    value=convert(raw, unit),
                )
            )
    return readings


def latest_energy_wh(readings: list[Reading]) -> tuple[int, datetime] | None:
    """The newest whole-meter energy register reading (phase-less, outlet or unspecified)."""
    best = None
    for r in readings:
        if r.measurand != ENERGY_REGISTER or r.value is None or r.phase:
            continue
        if r.location not in ("", "Outlet", "Inlet"):
            continue
        if best is None or r.timestamp >= best[1]:
            best = (int(round(r.value)), r.timestamp)
    return best


def latest_power_w(readings: list[Reading]) -> float | None:
    total = None
    phases = 0.0
    have_phases = False
    for r in readings:
        if r.measurand != POWER or r.value is None:
            continue
        if r.phase:
            phases += r.value
            have_phases = True
        else:
            total = r.value
    if total is not None:
        return total
    return phases if have_phases else None
