"""Every item model passes qtmodeltester; live changes arrive as row inserts/changes, not resets."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QModelIndex

from evdesk.core.actions import Actor
from evdesk.core.permissions import SYSTEM_CONTEXT
from evdesk.gui.models.action_log_model import ActionLogModel
from evdesk.gui.models.base import Roles
from evdesk.gui.models.comm_log_model import CommLogFilterProxy, CommLogModel
from evdesk.gui.models.event_feed_model import EventFeedFilterProxy, EventFeedModel
from evdesk.gui.models.network_log_model import NetworkLogModel
from evdesk.gui.models.stations_model import COL_CONNECTOR_STATUS, StationFilterProxy, StationsModel
from tests.gui.screens import seed_site


class ResetSpy:
    """Counts resets and inserts of a model."""

    def __init__(self, model):
        self.resets = 0
        self.inserted = 0
        self.removed = 0
        model.modelReset.connect(self._reset)
        model.rowsInserted.connect(self._inserted)
        model.rowsRemoved.connect(self._removed)

    def _reset(self):
        self.resets += 1

    def _inserted(self, parent, first, last):
        self.inserted += last - first + 1

    def _removed(self, parent, first, last):
        self.removed += last - first + 1


@pytest.fixture
def site(aio, services):
    return aio.run(seed_site(services))


def test_stations_model_passes_modeltester_and_updates_live(check_model, aio, services, site):
    model = StationsModel(services)
    aio.wait_until(lambda: model.data(model.index(0, 2)) not in ("…", None))
    check_model(model)
    proxy = StationFilterProxy()
    proxy.setSourceModel(model)
    check_model(proxy)
    assert model.rowCount() == 5
    spy = ResetSpy(model)
    changed = []
    model.dataChanged.connect(lambda tl, br, roles: changed.append(tl.row()))

    aio.run(services.stations.create_station("NEW-ONE", "New one", connectors=1, ctx=SYSTEM_CONTEXT))
    assert model.rowCount() == 6 and spy.inserted == 1

    depot2 = services.stations.get_by_id(site["depot2"])
    services.status.status_notification(depot2, 1, "Available")
    row = model.row_of(site["depot2"])
    assert row not in changed  # bursts are coalesced...
    aio.pump(0.3)
    assert row in changed  # ...into one change a moment later
    assert model.data(model.index(row, COL_CONNECTOR_STATUS)) == "1: Available · 2: Unavailable"

    aio.run(services.stations.delete_station(site["depot2"], ctx=SYSTEM_CONTEXT))
    assert model.rowCount() == 5 and spy.removed == 1
    assert spy.resets == 0
    check_model(model)


def test_station_proxy_filters_search_connection_and_registration(aio, services, site):
    model = StationsModel(services)
    proxy = StationFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_search("depot")
    assert proxy.rowCount() == 2
    proxy.set_search("")
    proxy.set_registration("pending")
    assert [proxy.index(r, 0).data(Roles.RowId) for r in range(proxy.rowCount())] == [site["pending"]]
    proxy.set_registration(None)
    proxy.set_connection_state("offline")
    assert proxy.rowCount() == 2  # the visitor charger (disconnected) and the workshop one (never connected)


def test_event_feed_model_pages_filters_and_appends_live(check_model, aio, services, site):
    model = EventFeedModel(services, site["depot1"], lambda: SYSTEM_CONTEXT)
    aio.wait_until(lambda: model.exhausted)
    assert model.rowCount() == 4
    check_model(model)
    proxy = EventFeedFilterProxy()
    proxy.setSourceModel(model)
    check_model(proxy)
    proxy.set_status("Charging")
    assert proxy.rowCount() == 1
    spy = ResetSpy(model)
    depot1 = services.stations.get_by_id(site["depot1"])
    services.status.status_notification(depot1, 2, "Preparing")
    assert model.rowCount() == 5 and spy.inserted == 1 and spy.resets == 0
    assert model.index(0, 2).data() == "Preparing"
    # another day: nothing, and yesterday's live events do not leak in
    model.set_day(model.day - timedelta(days=1))
    aio.wait_until(lambda: model.exhausted)
    assert model.rowCount() == 0
    services.status.status_notification(depot1, 2, "Available")
    assert model.rowCount() == 0


def test_comm_log_model_fetches_more_in_pages(check_model, aio, services, site):
    for i in range(45):
        services.commlog.frame("DEPOT-AC-01", "in", f'[2,"h{i}","Heartbeat",{{}}]', 2, f"h{i}", "Heartbeat")
    aio.run(services.batch.flush())
    model = CommLogModel(services, site["depot1"], "DEPOT-AC-01", lambda: SYSTEM_CONTEXT)
    model.page_size = 20
    model.reload()
    aio.wait_until(lambda: not model.loading)
    assert model.rowCount() == 20 and model.canFetchMore(QModelIndex())
    spy = ResetSpy(model)
    model.fetchMore(QModelIndex())
    aio.wait_until(lambda: not model.loading)
    model.fetchMore(QModelIndex())
    aio.wait_until(lambda: not model.loading)
    assert model.rowCount() == 51 and not model.canFetchMore(QModelIndex())
    assert spy.resets == 0 and spy.inserted == 31
    times = [r.at for r in model.rows()]
    assert times == sorted(times, reverse=True)
    check_model(model)
    services.commlog.frame("DEPOT-AC-01", "out", '[2,"x","Reset",{"type":"Hard"}]', 2, "x", "Reset")
    services.commlog.frame("OTHER", "out", '[2,"y","Reset",{"type":"Hard"}]', 2, "y", "Reset")
    assert model.rowCount() == 52 and model.index(0, 3).data() == "Reset"
    assert model.index(0, 1).data() == "→ to station"
    proxy = CommLogFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_text("hard")
    assert proxy.rowCount() == 1
    check_model(proxy)


def test_action_log_model_updates_outcome_in_place(check_model, aio, services, site):
    model = ActionLogModel(services, site["depot1"], lambda: SYSTEM_CONTEXT)
    aio.wait_until(lambda: model.exhausted)
    assert model.rowCount() == 3
    check_model(model)
    spy = ResetSpy(model)
    action_id = aio.run(services.actions.begin(site["depot1"], Actor("Test"), "ClearCache", "why not", {}))
    aio.wait_until(lambda: model.rowCount() == 4)
    assert model.index(0, 4).data() == "Waiting for the station"
    aio.run(services.actions.finish(action_id, "rejected", {"status": "Occupied"}))
    aio.wait_until(lambda: model.index(0, 4).data() == "Rejected by the station: Occupied")
    assert model.rowCount() == 4 and spy.resets == 0 and spy.inserted == 1


def test_network_log_model_picks_up_connection_changes(check_model, aio, services, site):
    model = NetworkLogModel(services, site["depot1"], lambda: SYSTEM_CONTEXT)
    aio.wait_until(lambda: model.exhausted)
    before = model.rowCount()
    assert before >= 2  # came online, booted
    check_model(model)
    spy = ResetSpy(model)
    services.status.disconnected(services.stations.get_by_id(site["depot1"]), "connection closed")
    aio.wait_until(lambda: model.rowCount() == before + 1)
    assert model.index(0, 2).data() == "Temporarily unavailable"
    assert spy.resets == 0
