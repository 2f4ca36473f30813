"""Screenshots of the Scheduled tasks page, its editor and a run's event feed, with the manual's
example tasks and a real run over simulated stations (one of them offline). Not collected by
pytest. Run:

    QT_QPA_PLATFORM=offscreen python -m tests.gui.scheduled_screens /tmp/evdesk-scheduled-screens
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
    from datetime import date


    from evdesk.core.permissions import SYSTEM_CONTEXT as ROOT
    from evdesk.core.scheduling.book import TaskInput
    from evdesk.core.scheduling.runner import TaskScheduler
    from evdesk.core.services import Services
    from evdesk.csms.server import CentralSystem
    from evdesk.gui.main_window import MainWindow
    from evdesk.settings import SiteSettings
    from evdesk.simulator import ScaledClock, SimulatedStation
    from evdesk.store.database import Store
    from tests.gui.screens import seed_site

    folder, app, loop = offscreen_app(folder)
    paths: list[Path] = []

    async def scenes(tmp: Path) -> None:
        store = Store.sqlite(tmp / "site.db")
        store.open()
        services = Services(store, SiteSettings(site_timezone="Europe/Helsinki", post_boot_quiet_seconds=0.0))
        await services.start(load_settings=False)
        ids = await seed_site(services)
        north, visitors = ids["groups"]
        central = CentralSystem(services, "127.0.0.1", 0)
        await central.start()
        sims = []
        for identity in ("DEPOT-AC-01", "DEPOT-AC-02"):
            sim = SimulatedStation(identity, central.url, connectors=2, clock=ScaledClock(20.0))
            await sim.start()
            await sim.wait_accepted(10)
            sims.append(sim)
        for _ in range(100):
            if all(central.commands.is_connected(services.stations.get(i).id) for i in ("DEPOT-AC-01", "DEPOT-AC-02")):
                break
            await asyncio.sleep(0.05)
        fans = await services.people.groups.create(ROOT, "Club fans")
        book = services.scheduled_tasks
        zone = "Europe/Helsinki"
        depot1 = str(ids["depot1"])
        examples = [
            TaskInput("Club fans allowed to charge at nights", "user_group_active", {"user_group_ids": [str(fans.id)]},
                      {"active": True}, "daily", "22:00", zone, active=True),
            TaskInput("Limit charging current at daytime", "station_current", {"station_ids": [depot1]},
                      {"amps": 6}, "daily", "01:00", zone, active=True),
            TaskInput("Club fans NOT allowed to charge at daytime", "user_group_active",
                      {"user_group_ids": [str(fans.id)]}, {"active": False}, "daily", "06:00", zone, active=True),
            TaskInput("Full charging current at nights", "station_current", {"station_ids": [depot1]},
                      {"amps": 32}, "daily", "06:00", zone, active=True),
            TaskInput("Set Depot North max current to 16A", "group_current", {"group_ids": [str(north)]},
                      {"amps": 16, "limit_key": "MaxCurrent"}, "weekly", "07:30", zone, weekdays=[0, 1, 2, 3, 4],
                      active=True, wait_offline_minutes=0),
            TaskInput("Month-end firmware update", "firmware", {"group_ids": [str(visitors)]},
                      {"location": "https://firmware.example/abb/terra54-4.2.2.bin"}, "monthly", "03:30", zone,
                      day_of_month=0, end_date=date(2027, 6, 30)),
            TaskInput("Soft reset of the visitor charger", "reset", {"station_ids": [str(ids["visitor"])]},
                      {"kind": "Soft"}, "once", "04:00", zone, start_date=date(2026, 12, 24)),
        ]
        made = {}
        for data in examples:
            made[data.name] = await book.create(ROOT, data)
        scheduler = TaskScheduler(services, central.commands, seat="screens", tick_seconds=0.2)
        await scheduler.start()
        for name in ("Set Depot North max current to 16A", "Full charging current at nights"):
            await book.run_now(ROOT, made[name].id)
        for _ in range(200):
            runs = await book.runs(ROOT)
            if len(runs) == 2 and all(r["finished_at"] for r in runs):
                break
            await asyncio.sleep(0.05)
        await services.operators.create_first_admin("anna", "anna-password-1", "anna@depot.example", "Anna",
                                                    "Operator")
        session = await services.login.login("anna", "anna-password-1")

        def shoot(name: str, widget) -> None:
            paths.append(folder / f"{name}.png")
            widget.grab().save(str(paths[-1]))

        window = MainWindow(services, None, "ws://0.0.0.0:9000/", session=session)
        window.resize(1360, 820)
        window.show()
        await asyncio.sleep(0.5)
        window.show_page("scheduled_tasks")
        page = window.page("scheduled_tasks")
        await asyncio.sleep(0.6)
        shoot("scheduled-tasks-page", window)
        page.select_id(made["Set Depot North max current to 16A"].id)
        dialog = page.edit_selected()
        await asyncio.sleep(0.5)
        dialog.ui.targetTree.expandAll()
        await asyncio.sleep(0.2)
        shoot("scheduled-task-editor", dialog)
        dialog.close()
        page.ui.tabs.setCurrentIndex(1)
        await asyncio.sleep(0.4)
        failed_row = next(i for i, r in enumerate(page.runs.rows()) if r.state != "ok")
        page.select_run(failed_row)
        await asyncio.sleep(0.6)
        shoot("scheduled-tasks-event-feed", window)
        await scheduler.stop()
        window.close()
        window.deleteLater()
        await asyncio.sleep(0.1)
        for sim in sims:
            await sim.stop()
        await central.stop()
        await services.stop()
        store.close()

    with tempfile.TemporaryDirectory() as tmp:
        loop.run_until_complete(scenes(Path(tmp)))
    loop.close()
    asyncio.set_event_loop(None)
    return paths


if __name__ == "__main__":
    for path in render(sys.argv[1] if len(sys.argv) > 1 else "/tmp/evdesk-scheduled-screens"):
        print(path)
