"""Who uses the site: operators at the desk, charging users at the chargers, their tokens."""

from __future__ import annotations

import peewee

from evdesk.store.fields import JsonField, UtcDateTimeField
from evdesk.store.models.base import SyncedModel
from evdesk.store.models.site import ChargingGroup, Station


class Operator(SyncedModel):
    username = peewee.CharField(max_length=120, unique=True)
    email = peewee.CharField(max_length=255, default="")
    first_name = peewee.CharField(max_length=120, default="")
    last_name = peewee.CharField(max_length=120, default="")
    status = peewee.CharField(max_length=16, default="active")  # invited / active / inactive
    role = peewee.CharField(max_length=16, default="basic")  # admin / basic / analyst
    base_group = peewee.ForeignKeyField(ChargingGroup, null=True, on_delete="SET NULL")
    password_hash = peewee.CharField(max_length=255, null=True)
    last_login = UtcDateTimeField(null=True)
    failed_logins = peewee.IntegerField(default=0)
    locked_until = UtcDateTimeField(null=True)
    one_time_code_hash = peewee.CharField(max_length=255, null=True)
    one_time_code_expires = UtcDateTimeField(null=True)


class UserGroup(SyncedModel):
    name = peewee.CharField(max_length=200)
    active = peewee.BooleanField(default=True)
    max_concurrent_transactions = peewee.IntegerField(null=True)
    # the members' sessions' stop limits (schema 8); None: no limit from the group
    limit_minutes = peewee.IntegerField(null=True)
    limit_wh = peewee.IntegerField(null=True)
    limit_cost_minor = peewee.IntegerField(null=True)
    # load management: the members' sessions get their share before lower groups' (schema 22)
    load_priority = peewee.IntegerField(default=0)


class ChargingUser(SyncedModel):
    first_name = peewee.CharField(max_length=120, default="")
    last_name = peewee.CharField(max_length=120, default="")
    email = peewee.CharField(max_length=255, null=True, index=True)
    phone = peewee.CharField(max_length=64, default="")
    user_group = peewee.ForeignKeyField(UserGroup, null=True, backref="members", on_delete="SET NULL")
    status = peewee.CharField(max_length=16, default="active")  # active / disabled
    disabled_reason = peewee.CharField(max_length=255, default="")
    max_concurrent_transactions = peewee.IntegerField(null=True)
    # The charging group the user belongs to: operators whose domain holds it see and
    # manage the user; None = site-wide (whole-site operators only). Schema 5.
    home_group = peewee.ForeignKeyField(ChargingGroup, null=True, on_delete="SET NULL")
    # a fleet vehicle's usual "needs energy by" time, "HH:MM" in the site's zone, "" none (schema 22)
    departure_time = peewee.CharField(max_length=5, default="")


class Vehicle(SyncedModel):
    user = peewee.ForeignKeyField(ChargingUser, backref="vehicles", on_delete="CASCADE")
    registration_plate = peewee.CharField(max_length=32, default="")
    description = peewee.CharField(max_length=200, default="")


class Token(SyncedModel):
    uid = peewee.CharField(max_length=64)  # as entered
    uid_key = peewee.CharField(max_length=64, unique=True)  # upper-cased: matching ignores case
    name = peewee.CharField(max_length=200, default="")
    status = peewee.CharField(max_length=16, default="active")  # active / inactive / blocked
    valid_from = UtcDateTimeField(null=True)
    valid_to = UtcDateTimeField(null=True)  # None = valid indefinitely
    # Date-only validity (what operators usually enter): from 00:00 on valid_from_day
    # through 23:59:59 on valid_to_day, in the station's time zone (schema 2).
    valid_from_day = peewee.DateField(null=True)
    valid_to_day = peewee.DateField(null=True)
    parent = peewee.ForeignKeyField("self", null=True, backref="children", on_delete="SET NULL")
    user = peewee.ForeignKeyField(ChargingUser, null=True, backref="tokens", on_delete="SET NULL")
    # For a token without a user: the charging group it belongs to (see ChargingUser).
    # A token with a user belongs to the user's home group. Schema 5.
    home_group = peewee.ForeignKeyField(ChargingGroup, null=True, on_delete="SET NULL")


class AccessRight(SyncedModel):
    """A charging user may charge in a group (and its subgroups) or at one station."""

    user = peewee.ForeignKeyField(ChargingUser, backref="access_rights", on_delete="CASCADE")
    group = peewee.ForeignKeyField(ChargingGroup, null=True, on_delete="CASCADE")
    station = peewee.ForeignKeyField(Station, null=True, on_delete="CASCADE")


class LocalListState(SyncedModel):
    """What evdesk last sent a station as its local authorization list (schema 2)."""

    station = peewee.ForeignKeyField(Station, unique=True, on_delete="CASCADE")
    enabled = peewee.BooleanField(null=True)  # LocalAuthListEnabled as last read; None = not read yet
    max_length = peewee.IntegerField(null=True)  # LocalAuthListMaxLength
    send_max_length = peewee.IntegerField(null=True)  # SendLocalListMaxLength
    list_version = peewee.IntegerField(default=0)
    entries = JsonField(default=dict)  # idTag -> idTagInfo as sent
    synced_at = UtcDateTimeField(null=True)
