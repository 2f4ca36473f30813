"""Time in the core: always aware UTC."""

from __future__ import annotations

from datetime import datetime, timezone


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def parse_ocpp_time(value: str | None, fallback: datetime, naive_zone=None) -> tuple[datetime, bool]:
    """Parse an OCPP timestamp; returns (time, trusted).

    Chargers send local time without an offset, or no time at all (INTEROP §6):
    a missing or unparsable time falls back to receipt time and is not trusted;
    a time without offset is taken as UTC, not trusted — unless the station's
    compatibility profile says it sends local time (`naive_zone`): then it is read
    in that zone, and trusted.
    """
    if not value:
        return fallback, False
    try:
        text = value.strip()
        if text.endswith("Z") or text.endswith("z"):
            text = text[:-1] + "+00:00"
        parsed = datetime.fromisoformat(text)
    except (ValueError, AttributeError):
        return fallback, False
    if parsed.tzinfo is None:
        if naive_zone is not None:
            return parsed.replace(tzinfo=naive_zone).astimezone(timezone.utc), True
        return parsed.replace(tzinfo=timezone.utc), False
    return parsed.astimezone(timezone.utc), True
