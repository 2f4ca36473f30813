"""Prices: tariffs, tariff groups (ordered tariffs with restrictions) and where they apply."""

from __future__ import annotations

import peewee

from evdesk.store.fields import JsonField, UtcDateTimeField
from evdesk.store.models.base import SyncedModel
from evdesk.store.models.site import ChargingGroup, Station


class Tariff(SyncedModel):
    name = peewee.CharField(max_length=200)
    kind = peewee.CharField(max_length=24, default="free")
    # the checked price fields (evdesk.core.pricing.tariff.TariffPrices.to_dict); sessions keep a copy
    prices = JsonField(default=dict)
    valid_from = UtcDateTimeField(null=True)
    valid_to = UtcDateTimeField(null=True)
    notes = peewee.TextField(default="")


class TariffGroup(SyncedModel):
    name = peewee.CharField(max_length=200)
    # the Free base tariff made with the group; always entry one
    base_tariff = peewee.ForeignKeyField(Tariff, on_delete="RESTRICT")
    # the entries after the base, in order: [{"tariff_id", "user_group_ids", "user_ids", "token_ids",
    # "windows": [{"days": [0..6], "start": "HH:MM", "end": "HH:MM"}]}]
    entries = JsonField(default=list)


class TariffAssignment(SyncedModel):
    """A tariff group applies to a charging group (and its subgroups), a station, or one connector."""

    tariff_group = peewee.ForeignKeyField(TariffGroup, on_delete="CASCADE")
    group = peewee.ForeignKeyField(ChargingGroup, null=True, on_delete="CASCADE")
    station = peewee.ForeignKeyField(Station, null=True, on_delete="CASCADE")
    connector_id = peewee.IntegerField(null=True)  # with station: that connector only


class AccessProfile(SyncedModel):
    """Who may charge where and when (schema 8): days and time windows, members, the stations and
    charging groups it covers, and optionally the tariff its sessions get."""

    name = peewee.CharField(max_length=200)
    # [{"days": [0..6], "start": "HH:MM", "end": "HH:MM"}]; the end may be at or before the start (past midnight)
    windows = JsonField(default=list)
    # members and coverage: lists of id strings (a site has tens of profiles, not thousands)
    user_ids = JsonField(default=list)
    user_group_ids = JsonField(default=list)
    token_ids = JsonField(default=list)
    group_ids = JsonField(default=list)
    station_ids = JsonField(default=list)
    tariff_id = peewee.UUIDField(null=True)  # the tariff of the sessions it admits; None: as the tariff groups decide
    notes = peewee.TextField(default="")
