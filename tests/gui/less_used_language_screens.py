"""Screenshots of the less-used pages and their editors in Finnish and German (users, tokens, tariffs,
access profiles, reports, invoices, scheduled tasks, notifications, firmware, locations; the user, task,
tariff, tariff-group and access-profile editors and the Start charging dialog), to look for cut-off labels
in the longer words and English left behind. Each language gets a fresh seat (remembered column widths
of one run would otherwise carry into the next).

Not collected by pytest. Run:

    QT_QPA_PLATFORM=offscreen python -m tests.gui.less_used_language_screens /work/wt/shots/i18n2
"""

from __future__ import annotations

from tests.gui.shot_app import offscreen_app

import asyncio
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PAGES = ("users", "tokens", "tariffs", "access_profiles", "reports", "invoices", "scheduled_tasks", "notifications",
         "firmware", "locations")
EDITORS = (("users", "add_user", "user-dialog"), ("scheduled_tasks", "add_task", "task-dialog"),
           ("tariffs", "add_tariff", "tariff-dialog"), ("tariffs", "add_group", "tariff-group-dialog"),
           ("access_profiles", "add_profile", "access-profile-dialog"))


async def scenes(app, tmp: Path, code: str, folder: Path) -> list[Path]:
    from PySide6.QtCore import QSettings

    from evdesk.core.permissions import SYSTEM_CONTEXT
    from evdesk.core.services import Services
    from evdesk.gui.commands import COMMANDS
    from evdesk.gui.dialogs.command_dialog import CommandDialog
    from evdesk.gui.main_window import MainWindow
    from evdesk.gui.translations import apply_language
    from evdesk.settings import SiteSettings
    from evdesk.store.database import Store
    from tests.gui.screens import seed_site, seed_tariffs

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "seat"))
    apply_language(app, code)  # before any window, as the launcher does
    store = Store.sqlite(tmp / "site.db")
    store.open()
    services = Services(store, SiteSettings(site_timezone="Europe/Helsinki"))
    await services.start(load_settings=False)
    ids = await seed_site(services)
    await services.people.groups.create(SYSTEM_CONTEXT, "Depot staff", max_concurrent=2)
    await seed_tariffs(services, ids)
    await services.operators.create_first_admin("anna", "anna-password-1", "anna@depot.example", "Anna", "Operator")
    window = MainWindow(services, None, "ws://0.0.0.0:9000/", session=await services.login.login("anna", "anna-password-1"))
    window.resize(1280, 800)
    window.show()
    paths = []

    def shoot(name: str, widget) -> None:
        paths.append(folder / f"{code}-{name}.png")
        widget.grab().save(str(paths[-1]))

    for key in PAGES:
        window.show_page(key)
        await asyncio.sleep(0.8)
        if key == "reports":
            window.page(key).run_report()
            await asyncio.sleep(1.5)
        shoot(key.replace("_", "-"), window)
    for page_key, method, name in EDITORS:
        window.show_page(page_key)
        dialog = getattr(window.page(page_key), method)()
        await asyncio.sleep(0.8)
        shoot(name, dialog)
        dialog.close()
    start = next(c for c in COMMANDS if c.key == "remote_start")
    dialog = CommandDialog(services, None, ids["depot1"], start, parent=window)
    dialog.show()
    await asyncio.sleep(0.6)
    shoot("command-start-charging", dialog)
    dialog.close()
    window.close()
    await services.stop()
    store.close()
    return paths


def render(folder: str | Path, codes=("fi", "de")) -> list[Path]:

    from evdesk.gui.translations import apply_language

    folder, app, loop = offscreen_app(folder)
    paths: list[Path] = []
    try:
        for code in codes:
            with tempfile.TemporaryDirectory() as tmp:
                paths += loop.run_until_complete(scenes(app, Path(tmp), code, folder))
    finally:
        apply_language(app, "en")
    return paths


if __name__ == "__main__":
    for path in render(sys.argv[1] if len(sys.argv) > 1 else "screens"):
        print(path)
