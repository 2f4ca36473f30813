"""The main window: navigation from the page registry, storage trouble said at once, and how
chargers connect (after the first administrator, from Help and from the Stations page)."""

from __future__ import annotations

import dataclasses
import inspect
from datetime import timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from evdesk.core import events as ev
from evdesk.core.clock import utcnow
from evdesk.core.lan_addresses import lan_addresses
from evdesk.core.permissions import ANALYST, OperatorContext, Permission
from evdesk.csms.server import CentralSystem
from evdesk.gui import main_window as mw
from evdesk.gui.dialogs.connect_help_dialog import ConnectHelpDialog
from evdesk.gui.dialogs.login_dialog import FIRST, LoginDialog
from evdesk.gui.launcher import log_in
from evdesk.gui.main_window import MainWindow
from evdesk.gui.pages.base import Page
from evdesk.gui.pages.registry import PAGES, PageSpec
from evdesk.gui.resources import icon_path

PW = "admin-password-1"


def make_window(qtbot, services, operator, central=None) -> MainWindow:
    window = MainWindow(services, central, central.address if central else "", operator=operator)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return window


def nav(window, visible_only=True):
    items = [window.ui.navList.item(r) for r in range(window.ui.navList.count())]
    return [i.text() for i in items if not (visible_only and i.isHidden())]


# -- the page registry ------------------------------------------------------------------------
def test_navigation_is_built_from_the_page_registry(qtbot, aio, services, admin):
    window = make_window(qtbot, services, admin)
    assert nav(window) == [spec.title for spec in PAGES]
    for row, spec in enumerate(PAGES):
        item = window.ui.navList.item(row)
        assert item.data(Qt.ItemDataRole.UserRole) == spec.key
        assert isinstance(window.page(spec.key), Page)
        assert not item.icon().isNull(), f"{spec.key} has no icon"
        path = icon_path(spec.icon)
        assert path is not None and not QIcon(str(path)).pixmap(18, 18).isNull(), f"{spec.icon}.svg does not draw"
        window.ui.navList.setCurrentRow(row)
        assert window.ui.pageStack.currentWidget() is window.page(spec.key)
    # the window routes: no page is made by hand in it
    assert "Page(" not in inspect.getsource(MainWindow.__init__)


def test_hiding_by_permission_reads_the_registry(qtbot, aio, services, monkeypatch):
    analyst = OperatorContext(None, "ann", ANALYST)
    window = make_window(qtbot, services, analyst)
    assert "Charging groups" in nav(window) and "Settings" not in nav(window)
    assert "Settings" in nav(window, visible_only=False)
    # a page the registry says needs a permission the analyst lacks is hidden, and one added to it appears
    changed = tuple(dataclasses.replace(s, permission=Permission.MANAGE_GROUPS) if s.key == "groups" else s
                    for s in PAGES)
    extra = PageSpec("extra", "Extra page", "nav-settings", lambda host: Page(host))
    monkeypatch.setattr(mw, "PAGES", changed + (extra,))
    monkeypatch.setattr(mw, "PAGES_BY_KEY", {s.key: s for s in changed + (extra,)})
    window = make_window(qtbot, services, analyst)
    assert "Charging groups" not in nav(window) and nav(window)[-1] == "Extra page"


# -- storage trouble ------------------------------------------------------------------------
def local_clock(at, zone_name):
    """'12:05 (Europe/Helsinki)', with the date when that is not today there."""
    zone = ZoneInfo(zone_name)
    local, today = at.astimezone(zone), utcnow().astimezone(zone).date()
    return f"{local:%H:%M}" if local.date() == today else f"{local:%Y-%m-%d %H:%M}"


def test_storage_trouble_is_said_at_once_and_cleared_on_recovery(qtbot, aio, services, admin):
    window = make_window(qtbot, services, admin)
    banner, mark = window.ui.storageBanner, window.storage_label
    assert not banner.isVisible() and not mark.isVisible()
    since = utcnow() - timedelta(minutes=7)
    services.bus.publish(ev.StorageTrouble("The disk is full (no space left on device).", since))
    assert banner.isVisible() and mark.isVisible()
    assert "The disk is full (no space left on device)" in banner.text()
    assert f"Since {local_clock(since, 'Europe/Helsinki')} (Europe/Helsinki)" in banner.text()
    assert "Not storing data" in mark.text() and "disk is full" in mark.toolTip()
    assert banner.geometry().width() >= window.width() - 2  # across the whole window
    # a later report of the same trouble keeps when it began; the zone follows the site settings
    services.bus.publish(ev.StorageTrouble("The disk is full (no space left on device).", since + timedelta(minutes=3)))
    assert f"Since {local_clock(since, 'Europe/Helsinki')} (Europe/Helsinki)" in banner.text()
    aio.run(services.save_settings(dataclasses.replace(services.settings, site_timezone="Asia/Tokyo"), ctx=admin))
    assert f"Since {local_clock(since, 'Asia/Tokyo')} (Asia/Tokyo)" in banner.text()
    services.bus.publish(ev.StorageRecovered(utcnow()))
    assert not banner.isVisible() and not mark.isVisible()
    assert window.ui.statusBar.currentMessage().startswith("Storing data works again since ")


