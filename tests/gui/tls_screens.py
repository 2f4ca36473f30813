"""Screenshots of Settings → Certificates (before and after Generate, with an expiry warning), the
station editor's Security box and a station panel with Rotate password. Not collected by pytest. Run:

    QT_QPA_PLATFORM=offscreen python -m tests.gui.tls_screens /tmp/evdesk-tls-screens
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
    from datetime import timedelta


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
        services = Services(store, SiteSettings(site_name="Depot North", site_timezone="Europe/Helsinki",
                                                ocpp_listener="both"),
                            certificate_names=lambda: (["depot-desk", "depot-desk.local", "localhost"],
                                                       ["192.168.1.20", "fd00::20", "127.0.0.1", "::1"]))
        await services.start(load_settings=False)
        ids = await seed_site(services)
        await services.operators.create_first_admin("anna", "anna-password-1", "anna@depot.example", "Anna",
                                                    "Operator")
        session = await services.login.login("anna", "anna-password-1")

        def shoot(name: str, widget) -> None:
            paths.append(folder / f"{name}.png")
            widget.grab().save(str(paths[-1]))

        window = MainWindow(services, None, "ws://0.0.0.0:9000/", session=session)
        window.resize(1280, 860)
        window.show()
        await asyncio.sleep(0.5)
        window.show_page("certificates")
        page = window.page("certificates")
        await asyncio.sleep(0.3)
        shoot("certificates-empty", window)
        page.ui.generateButton.click()
        for _ in range(100):
            if services.certificates.status().server is not None and "New" in page.ui.statusLabel.text():
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.2)
        shoot("certificates-generated", window)
        # 20 days before the server certificate expires: the warning
        expires = services.certificates.status().server.not_after
        services.certificates.clock = lambda: expires - timedelta(days=20)
        page.refresh()
        await asyncio.sleep(0.2)
        shoot("certificates-expiry-warning", window)
        window.open_station(ids["depot1"])
        await asyncio.sleep(0.5)
        panel = window.current_station_panel()
        shoot("station-panel-rotate-password", window)
        dialog = panel.open_settings()
        for _ in range(60):
            if dialog.loaded:
                break
            await asyncio.sleep(0.05)
        dialog.ui.securityProfileCombo.setCurrentIndex(dialog.ui.securityProfileCombo.findData(3))
        await asyncio.sleep(0.2)
        shoot("station-settings-security", dialog)
        dialog.close()
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
    for path in render(sys.argv[1] if len(sys.argv) > 1 else "/tmp/evdesk-tls-screens"):
        print(path)
