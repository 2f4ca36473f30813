"""Where stations live: the charging-group tree, locations, stations, EVSEs, connectors."""

from __future__ import annotations

import peewee

from evdesk.store.fields import JsonField, UtcDateTimeField
from evdesk.store.models.base import BaseModel, SyncedModel


class SchemaVersion(BaseModel):
    version = peewee.IntegerField(primary_key=True)
    applied_at = UtcDateTimeField()


class Setting(SyncedModel):
    key = peewee.CharField(max_length=120, unique=True)
    value = JsonField(null=True)


class ChargingGroup(SyncedModel):
    name = peewee.CharField(max_length=200)
    parent = peewee.ForeignKeyField("self", null=True, backref="children", on_delete="RESTRICT")
    description = peewee.TextField(default="")


class Location(SyncedModel):
    """The pin on the map a station stands at (`core/locations.py` has the rules)."""

    name = peewee.CharField(max_length=200)
    address = peewee.TextField(default="")
    timezone = peewee.CharField(max_length=64, default="UTC")
    latitude = peewee.DoubleField(null=True)
    longitude = peewee.DoubleField(null=True)
    postcode = peewee.CharField(max_length=16, default="")
    city = peewee.CharField(max_length=100, default="")
    country = peewee.CharField(max_length=2, default="")  # ISO 3166-1 alpha-2
    # the charging group whose operators manage it; None = site-wide (root admins)
    group = peewee.ForeignKeyField(ChargingGroup, null=True, backref="locations", on_delete="SET NULL")


class Station(SyncedModel):
    identity = peewee.CharField(max_length=255, unique=True)
    name = peewee.CharField(max_length=200, default="")
    group = peewee.ForeignKeyField(ChargingGroup, null=True, backref="stations", on_delete="SET NULL")
    location = peewee.ForeignKeyField(Location, null=True, backref="stations", on_delete="SET NULL")
    # adopted: an operator created or adopted it; pending: it connected unknown and
    # waits for an admin; rejected: an admin turned it away.
    registration = peewee.CharField(max_length=16, default="adopted", index=True)
    password_hash = peewee.CharField(max_length=255, null=True)
    ocpp_version = peewee.CharField(max_length=16, default="1.6")
    vendor = peewee.CharField(max_length=64, default="")
    model = peewee.CharField(max_length=64, default="")
    serial_number = peewee.CharField(max_length=64, default="")
    firmware_version = peewee.CharField(max_length=64, default="")
    iccid = peewee.CharField(max_length=32, default="")
    imsi = peewee.CharField(max_length=32, default="")
    meter_type = peewee.CharField(max_length=64, default="")
    meter_serial_number = peewee.CharField(max_length=64, default="")
    # public: access rights apply; private: only users with explicit rights;
    # free: no identification needed at all.
    access_mode = peewee.CharField(max_length=16, default="public")
    heartbeat_interval = peewee.IntegerField(default=300)
    meter_value_interval = peewee.IntegerField(default=60)
    strip_id_tag_suffix = peewee.BooleanField(default=True)
    skip_schema_validation = peewee.BooleanField(default=False)
    timezone = peewee.CharField(max_length=64, default="")
    connection_state = peewee.CharField(max_length=24, default="never_connected")
    last_seen = UtcDateTimeField(null=True)
    last_boot_at = UtcDateTimeField(null=True)
    firmware_status = peewee.CharField(max_length=32, default="")
    diagnostics_status = peewee.CharField(max_length=32, default="")
    notes = peewee.TextField(default="")
    # set by an operator: active / disabled (not monitored) / out_of_order (`core/station_hardware.py`)
    system_status = peewee.CharField(max_length=16, default="active")
    integration_date = peewee.DateField(null=True)
    # OCPP security profile: 1 basic auth (ws:// or wss://), 2 TLS + basic auth, 3 TLS + client certificate
    security_profile = peewee.SmallIntegerField(default=1)


class Evse(SyncedModel):
    """A charging point (OCPP 1.6 connectorId, 2.0.1 evseId = `evse_id`) and its electrics."""

    station = peewee.ForeignKeyField(Station, backref="evses", on_delete="CASCADE")
    evse_id = peewee.IntegerField()
    max_power_w = peewee.IntegerField(null=True)
    current_type = peewee.CharField(max_length=2, default="AC")  # AC / DC
    phases = peewee.IntegerField(default=3)  # 1 / 3
    phase = peewee.CharField(max_length=2, default="")  # L1/L2/L3: the grid phase of a single-phase one
    phase_rotation = peewee.CharField(max_length=3, default="")  # RST...TSR of a three-phase one
    emi3_id = peewee.CharField(max_length=48, default="")  # the EVSE-ID, e.g. FI*ABC*E12345

    class Meta:
        indexes = ((("station", "evse_id"), True),)


class Connector(SyncedModel):
    station = peewee.ForeignKeyField(Station, backref="connectors", on_delete="CASCADE")
    evse = peewee.ForeignKeyField(Evse, null=True, backref="connectors", on_delete="CASCADE")
    connector_id = peewee.IntegerField()
    socket_type = peewee.CharField(max_length=32, default="Type2")
    cable = peewee.BooleanField(default=False)  # a fixed cable rather than a socket
    max_power_w = peewee.IntegerField(null=True)
    access_mode = peewee.CharField(max_length=16, default="")  # "" = the station's
    status = peewee.CharField(max_length=24, default="Unknown")
    error_code = peewee.CharField(max_length=32, default="NoError")
    info = peewee.CharField(max_length=255, default="")
    vendor_error_code = peewee.CharField(max_length=64, default="")
    status_at = UtcDateTimeField(null=True)

    class Meta:
        indexes = ((("station", "connector_id"), True),)


class StationConfigKey(SyncedModel):
    station = peewee.ForeignKeyField(Station, backref="config_keys", on_delete="CASCADE")
    key = peewee.CharField(max_length=128)
    value = peewee.TextField(null=True)
    readonly = peewee.BooleanField(default=False)
    fetched_at = UtcDateTimeField(null=True)

    class Meta:
        indexes = ((("station", "key"), True),)


class StationTemplate(SyncedModel):
    """A station's EVSEs, connectors and location-independent settings, saved to create others."""

    name = peewee.CharField(max_length=200)
    group = peewee.ForeignKeyField(ChargingGroup, null=True, backref="templates", on_delete="SET NULL")
    vendor = peewee.CharField(max_length=64, default="")
    charger_model = peewee.CharField(max_length=64, default="")  # ("model" is peewee's word)
    settings = JsonField(null=True)  # access mode, intervals, quirks
    evses = JsonField(null=True)  # [{evse_id, current_type, ..., connectors: [...]}]
