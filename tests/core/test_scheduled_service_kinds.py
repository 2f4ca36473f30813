"""The service kinds of scheduled tasks (issues 13 and 17): an invoice run, a report by e-mail and a
circuit limit, run by the scheduler with the injectable clock through the real services, store, PDF
worker processes and an aiosmtpd server; each outcome and each failure kept in words."""

from __future__ import annotations

import csv
import dataclasses
import io
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from uuid import uuid4

import pytest

from evdesk.core.clock import utcnow
from evdesk.core.invoicing.settings import MonthlyFee
from evdesk.core.errors import AccessDenied, ValidationError
from evdesk.core.load.circuit_rules import CircuitInput
from evdesk.core.permissions import ADMIN, BASIC, SYSTEM_CONTEXT, OperatorContext
from evdesk.core.reports.definition import ReportDefinition
from evdesk.core.scheduling.book import TaskInput
from evdesk.core.scheduling.runner import TaskScheduler
from evdesk.store import models as m
from tests.core.test_invoice_runs import site  # noqa: F401 (the fixture)
from tests.core.test_scheduled_tasks import ManualClock, runs_of
from tests.mailserver import point_at

ROOT = SYSTEM_CONTEXT
HEL = "Europe/Helsinki"


def once(name, kind, params, targets=None, **extra) -> TaskInput:
    return TaskInput(name, kind, targets or {}, params, "once", "12:00", HEL, date(2026, 1, 1), **extra)


async def run_now(services, scheduler, task_id):
    await services.scheduled_tasks.run_now(ROOT, task_id)
    [run] = await scheduler.tick()
    run_id = await run
    outcomes = await services.scheduled_tasks.run_outcomes(ROOT, run_id)
    row = next(r for r in await runs_of(services) if r["id"] == run_id)
    return row, sorted((o["target_name"], o["ok"], o["outcome"], o["message"]) for o in outcomes)


async def membership_fee(s) -> None:
    """A monthly fee for everyone: each recipient has something to bill (sessions here have no price)."""
    settings, version = await s.sv.invoices.load_settings(ROOT)
    fee = MonthlyFee("Membership fee", Decimal("3.00"))
    await s.sv.invoices.save_settings(ROOT, dataclasses.replace(settings, monthly_fees=(fee,)), version)


def next_month_clock() -> ManualClock:
    """A run date in the next month: the default invoice period (the month before it) is this month."""
    today = utcnow().date()
    first = (date(today.year, today.month, 28) + timedelta(days=4)).replace(day=1)
    return ManualClock(datetime(first.year, first.month, 3, 10, 0, tzinfo=timezone.utc))


async def test_an_invoice_run_for_all_users_sends_and_records_each_invoice_then_an_overlap_fails(site):  # noqa: F811
    s = site
    await membership_fee(s)
    s.smtp.collector.refuse.add("daisy@duckburg.com")
    clock = next_month_clock()
    s.sv.scheduled_tasks.now = clock
    task = await s.sv.scheduled_tasks.create(ROOT, once("Monthly invoices", "invoice_run", {"send": True}))
    scheduler = TaskScheduler(s.sv, commands=None, seat="seat-1", now=clock)
    run, outcomes = await run_now(s.sv, scheduler, task.id)
    assert (run["state"], run["summary"]) == ("partial", "1 task failed"), outcomes
    by_name = {o[0]: o for o in outcomes}
    assert by_name["Donald Duck"][1:3] == (True, "sent")
    assert by_name["Donald Duck"][3].startswith("Sent to donald@duckburg.com (")
    assert by_name["Daisy Duck"][1:3] == (False, "not_sent")
    assert by_name["Daisy Duck"][3].startswith("Not sent: ") and "mailbox unavailable" in by_name["Daisy Duck"][3]
    assert by_name["Fred Fleet"][1:3] == (True, "sent")
    assert "Gus Goose" not in by_name  # no e-mail address: not among "all charging users with e-mail"
    [mail] = [msg for msg in s.smtp.messages if msg["To"] == "donald@duckburg.com"]
    assert any(part.get_filename().endswith(".pdf") for part in mail.iter_attachments())
    # the same period again: refused by the invoicing service, one failure in its words
    clock.advance(minutes=5)
    run, outcomes = await run_now(s.sv, scheduler, task.id)
    assert (run["state"], run["summary"]) == ("failed", "All tasks failed")
    [(name, ok, outcome, message)] = outcomes
    assert (name, ok, outcome) == ("Monthly invoices", False, "refused")
    assert message.startswith("No invoice run: This period overlaps invoices already made for the same users")
    assert "Donald Duck" in message


