"""Screenshots of issue 16's station screens with a live charger: the configuration editor (read-only
keys greyed, outcomes per key, compared with another station), the compatibility profile of a quirky
charger, the charging-profile editor with its chart, and Get composite schedule's chart.

Not collected by pytest (no `test_` prefix). Run:

    QT_QPA_PLATFORM=offscreen python -m tests.gui.config_editor_screens /work/wt/shots/config-editor
"""

from __future__ import annotations

from tests.gui.shot_app import offscreen_app

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def render(folder: str | Path) -> list[Path]:
    import asyncio
    import tempfile


    from evdesk.core.permissions import ADMIN, SYSTEM_CONTEXT, OperatorContext
    from evdesk.core.services import Services
    from evdesk.csms.server import CentralSystem
    from evdesk.gui.main_window import MainWindow
    from evdesk.settings import SiteSettings
    from evdesk.simulator import SimulatedStation
    from evdesk.store.database import Store

    folder, app, loop = offscreen_app(folder)
    paths: list[Path] = []
    admin = OperatorContext(None, "anna", ADMIN, display_name="Anna Operator")

    async def until(predicate, timeout=15.0):
        for _ in range(int(timeout / 0.05)):
            if predicate():
                return
            await asyncio.sleep(0.05)
        raise RuntimeError("screen did not get ready")

    async def scenes(tmp: Path) -> None:
        store = Store.sqlite(tmp / "site.db")
        store.open()
        services = Services(store, SiteSettings(site_timezone="Europe/Helsinki", post_boot_quiet_seconds=0.0))
        await services.start(load_settings=False)
        central = CentralSystem(services, port=0)
        await central.start()
        depot = await services.groups.add(SYSTEM_CONTEXT, "Depot North")
        await services.stations.create_station("DEPOT-AC-01", "Depot bay 1-2", connectors=2, group_id=depot.id,
                                               ctx=SYSTEM_CONTEXT)
        await services.stations.create_station("DEPOT-AC-02", "Depot bay 3-4", connectors=2, group_id=depot.id,
                                               ctx=SYSTEM_CONTEXT)
        from evdesk.store import models as m

        await services.store.run(lambda: m.Token.create(uid="04A2B3C4D5", uid_key="04A2B3C4D5"))
        one = SimulatedStation("DEPOT-AC-01", central.url, connectors=2, vendor="Ensto", model="EVB200",
                               subprotocol=None, local_time_offset=2, meter_unit="kWh?", id_tag_suffix="_EVB2",
                               config={"CELLID": "0", "DLMPHASELIMIT": "16", "WELDCHECK_2": "0",
                                       "STOPTRANSACTIONMODEUNPLUG": "0"})
        two = SimulatedStation("DEPOT-AC-02", central.url, connectors=2, vendor="Ensto", model="EVB200",
                               config={"ConnectionTimeOut": "90", "DLMPHASELIMIT": "20", "CELLID": "0"})
        for station in (one, two):
            await station.start()
            await station.wait_accepted(15)
        first = services.stations.get("DEPOT-AC-01")
        second = services.stations.get("DEPOT-AC-02")
        await until(lambda: (services.compat.profiles.get(first.id) or {}).get("probed_at") is not None)
        await central.commands.get_configuration(second.id, ctx=admin, reason="baseline")
        await one.plug_in(2)
        await one.present_token(2, "04A2B3C4D5")
        await until(lambda: services.transactions.active_on(first.id, 2) is not None)
        await central.commands.trigger_message(first.id, "MeterValues", 2, ctx=admin, reason="probe")
        await until(lambda: services.compat.switches(first.id).unitless_energy_kwh)

        def shoot(name: str, widget) -> None:
            paths.append(folder / f"{name}.png")
            widget.grab().save(str(paths[-1]))

        window = MainWindow(services, central, central.address, operator=admin)
        window.resize(1280, 860)
        window.show()
        panel = window.open_station(first.id)
        panel.ui.logTabs.setCurrentIndex(4)  # Configuration
        await until(lambda: panel.config.read_once)
        await asyncio.sleep(0.3)
        shoot("config-editor-before-refresh", window)

        refresh = panel.refresh_configuration()
        refresh.ui.reasonEdit.setPlainText("before changing the heartbeat")
        refresh.send()
        await until(lambda: not refresh.busy)
        refresh.close()
        await until(lambda: panel.config.row_of("NumberOfConnectors") >= 0 and panel.config_editor.refreshed)
        model = panel.config
        one.config.remove("StopTransactionOnInvalidId")  # new firmware dropped it since the refresh: NotSupported
        for key, value in (("HeartbeatInterval", "120"), ("WebSocketPingInterval", "30"),
                           ("MeterValuesSampledData", "Energy.Active.Import.Register,Temperature"),
                           ("StopTransactionOnInvalidId", "false")):
            model.edit(key, value)
        model.edit("LocalAuthListEnabled", "maybe")
        editor = panel.config_editor
        editor.reason_edit.setText("slower heartbeat; temperature sampling")
        editor.apply()
        await until(lambda: not editor.busy)
        await asyncio.sleep(0.8)
        model.edit("ConnectionTimeOut", "45")
        window.resize(1280, 1040)
        table = panel.ui.configTable
        target = panel.config_filter.mapFromSource(model.index(model.row_of("MeterValueSampleInterval"), 0))
        table.scrollTo(target, table.ScrollHint.PositionAtCenter)
        await asyncio.sleep(0.3)
        shoot("config-editor-outcomes", window)
        editor.compare_with(second.id)
        await until(lambda: model.other is not None)
        editor.only_differences.setChecked(True)
        await asyncio.sleep(0.3)
        shoot("config-editor-compare", window)
        editor.only_differences.setChecked(False)
        editor.compare_with(None)

        panel.ui.logTabs.setCurrentIndex(panel.compat_tab_index)
        await until(lambda: panel.compat_tab.view is not None)
        await asyncio.sleep(0.3)
        shoot("compatibility-profile", window)

        dialog = panel.open_command("set_charging_profile", connector_id=1)
        dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData("Recurring"))
        dialog.ui.stackSpin.setValue(2)
        dialog.ui.durationSpin.setValue(8 * 60)
        periods = dialog.periods
        for minutes, limit, phases in (("120", "16", ""), ("300", "10", "1")):
            row = periods.add_period()
            periods.setData(periods.index(row, 0), minutes)
            periods.setData(periods.index(row, 1), limit)
            periods.setData(periods.index(row, 2), phases)
        periods.setData(periods.index(0, 1), "32")
        dialog.ui.reasonEdit.setPlainText("night schedule for the depot")
        dialog.resize(1100, 760)
        await asyncio.sleep(0.3)
        shoot("charging-profile-editor", dialog)
        periods.setData(periods.index(2, 1), "lots")
        dialog.ui.stackSpin.setValue(12)
        await asyncio.sleep(0.2)
        shoot("charging-profile-editor-problems", dialog)
        periods.setData(periods.index(2, 1), "10")
        dialog.ui.stackSpin.setValue(2)
        dialog.send()
        await until(lambda: not dialog.busy)
        dialog.close()

        composite = panel.open_command("get_composite_schedule", connector_id=1, unit="A", duration=8 * 3600)
        composite.ui.reasonEdit.setPlainText("check the night schedule")
        composite.send()
        await until(lambda: not composite.busy)
        await asyncio.sleep(0.3)
        shoot("composite-schedule", composite)
        composite.close()

        window.close()
        for station in (one, two):
            await station.stop()
        await central.stop()
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
