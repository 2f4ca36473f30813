"""The "load limit not applied" notification case: load management's flag (`LoadLimitNotApplied`,
published by `csms/load_control.py`, see tests/csms/test_load_control.py) mails the rule's
recipients over a real SMTP server, and the session's end clears it with a "resolved" mail."""

from __future__ import annotations

from uuid import uuid4

from evdesk.core import events as ev
from evdesk.core.notifications import cases as c
from evdesk.core.permissions import SYSTEM_CONTEXT
from tests.core.test_notifications import clock, rule_data, site, tick  # noqa: F401 - fixtures

TEXT = "Hall charger connector 1 draws 24.0 A although load management limited it to 10.0 A: the limit is not applied."


async def test_a_load_limit_not_applied_is_mailed_and_resolved_when_the_session_ends(site, smtp_server,  # noqa: F811
                                                                                    clock):  # noqa: F811
    sv = site
    await sv.notifications.rules.create(SYSTEM_CONTEXT, rule_data(sv.test.north.id, emails=["ops@depot.example"],
                                                                  cases=[c.LOAD_LIMIT_NOT_APPLIED]))
    await sv.notifications.rules.create(SYSTEM_CONTEXT, rule_data(None, name="Faults only", emails=["x@depot.example"],
                                                                  cases=[c.FUSE_TRIPPED]))
    station = sv.test.station.id
    sv.bus.publish(ev.LoadLimitNotApplied(station, 1, 10.0, 24.0, TEXT, clock()))
    await tick(sv, clock, 61)
    assert [(m["To"], m["Subject"]) for m in smtp_server.messages] == [
        ("ops@depot.example", "[Depot Nord] Load limit not applied: Hall charger (CP-001)")]
    body = smtp_server.messages[0].get_content()
    assert "does not keep the current limit load management sent it" in body and "24.0 A" in body
    sv.bus.publish(ev.TransactionEnded(uuid4(), station, 1, "completed", 5000))
    await tick(sv, clock, 61)
    assert [m["Subject"] for m in smtp_server.messages[1:]] == [
        "[Depot Nord] Resolved — Load limit not applied: Hall charger (CP-001)"]
