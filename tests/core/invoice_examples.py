"""Invoice documents for the PDF tests and the benchmark: EV Manager's example invoice
(000 l.853-892, figures exactly as printed there) and generated ones."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from evdesk.core.invoicing.document import InvoiceDocument, InvoiceLine, Party, SessionRow, VatTotal
from evdesk.core.invoicing.reference import national_reference, rf_reference

SELLER = Party(
    name="Ensto charging solutions Oy",
    address_lines=("Ensio Miettisenkatu 2", "06600 Porvoo"),
    email="operator@acme.com",
    phone="+3585012345678",
    business_id="1481990-6",
    www="www.ensto.com",
)


def manual_example(**changes) -> InvoiceDocument:
    """The manual's invoice: Donald Duck, 99.03 kWh x 0.15 and 4 months x 3.00, 26.85 €."""
    doc = InvoiceDocument(
        number="1",
        kind="invoice",
        seller=SELLER,
        buyer=Party(name="Donald Duck", address_lines=("1113 Quack Street", "Duckburg"),
                    email="donald@duckburg.com"),
        invoice_date=date(2019, 3, 28),
        due_date=date(2019, 4, 11),
        period_start=date(2018, 11, 1),
        period_end=date(2019, 2, 28),
        payment_terms_days=14,
        penalty_interest="8",
        currency="EUR",
        reference="108986",
        rf_reference="RF71108986",
        iban="FI21 1234 5600 0007 85",
        bic="ALONFI213245",
        message="Vehicle charging 1.11.2018 - 28.2.2019",
        lines=(
            InvoiceLine("Usage (kWh)", "99.03", "kWh", 1500, 1485, "24", 288),
            InvoiceLine("No. of months, Membership fee", "4", "month", 30000, 1200, "24", 232),
        ),
        vat_totals=(VatTotal("24", 2166, 520, 2685),),
        net_minor=2166,
        vat_minor=520,
        total_minor=2685,
        sessions=(
            SessionRow("2.11.2018 17:05", "Kauppatori AC 1", "04A2B3C4", "12.34", 185),
            SessionRow("15.12.2018 08:40", "Pääkonttori, Pörssi 2 (Åbo)", "04A2B3C4", "40.00", 600),
            SessionRow("20.2.2019 19:12", "Kauppatori AC 2", "04FF0011", "46.69", 700),
        ),
    )
    return replace(doc, **changes) if changes else doc


def generated(index: int, *, lines: int = 5, sessions: int = 30) -> InvoiceDocument:
    """A plausible invoice number `index` with `lines` energy lines and `sessions` sessions."""
    invoice_lines = []
    gross_total = vat_total = 0
    for i in range(lines):
        kwh_hundredths = 1000 + (index * 37 + i * 101) % 9000
        price = 1500 + 500 * (i % 3)  # 0.15, 0.20, 0.25 incl. VAT, 1/10000 €
        gross = round(kwh_hundredths * price / 10_000)
        vat = round(gross * 24 / 124)
        gross_total += gross
        vat_total += vat
        invoice_lines.append(InvoiceLine(f"Usage (kWh), tariff {i + 1}", f"{kwh_hundredths / 100:.2f}", "kWh",
                                         price, gross, "24", vat))
    rows = tuple(SessionRow(f"{1 + s % 28}.1.2026 {8 + s % 12:02d}:{s % 60:02d}", f"Station {s % 7 + 1} Ääninen",
                            f"TOKEN{index:05d}", f"{(s * 13) % 50 + 1}.{s % 100:02d}", 100 + s)
                 for s in range(sessions))
    reference = national_reference(10_000 + index)
    return replace(
        manual_example(),
        number=f"2026-{index:06d}",
        buyer=Party(name=f"Käyttäjä Öljynen {index}", address_lines=(f"Åkerikatu {index}", "00100 Helsinki"),
                    email=f"user{index}@example.com"),
        reference=reference, rf_reference=rf_reference(reference),
        lines=tuple(invoice_lines),
        vat_totals=(VatTotal("24", gross_total - vat_total, vat_total, gross_total),),
        net_minor=gross_total - vat_total, vat_minor=vat_total, total_minor=gross_total,
        sessions=rows,
    )


def render_or_die(doc: InvoiceDocument) -> bytes:
    """For the pool's tests (pickled to its worker processes): a document numbered "die-..."
    kills its worker process outright, "fail-..." raises; others render normally."""
    import os

    from evdesk.core.invoicing.pdf import render_invoice_pdf

    if doc.number.startswith("die-"):
        os._exit(3)
    if doc.number.startswith("fail-"):
        raise ValueError("the seller's name is missing")
    return render_invoice_pdf(doc)


def slow_render(doc: InvoiceDocument) -> bytes:
    """For the cancel test: half a second per document."""
    import time

    time.sleep(0.5)
    return doc.number.encode()
