"""'Ready by…' on a running session's connector card: an operator's "needs energy by" for the
session, stored for load management (the next such time of day, site zone); empty gives the
session back its driver's daily time; a bad time is refused in words."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtWidgets import QInputDialog, QMessageBox

from evdesk.core.load.priorities import departure_epoch
from evdesk.core.people_types import TokenInput, UserInput
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.gui.asyncutil import running_tasks
from evdesk.store import models as m
from tests.gui.test_station_panel import live_site, open_panel  # noqa: F401 - live_site is a fixture


def stored_departure(aio, services, session_id):
    aio.wait_until(lambda: running_tasks() == 0, message="the save did not finish")
    return aio.run(services.store.read(lambda: m.Transaction.get_by_id(session_id).departure_at))


def test_ready_by_sets_and_clears_a_running_sessions_departure(qtbot, aio, services, live_site, admin):  # noqa: F811
    central, station, info = live_site
    window, panel = open_panel(qtbot, services, admin, info.id, central)
    aio.wait_until(lambda: 1 in panel.cards)
    card = panel.cards[1]
    assert not card.ui.departureButton.isEnabled()  # no session: nothing to be ready by
    aio.run(services.people.users.create(SYSTEM_CONTEXT, UserInput(first_name="Van 7", departure_time="06:00"),
                                         [TokenInput("FLEET07")]))
    aio.run(station.plug_in(1))
    assert aio.run(station.present_token(1, "FLEET07"))
    aio.wait_until(lambda: card.session is not None, timeout=15)
    session = card.session
    assert card.ui.departureButton.isEnabled()

    def ask(text):
        card.ui.departureButton.click()
        dialog = panel.findChildren(QInputDialog)[-1]
        dialog.setTextValue(text)
        dialog.accept()
    before = datetime.now(timezone.utc)
    ask("7:30")
    expected = departure_epoch(before, None, "07:30", services.settings.site_timezone)
    assert abs(stored_departure(aio, services, session.id).timestamp() - expected) < 120
    ask("")
    assert stored_departure(aio, services, session.id) is None
    ask("half past seven")
    aio.wait_until(lambda: any(b.objectName() == "departureRefused" and b.isVisible()
                               for b in panel.findChildren(QMessageBox)), message="no refusal shown")
    refusal = next(b for b in panel.findChildren(QMessageBox) if b.objectName() == "departureRefused")
    assert refusal.text() == "Give the departure time as hours and minutes, e.g. 06:30."