async def test_an_invoice_run_for_a_user_group_makes_previews_and_names_members_left_out(site):  # noqa: F811
    s = site
    await membership_fee(s)
    clock = next_month_clock()
    s.sv.scheduled_tasks.now = clock
    task = await s.sv.scheduled_tasks.create(ROOT, once("Fleet previews", "invoice_run", {"send": False},
                                                        {"user_group_ids": [str(s.fleet.id)]}))
    scheduler = TaskScheduler(s.sv, commands=None, seat="seat-1", now=clock)
    run, outcomes = await run_now(s.sv, scheduler, task.id)
    assert run["state"] == "partial"
    fred, gus = outcomes
    assert fred[:3] == ("Fred Fleet", True, "preview")
    assert "not sent: the task makes previews only" in fred[3]
    assert gus == ("Gus Goose", False, "left_out", "No invoice: no e-mail address.")
    assert s.smtp.messages == []
    invoices = await s.sv.invoices.list(ROOT)
    assert [(i.buyer_name, i.status) for i in invoices] == [("Fred Fleet", "preview")]
    # rights: a group admin invoices no user groups; a basic operator schedules nothing
    admin_depot = s.sv.groups.fresh(OperatorContext(None, "admin-depot", ADMIN, base_group_id=s.depot))
    with pytest.raises(AccessDenied):
        await s.sv.scheduled_tasks.create(admin_depot, once("Depot fleet", "invoice_run", {"send": False},
                                                            {"user_group_ids": [str(s.fleet.id)]}))
    await s.sv.scheduled_tasks.create(admin_depot, once("Depot invoices", "invoice_run", {"send": False}))
    with pytest.raises(AccessDenied):
        await s.sv.scheduled_tasks.create(OperatorContext(None, "basic", BASIC),
                                          once("Basic invoices", "invoice_run", {"send": False}))
    with pytest.raises(ValidationError) as no_choice:
        await s.sv.scheduled_tasks.create(ROOT, once("No choice", "invoice_run", {}))
    assert no_choice.value.field == "send"


async def test_a_group_admins_invoice_run_bills_only_the_users_of_their_domain(site):  # noqa: F811
    s = site
    await membership_fee(s)
    clock = next_month_clock()
    s.sv.scheduled_tasks.now = clock
    admin_depot = s.sv.groups.fresh(OperatorContext(None, "admin-depot", ADMIN, base_group_id=s.depot))
    task = await s.sv.scheduled_tasks.create(admin_depot, once("Depot invoices", "invoice_run", {"send": False}))
    scheduler = TaskScheduler(s.sv, commands=None, seat="seat-1", now=clock)
    run, outcomes = await run_now(s.sv, scheduler, task.id)
    assert run["summary"] == "OK"
    # Daisy's home is the office: outside the depot admin's domain; Gus has no e-mail address
    assert [(name, outcome) for name, _ok, outcome, _m in outcomes] == [("Donald Duck", "preview"),
                                                                        ("Fred Fleet", "preview")]


async def operators(services, *contexts):
    def write():
        for ctx in contexts:
            m.Operator.create(id=ctx.operator_id, username=ctx.username, email=f"{ctx.username}@depot.example",
                              role=ctx.role)
    await services.store.run(write)


async def test_a_report_by_e_mail_attaches_pdf_and_csv_per_recipient_and_needs_a_visible_report(
        services, smtp_server):
    point_at(services.settings, smtp_server)
    services.settings.site_timezone = HEL
    smtp_server.collector.refuse.add("nobody@depot.example")
    alice, bob = OperatorContext(uuid4(), "alice", ADMIN), OperatorContext(uuid4(), "bob", ADMIN)
    await operators(services, alice, bob)
    report = await services.saved_reports.save(alice, "Energy by station",
                                               ReportDefinition(breakdown="station", period="last_month"))
    clock = ManualClock(datetime(2026, 6, 2, 5, 0, tzinfo=timezone.utc))
    services.scheduled_tasks.now = clock
    params = {"report_id": str(report.id), "formats": ["pdf", "csv"],
              "recipients": "boss@depot.example, nobody@depot.example"}
    with pytest.raises(ValidationError) as not_hers:  # bob does not see alice's own report
        await services.scheduled_tasks.create(bob, once("Bob's report", "report_email", params))
    assert not_hers.value.field == "report_id"
    with pytest.raises(ValidationError) as bad_address:
        await services.scheduled_tasks.create(alice, once("Bad", "report_email", {**params, "recipients": "boss"}))
    assert (bad_address.value.field, str(bad_address.value)) == ("recipients", "boss is not an e-mail address.")
    task = await services.scheduled_tasks.create(alice, once("Monthly energy", "report_email", params))
    assert task.data.params["recipients"] == ["boss@depot.example", "nobody@depot.example"]
    scheduler = TaskScheduler(services, commands=None, seat="seat-1", now=clock)
    run, outcomes = await run_now(services, scheduler, task.id)
    assert run["summary"] == "1 task failed"
    boss, nobody = outcomes
    assert boss == ("boss@depot.example", True, "sent", "Sent Energy-by-station.pdf and Energy-by-station.csv.")
    assert nobody[:3] == ("nobody@depot.example", False, "not_sent") and "mailbox unavailable" in nobody[3]
    [mail] = smtp_server.messages
    assert mail["Subject"] == "Energy by station (02.06.2026)"
    files = {part.get_filename(): part.get_content() for part in mail.iter_attachments()}
    assert files["Energy-by-station.pdf"][:5] == b"%PDF-"
    text = files["Energy-by-station.csv"]
    rows = list(csv.reader(io.StringIO(text.decode("utf-8-sig") if isinstance(text, bytes) else text)))
    assert rows[0][:3] == ["bucket_start", "bucket_end", "energy_kwh"]
    # "last month" counted from the run date (2 June, Helsinki): May
    assert rows[1][0] == "2026-05-01T00:00:00+03:00" and rows[-2][1] == "2026-06-01T00:00:00+03:00"
    # the report deleted: the run fails in words, nothing is mailed
    await services.saved_reports.delete(alice, report.id, report.version)
    clock.advance(minutes=1)
    run, [(name, ok, outcome, message)] = await run_now(services, scheduler, task.id)
    assert (run["summary"], name, ok) == ("All tasks failed", "Monthly energy", False)
    assert message.startswith("The report was not made: ")
    assert len(smtp_server.messages) == 1


