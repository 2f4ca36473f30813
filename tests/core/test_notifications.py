"""Notifications: cases from OCPP status, start and clear mails over a real SMTP server (aiosmtpd),
debounce, the repeat window, operator's own ChangeAvailability, start failures, SMTP failures
logged with the server's answer, and who may manage rules (domains)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from evdesk.core.actions import Actor
from evdesk.core.errors import AccessDenied, NotFound, ValidationError
from evdesk.core.notifications import cases as c
from evdesk.core.operators import context_for
from evdesk.core.permissions import SYSTEM_CONTEXT, OperatorContext
from evdesk.core.services import Services
from evdesk.settings import SiteSettings
from evdesk.store import models as m
from tests.manual_clock import ManualClock


@pytest.fixture
def clock():
    return ManualClock()


@pytest.fixture
async def site(store, smtp_server, clock):
    settings = SiteSettings(post_boot_quiet_seconds=0.0, site_name="Depot Nord", site_timezone="Europe/Helsinki",
                            smtp_host="127.0.0.1", smtp_port=smtp_server.port, smtp_security="none",
                            smtp_from="evdesk@depot.example")
    sv = Services(store, settings, clock=clock, notification_tick=3600)  # the test ticks by hand
    await sv.start(load_settings=False)
    north = await sv.groups.add(SYSTEM_CONTEXT, "North")
    bay = await sv.groups.add(SYSTEM_CONTEXT, "Bay A", north.id)
    south = await sv.groups.add(SYSTEM_CONTEXT, "South")
    st = await sv.stations.create_station("CP-001", "Hall charger", bay.id, connectors=2, ctx=SYSTEM_CONTEXT)
    other = await sv.stations.create_station("CP-900", "South charger", south.id, ctx=SYSTEM_CONTEXT)
    sv.test = type("T", (), {"north": north, "bay": bay, "south": south, "station": st, "other": other})
    yield sv
    await sv.stop()


def rule_data(group_id, **over):
    data = {"name": "North faults", "group_id": str(group_id) if group_id else None,
            "emails": ["ops@depot.example", "tech@depot.example"],
            "cases": list(c.CASES), "clear_mails": True, "repeat_minutes": 30, "settle_seconds": 60}
    data.update(over)
    return data


def status(sv, info, connector, state, code="NoError", vendor="", text=""):
    sv.status.status_notification(sv.stations.get(info.identity), connector, state, code, text,
                                  vendor_error_code=vendor)


async def tick(sv, clock, seconds):
    clock.advance(seconds)
    sv.notifications.watch.tick()
    await sv.notifications.watch.idle()


async def log(sv):
    return await sv.notifications.mail_log(SYSTEM_CONTEXT)


@pytest.mark.parametrize("state, code, vendor, info, case", [
    ("Faulted", "GroundFailure", "", "", c.FUSE_TRIPPED),
    ("Faulted", "OverCurrentFailure", "", "", c.FUSE_TRIPPED),
    ("Faulted", "PowerSwitchFailure", "", "", c.FUSE_TRIPPED),
    ("Faulted", "OtherError", "RCD_TRIP", "", c.FUSE_TRIPPED),
    ("Faulted", "InternalError", "E42", "residual current", c.FUSE_TRIPPED),
    ("Faulted", "HighTemperature", "", "", c.SENSOR),
    ("Charging", "HighTemperature", "", "", c.SENSOR),
    ("Faulted", "PowerMeterFailure", "", "", c.SENSOR),
    ("Faulted", "ReaderFailure", "", "", c.SENSOR),
    ("Faulted", "ConnectorLockFailure", "", "", c.SENSOR),
    ("Faulted", "OverVoltage", "", "", c.SENSOR),
    ("Faulted", "UnderVoltage", "", "", c.SENSOR),
    ("Faulted", "EVCommunicationError", "", "", c.SENSOR),
    ("Faulted", "OtherError", "E17", "firmware", c.OTHER_FAULT),
    ("Faulted", "InternalError", "", "", c.OTHER_FAULT),
    ("Faulted", "NoError", "", "", c.OTHER_FAULT),
    ("Faulted", "WeakSignal", "", "", c.OTHER_FAULT),
    ("Unavailable", "NoError", "", "", c.UNAVAILABLE),
    ("Available", "NoError", "", "", None),
    ("Charging", "NoError", "", "", None),
    ("Preparing", "NoError", "", "", None),
])
def test_ocpp_error_codes_map_to_cases(state, code, vendor, info, case):
    assert c.case_for_status(state, code, vendor, info) == case


def test_an_operators_inoperative_connector_is_no_case_but_a_fault_code_is():
    assert c.case_for_status("Unavailable", "NoError", operator_unavailable=True) is None
    assert c.case_for_status("Unavailable", "GroundFailure", operator_unavailable=True) == c.FUSE_TRIPPED


async def test_one_mail_when_a_case_starts_and_one_when_it_clears(site, smtp_server, clock):
    sv = site
    await sv.notifications.rules.create(SYSTEM_CONTEXT, rule_data(sv.test.north.id))  # the group's subtree
    status(sv, sv.test.station, 1, "Faulted", "GroundFailure", vendor="RCD-30mA")
    await tick(sv, clock, 30)
    assert smtp_server.messages == []  # still inside the settle time
    await tick(sv, clock, 31)
    assert sorted(m["To"] for m in smtp_server.messages) == ["ops@depot.example", "tech@depot.example"]
    mail = smtp_server.messages[0]
    assert mail["Subject"] == "[Depot Nord] Fuse tripped: Hall charger (CP-001)"
    body = mail.get_content()
    assert "Hall charger (identity CP-001, in the charging group Bay A)" in body
    assert "since 2026-11-30 14:00 (Europe/Helsinki)" in body  # 12:00 UTC in the site's zone
    assert "connector 1 Faulted, error GroundFailure, vendor code RCD-30mA" in body
    assert "What to do: Send an electrician" in body
    await tick(sv, clock, 600)
    assert len(smtp_server.messages) == 2  # no repeat while it lasts
    status(sv, sv.test.station, 1, "Available")
    await tick(sv, clock, 59)
    assert len(smtp_server.messages) == 2  # the clear must last the settle time too
    await tick(sv, clock, 2)
    assert len(smtp_server.messages) == 4
    assert smtp_server.messages[-1]["Subject"].startswith("[Depot Nord] Resolved — Fuse tripped: Hall charger")
    assert "ended 2026-11-30 14:11 (Europe/Helsinki)" in smtp_server.body()
    rows = await log(sv)
    assert [(r.kind, r.case, r.outcome, r.station_identity) for r in rows].count(
        ("start", c.FUSE_TRIPPED, "sent", "CP-001")) == 2
    assert {r.kind for r in rows} == {"start", "clear"}
    assert all(r.answer == "Accepted by the mail server." for r in rows)


async def test_no_clear_mail_when_the_rule_does_not_want_it(site, smtp_server, clock):
    sv = site
    await sv.notifications.rules.create(SYSTEM_CONTEXT, rule_data(sv.test.north.id, clear_mails=False,
                                                                  emails=["ops@depot.example"]))
    status(sv, sv.test.station, 2, "Faulted", "HighTemperature")
    await tick(sv, clock, 61)
    status(sv, sv.test.station, 2, "Available")
    await tick(sv, clock, 61)
    await tick(sv, clock, 61)
    assert [m["Subject"] for m in smtp_server.messages] == ["[Depot Nord] Sensor fault: Hall charger (CP-001)"]


async def test_a_flap_shorter_than_the_settle_time_sends_nothing(site, smtp_server, clock):
    sv = site
    await sv.notifications.rules.create(SYSTEM_CONTEXT, rule_data(sv.test.north.id))
    for _ in range(5):  # Faulted -> Available every 40 s
        status(sv, sv.test.station, 1, "Faulted", "InternalError")
        await tick(sv, clock, 40)
        status(sv, sv.test.station, 1, "Available")
        await tick(sv, clock, 40)
    await tick(sv, clock, 3600)
    assert smtp_server.messages == [] and await log(sv) == []
    assert sv.notifications.watch.episodes == {}


async def test_no_repeat_for_the_same_station_and_case_within_the_window(site, smtp_server, clock):
    sv = site
    await sv.notifications.rules.create(SYSTEM_CONTEXT, rule_data(sv.test.north.id, emails=["ops@depot.example"],
                                                                  clear_mails=False, repeat_minutes=30))
    status(sv, sv.test.station, 1, "Faulted", "OtherError")
    await tick(sv, clock, 61)
    assert len(smtp_server.messages) == 1
    status(sv, sv.test.station, 1, "Available")
    await tick(sv, clock, 120)
    status(sv, sv.test.station, 1, "Faulted", "OtherError")  # again 3 minutes after the first mail
    await tick(sv, clock, 61)
    assert len(smtp_server.messages) == 1  # within 30 minutes: not repeated
    status(sv, sv.test.station, 2, "Faulted", "GroundFailure")  # another case is news
    await tick(sv, clock, 61)
    assert len(smtp_server.messages) == 2
    status(sv, sv.test.station, 1, "Available")
    status(sv, sv.test.station, 2, "Available")
    await tick(sv, clock, 61)
    await tick(sv, clock, 30 * 60)
    status(sv, sv.test.station, 1, "Faulted", "OtherError")  # after the window: mailed again
    await tick(sv, clock, 61)
    assert [m["Subject"].split(":")[0] for m in smtp_server.messages] == [
        "[Depot Nord] Other fault", "[Depot Nord] Fuse tripped", "[Depot Nord] Other fault"]


async def test_the_repeat_window_survives_a_restart(store, site, smtp_server, clock):
    sv = site
    await sv.notifications.rules.create(SYSTEM_CONTEXT, rule_data(sv.test.north.id, emails=["ops@depot.example"]))
    status(sv, sv.test.station, 1, "Faulted", "OtherError")
    await tick(sv, clock, 61)
    assert len(smtp_server.messages) == 1
    again = Services(store, sv.settings, clock=clock, notification_tick=3600)
    await sv.stop()
    await again.start(load_settings=False)
    try:
        status(again, sv.test.station, 1, "Available")
        status(again, sv.test.station, 1, "Faulted", "OtherError")
        await tick(again, clock, 61)
        assert len(smtp_server.messages) == 1
    finally:
        await again.stop()
        await sv.start(load_settings=False)  # the fixture stops it again


async def test_an_operators_change_availability_is_not_a_case(site, smtp_server, clock):
    sv = site
    await sv.notifications.rules.create(SYSTEM_CONTEXT, rule_data(sv.test.north.id, emails=["ops@depot.example"]))
    st = sv.test.station
    action = await sv.actions.begin(st.id, Actor("ada"), "ChangeAvailability", "",
                                    {"connector_id": 1, "type": "Inoperative"})
    await sv.actions.finish(action, "accepted", {"status": "Accepted"})
    status(sv, st, 1, "Unavailable")
    await tick(sv, clock, 120)
    assert smtp_server.messages == []
    status(sv, st, 2, "Unavailable")  # nobody switched connector 2 off
    await tick(sv, clock, 61)
    assert [m["Subject"] for m in smtp_server.messages] == ["[Depot Nord] Unavailable: Hall charger (CP-001)"]
    assert "connector 2 Unavailable" in smtp_server.body()
    # switched on again, then off by the station itself: a case
    action = await sv.actions.begin(st.id, Actor("ada"), "ChangeAvailability", "",
                                    {"connector_id": 1, "type": "Operative"})
    status(sv, st, 1, "Available")
    status(sv, st, 2, "Available")
    await tick(sv, clock, 61)
    await tick(sv, clock, 31 * 60)
    status(sv, st, 1, "Unavailable")
    await tick(sv, clock, 61)
    assert len([m for m in smtp_server.messages if m["Subject"].startswith("[Depot Nord] Unavailable:")]) == 2


async def test_after_a_restart_an_unavailable_connector_is_news_only_once_it_was_back(store, site, smtp_server, clock):
    sv = site
    await sv.notifications.rules.create(SYSTEM_CONTEXT, rule_data(sv.test.north.id, emails=["ops@depot.example"]))
    action = await sv.actions.begin(sv.test.station.id, Actor("ada"), "ChangeAvailability", "",
                                    {"connector_id": 1, "type": "Inoperative"})
    await sv.actions.finish(action, "accepted", {"status": "Accepted"})
    status(sv, sv.test.station, 1, "Unavailable")
    await sv.status.flush()
    await sv.stop()
    again = Services(store, sv.settings, clock=clock, notification_tick=3600)
    await again.start(load_settings=False)
    try:
        status(again, sv.test.station, 1, "Unavailable")  # the station reconnects and says it again
        await tick(again, clock, 61)
        assert smtp_server.messages == []
        status(again, sv.test.station, 1, "Available")
        status(again, sv.test.station, 1, "Unavailable")  # now it switched itself off
        await tick(again, clock, 61)
        assert [m["Subject"] for m in smtp_server.messages] == ["[Depot Nord] Unavailable: Hall charger (CP-001)"]
    finally:
        await again.stop()
        await sv.start(load_settings=False)


async def test_long_term_unavailable_and_failed_starts_are_cases(site, smtp_server, clock):
    sv = site
    await sv.notifications.rules.create(SYSTEM_CONTEXT, rule_data(sv.test.north.id, emails=["ops@depot.example"],
                                                                  cases=[c.UNAVAILABLE, c.START_FAILED]))
    info = sv.stations.get("CP-001")
    sv.status._set_state(info, "long_term_unavailable", "no frame for 300 s")
    action = await sv.actions.begin(info.id, Actor("ada"), "RemoteStartTransaction", "", {"id_tag": "X"})
    await sv.actions.finish(action, "rejected", {"status": "Rejected"})
    status(sv, sv.test.station, 1, "Faulted", "GroundFailure")  # not a case this rule names
    await tick(sv, clock, 61)
    subjects = sorted(m["Subject"] for m in smtp_server.messages)
    assert subjects == ["[Depot Nord] Session failed to start: Hall charger (CP-001)",
                        "[Depot Nord] Unavailable: Hall charger (CP-001)"]
    assert any("no contact for 300 s or more" in m.get_content() for m in smtp_server.messages)


async def test_a_refused_address_is_logged_with_the_servers_answer(site, smtp_server, clock):
    sv = site
    smtp_server.collector.refuse = {"gone@depot.example"}
    await sv.notifications.rules.create(SYSTEM_CONTEXT, rule_data(
        sv.test.north.id, emails=["gone@depot.example", "ops@depot.example"]))
    status(sv, sv.test.station, 1, "Faulted", "OtherError")
    await tick(sv, clock, 61)
    rows = {r.to: r for r in await log(sv)}
    assert rows["ops@depot.example"].outcome == "sent"
    failed = rows["gone@depot.example"]
    assert failed.outcome == "failed"
    assert failed.answer.startswith("Problem with email address.") and "550 5.1.1 mailbox unavailable" in failed.answer


async def test_operators_are_mailed_at_their_accounts_address(site, smtp_server, clock):
    sv = site
    op = await sv.operators.create_with_password(SYSTEM_CONTEXT, username="tina", password="Secret-pass-123",
                                                 role="admin", email="tina@depot.example")
    await sv.notifications.rules.create(SYSTEM_CONTEXT, rule_data(sv.test.north.id, emails=[],
                                                                  operator_ids=[str(op.id)]))
    status(sv, sv.test.station, 1, "Faulted", "OtherError")
    await tick(sv, clock, 61)
    assert [m["To"] for m in smtp_server.messages] == ["tina@depot.example"]


async def test_group_admins_manage_rules_and_read_mails_of_their_domain_only(site, smtp_server, clock):
    sv = site
    north_admin = await sv.operators.create_with_password(SYSTEM_CONTEXT, username="nadia", password="Secret-pass-123",
                                                          role="admin", base_group_id=sv.test.north.id)
    ctx = context_for(north_admin, sv.groups.index)
    basic = OperatorContext(None, "bob", "basic")
    with pytest.raises(AccessDenied):
        await sv.notifications.rules.create(basic, rule_data(sv.test.north.id))
    with pytest.raises(AccessDenied):
        await sv.notifications.rules.create(ctx, rule_data(sv.test.south.id, name="South"))
    with pytest.raises(AccessDenied):
        await sv.notifications.rules.create(ctx, rule_data(None, name="Mine",
                                                            station_ids=[str(sv.test.other.id)]))
    with pytest.raises(ValidationError) as whole_site:
        await sv.notifications.rules.create(ctx, rule_data(None, name="Everything"))
    assert whole_site.value.field == "group_id"
    mine = await sv.notifications.rules.create(ctx, rule_data(sv.test.bay.id, name="Bay A"))
    south = await sv.notifications.rules.create(SYSTEM_CONTEXT, rule_data(sv.test.south.id, name="South"))
    assert [r.name for r in sv.notifications.rules.list(ctx)] == ["Bay A"]
    assert {r.name for r in sv.notifications.rules.list(SYSTEM_CONTEXT)} == {"Bay A", "South"}
    with pytest.raises(NotFound):  # not in her domain: as if it did not exist
        await sv.notifications.rules.delete(ctx, south.id, south.version)
    status(sv, sv.test.station, 1, "Faulted", "OtherError")
    status(sv, sv.test.other, 1, "Faulted", "OtherError")
    await tick(sv, clock, 61)
    assert {r.station_identity for r in await sv.notifications.mail_log(ctx)} == {"CP-001"}
    assert {r.station_identity for r in await log(sv)} == {"CP-001", "CP-900"}
    assert sv.notifications.open_fault_count(ctx) == 1 and sv.notifications.open_fault_count(SYSTEM_CONTEXT) == 2
    with pytest.raises(AccessDenied):
        await sv.notifications.mail_log(basic)
    updated = await sv.notifications.rules.update(ctx, mine.id, mine.version, rule_data(sv.test.bay.id, name="Bay A",
                                                                                        repeat_minutes=90))
    assert updated.repeat_minutes == 90 and updated.version == mine.version + 1


@pytest.mark.parametrize("over, field", [
    ({"name": "  "}, "name"),
    ({"emails": ["not an address"]}, "emails"),
    ({"emails": [], "operator_ids": []}, "emails"),
    ({"cases": []}, "cases"),
    ({"cases": ["meteor_strike"]}, "cases"),
    ({"repeat_minutes": 0}, "repeat_minutes"),
    ({"repeat_minutes": "soon"}, "repeat_minutes"),
    ({"settle_seconds": 99999}, "settle_seconds"),
    ({"recovery_minutes": -5}, "recovery_minutes"),
    ({"station_ids": ["nope"]}, "station_ids"),
    ({"clear_mails": "yes"}, "clear_mails"),
])
async def test_bad_rules_are_refused_next_to_their_field(site, over, field):
    with pytest.raises(ValidationError) as refused:
        await site.notifications.rules.create(SYSTEM_CONTEXT, rule_data(site.test.north.id, **over))
    assert refused.value.field == field


async def test_a_storm_is_one_digest_per_recipient_and_a_log_row_per_station(site, smtp_server, clock):
    sv = site
    await sv.notifications.rules.create(SYSTEM_CONTEXT, rule_data(sv.test.south.id, emails=["ops@depot.example"]))
    for i in range(7):
        await sv.stations.create_station(f"CP-S{i}", f"South bay {i}", sv.test.south.id, ctx=SYSTEM_CONTEXT)
        sv.status._set_state(sv.stations.get(f"CP-S{i}"), "long_term_unavailable", "no frame")
    await tick(sv, clock, 61)
    assert [m["Subject"] for m in smtp_server.messages] == ["[Depot Nord] 7 stations need attention"]
    body = smtp_server.body()
    assert body.count("  - Unavailable: South bay") == 7 and "check the site's power supply" in body
    rows = await log(sv)
    assert len(rows) == 7 and {r.station_identity for r in rows} == {f"CP-S{i}" for i in range(7)}
    for i in range(7):
        sv.status._set_state(sv.stations.get(f"CP-S{i}"), "online", "frame received")
    await tick(sv, clock, 61)
    assert smtp_server.messages[-1]["Subject"] == "[Depot Nord] Resolved at 7 stations"


async def test_a_station_that_went_away_while_evdesk_was_closed_is_mailed_after_the_start(store, site, smtp_server,
                                                                                          clock):
    sv = site
    await sv.notifications.rules.create(SYSTEM_CONTEXT, rule_data(None, emails=["ops@depot.example"]))
    recent, retired = sv.stations.get("CP-001"), sv.stations.get("CP-900")
    recent.last_seen, retired.last_seen = clock.now - timedelta(minutes=20), clock.now - timedelta(days=90)
    await sv.store.run(lambda: [m.Station.update(connection_state="long_term_unavailable", last_seen=i.last_seen)
                                .where(m.Station.id == i.id).execute() for i in (recent, retired)])
    await sv.stop()
    again = Services(store, sv.settings, clock=clock, notification_tick=3600)
    await again.start(load_settings=False)
    try:
        await tick(again, clock, 61)
        assert [msg["Subject"] for msg in smtp_server.messages] == ["[Depot Nord] Unavailable: Hall charger (CP-001)"]
        assert "not in contact since" in smtp_server.body()
    finally:
        await again.stop()
        await sv.start(load_settings=False)
