"""Screenshots of notifications: the Notifications page (rules and the mail log, with a failed
mail's answer), the rule editor, and the badge on the Stations entry. Mails go to a real SMTP
server (aiosmtpd) started here. Not collected by pytest. Run:

    QT_QPA_PLATFORM=offscreen python -m tests.gui.notification_screens /tmp/evdesk-notification-screens
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


    from evdesk.core.clock import utcnow
    from evdesk.core.notifications import cases as c
    from evdesk.core.permissions import SYSTEM_CONTEXT as ROOT
    from evdesk.core.services import Services
    from evdesk.gui.main_window import MainWindow
    from evdesk.settings import SiteSettings
    from evdesk.store.database import Store
    from tests.gui.screens import seed_site
    from tests.mailserver import Collector, PortZeroController
    from tests.manual_clock import ManualClock

    folder, app, loop = offscreen_app(folder)
    paths: list[Path] = []
    collector = Collector()
    collector.refuse = {"night.shift@depot.example"}
    smtp = PortZeroController(collector, hostname="127.0.0.1", port=0)
    smtp.start()

    async def scenes(tmp: Path) -> None:
        store = Store.sqlite(tmp / "site.db")
        store.open()
        clock = ManualClock(utcnow())
        services = Services(store, SiteSettings(site_timezone="Europe/Helsinki", site_name="Depot Nord",
                                                smtp_host="127.0.0.1", smtp_port=smtp.port, smtp_security="none",
                                                smtp_from="evdesk@depot.example"), clock=clock, notification_tick=3600)
        await services.start(load_settings=False)
        ids = await seed_site(services)
        north, visitors = ids["groups"]
        await services.operators.create_first_admin("anna", "anna-password-1", "anna@depot.example", "Anna",
                                                    "Operator")
        anna = next(o for o in await services.operators.list(ROOT) if o.username == "anna")
        rules = services.notifications.rules
        await rules.create(ROOT, {"name": "Depot faults", "group_id": north, "emails": [
            "fleet@depot.example", "night.shift@depot.example"], "operator_ids": [str(anna.id)],
            "cases": [c.UNAVAILABLE, c.FUSE_TRIPPED, c.SENSOR, c.OTHER_FAULT], "recovery_minutes": 15})
        await rules.create(ROOT, {"name": "Visitor charger", "station_ids": [str(ids["visitor"])],
                                  "emails": ["facility@depot.example"], "cases": [c.FUSE_TRIPPED, c.START_FAILED],
                                  "repeat_minutes": 120, "settle_seconds": 120, "clear_mails": False})
        watch = services.notifications.watch
        status = services.status
        status.status_notification(services.stations.get("DEPOT-AC-02"), 2, "Faulted", "GroundFailure",
                                   vendor_error_code="RCD-30mA")
        status.status_notification(services.stations.get("WORKSHOP-01"), 1, "Faulted", "HighTemperature")
        clock.advance(61)
        watch.tick()
        await watch.idle()
        status.status_notification(services.stations.get("WORKSHOP-01"), 1, "Available", "NoError")
        clock.advance(61)
        watch.tick()
        await watch.idle()
        status.status_notification(services.stations.get("VISITOR-DC-01"), 1, "Faulted", "OverCurrentFailure")
        clock.advance(125)
        watch.tick()
        await watch.idle()
        session = await services.login.login("anna", "anna-password-1")

        def shoot(name: str, widget) -> None:
            paths.append(folder / f"{name}.png")
            widget.grab().save(str(paths[-1]))

        window = MainWindow(services, None, "ws://0.0.0.0:9000/", session=session)
        window.resize(1380, 820)
        window.show()
        await asyncio.sleep(0.5)
        shoot("stations-badge", window)
        window.show_page("notifications")
        page = window.page("notifications")
        await asyncio.sleep(0.6)
        shoot("notifications-page-and-mail-log", window)
        page.select_rule(next(r.id for r in rules.list(ROOT) if r.name == "Depot faults"))
        dialog = page.edit_selected()
        await asyncio.sleep(0.5)
        shoot("notification-rule-editor", dialog)
        dialog.ui.emailsEdit.setPlainText("fleet@depot")
        dialog.save()
        await asyncio.sleep(0.5)
        shoot("notification-rule-editor-error", dialog)
        dialog.close()
        window.close()
        window.deleteLater()
        await asyncio.sleep(0.1)
        await services.stop()
        store.close()

    try:
        with tempfile.TemporaryDirectory() as tmp:
            loop.run_until_complete(scenes(Path(tmp)))
    finally:
        smtp.stop()
    loop.close()
    asyncio.set_event_loop(None)
    return paths


if __name__ == "__main__":
    for path in render(sys.argv[1] if len(sys.argv) > 1 else "/tmp/evdesk-notification-screens"):
        print(path)
