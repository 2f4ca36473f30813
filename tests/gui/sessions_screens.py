"""Screenshots of the charging log on the living demo site: the Sessions page and a finished
session's details (timeline, price, chart) with one of its OCPP messages.

Not collected by pytest. Run:

    QT_QPA_PLATFORM=offscreen python -m tests.gui.sessions_screens /tmp/evdesk-sessions [seconds]

The demo's cars charge for 2 to 15 minutes: give it a few minutes (default 300 s) so that
some sessions have finished.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


async def until(condition, timeout: float = 30.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise TimeoutError("the screen did not get there in time")
        await asyncio.sleep(0.05)


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from evdesk.core.reads.sessions import SessionFilter
    from evdesk.gui.event_loop import make_event_loop
    from evdesk.gui.launcher import demo_log_in
    from evdesk.gui.main_window import MainWindow
    from evdesk.runtime import RuntimeOptions, SiteRuntime

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/evdesk-sessions")
    wait = float(sys.argv[2]) if len(sys.argv) > 2 else 300.0
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    app.setQuitOnLastWindowClosed(False)
    loop = make_event_loop(app)
    asyncio.set_event_loop(loop)
    runtime = SiteRuntime(RuntimeOptions(Path(tempfile.mkdtemp()), "127.0.0.1", 0, demo=True, api_port=0))

    async def shoot() -> None:
        await runtime.start()
        services = runtime.services
        session = await demo_log_in(services)
        # prices for the sessions from now on (the demo seeds no tariffs here): energy, time and a
        # connection fee on every top charging group
        standard = await services.tariffs.create_tariff(session.ctx, "Depot standard", {
            "kind": "energy_time", "energy_price": "0.35", "time_price": "0.02", "time_unit": "minute",
            "connection_fee": "0.50", "vat_rate": "24", "prices_include_vat": True})
        prices = await services.tariffs.create_group(session.ctx, "Site prices", [{"tariff_id": str(standard.id)}])
        for group in services.groups.top_groups(session.ctx):
            await services.tariffs.assign(session.ctx, prices.id, group_id=group.id)
        window = MainWindow(services, runtime.central, runtime.address, session=session)
        window.resize(1500, 820)
        window.show()
        ctx = session.ctx

        async def finished() -> list:
            done = (await services.sessions.page(ctx, SessionFilter(state="completed"), limit=50)).items
            return [s for s in done if s.tariff_name == "Depot standard"]

        loop_time = asyncio.get_running_loop().time
        deadline = loop_time() + wait
        while loop_time() < deadline and len(await finished()) < 4:
            await asyncio.sleep(5)
        window.show_page("sessions")
        page = window.page("sessions")
        page.apply_filter(force=True)
        await until(lambda: page.model.rowCount() > 0 and not page.model.loading)
        await asyncio.sleep(1.5)
        window.grab().save(str(out / "sessions-page.png"))
        done = await finished()
        candidates = done or (await services.sessions.page(ctx, SessionFilter(), limit=20)).items
        details = [await services.sessions.get(ctx, s.id) for s in candidates[:10]]
        best = max(details, key=lambda d: (sum(e.frame is not None for e in d.timeline), len(d.timeline)))
        dialog = page.open_session(best.session.id)
        dialog.resize(1100, 760)
        await until(lambda: dialog.loaded)
        await asyncio.sleep(0.5)
        for index, name in ((0, "session-timeline"), (1, "session-price"), (2, "session-chart")):
            dialog.ui.detailTabs.setCurrentIndex(index)
            await asyncio.sleep(0.5)
            dialog.grab().save(str(out / f"{name}.png"))
        dialog.ui.detailTabs.setCurrentIndex(0)
        with_frame = next((i for i, e in enumerate(dialog.detail.timeline) if e.frame is not None and e.kind == "start"),
                          next((i for i, e in enumerate(dialog.detail.timeline) if e.frame is not None), 0))
        dialog.ui.timelineTable.selectRow(with_frame)
        frame = dialog.show_frame()
        await asyncio.sleep(0.5)
        frame.grab().save(str(out / "session-frame.png"))
        frame.close()
        dialog.close()
        window.close()
        await runtime.stop()

    with loop:
        loop.run_until_complete(shoot())
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
