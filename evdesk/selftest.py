"""`evdesk --self-test`: prove that this build (or source tree) works, end to end, in a throwaway folder.

In one process, on the qasync loop the app runs on:

1. opens a store in a temporary data folder and starts the embedded OCPP server on
   127.0.0.1, on a free port (what `SiteRuntime` does for the real app);
2. opens the main window (offscreen when there is no display) and times the first
   paint from the start of the process (for a one-file build: of its unpacking parent);
3. writes a station and an accepted token to the store, connects a simulated station
   that boots and runs a transaction (Authorize, StartTransaction, MeterValues,
   StopTransaction), and reads the transaction back from the store with its energy;
4. touches the OS keychain once (write, read back, delete a probe secret);
5. makes an invoice PDF with a PNG logo in a spawned worker process (the invoice PDF pool:
   freeze_support, reportlab's barcode modules, the bundled fonts, Pillow);
6. prints one line, `evdesk self-test OK: ...` (exit 0) or `evdesk self-test FAILED: ...` (exit 1).

A data file or hidden import the build lost fails one of these steps: without ocpp's
JSON schemas the boot is refused, without the icon or Qt's SVG plugin the icon check
fails, without keyring's backend entry points the keychain check fails, without the fonts
or reportlab's barcode modules (imported through exec strings) no invoice PDF is made.

Keychain policy: a keychain that cannot be used fails the self-test, except in one case
— no keychain backend at all (`NoKeyringError`) on a Linux without a display (a build
or CI server). That is reported as `keychain unavailable (...)` and the self-test still
passes: such a machine never has an unlocked Secret Service, and the app would tell an
operator how to get one (`evdesk.secrets.KeychainUnavailable`).

`EVDESK_SELFTEST_SCREENSHOT=path.png` saves a picture of the window at the end.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import sys
import tempfile
import threading
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from evdesk.process_age import seconds_since_process_start

log = logging.getLogger("evdesk.selftest")

STATION = "EVDESK-SELFTEST"
TOKEN = "SELFTEST-TAG"
PROBE = "self-test-probe"
SCREENSHOT_ENV = "EVDESK_SELFTEST_SCREENSHOT"


class SelfTestFailure(Exception):
    pass


@dataclass
class SelfTestResult:
    server_url: str = ""
    transaction: int | None = None
    energy_wh: int | None = None
    window_seconds: float | None = None
    keychain: str = ""
    invoice_pdf_bytes: int | None = None
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"evdesk self-test OK: server {self.server_url}, station booted, "
            f"transaction {self.transaction} ({self.energy_wh} Wh), "
            f"window shown in {self.window_seconds:.2f} s, {self.keychain}, store ok, "
            f"invoice PDF ok ({self.invoice_pdf_bytes} bytes, worker process)"
        )


# -- timing -------------------------------------------------------------------------------
# (in evdesk.process_age, which the window's start-up log uses too)

# -- keychain -----------------------------------------------------------------------------

def headless_linux() -> bool:
    return sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _bundled_keyring_backends() -> list[str]:
    from importlib.metadata import entry_points

    return sorted(ep.name for ep in entry_points(group="keyring.backends"))


# what the OS's own keyring backend needs, besides keyring (a build that lost these has no keychain)
NATIVE_BACKEND_MODULES = {
    "linux": ("keyring.backends.SecretService", "secretstorage", "jeepney.io.blocking"),
    "darwin": ("keyring.backends.macOS", "keyring.backends.macOS.api"),
    "win32": ("keyring.backends.Windows", "win32ctypes.pywin32.win32cred"),
}


def _missing_native_backend() -> str | None:
    """The first module of this OS's keyring backend that cannot be imported, or None."""
    import importlib

    platform = "linux" if sys.platform.startswith("linux") else sys.platform
    for name in NATIVE_BACKEND_MODULES.get(platform, ()):
        try:
            importlib.import_module(name)
        except ImportError:
            return name
    return None


