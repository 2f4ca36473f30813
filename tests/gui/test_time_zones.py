"""Every time on screen follows the site's zone at once and says which zone it is."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt

from evdesk.core.clock import utcnow
from evdesk.gui import display
from evdesk.gui.models import api_keys_model as km
from evdesk.gui.models import auth_log_model as am
from evdesk.gui.models import operators_model as om
from evdesk.gui.models import stations_model as sm
from tests.gui.screens import seed_site
from tests.gui.test_login_and_operators import admin_session, make_window


def clock(at: datetime, zone: str, seconds=True) -> str:
    return at.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def last_seen(at: datetime, zone: str) -> str:
    local = at.astimezone(ZoneInfo(zone))
    if local.date() == utcnow().astimezone(ZoneInfo(zone)).date():
        return local.strftime("today %H:%M:%S")
    return local.strftime("%Y-%m-%d %H:%M")


class Watch:
    """What a model announced: resets, and the columns of its dataChanged and headerDataChanged."""

    def __init__(self, model):
        self.resets, self.columns, self.headers = 0, set(), set()
        model.modelReset.connect(lambda: setattr(self, "resets", self.resets + 1))
        model.dataChanged.connect(lambda tl, br, *_: self.columns.update(range(tl.column(), br.column() + 1)))
        model.headerDataChanged.connect(lambda _o, first, last: self.headers.update(range(first, last + 1)))


def header(model, column):
    return model.headerData(column, Qt.Orientation.Horizontal)


def test_changing_the_zone_redraws_every_time_at_once(qtbot, aio, services, check_model):
    site = aio.run(seed_site(services))
    session = admin_session(aio, services)
    window = make_window(qtbot, services, session)
    depot = services.stations.get_by_id(site["depot1"])
    aio.run(services.auth.authorize(depot, 1, "04CAFE01", "Authorize"))
    aio.run(services.batch.flush())
    info, key = aio.run(window.page("api_keys").keys.create(session.ctx, "ada", "dashboard"))
    assert key

    stations = window.page("stations").model
    window.show_page("authorizations")
    auth_page = window.page("authorizations")
    auth_page.show_all_time()
    auth = auth_page.model
    window.show_page("operators")
    operators = window.page("operators").model
    window.show_page("api_keys")
    keys = window.page("api_keys").model
    aio.wait_until(lambda: auth.rowCount() >= 1 and not auth.loading and operators.rowCount() == 1 and keys.rowCount() == 1)
    for model in (stations, auth, operators, keys):
        check_model(model)

    row = stations.row_of(depot.id)
    decision = auth.rows()[0]
    me = operators.operator_at(0)
    assert me.last_login is not None
    # before: Helsinki, and the headers say so
    assert header(stations, sm.COL_LAST_SEEN) == "Last seen\n(Europe/Helsinki)"
    assert header(auth, am.COL_TIME) == "Time (Europe/Helsinki)"
    assert header(operators, om.COL_LAST_LOGIN) == "Last login (Europe/Helsinki)"
    assert header(keys, km.COL_CREATED) == "Created (Europe/Helsinki)"
    assert keys.index(0, km.COL_CREATED).data() == clock(info.created_at, "Europe/Helsinki", seconds=False)

    watches = [Watch(m) for m in (stations, auth, operators, keys)]
    settings = dataclasses.replace(services.settings, site_timezone="America/Sao_Paulo")
    aio.run(services.save_settings(settings, ctx=session.ctx))

    # at once: no restart, no reload from the store, no model reset
    seen = services.stations.get_by_id(depot.id).last_seen
    assert stations.index(row, sm.COL_LAST_SEEN).data() == last_seen(seen, "America/Sao_Paulo")
    assert auth.index(0, am.COL_TIME).data() == clock(decision.at, "America/Sao_Paulo")
    assert operators.index(0, om.COL_LAST_LOGIN).data() == clock(me.last_login, "America/Sao_Paulo", seconds=False)
    assert keys.index(0, km.COL_CREATED).data() == clock(info.created_at, "America/Sao_Paulo", seconds=False)
    assert header(stations, sm.COL_LAST_SEEN) == "Last seen\n(America/Sao_Paulo)"
    assert header(auth, am.COL_TIME) == "Time (America/Sao_Paulo)"
    assert header(operators, om.COL_LAST_LOGIN) == "Last login (America/Sao_Paulo)"
    assert header(keys, km.COL_LAST_USED) == "Last used (America/Sao_Paulo)"
    for watch, columns in zip(watches, ({sm.COL_LAST_SEEN}, {am.COL_TIME}, {om.COL_LAST_LOGIN}, set(km.TIME_COLUMNS))):
        assert watch.resets == 0
        assert columns <= watch.columns and columns <= watch.headers  # the views repaint those columns
    # one place decides the zone
    assert display.zone_of(services.settings) == ZoneInfo("America/Sao_Paulo")


def test_the_open_station_panel_and_the_login_follow_the_zone(qtbot, aio, services):
    site = aio.run(seed_site(services))
    session = admin_session(aio, services)
    window = make_window(qtbot, services, session)
    panel = window.open_station(site["depot1"])
    aio.wait_until(lambda: panel.action_log.rowCount() == 3)
    assert "Europe/Helsinki" in panel.ui.detailsLabel.text()
    started = panel.cards[1].ui.startedValue.text()
    aio.run(services.save_settings(dataclasses.replace(services.settings, site_timezone="Asia/Tokyo"), ctx=session.ctx))
    assert "Asia/Tokyo" in panel.ui.detailsLabel.text() and "Europe/Helsinki" not in panel.ui.detailsLabel.text()
    assert panel.action_log.headerData(0, Qt.Orientation.Horizontal) == "Time (Asia/Tokyo)"
    first = panel.action_log.rows()[0]
    assert panel.action_log.index(0, 0).data() == clock(first.started_at, "Asia/Tokyo")
    session_row = services.transactions.active_on(site["depot1"], 1)
    assert panel.cards[1].ui.startedValue.text() == clock(session_row.started_at, "Asia/Tokyo") + " JST" != started
    assert panel.cards[1].ui.startedValue.toolTip() == "Local time, Asia/Tokyo (JST)"
    assert "(Asia/Tokyo)" in window.login_control.label.toolTip()
