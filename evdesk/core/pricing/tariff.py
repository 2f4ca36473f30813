"""A tariff's prices: kinds, their parameters, and the checks an editor and the API share.

A tariff is stored as its kind plus a flat parameter dictionary (Decimals as strings),
so a session can keep a snapshot of the prices it was charged with. Which fields a
kind uses is `FIELDS_BY_KIND`; the rest stay at zero.

Units: energy prices per kWh; time prices per `time_unit` (minute or hour, so £1/hr
is exact); power-level and blocking-fee prices per minute; the idle fee per hour.
Unit prices have at most 4 decimals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import time
from decimal import Decimal, InvalidOperation

from evdesk.core.errors import ValidationError

KINDS = {
    "free": "Free",
    "flat": "Flat price per session",
    "energy_time": "Energy + duration + connection fee",
    "day_night": "Day / night prices",
    "power_levels": "Power levels (price per minute by average kW)",
    "ac_dc": "AC and DC prices",
}

_EXTRAS = ("minute_fee", "minute_fee_from", "idle_fee_per_hour", "idle_grace_minutes")
FIELDS_BY_KIND: dict[str, tuple[str, ...]] = {
    "free": (),
    "flat": ("session_price",) + _EXTRAS,
    "energy_time": ("energy_price", "time_price", "time_unit", "time_basis", "connection_fee") + _EXTRAS,
    "day_night": ("day_starts", "night_starts", "energy_price", "night_energy_price", "time_price",
                  "night_time_price", "time_unit", "time_basis", "connection_fee") + _EXTRAS,
    "power_levels": ("levels", "time_basis", "connection_fee") + _EXTRAS,
    # the vaylens "Demo Tarif": net kWh prices per current, each with a per-minute fee from minute N
    "ac_dc": ("energy_price", "minute_fee", "minute_fee_from", "dc_energy_price", "dc_minute_fee",
              "dc_minute_fee_from", "connection_fee", "idle_fee_per_hour", "idle_grace_minutes"),
}
TIME_UNITS = ("minute", "hour")
TIME_BASES = {"session": "the whole session", "charging": "time actively charging"}
MAX_PRICE = Decimal("100000")
MAX_MINUTES = 100_000
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_ZERO = Decimal(0)
# what a message calls each field (the editor shows it next to the field; the API names the field too)
LABELS = {
    "session_price": "Price per session", "energy_price": "Energy price", "night_energy_price": "Night energy price",
    "dc_energy_price": "DC energy price", "time_price": "Time price", "night_time_price": "Night time price",
    "connection_fee": "Connection fee", "minute_fee": "Per-minute fee", "dc_minute_fee": "DC per-minute fee",
    "minute_fee_from": "The minute the per-minute fee starts", "dc_minute_fee_from": "The minute the DC per-minute fee starts",
    "idle_fee_per_hour": "Parking fee", "idle_grace_minutes": "Parking grace minutes", "time_unit": "Time unit",
    "time_basis": "Time basis", "day_starts": "Day start", "night_starts": "Night start",
    "max_minutes": "Maximum minutes",
}


@dataclass(frozen=True)
class PowerLevel:
    max_kw: Decimal
    price_per_minute: Decimal


@dataclass(frozen=True)
class TariffPrices:
    kind: str = "free"
    currency: str = "EUR"
    prices_include_vat: bool = True
    vat_rate: Decimal = _ZERO  # percent
    session_price: Decimal = _ZERO
    energy_price: Decimal = _ZERO  # per kWh (AC for ac_dc; day for day_night)
    night_energy_price: Decimal = _ZERO
    dc_energy_price: Decimal = _ZERO
    time_price: Decimal = _ZERO  # per time_unit (day for day_night)
    night_time_price: Decimal = _ZERO
    time_unit: str = "hour"
    time_basis: str = "session"
    connection_fee: Decimal = _ZERO
    day_starts: time | None = None
    night_starts: time | None = None
    levels: tuple[PowerLevel, ...] = ()
    minute_fee: Decimal = _ZERO  # per minute from minute `minute_fee_from` (a blocking fee)
    minute_fee_from: int = 0
    dc_minute_fee: Decimal = _ZERO
    dc_minute_fee_from: int = 0
    idle_fee_per_hour: Decimal = _ZERO  # connected after charging ended, after the grace minutes
    idle_grace_minutes: int = 0
    # stop limits the tariff carries (None: none)
    max_minutes: int | None = None
    max_kwh: Decimal | None = None
    max_cost: Decimal | None = None

    @property
    def is_free(self) -> bool:
        return self.kind == "free"

    def to_dict(self) -> dict:
        """A JSON-ready snapshot: Decimals and times as strings."""
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, Decimal):
                value = str(value)
            elif isinstance(value, time):
                value = value.strftime("%H:%M")
            elif f.name == "levels":
                value = [{"max_kw": str(lv.max_kw), "price_per_minute": str(lv.price_per_minute)} for lv in value]
            out[f.name] = value
        return out

    def summary(self) -> str:
        """The price in one line, as the tariff lists show it ("EUR 0.3500/kWh, 1.2000/h" or "Free");
        parts that charge nothing are left out."""
        c = self.currency
        if self.kind == "free":
            return "Free"
        unit = "min" if self.time_unit == "minute" else "h"

        def energy_and_time(energy: Decimal, per_time: Decimal) -> list[str]:
            return [p for p, v in ((f"{energy}/kWh", energy), (f"{per_time}/{unit}", per_time)) if v]

        if self.kind == "flat":
            parts = [f"{self.session_price} per session"]
        elif self.kind == "power_levels":
            parts = [f"{lv.price_per_minute}/min up to {lv.max_kw} kW" for lv in self.levels]
        elif self.kind == "ac_dc":
            parts = [f"AC {self.energy_price}/kWh", f"DC {self.dc_energy_price}/kWh"]
        elif self.kind == "day_night":
            day = " ".join(energy_and_time(self.energy_price, self.time_price)) or "0"
            night = " ".join(energy_and_time(self.night_energy_price, self.night_time_price)) or "0"
            starts = (self.day_starts.strftime("%H:%M") if self.day_starts else "",
                      self.night_starts.strftime("%H:%M") if self.night_starts else "")
            parts = [f"day (from {starts[0]}) {day}", f"night (from {starts[1]}) {night}"]
        else:
            parts = energy_and_time(self.energy_price, self.time_price)
        if self.connection_fee:
            parts.append(f"{self.connection_fee} connection")
        if self.kind == "ac_dc":
            for label, fee, start in (("AC", self.minute_fee, self.minute_fee_from),
                                      ("DC", self.dc_minute_fee, self.dc_minute_fee_from)):
                if fee:
                    parts.append(f"{label} {fee}/min from minute {start}")
        elif self.minute_fee:
            parts.append(f"{self.minute_fee}/min from minute {self.minute_fee_from}")
        if self.idle_fee_per_hour:
            parts.append(f"{self.idle_fee_per_hour}/h parking")
        return f"{c} " + (", ".join(parts) if parts else "0 (nothing charged)")


def _decimal(data: dict, name: str, *, places: int = 4, maximum: Decimal = MAX_PRICE, label: str = "") -> Decimal:
    raw = data.get(name)
    if raw is None or raw == "":
        return _ZERO  # "An empty field is set to 0."
    label = label or LABELS.get(name, name)
    if isinstance(raw, bool) or not isinstance(raw, (str, int, float, Decimal)):
        raise ValidationError(f"{label}: enter a number.", name)
    try:
        value = Decimal(str(raw).strip().replace(",", "."))
    except InvalidOperation:
        raise ValidationError(f"{label}: enter a number.", name) from None
    if not value.is_finite():
        raise ValidationError(f"{label}: enter a number.", name)
    if value < 0:
        raise ValidationError(f"{label} cannot be negative.", name)
    if value > maximum:
        raise ValidationError(f"{label} must be at most {maximum}.", name)
    if value != value.quantize(Decimal(1).scaleb(-places)):
        raise ValidationError(f"{label}: at most {places} decimals.", name)
    return value.quantize(Decimal(1).scaleb(-places))


def _whole(data: dict, name: str, *, maximum: int = MAX_MINUTES, allow_none: bool = False) -> int | None:
    raw = data.get(name)
    label = LABELS.get(name, name)
    if raw is None or raw == "":
        return None if allow_none else 0
    if isinstance(raw, bool):
        raise ValidationError(f"{label}: enter a whole number.", name)
    try:
        value = int(str(raw).strip())
    except ValueError:
        raise ValidationError(f"{label}: enter a whole number.", name) from None
    if not 0 <= value <= maximum:
        raise ValidationError(f"{label} must be between 0 and {maximum}.", name)
    return value


def _clock(data: dict, name: str) -> time | None:
    raw = data.get(name)
    if raw is None or raw == "":
        return None
    if isinstance(raw, time):
        return raw
    m = re.fullmatch(r"(\d{1,2}):(\d{2})", str(raw).strip())
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise ValidationError(f"{LABELS.get(name, name)}: enter a time as HH:MM.", name)
    return time(int(m.group(1)), int(m.group(2)))


def _choice(data: dict, name: str, choices, default: str) -> str:
    value = data.get(name) or default
    if value not in choices:
        raise ValidationError(f"{LABELS.get(name, name)} must be one of: {', '.join(choices)}.", name)
    return value


def prices_from_dict(data: dict) -> TariffPrices:
    """Checked prices from an editor's or the API's fields; each message names its field."""
    if not isinstance(data, dict):
        raise ValidationError("Tariff prices must be an object.", "prices")
    kind = data.get("kind") or "free"
    if kind not in KINDS:
        raise ValidationError(f"Unknown tariff type. Choose one of: {', '.join(KINDS)}.", "kind")
    currency = str(data.get("currency") or "EUR").strip().upper()
    if not _CURRENCY.match(currency):
        raise ValidationError("Currency: a three-letter code such as EUR or GBP.", "currency")
    used = set(FIELDS_BY_KIND[kind])
    gross = data.get("prices_include_vat", True)
    if not isinstance(gross, bool):  # ("false" would be true)
        raise ValidationError("Prices include VAT: true or false.", "prices_include_vat")
    values: dict = {"kind": kind, "currency": currency, "prices_include_vat": gross,
                    "vat_rate": _decimal(data, "vat_rate", places=2, maximum=Decimal(100), label="VAT rate")}
    for name in ("session_price", "energy_price", "night_energy_price", "dc_energy_price", "time_price",
                 "night_time_price", "connection_fee", "minute_fee", "dc_minute_fee", "idle_fee_per_hour"):
        if name in used:
            values[name] = _decimal(data, name)
    for name in ("minute_fee_from", "dc_minute_fee_from", "idle_grace_minutes"):
        if name in used:
            values[name] = _whole(data, name)
    if "time_unit" in used:
        values["time_unit"] = _choice(data, "time_unit", TIME_UNITS, "hour")
    if "time_basis" in used:
        values["time_basis"] = _choice(data, "time_basis", tuple(TIME_BASES), "session")
    if kind == "day_night":
        day, night = _clock(data, "day_starts"), _clock(data, "night_starts")
        if day is None:
            raise ValidationError("Set the time when the day prices start.", "day_starts")
        if night is None:
            raise ValidationError("Set the time when the night prices start.", "night_starts")
        if day == night:
            raise ValidationError("Day and night prices cannot start at the same time.", "night_starts")
        values["day_starts"], values["night_starts"] = day, night
    if kind == "power_levels":
        values["levels"] = _levels(data.get("levels"))
    values["max_minutes"] = _whole(data, "max_minutes", allow_none=True)
    values["max_kwh"] = _decimal(data, "max_kwh", places=3, label="Maximum energy") if data.get("max_kwh") not in (None, "") else None
    values["max_cost"] = _decimal(data, "max_cost", places=2, label="Maximum cost") if data.get("max_cost") not in (None, "") else None
    return TariffPrices(**values)


def _levels(raw) -> tuple[PowerLevel, ...]:
    if not isinstance(raw, (list, tuple)) or not raw:
        raise ValidationError("Add at least one power level.", "levels")
    if len(raw) > 20:
        raise ValidationError("At most 20 power levels.", "levels")
    levels = []
    for i, item in enumerate(raw, 1):
        if isinstance(item, PowerLevel):
            item = {"max_kw": item.max_kw, "price_per_minute": item.price_per_minute}
        if not isinstance(item, dict):
            raise ValidationError(f"Power level {i}: give max_kw and price_per_minute.", "levels")
        max_kw = _decimal(item, "max_kw", places=2, maximum=Decimal(2000), label=f"Power level {i} maximum kW")
        price = _decimal(item, "price_per_minute", label=f"Power level {i} price per minute")
        if max_kw <= 0:
            raise ValidationError(f"Power level {i}: the maximum average power must be above 0 kW.", "levels")
        levels.append(PowerLevel(max_kw, price))
    levels.sort(key=lambda lv: lv.max_kw)
    if len({lv.max_kw for lv in levels}) != len(levels):
        raise ValidationError("Two power levels have the same maximum kW.", "levels")
    return tuple(levels)


def prices_from_snapshot(snapshot: dict | None) -> TariffPrices:
    """The prices stored with a session (or a tariff row); an empty snapshot is Free."""
    if not snapshot:
        return TariffPrices()
    return prices_from_dict(snapshot)


def free_prices(currency: str = "EUR") -> TariffPrices:
    return TariffPrices(kind="free", currency=currency)


__all__ = ["KINDS", "FIELDS_BY_KIND", "TIME_UNITS", "TIME_BASES", "PowerLevel", "TariffPrices", "prices_from_dict",
           "prices_from_snapshot", "free_prices"]
