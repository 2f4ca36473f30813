"""How values look on screen: local times with their zone, units, status colours.

Dates and numbers follow the language the desk runs in (`gui/translations`): English keeps ISO
dates (2026-11-28) and a decimal point, Finnish shows 28.11.2026 and German 28.11.2026 with a
decimal comma and the locale's digit grouping. The clock is always the site's zone, whatever the
language: the language changes how a time is written, never which time it is."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone, tzinfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from evdesk.core.station_status import CONNECTION_STATE_LABELS
from evdesk.core.zones import site_zone
from evdesk.gui.translations import current_language, current_locale
from evdesk.gui.translations.columns import column_title
from evdesk.gui.translations.labels import state_label

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
    return state_label(CONNECTION_STATE_LABELS.get(state, state.replace("_", " ").capitalize()))


def status_colour(status: str) -> QColor:
    return QColor(CONNECTOR_STATUS_COLOURS.get(status, CONNECTOR_STATUS_COLOURS["Unknown"]))




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
    return f"{column_title(label)}{chr(10) if two_lines else ' '}({zone_label(zone)})"


def date_text(day) -> str:
    """A calendar date as the language writes it: '2026-11-28', '28.11.2026' (fi), '28.11.2026' (de)."""
    language = current_language()
    if language == "fi":
        return f"{day.day}.{day.month}.{day.year}"
    if language == "de":
        return f"{day.day:02d}.{day.month:02d}.{day.year}"
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


def decimal(value: float, places: int) -> str:
    """A number with `places` decimals in the language's way: '1234.50' (en, as always), '1 234,50' (fi),
    '1.234,50' (de)."""
    if current_language() == "en":
        return f"{value:.{places}f}"
    return current_locale().toString(float(value), "f", places)


def _today_word() -> str:
    return QCoreApplication.translate("display", "today")


def _never_word() -> str:
    return QCoreApplication.translate("display", "never")


def clock_time(at: datetime, zone: tzinfo, now: datetime | None = None) -> str:
    """'14:05 (Europe/Helsinki)' today, else '2026-11-28 14:05 (Europe/Helsinki)'."""
    local = at.astimezone(zone)
    today = (now or datetime.now(timezone.utc)).astimezone(zone).date()
    text = local.strftime("%H:%M") if local.date() == today else f"{date_text(local)} {local.strftime('%H:%M')}"
    return f"{text} ({zone_label(zone)})"


def local_time(at: datetime | None, zone: tzinfo, seconds: bool = True) -> str:
    if at is None:
        return ""
    local = at.astimezone(zone)
    return f"{date_text(local)} {local.strftime('%H:%M:%S' if seconds else '%H:%M')}"


def last_seen_text(at: datetime | None, zone: tzinfo, now: datetime | None = None) -> str:
    """'today 18:16:19' for today, else '2026-11-20 18:16': fits a narrow column."""
    if at is None:
        return _never_word()
    local = at.astimezone(zone)
    if local.date() == (now or datetime.now(timezone.utc)).astimezone(zone).date():
        return f"{_today_word()} {local.strftime('%H:%M:%S')}"
    return f"{date_text(local)} {local.strftime('%H:%M')}"


def energy_kwh(wh: int | float | None) -> str:
    return "–" if wh is None else f"{decimal(wh / 1000, 2)} kWh"


def power_kw(w: float | None) -> str:
    return "–" if w is None else f"{decimal(w / 1000, 1)} kW"


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
        return _never_word()
    seconds = int(((now or datetime.now(timezone.utc)) - at).total_seconds())
    if seconds < 60:
        return QCoreApplication.translate("display", "{n} s ago").format(n=max(seconds, 0))
    if seconds < 3600:
        return QCoreApplication.translate("display", "{n} min ago").format(n=seconds // 60)
    if seconds < 86400:
        return QCoreApplication.translate("display", "{n} h ago").format(n=seconds // 3600)
    return QCoreApplication.translate("display", "{n} d ago").format(n=seconds // 86400)
