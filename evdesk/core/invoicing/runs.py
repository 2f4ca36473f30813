"""Making an invoice run's previews (000 l.894-944): who is billed, for what, and what is refused.

Rules:

* Recipients are the chosen charging users (each needs an e-mail address: one without
  is refused by name) and the members of the chosen charging user groups. A group with
  a payer in the invoice settings gets one invoice to that payer for all its members'
  sessions and fees; a group without one gets an invoice per member. Members without an
  e-mail address are named and the run is refused unless the operator agreed to leave
  them out (the manual's confirmation window), then they are reported as left out.
* A run over a period that overlaps an earlier invoice (preview or issued, unless an issued
  credit note cancelled it) of the same user is refused, naming the user, the invoice and
  its period.
* Sessions billed are the finished ones that stopped inside the period (00:00 of the
  first day to 24:00 of the last, in the site's time zone) and that no live invoice
  bills yet. Monthly fees count the period's full months (`rules.full_months`).
* A recipient with nothing to bill (no session lines, no fee) gets no invoice and is
  reported.
* Each invoice takes the next reference base (never reused: a removed preview's base
  stays used). The invoice date of a preview is the day it is made; it is re-dated when
  it is issued (sent).

The functions here run on the database worker, inside one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from uuid import UUID

from evdesk.core.errors import ValidationError
from evdesk.core.invoicing import rules
from evdesk.core.invoicing.documents import day_text, period_text
from evdesk.core.invoicing.reference import national_reference, rf_reference
from evdesk.core.invoicing.settings import InvoiceSettings, MonthlyFee
from evdesk.store.queries import invoicing as q
from evdesk.store.repos import invoicing as repo


class MissingEmails(ValidationError):
    """Members of a chosen group have no e-mail address: make the others' invoices only if agreed."""

    def __init__(self, names: list[str]):
        shown = ", ".join(names[:10]) + (f" and {len(names) - 10} more" if len(names) > 10 else "")
        super().__init__(f"These group members have no e-mail address and would get no invoice: {shown}. "
                         "Make invoices for the members who have one, or cancel and add the addresses.",
                         field="user_group_ids")
        self.names = names


@dataclass(frozen=True)
class RunRequest:
    period_start: date
    period_end: date
    user_ids: tuple[UUID, ...] = ()
    user_group_ids: tuple[UUID, ...] = ()
    kwh_price: Decimal | None = None                    # the manual's KWH PRICE: overrides the sessions' prices
    monthly_fees: tuple[MonthlyFee, ...] | None = None  # None: the settings' fees
    leave_out_without_email: bool = False


@dataclass(frozen=True)
class RunResult:
    run_id: UUID
    invoice_ids: tuple[UUID, ...]
    left_out: tuple[str, ...] = ()        # group members without an e-mail address
    nothing_to_bill: tuple[str, ...] = ()


@dataclass
class _Recipient:
    name: str
    email: str
    user_ids: list[UUID]
    user_group_id: UUID | None
    home_group_id: UUID | None
    single_user: UUID | None
    buyer: dict = field(default_factory=dict)


def full_name(u: dict) -> str:
    return f"{u['first_name']} {u['last_name']}".strip() or (u.get("email") or "(no name)")


def check_request(req: RunRequest) -> None:
    if req.period_end < req.period_start:
        raise ValidationError("The period ends before it starts.", field="period_end")
    if (req.period_end - req.period_start).days > 3 * 366:
        raise ValidationError("An invoice period is at most three years.", field="period_end")
    if not req.user_ids and not req.user_group_ids:
        raise ValidationError("Choose the charging users or user groups to invoice.", field="user_ids")
    if req.kwh_price is not None and not (Decimal(0) <= req.kwh_price <= Decimal(1000)):
        raise ValidationError("The kWh price must be between 0 and 1000.", field="kwh_price")


