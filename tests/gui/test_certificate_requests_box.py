"""Settings → Certificates: the stations' certificate requests, approved and refused from the page, with a real
OCPP server and 2.0.1 simulator over websockets; and a screenshot of the page with a request waiting."""

from __future__ import annotations

import os

from evdesk.core import cert_pki as pki
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.gui.main_window import MainWindow
from evdesk.simulator.v201 import SimulatedStation201

SHOTS = "/work/wt/shots/sec-ext"


def test_approve_and_refuse_from_the_certificates_page(qtbot, aio, services, admin):
    from evdesk.csms.server import CentralSystem

    aio.run(services.certificates.generate(SYSTEM_CONTEXT))
    central = CentralSystem(services, port=0)
    aio.run(central.start())
    aio.run(services.stations.create_station("GUI-CSR", connectors=1, ctx=SYSTEM_CONTEXT))
    station = SimulatedStation201(central.url, "GUI-CSR", evses=1)
    aio.run(station.start())
    try:
        window = MainWindow(services, central, central.address, operator=admin)
        qtbot.addWidget(window)
        window.resize(1280, 1000)
        window.show()
        window.show_page("certificates")
        box = window.page("certificates").requests
        assert box.table.rowCount() == 0 and not box.approve_button.isEnabled()
        assert aio.run(station.request_certificate(common_name="asked-name"))["status"] == "Accepted"
        aio.wait_until(lambda: box.table.rowCount() == 1)  # the list follows the request as it arrives
        assert box.table.item(0, 0).text() == "GUI-CSR" and "asked-name" in box.table.item(0, 3).text()
        box.table.selectRow(0)
        assert box.approve_button.isEnabled()
        if os.path.isdir(os.path.dirname(SHOTS)):
            os.makedirs(SHOTS, exist_ok=True)
            window.grab().save(f"{SHOTS}/certificate-requests.png")
        box.approve_button.click()
        aio.wait_until(lambda: station.certificate_chain is not None and "GUI-CSR" in box.outcome.text())
        ca = pki.load_certificates((services.certificates.folder / "ca.pem").read_bytes())[0]
        assert pki.signed_by(pki.load_certificates(station.certificate_chain.encode())[0], ca)
        assert box.table.rowCount() == 0
        # a second request, refused; and the automatic-signing setting saved from the page
        aio.run(station.request_certificate())
        aio.wait_until(lambda: box.table.rowCount() == 1)
        box.table.selectRow(0)
        box.refuse_button.click()
        assert box.table.rowCount() == 0 and "refused" in box.outcome.text()
        box.auto_check.setChecked(True)
        aio.wait_until(lambda: services.settings.sign_station_certificates_automatically)
    finally:
        aio.run(station.stop())
        aio.run(central.stop())
