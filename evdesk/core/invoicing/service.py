"""The invoicing service: settings, runs and previews, sending, paid / unpaid, credit notes,
the list, PDFs and the accounting CSV.

Who may (000 l.126, 162): invoices are an admin matter (`Permission.INVOICES`; basic
operators and analysts get "Access denied."). Domains: an invoice to one charging user
belongs to the user's home charging group and is seen and managed by the admins whose
domain holds it; an invoice to a user group's payer, a run over user groups and the
invoice settings reach the whole site, so they take an admin of the whole site ("Operator
access forbidden." otherwise).

Statuses: preview (made, not sent), unsent (issued, the e-mail failed: the reason is
kept), sent, paid; **overdue** is not stored but computed: a sent invoice whose due date
has passed (today in the site's zone). Paid → unpaid goes back to sent (or unsent when it
was never delivered); the screens ask for confirmation. Only previews change (remove a line,
remove the invoice); an issued invoice is corrected by a credit note that references it.
"""

from __future__ import annotations

import asyncio
import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from evdesk.core import events as ev
from evdesk.core.authorization import zone_for
from evdesk.core.clock import utcnow
from evdesk.core.errors import AccessDenied, EvdeskError, NotFound, StaleEdit, ValidationError
from evdesk.core.invoicing import rules
from evdesk.core.invoicing.documents import build_document, document_from_dict
from evdesk.core.invoicing.reference import national_reference, rf_reference
from evdesk.core.invoicing.render_pool import InvoiceRenderError
from evdesk.core.invoicing.runs import RunRequest, RunResult, drafts_of, line_rows, make_previews, totals_fields
from evdesk.core.invoicing.sending import InvoiceSender, PdfRenderer, SendResult
from evdesk.core.invoicing.settings import InvoiceSettings, checked
from evdesk.core.permissions import OPERATOR_ACCESS_FORBIDDEN, OperatorContext, Permission, require
from evdesk.store.errors import StaleRow
from evdesk.store.queries import invoicing as q
from evdesk.store.repos import invoicing as repo
from evdesk.store.repos import settings as settings_repo

SETTINGS_KEY = "invoicing"
NOT_FOUND = "Invoice not found. Someone may have removed it; reload the list."
STATUSES = ("preview", "unsent", "sent", "paid", "overdue")


@dataclass(frozen=True)
class InvoiceRow:
    id: UUID
    version: int
    run_id: UUID | None
    kind: str
    status: str          # as shown: overdue computed
    number: int | None
    reference: str
    rf_reference: str
    buyer_name: str
    buyer_email: str
    user_id: UUID | None
    invoice_date: date
    due_date: date
    period_start: date
    period_end: date
    currency: str
    net_minor: int
    vat_minor: int
    total_minor: int
    mail_error: str
    credits_id: UUID | None
    paid_at: datetime | None
    sent_at: datetime | None


@dataclass(frozen=True)
class InvoiceFilter:
    run_id: UUID | None = None
    status: str = ""
    user_id: UUID | None = None
    period: tuple[date, date] | None = None
    overdue: bool = False
    text: str = ""


def shown_status(status: str, due: date, today: date) -> str:
    return "overdue" if status == "sent" and due < today else status


def _row(d: dict, today: date) -> InvoiceRow:
    return InvoiceRow(d["id"], d["version"], d["run_id"], d["kind"], shown_status(d["status"], d["due_date"], today),
                      d["number"], d["reference"], d["rf_reference"], d["buyer_name"], d["buyer_email"], d["user_id"],
                      d["invoice_date"], d["due_date"], d["period_start"], d["period_end"], d["currency"],
                      d["net_minor"], d["vat_minor"], d["total_minor"], d["mail_error"], d["credits_id"],
                      d["paid_at"], d["sent_at"])


def require_invoices(ctx: OperatorContext) -> None:
    require(ctx, Permission.INVOICES)


def require_site_wide(ctx: OperatorContext) -> None:
    require(ctx, Permission.INVOICES)
    if not ctx.is_root or ctx.base_group_id is not None:
        raise AccessDenied(OPERATOR_ACCESS_FORBIDDEN)


def _homes(ctx: OperatorContext) -> frozenset[UUID] | None:
    return None if ctx.is_root else ctx.domain_groups


