"""A widget without an operator acts for nobody: no permission, nothing seen (never a root admin)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from evdesk.core.permissions import Permission
from evdesk.gui.dialogs.station_settings_dialog import StationSettingsDialog
from evdesk.gui.main_window import MainWindow
from evdesk.gui.operator import operator_of
from evdesk.gui.pages.groups_page import GroupsPage
from evdesk.gui.pages.settings_page import SiteSettingsPage
from evdesk.gui.pages.stations_page import StationsPage
from tests.gui.screens import seed_site


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(1100, 600)
    widget.show()
    return widget


def test_a_widget_without_a_window_acts_for_nobody(qtbot):
    ctx = operator_of(shown(qtbot, QWidget()))
    assert not any(ctx.can(p) for p in Permission)
    assert not ctx.is_root and not ctx.sees_station(None) and ctx.operator_id is None


def test_pages_without_an_operator_offer_no_change_and_show_no_station(qtbot, aio, services):
    site = aio.run(seed_site(services))
    stations = shown(qtbot, StationsPage(services))
    assert stations.model.rowCount() == 5 and stations.proxy.rowCount() == 0  # loaded, but nobody sees them
    for button in (stations.ui.addStationButton, stations.ui.adoptButton, stations.ui.rejectButton):
        assert not button.isVisibleTo(stations)
    assert not stations.edit_button.isEnabled()
    assert not any(a.isEnabled() for a in stations.station_menu(site["depot1"]).actions() if a.text() != "Open")
    assert stations.ui.countLabel.text() == "Showing 0 of 0 stations"

    groups = shown(qtbot, GroupsPage(services))
    assert groups.model.rowCount() == 0  # not even the groups' names
    ui = groups.ui
    assert not any(b.isEnabled() for b in (ui.addButton, ui.renameButton, ui.moveButton, ui.deleteButton,
                                             ui.assignButton, ui.removeStationButton))

    settings = shown(qtbot, SiteSettingsPage(services))
    settings.ui.siteNameEdit.setText("Somebody else's site")
    assert settings.ui.stateLabel.text().startswith("Read only") and not settings.ui.saveButton.isEnabled()
    assert not settings.ui.testMailButton.isEnabled()


def test_an_operatorless_dialog_can_neither_read_nor_change(qtbot, aio, services):
    site = aio.run(seed_site(services))
    dialog = shown(qtbot, StationSettingsDialog(services, site["depot1"]))
    aio.wait_until(lambda: dialog.ui.formError.isVisible())  # the read side refuses it too
    assert "Operator access forbidden." in dialog.ui.formError.text()
    assert not dialog.save_button.isEnabled()
    dialog.ui.nameEdit.setText("Taken over")
    dialog.save()
    assert services.stations.get_by_id(site["depot1"]).name == "Depot bay 1-2"


def test_a_window_without_a_login_acts_for_nobody(qtbot, aio, services):
    aio.run(seed_site(services))
    window = shown(qtbot, MainWindow(services, None, ""))
    nav = window.ui.navList
    visible = [nav.item(r).text() for r in range(nav.count()) if not nav.item(r).isHidden()]
    assert "Operators" not in visible and "API keys" not in visible and "Settings" not in visible
    assert window.page("stations").proxy.rowCount() == 0
    assert window.login_control.label.text() == "Nobody logged in: nothing can be changed"
