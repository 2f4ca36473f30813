"""This seat's sync settings and conflict records, read and written on the store's worker."""

from __future__ import annotations

import json

from evdesk.store import models as m
from evdesk.store.sync.engine import SITE_KEY


def load_settings_text(key: str) -> str | None:
    row = m.LocalState.get_or_none(m.LocalState.key == key)
    return row.value if row else None


def save_settings_text(key: str, text: str) -> None:
    m.LocalState.replace(key=key, value=text).execute()


def joined_site() -> str | None:
    return load_settings_text(SITE_KEY)


HIDDEN = ("password", "hash", "secret", "key_", "token_value")  # never shown, even when they differ
BOOKKEEPING = ("id", "version", "updated_at")
LABELS = ("identity", "uid", "username", "name", "key")


def conflicts(limit: int = 200, include_acknowledged: bool = False) -> list[dict]:
    """The recorded conflicts, newest first. `differences` holds only the values that lost and differ
    from what the record holds now (secrets left out); `label` names the record when it can."""
    C = m.SyncConflict
    query = C.alive().order_by(C.detected_at.desc()).limit(limit)
    if not include_acknowledged:
        query = query.where(C.acknowledged_at.is_null())
    out = []
    for c in query:
        lost = json.loads(c.lost_values or "{}")
        now = _row_now(c.entity, c.row_id)
        differences = {k: v for k, v in lost.items() if k not in BOOKKEEPING and not any(h in k for h in HIDDEN)
                       and (now is None or now.get(k) != v)}
        label = next((str(now[k]) for k in LABELS if now and now.get(k)), "")
        out.append({"id": c.id, "entity": c.entity, "row_id": c.row_id, "label": label, "kept_seat": c.kept_seat,
                    "kept_version": c.kept_version, "lost_seat": c.lost_seat, "lost_version": c.lost_version,
                    "differences": differences, "reason": c.reason,
                    "detected_at": c.detected_at, "acknowledged_at": c.acknowledged_at, "version": c.version})
    return out


def _row_now(table: str, row_id: str) -> dict | None:
    from evdesk.store.sync.registry import synced_tables

    if table not in synced_tables():
        return None
    cursor = m.ChangeFeed._meta.database.execute_sql(f'SELECT * FROM "{table}" WHERE id = ?', (row_id,))
    row = cursor.fetchone()
    return None if row is None else {d[0]: v for d, v in zip(cursor.description, row)}


def own_rows() -> dict[str, int]:
    from evdesk.store.sync.rows import rows_of_own

    return rows_of_own()
