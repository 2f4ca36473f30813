"""Invoices for the read side: lists with filters, one invoice with its lines, the facts
an invoice run is made from (recipients, unbilled finished sessions, earlier invoices).

Which invoices an operator sees is decided by the caller (it passes the home groups).
"""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

import peewee

from evdesk.store import models as m

RUN, INV, LINE, SES, MAIL = m.InvoiceRun, m.Invoice, m.InvoiceLine, m.InvoiceSession, m.MailAttempt
T, U, UG, TK, ST = m.Transaction, m.ChargingUser, m.UserGroup, m.Token, m.Station

INVOICE_FIELDS = (INV.id, INV.version, INV.run.alias("run_id"), INV.kind, INV.status, INV.number, INV.reference_base,
                  INV.reference, INV.rf_reference, INV.user.alias("user_id"), INV.user_group.alias("user_group_id"),
                  INV.user_ids, INV.home_group.alias("home_group_id"), INV.buyer, INV.buyer_name, INV.buyer_email,
                  INV.invoice_date, INV.due_date, INV.period_start, INV.period_end, INV.currency, INV.net_minor,
                  INV.vat_minor, INV.total_minor, INV.vat_totals, INV.credits.alias("credits_id"), INV.issued_at,
                  INV.sent_at, INV.paid_at, INV.mail_error)


def _visible(query, homes: frozenset[UUID] | None):
    if homes is not None:
        query = query.where(INV.home_group.in_(list(homes)))
    return query


def invoices(homes: frozenset[UUID] | None, f: dict, limit: int = 5000) -> list[dict]:
    """`f`: run_id, status (preview / unsent / sent / paid / overdue), user_id, period (start, end):
    overlapping it, today (for overdue), text (name, e-mail, reference or number)."""
    query = _visible(INV.alive(*INVOICE_FIELDS), homes)
    if f.get("run_id"):
        query = query.where(INV.run == f["run_id"])
    status, today = f.get("status"), f.get("today") or date.today()
    # overdue is not stored: a sent invoice past its due date (an unsent one stays "not sent")
    if status == "overdue" or f.get("overdue"):
        query = query.where((INV.status == "sent") & (INV.due_date < today))
    elif status == "sent":
        query = query.where((INV.status == "sent") & (INV.due_date >= today))
    elif status:
        query = query.where(INV.status == status)
    if f.get("user_id"):
        query = query.where(INV.user == f["user_id"])
    if f.get("period"):
        start, end = f["period"]
        query = query.where((INV.period_start <= end) & (INV.period_end >= start))
    if f.get("text"):
        text = f["text"].strip()
        cond = INV.buyer_name.contains(text) | INV.buyer_email.contains(text) | INV.reference.startswith(text)
        if text.isdigit():
            cond |= INV.number == int(text)
        query = query.where(cond)
    query = query.order_by(INV.reference_base.desc())  # newest first (bases are handed out in order)
    return list(query.limit(limit).dicts())


def invoice(invoice_id: UUID) -> dict | None:
    row = INV.alive(*INVOICE_FIELDS, INV.document).where(INV.id == invoice_id).dicts().first()
    if row is None:
        return None
    row["lines"] = list(LINE.alive(LINE.id, LINE.version, LINE.position, LINE.kind, LINE.description, LINE.quantity,
                                   LINE.unit, LINE.unit_price_gross, LINE.gross_exact, LINE.vat_rate, LINE.gross_minor,
                                   LINE.vat_minor).where(LINE.invoice == invoice_id).order_by(LINE.position).dicts())
    row["session_ids"] = [s for (s,) in SES.alive(SES.transaction).where(SES.invoice == invoice_id).tuples()]
    row["mail_attempts"] = list(MAIL.select(MAIL.at, MAIL.to, MAIL.ok, MAIL.error)
                                .where(MAIL.invoice == invoice_id).order_by(MAIL.at).dicts())
    return row


def invoices_by_ids(ids: list[UUID]) -> list[dict]:
    out = []
    for start in range(0, len(ids), 400):
        out += list(INV.alive(*INVOICE_FIELDS).where(INV.id.in_(ids[start:start + 400])).dicts())
    return out


