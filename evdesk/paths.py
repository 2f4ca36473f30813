"""Where evdesk keeps its data, logs and settings: the OS's standard places, never next to the binary."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "evdesk"


def default_data_dir() -> Path:
    override = os.environ.get("EVDESK_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_NAME


def database_path(data_dir: Path) -> Path:
    return data_dir / "evdesk.db"


def log_dir(data_dir: Path) -> Path:
    return data_dir / "logs"


def firmware_dir(data_dir: Path) -> Path:
    """Uploaded firmware files, one folder per file (`<id>/<name>`)."""
    return data_dir / "firmware"


def diagnostics_dir(data_dir: Path) -> Path:
    """Diagnostics files received from stations, one folder per station identity."""
    return data_dir / "diagnostics"
