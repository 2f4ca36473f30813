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
* Invoices are issued, rendered and mailed in chunks; the next chunk's PDFs are made
  while the current chunk is mailed. The PDF work runs in worker processes (reportlab
  holds the GIL): the loop only awaits. Cancelling stops before the next chunk is
  issued; invoices of the current chunk not mailed yet stay unsent with the reason
  "cancelled", to be sent again.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
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
from evdesk.core.invoicing.settings import InvoiceSettings, html_to_text
from evdesk.store.queries import invoicing as q
from evdesk.store.repos import invoicing as repo
from evdesk.store.write import tombstone_where

log = logging.getLogger(__name__)

CHUNK = 50
MAIL_AT_ONCE = 4
CANCELLED = "Sending was cancelled before this invoice was e-mailed. Send it again to deliver it."


class PdfRenderer(Protocol):
    async def render_many(self, docs: list[InvoiceDocument]) -> list[bytes]: ...


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
        total = len(ids)
        chunks = [ids[i:i + CHUNK] for i in range(0, total, CHUNK)]
        done = 0

        async def prepare(chunk):
            issued = await self.store.atomic(issue, chunk, settings, today, zone)
            pdfs = await self.renderer.render_many([doc for _, _, doc in issued])
            return issued, pdfs

        pending = asyncio.ensure_future(prepare(chunks[0])) if chunks else None
        for index in range(len(chunks)):
            issued, pdfs = await pending
            stop = cancelled is not None and cancelled.is_set()
            pending = (asyncio.ensure_future(prepare(chunks[index + 1]))
                       if index + 1 < len(chunks) and not stop else None)
            outcomes = await self._mail(issued, pdfs, settings, cancelled)
            await self.store.run(record_outcomes, outcomes)
            for invoice_id, _, error in outcomes:
                if error is None:
                    result.sent.append(invoice_id)
                else:
                    result.failed[invoice_id] = error
            done += len(chunks[index])
            if progress is not None:
                progress(done, total)
            self.bus.publish(ev.InvoicesChanged(None, tuple(i for i, _, _ in outcomes)))
            if cancelled is not None and cancelled.is_set():
                result.cancelled = True
                if pending is not None:
                    issued_next, _ = await pending  # already issued: record them as cancelled, never lose them
                    outcomes = [(i, to, CANCELLED) for i, to, _ in issued_next]
                    await self.store.run(record_outcomes, outcomes)
                    result.failed.update({i: CANCELLED for i, _, _ in outcomes})
                break
        return result

    async def _mail(self, issued, pdfs, settings: InvoiceSettings, cancelled) -> list[tuple[UUID, str, str | None]]:
        gate = asyncio.Semaphore(MAIL_AT_ONCE)
        body_text = html_to_text(settings.email_html)

        async def one(invoice_id, to, doc, pdf):
            async with gate:
                if cancelled is not None and cancelled.is_set():
                    return invoice_id, to, CANCELLED
                period = period_text(doc.period_start, doc.period_end)
                subject = (settings.email_subject or "EV charging invoice {period}").replace("{period}", period)
                try:
                    await self.mailer.send(to, subject, body_text, html=settings.email_html,
                                           attachments=[(pdf_name(doc), pdf, "application/pdf")])
                except EvdeskError as exc:
                    return invoice_id, to, str(exc)
                return invoice_id, to, None

        return list(await asyncio.gather(*(one(i, to, doc, pdf) for (i, to, doc), pdf in zip(issued, pdfs))))
