"""The remote start dialog asks which tariff applies (as the tariff groups decide, Free, or a
named tariff) and optional stop limits; a Free start over the real server and simulator gets
the Free tariff although the station's group has a priced one."""

from __future__ import annotations

from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.gui.commands import FREE
from evdesk.store import models as m
from tests.gui.test_station_panel import live_site, open_panel, send  # noqa: F401 - the fixture

PRICED = {"kind": "energy_time", "energy_price": "0.50", "time_price": "1", "time_unit": "hour"}


def test_remote_start_with_free_and_an_energy_limit(qtbot, aio, services, live_site, admin):  # noqa: F811
    central, station, info = live_site
    tariff = aio.run(services.tariffs.create_tariff(SYSTEM_CONTEXT, "Depot energy", PRICED))
    group = aio.run(services.tariffs.create_group(SYSTEM_CONTEXT, "Depot", [{"tariff_id": str(tariff.id)}]))
    aio.run(services.tariffs.assign(SYSTEM_CONTEXT, group.id, station_id=info.id))
    aio.run(services.store.run(lambda: m.Token.create(uid="TAG-OK", uid_key="TAG-OK")))
    window, panel = open_panel(qtbot, services, admin, info.id, central)
    dialog = panel.open_command("remote_start", connector_id=1)
    combo = dialog.editors["tariff_id"].widget
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels[:2] == ["As the tariff groups decide", "Free (no charge)"] and "Depot energy" in labels
    assert dialog.editors["tariff_id"].value() is None  # the default: as the tariff groups decide
    dialog.editors["id_tag"].set_value("TAG-OK")
    dialog.editors["tariff_id"].set_value(FREE)
    dialog.editors["max_kwh"].set_value("lots")
    dialog.ui.reasonEdit.setPlainText("goodwill")
    dialog.send_button.click()
    assert not dialog.busy  # not sent: the field says why
    assert "enter a number" in dialog.editors["max_kwh"].error.text()
    dialog.editors["max_kwh"].set_value("0.0001")
    assert send(aio, dialog) == "Not sent: correct the marked field."
    assert "3 decimals" in dialog.editors["max_kwh"].error.text()
    dialog.editors["max_kwh"].set_value("20")
    aio.run(station.plug_in(1))
    outcome = send(aio, dialog, "goodwill: the app failed")
    assert dialog.result.ok, outcome
    aio.wait_until(lambda: services.transactions.active_on(info.id, 1) is not None)
    t = services.transactions.active_on(info.id, 1)
    assert (t.tariff_name, t.limit_wh) == ("Free", 20_000)
