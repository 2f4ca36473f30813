"""OCPP 2.0.1 bookkeeping: which evdesk session a station's transaction id is."""

from __future__ import annotations

import peewee

from evdesk.store.fields import JsonField
from evdesk.store.models.base import SyncedModel
from evdesk.store.models.site import Station


class TransactionRef(SyncedModel):
    """A 2.0.1 station names its transactions itself (a string of up to 36 characters); evdesk's
    sessions carry an integer `ocpp_id`. One row per station transaction, with the TransactionEvent
    sequence numbers already applied (a repeated event is answered, not applied twice)."""

    station = peewee.ForeignKeyField(Station, backref="transaction_refs", on_delete="CASCADE")
    transaction_ref = peewee.CharField(max_length=36)
    ocpp_id = peewee.IntegerField(index=True)
    seq_nos = JsonField(default=list)
    ended = peewee.BooleanField(default=False)

    class Meta:
        indexes = ((("station", "transaction_ref"), True),)
