"""Screenshots of the Access profiles page, its editor and the remote start dialog (tariff
choice and stop limits), with realistic data. Not collected by pytest. Run:

    QT_QPA_PLATFORM=offscreen python -m tests.gui.access_screens /tmp/evdesk-access-screens
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


    from evdesk.core.people_types import TokenInput, UserInput
    from evdesk.core.permissions import SYSTEM_CONTEXT as ROOT
    from evdesk.core.services import Services
    from evdesk.gui.main_window import MainWindow
    from evdesk.settings import SiteSettings
    from evdesk.store.database import Store
    from tests.gui.screens import seed_site

    folder, app, loop = offscreen_app(folder)
    paths: list[Path] = []

    async def scenes(tmp: Path) -> None:
        store = Store.sqlite(tmp / "site.db")
        store.open()
        services = Services(store, SiteSettings(site_timezone="Europe/Helsinki"))
        await services.start(load_settings=False)
        ids = await seed_site(services)
        north, visitors = ids["groups"]
        people = services.people
        crew = await people.groups.create(ROOT, "Night crew", max_concurrent=1, limit_minutes=480, limit_kwh="40")
        staff = await people.groups.create(ROOT, "Office staff")
        for first, last, group, tag in (("Nina", "Nightingale", crew.id, "04A1B2C3"),
                                        ("Olli", "Owl", crew.id, "04A1B2C4"), ("Sara", "Staff", staff.id, "04B7E912"),
                                        ("Vera", "Visitor", None, "04C0FFEE")):
            await people.users.create(ROOT, UserInput(first, last, f"{first.lower()}@depot.example",
                                                      user_group_id=group), [TokenInput(tag)])
        tariffs = services.tariffs
        standard = await tariffs.create_tariff(ROOT, "Depot standard", {
            "kind": "energy_time", "energy_price": "0.32", "time_price": "1", "time_unit": "hour"})
        night = await tariffs.create_tariff(ROOT, "Night shift rate", {"kind": "flat", "session_price": "2.50"})
        await tariffs.create_tariff(ROOT, "Visitors", {"kind": "energy_time", "energy_price": "0.49"})
        group = await tariffs.create_group(ROOT, "Depot prices", [{"tariff_id": str(standard.id)}])
        await tariffs.assign(ROOT, group.id, group_id=north)
        token = services.auth.index.tokens_by_key["04C0FFEE"].id
        profiles = services.access_profiles
        await profiles.create(ROOT, "Night shift", [
            {"days": [0, 1, 2, 3, 4], "start": "22:00", "end": "06:00"},
            {"days": [5], "start": "20:00", "end": "23:59"}], user_group_ids=[crew.id], group_ids=[north],
            tariff_id=night.id)
        await profiles.create(ROOT, "Office hours", [{"days": [0, 1, 2, 3, 4], "start": "07:00", "end": "18:00"}],
                              user_group_ids=[staff.id], group_ids=[north, visitors])
        await profiles.create(ROOT, "Visitor weekend", [{"days": [5, 6], "start": "09:00", "end": "17:00"}],
                              token_ids=[token], station_ids=[ids["visitor"]])
        await services.operators.create_first_admin("anna", "anna-password-1", "anna@depot.example", "Anna",
                                                    "Operator")
        session = await services.login.login("anna", "anna-password-1")

        def shoot(name: str, widget) -> None:
            paths.append(folder / f"{name}.png")
            widget.grab().save(str(paths[-1]))

        window = MainWindow(services, None, "ws://0.0.0.0:9000/", session=session)
        window.resize(1280, 800)
        window.show()
        await asyncio.sleep(0.5)
        window.show_page("access_profiles")
        page = window.page("access_profiles")
        await asyncio.sleep(0.4)
        shoot("access-profiles-page", window)
        page.select_profile(next(p.id for p in profiles.list() if p.name == "Night shift"))
        dialog = page.edit_selected()
        for _ in range(60):
            if dialog.loaded:
                break
            await asyncio.sleep(0.05)
        dialog.ui.coverTree.expandAll()
        await asyncio.sleep(0.3)
        shoot("access-profile-editor", dialog)
        dialog.ui.membersTabs.setCurrentIndex(1)
        await asyncio.sleep(0.2)
        shoot("access-profile-editor-groups", dialog)
        dialog.close()
        from evdesk.gui.pages.user_groups_page import UserGroupDialog

        crew_row = next(g for g in await people.groups.list() if g.name == "Night crew")
        group_dialog = UserGroupDialog(services, lambda: session.ctx, crew_row, window)
        group_dialog.show()
        await asyncio.sleep(0.3)
        shoot("user-group-stop-limits", group_dialog)
        group_dialog.close()
        window.open_station(ids["depot1"])
        await asyncio.sleep(0.5)
        panel = window.current_station_panel()
        start = panel.open_command("remote_start", connector_id=2)
        start.editors["id_tag"].set_value("04A1B2C3")
        await asyncio.sleep(0.3)
        shoot("command-remote-start-tariff", start)
        start.editors["tariff_id"].widget.showPopup()
        await asyncio.sleep(0.3)
        shoot("command-remote-start-tariff-choices", start.editors["tariff_id"].widget.view().window())
        start.editors["tariff_id"].widget.hidePopup()
        start.close()
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
    for path in render(sys.argv[1] if len(sys.argv) > 1 else "/tmp/evdesk-access-screens"):
        print(path)