def recipients(req: RunRequest, settings: InvoiceSettings) -> tuple[list[_Recipient], list[str]]:
    out: list[_Recipient] = []
    left_out: list[str] = []
    chosen = q.users(list(req.user_ids)) if req.user_ids else []
    if len(chosen) != len(set(req.user_ids)):
        raise ValidationError("A chosen charging user was not found. Someone may have deleted them; reload.",
                              field="user_ids")
    seen: set[UUID] = set()
    for u in chosen:
        if not (u["email"] or "").strip():
            raise ValidationError(f"{full_name(u)} has no e-mail address, so no invoice can be sent. "
                                  "Add one on the Users page first.", field="user_ids")
        seen.add(u["id"])
        out.append(_Recipient(full_name(u), u["email"].strip(), [u["id"]], None, u["home_group_id"], u["id"]))
    groups = {g["id"]: g for g in q.user_groups(list(req.user_group_ids))} if req.user_group_ids else {}
    if len(groups) != len(set(req.user_group_ids)):
        raise ValidationError("A chosen user group was not found. Someone may have deleted it; reload.",
                              field="user_group_ids")
    missing: list[str] = []
    for group_id, group in groups.items():
        members = [u for u in q.users(group_ids=[group_id]) if u["user_group_id"] == group_id and u["id"] not in seen]
        payer = settings.group_payers.get(str(group_id))
        if payer is not None:
            if members:
                seen.update(u["id"] for u in members)
                out.append(_Recipient(payer.name, payer.email, [u["id"] for u in members], group_id, None, None,
                                      {"name": payer.name, "email": payer.email,
                                       "address_lines": list(payer.address_lines),
                                       "business_id": payer.business_id}))
            continue
        for u in members:
            seen.add(u["id"])
            if not (u["email"] or "").strip():
                missing.append(full_name(u))
                continue
            out.append(_Recipient(full_name(u), u["email"].strip(), [u["id"]], None, u["home_group_id"], u["id"]))
    if missing and not req.leave_out_without_email:
        raise MissingEmails(missing)
    left_out = missing
    for r in out:
        if not r.buyer:
            r.buyer = {"name": r.name, "email": r.email}
    return out, left_out


def refuse_overlaps(req: RunRequest, people: list[_Recipient]) -> None:
    users = {uid: r.name for r in people for uid in r.user_ids}
    clashes = []
    for inv in q.overlapping(req.period_start, req.period_end):
        if q.credited(inv["id"], issued_only=True):  # cancelled by an issued credit note: its sessions are free
            continue
        hit = [users[UUID(str(u))] for u in inv["user_ids"] if UUID(str(u)) in users]
        if hit:
            which = f"invoice {inv['number']}" if inv["number"] else f"preview {inv['reference']}"
            clashes.append(f"{', '.join(sorted(set(hit)))}: {which} to {inv['buyer_name']} for "
                           f"{period_text(inv['period_start'], inv['period_end'])}")
    if clashes:
        more = f" and {len(clashes) - 5} more" if len(clashes) > 5 else ""
        raise ValidationError("This period overlaps invoices already made for the same users ("
                              + "; ".join(clashes[:5]) + more + "). Choose a period after theirs, or remove "
                              "those previews first.", field="period_start")


def period_bounds(start: date, end: date, zone) -> tuple[datetime, datetime]:
    return (datetime.combine(start, time(0), zone),
            datetime.combine(end + timedelta(days=1), time(0), zone))


