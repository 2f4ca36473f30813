"""How a station's connection reads on screen, the same in the Stations list and a station's panel.

On a site with several seats a station connected to another seat is reachable from here too (its
commands go through that seat), so it reads "Online at seat Workshop" in the online colour, not
"Offline"; a station connected here names this seat when the site has others."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from evdesk.core.station_cache import StationInfo
from evdesk.core.station_status import ONLINE
from evdesk.gui import display


def serving_seat(services, info: StationInfo) -> str:
    """The name of the seat the station is connected to on a site with several seats ("" otherwise)."""
    shared = services.shared_db
    return shared.seat_serving(info.id) if shared.engine is not None else ""


def connection_text(services, info: StationInfo) -> str:
    seat = serving_seat(services, info)
    label = display.connection_label(info.connection_state)
    if info.connection_state == ONLINE:
        return QCoreApplication.translate("Connection", "{state} (seat {seat})").format(state=label, seat=seat) \
            if seat else label
    if seat:
        return QCoreApplication.translate("Connection", "Online at seat {seat}").format(seat=seat)
    return label


def connection_colour(services, info: StationInfo) -> str:
    online_elsewhere = info.connection_state != ONLINE and serving_seat(services, info)
    state = ONLINE if online_elsewhere else info.connection_state
    return display.CONNECTION_STATE_COLOURS.get(state, "#757575")
