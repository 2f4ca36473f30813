"""A 2.0.1 station in the station panel: its device model in the Configuration tab (read with the
real "Refresh configuration" command = GetBaseReport, against the 2.0.1 simulator), and a
session's TransactionEvents in the session's timeline.

With OCPP201_SHOTS=<folder> the test also saves screenshots of both there.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.core.reads.sessions import SessionFilter
from evdesk.csms.server import CentralSystem
from evdesk.gui.dialogs.session_dialog import SessionDialog
from evdesk.gui.pages.station_panel import TAB_CONFIG
from evdesk.gui.widgets import device_model_view as dmv
from evdesk.simulator.v201 import SimulatedStation201
from evdesk.store import models as m
from tests.gui.test_station_panel import open_panel, send


@pytest.fixture
def site201(aio, services):
    central = CentralSystem(services, port=0)
    aio.run(central.start())
    aio.run(services.stations.create_station("WALLBOX-201", "Yard wallbox (OCPP 2.0.1)", connectors=2,
                                             ctx=SYSTEM_CONTEXT))
    aio.run(services.store.run(lambda: m.Token.create(uid="04E1A2B3C4", uid_key="04E1A2B3C4")))
    station = SimulatedStation201(central.url, "WALLBOX-201", evses=2, vendor="Acme", model="Volt 22")
    aio.run(station.start())
    aio.wait_until(lambda: services.stations.get("WALLBOX-201").connection_state == "online")
    yield central, station, services.stations.get("WALLBOX-201")
    aio.run(station.stop())
    aio.run(central.stop())


def shoot(widget, name: str) -> None:
    folder = os.environ.get("OCPP201_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / name))


def cells(view, column):
    return [view.model().index(r, column).data() for r in range(view.model().rowCount())]


def test_a_201_station_shows_its_device_model_and_its_transaction_events(qtbot, aio, services, site201, admin):
    central, station, info = site201
    assert info.ocpp_version == "2.0.1"
    window, panel = open_panel(qtbot, services, admin, info.id, central)
    assert [panel.cards[n].ui.titleLabel.text() for n in (1, 2)] == ["EVSE 1", "EVSE 2"]
    view = panel.device_model_view
    assert view is not None and not panel.ui.configTable.isVisibleTo(panel)
    panel.ui.logTabs.setCurrentIndex(TAB_CONFIG)
    aio.wait_until(lambda: panel.config.read_once)
    dialog = panel.refresh_configuration()
    send(aio, dialog, "read the device model")
    assert dialog.result.ok, dialog.result
    aio.wait_until(lambda: view.model().rowCount() == len(station.device_model), timeout=10)
    rows = {(c, e, v): (a, val, s) for c, e, v, a, val, s in zip(
        *(cells(view, col) for col in (dmv.COL_COMPONENT, dmv.COL_EVSE, dmv.COL_VARIABLE, dmv.COL_ATTRIBUTE,
                                       dmv.COL_VALUE, dmv.COL_SETTABLE)))}
    assert rows[("OCPPCommCtrlr", "station", "HeartbeatInterval")] == ("Actual", "300", "Yes")
    assert rows[("EVSE", "EVSE 2", "Power")] == ("MaxSet", "22000", "No")
    assert rows[("Connector", "EVSE 1, connector 1", "ConnectorType")] == ("Actual", "cType2", "No")
    assert rows[("SecurityCtrlr", "station", "BasicAuthPassword")][1] == "(write-only)"
    assert rows[("ChargingStation", "station", "Model")][1] == "Volt 22"
    panel.ui.configSearchEdit.setText("sampleddata")
    assert set(cells(view, dmv.COL_COMPONENT)) == {"SampledDataCtrlr"}
    panel.ui.configSearchEdit.clear()
    window.resize(1400, 820)
    shoot(window, "station-panel-device-model.png")

    # a session: started, charged, the Ended sent late (offline)
    aio.run(station.start_transaction(1, "04E1A2B3C4", meter_wh=12000))
    aio.run(station.charge(1, 3400))
    aio.run(station.charge(1, 2900))
    aio.run(station.go_offline())
    aio.run(station.end_transaction(1, "EVDisconnected", "EVCommunicationLost"))
    aio.run(station.go_online())
    aio.run(services.batch.flush())
    session = aio.run(services.sessions.page(admin, SessionFilter(station_id=info.id))).items[0]
    details = SessionDialog(services, central, lambda: admin, session.id, panel)
    qtbot.addWidget(details)
    details.resize(1250, 760)
    details.show()
    aio.wait_until(lambda: details.loaded)
    table = details.ui.timelineTable
    titles = [table.item(r, 1).text() for r in range(table.rowCount())]
    assert [t for t in titles if t.startswith("TransactionEvent")] == [
        "TransactionEvent Started (seqNo 0)", "TransactionEvent Updated (seqNo 1)", "TransactionEvent Updated (seqNo 2)",
        "TransactionEvent Ended (seqNo 3)"]
    shoot(details, "session-transaction-events.png")
    details.close()
    assert station.invalid_calls == []  # evdesk's requests were valid by the 2.0.1 schemas
