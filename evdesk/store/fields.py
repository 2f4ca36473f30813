"""Column types shared by every model: aware UTC datetimes, time-ordered UUIDs, JSON."""

from __future__ import annotations

import json
import os
import time
import uuid
from datetime import datetime, timezone

import peewee


def uuid7() -> uuid.UUID:
    """A time-ordered UUID (RFC 9562 v7): hot indexes stay append-only."""
    ms = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= ((rand >> 62) & 0xFFF) << 64
    value |= 0b10 << 62
    value |= rand & ((1 << 62) - 1)
    return uuid.UUID(int=value)


class UtcDateTimeField(peewee.Field):
    """Stores UTC as ISO text on SQLite / timestamptz on PostgreSQL; returns aware datetimes.

    A naive datetime handed in is refused: every time in evdesk is aware.
    """

    field_type = "TIMESTAMP"

    def db_value(self, value):
        if value is None:
            return None
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        if value.tzinfo is None:
            raise ValueError("naive datetime stored: evdesk keeps every time in UTC")
        # One fixed-width format: text order is time order on SQLite, and
        # PostgreSQL parses it into timestamptz.
        return value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f+00:00")

    def python_value(self, value):
        if value is None:
            return None
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


class JsonField(peewee.TextField):
    """JSON as text, so SQLite and PostgreSQL behave the same."""

    def db_value(self, value):
        if value is None:
            return None
        return json.dumps(value, separators=(",", ":"), default=str)

    def python_value(self, value):
        if value is None or value == "":
            return None
        return json.loads(value)
