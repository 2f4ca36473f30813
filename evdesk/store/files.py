"""Where files that belong to the database live (firmware images, diagnostics received)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import peewee


def data_folder(db: peewee.Database) -> Path:
    """The folder of the database file: files live beside the database. A database that is no
    file (in memory, a server) keeps them in the system's temporary folder."""
    name = str(getattr(db, "database", "") or "")
    if isinstance(db, peewee.SqliteDatabase) and name and not name.startswith((":memory:", "file::memory:")):
        return Path(name).resolve().parent
    return Path(tempfile.gettempdir()) / "evdesk-files"
