"""Which clock the site's times are on: the site's zone when set (site settings), else this
computer's. The one rule for every screen, export, report, scheduled run and API answer, so that
a site without a zone set reads the same times everywhere (the desk and the API run on the same
computer)."""

from __future__ import annotations

import os
from datetime import datetime, timezone, tzinfo
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


@lru_cache(maxsize=1)
def computer_zone() -> tzinfo:
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


def computer_zone_name() -> str:
    """This computer's zone as a name to store (a zone the system names only by offset: UTC)."""
    return getattr(computer_zone(), "key", "") or "UTC"


@lru_cache(maxsize=16)
def site_zone(site_timezone: str = "") -> tzinfo:
    """The site's zone when set (and known), else this computer's."""
    if site_timezone:
        try:
            return ZoneInfo(site_timezone)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return computer_zone()