# -- how chargers connect -------------------------------------------------------------------
def test_how_chargers_connect_names_the_real_addresses_and_the_rules(qtbot, aio, services, admin):
    central = CentralSystem(services, host="0.0.0.0", port=0)
    aio.run(central.start())
    try:
        window = make_window(qtbot, services, admin, central)
        window.ui.connectHelpAction.trigger()  # Help → How chargers connect…
        dialog = window.connect_help
        assert isinstance(dialog, ConnectHelpDialog) and dialog.isVisible()
        ui = dialog.ui
        address = ui.addressValue.text()
        assert "0.0.0.0" not in address
        ipv4 = [a for a in lan_addresses() if a.version == 4]
        for a in ipv4:
            assert f"ws://{a.address}:{central.port}/&lt;station identity&gt;" in address
        assert dialog.urls == [f"ws://{a.address}:{central.port}/<station identity>" for a in ipv4]
        assert str(central.port) in ui.portValue.text()
        assert "Letters, digits, - and _" in ui.identityValue.text() and "last part" in ui.identityValue.text()
        assert "ocpp1.6" in ui.protocolValue.text()
        assert "basic authentication" in ui.passwordValue.text() and "identity" in ui.passwordValue.text()
        assert ui.policyValue.text().startswith("<b>Held as pending</b>")
        assert "adopt" in ui.policyValue.text()
        # the policy in force, as it changes
        aio.run(services.save_settings(dataclasses.replace(services.settings, unknown_station_policy="reject"), ctx=admin))
        assert ui.policyValue.text().startswith("<b>Rejected</b>") and "Add station" in ui.policyValue.text()
        if ipv4:
            ui.copyButton.click()
            assert QApplication.clipboard().text() == f"ws://{ipv4[0].address}:{central.port}/"
        dialog.close()
        # the same from the Stations page
        qtbot.mouseClick(window.page("stations").ui.connectHelpButton, Qt.MouseButton.LeftButton)
        aio.wait_until(lambda: window.connect_help is not None and window.connect_help.isVisible())
    finally:
        aio.run(central.stop())


def test_a_server_on_loopback_only_is_said_to_be_unreachable(qtbot, aio, services, admin):
    central = CentralSystem(services, host="127.0.0.1", port=0)
    aio.run(central.start())
    try:
        dialog = make_window(qtbot, services, admin, central).show_connect_help()
        assert dialog.ui.warningLabel.isVisible() and "--host 0.0.0.0" in dialog.ui.warningLabel.text()
    finally:
        aio.run(central.stop())


def test_creating_the_first_administrator_leads_to_how_chargers_connect(qtbot, aio, services):
    result = {}

    async def run():
        result["session"], result["first"] = await log_in(services)

    from evdesk.gui.asyncutil import run_task

    run_task(run())
    aio.wait_until(lambda: any(isinstance(w, LoginDialog) and w.isVisible() for w in QApplication.topLevelWidgets()))
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog) and w.isVisible())
    aio.wait_until(lambda: dialog.ui.stack.currentIndex() == FIRST)
    ui = dialog.ui
    ui.firstUsernameEdit.setText("ada")
    ui.firstPasswordEdit.setText(PW)
    ui.firstRepeatEdit.setText(PW)
    qtbot.mouseClick(ui.createButton, Qt.MouseButton.LeftButton)
    aio.wait_until(lambda: "session" in result)
    assert result["session"].ctx.username == "ada" and result["first"] is True


def test_a_refused_task_is_one_log_line_and_a_fault_keeps_its_traceback(qtbot, aio, caplog):
    import logging

    from evdesk.core.errors import AccessDenied
    from evdesk.gui.asyncutil import run_task

    async def refused():
        raise AccessDenied("Operator access forbidden.")

    async def broken():
        raise KeyError("a bug")

    caplog.set_level(logging.INFO, logger="evdesk.gui.asyncutil")
    aio.wait_until(lambda: True)
    seen = []
    run_task(refused(), on_error=seen.append, what="saving a station")
    run_task(broken(), on_error=seen.append, what="loading a page")
    aio.wait_until(lambda: len(seen) == 2)
    lines = {r.getMessage(): r for r in caplog.records}
    assert lines["saving a station failed: Operator access forbidden."].exc_info is None
    assert lines["loading a page failed: 'a bug'"].exc_info is not None
