"""The stations connected to this seat's OCPP server, by identity.

The server adds and removes connections; the command API and the local-list sync
look them up here. They get this registry (and the services) rather than the
server itself, so none of them imports another in a circle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

if TYPE_CHECKING:
    from evdesk.core.stations import StationService
    from evdesk.csms.connection import StationConnection


class ConnectionRegistry:
    def __init__(self, stations: "StationService"):
        self.stations = stations
        self.connections: dict[str, "StationConnection"] = {}

    def get(self, identity: str) -> "StationConnection | None":
        return self.connections.get(identity)

    def is_connected(self, identity: str) -> bool:
        return identity in self.connections

    def connection_for(self, station_id: UUID) -> "StationConnection | None":
        info = self.stations.by_id.get(station_id)
        return self.connections.get(info.identity) if info else None
