"""The Sessions page, a session's details window, and the sessions of a station and of a user."""

from __future__ import annotations

import csv
from datetime import timedelta

from PySide6.QtCore import Qt

from evdesk.core.clock import utcnow
from evdesk.core.people_types import TokenInput, UserInput
from evdesk.core.permissions import ANALYST, SYSTEM_CONTEXT, OperatorContext
from evdesk.core.reads.sessions import SessionFilter
from evdesk.gui.dialogs.session_dialog import FrameDialog, SessionDialog
from evdesk.gui.models import sessions_model as sm
from evdesk.gui.pages.sessions_page import SessionsPage
from evdesk.store import models as m
from evdesk.store.fields import uuid7

ROOT = SYSTEM_CONTEXT


def iso(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


async def seed(services, n_old: int = 0):
    """Two stations, two users, a priced tariff; three finished sessions, one running, and
    `n_old` more finished ones a few days back (for paging)."""
    sv = services
    north = await sv.groups.add(ROOT, "North")
    a = await sv.stations.create_station("CP-A", "Bay A", north.id, connectors=2, ctx=ROOT)
    b = await sv.stations.create_station("CP-B", "Bay B", connectors=1, ctx=ROOT)
    ann = await sv.people.users.create(ROOT, UserInput("Ann", "Åberg", "ann@example.org"), [TokenInput("TAG-ANN", "blue card")])
    bo = await sv.people.users.create(ROOT, UserInput("Bo", "Berg", "bo@example.org"), [TokenInput("TAG-BO")])
    tariff = await sv.tariffs.create_tariff(ROOT, "Standard", {"kind": "energy_time", "energy_price": "0.50",
                                                               "time_price": "1", "time_unit": "hour",
                                                               "connection_fee": "5"})
    group = await sv.tariffs.create_group(ROOT, "Prices", [{"tariff_id": str(tariff.id)}])
    await sv.tariffs.assign(ROOT, group.id, group_id=north.id)
    base = utcnow() - timedelta(hours=4)
    for n, (info, tag, wh) in enumerate(((a, "TAG-ANN", 5300), (b, "TAG-BO", 2000), (a, "TAG-BO", 7000))):
        t0 = base + timedelta(hours=n)
        sv.status.status_notification(info, 1, "Preparing", timestamp=iso(t0 - timedelta(seconds=20)))
        start = await sv.transactions.start(info, 1, tag, 0, iso(t0))
        sv.status.status_notification(info, 1, "Charging", timestamp=iso(t0 + timedelta(seconds=5)))
        for i in range(1, 4):
            sv.transactions.meter_values(info, 1, start.ocpp_id, [{"timestamp": iso(t0 + timedelta(minutes=4 * i)),
                                                                   "sampledValue": [{"value": str(wh * i // 4)},
                                                                                    {"value": "11000", "measurand": "Power.Active.Import", "unit": "W"}]}])
        await sv.transactions.stop(info, start.ocpp_id, wh, iso(t0 + timedelta(minutes=14, seconds=23)))
        sv.status.status_notification(info, 1, "Available", timestamp=iso(t0 + timedelta(minutes=20)))
    running = await sv.transactions.start(a, 2, "TAG-ANN", 0, iso(utcnow() - timedelta(minutes=30)))
    t_old = utcnow() - timedelta(days=40)
    if n_old:
        def old():
            m.Transaction.insert_many([{"id": uuid7(), "ocpp_id": 9000 + i, "station": b.id, "connector_id": 1,
                                        "id_tag": "OLD", "state": "completed", "energy_wh": 100 * i,
                                        "started_at": t_old - timedelta(minutes=i),
                                        "stopped_at": t_old - timedelta(minutes=i) + timedelta(minutes=5)}
                                       for i in range(n_old)]).execute()
        await sv.store.run(old)
    await sv.batch.flush()
    await sv.status.flush()
    return {"a": a, "b": b, "ann": ann, "bo": bo, "north": north, "running": running.ocpp_id}


def make_page(qtbot, services, ctx=ROOT) -> SessionsPage:
    page = SessionsPage(services, lambda: ctx)
    qtbot.addWidget(page)
    page.resize(1400, 700)
    page.show()
    return page


def test_the_page_loads_filters_pages_and_sorts(qtbot, aio, services, check_model):
    site = aio.run(seed(services, n_old=450))
    page = make_page(qtbot, services)
    model = page.model
    check_model(model)
    aio.wait_until(lambda: model.rowCount() == 4 and not model.loading)  # last 30 days: not the old ones
    assert "(Europe/Helsinki)" in model.headerData(sm.COL_START, Qt.Orientation.Horizontal)
    top = model.rows()[0]
    assert top.ocpp_id == site["running"] and model.index(0, sm.COL_END).data() == "running"
    assert model.index(0, sm.COL_STATUS).data() == "Running"
    ann_row = next(i for i, r in enumerate(model.rows()) if r.user_name == "Ann Åberg" and r.state == "completed")
    assert model.index(ann_row, sm.COL_ENERGY).data() == "5.300"
    assert model.index(ann_row, sm.COL_COST).data() == "7.89 EUR"
    assert model.index(ann_row, sm.COL_DURATION).data() == "0:14:23"
    assert model.index(ann_row, sm.COL_TOKEN).data() == "blue card"
    assert model.index(ann_row, sm.COL_STATION).data() == "Bay A"
    assert model.index(0, sm.COL_COST).data().endswith("so far")
    # all time: 454 rows, paged in 200 at a time as the view scrolls
    page.show_all_time()
    aio.wait_until(lambda: model.rowCount() == 200 and not model.loading)
    assert model.canFetchMore()
    model.fetchMore()
    aio.wait_until(lambda: model.rowCount() == 400 and not model.loading)
    model.fetchMore()
    aio.wait_until(lambda: model.rowCount() == 454 and model.exhausted)
    assert len({r.id for r in model.rows()}) == 454
    # sort by energy (the store sorts): the biggest first
    page.ui.sessionsView.sortByColumn(sm.COL_ENERGY, Qt.SortOrder.DescendingOrder)
    aio.wait_until(lambda: model.filter.sort == "energy" and model.rowCount() >= 200 and not model.loading)
    assert [r.energy_wh for r in model.rows()[:3]] == [44900, 44800, 44700]
    page.ui.sessionsView.sortByColumn(sm.COL_STATION, Qt.SortOrder.AscendingOrder)  # not sortable: nothing changes
    assert model.filter.sort == "energy"
    page.ui.sessionsView.sortByColumn(sm.COL_START, Qt.SortOrder.DescendingOrder)
    # filters
    page.select(page.ui.userCombo, site["bo"].id)
    aio.wait_until(lambda: not model.loading and model.rowCount() == 2)
    assert {r.user_name for r in model.rows()} == {"Bo Berg"}
    page.ui.userCombo.setCurrentIndex(0)
    page.select(page.ui.stationCombo, site["b"].id)
    aio.wait_until(lambda: not model.loading and model.rowCount() == 200 and model.filter.station_id is not None)
    assert {r.station_identity for r in model.rows()} == {"CP-B"}
    page.ui.stationCombo.setCurrentIndex(0)
    page.ui.statusCombo.setCurrentIndex(page.ui.statusCombo.findData("active"))
    aio.wait_until(lambda: not model.loading and model.rowCount() == 1)
    page.ui.statusCombo.setCurrentIndex(0)
    page.ui.searchEdit.setText("åberg")
    aio.wait_until(lambda: not model.loading and model.filter.text == "åberg" and model.rowCount() == 2, timeout=5)
    page.ui.searchEdit.setText("")
    page.ui.flaggedCheck.setChecked(True)
    aio.wait_until(lambda: not model.loading and model.filter.flagged and model.rowCount() == 0)


def test_running_sessions_update_live(qtbot, aio, services, check_model):
    site = aio.run(seed(services))
    page = make_page(qtbot, services)
    model = page.model
    check_model(model)
    aio.wait_until(lambda: model.rowCount() == 4 and not model.loading)
    a = site["a"]
    services.transactions.meter_values(a, 2, site["running"], [{"timestamp": iso(utcnow()),
                                                                "sampledValue": [{"value": "4321"}]}])
    aio.wait_until(lambda: model.index(0, sm.COL_ENERGY).data() == "4.321", timeout=5)
    new = aio.run(services.transactions.start(site["b"], 1, "TAG-BO", 0, iso(utcnow())))
    aio.wait_until(lambda: model.rows()[0].ocpp_id == new.ocpp_id, timeout=5)
    aio.run(services.transactions.stop(a, site["running"], 5000, iso(utcnow())))
    aio.wait_until(lambda: any(r.ocpp_id == site["running"] and r.state == "completed" and r.cost_state == "final"
                               for r in model.rows()), timeout=5)


def test_a_hidden_page_reads_nothing_for_new_sessions_and_catches_up_when_shown(qtbot, aio, services, monkeypatch):
    site = aio.run(seed(services))
    page = make_page(qtbot, services)
    model = page.model
    aio.wait_until(lambda: model.rowCount() == 4 and not model.loading)
    page.hide()
    reads = []
    real_page = services.sessions.page

    async def counted(*args, **kwargs):
        reads.append(1)
        return await real_page(*args, **kwargs)

    monkeypatch.setattr(services.sessions, "page", counted)
    new = aio.run(services.transactions.start(site["b"], 1, "TAG-BO", 0, iso(utcnow())))
    aio.run(services.transactions.stop(site["b"], new.ocpp_id, 100, iso(utcnow())))
    model.flush()
    assert reads == [] and model.rowCount() == 4  # a boot storm's Starts cost a hidden page nothing
    page.show()
    aio.wait_until(lambda: not model.loading and model.rowCount() == 5 and model.rows()[0].ocpp_id == new.ocpp_id)
    assert reads


def test_details_show_the_breakdown_the_chart_and_the_timeline(qtbot, aio, services, admin, acting_as):
    aio.run(seed(services))
    page = make_page(qtbot, services)
    model = page.model
    aio.wait_until(lambda: model.rowCount() == 4 and not model.loading)
    row = next(i for i, r in enumerate(model.rows()) if r.user_name == "Ann Åberg" and r.state == "completed")
    page.ui.sessionsView.selectRow(row)
    dialog = page.open_selected()
    assert isinstance(dialog, SessionDialog)  # deleted when closed
    aio.wait_until(lambda: dialog.loaded)
    ui = dialog.ui
    assert "Ann Åberg" in ui.whoValue.text() and "blue card" in ui.whoValue.text()
    assert "7.89 EUR" in ui.costValue.text() and "Standard" in ui.costValue.text()
    assert ui.energyValue.text().startswith("5.300 kWh")
    table = ui.breakdownTable
    lines = {table.item(i, 0).text(): (table.item(i, 1).text(), table.item(i, 2).text(), table.item(i, 3).text())
             for i in range(table.rowCount())}
    assert lines == {"Connection fee": ("1 session", "5.00 EUR/session", "5.00 EUR"),
                     "Energy": ("5.300 kWh", "0.50 EUR/kWh", "2.65 EUR"), "Time": ("0.240 h", "1.00 EUR/h", "0.24 EUR")}
    assert "Total 7.89 EUR" in ui.totalsLabel.text()
    titles = [ui.timelineTable.item(i, 1).text() for i in range(ui.timelineTable.rowCount())]
    assert titles[0] == "Vehicle connected" and "Vehicle disconnected" in titles and titles[-1] == "Price fixed"
    assert sum(t.startswith("Meter reading") for t in titles) == 3
    assert len(dialog.energy_plot.listDataItems()) == 1 and len(dialog.power_plot.listDataItems()) == 1
    assert not ui.endButton.isVisible() and ui.unlockButton.isVisible()  # finished: no End session
    # an entry opens its frame (none here: these records were not received over a websocket)
    ui.timelineTable.selectRow(0)
    frame = dialog.show_frame()
    assert isinstance(frame, FrameDialog) and frame.ui.frameView.isReadOnly()
    assert "no longer holds" in frame.ui.frameView.toPlainText()
    frame.close()
    # an analyst may not re-price or send commands
    viewer = OperatorContext(None, "ann", ANALYST)
    other = SessionDialog(services, None, lambda: viewer, dialog.session_id, acting_as(viewer))
    qtbot.addWidget(other)
    aio.wait_until(lambda: other.loaded)
    assert not other.ui.repriceButton.isVisibleTo(other) and not other.ui.unlockButton.isEnabled()
    dialog.close()
    other.close()


def test_a_running_session_can_be_ended_and_repriced_after(qtbot, aio, services, admin, acting_as):
    site = aio.run(seed(services))
    running = aio.run(services.sessions.page(ROOT, SessionFilter(state="active"))).items[0]
    host = acting_as(admin)
    dialog = SessionDialog(services, object(), lambda: admin, running.id, host)
    qtbot.addWidget(dialog)
    dialog.show()
    aio.wait_until(lambda: dialog.loaded)
    assert dialog.ui.endButton.isVisible() and dialog.ui.endButton.isEnabled()
    assert dialog.ui.costValue.text().split(" — ")[0].endswith("so far")
    command = dialog.end_session()
    assert command.editors["transaction_id"].value() == site["running"]
    command.close()
    # Release cable: not while it charges
    assert not dialog.ui.unlockButton.isEnabled() and dialog.unlock_connector() is None
    assert not dialog.ui.repriceButton.isEnabled()  # the price of a running session is fixed at stop
    aio.run(services.transactions.stop(site["a"], site["running"], 3000, iso(utcnow())))
    aio.wait_until(lambda: dialog.detail.session.state == "completed" and dialog.detail.session.cost_state == "final",
                   timeout=8)
    assert dialog.ui.unlockButton.isEnabled()  # stopped: the cable may be released
    unlock = dialog.unlock_connector()
    assert unlock.editors["connector_id"].value() == 2
    unlock.close()
    assert not dialog.ui.endButton.isVisible() and dialog.ui.repriceButton.isEnabled()
    reprice = dialog.open_reprice()
    reprice.ui.reasonEdit.setText("Goodwill: charger was slow")
    reprice.ui.tariffCombo.setCurrentIndex(0)
    reprice.reprice()
    aio.wait_until(lambda: "Re-priced:" in dialog.ui.stateLabel.text(), timeout=5)
    aio.wait_until(lambda: any(dialog.ui.timelineTable.item(i, 1).text().startswith("Re-priced with")
                               for i in range(dialog.ui.timelineTable.rowCount())), timeout=5)
    dialog.close()


def test_csv_export_from_the_page(qtbot, aio, services, tmp_path):
    aio.run(seed(services))
    page = make_page(qtbot, services)
    aio.wait_until(lambda: page.model.rowCount() == 4 and not page.model.loading)
    path = tmp_path / "out.csv"
    job = page.export_to(str(path))
    aio.wait_until(lambda: job.finished, timeout=10)
    assert job.rows == 4 and not job.cancelled and "Exported 4 sessions" in page.ui.stateLabel.text()
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert {r["user"] for r in rows} == {"Ann Åberg", "Bo Berg"}


def test_a_stations_sessions_tab_and_a_users_sessions(qtbot, aio, services, admin):
    from evdesk.gui.main_window import MainWindow

    site = aio.run(seed(services))
    window = MainWindow(services, operator=admin)
    qtbot.addWidget(window)
    window.show()
    panel = window.open_station(site["b"].id)
    panel.ui.logTabs.setCurrentIndex(panel.sessions_tab)
    aio.wait_until(lambda: panel.sessions.model.rowCount() == 1 and not panel.sessions.model.loading)
    assert panel.sessions.model.rows()[0].station_identity == "CP-B"
    panel.sessions.view.selectRow(0)
    details = panel.sessions.open_selected()
    aio.wait_until(lambda: details.loaded)
    details.close()
    window.show_page("users")
    users = window.page("users")
    aio.wait_until(lambda: users.model.rowCount() == 2)
    users.select_user(site["ann"].id)
    box = users.show_sessions()
    aio.wait_until(lambda: box.sessions.model.rowCount() == 2 and not box.sessions.model.loading)
    assert {r.user_name for r in box.sessions.model.rows()} == {"Ann Åberg"}
    box.close()
    window.show_page("sessions")
    assert window.page("sessions").isVisible()