def make_previews(req: RunRequest, settings: InvoiceSettings, zone, today: date, created_by: str,
                  domain_group_id: UUID | None, currency: str, visible) -> RunResult:
    """(database worker, one transaction) Check, then write the run and its preview invoices.
    `visible(home_group_id)` says whether the operator sees a user (their domain)."""
    check_request(req)
    people, left_out = recipients(req, settings)
    for r in people:
        if r.single_user is not None and not visible(r.home_group_id):
            raise ValidationError(f"{r.name} is outside your charging groups; you cannot invoice them.",
                                  field="user_ids")
    refuse_overlaps(req, people)
    since, until = period_bounds(req.period_start, req.period_end, zone)
    sessions: dict[UUID, list[dict]] = {}
    for s in q.unbilled_sessions([uid for r in people for uid in r.user_ids], since, until):
        sessions.setdefault(s["user_id"], []).append(s)
    fees = settings.monthly_fees if req.monthly_fees is None else req.monthly_fees
    months = rules.full_months(req.period_start, req.period_end)
    options = {"kwh_price": None if req.kwh_price is None else str(req.kwh_price),
               "monthly_fees": [f.to_dict() for f in fees], "months": months,
               "user_ids": [str(u) for u in req.user_ids], "user_group_ids": [str(g) for g in req.user_group_ids]}
    run_id = repo.insert_run(req.period_start, req.period_end, created_by, domain_group_id, options)
    group_of = {u["id"]: u["user_group_id"] for u in q.users([uid for r in people for uid in r.user_ids])}
    made, empty = [], []
    for r in people:
        mine = [s for uid in r.user_ids for s in sessions.get(uid, ())]
        facts = [rules.SessionFacts(str(s["id"]), str(s["user_id"]), s["energy_wh"] or 0, s["tariff_name"], s["cost"])
                 for s in mine]
        if req.kwh_price is not None:
            lines = rules.energy_line(facts, req.kwh_price, settings.vat_rate)
        else:
            lines = rules.breakdown_lines(facts, settings.vat_rate)
        fee_group = r.user_group_id or group_of.get(r.single_user)
        lines += rules.monthly_lines(months, fees, None if fee_group is None else str(fee_group), settings.vat_rate,
                                     members=len(r.user_ids))
        if not lines:
            empty.append(r.name)
            continue
        made.append(_insert(run_id, r, lines, [s["id"] for s in mine], req, settings, today, currency))
    return RunResult(run_id, tuple(made), tuple(left_out), tuple(empty))


def line_rows(lines: list[rules.DraftLine]) -> list[dict]:
    out = []
    for i, ln in enumerate(lines):
        p = ln.printed()
        out.append({"position": i, "kind": ln.kind, "description": ln.description[:300], "quantity": p.quantity,
                    "unit": ln.unit, "unit_price_gross": None if ln.unit_price_gross is None
                    else str(ln.unit_price_gross), "gross_exact": str(ln.gross_exact), "vat_rate": p.vat_rate,
                    "gross_minor": p.gross_minor, "vat_minor": p.vat_minor})
    return out


def totals_fields(lines: list[rules.DraftLine]) -> dict:
    t = rules.totals(lines)
    return {"net_minor": t.net_minor, "vat_minor": t.vat_minor, "total_minor": t.total_minor,
            "vat_totals": [{"vat_rate": v.vat_rate, "net_minor": v.net_minor, "vat_minor": v.vat_minor,
                            "gross_minor": v.gross_minor} for v in t.per_rate]}


def drafts_of(rows: list[dict]) -> list[rules.DraftLine]:
    """Stored lines back as exact drafts (for totals after a line is removed)."""
    return [rules.DraftLine(r["kind"], r["description"], Decimal(r["quantity"]), r["unit"],
                            None if r["unit_price_gross"] is None else Decimal(r["unit_price_gross"]),
                            Decimal(r["gross_exact"]), Decimal(r["vat_rate"])) for r in rows]


def _insert(run_id, r: _Recipient, lines, session_ids, req: RunRequest, settings: InvoiceSettings, today: date,
            currency: str) -> UUID:
    base = repo.next_reference_base(settings.reference_start)
    reference = national_reference(base)
    fields = {"run": run_id, "kind": "invoice", "status": "preview", "reference_base": base, "reference": reference,
              "rf_reference": rf_reference(reference), "user": r.single_user, "user_group": r.user_group_id,
              "user_ids": [str(u) for u in r.user_ids], "home_group": r.home_group_id, "buyer": r.buyer,
              "buyer_name": r.name[:255], "buyer_email": r.email[:255], "invoice_date": today,
              "due_date": rules.due_date(today, settings.payment_terms_days), "period_start": req.period_start,
              "period_end": req.period_end, "currency": currency, **totals_fields(lines)}
    return repo.insert_invoice(fields, line_rows(lines), session_ids)


__all__ = ["MissingEmails", "RunRequest", "RunResult", "make_previews", "day_text", "drafts_of", "totals_fields"]