async def test_circuit_limits_by_night_and_day_and_only_within_the_domain(services):
    depot = (await services.groups.add(ROOT, "Depot")).id
    office = (await services.groups.add(ROOT, "Office")).id
    grid = await services.circuits.create(ROOT, CircuitInput("Grid connection", 250))
    hall = await services.circuits.create(ROOT, CircuitInput("Depot hall", 63, group_id=depot))
    office_hall = await services.circuits.create(ROOT, CircuitInput("Office hall", 63, group_id=office))
    clock = ManualClock(datetime(2026, 6, 1, 18, 0, tzinfo=timezone.utc))  # 21:00 in Helsinki
    services.scheduled_tasks.now = clock
    book = services.scheduled_tasks
    for name, at, amps in (("Night limit", "22:00", 400), ("Day limit", "07:00", 250)):
        await book.create(ROOT, TaskInput(name, "circuit_limit", {}, {"circuit_id": str(grid.id), "amps": amps},
                                          "daily", at, HEL, date(2026, 1, 1), active=True))
    scheduler = TaskScheduler(services, commands=None, seat="seat-1", now=clock)
    assert await scheduler.tick() == []
    clock.at = datetime(2026, 6, 1, 19, 0, 10, tzinfo=timezone.utc)  # 22:00:10 local
    [run] = await scheduler.tick()
    night = await book.run_outcomes(ROOT, await run)
    assert (await services.circuits.get(ROOT, grid.id)).max_current_a == 400
    assert [(o["target_name"], o["ok"], o["message"]) for o in night] == [
        ("Grid connection", True, "Max current per phase set to 400 A (was 250 A).")]
    clock.at = datetime(2026, 6, 2, 4, 0, 10, tzinfo=timezone.utc)  # 07:00:10 local
    [run] = await scheduler.tick()
    await run
    assert (await services.circuits.get(ROOT, grid.id)).max_current_a == 250
    # a group admin of the depot: its own circuit yes; the site-wide one and the office's no
    admin_depot = services.groups.fresh(OperatorContext(None, "admin-depot", ADMIN, base_group_id=depot))
    await book.create(admin_depot, once("Hall limit", "circuit_limit", {"circuit_id": str(hall.id), "amps": 40}))
    for circuit in (grid, office_hall):
        with pytest.raises((AccessDenied, ValidationError)):
            await book.create(admin_depot, once(f"Not mine {circuit.name}", "circuit_limit",
                                                {"circuit_id": str(circuit.id), "amps": 40}))
    with pytest.raises(ValidationError) as amps:
        await book.create(ROOT, once("Too much", "circuit_limit", {"circuit_id": str(grid.id), "amps": "lots"}))
    assert amps.value.field == "circuit_amps"
    # a limit the circuit rules refuse (below the reserved current) fails in the circuits service's words
    reserved = await services.circuits.create(ROOT, CircuitInput("Reserved", 100, reserved_a=50))
    task = await book.create(ROOT, once("Too low", "circuit_limit", {"circuit_id": str(reserved.id), "amps": 20}))
    run_row, [(name, ok, outcome, message)] = await run_now(services, scheduler, task.id)
    assert (run_row["summary"], name, ok, outcome) == ("All tasks failed", "Too low", False, "refused")
    assert message.startswith("The limit was not set: ") and len(message) > len("The limit was not set: ") + 10
    # retry: the whole task again (a service kind has no failed targets to pick out)
    retry = await book.retry(ROOT, run_row["id"])
    assert (retry.data.name, retry.data.kind, retry.data.params) == ("Retry: Too low", "circuit_limit",
                                                                     task.data.params)
