"""Finding bundled resources (icons, styles) in the source tree and in a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    # running from the source tree (the README's way): the top-level resources/ folder
    return Path(__file__).resolve().parents[2] / "resources"


def app_icon_path() -> Path | None:
    path = resources_dir() / "icons" / "evdesk.svg"
    return path if path.exists() else None


def icon_path(name: str) -> Path | None:
    """resources/icons/<name>.svg, or None when it is not there (a page then has no icon)."""
    path = resources_dir() / "icons" / f"{name}.svg"
    return path if path.exists() else None
