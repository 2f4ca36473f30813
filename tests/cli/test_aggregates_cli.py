"""`evdesk aggregates rebuild` makes the hourly aggregates again from the raw rows."""

from __future__ import annotations

from datetime import datetime, timezone

from evdesk.store import models as m
from evdesk.store import write as w
from tests.cli.conftest import evdesk, on_site

START = datetime(2026, 5, 4, 22, 40, tzinfo=timezone.utc)
STOP = datetime(2026, 5, 5, 0, 10, tzinfo=timezone.utc)


async def _a_session_then_lost_aggregates(services):
    def write():
        station = w.versioned_insert(m.Station, identity="CLI-1")
        w.versioned_insert(m.Transaction, ocpp_id=1, station=station.id, connector_id=1, state="completed",
                           started_at=START, stopped_at=STOP, meter_start_wh=0, meter_stop_wh=9000, energy_wh=9000,
                           cost_total_minor=450, currency="EUR")
        kept = list(m.ConnectorHour.select(m.ConnectorHour.hour, m.ConnectorHour.energy_wh).order_by(m.ConnectorHour.hour).tuples())
        for model in m.AGGREGATE_MODELS:
            model.delete().execute()
        return kept
    return await services.store.run(write)


async def _hours(services):
    return await services.store.run(lambda: (
        list(m.ConnectorHour.select(m.ConnectorHour.hour, m.ConnectorHour.energy_wh).order_by(m.ConnectorHour.hour).tuples()),
        m.ConnectorDayRevenue.select(m.ConnectorDayRevenue.revenue_minor).scalar()))


def test_rebuild_brings_back_what_the_write_path_kept(site_dir):
    assert evdesk("settings", "get", "currency", folder=site_dir).returncode == 0  # makes the site
    kept = on_site(site_dir, _a_session_then_lost_aggregates)
    assert [wh for _h, wh in kept] == [2000, 6000, 1000]  # 20 + 60 + 10 minutes of an even 90
    assert on_site(site_dir, _hours) == ([], None)
    done = evdesk("aggregates", "rebuild", folder=site_dir)
    assert done.returncode == 0, done.stderr
    assert "Rebuilt the aggregates of 1 sessions" in done.stdout
    hours, revenue = on_site(site_dir, _hours)
    assert hours == kept and revenue == 450


def test_rebuild_without_a_subcommand_is_a_usage_error(site_dir):
    assert evdesk("aggregates", folder=site_dir).returncode == 2
