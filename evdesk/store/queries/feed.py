"""Reading the change feed (see evdesk/store/write.py)."""

from __future__ import annotations

from datetime import datetime

import peewee

from evdesk.store.models import ChangeFeed


def latest_seq() -> int:
    return ChangeFeed.select(peewee.fn.MAX(ChangeFeed.seq)).scalar() or 0


def changes_after(seq: int, exclude_seat: str, limit: int = 5000) -> list[tuple[int, str, object, str]]:
    """(seq, entity, row id, op) of changes after `seq` made by other seats, oldest first."""
    F = ChangeFeed
    return list(F.select(F.seq, F.entity, F.row_id, F.op).where((F.seq > seq) & (F.seat != exclude_seat))
                .order_by(F.seq).limit(limit).tuples())


def trim_before(cutoff: datetime) -> int:
    """Forget feed entries older than `cutoff` (kept long enough for the sync to read them)."""
    return ChangeFeed.delete().where(ChangeFeed.at < cutoff).execute()
