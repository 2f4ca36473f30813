"""From stored invoice rows to the `InvoiceDocument` the renderer takes, and back to JSON.

An issued invoice keeps its document as JSON (`Invoice.document`): the seller, the
dates, the lines and the appendix exactly as sent, so later changes to the settings,
a user's name or address change no sent invoice. A preview's document is made anew
from the current settings each time it is shown.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from evdesk.core.invoicing.document import InvoiceDocument, InvoiceLine, Party, SessionRow, VatTotal
from evdesk.core.invoicing.reference import rf_reference
from evdesk.core.invoicing.settings import InvoiceSettings


def document_to_dict(doc: InvoiceDocument) -> dict:
    d = dataclasses.asdict(doc)
    for name in ("invoice_date", "due_date", "period_start", "period_end"):
        d[name] = getattr(doc, name).isoformat()
    return d


def document_from_dict(d: dict) -> InvoiceDocument:
    d = dict(d)
    for name in ("invoice_date", "due_date", "period_start", "period_end"):
        d[name] = date.fromisoformat(d[name])
    d["seller"] = _party(d["seller"])
    d["buyer"] = _party(d["buyer"])
    d["lines"] = tuple(InvoiceLine(**ln) for ln in d["lines"])
    d["vat_totals"] = tuple(VatTotal(**v) for v in d["vat_totals"])
    d["sessions"] = tuple(SessionRow(**s) for s in d.get("sessions", ()))
    d["notes"] = tuple(d.get("notes", ()))
    return InvoiceDocument(**d)


def _party(d: dict) -> Party:
    return Party(**{**d, "address_lines": tuple(d.get("address_lines", ()))})


def day_text(day: date) -> str:
    """The manual's dates: 1.11.2018."""
    return f"{day.day}.{day.month}.{day.year}"


def period_text(start: date, end: date) -> str:
    return f"{day_text(start)} - {day_text(end)}"


def seller_of(s: InvoiceSettings) -> Party:
    return Party(s.seller_name, tuple(s.address_lines), s.email, s.phone, s.business_id, s.vat_number, s.www)


def buyer_of(d: dict) -> Party:
    return _party({"name": "", **d}) if d else Party("")


def session_rows(sessions: list[dict], zone) -> tuple[SessionRow, ...]:
    return tuple(SessionRow(s["started_at"].astimezone(zone).strftime("%d.%m.%Y %H:%M"),
                            s.get("station_name") or s.get("station_identity") or "", s.get("id_tag") or "",
                            f"{(s.get('energy_wh') or 0) / 1000:.2f}", s.get("cost_total_minor"))
                 for s in sessions)


def build_document(row: dict, settings: InvoiceSettings, sessions: list[dict], zone,
                   credits_number: str = "") -> InvoiceDocument:
    """The document of a stored invoice (`queries.invoicing.invoice` row) with the settings now."""
    lines = tuple(InvoiceLine(ln["description"], ln["quantity"], ln["unit"],
                              None if ln["unit_price_gross"] is None
                              else int(round(float(ln["unit_price_gross"]) * 10000)),
                              ln["gross_minor"], ln["vat_rate"], ln["vat_minor"]) for ln in row["lines"])
    kind = row["kind"]
    notes = ()
    if kind == "credit_note" and credits_number:
        notes = (f"Credit note for invoice {credits_number}.",)
    return InvoiceDocument(
        number=str(row["number"]) if row.get("number") is not None else "",
        kind=kind, seller=seller_of(settings), buyer=buyer_of(row["buyer"]),
        invoice_date=row["invoice_date"], due_date=row["due_date"], period_start=row["period_start"],
        period_end=row["period_end"], payment_terms_days=settings.payment_terms_days,
        penalty_interest=format(settings.penalty_interest.normalize(), "f"), currency=row["currency"],
        reference=row["reference"], rf_reference=row["rf_reference"] or rf_reference(row["reference"]),
        iban=settings.iban, bic=settings.bic,
        message=f"Vehicle charging {period_text(row['period_start'], row['period_end'])}",
        lines=lines, vat_totals=tuple(VatTotal(**v) for v in row["vat_totals"]), net_minor=row["net_minor"],
        vat_minor=row["vat_minor"], total_minor=row["total_minor"], sessions=session_rows(sessions, zone),
        credits_number=credits_number, logo_path=settings.logo_path, language=settings.language, notes=notes)
