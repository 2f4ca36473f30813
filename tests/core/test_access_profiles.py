"""Access-control profiles (evdesk/core/access_profiles.py) applied by the one authorization
decision, the tariff resolution and the local lists, through the real services and store."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import datetime, time, timezone
from zoneinfo import ZoneInfo

import pytest

from evdesk.core import events as ev
from evdesk.core.access_profiles import always_open, window_from_dict
from evdesk.core.errors import AccessDenied, StaleEdit, ValidationError
from evdesk.core.people_types import TokenInput, UserInput
from evdesk.core.permissions import (
    ACCESS_DENIED,
    ADMIN,
    ANALYST,
    BASIC,
    OPERATOR_ACCESS_FORBIDDEN,
    SYSTEM_CONTEXT,
    OperatorContext,
)
from evdesk.core.pricing.selection import TimeWindow, Who
from evdesk.store import models as m
from evdesk.store.repos import access_profiles as repo

ROOT = SYSTEM_CONTEXT
HEL = ZoneInfo("Europe/Helsinki")
WEEKDAYS = [0, 1, 2, 3, 4]
PRICED = {"kind": "energy_time", "energy_price": "0.50", "time_price": "1", "time_unit": "hour"}


def at(y, mo, d, h, mi=0, zone=HEL) -> datetime:
    """A local time in the station's zone, as the UTC instant the decision gets."""
    return datetime(y, mo, d, h, mi, tzinfo=zone).astimezone(timezone.utc)


class Site:
    pass


@pytest.fixture
async def site(services):
    """Depot (Helsinki time) with a private and a public station; Nina is on the night shift
    (a member through her user group), Dan is not in any profile."""
    s = Site()
    s.sv = services
    s.depot = (await services.groups.add(ROOT, "Depot")).id
    s.public = await services.stations.create_station("CP-PUB", group_id=s.depot, connectors=1, ctx=ROOT)
    s.public = await services.stations.update_station(s.public.id, s.public.version, timezone="Europe/Helsinki",
                                                      ctx=ROOT)
    s.private = await services.stations.create_station("CP-PRIV", group_id=s.depot, connectors=1, ctx=ROOT)
    s.private = await services.stations.update_station(s.private.id, s.private.version, access_mode="private",
                                                       timezone="Europe/Helsinki", ctx=ROOT)
    s.shift = await services.people.groups.create(ROOT, "Night crew")
    s.nina = await services.people.users.create(ROOT, UserInput("Nina", "Night", "nina@example.org",
                                                                user_group_id=s.shift.id), [TokenInput("TAG-NINA")])
    s.dan = await services.people.users.create(ROOT, UserInput("Dan", "Day", "dan@example.org"), [TokenInput("TAG-DAN")])
    s.night = await services.access_profiles.create(
        ROOT, "Night shift", [{"days": WEEKDAYS, "start": "22:00", "end": "06:00"}],
        user_group_ids=[s.shift.id], group_ids=[s.depot])
    return s


def decide(s, info, tag, when):
    return s.sv.auth.evaluate(info, 1, tag, now=when)


# -- windows ------------------------------------------------------------------------------------------------
def test_end_is_exclusive_and_23_59_means_the_end_of_the_day():
    staff = window_from_dict({"days": WEEKDAYS, "start": "06:00", "end": "20:00"}, 1)
    tuesday = datetime(2026, 6, 2)
    assert staff.admits(tuesday.replace(hour=7)) and not staff.admits(tuesday.replace(hour=20))
    assert not staff.admits(datetime(2026, 6, 6, 7))  # Saturday
    whole = window_from_dict({"days": list(range(7)), "start": "00:00", "end": "23:59"}, 1)
    assert whole.admits(datetime(2026, 6, 2, 23, 59, 30)) and always_open([whole])
    assert not always_open([staff])
    # two windows that meet at midnight every day cover the week
    assert always_open([TimeWindow(frozenset(range(7)), time(6), time(22)),
                        TimeWindow(frozenset(range(7)), time(22), time(6))])
    for bad in ({"days": [], "start": "06:00", "end": "07:00"}, {"days": [7], "start": "06:00", "end": "07:00"},
                {"days": [1], "start": "6", "end": "07:00"}, {"days": [1], "start": "24:00", "end": "07:00"},
                {"days": [True], "start": "06:00", "end": "07:00"}, "Mon 6-7",
                {"days": [1], "start": "٠٦:٠٠", "end": "07:00"}, {"days": [1], "start": 600, "end": "07:00"}):
        with pytest.raises(ValidationError) as err:
            window_from_dict(bad, 1)
        assert err.value.field == "windows"


