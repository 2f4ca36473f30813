"""GUI tests: offscreen Qt, one qasync loop per test, the real services on a temp SQLite file.

How async work is driven: each test gets `aio`, an `AsyncDriver` around a fresh
`make_event_loop(qapp)`. Tests are plain (sync) functions and call
`aio.run(coro)` / `aio.wait_until(predicate)` / `aio.pump(seconds)`; each call runs
the Qt event loop *and* asyncio together (qasync's `run_until_complete` runs
`QApplication.exec()`), so signals, timers, `store.run` results and bus events all
flow as in the app. We do not use pytest-asyncio here: its loop would not be the
Qt one, and one explicit loop per test is easy to reason about and to close.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists
os.environ["EVDESK_LANGUAGE"] = "en"  # the tests expect English whatever the OS speaks (gui/translations)

import asyncio  # noqa: E402
import gc  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Coroutine  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
import qasync  # noqa: E402

from evdesk.gui.event_loop import make_event_loop  # noqa: E402

from evdesk.core.permissions import ADMIN, OperatorContext  # noqa: E402
from evdesk.core.services import Services  # noqa: E402
from evdesk.settings import SiteSettings  # noqa: E402
from evdesk.store.database import Store  # noqa: E402


class AsyncDriver:
    """Runs the qasync loop for the length of one coroutine.

    Not `loop.run_until_complete`: qasync's version processes Qt events once more
    after marking the loop as stopped, and an asyncio callback run then finds no
    running loop (`Event.wait()` fails with "'NoneType' has no create_future").
    Here the loop stops cleanly and whatever is queued runs on the next call; in
    between, the loop stays registered as running so Qt code the test calls
    directly (a button click starting a task) finds it, as it would in the app.
    """

    def __init__(self, loop: qasync.QEventLoop):
        self.loop = loop

    def run(self, coro: Coroutine[Any, Any, Any], timeout: float = 20.0) -> Any:
        future = asyncio.ensure_future(asyncio.wait_for(coro, timeout), loop=self.loop)
        future.add_done_callback(lambda _f: self.loop.stop())
        asyncio.events._set_running_loop(None)
        try:
            self.loop.run_forever()
        finally:
            asyncio.events._set_running_loop(self.loop)
        if not future.done():
            raise RuntimeError("the event loop stopped before the coroutine finished")
        return future.result()

    def pump(self, seconds: float = 0.05) -> None:
        """Let the loop (Qt events, timers, tasks) run for a while."""
        self.run(asyncio.sleep(seconds))

    def wait_until(self, predicate: Callable[[], Any], timeout: float = 10.0, message: str = "") -> None:
        async def poll():
            deadline = time.monotonic() + timeout
            while not predicate():
                if time.monotonic() > deadline:
                    raise AssertionError(message or f"condition not met within {timeout} s")
                await asyncio.sleep(0.02)

        self.run(poll(), timeout=timeout + 5)


@pytest.fixture
def aio(qapp):
    qapp.setQuitOnLastWindowClosed(False)  # closing a test window must not stop the loop
    # As in the app (gui/gc_guard.py): no automatic collection during the test, which could run
    # on the database worker thread and free Qt objects there; collected below, on this thread.
    gc.disable()
    loop = make_event_loop(qapp)
    asyncio.set_event_loop(loop)
    driver = AsyncDriver(loop)
    asyncio.events._set_running_loop(loop)
    yield driver
    pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for task in pending:
        task.cancel()
    if pending:
        driver.run(asyncio.gather(*pending, return_exceptions=True))
    driver.run(loop.shutdown_asyncgens())
    asyncio.events._set_running_loop(None)
    loop.close()
    asyncio.set_event_loop(None)
    # Free this test's Qt objects now, on the GUI thread: left to the cyclic GC they
    # could be collected on the database worker thread, and a QObject destroyed on a
    # thread that does not own it leaves its timers behind (a crash in a later test).
    gc.collect()
    gc.enable()


@pytest.fixture
def site_settings():
    # A named zone with a different offset from UTC, so "local time" is really tested.
    # post_boot_quiet_seconds=0: commands right after the simulator boots, no 5 s wait
    return SiteSettings(site_timezone="Europe/Helsinki", command_timeout=5, post_boot_quiet_seconds=0.0)


@pytest.fixture
def services(aio, tmp_path, site_settings):
    store = Store.sqlite(tmp_path / "site.db")
    store.open()
    svc = Services(store, site_settings)
    aio.run(svc.start(load_settings=False))
    yield svc
    aio.run(svc.stop())
    store.close()


@pytest.fixture
def admin():
    """A whole-site admin acting at the desk: a widget without an operator may do nothing, so tests
    say who acts (`MainWindow(..., operator=admin)`, or a dialog parented to `acting_as(admin)`)."""
    return OperatorContext(None, "ada", ADMIN, display_name="Ada Admin")


@pytest.fixture
def acting_as(qtbot):
    """acting_as(ctx): a widget that says who acts, to parent a dialog tested without a main window."""
    from PySide6.QtWidgets import QWidget

    class OperatorHost(QWidget):
        def __init__(self, ctx):
            super().__init__()
            self._ctx = ctx

        def current_operator(self):
            return self._ctx

    hosts = []  # qtbot holds widgets weakly: keep each host (and the dialogs it parents) alive

    def make(ctx):
        host = OperatorHost(ctx)
        qtbot.addWidget(host)
        hosts.append(host)
        return host

    yield make


@pytest.fixture
def check_model(request):
    """pytest-qt's model tester (what `qtmodeltester` gives), one per model checked.

    A single `qtmodeltester` watching both a model and its proxy mixes up their
    signals (one remove announced by both looks like a nested change), so each
    model gets its own tester; each keeps checking every later change of its model.
    """
    from pytestqt.modeltest import ModelTester

    testers = []

    def check(model):
        tester = ModelTester(request.config)
        testers.append(tester)
        tester.check(model, force_py=True)
        return tester

    yield check
    import shiboken6

    for tester in testers:
        if tester._model is not None and shiboken6.isValid(tester._model):  # a closed panel took its models along
            tester._cleanup()


@pytest.fixture(autouse=True)
def fresh_seat(tmp_path_factory):
    """Each test a fresh seat: what pages remember (QSettings, `gui/seat_settings.py`) goes to a
    temporary folder, never to the user's configuration."""
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path_factory.mktemp("seat")))
    yield
