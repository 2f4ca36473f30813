"""Invoice runs through the real services, store, PDF worker processes and an aiosmtpd server:
the manual's example to the cent, overlap refusal, recipients without e-mail, an SMTP failure
then a retry, numbers without gaps, credit notes, paid / unpaid / overdue, domains."""

from __future__ import annotations

import subprocess
import uuid
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal as D

import pytest

from evdesk.core.clock import utcnow
from evdesk.core.errors import AccessDenied, ValidationError
from evdesk.core.invoicing.runs import MissingEmails, RunRequest
from evdesk.core.invoicing.service import InvoiceFilter
from evdesk.core.invoicing.settings import GroupPayer, InvoiceSettings, MonthlyFee
from evdesk.core.people_types import TokenInput, UserInput
from evdesk.core.permissions import ADMIN, BASIC, SYSTEM_CONTEXT, OperatorContext
from evdesk.store import models as m
from tests.mailserver import point_at

ROOT = SYSTEM_CONTEXT
SELLER = InvoiceSettings(seller_name="Ensto charging solutions Oy", business_id="1481990-6",
                         address_lines=("Ensio Miettisenkatu 2", "06600 Porvoo"), email="operator@acme.com",
                         phone="+3585012345678", www="www.ensto.com", iban="FI21 1234 5600 0007 85",
                         bic="ALONFI21", reference_start=10898, payment_terms_days=14)


