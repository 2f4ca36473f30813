"""The Site settings page, through the real services on a temporary store."""

from __future__ import annotations

from evdesk.core.site_settings import load_site_settings, save_site_settings
from evdesk.gui.main_window import MainWindow
from evdesk.gui.pages.settings_page import STALE_MESSAGE
from evdesk.settings import SiteSettings


def open_page(qtbot, services, operator):
    window = MainWindow(services, None, "", operator=operator)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    nav = window.ui.navList
    titles = [nav.item(r).text() for r in range(nav.count())]
    assert "Settings" in titles
    nav.setCurrentRow(titles.index("Settings"))
    assert window.ui.pageStack.currentWidget() is window.page("settings")
    return window, window.page("settings")


def test_shows_the_settings_in_force(qtbot, aio, services, admin):
    _window, page = open_page(qtbot, services, admin)
    ui = page.ui
    s = services.settings
    assert ui.siteNameEdit.text() == s.site_name
    assert ui.timezoneCombo.currentData() == "Europe/Helsinki"
    assert ui.timezoneCombo.itemData(0) == "" and ui.timezoneCombo.itemText(0).startswith("This computer's time zone")
    assert ui.currencyEdit.text() == "EUR"
    assert ui.pendingPolicyRadio.isChecked()
    assert ui.commandTimeoutSpin.value() == 5  # the fixture's value
    assert ui.clockSkewSpin.value() == 168  # 7 days, shown in hours
    assert ui.maxFrameSpin.value() == 64  # 65536 bytes, shown in KiB
    assert "apply immediately" in ui.introLabel.text()
    assert not ui.saveButton.isEnabled() and not ui.revertButton.isEnabled()
    for label in page.errors.values():
        assert not label.isVisibleTo(page)


def test_save_changes_the_live_settings(qtbot, aio, services, admin):
    window, page = open_page(qtbot, services, admin)
    ui = page.ui
    live = services.settings
    ui.siteNameEdit.setText("Depot West")
    ui.timezoneCombo.setCurrentIndex(ui.timezoneCombo.findData("Europe/Berlin"))
    ui.currencyEdit.setText("sek")
    ui.currencyEdit.textEdited.emit("sek")  # as if typed: shown upper-case
    assert ui.currencyEdit.text() == "SEK"
    ui.rejectPolicyRadio.setChecked(True)
    ui.heartbeatSpin.setValue(120)
    ui.longUnavailableSpin.setValue(900)
    ui.maxFrameSpin.setValue(128)
    ui.bootRateSpin.setValue(12.5)
    assert ui.saveButton.isEnabled() and ui.stateLabel.text() == "Unsaved changes"
    ui.saveButton.click()
    aio.wait_until(lambda: services.settings.site_name == "Depot West")

    assert services.settings is live  # updated in place: every service sees it
    assert services.stations.settings.unknown_station_policy == "reject"
    assert live.site_timezone == "Europe/Berlin" and live.currency == "SEK"
    assert live.heartbeat_interval == 120 and live.long_term_unavailable_after == 900
    assert live.max_frame_bytes == 128 * 1024
    assert live.clock_skew_flag_seconds == 7 * 24 * 3600  # untouched: kept exactly
    assert live.command_timeout == 5 and live.post_boot_quiet_seconds == 0.0
    assert services.stations.boot_gate.rate == 12.5
    stored, version = aio.run(services.store.run(load_site_settings))
    assert version == 1 and stored.site_name == "Depot West" and stored.max_frame_bytes == 131072
    assert window.windowTitle() == "evdesk — Depot West"
    assert not ui.saveButton.isEnabled()
    assert ui.stateLabel.text().startswith("Saved")


def test_invalid_combination_is_shown_next_to_the_field_and_nothing_is_saved(qtbot, aio, services, admin):
    _window, page = open_page(qtbot, services, admin)
    ui = page.ui
    before = services.settings.as_dict()
    ui.tempUnavailableSpin.setValue(600)
    ui.longUnavailableSpin.setValue(600)
    ui.currencyEdit.setText("EU")
    ui.saveButton.click()
    aio.pump(0.1)
    assert ui.longUnavailableError.isVisibleTo(page)
    assert ui.longUnavailableError.text() == "Must be longer than the temporarily-unavailable time."
    assert ui.currencyError.isVisibleTo(page)
    assert not ui.tempUnavailableError.isVisibleTo(page)
    assert "Nothing was saved" in ui.formError.text()
    assert services.settings.as_dict() == before
    assert services.settings_version == 0
    assert aio.run(services.store.run(load_site_settings))[1] == 0

    # corrected, it saves and the messages go away
    ui.longUnavailableSpin.setValue(1200)
    ui.currencyEdit.setText("EUR")
    ui.saveButton.click()
    aio.wait_until(lambda: services.settings.long_term_unavailable_after == 1200)
    assert not ui.longUnavailableError.isVisibleTo(page) and not ui.formError.isVisibleTo(page)


def test_stale_save_offers_reload(qtbot, aio, services, admin):
    _window, page = open_page(qtbot, services, admin)
    ui = page.ui
    # another seat saves the site settings meanwhile
    other = SiteSettings.from_dict(services.settings.as_dict())
    other.site_name, other.command_timeout = "Renamed by another seat", 45
    aio.run(services.store.run(save_site_settings, other, 0))

    ui.siteNameEdit.setText("Mine")
    ui.saveButton.click()
    aio.wait_until(lambda: ui.staleBanner.isVisibleTo(page))
    assert ui.staleLabel.text() == STALE_MESSAGE
    assert not ui.saveButton.isEnabled()
    assert services.settings.site_name != "Mine"

    ui.reloadButton.click()
    aio.wait_until(lambda: ui.siteNameEdit.text() == "Renamed by another seat")
    assert not ui.staleBanner.isVisibleTo(page)
    assert ui.commandTimeoutSpin.value() == 45
    assert services.settings.command_timeout == 45 and services.settings_version == 1

    ui.siteNameEdit.setText("Mine")
    ui.saveButton.click()
    aio.wait_until(lambda: services.settings.site_name == "Mine")
    assert aio.run(services.store.run(load_site_settings))[1] == 2


def test_revert_discards_edits(qtbot, aio, services, admin):
    _window, page = open_page(qtbot, services, admin)
    ui = page.ui
    ui.siteNameEdit.setText("Something else")
    ui.acceptPolicyRadio.setChecked(True)
    ui.retentionSpin.setValue(7)
    assert ui.revertButton.isEnabled()
    ui.revertButton.click()
    assert ui.siteNameEdit.text() == services.settings.site_name
    assert ui.pendingPolicyRadio.isChecked()
    assert ui.retentionSpin.value() == 30
    assert not ui.saveButton.isEnabled() and not ui.revertButton.isEnabled()


def test_a_group_admin_reads_the_settings_and_is_told_why_save_is_off(qtbot, aio, services):
    from evdesk.core.permissions import ADMIN, SYSTEM_CONTEXT, OperatorContext

    depot = aio.run(services.groups.add(SYSTEM_CONTEXT, "Depot"))
    depot_admin = services.groups.fresh(OperatorContext(None, "da", ADMIN, base_group_id=depot.id))
    _window, page = open_page(qtbot, services, depot_admin)
    page.ui.siteNameEdit.setText("Depot West")
    page.ui.siteNameEdit.textEdited.emit("Depot West")
    assert not page.ui.saveButton.isEnabled()
    assert "only administrators of the whole site" in page.ui.stateLabel.text()
