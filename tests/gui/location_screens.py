"""Screenshots of issue 16's station screens: the station details dialog with its charging points
and sockets (and a refused EVSE-ID), the Locations page and editor, the Station templates page,
the Stations table with Location and System status, and a stations CSV import with refused rows.
Not collected by pytest. Run:

    QT_QPA_PLATFORM=offscreen python -m tests.gui.location_screens /work/wt/shots/locations
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

    from PySide6.QtCore import Qt

    from evdesk.core.hardware_rules import ConnectorSpec, EvseSpec
    from evdesk.core.locations import LocationInput
    from evdesk.core.permissions import SYSTEM_CONTEXT as ROOT
    from evdesk.core.permissions import OperatorContext
    from evdesk.core.services import Services
    from evdesk.gui.dialogs.station_hardware_dialog import StationHardwareDialog
    from evdesk.gui.main_window import MainWindow
    from evdesk.settings import SiteSettings
    from evdesk.store.database import Store
    from tests.gui.screens import seed_site

    folder, app, loop = offscreen_app(folder)
    paths: list[Path] = []

    def shoot(name: str, widget) -> None:
        paths.append(folder / f"{name}.png")
        widget.grab().save(str(paths[-1]))

    async def scenes(tmp: Path) -> None:
        store = Store.sqlite(tmp / "site.db")
        store.open()
        services = Services(store, SiteSettings(site_timezone="Europe/Helsinki", post_boot_quiet_seconds=0.0))
        await services.start(load_settings=False)
        ids = await seed_site(services)
        north, visitors = ids["groups"]
        loc = services.locations
        hall = await loc.create(ROOT, LocationInput("Depot North hall", "Tehtaankatu 12", "00140", "Helsinki", "FI",
                                                    60.15923, 24.94378, "Europe/Helsinki", north))
        car_park = await loc.create(ROOT, LocationInput("Visitor car park P2", "Satamakatu 4", "00160", "Helsinki",
                                                        "FI", 60.16712, 24.95641, "Europe/Helsinki"))
        await loc.create(ROOT, LocationInput("Tampere service depot", "Hatanpään valtatie 30", "33100", "Tampere",
                                             "FI", 61.48153, 23.77544, "Europe/Helsinki"))
        for station_id, location, layout, status in (
            (ids["depot1"], hall, [
                EvseSpec(1, "AC", 22_000, 3, "", "RST", "FI*EVD*E0001", (ConnectorSpec(1, "Type2"),)),
                EvseSpec(2, "AC", 7_400, 1, "L2", "", "FI*EVD*E0002", (ConnectorSpec(2, "Type2", True),))], "active"),
            (ids["depot2"], hall, None, "out_of_order"),
            (ids["visitor"], car_park, [
                EvseSpec(1, "DC", 50_000, 3, "", "STR", "FI*EVD*E0101",
                         (ConnectorSpec(1, "CCS2", True, 50_000), ConnectorSpec(3, "CHAdeMO", True, 50_000))),
                EvseSpec(2, "AC", 22_000, 3, "", "RST", "FI*EVD*E0102", (ConnectorSpec(2, "Type2"),))], "active"),
        ):
            details = await services.station_details.details(ROOT, station_id)
            await services.station_details.save(ROOT, station_id, details.version, evses=layout, location=location.id,
                                         system_status=status)
        await services.station_details.save_as_template(ROOT, ids["visitor"], "ABB Terra 54 with AC outlet")
        await services.station_details.save_as_template(ROOT, ids["depot1"], "Ensto EVB200 depot pair")
        await services.stations.create_station("DEPOT-NORTH-HALL-B-WALLBOX-0042-SPARE",
                                               "Spare wallbox at the far end of hall B", north, ctx=ROOT)
        admin = OperatorContext(None, "ada", "admin", display_name="Ada Admin")
        window = MainWindow(services, None, "ws://0.0.0.0:9000/", operator=admin)
        window.resize(1500, 820)
        window.show()
        await asyncio.sleep(0.6)
        shoot("stations-table-location-status", window)

        page = window.page("stations")
        dialog = StationHardwareDialog(services, ids["visitor"], page)
        dialog.show()
        await asyncio.sleep(0.6)
        dialog.ui.evsesTable.selectRow(0)
        dialog.show_sockets(0)
        await asyncio.sleep(0.2)
        shoot("station-details-evses-connectors", dialog)
        model = dialog.evses
        model.setData(model.index(1, model.column_of("emi3_id")), "FI-EVD-102", Qt.ItemDataRole.EditRole)
        dialog.save()
        await asyncio.sleep(0.6)
        shoot("station-details-refused-evse-id", dialog)
        dialog.ui.evsesTable.selectRow(0)
        dialog.show_sockets(0)
        for _ in range(3):
            dialog.ui.addConnectorButton.click()
        await asyncio.sleep(0.2)
        shoot("station-details-fifth-socket-refused", dialog)
        dialog.close()

        window.show_page("locations")
        await asyncio.sleep(0.6)
        shoot("locations-page", window)
        lp = window.page("locations")
        lp.select_id(hall.id)
        editor = lp.edit_selected()
        await asyncio.sleep(0.3)
        editor.ui.latitudeEdit.setText("")
        editor.save()
        await asyncio.sleep(0.4)
        shoot("location-editor-error", editor)
        editor.close()

        window.show_page("station_templates")
        await asyncio.sleep(0.6)
        shoot("station-templates-page", window)
        tp = window.page("station_templates")
        make = tp.create_station()
        await asyncio.sleep(0.4)
        shoot("create-station-from-template", make)
        make.close()

        window.show_page("stations")
        csv = tmp / "new-stations.csv"
        csv.write_text("identity,name,group,location,template,connectors,socket_type,max_power_kw,system_status\n"
                       "DEPOT-AC-11,Depot bay 11,Depot North,Depot North hall,,2,Type 2,22,\n"
                       "DEPOT-AC-12,Depot bay 12,Depot North,Depot North hall,Ensto EVB200 depot pair,,,,\n"
                       "DEPOT AC 13,Depot bay 13,Depot North,,,1,Type 2,,\n"
                       "VISITOR-DC-02,Visitor fast 2,Visitor car park,Moon base,,,,,\n"
                       "DEPOT-AC-14,Depot bay 14,Depot North,,,1,Type 9,,\n"
                       "DEPOT-AC-15,Depot bay 15,Depot North,,,1,,,sleeping\n"
                       "DEPOT-AC-01,Duplicate,Depot North,,,,,,\n", encoding="utf-8")
        importer = window.page("stations").import_file(str(csv))
        for _ in range(100):
            if importer.finished_import:
                break
            await asyncio.sleep(0.05)
        importer.resize(760, 420)
        await asyncio.sleep(0.3)
        shoot("stations-csv-import-result", importer)
        importer.close()
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
    for path in render(sys.argv[1] if len(sys.argv) > 1 else "/tmp/evdesk-location-screens"):
        print(path)
