"""What the sessions CSV export adds to the list's rows: connector socket types and users' vehicles."""

from __future__ import annotations

from evdesk.store import models as m


def extras() -> dict:
    """{"sockets": {(station id, connector id): socket type}, "plates": {user id: [plates]}}, read once
    per export (a site has hundreds of connectors and thousands of vehicles, not millions)."""
    C, V = m.Connector, m.Vehicle
    sockets = {(s, c): t for s, c, t in C.alive(C.station, C.connector_id, C.socket_type).tuples() if t}
    plates: dict = {}
    for user, plate in V.alive(V.user, V.registration_plate).order_by(V.registration_plate).tuples():
        if plate:
            plates.setdefault(user, []).append(plate)
    return {"sockets": sockets, "plates": plates}
