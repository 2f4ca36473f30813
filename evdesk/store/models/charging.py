"""What happens at the chargers: transactions, meter values, reservations."""

from __future__ import annotations

import peewee

from evdesk.store.fields import JsonField, UtcDateTimeField
from evdesk.store.models.base import LogModel, SyncedModel
from evdesk.store.models.people import ChargingUser, Token
from evdesk.store.models.site import Station


class Transaction(SyncedModel):
    # OCPP 1.6 transaction ids are integers the central system hands out (1 .. 2^31-1);
    # below zero for sessions the station numbered itself (see station_transaction_id).
    ocpp_id = peewee.IntegerField(unique=True)
    # the number a station used for a session evdesk never started (a Stop without a Start)
    station_transaction_id = peewee.BigIntegerField(null=True)
    station = peewee.ForeignKeyField(Station, backref="transactions", on_delete="CASCADE")
    connector_id = peewee.IntegerField()
    id_tag = peewee.CharField(max_length=64, default="")
    token = peewee.ForeignKeyField(Token, null=True, on_delete="SET NULL")
    user = peewee.ForeignKeyField(ChargingUser, null=True, on_delete="SET NULL")
    # active / completed / closed_inactive (no Stop in time) / failed (remote start, no car)
    state = peewee.CharField(max_length=24, default="active", index=True)
    started_at = UtcDateTimeField(index=True)
    stopped_at = UtcDateTimeField(null=True)
    meter_start_wh = peewee.BigIntegerField(default=0)
    meter_stop_wh = peewee.BigIntegerField(null=True)
    # last register reading seen (meter values or stop); energy is never invented
    meter_last_wh = peewee.BigIntegerField(null=True)
    last_meter_at = UtcDateTimeField(null=True)
    energy_wh = peewee.BigIntegerField(null=True)
    stop_reason = peewee.CharField(max_length=32, default="")
    stop_id_tag = peewee.CharField(max_length=64, default="")
    reservation_id = peewee.IntegerField(null=True)
    remote_start = peewee.BooleanField(default=False)
    # suspicious data the operator should see, e.g. meterStop below meterStart
    flags = JsonField(default=list)
    reconciled_at = UtcDateTimeField(null=True)
    # the tariff in force at the start and a copy of its prices: later edits change no session
    tariff_id = peewee.UUIDField(null=True)
    tariff_name = peewee.CharField(max_length=200, default="")
    tariff_prices = JsonField(null=True)
    # the price (Breakdown.to_dict) and its total in minor units; fixed at stop, None while running
    cost = JsonField(null=True)
    cost_total_minor = peewee.BigIntegerField(null=True)
    currency = peewee.CharField(max_length=3, default="")
    # "" not priced yet / "final" / "parking" (a parking fee runs until the cable is out)
    cost_state = peewee.CharField(max_length=12, default="")
    # stop limits for this session (from the tariff, the user group or the remote start); None = none
    limit_minutes = peewee.IntegerField(null=True)
    limit_wh = peewee.BigIntegerField(null=True)
    limit_cost_minor = peewee.BigIntegerField(null=True)
    # load management: "needs energy by", set by an operator for this session (schema 22); None: the user's daily time
    departure_at = UtcDateTimeField(null=True)


class MeterValue(LogModel):
    """One meter reading: a station time stamp with its sampled values.

    The figures evdesk works with are columns in its own units; every sampled
    value as the station sent it is kept in `samples`.
    """

    station = peewee.ForeignKeyField(Station, on_delete="CASCADE")
    transaction = peewee.ForeignKeyField(Transaction, null=True, backref="meter_values", on_delete="CASCADE")
    connector_id = peewee.IntegerField()
    timestamp = UtcDateTimeField()
    context = peewee.CharField(max_length=32, default="")
    energy_wh = peewee.DoubleField(null=True)
    power_w = peewee.DoubleField(null=True)
    current_a = peewee.DoubleField(null=True)
    voltage_v = peewee.DoubleField(null=True)
    soc = peewee.DoubleField(null=True)
    samples = JsonField(default=list)  # [[measurand, phase, location, unit, value], ...]

    class Meta:
        indexes = ((("transaction", "timestamp"), False), (("station", "timestamp"), False))


class Reservation(SyncedModel):
    reservation_id = peewee.IntegerField(unique=True)
    station = peewee.ForeignKeyField(Station, on_delete="CASCADE")
    connector_id = peewee.IntegerField()
    id_tag = peewee.CharField(max_length=64)
    expires_at = UtcDateTimeField()
    # requested / accepted / rejected / cancelled / used / expired
    state = peewee.CharField(max_length=16, default="requested")
