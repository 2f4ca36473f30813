"""What a station sends (boot details, status info, id tags) is shown as text, never as markup."""

from __future__ import annotations

from PySide6.QtCore import Qt

from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.core.stations import BootDecision
from tests.gui.test_station_panel import open_panel

MARKUP = "<b>Pay</b> <a href='x'>here</a>"


def test_station_texts_are_not_rendered_as_markup(qtbot, aio, services, admin):
    st = services.stations
    info = aio.run(st.create_station("HOSTILE-1", connectors=1, ctx=SYSTEM_CONTEXT))
    services.status.connected(info)
    aio.run(st.record_boot(info, {"charge_point_vendor": MARKUP, "charge_point_model": "<i>m</i>",
                                  "firmware_version": "<u>1</u>"}, BootDecision("Accepted", 300)))
    services.status.status_notification(info, 1, "Faulted", "OtherError", MARKUP)
    window, panel = open_panel(qtbot, services, admin, info.id)
    details = panel.ui.detailsLabel
    assert details.textFormat() == Qt.TextFormat.PlainText and MARKUP in details.text()
    card = panel.cards[1]
    aio.wait_until(lambda: MARKUP in card.ui.errorLabel.text())
    assert card.ui.errorLabel.textFormat() == Qt.TextFormat.PlainText
