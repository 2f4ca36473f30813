"""The hardware status log of one station (a read over rows that exist already).

What counts as hardware status: a StatusNotification with an error code other than
NoError, a Faulted or Unavailable status, or vendor information (vendor id, vendor error
code, info text); and each firmware status the station reported. Newest first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from evdesk.core.reads import DEFAULT_PAGE_SIZE, Cursor, Page, clamp_limit, page_of, require_visible_station
from evdesk.store.queries import firmware as q


@dataclass(frozen=True)
class HardwareStatusRow:
    id: UUID
    at: datetime
    source: str  # status / firmware
    connector_id: int
    status: str
    error_code: str
    info: str
    vendor_id: str
    vendor_error_code: str


class HardwareLog:
    def __init__(self, store, stations):
        self.store = store
        self.stations = stations

    async def rows(self, ctx, station_id: UUID, cursor: Cursor | None = None,
                   limit: int = DEFAULT_PAGE_SIZE) -> Page[HardwareStatusRow]:
        require_visible_station(ctx, self.stations, station_id)
        limit = clamp_limit(limit)
        rows = await self.store.read(q.hardware_log, station_id, cursor, limit + 1)
        return page_of([HardwareStatusRow(r["id"], r["at"], r["source"], r["connector_id"], r["status"],
                                          r["error_code"], r["info"], r["vendor_id"], r["vendor_error_code"])
                        for r in rows], limit, lambda r: (r.at, r.id))
