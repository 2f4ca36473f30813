"""What one seat (this desk, this operating-system user) remembers between runs: the dashboard's
chosen groups and period, the overview's columns and filters. Kept in QSettings (an INI file in
the user's configuration folder), never in the site's store: another seat chooses its own."""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings


def seat_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "evdesk", "seat")


def load_json(key: str, default):
    """A remembered value (JSON text); `default` when missing or unreadable."""
    raw = seat_settings().value(key, "")
    if not raw:
        return default
    try:
        return json.loads(str(raw))
    except ValueError:
        return default


def save_json(key: str, value) -> None:
    settings = seat_settings()
    settings.setValue(key, json.dumps(value))
    settings.sync()
