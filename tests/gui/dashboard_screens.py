"""Screenshots of the dashboard with the demo running (and with a faulted station), the
charging-points overview, a station's Statistics tab and a group's statistics.

Not collected by pytest. Run:

    QT_QPA_PLATFORM=offscreen python -m tests.gui.dashboard_screens /work/wt/shots/dashboard [seconds]
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from evdesk.gui.event_loop import make_event_loop
    from evdesk.gui.launcher import demo_log_in
    from evdesk.gui.main_window import MainWindow
    from evdesk.runtime import RuntimeOptions, SiteRuntime

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/evdesk-dashboard")
    wait = float(sys.argv[2]) if len(sys.argv) > 2 else 60.0
    out.mkdir(parents=True, exist_ok=True)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())  # a fresh seat
    app = QApplication.instance() or QApplication([])
    app.setQuitOnLastWindowClosed(False)
    loop = make_event_loop(app)
    asyncio.set_event_loop(loop)
    runtime = SiteRuntime(RuntimeOptions(Path(tempfile.mkdtemp()), "127.0.0.1", 0, demo=True, api_port=0))

    async def shoot() -> None:
        await runtime.start()
        session = await demo_log_in(runtime.services)
        window = MainWindow(runtime.services, runtime.central, runtime.address, session=session)
        window.resize(1400, 1000)
        window.show()
        window.show_page("dashboard")
        await asyncio.sleep(wait)
        page = window.page("dashboard")
        page.refresh_store()
        await asyncio.sleep(2)
        window.grab().save(str(out / "dashboard-demo.png"))
        services = runtime.services
        victim = sorted(services.stations.all(), key=lambda s: s.identity)[0]
        await runtime.demo_fleet[victim.identity].set_fault(1, "GroundFailure", "RCD tripped")
        await asyncio.sleep(2)
        window.grab().save(str(out / "dashboard-faulted.png"))
        page.donut.choose("issue")
        await asyncio.sleep(1)
        window.grab().save(str(out / "dashboard-issue-filter.png"))
        page.donut.choose("issue")
        window.show_page("overview")
        await asyncio.sleep(3)
        window.grab().save(str(out / "overview.png"))
        busiest = max(services.stations.all(), key=lambda s: sum(c.status == "Charging" for c in s.connectors.values()))
        panel = window.open_station(busiest.id)
        panel.show_statistics()
        await asyncio.sleep(3)
        window.grab().save(str(out / "station-statistics.png"))
        window.show_page("groups")
        groups = window.page("groups")
        top = groups.model.index(0, 0)
        groups.ui.groupsTree.setCurrentIndex(top)
        await asyncio.sleep(3)
        window.grab().save(str(out / "group-statistics.png"))
        window.close()
        await runtime.stop()

    with loop:
        loop.run_until_complete(shoot())
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
