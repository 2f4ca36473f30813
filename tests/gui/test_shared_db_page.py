"""Settings → Shared database and the status line (issue 14), offscreen, against a real PostgreSQL:
an admin tests and saves the connection, the window says "connected", then "unreachable since …"
when the server stops; a field refused is marked next to the field. Screenshots in
/work/wt/shots/sync/ when that folder can be written."""

from __future__ import annotations

import os
from pathlib import Path

from evdesk.gui.main_window import MainWindow
from tests.pg import own_pg_cluster  # noqa: F401 - fixture

SHOTS = Path(os.environ.get("EVDESK_SHOTS", "/work/wt/shots/sync"))


def shot(widget, name: str) -> None:
    try:
        SHOTS.mkdir(parents=True, exist_ok=True)
    except OSError:
        return
    widget.grab().save(str(SHOTS / name))


def test_an_admin_connects_the_seat_and_the_window_says_how_the_shared_database_is(
        qtbot, aio, services, admin, own_pg_cluster):  # noqa: F811
    cluster = own_pg_cluster
    database = cluster.create_database()
    window = MainWindow(services, None, "", operator=admin)
    qtbot.addWidget(window)
    window.resize(1280, 860)
    window.show()
    assert not window.shared_db_label.isVisibleTo(window)  # a seat without one looks as before
    keys = [window.ui.navList.item(r).data(0x0100) for r in range(window.ui.navList.count())]
    window.ui.navList.setCurrentRow(keys.index("shared_db"))
    page = window._pages["shared_db"]
    ui = page.ui
    ui.enabledCheck.setChecked(True)
    ui.seatNameEdit.setText("bad/name")
    ui.saveButton.click()
    assert ui.seatNameError.isVisibleTo(page) and "Give this seat a name" in ui.seatNameError.text()
    ui.seatNameEdit.setText("Office")
    ui.hostEdit.setText("127.0.0.1")
    ui.portSpin.setValue(cluster.port)
    ui.databaseEdit.setText(database)
    ui.userEdit.setText(cluster.user)
    ui.tlsCombo.setCurrentIndex(ui.tlsCombo.findData("disable"))
    ui.testButton.click()
    aio.wait_until(lambda: "this seat will create the site" in ui.resultLabel.text(), 15)
    ui.saveButton.click()
    aio.wait_until(lambda: services.shared_db.status.state == "connected", 15)
    aio.wait_until(lambda: window.shared_db_label.text() == "Shared database: connected", 5)
    assert ui.statusLabel.text() == "Shared database: connected"
    shot(window, "shared-db-connected.png")
    cluster.stop()
    aio.wait_until(lambda: "unreachable since" in window.shared_db_label.text(), 15)
    assert "unreachable since" in ui.statusLabel.text()
    shot(window, "shared-db-unreachable.png")
    cluster.start()
    aio.wait_until(lambda: window.shared_db_label.text() == "Shared database: connected", 20)
