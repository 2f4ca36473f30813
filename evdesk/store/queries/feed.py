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
    """Forget feed entries older than `cutoff` (kept long enough for the sync to read them). On a seat
    of a shared site, never an entry the sync has not sent yet (a seat away for longer than the
    retention still sends everything when it returns)."""
    from evdesk.store.models import LocalState

    where = ChangeFeed.at < cutoff
    if LocalState.get_or_none(LocalState.key == "sync_site_id") is not None:
        sent = LocalState.get_or_none(LocalState.key == "sync_pushed_seq")
        where &= ChangeFeed.seq <= (int(sent.value) if sent else 0)
    return ChangeFeed.delete().where(where).execute()
