"""Screenshots of the evdesk screens with realistic data, for reviewing the layout.

Not collected by pytest (no `test_` prefix). Run:

    QT_QPA_PLATFORM=offscreen python -m tests.gui.screens /tmp/evdesk-screens

`seed_site(services)` is also what the GUI tests use to fill a site with stations,
sessions and log rows without a live charger.
"""

from __future__ import annotations

import os
import sys
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from evdesk.core.actions import Actor  # noqa: E402
from evdesk.core.clock import utcnow  # noqa: E402
from evdesk.core.stations import BootDecision  # noqa: E402
from evdesk.store import models as m  # noqa: E402


def _iso(dt) -> str:
    return dt.isoformat().replace("+00:00", "Z")


async def seed_site(services) -> dict:
    """Two groups, five stations in every state, a running session, log rows. Returns ids."""
    store = services.store

    def groups():
        return (m.ChargingGroup.create(name="Depot North").id, m.ChargingGroup.create(name="Visitor car park").id)

    north, visitors = await store.run(groups)
    st = services.stations
    depot1 = await st.create_station("DEPOT-AC-01", "Depot bay 1-2", north, connectors=2)
    depot2 = await st.create_station("DEPOT-AC-02", "Depot bay 3-4", north, connectors=2)
    visitor = await st.create_station("VISITOR-DC-01", "Visitor fast charger", visitors, connectors=2)
    await st.create_station("WORKSHOP-01", "Workshop wallbox", north, connectors=1)
    pending = await st.create_station("EVB-7781-X", connectors=0, registration="pending")

    status = services.status
    now = utcnow()
    for info, vendor, model, fw in (
        (depot1, "Ensto", "EVB200", "1.8.4"), (depot2, "Ensto", "EVB200", "1.8.4"),
        (visitor, "ABB", "Terra 54", "4.2.1"), (pending, "Vestel", "EVC04", "3.155.0"),
    ):
        status.connected(info)
        await st.record_boot(
            info, {"charge_point_vendor": vendor, "charge_point_model": model, "firmware_version": fw},
            BootDecision("Accepted", 300),
        )
    status.status_notification(depot1, 0, "Available")
    status.status_notification(depot1, 1, "Preparing", timestamp=_iso(now - timedelta(minutes=48)))
    status.status_notification(depot1, 1, "Charging", timestamp=_iso(now - timedelta(minutes=47)))
    status.status_notification(depot1, 2, "Available")
    status.status_notification(depot2, 1, "Faulted", "GroundFailure", "RCD tripped", vendor_error_code="E21")
    status.status_notification(depot2, 2, "Unavailable")
    status.status_notification(visitor, 1, "Available")
    status.status_notification(visitor, 2, "SuspendedEV")
    status.disconnected(visitor, "connection closed")

    started = await services.transactions.start(depot1, 1, "04A2B3C4D5", 125_000, _iso(now - timedelta(minutes=47)))
    services.transactions.meter_values(depot1, 1, started.ocpp_id, [{
        "timestamp": _iso(now),
        "sampled_value": [
            {"value": "137.42", "measurand": "Energy.Active.Import.Register", "unit": "kWh"},
            {"value": "10.8", "measurand": "Power.Active.Import", "unit": "kW"},
        ],
    }])

    log = services.commlog
    log.frame(depot1.identity, "in", '[2,"17","Heartbeat",{}]', 2, "17", "Heartbeat")
    log.frame(depot1.identity, "out", f'[3,"17",{{"currentTime":"{_iso(now)}"}}]', 3, "17", "Heartbeat")
    log.frame(depot1.identity, "in", '[2,"18","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Charging"}]', 2, "18", "StatusNotification")
    log.frame(depot1.identity, "out", '[3,"18",{}]', 3, "18", "StatusNotification")
    log.frame(depot1.identity, "out", '[2,"c-1","Reset",{"type":"Soft"}]', 2, "c-1", "Reset")
    log.frame(depot1.identity, "in", '[3,"c-1",{"status":"Accepted"}]', 3, "c-1", "Reset")

    actor = Actor("Anna Operator")
    a1 = await services.actions.begin(depot1.id, actor, "Reset", "Display frozen after power cut", {"type": "Soft"})
    await services.actions.finish(a1, "accepted", {"status": "Accepted"})
    a2 = await services.actions.begin(depot1.id, actor, "UnlockConnector", "Driver cannot unplug", {"connectorId": 2})
    await services.actions.finish(a2, "timeout", None, "No answer in 30 s")
    a3 = await services.actions.begin(depot1.id, Actor("scheduler"), "RemoteStartTransaction", "Night charging plan", {"connectorId": 1, "idTag": "FLEET-07"})
    await services.actions.finish(a3, "rejected", {"status": "Rejected"})

    await services.batch.flush()
    await status.flush()
    return {
        "groups": (north, visitors), "depot1": depot1.id, "depot2": depot2.id, "visitor": visitor.id,
        "pending": pending.id, "transaction": started.ocpp_id,
    }