def lines_of(invoice_ids: list[UUID]) -> dict[UUID, list[dict]]:
    out: dict[UUID, list[dict]] = {}
    for start in range(0, len(invoice_ids), 400):
        for ln in (LINE.alive(LINE.id, LINE.invoice.alias("invoice_id"), LINE.position, LINE.description,
                              LINE.quantity, LINE.unit, LINE.unit_price_gross, LINE.gross_minor, LINE.vat_rate,
                              LINE.vat_minor)
                   .where(LINE.invoice.in_(invoice_ids[start:start + 400])).order_by(LINE.position).dicts()):
            out.setdefault(ln["invoice_id"], []).append(ln)
    return out


def line_owner(line_id: UUID) -> UUID | None:
    return LINE.alive(LINE.invoice).where(LINE.id == line_id).scalar()


def runs(homes: frozenset[UUID] | None) -> list[dict]:
    query = RUN.alive(RUN.id, RUN.version, RUN.period_start, RUN.period_end, RUN.created_by,
                      RUN.domain_group.alias("domain_group_id"), RUN.options, RUN.updated_at)
    if homes is not None:
        query = query.where(RUN.domain_group.in_(list(homes)))
    rows = list(query.order_by(RUN.id.desc()).dicts())
    counts = dict(INV.alive(INV.run, peewee.fn.COUNT(INV.id)).where(INV.run.is_null(False)).group_by(INV.run).tuples())
    for r in rows:
        r["invoices"] = counts.get(r["id"], 0)
    return rows


def overlapping(period_start: date, period_end: date) -> list[dict]:
    """Live invoices (not credit notes) whose period overlaps, with their users."""
    return list(INV.alive(INV.id, INV.number, INV.reference, INV.status, INV.user_ids, INV.buyer_name,
                          INV.period_start, INV.period_end)
                .where((INV.kind == "invoice") & (INV.period_start <= period_end) & (INV.period_end >= period_start))
                .dicts())


def credited(invoice_id: UUID, issued_only: bool = False) -> bool:
    """Has a credit note (with `issued_only`: one that has been issued, not a preview)."""
    query = INV.alive().where(INV.credits == invoice_id)
    if issued_only:
        query = query.where(INV.status != "preview")
    return query.exists()


# -- the facts a run is made from -----------------------------------------------------------------------------------
def users(user_ids: list[UUID] | None = None, group_ids: list[UUID] | None = None) -> list[dict]:
    query = U.alive(U.id, U.first_name, U.last_name, U.email, U.home_group.alias("home_group_id"),
                    U.user_group.alias("user_group_id"), U.status)
    cond = None
    if user_ids:
        cond = U.id.in_(user_ids)
    if group_ids:
        cond = U.user_group.in_(group_ids) if cond is None else cond | U.user_group.in_(group_ids)
    if cond is not None:
        query = query.where(cond)
    return list(query.order_by(U.last_name, U.first_name).dicts())


def user_groups(group_ids: list[UUID] | None = None) -> list[dict]:
    query = UG.alive(UG.id, UG.name)
    if group_ids is not None:
        query = query.where(UG.id.in_(group_ids))
    return list(query.order_by(UG.name).dicts())


def unbilled_sessions(user_ids: list[UUID], since: datetime, until: datetime) -> list[dict]:
    """Finished sessions of these users that stopped in [since, until) and no live invoice bills."""
    billed = SES.alive(SES.transaction)
    out = []
    for start in range(0, len(user_ids), 400):
        chunk = user_ids[start:start + 400]
        query = (T.alive(T.id, T.user.alias("user_id"), T.energy_wh, T.tariff_name, T.cost, T.cost_total_minor,
                         T.started_at, T.stopped_at, T.id_tag, ST.name.alias("station_name"),
                         ST.identity.alias("station_identity"))
                 .join(ST, on=(T.station == ST.id))
                 .where(T.user.in_(chunk) & T.stopped_at.is_null(False) & (T.stopped_at >= since)
                        & (T.stopped_at < until) & (T.state != "active") & T.id.not_in(billed))
                 .order_by(T.started_at))
        out += list(query.dicts())
    return out


def sessions_of(session_ids: list[UUID]) -> list[dict]:
    out = []
    for start in range(0, len(session_ids), 400):
        out += list(T.select(T.id, T.energy_wh, T.cost_total_minor, T.started_at, T.id_tag,
                             ST.name.alias("station_name"), ST.identity.alias("station_identity"))
                    .join(ST, on=(T.station == ST.id)).where(T.id.in_(session_ids[start:start + 400]))
                    .order_by(T.started_at).dicts())
    return out
