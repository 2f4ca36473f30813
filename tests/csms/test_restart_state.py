"""After a restart (a crash, a kill -9) nobody is online until they connect again."""

from __future__ import annotations

from datetime import timedelta

from ocpp.v16 import call

from evdesk.core.clock import utcnow
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.core.services import Services
from evdesk.csms.server import CentralSystem
from evdesk.settings import SiteSettings
from evdesk.store import models as m
from tests.csms.rawclient import raw_station
from tests.csms.test_protocol_messages import wait_for


async def test_stations_stored_online_are_unavailable_after_a_restart(store, services):
    recent = await services.stations.create_station("CP-RECENT", ctx=SYSTEM_CONTEXT)
    old = await services.stations.create_station("CP-OLD", ctx=SYSTEM_CONTEXT)
    never = await services.stations.create_station("CP-NEVER", ctx=SYSTEM_CONTEXT)
    await services.stop()  # its writers are done; what follows is the state a crash leaves behind
    now = utcnow()

    def crashed_while_online():
        m.Station.update(connection_state="online", last_seen=now - timedelta(seconds=10)).where(
            m.Station.id == recent.id).execute()
        m.Station.update(connection_state="online", last_seen=now - timedelta(hours=1)).where(
            m.Station.id == old.id).execute()

    await store.run(crashed_while_online)

    restarted = Services(store, SiteSettings(post_boot_quiet_seconds=0.0))
    await restarted.start(load_settings=False)
    central = CentralSystem(restarted, "127.0.0.1", 0)
    await central.start()
    try:
        states = {i.identity: i.connection_state for i in restarted.stations.all()}
        assert states == {"CP-RECENT": "temporarily_unavailable", "CP-OLD": "long_term_unavailable",
                          "CP-NEVER": "never_connected"}
        events = await store.run(lambda: {(e.station_id, e.state): e.detail for e in m.StationEvent.select().where(
            m.StationEvent.kind == "network")})
        assert "evdesk restarted" in events[(recent.id, "temporarily_unavailable")]
        assert "evdesk restarted" in events[(old.id, "long_term_unavailable")]
        assert not [k for k in events if k[0] == never.id]
        stored = await store.run(lambda: {s.identity: s.connection_state for s in m.Station.select()})
        assert stored["CP-RECENT"] == "temporarily_unavailable" and stored["CP-OLD"] == "long_term_unavailable"
        # the silence clock runs from when it was last seen, not from the restart
        restarted.settings.long_term_unavailable_after = 5
        restarted.status.check_silence()
        assert restarted.stations.get("CP-RECENT").connection_state == "long_term_unavailable"

        # online again once it connects since this start
        async with raw_station(central.url, "CP-RECENT") as st:
            assert (await st.call(call.Heartbeat())).current_time
            await wait_for(lambda: restarted.stations.get("CP-RECENT").connection_state == "online")
    finally:
        await central.stop()
        await restarted.stop()