def render(folder: str | Path) -> list[Path]:
    """Render the Stations page and a Station panel with data offscreen; return the PNG paths."""
    import asyncio
    import tempfile

    import qasync
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from evdesk.core.services import Services
    from evdesk.gui.main_window import MainWindow
    from evdesk.settings import SiteSettings
    from evdesk.store.database import Store

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    paths = []
    async def scenes(tmp: Path) -> None:
        # Everything inside one coroutine: Qt and asyncio run together throughout.
        store = Store.sqlite(tmp / "site.db")
        store.open()
        services = Services(store, SiteSettings(site_timezone="Europe/Helsinki"))
        await services.start(load_settings=False)
        ids = await seed_site(services)
        window = MainWindow(services, None, "ws://0.0.0.0:9000/")
        window.resize(1280, 800)
        window.show()
        await asyncio.sleep(0.6)

        def shoot(name: str, widget) -> None:
            paths.append(folder / f"{name}.png")
            widget.grab().save(str(paths[-1]))

        shoot("stations-page", window)
        window.stations_page.show_pending()
        window.stations_page.select_station(ids["pending"])
        await asyncio.sleep(0.2)
        shoot("stations-page-pending", window)
        adopt = window.stations_page.adopt_selected()
        await asyncio.sleep(0.3)
        shoot("adopt-dialog", adopt)
        adopt.close()
        window.stations_page.ui.registrationCombo.setCurrentIndex(0)
        window.open_station(ids["depot1"])
        await asyncio.sleep(0.6)
        shoot("station-panel", window)
        panel = window.current_station_panel()
        for tab in range(1, panel.ui.logTabs.count()):
            panel.ui.logTabs.setCurrentIndex(tab)
            if tab == 1:
                panel.ui.commLogTable.selectRow(0)
            await asyncio.sleep(0.3)
            shoot("station-panel-" + panel.ui.logTabs.tabText(tab).lower().replace(" ", "-"), window)
        for key, presets in (("reset", {}), ("remote_start", {"connector_id": 2}), ("get_diagnostics", {})):
            dialog = panel.open_command(key, **presets)
            await asyncio.sleep(0.2)
            shoot(f"command-{key}", dialog)
            dialog.close()
        # -- station settings dialog and site settings page
        settings_dialog = panel.open_settings()
        for _ in range(50):
            if settings_dialog.loaded:
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.2)
        shoot("station-settings", settings_dialog)
        settings_dialog.close()
        window.show_stations()
        nav = window.ui.navList
        nav.setCurrentRow(next(r for r in range(nav.count()) if nav.item(r).data(Qt.ItemDataRole.UserRole) == "settings"))
        await asyncio.sleep(0.3)
        shoot("site-settings", window)
        window.close()
        window.deleteLater()
        await asyncio.sleep(0.1)
        await services.stop()
        store.close()

    with tempfile.TemporaryDirectory() as tmp:
        loop.run_until_complete(scenes(Path(tmp)))
    loop.close()
    asyncio.set_event_loop(None)
    return paths


if __name__ == "__main__":
    for path in render(sys.argv[1] if len(sys.argv) > 1 else "screens"):
        print(path)
