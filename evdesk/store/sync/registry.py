"""Which tables the shared-database sync carries, and how.

Every table whose model is a `SyncedModel` in `models.ALL_MODELS` syncs, found at
run time: a table another change adds joins the sync by being a `SyncedModel`
listed in `ALL_MODELS` and written through `store/write.py` (or the group commit),
nothing else to do. Those are *edited* rows: versions decide between seats (see
`rows.py`). The append-only station records in `write.FED_LOG_TABLES` (meter
readings, status events, authorization attempts) sync as *owned* rows: created
once by the seat whose OCPP server received them, never edited, never in
conflict — a copy that is already there is left as it is.

Rows are carried as their SQLite column values (JSON), so the shared database
needs no copy of each table's schema: a new table costs the shared database
nothing, and seats of different versions exchange the columns they both know.
"""

from __future__ import annotations

import peewee

from evdesk.store import models
from evdesk.store.write import FED_LOG_TABLES

# tables that are SyncedModels but belong to one seat's file
LOCAL_ONLY: frozenset[str] = frozenset()


def synced_tables() -> dict[str, type[peewee.Model]]:
    """table name -> model, in creation order (a table after the tables it refers to)."""
    out = {}
    for model in models.ALL_MODELS:
        name = model._meta.table_name
        if name in LOCAL_ONLY:
            continue
        if issubclass(model, models.SyncedModel) or name in FED_LOG_TABLES:
            out[name] = model
    return out


def is_append_only(table: str) -> bool:
    return table in FED_LOG_TABLES
