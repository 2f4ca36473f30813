"""The demo's simulated chargers: the seeded stations plus one stranger waiting for adoption."""

from __future__ import annotations

import logging

from evdesk.simulator import Fleet
from evdesk.demo import DEMO_METER_INTERVAL, PENDING_STATION, STATIONS, demo_id_tags

log = logging.getLogger(__name__)


async def start_demo_fleet(url: str) -> Fleet:
    stations = STATIONS + [PENDING_STATION]
    per_station = {
        st.identity: {"connectors": st.connectors, "max_power_w": st.max_power_w, "vendor": "Demo", "model": f"DC{st.max_power_w // 1000}" if st.max_power_w > 22000 else f"AC{st.max_power_w // 1000}"}
        for st in stations
    }
    fleet = Fleet(
        url,
        0,
        identities=[st.identity for st in stations],
        per_station=per_station,
        auto_sessions=True,
        # one card nobody registered: shows up as an unknown tag in the authorizations
        id_tags=demo_id_tags() + ["04FFEE00DDCC99"],
        meter_interval=DEMO_METER_INTERVAL,
        mean_idle_s=90.0,
        session_s=(120.0, 900.0),
        fault_probability=0.05,
        fault_duration_s=(30.0, 180.0),
        auto_plug=True,
        seed=7,
    )
    await fleet.start()
    log.info("demo fleet started: %d simulated stations on %s", len(fleet), url)
    return fleet
