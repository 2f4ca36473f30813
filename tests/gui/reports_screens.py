"""Screenshots of the Reports page with a saved report (chart and table) and the first page of its
PDF, on a site with a year of generated history (tests/benchmarks/reports_dataset.py, small).

Not collected by pytest. Run:

    QT_QPA_PLATFORM=offscreen python -m tests.gui.reports_screens /work/wt/shots/reports
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


async def until(condition, timeout: float = 60.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise TimeoutError("the screen did not get there in time")
        await asyncio.sleep(0.05)


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from evdesk.core.permissions import ADMIN, OperatorContext
    from evdesk.core.reports.definition import ReportDefinition
    from evdesk.core.services import Services
    from evdesk.gui.event_loop import make_event_loop
    from evdesk.gui.pages.reports_page import ReportsPage
    from evdesk.settings import SiteSettings
    from evdesk.store import models as m
    from evdesk.store.database import Store
    from tests.benchmarks.reports_dataset import make

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/evdesk-reports-shots")
    out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="evdesk-report-shots-"))
    make(folder, stations=40, sessions=24_000, readings=200_000)
    app = QApplication.instance() or QApplication([])
    app.setQuitOnLastWindowClosed(False)
    loop = make_event_loop(app)
    asyncio.set_event_loop(loop)

    async def shoot() -> None:
        store = Store.sqlite(folder / "evdesk.db")
        store.open()
        services = Services(store, SiteSettings(site_timezone="Europe/Helsinki", currency="EUR"))
        await services.start(load_settings=False)
        ctx = OperatorContext(uuid.uuid4(), "maija", ADMIN, display_name="Maija Depot")
        await store.run(lambda: m.Operator.create(id=ctx.operator_id, username="maija", role=ADMIN))
        page = ReportsPage(services, lambda: ctx)
        page.resize(1440, 860)
        page.show()
        definition = ReportDefinition(metric="energy", period="this_year", grain="month", compare="last_year",
                                      breakdown="group")
        page.show_definition(definition)
        page.save_new("Energy by charging group, this year")
        await until(lambda: page.opened is not None and page.ui.savedCombo.currentData() == page.opened.id)
        page.open_saved()
        await until(lambda: page.result is not None and not page.busy)
        await asyncio.sleep(1.0)
        page.grab().save(str(out / "saved-report.png"))
        page.export("pdf", str(out / "saved-report.pdf"))
        await until(lambda: page.last_export is not None and not page.busy)
        subprocess.run(["pdftoppm", "-png", "-r", "90", "-f", "1", "-l", "1", "-singlefile", str(out / "saved-report.pdf"),
                        str(out / "saved-report-pdf-page1")], check=True)
        page.detach()
        page.close()
        await services.stop()
        store.close()

    with loop:
        loop.run_until_complete(shoot())
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