def iso(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


class Site:
    pass


@pytest.fixture
async def site(services, smtp_server):
    s = Site()
    s.sv, s.smtp = services, smtp_server
    point_at(services.settings, smtp_server)
    s.depot = (await services.groups.add(ROOT, "Depot")).id
    s.office = (await services.groups.add(ROOT, "Office")).id
    s.station = await services.stations.create_station("CP-1", group_id=s.depot, connectors=2, ctx=ROOT)
    s.fleet = await services.people.groups.create(ROOT, "Fleet")

    async def user(first, last, email, home, tag, group=None):
        d = await services.people.users.create(ROOT, UserInput(first, last, email, user_group_id=group,
                                                               group_rights=[s.depot]),
                                               [TokenInput(tag)], home_group_id=home)
        return d.id

    s.donald = await user("Donald", "Duck", "donald@duckburg.com", s.depot, "TAG-D")
    s.daisy = await user("Daisy", "Duck", "daisy@duckburg.com", s.office, "TAG-A")
    s.nomail = await user("Gus", "Goose", "", s.depot, "TAG-G", s.fleet.id)
    s.fred = await user("Fred", "Fleet", "fred@fleet.example", s.depot, "TAG-F", s.fleet.id)
    await services.invoices.save_settings(ROOT, SELLER, 0)
    s.today = utcnow().date()
    # a period of four full months ending with this month (sessions of the last hours fall inside)
    first = date(s.today.year, s.today.month, 1)
    for _ in range(3):
        first = (first - timedelta(days=1)).replace(day=1)
    nxt = (date(s.today.year, s.today.month, 28) + timedelta(days=4)).replace(day=1)
    s.period = (first, nxt - timedelta(days=1))
    return s


async def charge(s, tag, wh, minutes_ago=120):
    t0 = utcnow() - timedelta(minutes=minutes_ago)
    start = await s.sv.transactions.start(s.station, 1, tag, 1000, iso(t0))
    await s.sv.transactions.stop(s.station, start.ocpp_id, 1000 + wh, iso(t0 + timedelta(minutes=30)))


def manual_run(s, **changes):
    return RunRequest(s.period[0], s.period[1], user_ids=(s.donald,), kwh_price=D("0.15"),
                      monthly_fees=(MonthlyFee("No. of months", D("3.00")),), **changes)


def pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / f"{uuid.uuid4()}.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


async def test_the_manuals_invoice_made_sent_and_read_back(site, tmp_path):
    s = site
    await charge(s, "TAG-D", 60_000, 300)
    await charge(s, "TAG-D", 39_030, 200)
    result = await s.sv.invoices.create_run(ROOT, manual_run(s))
    assert len(result.invoice_ids) == 1
    detail = await s.sv.invoices.get(ROOT, result.invoice_ids[0])
    inv = detail["invoice"]
    assert (inv.status, inv.reference, inv.net_minor, inv.vat_minor, inv.total_minor) == (
        "preview", "108986", 2166, 520, 2685)
    assert [(ln["quantity"], ln["gross_minor"], ln["vat_minor"]) for ln in detail["lines"]] == [
        ("99.03", 1485, 288), ("4", 1200, 232)]
    assert len(detail["session_ids"]) == 2
    sent = await s.sv.invoices.send(ROOT, list(result.invoice_ids))
    assert sent.sent == [inv.id] and not sent.failed
    msg = s.smtp.messages[-1]
    assert msg["To"] == "donald@duckburg.com" and msg["Subject"].startswith("EV charging invoice ")
    html = msg.get_body(("html",)).get_content()
    assert "<p>Please find attached your EV charging invoice.</p>" in html
    attachment = next(msg.iter_attachments())
    assert attachment.get_filename() == "invoice-1.pdf" and attachment.get_content_type() == "application/pdf"
    text = pdf_text(attachment.get_content(), tmp_path)
    for figure in ("26.85", "14.85", "2.88", "12.00", "2.32", "21.66", "5.20", "99.03", "108986",
                   "FI21 1234 5600 0007 85", "Donald Duck"):
        assert figure in text, figure
    row = (await s.sv.invoices.list(ROOT))[0]
    assert (row.status, row.number, row.invoice_date, row.due_date) == ("sent", 1, s.today,
                                                                      s.today + timedelta(days=14))


async def test_a_run_overlapping_an_earlier_one_is_refused_naming_it(site):
    s = site
    await charge(s, "TAG-D", 5_000)
    await s.sv.invoices.create_run(ROOT, manual_run(s))
    with pytest.raises(ValidationError) as e:
        await s.sv.invoices.create_run(ROOT, replace(manual_run(s), period_start=s.period[1]))
    assert "Donald Duck: preview 108986 to Donald Duck for" in str(e.value) and e.value.field == "period_start"
    # another user over the same period is fine
    await charge(s, "TAG-A", 5_000)
    assert (await s.sv.invoices.create_run(ROOT, replace(manual_run(s), user_ids=(s.daisy,)))).invoice_ids


async def test_recipients_without_email(site):
    s = site
    with pytest.raises(ValidationError) as e:
        await s.sv.invoices.create_run(ROOT, replace(manual_run(s), user_ids=(s.nomail,)))
    assert "Gus Goose has no e-mail address" in str(e.value)
    group_run = replace(manual_run(s), user_ids=(), user_group_ids=(s.fleet.id,))
    with pytest.raises(MissingEmails) as e:
        await s.sv.invoices.create_run(ROOT, group_run)
    assert e.value.names == ["Gus Goose"]
    result = await s.sv.invoices.create_run(ROOT, replace(group_run, leave_out_without_email=True))
    assert result.left_out == ("Gus Goose",)
    rows = await s.sv.invoices.list(ROOT, InvoiceFilter(run_id=result.run_id))
    assert [r.buyer_email for r in rows] == ["fred@fleet.example"]


async def test_a_group_billed_to_one_payer(site):
    s = site
    settings = replace(SELLER, group_payers={str(s.fleet.id): GroupPayer("Fleet Oy", "ap@fleet.example",
                                                                         ("Box 1",), "1234567-8")})
    await s.sv.invoices.save_settings(ROOT, settings, 1)
    await charge(s, "TAG-F", 10_000)
    await charge(s, "TAG-G", 20_000)
    result = await s.sv.invoices.create_run(ROOT, replace(manual_run(s), user_ids=(), user_group_ids=(s.fleet.id,)))
    detail = await s.sv.invoices.get(ROOT, result.invoice_ids[0])
    assert detail["invoice"].buyer_name == "Fleet Oy" and detail["buyer"]["business_id"] == "1234567-8"
    assert [(ln["quantity"], ln["unit"]) for ln in detail["lines"]] == [("30.00", "kWh"), ("8", "month")]


async def test_smtp_failure_leaves_it_unsent_with_the_reason_then_a_retry_sends_it(site, tmp_path):
    s = site
    await charge(s, "TAG-D", 5_000)
    result = await s.sv.invoices.create_run(ROOT, manual_run(s))
    s.smtp.collector.refuse.add("donald@duckburg.com")
    out = await s.sv.invoices.send(ROOT, list(result.invoice_ids))
    assert not out.sent and "Problem with email address." in out.failed[result.invoice_ids[0]]
    row = (await s.sv.invoices.list(ROOT))[0]
    assert row.status == "unsent" and row.number == 1 and "550" in row.mail_error
    s.smtp.collector.refuse.clear()
    out = await s.sv.invoices.resend(ROOT, row.id)
    assert out.sent == [row.id]
    again = (await s.sv.invoices.list(ROOT))[0]
    assert (again.status, again.number, again.mail_error) == ("sent", 1, "")
    detail = await s.sv.invoices.get(ROOT, row.id)
    assert [a["ok"] for a in detail["mail_attempts"]] == [False, True]
    assert "108986" in pdf_text(next(s.smtp.messages[-1].iter_attachments()).get_content(), tmp_path)


async def test_numbers_have_no_gaps_and_reference_bases_are_never_reused(site):
    s = site
    for tag in ("TAG-D", "TAG-A", "TAG-F"):
        await charge(s, tag, 3_000)
    result = await s.sv.invoices.create_run(ROOT, replace(manual_run(s), user_ids=(s.donald, s.daisy, s.fred)))
    rows = await s.sv.invoices.list(ROOT, InvoiceFilter(run_id=result.run_id))
    assert sorted(r.reference for r in rows) == ["108986", "108999", "109008"]
    daisy = next(r for r in rows if r.buyer_name == "Daisy Duck")
    await s.sv.invoices.remove_invoice(ROOT, daisy.id)
    out = await s.sv.invoices.send(ROOT, [r.id for r in rows if r.id != daisy.id])
    assert len(out.sent) == 2
    # Daisy again: her removed preview freed her sessions but not its reference number
    again = await s.sv.invoices.create_run(ROOT, replace(manual_run(s), user_ids=(s.daisy,)))
    await s.sv.invoices.send(ROOT, list(again.invoice_ids))
    rows = await s.sv.invoices.list(ROOT)
    assert sorted(r.number for r in rows) == [1, 2, 3]
    assert next(r for r in rows if r.buyer_name == "Daisy Duck").reference == "109011"


async def test_a_sent_invoice_never_changes_a_credit_note_references_it(site):
    s = site
    await charge(s, "TAG-D", 5_000)
    result = await s.sv.invoices.create_run(ROOT, manual_run(s))
    detail = await s.sv.invoices.get(ROOT, result.invoice_ids[0])
    # a preview's line can go, and the totals follow
    await s.sv.invoices.remove_line(ROOT, detail["lines"][1]["id"])
    detail = await s.sv.invoices.get(ROOT, result.invoice_ids[0])
    assert (detail["invoice"].total_minor, len(detail["lines"])) == (75, 1)
    await s.sv.invoices.send(ROOT, list(result.invoice_ids))
    with pytest.raises(ValidationError):
        await s.sv.invoices.remove_line(ROOT, detail["lines"][0]["id"])
    with pytest.raises(ValidationError):
        await s.sv.invoices.remove_invoice(ROOT, result.invoice_ids[0])
    await s.sv.invoices.save_settings(ROOT, replace(SELLER, seller_name="Renamed Oy"), 1)
    doc = await s.sv.invoices.document(ROOT, result.invoice_ids[0])
    assert doc.seller.name == "Ensto charging solutions Oy"  # frozen when issued
    credit = await s.sv.invoices.credit_note(ROOT, result.invoice_ids[0])
    with pytest.raises(ValidationError):
        await s.sv.invoices.credit_note(ROOT, result.invoice_ids[0])
    await s.sv.invoices.send(ROOT, [credit])
    note = await s.sv.invoices.document(ROOT, credit)
    assert (note.kind, note.number, note.credits_number, note.total_minor) == ("credit_note", "2", "1", -75)
    # credited: the period may be invoiced again
    await charge(s, "TAG-D", 1_000)
    assert (await s.sv.invoices.create_run(ROOT, manual_run(s))).invoice_ids


async def test_paid_unpaid_and_overdue(site):
    s = site
    await charge(s, "TAG-D", 5_000)
    result = await s.sv.invoices.create_run(ROOT, manual_run(s))
    invoice_id = result.invoice_ids[0]
    with pytest.raises(ValidationError):
        await s.sv.invoices.set_paid(ROOT, invoice_id, True)  # a preview
    await s.sv.invoices.send(ROOT, [invoice_id])
    await s.sv.store.run(lambda: m.Invoice.update(due_date=s.today - timedelta(days=1))
                         .where(m.Invoice.id == invoice_id).execute())
    assert [r.status for r in await s.sv.invoices.list(ROOT, InvoiceFilter(overdue=True))] == ["overdue"]
    assert await s.sv.invoices.list(ROOT, InvoiceFilter(status="sent")) == []
    await s.sv.invoices.set_paid(ROOT, invoice_id, True)
    assert (await s.sv.invoices.list(ROOT))[0].status == "paid"
    assert await s.sv.invoices.list(ROOT, InvoiceFilter(overdue=True)) == []
    await s.sv.invoices.set_paid(ROOT, invoice_id, False)
    assert (await s.sv.invoices.list(ROOT))[0].status == "overdue"
    csv_text = await s.sv.invoices.csv_text(ROOT)
    assert csv_text.splitlines()[1].startswith("1,invoice,overdue,108986,RF")


async def test_permissions_by_role_and_domain(site):
    s = site
    await charge(s, "TAG-D", 5_000)
    await charge(s, "TAG-A", 5_000)
    result = await s.sv.invoices.create_run(ROOT, replace(manual_run(s), user_ids=(s.donald, s.daisy)))
    depot_admin = OperatorContext(uuid.uuid4(), "dep", ADMIN, base_group_id=s.depot, domain_groups=frozenset({s.depot}))
    basic = OperatorContext(uuid.uuid4(), "bas", BASIC)
    with pytest.raises(AccessDenied, match="Access denied."):
        await s.sv.invoices.list(basic)
    with pytest.raises(AccessDenied, match="Access denied."):
        await s.sv.invoices.create_run(basic, manual_run(s))
    seen = await s.sv.invoices.list(depot_admin)
    assert [r.buyer_name for r in seen] == ["Donald Duck"]
    daisy = next(i for i in result.invoice_ids if i != seen[0].id)
    for attempt in (s.sv.invoices.get(depot_admin, daisy), s.sv.invoices.remove_invoice(depot_admin, daisy),
                    s.sv.invoices.send(depot_admin, [daisy]), s.sv.invoices.pdf(depot_admin, daisy)):
        with pytest.raises(AccessDenied, match="Operator access forbidden."):
            await attempt
    with pytest.raises(AccessDenied, match="Operator access forbidden."):
        await s.sv.invoices.save_settings(depot_admin, SELLER, 1)
    with pytest.raises(AccessDenied, match="Operator access forbidden."):
        await s.sv.invoices.create_run(depot_admin, replace(manual_run(s), user_ids=(), user_group_ids=(s.fleet.id,)))
    with pytest.raises(ValidationError, match="outside your charging groups"):
        await s.sv.invoices.create_run(depot_admin, RunRequest(date(2000, 1, 1), date(2000, 1, 31),
                                                               user_ids=(s.daisy,)))
    # within the domain the group admin manages the invoice
    await s.sv.invoices.send(depot_admin, [seen[0].id])
    await s.sv.invoices.set_paid(depot_admin, seen[0].id, True)
    assert (await s.sv.invoices.list(depot_admin))[0].status == "paid"


async def test_a_send_reuses_its_smtp_connections_and_reports_the_first_and_last_progress(site, monkeypatch):
    from evdesk.core.invoicing import sending

    s = site
    monkeypatch.setattr(sending, "MAIL_AT_ONCE", 1)
    monkeypatch.setattr(sending, "CHUNK", 2)  # the connection outlives a chunk
    for tag in ("TAG-D", "TAG-A", "TAG-F"):
        await charge(s, tag, 3_000)
    result = await s.sv.invoices.create_run(ROOT, replace(manual_run(s), user_ids=(s.donald, s.daisy, s.fred)))
    s.smtp.collector.refuse.add("daisy@duckburg.com")  # a refused address fails its invoice, not the connection
    seen = []
    out = await s.sv.invoices.send(ROOT, list(result.invoice_ids),
                                   progress=lambda done, total: seen.append((done, total)))
    assert len(out.sent) == 2 and len(out.failed) == 1 and len(s.smtp.messages) == 2
    assert len(set(s.smtp.collector.peers)) == 1  # one connection for the whole send
    assert seen[0] == (1, 3) and seen[-1] == (3, 3)


async def test_cancelling_a_send_stops_before_the_next_chunk(site, monkeypatch):
    import asyncio

    from evdesk.core.invoicing import sending

    s = site
    monkeypatch.setattr(sending, "CHUNK", 1)
    for tag in ("TAG-D", "TAG-A", "TAG-F"):
        await charge(s, tag, 3_000)
    result = await s.sv.invoices.create_run(ROOT, replace(manual_run(s), user_ids=(s.donald, s.daisy, s.fred)))
    cancel, seen = asyncio.Event(), []

    def progress(done, total):
        seen.append((done, total))
        cancel.set()

    out = await s.sv.invoices.send(ROOT, list(result.invoice_ids), progress=progress, cancelled=cancel)
    # the next chunk's PDF may already be under way when the first mail is done: it stays unsent ("cancelled");
    # no chunk after it is issued
    assert out.cancelled and len(out.sent) == 1 and seen[0] == (1, 3) and len(s.smtp.messages) == 1
    assert set(out.failed.values()) <= {sending.CANCELLED} and len(out.failed) <= 1
    rows = await s.sv.invoices.list(ROOT, InvoiceFilter(run_id=result.run_id))
    statuses = sorted(r.status for r in rows)
    assert statuses in (["preview", "preview", "sent"], ["preview", "sent", "unsent"])
    assert sorted(r.number for r in rows if r.number) == list(range(1, 1 + len(out.sent) + len(out.failed)))
    # the rest are sent later, numbered on without a gap
    out = await s.sv.invoices.send(ROOT, [r.id for r in rows if r.status in ("preview", "unsent")])
    assert len(out.sent) == 2
    assert sorted(r.number for r in await s.sv.invoices.list(ROOT)) == [1, 2, 3]


async def test_the_pdf_follows_the_settings_language(site, tmp_path):
    s = site
    await charge(s, "TAG-D", 5_000)
    await s.sv.invoices.save_settings(ROOT, replace(SELLER, language="fi"), 1)
    result = await s.sv.invoices.create_run(ROOT, manual_run(s))
    text = pdf_text(await s.sv.invoices.pdf(ROOT, result.invoice_ids[0]), tmp_path)
    assert "Viitenumero" in text or "viitenumero" in text.lower()
