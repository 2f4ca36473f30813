"""How values look on screen: local times with their zone, units, status colours."""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtGui import QColor

from evdesk.core.station_status import CONNECTION_STATE_LABELS

# Operators know these colours from other back offices (and from the chargers' LEDs).
CONNECTOR_STATUS_COLOURS = {
    "Available": "#2e7d32",
    "Preparing": "#0277bd",
    "Charging": "#1565c0",
    "SuspendedEV": "#5c6bc0",
    "SuspendedEVSE": "#5c6bc0",
    "Finishing": "#0277bd",
    "Reserved": "#8e24aa",
    "Unavailable": "#757575",
    "Faulted": "#c62828",
    "Unknown": "#9e9e9e",
}
CONNECTION_STATE_COLOURS = {
    "online": "#2e7d32",
    "temporarily_unavailable": "#ef6c00",
    "long_term_unavailable": "#c62828",
    "never_connected": "#757575",
}
REGISTRATION_LABELS = {"adopted": "Adopted", "pending": "Pending", "rejected": "Rejected"}
OFFLINE_TEXT = QColor("#8a8a8a")

# OCPP 1.6 ChargePointStatus and ChargePointErrorCode, for the event feed filters.
OCPP_STATUSES = (
    "Available", "Preparing", "Charging", "SuspendedEVSE", "SuspendedEV", "Finishing", "Reserved",
    "Unavailable", "Faulted",
)
OCPP_ERROR_CODES = (
    "NoError", "ConnectorLockFailure", "EVCommunicationError", "GroundFailure", "HighTemperature",
    "InternalError", "LocalListConflict", "OtherError", "OverCurrentFailure", "OverVoltage",
    "PowerMeterFailure", "PowerSwitchFailure", "ReaderFailure", "ResetFailure", "UnderVoltage",
    "WeakSignal",
)


def error_code_label(code: str) -> str:
    """'NoError' -> 'No error', 'GroundFailure' -> 'Ground failure' (as the EV Manager shows them)."""
    if not code:
        return ""
    words = []
    current = ""
    for ch in code:
        if ch.isupper() and current and not current[-1].isupper():
            words.append(current)
            current = ch
        else:
            current += ch
    words.append(current)
    text = " ".join(words)
    return text[0] + text[1:].lower() if not code.startswith("EV") else text


def connection_label(state: str) -> str:
    return CONNECTION_STATE_LABELS.get(state, state.replace("_", " ").capitalize())


def status_colour(status: str) -> QColor:
    return QColor(CONNECTOR_STATUS_COLOURS.get(status, CONNECTOR_STATUS_COLOURS["Unknown"]))


@lru_cache(maxsize=1)
def _system_zone() -> tzinfo:
    name = os.environ.get("TZ", "").lstrip(":")
    if not name:
        try:
            # /etc/localtime -> /usr/share/zoneinfo/Europe/Helsinki names the zone
            target = str(Path("/etc/localtime").resolve())
            if "zoneinfo/" in target:
                name = target.split("zoneinfo/", 1)[1]
        except OSError:
            name = ""
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return datetime.now().astimezone().tzinfo or timezone.utc


@lru_cache(maxsize=16)
def site_zone(site_timezone: str = "") -> tzinfo:
    """The zone screens show times in: the site's when set, else this computer's."""
    if site_timezone:
        try:
            return ZoneInfo(site_timezone)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return _system_zone()


def zone_of(settings) -> tzinfo:
    """The one answer to "which clock do screens show": the site settings in force now.
    (Screens ask each time they draw a time, and redraw on `SiteSettingsChanged`.)"""
    return site_zone(settings.site_timezone)


def zone_name(zone: tzinfo, at: datetime | None = None) -> str:
    """'Europe/Helsinki (EEST)', or 'UTC' - so nobody guesses which clock a time is on."""
    key = getattr(zone, "key", None)
    abbrev = (at or datetime.now(timezone.utc)).astimezone(zone).tzname() or ""
    if key and key != abbrev and not key.endswith("/" + abbrev) and key not in ("UTC", "Etc/UTC"):
        return f"{key} ({abbrev})" if abbrev else key
    return abbrev or key or "UTC"


def zone_abbreviation(zone: tzinfo, at: datetime | None = None) -> str:
    """'EEST', 'UTC': short enough for a column header."""
    return (at or datetime.now(timezone.utc)).astimezone(zone).tzname() or getattr(zone, "key", "UTC")


def zone_label(zone: tzinfo) -> str:
    """'Europe/Helsinki', 'UTC': the zone's name (its abbreviation when it has none)."""
    key = getattr(zone, "key", None)
    if key in ("Etc/UTC", "UTC"):
        return "UTC"
    return key or zone_abbreviation(zone)


def time_header(label: str, zone: tzinfo, two_lines: bool = False) -> str:
    """A column header that says the zone: 'Last seen (Europe/Helsinki)' (the zone on a line
    of its own for a narrow column)."""
    return f"{label}{chr(10) if two_lines else ' '}({zone_label(zone)})"


def clock_time(at: datetime, zone: tzinfo, now: datetime | None = None) -> str:
    """'14:05 (Europe/Helsinki)' today, else '2026-11-28 14:05 (Europe/Helsinki)'."""
    local = at.astimezone(zone)
    today = (now or datetime.now(timezone.utc)).astimezone(zone).date()
    text = local.strftime("%H:%M") if local.date() == today else local.strftime("%Y-%m-%d %H:%M")
    return f"{text} ({zone_label(zone)})"


def local_time(at: datetime | None, zone: tzinfo, seconds: bool = True) -> str:
    if at is None:
        return ""
    return at.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def last_seen_text(at: datetime | None, zone: tzinfo, now: datetime | None = None) -> str:
    """'today 18:16:19' for today, else '2026-11-20 18:16': fits a narrow column."""
    if at is None:
        return "never"
    local = at.astimezone(zone)
    if local.date() == (now or datetime.now(timezone.utc)).astimezone(zone).date():
        return local.strftime("today %H:%M:%S")
    return local.strftime("%Y-%m-%d %H:%M")


def energy_kwh(wh: int | float | None) -> str:
    return "–" if wh is None else f"{wh / 1000:.2f} kWh"


def power_kw(w: float | None) -> str:
    return "–" if w is None else f"{w / 1000:.1f} kW"


def duration(delta: timedelta | None) -> str:
    if delta is None:
        return ""
    total = max(0, int(delta.total_seconds()))
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min {seconds:02d} s"


def ago(at: datetime | None, now: datetime | None = None) -> str:
    """'12 s ago', '5 min ago': how fresh a station's last sign of life is."""
    if at is None:
        return "never"
    seconds = int(((now or datetime.now(timezone.utc)) - at).total_seconds())
    if seconds < 60:
        return f"{max(seconds, 0)} s ago"
    if seconds < 3600:
        return f"{seconds // 60} min ago"
    if seconds < 86400:
        return f"{seconds // 3600} h ago"
    return f"{seconds // 86400} d ago"
