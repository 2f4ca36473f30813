"""Compatibility profiles: the switches, and what the probe concludes from what it sees.

A profile is a set of switches the OCPP server applies to one station (INTEROP.md): two
evdesk already had per station (`strip_id_tag_suffix`, `skip_schema_validation`, kept on the
station row where the server reads them) and the ones the probe needs:

* `naive_times_local` — a timestamp without zone is the station's local time (its zone, else
  the site's), not UTC (INTEROP §6). Off: read as UTC, as before.
* `unitless_energy_kwh` — an energy register sent without a unit is in kWh, not Wh (§4).
* `configure_meter_interval` — evdesk sets MeterValueSampleInterval after every boot; off
  for a station that lacks the key or keeps it read-only.
* `smart_charging`, `max_stack_level`, `rate_units` — what Set charging profile may send
  (SupportedFeatureProfiles, ChargeProfileMaxStackLevel,
  ChargingScheduleAllowedChargingRateUnit; INTEROP §3). The command API refuses a profile
  outside them with a sentence next to the field, instead of the station's bare "Rejected".

What the probe concludes (rules, ours):
* Configuration: SmartCharging missing from SupportedFeatureProfiles → smart charging off;
  the stack level and units as the keys say; a required key the station does not report
  (for the profiles it claims) is listed as missing; MeterValueSampleInterval missing or
  read-only → `configure_meter_interval` off.
* Messages (the first day after the first boot): a timestamp without zone is "naive"; when it
  lies a whole number of quarter hours (within 2 minutes) away from when it arrived, and not
  zero, the station sends local time → `naive_times_local` on. An id tag with `_` and a
  suffix is a vendor suffix → `strip_id_tag_suffix` on. An energy register without unit but
  with a fractional part (12.345) comes from a kWh meter — Wh registers are whole numbers —
  → `unitless_energy_kwh` on. A connection without subprotocol is recorded (evdesk serves it
  as 1.6 anyway; no switch needed).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields
from datetime import datetime, timezone

from evdesk.core.ocpp16_keys import required_keys

ENERGY_REGISTER = "Energy.Active.Import.Register"
_ZONE_SUFFIX = re.compile(r"(Z|z|[+-]\d\d(:?\d\d)?)$")
QUARTER_HOUR_S = 900
NAIVE_TOLERANCE_S = 120
STATION_COLUMNS = ("strip_id_tag_suffix", "skip_schema_validation")  # kept on the station row


@dataclass(frozen=True)
class Switches:
    strip_id_tag_suffix: bool = True
    skip_schema_validation: bool = False
    naive_times_local: bool = False
    unitless_energy_kwh: bool = False
    configure_meter_interval: bool = True
    smart_charging: bool = True
    max_stack_level: int | None = None  # None: not known (nothing refused for it)
    rate_units: str = "A,W"  # "A", "W" or "A,W"

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict | None) -> "Switches":
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in (data or {}).items() if k in names})

    def allows_unit(self, unit: str) -> bool:
        return unit in self.rate_units.split(",")


# label and explanation of each switch, in the order the panel shows them
SWITCH_TEXTS: dict[str, tuple[str, str]] = {
    "strip_id_tag_suffix": ("Strip vendor suffix from id tags",
                            "An id tag like 04A1B2C3_serial is matched as 04A1B2C3."),
    "skip_schema_validation": ("Skip schema validation",
                               "Accept messages that break the OCPP 1.6 schema (for firmware known to send them)."),
    "naive_times_local": ("Timestamps without zone are local time",
                          "Read a time without offset in the station's time zone instead of UTC."),
    "unitless_energy_kwh": ("Energy without unit is in kWh",
                            "Meter readings with no unit are kWh (some meters), not Wh."),
    "configure_meter_interval": ("Set the meter-value interval after boot",
                                 "evdesk sends MeterValueSampleInterval after each boot."),
    "smart_charging": ("Smart charging supported",
                       "Set charging profile is offered and sent."),
    "max_stack_level": ("Highest stack level", "ChargeProfileMaxStackLevel; empty: not known."),
    "rate_units": ("Charging rate units", "What limits may be given in: A, W or both."),
}


def _is_naive(text: str) -> bool:
    text = text.strip()
    return "T" in text and not _ZONE_SUFFIX.search(text)


def naive_offset_seconds(text: str, received: datetime) -> float | None:
    """How far a zone-less timestamp, read as UTC, lies from its arrival (None: not naive or unreadable)."""
    if not isinstance(text, str) or not _is_naive(text):
        return None
    try:
        parsed = datetime.fromisoformat(text.strip()).replace(tzinfo=timezone.utc)
    except ValueError:
        return None
    return (parsed - received).total_seconds()


def looks_local(offset_s: float) -> bool:
    """A whole number of quarter hours away from arrival (not zero): a local wall clock."""
    quarters = round(offset_s / QUARTER_HOUR_S)
    return quarters != 0 and abs(quarters) <= 14 * 4 and abs(offset_s - quarters * QUARTER_HOUR_S) <= NAIVE_TOLERANCE_S


def findings_from_configuration(rows: list[tuple[str, str | None, bool]], unknown: list[str]) -> tuple[dict, dict]:
    """(observations, switch suggestions) from a full GetConfiguration answer."""
    by_key = {key.lower(): (key, value, readonly) for key, value, readonly in rows}

    def value(name: str) -> str | None:
        entry = by_key.get(name.lower())
        return None if entry is None else (entry[1] or "")

    profiles = [p.strip() for p in (value("SupportedFeatureProfiles") or "").split(",") if p.strip()]
    missing = [k for k in required_keys(profiles) if k.lower() not in by_key]
    observations: dict = {"supported_profiles": profiles, "missing_keys": missing, "keys_read": len(rows),
                          "meter_values_sampled_data": value("MeterValuesSampledData")}
    suggestions: dict = {}
    if value("SupportedFeatureProfiles") is not None:
        suggestions["smart_charging"] = "SmartCharging" in profiles
    stack = value("ChargeProfileMaxStackLevel")
    if stack is not None and stack.strip().isdigit():
        suggestions["max_stack_level"] = int(stack)
    units = value("ChargingScheduleAllowedChargingRateUnit")
    if units is not None:
        names = {u.strip().lower() for u in units.split(",")}
        allowed = [u for u, word in (("A", "current"), ("W", "power")) if word in names]
        if allowed:
            suggestions["rate_units"] = ",".join(allowed)
        observations["rate_units"] = units
    interval = by_key.get("metervaluesampleinterval")
    suggestions["configure_meter_interval"] = interval is not None and not interval[2]
    return observations, suggestions


def findings_from_message(action: str, payload: dict, received: datetime) -> tuple[dict, dict]:
    """(observations, switch suggestions) from one CALL a station sent (camelCase payload)."""
    observations: dict = {}
    suggestions: dict = {}
    if not isinstance(payload, dict):
        return observations, suggestions
    times = []
    if isinstance(payload.get("timestamp"), str):
        times.append(payload["timestamp"])
    energy_samples = []
    for entry in payload.get("meterValue") or []:
        if not isinstance(entry, dict):
            continue
        if isinstance(entry.get("timestamp"), str):
            times.append(entry["timestamp"])
        for sv in entry.get("sampledValue") or []:
            if isinstance(sv, dict) and (sv.get("measurand") or ENERGY_REGISTER) == ENERGY_REGISTER:
                energy_samples.append(sv)
    for text in times:
        offset = naive_offset_seconds(text, received)
        if offset is None:
            continue
        observations["naive_timestamp"] = text[:40]
        local = looks_local(offset)
        observations["naive_offset_hours"] = round(offset / 3600, 2)
        if local or abs(offset) <= NAIVE_TOLERANCE_S:
            suggestions["naive_times_local"] = local
    for sv in energy_samples:
        unit = sv.get("unit")
        raw = str(sv.get("value", ""))
        if unit:
            observations.setdefault("energy_units", unit)
        elif "." in raw and raw.replace(".", "", 1).isdigit() and raw.split(".", 1)[1].strip("0"):
            observations["unitless_fractional_energy"] = raw[:20]
            suggestions["unitless_energy_kwh"] = True
    tag = payload.get("idTag")
    if action in ("Authorize", "StartTransaction", "StopTransaction") and isinstance(tag, str) and "_" in tag:
        head, _, tail = tag.rpartition("_")
        if head and tail:
            observations["id_tag_suffix"] = tag[:20]
            suggestions["strip_id_tag_suffix"] = True
    return observations, suggestions