async def test_a_window_crossing_midnight_in_the_stations_zone(site):
    # Friday 22:00 Helsinki (19:00 UTC in summer) to Saturday 06:00 belongs to Friday's window
    for when, status in ((at(2026, 6, 5, 21, 59), "Invalid"), (at(2026, 6, 5, 22, 0), "Accepted"),
                         (at(2026, 6, 6, 5, 59), "Accepted"), (at(2026, 6, 6, 6, 0), "Invalid"),
                         (at(2026, 6, 6, 23, 0), "Invalid"),  # Saturday night is not in the profile
                         (at(2026, 6, 8, 3, 0), "Invalid"),  # Monday 03:00 is Sunday's night
                         (at(2026, 6, 8, 23, 30), "Accepted")):
        assert decide(site, site.public, "TAG-NINA", when).status == status, when.astimezone(HEL)
    # 19:30 UTC is 22:30 in Helsinki: admitted, though it is not yet 22:00 in UTC
    assert decide(site, site.public, "TAG-NINA", datetime(2026, 6, 5, 19, 30, tzinfo=timezone.utc)).accepted


async def test_outside_the_window_is_invalid_with_the_reason_logged(site, services):
    d = decide(site, site.public, "TAG-NINA", at(2026, 6, 2, 12))
    assert (d.status, d.reason) == ("Invalid", "Outside the access profile 'Night shift' hours")
    assert decide(site, site.public, "TAG-DAN", at(2026, 6, 2, 12)).accepted  # not a member: as before
    # the authorizations log keeps the reason (now is Tuesday noon or any time outside the window)
    local = datetime.now(HEL)  # a window that opens in three hours: now is outside it, whenever the test runs
    away = {"days": list(range(7)), "start": f"{(local.hour + 3) % 24:02d}:00", "end": f"{(local.hour + 4) % 24:02d}:00"}
    services.access_profiles.set_profiles(
        dataclasses.replace(p, windows=(window_from_dict(away, 1),)) for p in services.access_profiles.list())
    decision = await services.auth.authorize(site.public, 1, "TAG-NINA", "Authorize")
    assert decision.status == "Invalid"
    await services.batch.flush()
    A = m.AuthorizationAttempt
    row = await services.store.read(lambda: A.select().order_by(A.at.desc()).first())
    assert (row.result, row.reason) == ("Invalid", "Outside the access profile 'Night shift' hours")


async def test_accepted_inside_expires_when_the_window_closes(site):
    d = decide(site, site.public, "TAG-NINA", at(2026, 6, 2, 23))
    assert d.accepted and d.time_limited and "Night shift" in d.reason
    assert d.expiry == at(2026, 6, 3, 6)


async def test_any_admitting_profile_suffices_and_profiles_grant_private_stations(site, services):
    assert decide(site, site.private, "TAG-DAN", at(2026, 6, 2, 23)).reason == "no access right to this station"
    assert decide(site, site.private, "TAG-NINA", at(2026, 6, 2, 23)).accepted  # the profile admits her there
    assert decide(site, site.private, "TAG-NINA", at(2026, 6, 2, 12)).status == "Invalid"
    token = services.auth.index.tokens_by_key["TAG-NINA"].id
    await services.access_profiles.create(ROOT, "Lunch", [{"days": WEEKDAYS, "start": "11:00", "end": "13:00"}],
                                          token_ids=[token], station_ids=[site.public.id])
    assert decide(site, site.public, "TAG-NINA", at(2026, 6, 2, 12)).accepted  # Lunch admits her at CP-PUB
    d = decide(site, site.public, "TAG-NINA", at(2026, 6, 2, 15))
    assert d.reason == "Outside the hours of the access profiles 'Lunch', 'Night shift'"
    assert decide(site, site.private, "TAG-NINA", at(2026, 6, 2, 12)).status == "Invalid"  # Lunch does not cover it


