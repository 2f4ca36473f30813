"""The physical side of a simulated charger: connectors, cars, the meter."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from .profiles import VOLTAGE

__all__ = ["Car", "Connector", "Reservation", "sampled_values", "RAMP_SECONDS"]

RAMP_SECONDS = 30.0  # simulated seconds from 0 to full power after a start
TAPER_FROM_SOC = 80.0  # above this state of charge the car draws less
_STEP = 30.0  # integration step (simulated seconds)


@dataclass
class Car:
    """A simple EV: battery, state of charge, on-board charger limit."""

    capacity_wh: float = 60_000.0
    soc: float = 30.0
    max_power_w: float = 11_000.0
    target_soc: float = 100.0
    phases: int = 3
    # IEC 61851-1: a car does not charge when offered less than 6 A per phase (it pauses, and
    # resumes when the offer rises again); some cars need more.
    min_current_a: float = 6.0

    @property
    def full(self) -> bool:
        return self.soc >= self.target_soc - 1e-6

    def acceptance(self) -> float:
        """Fraction of its maximum the car accepts at the current SoC."""
        if self.full:
            return 0.0
        if self.soc <= TAPER_FROM_SOC:
            return 1.0
        return max(0.05, (100.0 - self.soc) / (100.0 - TAPER_FROM_SOC))


@dataclass
class Reservation:
    reservation_id: int
    id_tag: str
    expiry: datetime
    parent_id_tag: str | None = None
    timer: asyncio.Task | None = None


@dataclass
class Connector:
    """State of one connector (1..n); 0 is the station as a whole."""

    id: int
    energy_wh: float = 0.0  # lifetime import register
    status: str = "Available"
    error_code: str = "NoError"
    info: str | None = None
    operative: bool = True
    pending_inoperative: bool | None = None  # Scheduled ChangeAvailability
    plugged: bool = False
    car: Car | None = None
    transaction_id: int | None = None
    id_tag: str | None = None  # the tag as sent for the running session
    meter_start: int = 0
    session_start: datetime | None = None
    last_update: datetime | None = None
    power_w: float = 0.0
    limit_w: float | None = None
    remote_tag: str | None = None  # authorized by RemoteStartTransaction
    remote_profile: dict | None = None
    reservation: Reservation | None = None
    faulted: bool = False
    transaction_data: list = field(default_factory=list)
    meter_task: asyncio.Task | None = None
    plug_event: asyncio.Event = field(default_factory=asyncio.Event)
    starting: bool = False
    session_seq: int = 0
    meter_busy: bool = False

    @property
    def charging(self) -> bool:
        return self.transaction_id is not None

    @property
    def session_energy_wh(self) -> float:
        return self.energy_wh - self.meter_start if self.charging else 0.0

    @property
    def current_a(self) -> float:
        phases = self.car.phases if self.car else 3
        return self.power_w / (VOLTAGE * phases)

    # -- physics ------------------------------------------------------------
    def target_power(self, t: datetime, station_max_w: float, limit_w: float | None) -> float:
        if self.car is None or not self.charging or self.faulted:
            return 0.0
        cap = min(station_max_w, self.car.max_power_w)
        if limit_w is not None:
            if limit_w / (VOLTAGE * self.car.phases) < self.car.min_current_a - 1e-9:
                return 0.0  # offered less than the car's minimum: it pauses
            cap = min(cap, max(0.0, limit_w))
        since = (t - self.session_start).total_seconds() if self.session_start else RAMP_SECONDS
        ramp = min(1.0, max(0.0, since) / RAMP_SECONDS)
        return cap * ramp * self.car.acceptance()

    def advance(self, t: datetime, station_max_w: float, limit_fn, jitter: float = 1.0) -> None:
        """Integrate energy and SoC up to `t`. `limit_fn(t)` gives the profile limit."""
        if self.last_update is None:
            self.last_update = t
        cursor = self.last_update
        power = self.power_w
        while cursor < t:
            step = min(_STEP, (t - cursor).total_seconds())
            limit = limit_fn(cursor)
            self.limit_w = limit
            power = self.target_power(cursor + timedelta(seconds=step), station_max_w, limit)
            power *= jitter
            wh = power * step / 3600.0
            if self.car is not None and wh > 0:
                room = (self.car.target_soc - self.car.soc) / 100.0 * self.car.capacity_wh
                wh = max(0.0, min(wh, room))
                self.car.soc = min(100.0, self.car.soc + wh / self.car.capacity_wh * 100.0)
            self.energy_wh += wh
            cursor += timedelta(seconds=step)
        if self.car is not None and self.car.full:
            power = 0.0
        self.power_w = power
        self.last_update = max(cursor, t)


def _fmt_energy(wh: float, unit: str) -> str:
    if unit == "kWh":
        return f"{wh / 1000.0:.3f}"
    return str(int(wh))


def sampled_values(
    c: Connector,
    measurands: list[str],
    context: str,
    energy_unit: str = "Wh",
    register_wh: float | None = None,
) -> list[dict]:
    """The sampledValue list (camelCase dicts) for one meter reading.

    `register_wh` is the energy register to report (default: the lifetime one).
    """
    register = c.energy_wh if register_wh is None else register_wh
    out: list[dict] = []
    for m in measurands:
        if m == "Energy.Active.Import.Register":
            out.append(
                {
                    "value": _fmt_energy(register, energy_unit),
                    "context": context,
                    "measurand": m,
                    "location": "Outlet",
                    "unit": energy_unit,
                }
            )
        elif m == "Power.Active.Import":
            out.append(
                {"value": f"{c.power_w:.1f}", "context": context, "measurand": m,
                 "location": "Outlet", "unit": "W"}
            )
        elif m == "Current.Import":
            # the station's meter measures all three phases; a single-phase car draws on L1 only
            phases = c.car.phases if c.car else 3
            amps = c.current_a
            for n in range(1, 4):
                out.append(
                    {"value": f"{amps if n <= phases else 0.0:.2f}", "context": context, "measurand": m,
                     "phase": f"L{n}", "location": "Outlet", "unit": "A"}
                )
        elif m == "Current.Offered":
            phases = c.car.phases if c.car else 3
            offered = (c.limit_w / (VOLTAGE * phases)) if c.limit_w is not None else 32.0
            out.append(
                {"value": f"{offered:.1f}", "context": context, "measurand": m,
                 "location": "Outlet", "unit": "A"}
            )
        elif m == "Voltage":
            out.append(
                {"value": f"{VOLTAGE:.1f}", "context": context, "measurand": m,
                 "phase": "L1-N", "location": "Outlet", "unit": "V"}
            )
        elif m == "SoC" and c.car is not None:
            out.append(
                {"value": str(int(c.car.soc)), "context": context, "measurand": m,
                 "location": "EV", "unit": "Percent"}
            )
    if not out:  # a MeterValue needs at least one sampled value
        out.append(
            {"value": _fmt_energy(register, energy_unit), "context": context,
             "measurand": "Energy.Active.Import.Register", "unit": energy_unit}
        )
    return out


def meter_value(c: Connector, measurands, context, energy_unit, timestamp: str,
                register_wh: float | None = None) -> dict:
    """One MeterValue (camelCase dict) taken at `timestamp`. An `energy_unit` of "kWh?" sends
    kWh figures without any unit (the quirk of meters whose unit must be guessed)."""
    bare = energy_unit.endswith("?")
    values = sampled_values(c, measurands, context, energy_unit.rstrip("?"), register_wh)
    if bare:
        for sv in values:
            if sv.get("measurand") == "Energy.Active.Import.Register":
                sv.pop("unit", None)
    return {"timestamp": timestamp, "sampledValue": values}
