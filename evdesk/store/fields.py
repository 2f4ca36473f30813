"""Column types shared by every model: aware UTC datetimes, time-ordered UUIDs, JSON."""

from __future__ import annotations

import json
import os
import random
import time
import uuid
from datetime import datetime, timezone

import peewee


def uuid7() -> uuid.UUID:
    """A time-ordered UUID (RFC 9562 v7): hot indexes stay append-only.

    The random part comes from a per-process generator seeded from the OS: ids
    must be unique, not secret, and this runs for every logged frame.
    """
    ms = time.time_ns() // 1_000_000
    rand = _random.getrandbits(74)
    value = (ms & 0xFFFFFFFFFFFF) << 80 | 0x7 << 76 | (rand >> 62) << 64 | 0b10 << 62 | (rand & ((1 << 62) - 1))
    return uuid.UUID(int=value)


_random = random.Random(int.from_bytes(os.urandom(16), "big"))


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
        if value.tzinfo is not timezone.utc:
            value = value.astimezone(timezone.utc)
        return value.isoformat(" ", "microseconds")

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
