"""Load management (issue 17): circuits, the stations on them and their limits by time of day.
The rules are in `core/load/circuits.py`."""

from __future__ import annotations

import peewee

from evdesk.store.models.base import SyncedModel
from evdesk.store.models.site import ChargingGroup, Station


class Circuit(SyncedModel):
    """A node of the site's supply tree: the site connection, a sub-distribution or a circuit."""

    name = peewee.CharField(max_length=200)
    parent = peewee.ForeignKeyField("self", null=True, backref="children", on_delete="SET NULL")
    phases = peewee.IntegerField(default=3)
    max_current_a = peewee.DoubleField()  # per phase
    reserved_a = peewee.DoubleField(default=0.0)  # other loads on the same breaker
    min_current_a = peewee.DoubleField(null=True)  # per charging point; None = no minimum
    # the charging group whose operators manage it; None = site-wide (root admins)
    group = peewee.ForeignKeyField(ChargingGroup, null=True, backref="circuits", on_delete="SET NULL")


class CircuitStation(SyncedModel):
    """A station on a circuit (at most one live row per station: checked by the writer, since a
    tombstone keeps its row)."""

    circuit = peewee.ForeignKeyField(Circuit, backref="stations", on_delete="CASCADE")
    station = peewee.ForeignKeyField(Station, backref="circuit_rows", on_delete="CASCADE", index=True)
    max_current_a = peewee.DoubleField()  # the station's (charge point's) max per phase
    priority = peewee.IntegerField(default=0)  # higher = filled first


class CircuitSchedule(SyncedModel):
    """A circuit's limit between two times of day (site time zone; may run past midnight)."""

    circuit = peewee.ForeignKeyField(Circuit, backref="schedules", on_delete="CASCADE")
    start_minute = peewee.IntegerField()  # 0..1439
    end_minute = peewee.IntegerField()  # 0..1439; end < start runs past midnight; equal = all day
    max_current_a = peewee.DoubleField()
