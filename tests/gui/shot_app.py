"""What every screenshot script (`tests/gui/*_screens.py`) starts with: the folder made, the Qt
application (offscreen when QT_QPA_PLATFORM says so) kept alive without windows, and evdesk's
event loop on it as asyncio's."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path


def offscreen_app(folder) -> tuple[Path, object, asyncio.AbstractEventLoop]:
    from PySide6.QtWidgets import QApplication

    from evdesk.gui.event_loop import make_event_loop

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    loop = make_event_loop(app)
    asyncio.set_event_loop(loop)
    return folder, app, loop
