"""Invoices: the list (filters as on the invoices page), one invoice with its lines, its PDF,
runs (list, make previews, send a run's previews), paid / unpaid, the accounting CSV.

Admins only (`Permission.INVOICES`), within their domain: everything goes through
`services.invoices` with the key's operator (`evdesk/core/invoicing/service.py` says
the rules). Amounts are cents (`*_minor`) with the currency; dates are YYYY-MM-DD;
`status` is preview / unsent / sent / paid / overdue (overdue computed from the due date).
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from decimal import Decimal, InvalidOperation

from aiohttp import web

from evdesk.api.errors import bad_parameter, invalid
from evdesk.api.http import body_of, ctx_of, ok, path_uuid, services_of
from evdesk.api.schemas import F, check_query, query_enum, query_uuid
from evdesk.core.invoicing.runs import MissingEmails, RunRequest
from evdesk.core.invoicing.service import STATUSES, InvoiceFilter

INVOICES_QUERY = ("run_id", "status", "user_id", "period_start", "period_end", "overdue", "q")
RUN_CREATE = {
    "period_start": F("date", required=True, doc="the first day (site's time zone)"),
    "period_end": F("date", required=True, doc="the last day; a month counts for monthly fees when its last day "
                                               "is inside"),
    "user_ids": F("uuids", doc="charging users (each with an e-mail address)"),
    "user_group_ids": F("uuids", doc="charging user groups (whole-site admins): one invoice to the group's payer, "
                                     "or one per member"),
    "kwh_price": F("string", nullable=True, doc="a kWh price incl. VAT for all energy (overrides the sessions' "
                                                "tariffs), e.g. \"0.15\""),
    "leave_out_without_email": F("boolean", doc="make the invoices of the group members who have an e-mail "
                                                "address (otherwise 422 naming the others)"),
}
PAID = {"paid": F("boolean", required=True, doc="true: paid; false: unpaid again"),
        "version": F("integer", nullable=True, doc="the version you read; 409 stale_edit if it moved on")}
SEND = {"invoice_ids": F("uuids", doc="which of the run's previews (and unsent invoices) to send; default: all")}


def invoice_json(r) -> dict:
    return asdict(r)


def _filter(request: web.Request) -> InvoiceFilter:
    check_query(request, INVOICES_QUERY)
    q = request.query
    period = None
    if q.get("period_start") or q.get("period_end"):
        try:
            period = (date.fromisoformat(q.get("period_start") or "0001-01-01"),
                      date.fromisoformat(q.get("period_end") or "9999-12-31"))
        except ValueError:
            raise bad_parameter("Query parameters 'period_start' and 'period_end' are dates (YYYY-MM-DD).",
                                "period_start") from None
    overdue = query_enum(request, "overdue", ("true", "false")) == "true"
    text = q.get("q", "")
    if len(text) > 200 or "\x00" in text:
        raise bad_parameter("Query parameter 'q' is at most 200 characters of text.", "q")
    return InvoiceFilter(run_id=query_uuid(request, "run_id"), status=query_enum(request, "status", STATUSES) or "",
                         user_id=query_uuid(request, "user_id"), period=period, overdue=overdue, text=text)


async def list_invoices(request: web.Request) -> web.Response:
    rows = await services_of(request).invoices.list(ctx_of(request), _filter(request))
    return ok({"items": [invoice_json(r) for r in rows], "total": len(rows),
               "total_minor": sum(r.total_minor for r in rows)})


async def export_invoices(request: web.Request) -> web.Response:
    text = await services_of(request).invoices.csv_text(ctx_of(request), _filter(request))
    return web.Response(text=text, content_type="text/csv", charset="utf-8",
                        headers={"Content-Disposition": 'attachment; filename="invoices.csv"'})


async def get_invoice(request: web.Request) -> web.Response:
    d = await services_of(request).invoices.get(ctx_of(request), path_uuid(request))
    return ok({**invoice_json(d["invoice"]), "buyer": d["buyer"], "vat_totals": d["vat_totals"],
               "lines": [{k: v for k, v in ln.items() if k != "version"} for ln in d["lines"]],
               "session_ids": d["session_ids"], "mail_attempts": d["mail_attempts"]})


async def invoice_pdf(request: web.Request) -> web.Response:
    invoices, ctx, invoice_id = services_of(request).invoices, ctx_of(request), path_uuid(request)
    pdf = await invoices.pdf(ctx, invoice_id)
    return web.Response(body=pdf, content_type="application/pdf",
                        headers={"Content-Disposition": f'inline; filename="invoice-{invoice_id}.pdf"'})


async def set_paid(request: web.Request) -> web.Response:
    invoices, ctx, invoice_id = services_of(request).invoices, ctx_of(request), path_uuid(request)
    b = await body_of(request, PAID)
    await invoices.set_paid(ctx, invoice_id, b["paid"], b.get("version"))
    return ok(invoice_json((await invoices.get(ctx, invoice_id))["invoice"]))


async def list_runs(request: web.Request) -> web.Response:
    check_query(request, ())
    runs = await services_of(request).invoices.runs(ctx_of(request))
    return ok({"items": runs, "total": len(runs)})


async def create_run(request: web.Request) -> web.Response:
    b = await body_of(request, RUN_CREATE)
    price = b.get("kwh_price")
    if price is not None:
        try:
            price = Decimal(price.replace(",", "."))
        except InvalidOperation:
            raise invalid("Field 'kwh_price' must be a number such as \"0.15\".", "kwh_price") from None
        if not price.is_finite():
            raise invalid("Field 'kwh_price' must be a number such as \"0.15\".", "kwh_price")
    req = RunRequest(b["period_start"], b["period_end"], tuple(b.get("user_ids", ())),
                     tuple(b.get("user_group_ids", ())), price,
                     leave_out_without_email=b.get("leave_out_without_email", False))
    try:
        result = await services_of(request).invoices.create_run(ctx_of(request), req)
    except MissingEmails as exc:
        raise invalid(str(exc), "user_group_ids") from None
    return ok({"run_id": result.run_id, "invoice_ids": list(result.invoice_ids), "left_out": list(result.left_out),
               "nothing_to_bill": list(result.nothing_to_bill)}, 201)


async def send_run(request: web.Request) -> web.Response:
    invoices, ctx, run_id = services_of(request).invoices, ctx_of(request), path_uuid(request)
    b = await body_of(request, SEND)
    mine = [r.id for r in await invoices.list(ctx, InvoiceFilter(run_id=run_id)) if r.status in ("preview", "unsent")]
    ids = b.get("invoice_ids")
    if ids is None:
        ids = mine
    elif set(ids) - set(mine):
        raise invalid("Some of these invoices are not previews or unsent invoices of this run.", "invoice_ids")
    result = await invoices.send(ctx, ids)
    return ok({"sent": result.sent, "failed": [{"id": k, "reason": v} for k, v in result.failed.items()]})
