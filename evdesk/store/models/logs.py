"""What the site remembers: status events, station events, OCPP frames, actions, decisions."""

from __future__ import annotations

import peewee

from evdesk.store.fields import JsonField, UtcDateTimeField
from evdesk.store.models.base import LogModel
from evdesk.store.models.people import Operator
from evdesk.store.models.site import Station


class StatusEvent(LogModel):
    """One StatusNotification: the station's event feed."""

    station = peewee.ForeignKeyField(Station, on_delete="CASCADE")
    connector_id = peewee.IntegerField()
    status = peewee.CharField(max_length=24)
    error_code = peewee.CharField(max_length=32, default="NoError")
    info = peewee.CharField(max_length=255, default="")
    vendor_id = peewee.CharField(max_length=255, default="")
    vendor_error_code = peewee.CharField(max_length=64, default="")
    timestamp = UtcDateTimeField()  # the station's time, or receipt time if it gave none
    received_at = UtcDateTimeField()

    class Meta:
        indexes = ((("station", "timestamp"), False),)


class StationEvent(LogModel):
    """Connection changes, boots, firmware and diagnostics progress, data transfers."""

    station = peewee.ForeignKeyField(Station, on_delete="CASCADE")
    kind = peewee.CharField(max_length=24)  # network / boot / firmware / diagnostics / data_transfer
    state = peewee.CharField(max_length=64, default="")
    detail = peewee.TextField(default="")
    at = UtcDateTimeField()

    class Meta:
        indexes = ((("station", "kind", "at"), False),)


class MessageLog(LogModel):
    """Every OCPP frame in and out, verbatim, kept for a retention period."""

    station_identity = peewee.CharField(max_length=255)
    direction = peewee.CharField(max_length=3)  # in / out
    message_type = peewee.IntegerField(null=True)  # 2 CALL, 3 CALLRESULT, 4 CALLERROR
    unique_id = peewee.CharField(max_length=64, default="")
    action = peewee.CharField(max_length=64, default="")
    payload = peewee.TextField()
    at = UtcDateTimeField()

    class Meta:
        indexes = ((("station_identity", "at"), False), (("at",), False))


class ActionLog(LogModel):
    """One CSMS-initiated command: who, why, what was sent, what came back."""

    station = peewee.ForeignKeyField(Station, null=True, on_delete="CASCADE")
    operator = peewee.ForeignKeyField(Operator, null=True, on_delete="SET NULL")
    actor = peewee.CharField(max_length=120, default="")  # operator name, "system", "scheduler"
    action = peewee.CharField(max_length=64)
    reason = peewee.TextField(default="")
    request = JsonField(null=True)
    response = JsonField(null=True)
    # pending / accepted / rejected / timeout / error / offline
    outcome = peewee.CharField(max_length=16, default="pending")
    error = peewee.TextField(default="")
    started_at = UtcDateTimeField()
    finished_at = UtcDateTimeField(null=True)

    class Meta:
        indexes = ((("station", "started_at"), False),)


class AuthorizationAttempt(LogModel):
    at = UtcDateTimeField(index=True)
    station = peewee.ForeignKeyField(Station, null=True, on_delete="CASCADE")
    connector_id = peewee.IntegerField(null=True)
    id_tag = peewee.CharField(max_length=64)
    token_id = peewee.UUIDField(null=True)
    user_id = peewee.UUIDField(null=True)
    context = peewee.CharField(max_length=24)  # Authorize / StartTransaction / RemoteStart
    result = peewee.CharField(max_length=16)  # Accepted / Blocked / Expired / Invalid / ConcurrentTx
    reason = peewee.CharField(max_length=255, default="")
