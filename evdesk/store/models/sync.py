"""What the shared-database sync keeps in each seat's store (schema 16).

`SyncConflict` records an edit that lost to another seat's edit of the same row
(found while catching up after an outage, or two seats editing at once), with the
losing values, so admins see it and nothing is lost silently. It is itself a
synced row: every seat's admins see every conflict. Its id is derived from what
lost (table, row, version, seat), so when several seats record the same conflict
the records are one row.
"""

from __future__ import annotations

import peewee

from evdesk.store.fields import UtcDateTimeField
from evdesk.store.models.base import SyncedModel


class SyncConflict(SyncedModel):
    entity = peewee.CharField(max_length=64)  # table name
    row_id = peewee.CharField(max_length=36)
    kept_seat = peewee.CharField(max_length=36)
    kept_version = peewee.IntegerField()
    lost_seat = peewee.CharField(max_length=36)
    lost_version = peewee.IntegerField()
    lost_values = peewee.TextField()  # JSON of the losing row's columns
    reason = peewee.TextField()  # a sentence: which rule decided
    detected_at = UtcDateTimeField()
    acknowledged_at = UtcDateTimeField(null=True)
