"""Screenshots of the desk itself (issue 16): the search popup, Start charging's token picker, the
station header, the login dialog, and the window in the dark palette.

    QT_QPA_PLATFORM=offscreen python3 -m tests.gui.desk_screens /work/wt/shots/desk
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
    from evdesk.core.permissions import SYSTEM_CONTEXT
    from evdesk.core.services import Services
    from evdesk.gui.dialogs.login_dialog import LoginDialog
    from evdesk.gui.main_window import MainWindow
    from evdesk.gui.theme import apply_theme
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
        services = Services(store, SiteSettings(site_timezone="Europe/Helsinki"))
        await services.start(load_settings=False)
        ids = await seed_site(services)
        for first, last, tag in (("Dana", "Depot", "04DA7A01"), ("Daniel", "Dahl", "04DA7A02"),
                                 ("Maija", "Mäkelä", "04AA11BB")):
            await services.people.users.create(SYSTEM_CONTEXT, UserInput(first, last, f"{first.lower()}@depot.example"),
                                               [TokenInput(tag, f"{first}'s card")])
        # the login dialog (after the first administrator)
        await services.operators.create_first_admin("anna", "anna-password-1", "anna@depot.example", "Anna", "Operator")
        login = LoginDialog(services)
        login.start()
        login.show()
        await asyncio.sleep(0.4)
        shoot("login", login)
        login.close()
        session = await services.login.login("anna", "anna-password-1")
        window = MainWindow(services, None, "ws://0.0.0.0:9000/", session=session)
        window.resize(1366, 800)
        window.show()
        await asyncio.sleep(0.6)
        # the search
        popup = window.show_search()
        popup.edit.setText("da")
        await asyncio.sleep(0.8)
        shoot("search-popup", popup)
        popup.edit.setText("depot")
        await asyncio.sleep(0.8)
        shoot("search-popup-depot", popup)
        popup.close()
        # the station header and Start charging's picker
        panel = window.open_station(ids["depot1"])
        await asyncio.sleep(0.6)
        shoot("station-panel", window)
        shoot("station-header", panel.ui.connectorsArea)
        dialog = panel.open_command("remote_start", connector_id=2)
        await asyncio.sleep(0.5)
        dialog.editors["id_tag"].widget.showPopup()
        await asyncio.sleep(0.3)
        shoot("start-charging-picker", dialog)
        shoot("start-charging-picker-list", dialog.editors["id_tag"].widget.view().window())
        dialog.editors["id_tag"].widget.hidePopup()
        dialog.close()
        stop = panel.open_command("remote_stop")
        await asyncio.sleep(0.3)
        shoot("stop-charging", stop)
        stop.close()
        window.close()
        # dark: as at a start on an OS in dark mode (the palette before the window is built)
        apply_theme(app, dark=True)
        window = MainWindow(services, None, "ws://0.0.0.0:9000/", session=session)
        window.resize(1366, 800)
        window.show()
        await asyncio.sleep(1.0)
        shoot("dark-dashboard", window)
        window.open_station(ids["depot1"])
        await asyncio.sleep(0.6)
        shoot("dark-station-panel", window)
        window.show_stations()
        await asyncio.sleep(0.5)
        shoot("dark-stations", window)
        window.show_page("authorizations")
        await asyncio.sleep(0.5)
        shoot("dark-authorizations", window)
        popup = window.show_search()
        popup.edit.setText("depot")
        await asyncio.sleep(0.8)
        shoot("dark-search", popup)
        popup.close()
        apply_theme(app, dark=False)
        window.close()
        await services.stop()
        store.close()

    with tempfile.TemporaryDirectory() as tmp:
        loop.run_until_complete(scenes(Path(tmp)))
    return paths


if __name__ == "__main__":
    for path in render(sys.argv[1] if len(sys.argv) > 1 else "/work/wt/shots/desk"):
        print(path)
