"""Sending invoices: issue (number them, freeze them), make the PDFs in worker processes,
e-mail each with its PDF attached.

Rules:

* **Issuing** gives an invoice its number (the next of the consecutive series, in the
  order sent) and freezes its document (seller, dates, lines, appendix) as JSON; from
  then on it never changes. Its invoice date becomes the day it is issued and the due
  date that plus the payment terms. An issued invoice is never removed (a correction is
  a credit note), so the numbers have no gaps.
* An issued invoice whose e-mail failed is **unsent**: it keeps the server's reason
  ("Problem with email address. ..."); sending it again retries with the same number
  and the same PDF content. Every attempt is recorded (`MailAttempt`).
* Invoices are issued in chunks; a chunk's PDFs are made in worker processes
  (`InvoicePdfPool`: reportlab holds the GIL, the loop only awaits) and each is e-mailed
  as soon as it is ready, a few at a time; the next chunk is issued and rendered while
  the last mails of the previous one go out. A PDF that could not be made leaves its
  invoice unsent with that reason. Cancelling stops the rendering and the mails not
  started yet; those invoices stay unsent with the reason "cancelled", to be sent
  again; no further chunk is issued.
* The mails of a send go over MAIL_AT_ONCE SMTP connections (`Mailer.session`), each
  kept for the whole send and used by one mail at a time: a run pays the connection
  (EHLO, TLS, log-in) a few times, not once per invoice. Each chunk's outcomes are
  written in one store transaction.
* Progress is reported for the first invoice done, then at most every PROGRESS_EVERY
  seconds, and for the last: a progress bar repaints the window at once when its value changes, a
  thousand repaints would be loop time taken from the window.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol
from uuid import UUID

from evdesk.core import events as ev
from evdesk.core.clock import utcnow
from evdesk.core.errors import EvdeskError
from evdesk.core.invoicing import rules
from evdesk.core.invoicing.document import InvoiceDocument
from evdesk.core.invoicing.documents import build_document, document_from_dict, document_to_dict, period_text
from evdesk.core.invoicing.render_pool import RenderedInvoice
from evdesk.core.invoicing.settings import InvoiceSettings, html_to_text
from evdesk.store.queries import invoicing as q
from evdesk.store.repos import invoicing as repo
from evdesk.store.write import tombstone_where

log = logging.getLogger(__name__)

CHUNK = 100
MAIL_AT_ONCE = 4
PROGRESS_EVERY = 0.2  # s: a progress bar repaints when told, so it is told at most five times a second
CANCELLED = "Sending was cancelled before this invoice was e-mailed. Send it again to deliver it."


class PdfRenderer(Protocol):
    """What sending needs of the PDF pool (`render_pool.InvoicePdfPool`)."""

    def render_many(self, docs: list[InvoiceDocument], on_progress=None,
                    cancel_event: asyncio.Event | None = None) -> AsyncIterator[RenderedInvoice]: ...

    async def render(self, doc: InvoiceDocument) -> bytes: ...


@dataclass
class SendResult:
    sent: list[UUID] = field(default_factory=list)
    failed: dict[UUID, str] = field(default_factory=dict)
    cancelled: bool = False


def pdf_name(doc: InvoiceDocument) -> str:
    kind = "credit-note" if doc.kind == "credit_note" else "invoice"
    return f"{kind}-{doc.number or doc.reference}.pdf"


def issue(ids: list[UUID], settings: InvoiceSettings, today: date, zone) -> list[tuple[UUID, str, InvoiceDocument]]:
    """(database worker, one transaction) Number and freeze the previews among `ids`; returns
    (id, e-mail, document) for each, issued earlier or now, in the given order."""
    out = []
    for invoice_id in ids:
        row = q.invoice(invoice_id)
        if row is None or row["status"] not in ("preview", "unsent"):
            continue
        if row["status"] == "preview":
            number = repo.next_number(settings.number_start)
            row.update(number=number, invoice_date=today, due_date=rules.due_date(today, settings.payment_terms_days))
            credits_number = ""
            if row["credits_id"] is not None:
                original = q.invoice(row["credits_id"])
                credits_number = str(original["number"]) if original else ""
                tombstone_where(repo.SES, repo.SES.invoice == row["credits_id"])  # its sessions may be billed again
            doc = build_document(row, settings, q.sessions_of(row["session_ids"]), zone, credits_number)
            repo.update_invoice(invoice_id, number=number, invoice_date=today, due_date=row["due_date"],
                                status="unsent", document=document_to_dict(doc), issued_at=utcnow(), mail_error="")
        else:
            doc = document_from_dict(row["document"])
        out.append((invoice_id, row["buyer_email"], doc))
    return out


def record_outcomes(outcomes: list[tuple[UUID, str, str | None]]) -> None:
    """(database worker) (id, address, None when sent or the reason it was not)."""
    now = utcnow()
    for invoice_id, to, error in outcomes:
        repo.add_mail_attempt(invoice_id, now, to, error is None, error or "")
        if error is None:
            repo.update_invoice(invoice_id, status="sent", sent_at=now, mail_error="")
        else:
            repo.update_invoice(invoice_id, mail_error=error)


class InvoiceSender:
    def __init__(self, store, bus, mailer, renderer: PdfRenderer):
        self.store = store
        self.bus = bus
        self.mailer = mailer
        self.renderer = renderer

    async def send(self, ids: list[UUID], settings: InvoiceSettings, zone, today: date, *,
                   progress: Callable[[int, int], None] | None = None,
                   cancelled: asyncio.Event | None = None) -> SendResult:
        result = SendResult()
        total, done = len(ids), 0
        sessions = [self.mailer.session() for _ in range(MAIL_AT_ONCE)]
        idle: asyncio.Queue = asyncio.Queue()
        for session in sessions:
            idle.put_nowait(session)

        reported_at = float("-inf")

        def count(_task) -> None:
            nonlocal done, reported_at
            done += 1
            now = time.monotonic()
            if progress is not None and (done == total or now - reported_at >= PROGRESS_EVERY):
                reported_at = now
                progress(done, total)

        async def finish(outcomes, mails, never_rendered) -> None:
            """A chunk's mails done: record them (while the next chunk's PDFs are being made)."""
            outcomes += await asyncio.gather(*mails)
            outcomes += [(invoice_id, to, CANCELLED) for invoice_id, to, _ in never_rendered]
            await self.store.atomic(record_outcomes, outcomes)
            for invoice_id, _, error in outcomes:
                if error is None:
                    result.sent.append(invoice_id)
                else:
                    result.failed[invoice_id] = error
            self.bus.publish(ev.InvoicesChanged(None, tuple(i for i, _, _ in outcomes)))

        finishing: list[asyncio.Task] = []
        try:
            for start in range(0, total, CHUNK):
                if cancelled is not None and cancelled.is_set():
                    break
                issued = await self.store.atomic(issue, ids[start:start + CHUNK], settings, today, zone)
                by_number = {doc.number: (invoice_id, to, doc) for invoice_id, to, doc in issued}
                outcomes: list[tuple[UUID, str, str | None]] = []
                mails: list[asyncio.Task] = []
                async for rendered in self.renderer.render_many([doc for _, _, doc in issued],
                                                                cancel_event=cancelled):
                    invoice_id, to, doc = by_number.pop(rendered.number)
                    if rendered.error:
                        outcomes.append((invoice_id, to, rendered.error))
                        count(None)
                        continue
                    task = asyncio.ensure_future(self._mail(idle, invoice_id, to, doc, rendered.pdf, settings,
                                                            cancelled))
                    task.add_done_callback(count)
                    mails.append(task)
                finishing.append(asyncio.ensure_future(finish(outcomes, mails, list(by_number.values()))))
        finally:
            try:
                await asyncio.gather(*finishing)  # every issued invoice's outcome is recorded, whatever happened
            finally:
                await asyncio.gather(*(session.close() for session in sessions), return_exceptions=True)
        if cancelled is not None and cancelled.is_set():
            result.cancelled = True
        return result

    async def _mail(self, idle: asyncio.Queue, invoice_id: UUID, to: str, doc: InvoiceDocument, pdf: bytes,
                    settings: InvoiceSettings, cancelled: asyncio.Event | None) -> tuple[UUID, str, str | None]:
        session = await idle.get()  # one of the send's connections, free
        try:
            if cancelled is not None and cancelled.is_set():
                return invoice_id, to, CANCELLED
            period = period_text(doc.period_start, doc.period_end)
            subject = (settings.email_subject or "EV charging invoice {period}").replace("{period}", period)
            try:
                await session.send(to, subject, html_to_text(settings.email_html), html=settings.email_html,
                                   attachments=[(pdf_name(doc), pdf, "application/pdf")])
            except EvdeskError as exc:
                return invoice_id, to, str(exc)
            return invoice_id, to, None
        finally:
            idle.put_nowait(session)
