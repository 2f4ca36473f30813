"""This seat's sync settings and conflict records, read and written on the store's worker."""

from __future__ import annotations

from evdesk.store import models as m
from evdesk.store.sync.engine import SITE_KEY


def load_settings_text(key: str) -> str | None:
    row = m.LocalState.get_or_none(m.LocalState.key == key)
    return row.value if row else None


def save_settings_text(key: str, text: str) -> None:
    m.LocalState.replace(key=key, value=text).execute()


def joined_site() -> str | None:
    return load_settings_text(SITE_KEY)


def conflicts(limit: int = 200, include_acknowledged: bool = False) -> list[dict]:
    C = m.SyncConflict
    query = C.alive().order_by(C.detected_at.desc()).limit(limit)
    if not include_acknowledged:
        query = query.where(C.acknowledged_at.is_null())
    return [{"id": c.id, "entity": c.entity, "row_id": c.row_id, "kept_seat": c.kept_seat,
             "kept_version": c.kept_version, "lost_seat": c.lost_seat, "lost_version": c.lost_version,
             "lost_values": c.lost_values, "reason": c.reason, "detected_at": c.detected_at,
             "acknowledged_at": c.acknowledged_at, "version": c.version} for c in query]


def own_rows() -> dict[str, int]:
    from evdesk.store.sync.rows import rows_of_own

    return rows_of_own()
