"""The notification mail log, newest first, paged by (time, id)."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from evdesk.store import models as m

NM = m.NotificationMail
COLUMNS = ("id", "at", "station_id", "station_identity", "station_name", "case", "kind", "to", "subject", "outcome",
           "answer", "rule_id")


def mail_log(limit: int, before: tuple[datetime, UUID] | None = None, station_ids: list[UUID] | None = None,
             include_unknown_station: bool = True) -> list[dict]:
    """Up to `limit` mails older than `before` (a previous page's last (at, id)); `station_ids`
    narrows to those stations (an operator's domain), with or without mails of no station."""
    query = NM.select(*(getattr(NM, c) for c in COLUMNS))
    if station_ids is not None:
        cond = NM.station_id.in_(station_ids) if station_ids else None
        if include_unknown_station:
            cond = NM.station_id.is_null() if cond is None else (cond | NM.station_id.is_null())
        if cond is None:
            return []
        query = query.where(cond)
    if before is not None:
        at, row_id = before
        query = query.where((NM.at < at) | ((NM.at == at) & (NM.id < row_id)))
    return list(query.order_by(NM.at.desc(), NM.id.desc()).limit(limit).dicts())