class InvoiceService:
    def __init__(self, store, bus, site_settings, mailer, renderer: PdfRenderer):
        self.store = store
        self.bus = bus
        self.site = site_settings  # the live SiteSettings object (currency, time zone)
        self.renderer = renderer
        self.sender = InvoiceSender(store, bus, mailer, renderer)
        self._sending = asyncio.Lock()

    # -- settings ---------------------------------------------------------------------------------------------
    def zone(self):
        return zone_for(self.site.site_timezone)

    def today(self) -> date:
        return utcnow().astimezone(self.zone()).date()

    async def load_settings(self, ctx: OperatorContext) -> tuple[InvoiceSettings, int]:
        require_invoices(ctx)
        return await self.store.read(_load_settings)

    async def save_settings(self, ctx: OperatorContext, settings: InvoiceSettings, version: int) -> int:
        require_site_wide(ctx)
        clean = checked(settings)

        def write():
            try:
                return settings_repo.save(SETTINGS_KEY, clean.to_dict(), version)
            except StaleRow:
                raise StaleEdit() from None

        return await self.store.run(write)

    async def default_period(self, ctx: OperatorContext, today: date | None = None) -> tuple[date, date]:
        settings, _ = await self.load_settings(ctx)
        return rules.default_period(today or self.today(), settings.cutoff_day, settings.period_months)

    # -- runs and previews ------------------------------------------------------------------------------------------
    async def create_run(self, ctx: OperatorContext, req: RunRequest, today: date | None = None) -> RunResult:
        require_invoices(ctx)
        if req.user_group_ids:
            require_site_wide(ctx)  # user groups (and their payers) are site-wide
        settings, _ = await self.store.read(_load_settings)
        result = await self.store.atomic(make_previews, req, settings, self.zone(), today or self.today(), ctx.name,
                                         ctx.base_group_id, self.site.currency, ctx.sees_group)
        self.bus.publish(ev.InvoicesChanged(result.run_id, result.invoice_ids))
        return result

    async def recipients(self, ctx: OperatorContext) -> tuple[list[dict], list[dict]]:
        """Whom a new run may bill: the charging users with an e-mail address the operator sees
        (id, name, email), and the user groups (whole-site admins only; with `payer` when billed to one)."""
        require_invoices(ctx)
        settings, _ = await self.store.read(_load_settings)
        users = await self.store.read(q.users)
        people = [{"id": u["id"], "name": f"{u['first_name']} {u['last_name']}".strip(), "email": u["email"]}
                  for u in users if (u["email"] or "").strip() and ctx.sees_group(u["home_group_id"])]
        groups = []
        if ctx.is_root and ctx.base_group_id is None:
            groups = [{"id": g["id"], "name": g["name"],
                       "payer": (settings.group_payers.get(str(g["id"])).name
                                 if str(g["id"]) in settings.group_payers else "")}
                      for g in await self.store.read(q.user_groups)]
        return people, groups

    async def run_invoices(self, ctx: OperatorContext, run_id: UUID) -> list[tuple[InvoiceRow, list[dict]]]:
        """A run's invoices (as the operator sees them) with their lines: the preview list."""
        rows = await self.list(ctx, InvoiceFilter(run_id=run_id))
        lines = await self.store.read(q.lines_of, [r.id for r in rows])
        return [(r, lines.get(r.id, [])) for r in rows]

    async def runs(self, ctx: OperatorContext) -> list[dict]:
        require_invoices(ctx)
        return await self.store.read(q.runs, _homes(ctx))

    async def _preview(self, ctx: OperatorContext, invoice_id: UUID) -> dict:
        row = await self._visible(ctx, invoice_id)
        if row["status"] != "preview":
            raise ValidationError("Only a preview can be changed: this invoice has been issued. "
                                  "Correct it with a credit note.", field="status")
        return row

    async def remove_invoice(self, ctx: OperatorContext, invoice_id: UUID) -> None:
        """A preview is discarded (its reference number is not given again)."""
        row = await self._preview(ctx, invoice_id)

        def write():
            current = q.invoice(invoice_id)
            if current is None or current["status"] != "preview":
                raise StaleEdit()
            repo.remove_invoice(invoice_id)

        await self.store.atomic(write)
        self.bus.publish(ev.InvoicesChanged(row["run_id"], (invoice_id,)))

    async def remove_line(self, ctx: OperatorContext, line_id: UUID) -> None:
        invoice_id = await self.store.read(q.line_owner, line_id)
        if invoice_id is None:
            raise NotFound("This line is gone already. Reload the preview.")
        row = await self._preview(ctx, invoice_id)

        def write():
            current = q.invoice(invoice_id)
            if current is None or current["status"] != "preview":
                raise StaleEdit()
            repo.remove_line(line_id)
            rest = [ln for ln in current["lines"] if ln["id"] != line_id]
            repo.set_lines(invoice_id, [(ln["id"], i) for i, ln in enumerate(rest) if ln["position"] != i])
            repo.update_invoice(invoice_id, **totals_fields(drafts_of(rest)))

        await self.store.atomic(write)
        self.bus.publish(ev.InvoicesChanged(row["run_id"], (invoice_id,)))

    # -- sending -------------------------------------------------------------------------------------------------
    async def send(self, ctx: OperatorContext, invoice_ids: list[UUID], *,
                   progress: Callable[[int, int], None] | None = None,
                   cancelled: asyncio.Event | None = None) -> SendResult:
        """Issue, render and e-mail previews, or send unsent invoices again (retry)."""
        require_invoices(ctx)
        rows = await self.store.read(q.invoices_by_ids, list(invoice_ids))
        by_id = {r["id"]: r for r in rows}
        for invoice_id in invoice_ids:
            r = by_id.get(invoice_id)
            if r is None:
                raise NotFound(NOT_FOUND)
            self._check_domain(ctx, r)
        ids = [i for i in invoice_ids if by_id[i]["status"] in ("preview", "unsent")]
        settings, _ = await self.store.read(_load_settings)
        if not settings.seller_name or not settings.iban:
            raise ValidationError("Fill in the seller's name and the IBAN in the invoice settings before sending: "
                                  "they are printed on every invoice.", field="iban")
        if self._sending.locked():
            raise ValidationError("Invoices are being sent already. Wait until that finishes.")
        async with self._sending:
            return await self.sender.send(ids, settings, self.zone(), self.today(), progress=progress,
                                          cancelled=cancelled)

    async def resend(self, ctx: OperatorContext, invoice_id: UUID) -> SendResult:
        """Send an issued invoice's e-mail again (the same number and content), or a preview for the first time."""
        row = await self._visible(ctx, invoice_id)
        if row["status"] in ("sent", "paid"):
            await self.store.run(repo.update_invoice, invoice_id, None, status="unsent")
            try:
                return await self.send(ctx, [invoice_id])
            finally:
                await self.store.run(_restore_status, invoice_id, row["status"])
        return await self.send(ctx, [invoice_id])

    # -- paid / unpaid, credit notes ------------------------------------------------------------------------------
    async def set_paid(self, ctx: OperatorContext, invoice_id: UUID, paid: bool, version: int | None = None) -> None:
        row = await self._visible(ctx, invoice_id)
        if row["status"] == "preview":
            raise ValidationError("A preview is not sent yet, so it cannot be paid.", field="status")
        if paid:
            changes = {"status": "paid", "paid_at": utcnow()}
        else:
            changes = {"status": "sent" if row["sent_at"] else "unsent", "paid_at": None}
        if (row["status"] == "paid") == paid:
            return

        def write():
            try:
                repo.update_invoice(invoice_id, version, **changes)
            except StaleRow:
                raise StaleEdit() from None

        await self.store.run(write)
        self.bus.publish(ev.InvoicesChanged(row["run_id"], (invoice_id,)))

    async def credit_note(self, ctx: OperatorContext, invoice_id: UUID) -> UUID:
        """A credit-note preview cancelling an issued invoice in full; sending it issues it."""
        row = await self._visible(ctx, invoice_id)
        if row["kind"] != "invoice" or row["status"] == "preview":
            raise ValidationError("Only an issued invoice can be credited (a preview is simply removed).",
                                  field="status")
        settings, _ = await self.store.read(_load_settings)
        today = self.today()

        def write():
            if q.credited(invoice_id):
                raise ValidationError("This invoice has a credit note already.", field="status")
            base = repo.next_reference_base(settings.reference_start)
            reference = national_reference(base)
            lines = [replace(d, quantity=-d.quantity, gross_exact=-d.gross_exact) for d in drafts_of(row["lines"])]
            fields = {k: row[k] for k in ("buyer", "buyer_name", "buyer_email", "user_ids", "period_start",
                                          "period_end", "currency")}
            fields.update(run=None, kind="credit_note", status="preview", reference_base=base, reference=reference,
                          rf_reference=rf_reference(reference), user=row["user_id"], user_group=row["user_group_id"],
                          home_group=row["home_group_id"], invoice_date=today, credits=invoice_id,
                          due_date=today, **totals_fields(lines))
            return repo.insert_invoice(fields, line_rows(lines), [])

        credit_id = await self.store.atomic(write)
        self.bus.publish(ev.InvoicesChanged(None, (credit_id, invoice_id)))
        return credit_id

    # -- reading ----------------------------------------------------------------------------------------------------
    def _check_domain(self, ctx: OperatorContext, row: dict) -> None:
        if not ctx.sees_group(row["home_group_id"]):
            raise AccessDenied(OPERATOR_ACCESS_FORBIDDEN)

    async def _visible(self, ctx: OperatorContext, invoice_id: UUID) -> dict:
        require_invoices(ctx)
        row = await self.store.read(q.invoice, invoice_id)
        if row is None:
            raise NotFound(NOT_FOUND)
        self._check_domain(ctx, row)
        return row

    async def list(self, ctx: OperatorContext, flt: InvoiceFilter = InvoiceFilter()) -> list[InvoiceRow]:
        require_invoices(ctx)
        today = self.today()
        if flt.status and flt.status not in STATUSES:
            raise ValidationError(f"Status is one of {', '.join(STATUSES)}.", field="status")
        f = {"run_id": flt.run_id, "status": flt.status, "user_id": flt.user_id, "period": flt.period,
             "overdue": flt.overdue, "text": flt.text, "today": today}
        rows = await self.store.read(q.invoices, _homes(ctx), f)
        return [_row(r, today) for r in rows]

    async def get(self, ctx: OperatorContext, invoice_id: UUID) -> dict:
        """One invoice: the row, its lines, the session ids it bills, the mail attempts."""
        row = await self._visible(ctx, invoice_id)
        out = _row(row, self.today())
        return {"invoice": out, "lines": row["lines"], "session_ids": row["session_ids"],
                "mail_attempts": row["mail_attempts"], "vat_totals": row["vat_totals"], "buyer": row["buyer"]}

    async def document(self, ctx: OperatorContext, invoice_id: UUID):
        row = await self._visible(ctx, invoice_id)
        if row["document"]:
            return document_from_dict(row["document"])
        settings, _ = await self.store.read(_load_settings)
        sessions = await self.store.read(q.sessions_of, row["session_ids"])
        return build_document(row, settings, sessions, self.zone())

    async def pdf(self, ctx: OperatorContext, invoice_id: UUID) -> bytes:
        """The invoice's PDF (a preview's as it would be sent now), made in a worker process."""
        doc = await self.document(ctx, invoice_id)
        try:
            return await self.renderer.render(doc)
        except InvoiceRenderError as exc:
            raise EvdeskError(str(exc)) from exc

    async def csv_text(self, ctx: OperatorContext, flt: InvoiceFilter = InvoiceFilter()) -> str:
        """For the accounting program: one row per invoice and VAT rate, amounts with a dot, dates ISO."""
        rows = await self.list(ctx, flt)
        full = await self.store.read(q.invoices_by_ids, [r.id for r in rows])
        rates = {d["id"]: d["vat_totals"] for d in full}
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\r\n")
        w.writerow(["number", "kind", "status", "reference", "rf_reference", "buyer", "email", "invoice_date",
                    "due_date", "period_start", "period_end", "currency", "vat_rate", "net", "vat", "gross",
                    "invoice_total", "paid_at"])
        for r in rows:
            for v in rates.get(r.id) or [{"vat_rate": "", "net_minor": 0, "vat_minor": 0, "gross_minor": 0}]:
                w.writerow([r.number or "", r.kind, r.status, r.reference, r.rf_reference, _safe(r.buyer_name),
                            _safe(r.buyer_email), r.invoice_date.isoformat(), r.due_date.isoformat(),
                            r.period_start.isoformat(), r.period_end.isoformat(), r.currency, v["vat_rate"],
                            _money(v["net_minor"]), _money(v["vat_minor"]), _money(v["gross_minor"]),
                            _money(r.total_minor), r.paid_at.isoformat(timespec="seconds") if r.paid_at else ""])
        return out.getvalue()


def _money(minor: int) -> str:
    return str(Decimal(minor) / 100)


def _safe(text: str) -> str:
    """No formula injection into a spreadsheet: a cell starting with = + - @ is quoted as text."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def _load_settings() -> tuple[InvoiceSettings, int]:
    value, version = settings_repo.load(SETTINGS_KEY)
    return (InvoiceSettings.from_dict(value) if value else InvoiceSettings()), version


def _restore_status(invoice_id: UUID, status: str) -> None:
    """After resending a sent or paid invoice: it keeps the status it had (paid stays paid)."""
    row = q.invoice(invoice_id)
    if row is not None and row["status"] == "sent" and status == "paid":
        repo.update_invoice(invoice_id, status="paid")
    elif row is not None and row["status"] == "unsent" and status in ("sent", "paid"):
        repo.update_invoice(invoice_id, status=status)
