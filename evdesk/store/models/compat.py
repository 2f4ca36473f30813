"""Compatibility profiles (issue 16): how evdesk reads one charger's quirks, per station and
shared per charger model (vendor + model from the boot)."""

from __future__ import annotations

import peewee

from evdesk.store.fields import JsonField, UtcDateTimeField
from evdesk.store.models.base import SyncedModel
from evdesk.store.models.site import Station


class StationCompatibility(SyncedModel):
    """One station's profile: the switches the server applies, what the probe saw, and which
    switches an operator set by hand (the probe never changes those)."""

    station = peewee.ForeignKeyField(Station, backref="compatibility", on_delete="CASCADE", unique=True)
    switches = JsonField(default=dict)
    observations = JsonField(default=dict)
    operator_set = JsonField(default=list)  # names of switches an operator chose
    source = peewee.CharField(max_length=32, default="defaults")  # defaults / model / probe / operator
    state = peewee.CharField(max_length=16, default="new")  # new / watching / settled
    first_boot_at = UtcDateTimeField(null=True)
    probed_at = UtcDateTimeField(null=True)


class ModelCompatibility(SyncedModel):
    """The profile a new charger of this model starts with. `model_key` is vendor and model,
    case-folded and trimmed, so "ACME " and "acme" are one model."""

    model_key = peewee.CharField(max_length=140, unique=True)
    vendor = peewee.CharField(max_length=64)
    charger_model = peewee.CharField(max_length=64)
    switches = JsonField(default=dict)
    from_station = peewee.UUIDField(null=True)  # whose profile it was taken from
    shared_by = peewee.CharField(max_length=120, default="")  # "probe" or the operator's name
