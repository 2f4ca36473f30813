"""Notification rules (versioned rows) and the notification mail log (append-only rows).

Functions run on the database worker and raise `StaleRow` / `MissingRow`; rules go through
`evdesk.store.write` like every synced row.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

import peewee

from evdesk.store import models as m
from evdesk.store import write as w

NR = m.NotificationRule
NM = m.NotificationMail
RULE_FIELDS = ("name", "group_id", "station_ids", "emails", "operator_ids", "cases", "clear_mails", "repeat_minutes",
               "settle_seconds", "recovery_minutes", "active")


def load_rules() -> list[dict]:
    """Every live rule (a site has tens)."""
    return list(NR.alive(NR.id, NR.version, *(getattr(NR, f) for f in RULE_FIELDS)).dicts())


def name_taken(name: str, except_id: UUID | None = None) -> bool:
    query = NR.alive().where(peewee.fn.LOWER(NR.name) == name.lower())
    if except_id is not None:
        query = query.where(NR.id != except_id)
    return query.exists()


def insert_rule(**fields: Any) -> UUID:
    return w.versioned_insert(NR, **fields).id


def update_rule(rule_id: UUID, version: int, **fields: Any) -> int:
    return w.versioned_update(NR, rule_id, version, **fields)


def tombstone_rule(rule_id: UUID, version: int) -> int:
    return w.tombstone(NR, rule_id, version)


def add_mails(rows: list[dict]) -> None:
    """The mails of one watch tick, in one statement."""
    if rows:
        NM.insert_many(rows).execute()


def last_start_mails(since: datetime) -> list[tuple[UUID | None, UUID | None, str, datetime]]:
    """(rule, station, case, newest start mail) since `since`: the repeat windows survive a restart."""
    query = (NM.select(NM.rule_id, NM.station_id, NM.case, peewee.fn.MAX(NM.at))
             .where((NM.at >= since) & (NM.kind == "start"))
             .group_by(NM.rule_id, NM.station_id, NM.case))
    return list(query.tuples())