def _round_trip() -> str:
    from evdesk import secrets

    value = f"probe-{os.getpid()}-{time.time():.6f}"
    secrets.set_secret(PROBE, value)
    try:
        back = secrets.get_secret(PROBE)
    finally:
        secrets.delete_secret(PROBE)
    if back != value:
        raise SelfTestFailure("the keychain gave back a different value than it was given")
    return secrets.backend_name()


def check_keychain(timeout: float = 30.0) -> tuple[bool, str]:
    """Touch the keychain once. Returns (passed, text for the summary); see the module's policy."""
    from evdesk.secrets import KeychainUnavailable

    backends = _bundled_keyring_backends()
    if not backends:
        return False, "keyring has no backends (their entry points are missing from the build)"
    missing = _missing_native_backend()
    if missing:
        return False, f"the keychain backend for this OS cannot be loaded (module {missing} is missing)"
    outcome: dict = {}

    def work() -> None:
        try:
            outcome["backend"] = _round_trip()
        except BaseException as exc:  # noqa: BLE001 - reported below
            outcome["error"] = exc

    # a daemon thread: a keychain waiting on an unlock prompt must not hang the self-test
    worker = threading.Thread(target=work, name="selftest-keychain", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        return False, f"the keychain did not answer within {timeout:.0f} s (locked, or a prompt is waiting?)"
    error = outcome.get("error")
    if error is None:
        return True, f"keychain ok (backend {outcome['backend']})"
    if isinstance(error, KeychainUnavailable):
        if error.no_backend and headless_linux():
            return True, (
                f"keychain unavailable (no Secret Service on this headless Linux; "
                f"{len(backends)} backends bundled; warning only)"
            )
        return False, "keychain unavailable: " + " ".join(str(error).split())
    if isinstance(error, SelfTestFailure):
        return False, str(error)
    return False, f"keychain failed: {type(error).__name__}: {error}"


# -- the run ------------------------------------------------------------------------------

async def _until(predicate, timeout: float, what: str, interval: float = 0.02):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise SelfTestFailure(f"{what} (waited {timeout:g} s)")
        await asyncio.sleep(interval)


async def run_self_test(data_dir: Path, *, screenshot: Path | None = None) -> SelfTestResult:
    """The checks, on the running (qasync) loop; a QApplication must exist. Raises SelfTestFailure."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from evdesk.core.permissions import SYSTEM_CONTEXT
    from evdesk.simulator import ScaledClock, SimulatedStation
    from evdesk.gui.resources import app_icon_path
    from evdesk.runtime import RuntimeOptions, SiteRuntime
    from evdesk.store import models as m

    result = SelfTestResult()
    stage = "opening the store"
    runtime = SiteRuntime(RuntimeOptions(data_dir=data_dir, host="127.0.0.1", port=0, api_port=0))
    window = None
    station = None
    try:
        runtime.open_store()

        stage = "starting the OCPP server"
        await runtime.start()
        services, central = runtime.services, runtime.central
        result.server_url = central.url

        stage = "checking the application icon"
        icon_path = app_icon_path()
        if icon_path is None:
            raise SelfTestFailure("resources/icons/evdesk.svg is missing")
        icon = QIcon(str(icon_path))
        if icon.pixmap(32, 32).isNull():
            raise SelfTestFailure(f"{icon_path} cannot be drawn (Qt's SVG image plugin is missing?)")
        QApplication.instance().setWindowIcon(icon)

        stage = "opening the main window"
        from evdesk.gui.main_window import MainWindow

        painted = asyncio.Event()

        class PaintWatch(QObject):
            def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
                if event.type() == QEvent.Type.Paint and not painted.is_set():
                    result.window_seconds = seconds_since_process_start()
                    painted.set()
                return False

        window = MainWindow(services, central, runtime.address)
        watch = PaintWatch(window)
        window.installEventFilter(watch)
        window.resize(1280, 800)
        window.show()
        try:
            await asyncio.wait_for(painted.wait(), 20)
        except TimeoutError:
            raise SelfTestFailure("the main window was not painted within 20 s") from None
        window.removeEventFilter(watch)
        log.info("window usable after %.2f s", result.window_seconds)

        stage = "writing to the store"
        await services.store.run(lambda: m.Token.create(uid=TOKEN, uid_key=TOKEN.upper(), name="self-test card"))
        info = await services.stations.create_station(STATION, "Self-test charger", connectors=1, ctx=SYSTEM_CONTEXT)

        stage = "booting a simulated station"
        # simulated time runs 60x: a 60 s meter interval is one real second
        station = SimulatedStation(STATION, central.url, connectors=1, clock=ScaledClock(60),
                                   reconnect_delay=(0.5, 2.0), response_timeout=15)
        await station.start()
        try:
            await _until(lambda: station.accepted.is_set() or station.errors, 20, "no answer to BootNotification")
        except SelfTestFailure as exc:
            raise SelfTestFailure(f"{exc}; boot status {station.boot_status}") from None
        if not station.accepted.is_set():
            raise SelfTestFailure(
                f"the central system answered BootNotification with an error (boot status {station.boot_status}; "
                "are ocpp's JSON schemas in the build?)"
            )

        stage = "running a transaction"
        await station.plug_in(1)
        if not await station.present_token(1, TOKEN):
            raise SelfTestFailure("the station did not start a session with the accepted token")
        active = await _until(lambda: services.transactions.active_on(info.id, 1), 10,
                              "no StartTransaction reached the central system")
        result.transaction = active.ocpp_id
        await _until(lambda: active.last_meter_at is not None, 15, "no MeterValues reached the central system")
        if not await station.stop_charging(1, "Local"):
            raise SelfTestFailure("the station could not stop the session")
        await station.unplug(1)

        stage = "reading the store"
        ocpp_id = result.transaction

        def read():
            row = m.Transaction.get_or_none(m.Transaction.ocpp_id == ocpp_id)
            return row, m.MeterValue.select().where(m.MeterValue.transaction == row).count() if row else 0

        async def stopped():
            row, _ = await services.store.run(read)
            return row is not None and row.state != "active"

        deadline = time.monotonic() + 10
        while not await stopped():
            if time.monotonic() > deadline:
                raise SelfTestFailure(f"transaction {ocpp_id} is not closed in the store after StopTransaction")
            await asyncio.sleep(0.05)
        await services.batch.flush()
        row, readings = await services.store.run(read)
        if not row.energy_wh or row.energy_wh <= 0:
            raise SelfTestFailure(f"transaction {ocpp_id} has no energy in the store ({row.energy_wh!r})")
        if readings < 1:
            raise SelfTestFailure(f"transaction {ocpp_id} has no meter values in the store")
        result.energy_wh = int(row.energy_wh)

        stage = "showing the session with its price and chart"
        from evdesk.core.permissions import SYSTEM_CONTEXT
        from evdesk.gui.widgets.sessions_table import open_details

        # evdesk checking itself (the window has nobody logged in, so it may read nothing)
        dialog = open_details(window, services, central, lambda: SYSTEM_CONTEXT, row.id)
        await _until(lambda: dialog.loaded, 10, "the session's details did not load")
        if not dialog.energy_plot.listDataItems():
            raise SelfTestFailure("the session's energy chart is empty")
        dialog.close()

        stage = "showing the station"
        window.open_station(info.id)
        await asyncio.sleep(0.3)
        if screenshot is not None:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            if not window.grab().save(str(screenshot)):
                raise SelfTestFailure(f"could not save the screenshot to {screenshot}")

        stage = "touching the keychain"
        passed, text = await asyncio.get_running_loop().run_in_executor(None, check_keychain)
        result.keychain = text
        if not passed:
            raise SelfTestFailure(text)
        if text.startswith("keychain unavailable"):
            result.warnings.append(text)

        stage = "making an invoice PDF in a worker process"
        result.invoice_pdf_bytes = await _invoice_pdf_in_a_worker(data_dir)
        return result
    except SelfTestFailure as exc:
        raise SelfTestFailure(f"{stage}: {exc}") from exc
    except Exception as exc:
        raise SelfTestFailure(f"{stage}: {type(exc).__name__}: {exc}") from exc
    finally:
        if station is not None:
            try:
                await station.stop()
            except Exception:  # noqa: BLE001 - cleaning up after a result
                log.exception("stopping the simulated station failed")
        if window is not None:
            window.close()
            window.deleteLater()
        await runtime.stop()


async def _invoice_pdf_in_a_worker(folder: Path) -> int:
    """An invoice with a PNG logo (Pillow reads it) made by a spawned PDF worker."""
    from datetime import date

    from PIL import Image

    from evdesk.core.invoicing.document import InvoiceDocument, InvoiceLine, Party, VatTotal
    from evdesk.core.invoicing.render_pool import InvoicePdfPool

    doc = InvoiceDocument(
        number="SELFTEST-1", kind="invoice", seller=Party("Sähkö Åland Oy"), buyer=Party("Åke Öhman"),
        invoice_date=date(2019, 3, 28), due_date=date(2019, 4, 11), period_start=date(2018, 11, 1),
        period_end=date(2019, 2, 28), payment_terms_days=14, penalty_interest="8", currency="EUR",
        reference="108986", rf_reference="RF71108986", iban="FI2112345600000785", bic="NDEAFIHH",
        message="Vehicle charging 1.11.2018 - 28.2.2019",
        lines=(InvoiceLine("Usage (kWh)", "99.03", "kWh", 1500, 1485, "24", 288),),
        vat_totals=(VatTotal("24", 1197, 288, 1485),), net_minor=1197, vat_minor=288, total_minor=1485,
        logo_path=str(folder / "logo.png"))
    Image.new("RGB", (100, 50), (0, 90, 160)).save(folder / "logo.png")
    pool = InvoicePdfPool(workers=1)
    try:
        pdf = await pool.render(doc)
    finally:
        await pool.close()
    if not pdf.startswith(b"%PDF-") or b"DejaVuSans" not in pdf:
        raise SelfTestFailure("the invoice PDF is not a PDF with the bundled fonts")
    if b"/Subtype /Image" not in pdf:
        raise SelfTestFailure("the invoice PDF has no logo (Pillow could not read a PNG)")
    return len(pdf)


def main_self_test() -> int:
    """Run the self-test on a qasync loop in a temporary data folder; print one line; 0 when it passed."""
    if headless_linux():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    data_dir = Path(tempfile.mkdtemp(prefix="evdesk-selftest-"))
    screenshot = os.environ.get(SCREENSHOT_ENV)
    root = logging.getLogger()
    try:
        from evdesk.logging_setup import configure_logging

        configure_logging(data_dir, "INFO", console=False)
        from evdesk.gui.event_loop import make_event_loop
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication(sys.argv[:1])
        app.setApplicationName("evdesk")
        app.setOrganizationName("evdesk")
        app.setQuitOnLastWindowClosed(False)
        loop = make_event_loop(app)
        asyncio.set_event_loop(loop)
        with loop:
            result = loop.run_until_complete(
                asyncio.wait_for(run_self_test(data_dir, screenshot=Path(screenshot) if screenshot else None), 120)
            )
        line = result.summary()
        code = 0
    except BaseException as exc:  # noqa: BLE001 - every failure becomes the one line
        if isinstance(exc, KeyboardInterrupt):
            reason = "interrupted"
        elif isinstance(exc, TimeoutError):
            reason = "did not finish within 120 s"
        else:
            reason = str(exc) or type(exc).__name__
        if sys.stderr is not None and not isinstance(exc, SelfTestFailure):
            traceback.print_exc()
        elif sys.stderr is not None and exc.__cause__ is not None and not isinstance(exc.__cause__, SelfTestFailure):
            traceback.print_exception(exc.__cause__)
        line = f"evdesk self-test FAILED: {reason}"
        code = 1
    log.info("%s", line)
    for handler in list(root.handlers):
        if getattr(handler, "_evdesk", False):
            root.removeHandler(handler)
            handler.close()
    shutil.rmtree(data_dir, ignore_errors=True)
    print(line, flush=True)
    return code
