"""Settings → Shared database and the status line (issue 14), offscreen, against a real PostgreSQL:
an admin tests and saves the connection, the window says "connected", then "unreachable since …"
when the server stops; a field refused is marked next to the field. Screenshots in
/work/wt/shots/sync/ when that folder can be written."""

from __future__ import annotations

import os
from pathlib import Path

from evdesk.gui.main_window import MainWindow
from tests.pg import own_pg_cluster, pg_cluster  # noqa: F401 - fixtures

SHOTS = Path(os.environ.get("EVDESK_SHOTS", "/work/wt/shots/sync"))


def close(window, aio) -> None:
    """Delete the window now, on this thread, while its services still run (nothing of it is left for a
    later test's event processing or a collection on another thread)."""
    window.close()
    window.deleteLater()
    aio.pump(0.05)
    import gc

    gc.collect()


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
    window = MainWindow(services, None, "", operator=admin)  # deleted by `close` below, not by qtbot
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
    close(window, aio)


def test_a_conflict_found_by_the_sync_is_listed_with_the_values_that_lost(
        qtbot, aio, services, admin, tmp_path, pg_cluster):  # noqa: F811
    from evdesk.core.permissions import SYSTEM_CONTEXT
    from evdesk.core.services import Services
    from evdesk.store.database import Store

    database = pg_cluster.create_database()
    aio.run(services.shared_db.save(pg_cluster.settings(database, "Office"), ctx=SYSTEM_CONTEXT))
    other_store = Store.sqlite(tmp_path / "workshop.db")
    other_store.open()
    other = Services(other_store, services.settings.__class__(post_boot_quiet_seconds=0.0))
    aio.run(other.start(load_settings=False))
    try:
        aio.run(other.shared_db.save(pg_cluster.settings(database, "Workshop"), ctx=SYSTEM_CONTEXT))
        aio.wait_until(lambda: services.shared_db.status.state == other.shared_db.status.state == "connected", 15)
        info = aio.run(services.stations.create_station("BAY-7", name="Bay 7", ctx=SYSTEM_CONTEXT))
        aio.wait_until(lambda: other.stations.get("BAY-7") is not None, 10)
        window = MainWindow(services, None, "", operator=admin)  # deleted by `close` below
        window.resize(1280, 860)
        window.show()
        # both seats rename the station while they cannot see each other
        aio.run(services.shared_db.stop())
        aio.run(other.shared_db.stop())
        aio.run(services.stations.update_station(info.id, 1, ctx=SYSTEM_CONTEXT, name="Bay 7 (office)"))
        aio.run(other.stations.update_station(info.id, 1, ctx=SYSTEM_CONTEXT, name="Bay 7 (workshop)"))
        aio.run(services.shared_db.start())
        aio.run(other.shared_db.start())
        keys = [window.ui.navList.item(r).data(0x0100) for r in range(window.ui.navList.count())]
        window.ui.navList.setCurrentRow(keys.index("shared_db"))
        table = window._pages["shared_db"].ui.conflictsTable
        aio.wait_until(lambda: table.rowCount() == 1, 20)
        lost = table.item(0, 4).text()
        assert lost in ("name: Bay 7 (office)", "name: Bay 7 (workshop)")  # only what differs, no secrets
        assert table.item(0, 1).text() == "station BAY-7" and "version 2" in table.item(0, 2).text()
        assert {table.item(0, 2).text().split(" ")[0], table.item(0, 3).text().split(" ")[0]} == {"Office", "Workshop"}
        shot(window, "shared-db-conflict.png")
        close(window, aio)
    finally:
        aio.run(other.stop())
        other_store.close()