async def test_free_stations_and_blocked_tokens_are_decided_as_before(site, services):
    free = await services.stations.update_station(site.public.id, site.public.version, access_mode="free", ctx=ROOT)
    assert decide(site, free, "TAG-NINA", at(2026, 6, 2, 12)).accepted
    nina = services.auth.index.tokens_by_key["TAG-NINA"]
    nina.status = "blocked"
    assert decide(site, site.private, "TAG-NINA", at(2026, 6, 2, 23)).status == "Blocked"


async def test_the_profiles_tariff_applies_first(site, services):
    standard = await services.tariffs.create_tariff(ROOT, "Standard", PRICED)
    night_rate = await services.tariffs.create_tariff(ROOT, "Night rate", {"kind": "flat", "session_price": "3"})
    group = await services.tariffs.create_group(ROOT, "Depot prices", [{"tariff_id": str(standard.id)}])
    await services.tariffs.assign(ROOT, group.id, group_id=site.depot)
    always = await services.access_profiles.create(
        ROOT, "Fleet", [{"days": list(range(7)), "start": "00:00", "end": "00:00"}],
        user_group_ids=[site.shift.id], station_ids=[site.public.id], tariff_id=night_rate.id)
    start = await services.transactions.start(site.public, 1, "TAG-NINA", 0, None)
    assert start.decision.accepted and not start.decision.time_limited
    t = services.transactions.active[start.ocpp_id]
    assert t.tariff_name == "Night rate"
    dan = await services.transactions.start(site.private, 1, "TAG-DAN", 0, None)
    assert services.transactions.active[dan.ocpp_id].tariff_name == "Standard"  # not a member: the group decides
    with pytest.raises(ValidationError) as err:  # a tariff a profile gives is not deleted under it
        await services.tariffs.delete_tariff(ROOT, night_rate.id, night_rate.version)
    assert "access profile(s) Fleet" in str(err.value)
    # without a tariff on the profile the group decides again
    await services.access_profiles.update(ROOT, always.id, always.version, "Fleet", [
        {"days": list(range(7)), "start": "00:00", "end": "00:00"}], user_group_ids=[site.shift.id],
        station_ids=[site.public.id])
    who = services.auth.facts(services.auth.index.tokens_by_key["TAG-NINA"])
    applied = services.tariffs.resolve(site.public, 1, Who(who.user_id, who.user_group_id, who.id),
                                       datetime.now(timezone.utc))
    assert applied.name == "Standard"


async def test_the_local_list_leaves_out_tokens_only_a_window_admits(site, services, central):
    lists = central.local_lists
    nina = services.auth.index.tokens_by_key["TAG-NINA"]
    local = datetime.now(HEL)  # a window from an hour ago to an hour ahead: now is inside, whenever the test runs
    around = {"days": list(range(7)), "start": f"{(local.hour - 1) % 24:02d}:00", "end": f"{(local.hour + 2) % 24:02d}:00"}
    services.access_profiles.set_profiles(
        dataclasses.replace(p, windows=(window_from_dict(around, 1),)) for p in services.access_profiles.list())
    assert services.auth.evaluate(site.public, None, "TAG-NINA", starting=False).accepted
    want = await lists.desired(site.public)
    assert "TAG-DAN" in want and nina.uid not in want
    # a member of a profile open at every hour is listed
    await services.access_profiles.create(ROOT, "Always", [{"days": list(range(7)), "start": "00:00", "end": "23:59"}],
                                          token_ids=[nina.id], station_ids=[site.public.id])
    assert "TAG-NINA" in await lists.desired(site.public)


