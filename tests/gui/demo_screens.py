"""Screenshots of the living demo site: `evdesk --demo` as an operator sees it after a while.

Not collected by pytest. Run:

    QT_QPA_PLATFORM=offscreen python -m tests.gui.demo_screens /tmp/evdesk-demo [seconds]
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from evdesk.gui.event_loop import make_event_loop
    from PySide6.QtWidgets import QApplication

    from evdesk.gui.launcher import demo_log_in
    from evdesk.gui.main_window import MainWindow
    from evdesk.runtime import RuntimeOptions, SiteRuntime

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/evdesk-demo")
    wait = float(sys.argv[2]) if len(sys.argv) > 2 else 90.0
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    app.setQuitOnLastWindowClosed(False)
    loop = make_event_loop(app)
    asyncio.set_event_loop(loop)
    runtime = SiteRuntime(RuntimeOptions(Path(tempfile.mkdtemp()), "127.0.0.1", 0, demo=True, api_port=0))

    async def shoot() -> None:
        await runtime.start()
        session = await demo_log_in(runtime.services)
        window = MainWindow(runtime.services, runtime.central, runtime.address, session=session)
        window.resize(1280, 800)
        window.show()
        await asyncio.sleep(wait)
        window.grab().save(str(out / "demo-stations.png"))
        busiest = max(runtime.services.stations.all(), key=lambda s: sum(c.status == "Charging" for c in s.connectors.values()))
        window.open_station(busiest.id)
        await asyncio.sleep(2)
        window.grab().save(str(out / "demo-station-panel.png"))
        await shoot_demo_tariffs(runtime.services, window, out)
        window.close()
        await runtime.stop()

    with loop:
        loop.run_until_complete(shoot())
    print(f"screenshots in {out}")
    return 0


async def shoot_demo_tariffs(services, window, out: Path) -> None:
    """The demo's Tariffs page, the Standard tariff with a preview, and the Visitor prices group."""
    window.show_page("tariffs")
    await asyncio.sleep(0.5)
    window.grab().save(str(out / "demo-tariffs.png"))
    page = window.page("tariffs")
    by_name = {t.name: t for t in services.tariffs.list_tariffs()}
    page.select_tariff(by_name["Standard"].id)
    dialog = page.edit_selected()
    dialog.ui.durationMinSpin.setValue(48)
    dialog.ui.energySpin.setValue(9.2)
    await asyncio.sleep(0.3)
    dialog.grab().save(str(out / "demo-tariff-editor.png"))
    dialog.close()
    groups = {g.name: g for g in services.tariffs.list_groups()}
    page.select_group(groups["Visitor prices"].id)
    group_dialog = page.edit_group()
    await asyncio.sleep(0.5)
    group_dialog.ui.entriesTable.selectRow(2)
    group_dialog.ui.restrictionTabs.setCurrentIndex(3)
    await asyncio.sleep(0.3)
    group_dialog.grab().save(str(out / "demo-tariff-group.png"))
    group_dialog.close()


if __name__ == "__main__":
    sys.exit(main())
