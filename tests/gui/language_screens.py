"""Screenshots of the window in Finnish and German: log-in, the Stations page, a station panel,
My account and the station settings dialog, and the pages the merge brought (the search popup,
circuits, shared database, certificates), to look for cut-off labels in the longer words.

Not collected by pytest. Run:

    QT_QPA_PLATFORM=offscreen python -m tests.gui.language_screens /work/wt/shots/languages
"""

from __future__ import annotations

from tests.gui.shot_app import offscreen_app

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


async def shoot_merged_pages(services, window, shoot) -> None:
    """The search popup with hits, the circuits page with a small supply tree, the shared
    database and certificates pages."""
    import asyncio

    from evdesk.core.load.circuit_rules import CircuitInput
    from evdesk.core.permissions import SYSTEM_CONTEXT as ROOT

    popup = window.show_search()
    popup.edit.setText("depot")
    await asyncio.sleep(0.8)
    shoot("search-popup", popup)
    popup.edit.setText("x")
    await asyncio.sleep(0.8)
    shoot("search-popup-short", popup)
    popup.close()
    grid = await services.circuits.create(ROOT, CircuitInput("Grid connection", 250, reserved_a=40))
    await services.circuits.create(ROOT, CircuitInput("Depot hall", 50, min_current_a=6, parent_id=grid.id))
    window.show_page("circuits")
    await asyncio.sleep(0.8)
    page = window.page("circuits")
    page.ui.circuitTree.setCurrentItem(page.ui.circuitTree.topLevelItem(0))
    await asyncio.sleep(0.4)
    shoot("circuits-page", window)
    page.new_circuit()
    await asyncio.sleep(0.3)
    shoot("circuits-page-new", window)
    window.show_page("shared_db")
    await asyncio.sleep(0.6)
    shoot("shared-database", window)
    window.show_page("certificates")
    await asyncio.sleep(0.6)
    shoot("certificates", window)


def render(folder: str | Path, codes=("fi", "de")) -> list[Path]:
    import asyncio
    import tempfile


    from evdesk.core.services import Services
    from evdesk.gui.translations import apply_language
    from evdesk.settings import SiteSettings
    from evdesk.store.database import Store
    from tests.gui.screens import seed_configuration, seed_site

    folder, app, loop = offscreen_app(folder)
    paths: list[Path] = []

    async def scenes(tmp: Path, code: str) -> None:
        from evdesk.gui.dialogs.login_dialog import LoginDialog
        from evdesk.gui.main_window import MainWindow

        apply_language(app, code)  # before any window, as the launcher does
        store = Store.sqlite(tmp / "site.db")
        store.open()
        services = Services(store, SiteSettings(site_timezone="Europe/Helsinki"))
        await services.start(load_settings=False)
        ids = await seed_site(services)
        await seed_configuration(services, ids["depot1"])

        def shoot(name: str, widget) -> None:
            paths.append(folder / f"{code}-{name}.png")
            widget.grab().save(str(paths[-1]))

        login = LoginDialog(services)
        login.start()
        login.show()
        await asyncio.sleep(0.3)
        shoot("first-administrator", login)
        await services.operators.create_first_admin("anna", "anna-password-1", "anna@depot.example", "Anna", "Operator")
        login.show_page(0)
        login.ui.usernameEdit.setText("anna")
        login.ui.passwordEdit.setText("wrong password")
        login.log_in()
        await asyncio.sleep(0.4)
        shoot("login", login)
        login.close()
        session = await services.login.login("anna", "anna-password-1")
        window = MainWindow(services, None, "ws://0.0.0.0:9000/", session=session)
        window.resize(1280, 800)
        window.show()
        window.show_page("stations")
        await asyncio.sleep(0.6)
        shoot("stations-page", window)
        window.show_page("sessions")
        await asyncio.sleep(0.6)
        shoot("sessions-page", window)
        window.show_page("dashboard")
        await asyncio.sleep(0.6)
        shoot("dashboard", window)
        await shoot_merged_pages(services, window, shoot)
        window.show_page("account")
        await asyncio.sleep(0.4)
        shoot("my-account", window)
        window.open_station(ids["depot1"])
        await asyncio.sleep(0.6)
        shoot("station-panel", window)
        panel = window.current_station_panel()
        panel.ui.logTabs.setCurrentIndex(1)
        await asyncio.sleep(0.3)
        shoot("station-panel-log", window)
        settings_dialog = panel.open_settings()
        for _ in range(50):
            if settings_dialog.loaded:
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.2)
        shoot("station-settings", settings_dialog)
        settings_dialog.close()
        window.close()
        await services.stop()
        store.close()

    try:
        for code in codes:
            with tempfile.TemporaryDirectory() as tmp:
                loop.run_until_complete(scenes(Path(tmp), code))
    finally:
        apply_language(app, "en")
    return paths


if __name__ == "__main__":
    for path in render(sys.argv[1] if len(sys.argv) > 1 else "screens"):
        print(path)
