"""Screenshots of issue 17's Circuits page under load: the supply tree, the live current per
phase against the limit, each session's allowed and drawn current (one waiting for room, one
station that ignores its limit). Not collected by pytest. Run:

    QT_QPA_PLATFORM=offscreen python -m tests.gui.circuit_screens /work/wt/shots/loadmgmt
"""

from __future__ import annotations

from tests.gui.shot_app import offscreen_app

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


async def load_site(services, planner=None):
    """A grid connection (250 A) feeding a depot hall (63 A, min 6 A) with 10 stations charging and
    a visitor circuit; returns (hall, planner, plan) after one allocation with measured currents."""
    from uuid import uuid4

    from evdesk.core.hardware_rules import ConnectorSpec, EvseSpec
    from evdesk.core.load.circuit_rules import CircuitInput
    from evdesk.core.load.controller import LoadPlanner
    from evdesk.core.permissions import SYSTEM_CONTEXT as ROOT

    c = services.circuits
    grid = await c.create(ROOT, CircuitInput("Grid connection", 250, reserved_a=40))
    hall = await c.create(ROOT, CircuitInput("Depot hall", 50, min_current_a=6, parent_id=grid.id))
    await c.create(ROOT, CircuitInput("Visitor car park", 32, parent_id=grid.id))
    planner = planner or LoadPlanner()
    rotations = ["RST", "STR", "TRS", "RST", "STR", "TRS", "RTS", "SRT", "TSR", "RST", "STR"]
    for i, rotation in enumerate(rotations):
        info = await services.stations.create_station(f"DEPOT-{i + 1:02}", f"Depot bay {i + 1}", connectors=1,
                                                      ctx=ROOT)
        details = await services.station_details.details(ROOT, info.id)
        await services.station_details.save(ROOT, info.id, details.version, evses=[
            EvseSpec(1, "AC", 22_000, 3, "", rotation, "", (ConnectorSpec(1, "Type2"),))])
        await c.put_station(ROOT, hall.id, info.id, 32 if i % 3 else 16, priority=1 if i == 0 else 0)
        planner.started(info.id, 1, uuid4(), 100 + i, at=float(i))
    site = await c.site()
    plan = planner.plan(site, 12 * 60)
    for i, (key, s) in enumerate(sorted(planner.sessions.items(), key=lambda kv: kv[1].arrived)):
        allowed = plan.allocation.limits[f"{key[0]}:{key[1]}"]
        drawn = 0.0 if allowed == 0 else (allowed + 4.2 if i == 4 else allowed * (0.55 if i == 2 else 0.97))
        planner.accepted(key[0], 1, allowed)
        planner.measured(key[0], 1, drawn, phases_seen=1 if i in (1, 5, 7) else 3)
        if i == 4:  # this station ignores its limit: a second reading over it flags it
            planner.measured(key[0], 1, drawn)
    plan = planner.plan(site, 12 * 60)
    return hall, planner, plan


def render(folder: str | Path) -> list[Path]:
    import asyncio
    import tempfile


    from evdesk.core import events as ev
    from evdesk.core.clock import utcnow
    from evdesk.core.load.controller import snapshot
    from evdesk.core.permissions import OperatorContext
    from evdesk.core.services import Services
    from evdesk.gui.main_window import MainWindow
    from evdesk.settings import SiteSettings
    from evdesk.store.database import Store

    folder, app, loop = offscreen_app(folder)
    paths: list[Path] = []

    async def scenes(tmp: Path) -> None:
        store = Store.sqlite(tmp / "site.db")
        store.open()
        services = Services(store, SiteSettings(site_timezone="Europe/Helsinki", post_boot_quiet_seconds=0.0))
        await services.start(load_settings=False)
        hall, planner, plan = await load_site(services)
        from evdesk.core.permissions import SYSTEM_CONTEXT as ROOT
        await services.circuits.add_schedule(ROOT, hall.id, "22:00", "06:00", 45)  # night tariff
        await services.circuits.add_schedule(ROOT, hall.id, "07:00", "18:00", 40)  # the building's load by day
        await services.stations.create_station("SPARE-01", "Workshop charger", connectors=1, ctx=ROOT)
        admin = OperatorContext(None, "ada", "admin", display_name="Ada Admin")
        window = MainWindow(services, None, "ws://0.0.0.0:9000/", operator=admin)
        window.resize(1500, 1000)
        window.show()
        window.show_page("circuits")
        await asyncio.sleep(0.8)
        page = window.page("circuits")
        for i in range(page.ui.circuitTree.topLevelItemCount()):
            top = page.ui.circuitTree.topLevelItem(i)
            for j in range(top.childCount()):
                if top.child(j).text(0) == "Depot hall":
                    page.ui.circuitTree.setCurrentItem(top.child(j))
        services.bus.publish(ev.LoadAllocated(snapshot(planner, plan), utcnow()))
        await asyncio.sleep(0.5)
        paths.append(folder / "circuits-page-under-load.png")
        window.grab().save(str(paths[-1]))
        page.ui.maxEdit.setText("7000")
        page.save()
        await asyncio.sleep(0.5)
        paths.append(folder / "circuit-editor-refused.png")
        window.grab().save(str(paths[-1]))
        await services.stop()
        store.close()

    with tempfile.TemporaryDirectory() as tmp:
        loop.run_until_complete(scenes(Path(tmp)))
    return paths


if __name__ == "__main__":
    for path in render(sys.argv[1] if len(sys.argv) > 1 else "/tmp/evdesk-screens"):
        print(path)
