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