async def test_changes_are_announced_and_another_seats_change_is_followed(site, services):
    seen = []
    services.bus.subscribe(ev.AccessProfilesChanged, seen.append)
    await services.access_profiles.update(ROOT, site.night.id, site.night.version, "Night shift (weekdays)",
                                          [{"days": WEEKDAYS, "start": "22:00", "end": "06:00"}],
                                          user_group_ids=[site.shift.id], group_ids=[site.depot])
    assert seen and services.access_profiles.get(site.night.id).name == "Night shift (weekdays)"
    with pytest.raises(StaleEdit):
        await services.access_profiles.update(ROOT, site.night.id, site.night.version, "Old", [
            {"days": [0], "start": "01:00", "end": "02:00"}])
    # another seat writes a row: the change feed names it and the book follows
    new_id = await services.store.run(lambda: repo.insert(name="Weekend", windows=[
        {"days": [5, 6], "start": "00:00", "end": "00:00"}], user_ids=[], user_group_ids=[], token_ids=[],
        group_ids=[], station_ids=[], tariff_id=None, notes=""))
    services.bus.publish(ev.RowsChanged("access_profile", frozenset({new_id})))
    for _ in range(100):
        if new_id in services.access_profiles.profiles:
            break
        await asyncio.sleep(0.02)
    assert services.access_profiles.get(new_id).name == "Weekend"
    await services.access_profiles.delete(ROOT, new_id, 1)
    assert [p.name for p in services.access_profiles.list()] == ["Night shift (weekdays)"]


async def test_checks_name_the_field(site, services):
    cases = [(("", [{"days": [0], "start": "01:00", "end": "02:00"}]), {}, "name"),
             (("Night shift", [{"days": [0], "start": "01:00", "end": "02:00"}]), {}, "name"),  # taken
             (("X", []), {}, "windows"),
             (("X", [{"days": [0], "start": "01:00", "end": "2:0"}]), {}, "windows"),
             (("X", [{"days": [0], "start": "01:00", "end": "02:00"}]), {"station_ids": [site.depot]}, "station_ids"),
             (("X", [{"days": [0], "start": "01:00", "end": "02:00"}]), {"user_ids": ["nope"]}, "user_ids"),
             (("X", [{"days": [0], "start": "01:00", "end": "02:00"}]), {"tariff_id": site.depot}, "tariff_id")]
    for args, kwargs, field in cases:
        with pytest.raises(ValidationError) as err:
            await services.access_profiles.create(ROOT, *args, **kwargs)
        assert err.value.field == field, (args, kwargs)


@pytest.mark.parametrize("role, base, message", [
    (BASIC, False, ACCESS_DENIED), (ANALYST, False, ACCESS_DENIED), (ADMIN, True, OPERATOR_ACCESS_FORBIDDEN)])
async def test_only_whole_site_admins_change_profiles(site, services, role, base, message):
    ctx = OperatorContext(None, "someone", role, base_group_id=site.depot if base else None,
                          domain_groups=frozenset({site.depot}) if base else None)
    window = [{"days": [0], "start": "01:00", "end": "02:00"}]
    for call in (lambda: services.access_profiles.create(ctx, "Mine", window),
                 lambda: services.access_profiles.update(ctx, site.night.id, site.night.version, "Mine", window),
                 lambda: services.access_profiles.delete(ctx, site.night.id, site.night.version)):
        with pytest.raises(AccessDenied) as err:
            await call()
        assert str(err.value) == message
    assert [p.name for p in services.access_profiles.list()] == ["Night shift"]  # everyone reads them


async def test_migration_8_runs_whichever_of_7_and_8_came_first(tmp_path):
    from evdesk.store import migrations
    from evdesk.store.database import Store

    s = Store.sqlite(tmp_path / "old.db")
    s.open()
    try:
        db = m.database_proxy
        # a database a branch with 8 but without 7 made: 7 arrives later and still runs
        s.call_sync(lambda: m.SchemaVersion.delete().where(m.SchemaVersion.version == 7).execute())
        assert s.call_sync(lambda: migrations.migrate(db)) == [7]
        assert s.call_sync(lambda: migrations.migrate(db)) == []
        # a database without the profiles table (schema 7) gets it
        s.call_sync(lambda: (db.drop_tables([m.AccessProfile]),
                             m.SchemaVersion.delete().where(m.SchemaVersion.version == 8).execute()))
        assert s.call_sync(lambda: migrations.migrate(db)) == [8]
        assert s.call_sync(lambda: db.table_exists("access_profile"))
    finally:
        s.close()
