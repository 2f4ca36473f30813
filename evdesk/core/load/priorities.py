"""Where the planner's priorities come from (besides the station's priority on its circuit).

Rules decided (and why):
* **User-group priority** (`UserGroup.load_priority`, an integer, higher first, default 0):
  the session's charging user's group. A session without a user or group has 0. It ranks
  after the station's priority (the station's place on the circuit is the site's decision;
  a group is who is charging).
* **"Needs energy by"** lives in two places: a charging user (a fleet vehicle's driver or
  the vehicle's own user) has a daily departure time "HH:MM" in the site's time zone
  (`ChargingUser.departure_time`) — the fleet's usual question "ready by 06:30"; and a
  session can carry its own departure set by an operator (`Transaction.departure_at`, from
  the session's connector card or the API), which wins. The daily time means the first
  such time after the session started (a van plugged in at 18:00 with 06:30 is due at
  06:30 next morning). evdesk does not know the battery's need (no state of charge in
  OCPP 1.6), so the departure orders sessions among equals (admission, then the planner's
  tie-break) rather than reserving a current.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from evdesk.core.errors import ValidationError

TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def clean_departure_time(text: str | None, field: str = "departure_time") -> str:
    """"HH:MM" (24 h) or "" for none; ValidationError next to `field` otherwise."""
    text = (text or "").strip()
    if not text:
        return ""
    match = TIME.match(text)
    if not match:
        raise ValidationError("Give the departure time as hours and minutes, e.g. 06:30.", field=field)
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def clean_priority(value, field: str = "load_priority") -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValidationError("The priority is a whole number from -100 to 100 (higher charges first).",
                              field=field) from None
    if not -100 <= number <= 100:
        raise ValidationError("The priority is a whole number from -100 to 100 (higher charges first).", field=field)
    return number


def departure_epoch(started_at: datetime, session_departure: datetime | None, daily_time: str,
                    zone: str | None) -> float | None:
    """The session's "needs energy by" as epoch seconds, or None (no departure known)."""
    if session_departure is not None:
        return session_departure.timestamp()
    if not daily_time:
        return None
    hours, minutes = (int(x) for x in daily_time.split(":"))
    tz = ZoneInfo(zone) if zone else started_at.tzinfo
    local = started_at.astimezone(tz)
    due = local.replace(hour=hours, minute=minutes, second=0, microsecond=0)
    if due <= local:
        due = (local + timedelta(days=1)).replace(hour=hours, minute=minutes, second=0, microsecond=0)
    return due.timestamp()
