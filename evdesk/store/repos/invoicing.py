"""Invoice runs, invoices, lines, billed sessions and mail attempts: the writes.

Functions run on the database worker, inside the caller's transaction (`store.atomic`),
and write synced rows through `evdesk.store.write`. The rules (who may, what may change
when) are the invoicing service's; here only two facts are kept: reference bases and
invoice numbers come from the highest ever used, tombstoned rows included, so neither
is ever handed out twice.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

import peewee

from evdesk.store import models as m
from evdesk.store import write as w

RUN, INV, LINE, SES, MAIL = m.InvoiceRun, m.Invoice, m.InvoiceLine, m.InvoiceSession, m.MailAttempt


def next_reference_base(start: int) -> int:
    highest = INV.select(peewee.fn.MAX(INV.reference_base)).scalar()
    return max(int(start), int(highest or 0) + 1)


def next_number(start: int) -> int:
    highest = INV.select(peewee.fn.MAX(INV.number)).scalar()
    return max(int(start), int(highest or 0) + 1)


def insert_run(period_start: date, period_end: date, created_by: str, domain_group_id: UUID | None,
               options: dict) -> UUID:
    return w.versioned_insert(RUN, period_start=period_start, period_end=period_end, created_by=created_by,
                              domain_group=domain_group_id, options=options).id


def insert_invoice(fields: dict[str, Any], lines: list[dict[str, Any]], session_ids: list[UUID]) -> UUID:
    invoice_id = w.versioned_insert(INV, **fields).id
    if lines:
        w.versioned_insert_many(LINE, [{**ln, "invoice": invoice_id} for ln in lines])
    if session_ids:
        w.versioned_insert_many(SES, [{"invoice": invoice_id, "transaction": s} for s in session_ids])
    return invoice_id


def remove_invoice(invoice_id: UUID) -> None:
    """A preview goes away with its lines and its sessions (which may then be billed again)."""
    w.tombstone_where(LINE, LINE.invoice == invoice_id)
    w.tombstone_where(SES, SES.invoice == invoice_id)
    w.tombstone(INV, invoice_id)


def remove_line(line_id: UUID) -> None:
    w.tombstone(LINE, line_id)


def set_lines(invoice_id: UUID, positions: list[tuple[UUID, int]]) -> None:
    for line_id, position in positions:
        w.versioned_update(LINE, line_id, position=position)


def update_invoice(invoice_id: UUID, expected_version: int | None = None, **fields: Any) -> int:
    return w.versioned_update(INV, invoice_id, expected_version, **fields)


def add_mail_attempt(invoice_id: UUID, at: datetime, to: str, ok: bool, error: str = "") -> None:
    MAIL.create(invoice=invoice_id, at=at, to=to, ok=ok, error=error)
