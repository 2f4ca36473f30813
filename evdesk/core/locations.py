"""Locations: where stations stand (name, address, postcode, city, country, coordinates, time zone).

Rules decided here (issue 16, digest B2):

* A location belongs to a charging group (its `group`) or to the whole site (no group). An
  operator sees the site-wide locations and those of groups in their domain; a group admin
  manages (creates, edits, deletes) only locations of groups in their subtree, site-wide ones
  only admins of the whole site. Changing needs "edit stations" (admins).
* A station may be put at any location its operator sees.
* Name is required (at most 200 characters; 30-40 recommended by the manual); the country is
  an ISO 3166 two-letter code (FI, DE, ...), stored in upper case; coordinates are both given
  or both empty, latitude -90..90, longitude -180..180; the time zone is an IANA name (empty:
  the site's). Deleting a location leaves its stations without one; a location with stations
  the operator does not manage is not theirs to delete.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from uuid import UUID

from evdesk.core import events as ev
from evdesk.core.errors import AccessDenied, NotFound, StaleEdit, ValidationError
from evdesk.core.permissions import ROLES, OperatorContext, Permission, require, require_group
from evdesk.core.tasks import spawn
from evdesk.core.zones import computer_zone_name
from evdesk.settings import time_zone_exists
from evdesk.store.errors import MissingRow, StaleRow
from evdesk.store.queries import hardware as q
from evdesk.store.repos import hardware as repo

__all__ = ["LocationRow", "LocationInput", "LocationService"]

NOT_FOUND = "This location does not exist (any more)."


@dataclass(frozen=True)
class LocationInput:
    name: str
    address: str = ""
    postcode: str = ""
    city: str = ""
    country: str = ""
    latitude: float | None = None
    longitude: float | None = None
    timezone: str = ""
    group_id: UUID | None = None


@dataclass(frozen=True)
class LocationRow:
    id: UUID
    name: str
    address: str
    postcode: str
    city: str
    country: str
    latitude: float | None
    longitude: float | None
    timezone: str
    group_id: UUID | None
    version: int
    stations: int = 0

    def as_input(self) -> LocationInput:
        return LocationInput(self.name, self.address, self.postcode, self.city, self.country, self.latitude,
                             self.longitude, self.timezone, self.group_id)


def _row(r: dict) -> LocationRow:
    return LocationRow(r["id"], r["name"], r["address"], r["postcode"], r["city"], r["country"], r["latitude"],
                       r["longitude"], r["timezone"], r["group"], r["version"], r.get("stations", 0))


def clean_location(data: LocationInput, site_timezone: str = "") -> dict:
    """The stored fields, or ValidationError next to the field."""
    name = (data.name or "").strip()
    if not name:
        raise ValidationError("Location name is required.", field="name")
    if len(name) > 200:
        raise ValidationError("Use at most 200 characters for the name (30-40 is best).", field="name")
    postcode, city = (data.postcode or "").strip(), (data.city or "").strip()
    if len(postcode) > 16:
        raise ValidationError("A postcode has at most 16 characters.", field="postcode")
    if len(city) > 100:
        raise ValidationError("A city name has at most 100 characters.", field="city")
    country = (data.country or "").strip().upper()
    if country and not (len(country) == 2 and country.isascii() and country.isalpha()):
        raise ValidationError("Give the country as its two-letter code, e.g. FI or DE.", field="country")
    lat, lon = data.latitude, data.longitude
    if (lat is None) != (lon is None):
        raise ValidationError("Give both latitude and longitude, or neither.",
                              field="longitude" if lon is None else "latitude")
    if lat is not None and not (isinstance(lat, (int, float)) and -90 <= lat <= 90):
        raise ValidationError("Latitude is between -90 and 90 degrees, e.g. 60.1699.", field="latitude")
    if lon is not None and not (isinstance(lon, (int, float)) and -180 <= lon <= 180):
        raise ValidationError("Longitude is between -180 and 180 degrees, e.g. 24.9384.", field="longitude")
    zone = (data.timezone or "").strip() or site_timezone or computer_zone_name()
    if not time_zone_exists(zone):
        raise ValidationError("Choose a time zone from the list, such as Europe/Helsinki.", field="timezone")
    return {"name": name, "address": (data.address or "").strip(), "postcode": postcode, "city": city,
            "country": country, "latitude": float(lat) if lat is not None else None,
            "longitude": float(lon) if lon is not None else None, "timezone": zone, "group": data.group_id}


class LocationService:
    def __init__(self, store, bus: ev.EventBus, settings, stations, group_tree):
        self.store = store
        self.bus = bus
        self.settings = settings
        self.stations = stations
        self.group_tree = group_tree
        self.names: dict[UUID, str] = {}  # every live location's name (the Stations table's column)
        self._unsubscribe = bus.subscribe(ev.RowsChanged, self._rows_changed)

    async def load(self) -> None:
        self.names = {r["id"]: r["name"] for r in await self.store.read(q.locations)}

    def _rows_changed(self, event: ev.RowsChanged) -> None:
        if event.entity == "location":  # another seat's change
            spawn(self._reload(), name="locations refresh")

    async def _reload(self) -> None:
        await self.load()
        self.bus.publish(ev.LocationsChanged(None))

    def name_of(self, location_id: UUID | None) -> str:
        return self.names.get(location_id, "") if location_id else ""

    def _sees(self, ctx: OperatorContext, group_id: UUID | None) -> bool:
        """Site-wide locations: every operator (not "nobody": fail closed); others through the domain."""
        return ctx.role in ROLES if group_id is None else ctx.sees_group(group_id)

    async def list(self, ctx: OperatorContext) -> list[LocationRow]:
        """The locations the operator sees, by name."""
        ctx = self.group_tree.fresh(ctx)
        return [_row(r) for r in await self.store.read(q.locations) if self._sees(ctx, r["group"])]

    async def get(self, ctx: OperatorContext, location_id: UUID) -> LocationRow:
        ctx = self.group_tree.fresh(ctx)
        row = await self.store.read(q.location, location_id)
        if row is None or not self._sees(ctx, row["group"]):
            raise NotFound(NOT_FOUND)
        return _row(row)

    def _may_manage(self, ctx: OperatorContext, group_id: UUID | None) -> OperatorContext:
        require(ctx, Permission.EDIT_STATIONS)
        ctx = self.group_tree.fresh(ctx)
        require_group(ctx, group_id)
        return ctx

    async def create(self, ctx: OperatorContext, data: LocationInput) -> LocationRow:
        self._may_manage(ctx, data.group_id)
        fields = clean_location(data, self.settings.site_timezone)
        row = _row(await self.store.atomic(partial(repo.insert_location, **fields)))
        self.names[row.id] = row.name
        self.bus.publish(ev.LocationsChanged(row.id))
        return row

    async def update(self, ctx: OperatorContext, location_id: UUID, expected_version: int,
                     data: LocationInput) -> LocationRow:
        current = await self.get(ctx, location_id)
        self._may_manage(ctx, current.group_id)
        self._may_manage(ctx, data.group_id)
        fields = clean_location(data, self.settings.site_timezone)
        try:
            row = _row(await self.store.atomic(partial(repo.update_location, location_id, expected_version, **fields)))
        except (StaleRow, MissingRow):
            raise StaleEdit() from None
        self.names[row.id] = row.name
        self.bus.publish(ev.LocationsChanged(row.id))
        return row

    async def delete(self, ctx: OperatorContext, location_id: UUID, expected_version: int) -> None:
        current = await self.get(ctx, location_id)
        ctx = self._may_manage(ctx, current.group_id)
        at_it = [i for i in self.stations.all() if i.location_id == location_id]
        if any(not ctx.sees_station(i.group_id) for i in at_it):
            raise AccessDenied("Stations you do not manage stand at this location: an administrator of the whole "
                               "site can delete it.")
        try:
            await self.store.atomic(partial(repo.delete_location, location_id, expected_version))
        except (StaleRow, MissingRow):
            raise StaleEdit() from None
        self.names.pop(location_id, None)
        for info in at_it:  # the registry follows the stations' new version
            await self.stations.refresh(info.id)
        self.bus.publish(ev.LocationsChanged(location_id))

    async def check_usable(self, ctx: OperatorContext, location_id: UUID | None) -> None:
        """A station of this operator may be put there (ValidationError next to the location)."""
        if location_id is None:
            return
        ctx = self.group_tree.fresh(ctx)
        row = await self.store.read(q.location, location_id)
        if row is None or not self._sees(ctx, row["group"]):
            raise ValidationError("Choose a location from the list: that one does not exist or is not yours.",
                                  field="location")
