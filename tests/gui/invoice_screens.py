"""Screenshots of the Invoices page (with the manual's kind of data: sent, paid, overdue, not
sent, previews), the new-run dialog with its previews, the invoice settings, and the first
page of a sent invoice's PDF. Not collected by pytest. Run:

    QT_QPA_PLATFORM=offscreen python -m tests.gui.invoice_screens /tmp/evdesk-invoice-screens
"""

from __future__ import annotations

from tests.gui.shot_app import offscreen_app

import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PEOPLE = (("Donald", "Duck", 99_030), ("Daisy", "Duck", 41_200), ("Magica", "De Spell", 38_000),
          ("Flintheart", "Glomgold", 52_500), ("Umperio", "Bogarto", 12_400), ("Miss", "Quackfaster", 24_800),
          ("Velma", "Vanderduck", 31_000), ("Grand", "Mogul", 18_300))


def render(folder: str | Path) -> list[Path]:
    import asyncio
    import tempfile
    from datetime import timedelta
    from decimal import Decimal

    from PySide6.QtCore import QDate, Qt

    from evdesk.core.clock import utcnow
    from evdesk.core.invoicing.runs import RunRequest
    from evdesk.core.invoicing.settings import InvoiceSettings, MonthlyFee
    from evdesk.core.people_types import TokenInput, UserInput
    from evdesk.core.permissions import SYSTEM_CONTEXT as ROOT
    from evdesk.core.services import Services
    from evdesk.gui.main_window import MainWindow
    from evdesk.settings import SiteSettings
    from evdesk.store import models as m
    from evdesk.store.database import Store
    from tests.mailserver import Collector, PortZeroController

    folder, app, loop = offscreen_app(folder)
    paths: list[Path] = []
    collector = Collector()
    smtp = PortZeroController(collector, hostname="127.0.0.1", port=0)
    smtp.start()

    def iso(dt):
        return dt.strftime("%Y-%m-%dT%H:%M:%SZ")

    async def scenes(tmp: Path) -> None:
        store = Store.sqlite(tmp / "site.db")
        store.open()
        settings = SiteSettings(site_timezone="Europe/Helsinki", smtp_host="127.0.0.1", smtp_port=smtp.port,
                                smtp_security="none", smtp_from="operator@acme.com")
        services = Services(store, settings)
        await services.start(load_settings=False)
        await services.invoices.save_settings(ROOT, InvoiceSettings(
            seller_name="Ensto charging solutions Oy", business_id="1481990-6",
            address_lines=("Ensio Miettisenkatu 2", "06600 Porvoo"), email="operator@acme.com",
            phone="+3585012345678", www="www.ensto.com", iban="FI21 1234 5600 0007 85", bic="ALONFI21",
            reference_start=10154, penalty_interest=Decimal(8), period_months=2), 0)
        depot = (await services.groups.add(ROOT, "Duckburg depot")).id
        station = await services.stations.create_station("DUCK-01", group_id=depot, connectors=2, ctx=ROOT)
        users = []
        for i, (first, last, wh) in enumerate(PEOPLE):
            d = await services.people.users.create(ROOT, UserInput(first, last, f"{first.lower()}@duckburg.com"),
                                                   [TokenInput(f"DUCK-{i:02d}")], home_group_id=depot)
            users.append(d.id)
            t0 = utcnow() - timedelta(days=2, hours=i)
            start = await services.transactions.start(station, 1, f"DUCK-{i:02d}", 0, iso(t0))
            await services.transactions.stop(station, start.ocpp_id, wh, iso(t0 + timedelta(minutes=50)))
        today = utcnow().date()
        first_day = today.replace(day=1)
        for _ in range(3):
            first_day = (first_day - timedelta(days=1)).replace(day=1)
        end = (today.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        fee = (MonthlyFee("No. of months", Decimal("3.00")),)
        run = await services.invoices.create_run(ROOT, RunRequest(first_day, end, tuple(users[:6]),
                                                                  kwh_price=Decimal("0.15"), monthly_fees=fee))
        collector.refuse.add("umperio@duckburg.com")
        await services.invoices.send(ROOT, list(run.invoice_ids))
        rows = await services.invoices.list(ROOT)
        by_name = {r.buyer_name: r for r in rows}
        for name in ("Daisy Duck", "Magica De Spell", "Flintheart Glomgold"):
            await services.invoices.set_paid(ROOT, by_name[name].id, True)
        await store.run(lambda: m.Invoice.update(due_date=today - timedelta(days=3)).where(
            m.Invoice.id.in_([by_name["Donald Duck"].id, by_name["Miss Quackfaster"].id])).execute())
        await services.operators.create_first_admin("anna", "anna-password-1", "anna@acme.com", "Anna", "Operator")
        session = await services.login.login("anna", "anna-password-1")

        def shoot(name: str, widget) -> None:
            paths.append(folder / f"{name}.png")
            widget.grab().save(str(paths[-1]))

        window = MainWindow(services, None, "ws://0.0.0.0:9000/", session=session)
        window.resize(1320, 800)
        window.show()
        await asyncio.sleep(0.5)
        window.show_page("invoices")
        page = window.page("invoices")
        page.open_file = lambda path: None
        for _ in range(100):
            if page.model.rowCount() == 6:
                break
            await asyncio.sleep(0.05)
        page.select_id(by_name["Umperio Bogarto"].id)
        await asyncio.sleep(0.3)
        shoot("invoices-page", window)
        dialog = page.new_run()
        dialog.open_file = lambda path: None
        for _ in range(100):
            if dialog.ui.usersList.count():
                break
            await asyncio.sleep(0.05)
        dialog.ui.fromEdit.setDate(QDate(first_day.year, first_day.month, first_day.day))
        dialog.ui.toEdit.setDate(QDate(end.year, end.month, end.day))
        for i in range(dialog.ui.usersList.count()):
            item = dialog.ui.usersList.item(i)
            if "Velma" in item.text() or "Grand" in item.text():
                item.setCheckState(Qt.CheckState.Checked)
        dialog.ui.kwhPriceEdit.setText("0.15")
        dialog.ui.monthlyPriceEdit.setText("3.00")
        dialog.ui.previewButton.click()
        for _ in range(100):
            if dialog.previews_loaded:
                break
            await asyncio.sleep(0.05)
        dialog.ui.previewTree.expandAll()
        dialog.resize(900, 760)
        await asyncio.sleep(0.3)
        shoot("invoice-run-previews", dialog)
        dialog.close()
        settings_dialog = page.open_settings()
        for _ in range(100):
            if settings_dialog.loaded:
                break
            await asyncio.sleep(0.05)
        settings_dialog.ui.tabs.setCurrentIndex(1)
        await asyncio.sleep(0.2)
        shoot("invoice-settings", settings_dialog)
        settings_dialog.close()
        pdf = await services.invoices.pdf(ROOT, by_name["Donald Duck"].id)
        (folder / "invoice-donald.pdf").write_bytes(pdf)
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", str(folder / "invoice-donald.pdf"),
                        str(folder / "invoice-donald")], check=True)
        paths.append(next(folder.glob("invoice-donald*.png")))
        window.close()
        window.deleteLater()
        await asyncio.sleep(0.1)
        await services.stop()
        store.close()

    with tempfile.TemporaryDirectory() as tmp:
        loop.run_until_complete(scenes(Path(tmp)))
    loop.close()
    asyncio.set_event_loop(None)
    smtp.stop()
    return paths


if __name__ == "__main__":
    for path in render(sys.argv[1] if len(sys.argv) > 1 else "/tmp/evdesk-invoice-screens"):
        print(path)
