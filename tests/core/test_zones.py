"""One clock for the site: the site's zone when set, else this computer's, for the screens and
for the rules alike (a tariff's night hours, a token's valid days, a circuit's schedule)."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from evdesk.core import zones
from evdesk.core.authorization import zone_for


@pytest.fixture
def helsinki_computer(monkeypatch):
    zones.site_zone.cache_clear()
    monkeypatch.setattr(zones, "computer_zone", lambda: ZoneInfo("Europe/Helsinki"))
    yield
    zones.site_zone.cache_clear()


def test_the_rules_use_the_computers_zone_when_the_site_has_none(helsinki_computer):
    # before: pricing, access and invoices counted hours in UTC while every screen showed Helsinki time
    assert zone_for(None) == zone_for("") == zones.site_zone("") == ZoneInfo("Europe/Helsinki")
    assert zone_for("Nowhere/Atlantis") == ZoneInfo("Europe/Helsinki")  # a name that is no zone
    assert zone_for("America/New_York") == ZoneInfo("America/New_York")
    assert zones.computer_zone_name() == "Europe/Helsinki"


def test_a_circuits_schedule_runs_on_the_same_clock(helsinki_computer):
    from evdesk.csms.load_control import LoadControl

    control = LoadControl.__new__(LoadControl)
    control.services = type("S", (), {"settings": type("Settings", (), {"site_timezone": ""})()})()
    # 20:30 UTC is 22:30 in Helsinki in winter: the night schedule's minute, not the day's
    assert control.minute_of_day(datetime(2026, 1, 15, 20, 30, tzinfo=timezone.utc)) == 22 * 60 + 30


def test_a_computer_zone_known_only_by_offset_is_stored_as_utc(monkeypatch):
    monkeypatch.setattr(zones, "computer_zone", lambda: timezone.utc)
    assert zones.computer_zone_name() == "UTC"
