"""Meter readings from chargers, turned into evdesk's units (Wh, W, A, V, %).

Chargers report in Wh or kWh (read the unit, INTEROP §4), power in W or kW,
limits in vendor units. One OCPP meterValue entry (a time stamp with its sampled
values) becomes one `MeterReading`: the whole-meter figures evdesk uses are
pulled out; every sampled value is kept as sent in `samples`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime

from evdesk.core.clock import parse_ocpp_time

ENERGY_REGISTER = "Energy.Active.Import.Register"
POWER = "Power.Active.Import"
CURRENT = "Current.Import"
VOLTAGE = "Voltage"
SOC = "SoC"

# unit as sent (lower case) -> factor to evdesk's unit
_UNIT_FACTORS = {
    "wh": 1.0, "kwh": 1000.0, "varh": 1.0, "kvarh": 1000.0, "w": 1.0, "kw": 1000.0, "var": 1.0, "kvar": 1000.0,
    "a": 1.0, "ma": 0.001, "da": 0.1,  # deci-ampere: a vendor unit seen on limits
    "v": 1.0, "percent": 1.0, "celsius": 1.0, "fahrenheit": 1.0, "k": 1.0, "hz": 1.0,
}
_DEFAULT_UNIT = {ENERGY_REGISTER: "Wh", POWER: "W", CURRENT: "A", "Current.Offered": "A", SOC: "Percent", VOLTAGE: "V"}


@dataclass(slots=True)
class MeterReading:
    timestamp: datetime
    timestamp_trusted: bool
    context: str
    energy_wh: float | None = None  # whole-meter active import register
    power_w: float | None = None  # total, or the sum of the phases
    current_a: float | None = None  # highest phase current
    voltage_v: float | None = None
    soc: float | None = None
    # Current.Import per grid phase (L1, L2, L3; "L1-N" counts as L1) when the station tags them
    phase_current_a: dict[str, float] = field(default_factory=dict)
    # [measurand, phase, location, unit as sent, value as sent, context, format]: a signed
    # reading (format SignedData) keeps its whole value and context, to be verified later
    samples: list[list[str]] = field(default_factory=list)


def convert(raw: str, unit: str) -> float | None:
    """The value in evdesk's unit; None for what is not a finite number."""
    try:
        number = float(raw)
    except (TypeError, ValueError):
        return None
    if not math.isfinite(number):
        return None
    return number * _UNIT_FACTORS.get((unit or "").lower(), 1.0)


def parse_meter_values(meter_value: list[dict], received: datetime, naive_zone=None,
                       unitless_energy: str = "Wh") -> list[MeterReading]:
    """Read OCPP 1.6 meterValue[] (snake_case keys, as the ocpp library hands them over).
    `naive_zone` and `unitless_energy` come from the station's compatibility profile: the zone
    of timestamps without offset (None: UTC) and the unit of an energy register sent without one."""
    readings = []
    for entry in meter_value or []:
        ts, trusted = parse_ocpp_time(entry.get("timestamp"), received, naive_zone)
        values = entry.get("sampled_value") or entry.get("sampledValue") or []
        reading = MeterReading(ts, trusted, (values[0].get("context") if values else None) or "Sample.Periodic")
        phase_power = None
        for sv in values:
            measurand = sv.get("measurand") or ENERGY_REGISTER
            unit = sv.get("unit") or (unitless_energy if measurand == ENERGY_REGISTER else _DEFAULT_UNIT.get(measurand, ""))
            phase = sv.get("phase") or ""
            location = sv.get("location") or ""
            value_format = sv.get("format") or "Raw"
            raw = str(sv.get("value", ""))
            if value_format == "Raw":
                raw = raw[:64]
            reading.samples.append([measurand, phase, location, unit, raw, sv.get("context") or "", value_format])
            if value_format != "Raw":
                continue  # signed data is kept as sent, not read as a number
            value = convert(raw, unit)
            if value is None or location not in ("", "Outlet", "Inlet"):
                continue
            if measurand == ENERGY_REGISTER and not phase:
                reading.energy_wh = value
            elif measurand == POWER:
                if phase:
                    phase_power = (phase_power or 0.0) + value
                else:
                    reading.power_w = value
            elif measurand == CURRENT:
                reading.current_a = value if reading.current_a is None else max(reading.current_a, value)
                if phase[:2] in ("L1", "L2", "L3"):
                    reading.phase_current_a[phase[:2]] = value
            elif measurand == VOLTAGE and reading.voltage_v is None:
                reading.voltage_v = value
            elif measurand == SOC:
                reading.soc = value
        if reading.power_w is None:
            reading.power_w = phase_power
        readings.append(reading)
    return readings


DRAWING_A = 1.0  # a phase carrying at least this much current is one the car draws on


def phases_drawing(reading: MeterReading) -> int | None:
    """On how many phases the car draws: 1 or 3, when the reading has the current of all three
    phases and the car draws at all; None when that cannot be told (untagged or partial currents,
    no current flowing). Load management counts a single-phase car on one phase only."""
    currents = reading.phase_current_a
    if len(currents) < 3:
        return None
    drawing = sum(1 for value in currents.values() if value >= DRAWING_A)
    if drawing == 0:
        return None
    return 1 if drawing == 1 else 3


def newest_energy(readings: list[MeterReading]) -> tuple[int, datetime] | None:
    best = None
    for r in readings:
        if r.energy_wh is not None and (best is None or r.timestamp >= best[1]):
            best = (int(round(r.energy_wh)), r.timestamp)
    return best


def oldest_energy(readings: list[MeterReading]) -> tuple[int, datetime] | None:
    """Where a session whose Start was lost began, at best."""
    best = None
    for r in readings:
        if r.energy_wh is not None and (best is None or r.timestamp < best[1]):
            best = (int(round(r.energy_wh)), r.timestamp)
    return best


def newest_power(readings: list[MeterReading]) -> float | None:
    best = None
    for r in readings:
        if r.power_w is not None and (best is None or r.timestamp >= best[1]):
            best = (r.power_w, r.timestamp)
    return best[0] if best else None
