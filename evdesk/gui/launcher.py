"""Qt start-up in one place: the application, the qasync loop, the site, the window.

The OCPP server, the store's results and every screen share one asyncio loop that
qasync runs on the Qt event loop. Closing the window shuts the site down in order
before the loop stops (STACK-NOTES: never let the last window close the loop).
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import signal
import sys

from evdesk.core.tasks import spawn
from evdesk.process_age import seconds_since_process_start
from evdesk.runtime import DatabaseTooNew, RuntimeOptions, SiteCannotOpen, SiteRuntime

log = logging.getLogger(__name__)


def _startup_error(title: str, text: str) -> int:
    from PySide6.QtWidgets import QMessageBox

    log.error("%s: %s", title, text)
    QMessageBox.critical(None, f"evdesk — {title}", text)
    return 2


async def log_in(services):
    """The log-in window (or "create the first administrator") before the main window shows.
    Returns (the LoginSession or None when the operator closed the window, whether the first
    administrator was just created). Does not block the loop."""
    from evdesk.gui.dialogs.login_dialog import LoginDialog

    future = asyncio.get_running_loop().create_future()
    dialog = LoginDialog(services)
    dialog.loggedIn.connect(lambda session: future.done() or future.set_result(session))
    dialog.rejected.connect(lambda: future.done() or future.set_result(None))
    dialog.start()
    dialog.show()
    dialog.raise_()
    try:
        session = await future
        return session, session is not None and dialog.created_first_administrator
    finally:
        dialog.deleteLater()


async def demo_log_in(services):
    """The demo site opens logged in as its seeded admin (or asks, if someone changed it)."""
    from evdesk.core.errors import EvdeskError
    from evdesk.demo import DEMO_PASSWORD, DEMO_USERNAME

    try:
        return await services.login.login(DEMO_USERNAME, DEMO_PASSWORD)
    except EvdeskError:
        return None


async def unattended_log_in(services):
    """A wall display or an unattended seat logs in from EVDESK_LOGIN_USER / EVDESK_LOGIN_PASSWORD
    (the same checks as the dialog; on any refusal the dialog asks instead)."""
    import os

    from evdesk.core.errors import EvdeskError

    user, password = os.environ.get("EVDESK_LOGIN_USER"), os.environ.get("EVDESK_LOGIN_PASSWORD")
    if not user or not password:
        return None
    try:
        return await services.login.login(user, password)
    except EvdeskError as exc:
        log.warning("unattended log-in as %s refused: %s", user, exc)
        return None


def run_gui(options: RuntimeOptions) -> int:
    from evdesk.gui.event_loop import make_event_loop
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("evdesk")
    app.setOrganizationName("evdesk")
    app.setQuitOnLastWindowClosed(False)
    from evdesk.gui.translations import apply_language, chosen_language

    apply_language(app, chosen_language())  # before any window: the forms translate as they are built
    from evdesk.gui.theme import follow_os_theme

    follow_os_theme(app)  # a dark palette when the OS uses a dark scheme
    from evdesk.gui.resources import app_icon_path

    icon_path = app_icon_path()
    if icon_path:
        app.setWindowIcon(QIcon(str(icon_path)))

    runtime = SiteRuntime(dataclasses.replace(options, pace_gc=False))  # the window's timer does it
    try:
        runtime.open_store()
    except DatabaseTooNew as exc:
        return _startup_error("database too new", str(exc))
    except SiteCannotOpen as exc:  # a folder it cannot write, a file that is no database: the words say which
        return _startup_error("cannot open the database", str(exc))
    except Exception as exc:  # a broken or locked database file
        return _startup_error("cannot open the database", f"{exc}\n\nData folder: {options.data_dir}")

    from evdesk.gui.gc_guard import GuiThreadGarbageCollector

    collector = GuiThreadGarbageCollector(app)
    loop = make_event_loop(app)
    asyncio.set_event_loop(loop)
    done = asyncio.Event()
    exit_code = 0
    windows = []  # keeps the main window alive for the session

    async def start() -> None:
        nonlocal exit_code
        try:
            await runtime.start()
            from evdesk.gui.main_window import MainWindow

            session = await demo_log_in(runtime.services) if options.demo else await unattended_log_in(runtime.services)
            first_start = False
            if session is None:
                session, first_start = await log_in(runtime.services)
            if session is None:  # the operator closed the log-in window
                await runtime.stop()
                done.set()
                return
            window = MainWindow(runtime.services, runtime.central, runtime.address, session=session)
        except OSError as exc:
            await runtime.stop()
            exit_code = _startup_error(
                "OCPP port unavailable",
                f"evdesk could not listen on {options.host}:{options.port} ({exc.strerror or exc}).\n\n"
                "Another program (or another evdesk) uses this port. Close it, or start evdesk with --port.",
            )
            done.set()
            return
        except Exception as exc:  # anything else: words and the log file, not a console traceback
            log.exception("start-up failed")
            await runtime.stop()
            exit_code = _startup_error(
                "could not start",
                f"evdesk could not start: {exc}\n\nDetails are in the log file in {options.data_dir / 'logs'}.",
            )
            done.set()
            return
        if options.demo:
            window.setWindowTitle(window.windowTitle() + " — demo site")
        window.show()
        windows.append(window)
        if first_start:  # the site is new: say how its chargers reach it
            window.show_connect_help()
        QTimer.singleShot(0, lambda: log.info("window usable after %.2f s", seconds_since_process_start()))
        app.lastWindowClosed.connect(lambda: spawn(shutdown(), name="shutdown"))
        app.aboutToQuit.connect(lambda: done.set())

    async def shutdown() -> None:
        try:
            await runtime.stop()
        finally:
            done.set()

    def stop_on_signal(*_args) -> None:
        # SIGTERM (a service manager, a logout) or Ctrl-C: stop the site in order, as --headless does
        log.info("stopping (signal)")
        loop.call_soon_threadsafe(lambda: spawn(shutdown(), name="shutdown"))

    previous = {sig: signal.signal(sig, stop_on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    with loop:
        loop.create_task(start())
        loop.run_until_complete(done.wait())
    for sig, handler in previous.items():
        signal.signal(sig, handler)
    collector.stop()
    return exit_code
