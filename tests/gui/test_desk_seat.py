"""The desk on this seat: the window's size, position, splitters and column widths come back in the
next run (QSettings in the test's temporary seat folder), and the navigation fits its entries."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics

from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.gui.main_window import MainWindow

ROOT = SYSTEM_CONTEXT


def test_window_size_columns_and_splitters_come_back(qtbot, aio, services, admin):
    station = aio.run(services.stations.create_station("CP-SEAT", connectors=1, ctx=ROOT))
    window = MainWindow(services, None, "", operator=admin)
    qtbot.addWidget(window)
    window.show()
    window.setGeometry(10, 60, 1400, 730)  # the offscreen screen is 800 × 800: a height that fits
    chosen = (window.geometry().y(), window.height())
    assert chosen != (window.minimumSizeHint().height(), 0)
    window.page("stations").ui.stationsTable.setColumnWidth(0, 333)
    panel = window.open_station(station.id)
    panel.ui.actionLogTable.setColumnWidth(3, 401)
    panel.ui.logTabs.setCurrentIndex(1)  # the communication log: its splitter laid out
    qtbot.waitUntil(lambda: sum(panel.ui.commSplitter.sizes()) > 100)
    panel.ui.commSplitter.setSizes([100, 300])
    window.close()

    again = MainWindow(services, None, "", operator=admin)
    qtbot.addWidget(again)
    again.show()
    assert (again.geometry().y(), again.height()) == chosen == (60, 730)
    assert again.page("stations").ui.stationsTable.columnWidth(0) == 333
    panel = again.open_station(station.id)
    assert panel.ui.actionLogTable.columnWidth(3) == 401
    panel.ui.logTabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: sum(panel.ui.commSplitter.sizes()) > 100)
    sizes = panel.ui.commSplitter.sizes()
    assert sizes[0] < sizes[1]  # the proportions chosen (by default the log is the larger part)
    again.close()


def test_a_maximised_window_opens_maximised(qtbot, services, admin):
    window = MainWindow(services, None, "", operator=admin)
    qtbot.addWidget(window)
    window.showMaximized()
    window.close()
    again = MainWindow(services, None, "", operator=admin)
    qtbot.addWidget(again)
    assert again.isMaximized() or again.windowState() & again.windowState().WindowMaximized
    again.close()


def test_a_fresh_seat_keeps_the_defaults(qtbot, services, admin):
    window = MainWindow(services, None, "", operator=admin)
    qtbot.addWidget(window)
    window.show()
    assert window.page("stations").ui.stationsTable.columnWidth(0) != 333
    window.close()


def test_the_navigation_fits_its_longest_entry(qtbot, services, admin):
    window = MainWindow(services, None, "", operator=admin)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    nav = window.ui.navList
    font = QFont(nav.font())
    font.setPointSizeF(11)
    metrics = QFontMetrics(font)
    texts = [nav.item(r).text() for r in range(nav.count())]
    assert {"Charging groups", "Access profiles", "Notifications"} <= set(texts)
    widest = max(metrics.horizontalAdvance(t) for t in texts)
    # text + icon + padding + selection bar fit in the viewport beside the fault badge
    assert nav.viewport().width() >= widest + nav.iconSize().width() + 2 * 10 + 3 + 36
    item = nav.item(texts.index("Charging groups"))
    assert nav.visualItemRect(item).width() >= metrics.horizontalAdvance("Charging groups") + 18 + 20
    window.close()


def test_the_login_dialog_is_as_tall_as_its_page(qtbot, aio, services):
    from evdesk.gui.dialogs.login_dialog import FIRST, LOGIN, LoginDialog

    dialog = LoginDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.show_page(FIRST)
    first = dialog.height()
    dialog.show_page(LOGIN)
    login = dialog.height()
    assert login < first  # the log-in page is not drawn in the first administrator's height
    # no more than a line of slack below the Log in button
    bottom = dialog.ui.loginButton.mapTo(dialog, dialog.ui.loginButton.rect().bottomLeft()).y()
    assert login - bottom < 80, (login, bottom)


def test_the_station_facts_sit_beside_the_connector_cards(qtbot, aio, services, admin):
    from tests.gui.screens import seed_site

    site = aio.run(seed_site(services))
    window = MainWindow(services, None, "", operator=admin)
    qtbot.addWidget(window)
    window.resize(1366, 800)
    window.show()
    panel = window.open_station(site["depot1"])
    qtbot.waitUntil(lambda: 1 in panel.cards)
    facts, card = panel.ui.detailsLabel, panel.cards[max(panel.cards)]
    assert facts.parentWidget() is card.parentWidget()  # in the cards' row, not a line of its own
    assert facts.geometry().left() > card.geometry().right()
    lines = facts.text().split("\n")
    assert lines[0] == "Identifier DEPOT-AC-01" and len(lines) >= 5
    # the action log's first columns fit a time with seconds, an operator's name and a command
    table = panel.ui.actionLogTable
    metrics = table.fontMetrics()
    for column, sample in ((0, "2026-11-30 04:51:01"), (1, "Anna Operator (Admin)"), (2, "Release cable (connector 2)")):
        assert table.columnWidth(column) >= metrics.horizontalAdvance(sample) + 8, column
    window.close()


def test_the_window_fits_a_1366_by_768_laptop_screen_in_every_language(qtbot, qapp, services, admin):
    """Every page is built with the window; the widest and the tallest set its minimum. A page that
    grows past a 1,366 × 768 screen (less the desktop's panel and the window's frame) fails here, in
    English, Finnish or German (the longest words)."""
    from evdesk.gui import translations as i18n

    try:
        for code in ("en", "fi", "de"):
            i18n.apply_language(qapp, code)
            window = MainWindow(services, None, "", operator=admin)
            qtbot.addWidget(window)
            window.show()
            least = window.minimumSizeHint()
            assert least.width() <= 1300 and least.height() <= 700, (code, least)
            window.close()
    finally:
        i18n.apply_language(qapp, "en")
