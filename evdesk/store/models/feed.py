"""The change feed and this seat's own state (schema 4).

Every change to a synced row (insert, versioned update, tombstone) appends one
`ChangeFeed` row in the same database transaction, so the feed is exactly the
order in which this database changed. The in-process caches follow it for
changes another seat made (the shared-database sync writes those with that
seat's id), and the sync pushes this seat's rows from it.

`LocalState` holds what belongs to this database file only and never travels:
the seat's id, sync positions.
"""

from __future__ import annotations

import peewee

from evdesk.store.fields import UtcDateTimeField
from evdesk.store.models.base import BaseModel

INSERT, UPDATE, DELETE = "insert", "update", "delete"


class ChangeFeed(BaseModel):
    seq = peewee.AutoField()  # the order of changes in this database
    entity = peewee.CharField(max_length=64)  # table name
    row_id = peewee.UUIDField()
    version = peewee.IntegerField()
    op = peewee.CharField(max_length=8)  # insert / update / delete
    seat = peewee.CharField(max_length=36)  # the seat whose change this was
    at = UtcDateTimeField()


class LocalState(BaseModel):
    key = peewee.CharField(max_length=64, primary_key=True)
    value = peewee.TextField()
