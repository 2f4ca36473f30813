"""The invoice as the PDF renderer sees it: plain, picklable data, every figure final.

Invoicing (runs, lines, VAT rounding, reference numbers) fills this in; the renderer
(`evdesk/core/invoicing/pdf.py`, run in worker processes) only lays it out and adds
what banking apps read (the EPC/SEPA QR code and the Finnish virtual bank barcode),
computed from `iban`, `bic`, `total_minor`, `reference`/`rf_reference` and `due_date`.
Money is in minor units (cents) of `currency`; strings are already formatted only
where the invoicing rules decide the wording (line descriptions, units).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Party:
    name: str
    address_lines: tuple[str, ...] = ()
    email: str = ""
    phone: str = ""
    business_id: str = ""
    vat_number: str = ""
    www: str = ""


@dataclass(frozen=True)
class InvoiceLine:
    description: str            # "Usage (kWh), Day tariff", "No. of months, Membership fee"
    quantity: str               # as printed: "99.03", "4"
    unit: str                   # "kWh", "month", "h", "session"
    unit_price_minor_gross: int | None  # unit price incl. VAT in 1/10000 of the currency unit
    gross_minor: int            # line total incl. VAT, cents
    vat_rate: str               # "24", "25.5", "0" (percent, as printed)
    vat_minor: int              # VAT of this line, cents


@dataclass(frozen=True)
class VatTotal:
    vat_rate: str
    net_minor: int
    vat_minor: int
    gross_minor: int


@dataclass(frozen=True)
class SessionRow:
    started: str                # already in the site's zone, "28.02.2019 17:05"
    station: str
    token: str
    energy_kwh: str             # "12.34"
    amount_minor: int | None


@dataclass(frozen=True)
class InvoiceDocument:
    number: str                 # consecutive invoice number, "2019-000123" or "123"
    kind: str                   # "invoice" or "credit_note"
    seller: Party
    buyer: Party
    invoice_date: date
    due_date: date
    period_start: date
    period_end: date
    payment_terms_days: int
    penalty_interest: str       # "8" (percent, as printed)
    currency: str               # "EUR"
    reference: str              # national reference with check digit, "108986"
    rf_reference: str           # the same as RF, "RF71108986"
    iban: str
    bic: str
    message: str                # "Vehicle charging 1.11.2018 - 28.2.2019"
    lines: tuple[InvoiceLine, ...]
    vat_totals: tuple[VatTotal, ...]
    net_minor: int              # each total rounded on its own from unrounded amounts (see invoicing rules)
    vat_minor: int
    total_minor: int            # to be paid
    sessions: tuple[SessionRow, ...] = ()
    credits_number: str = ""    # for a credit note: the invoice it corrects
    logo_path: str = ""         # a missing or unreadable logo is left out, never an error
    language: str = "en"
    notes: tuple[str, ...] = field(default_factory=tuple)
