"""The Finnish bank barcode ("pankkiviivakoodi") and its 54-digit virtual form ("virtuaaliviivakoodi").

Rules from Finance Finland's (Finanssiala, formerly the Federation of Finnish Financial
Services) "Bank Bar Code Guide", version 5.3 (8.11.2012, corrected 21.10.2019):

    version 4 (national reference)            version 5 (RF creditor reference, ISO 11649)
    1   version "4"                            1   version "5"
    16  IBAN digits after "FI"                 16  IBAN digits after "FI"
    6   euros, zero-padded                     6   euros, zero-padded
    2   cents                                  2   cents
    3   reserve "000"                          2   the RF check digits ("RF09..." -> "09")
    20  national reference, zero-padded        21  the RF reference's body, zero-padded
    6   due date YYMMDD ("000000": none)       6   due date YYMMDD ("000000": none)

The printed symbol is Code 128, subset C (the 54 digits are 27 digit pairs), with the
symbology's own modulo-103 check character; the guide asks for the digits printed under it.

Our choices:
* Only Finnish accounts (IBAN "FI", 18 characters) and EUR: the code has no currency field
  and 16 digits of account; anything else gets no barcode (`None`), not a wrong one.
* The guide allows an amount field of zeros when the sum exceeds 999 999.99 (the payer
  types the amount). We print no barcode then: a code that does not carry the invoice's
  total invites paying a wrong amount; such invoices still carry the bank details in text.
  A zero or negative total (a credit note) gets no barcode either: there is nothing to pay.
* An RF reference whose body holds letters cannot be written in digits: no barcode.

Test vectors: the guide's own examples (invoices 1-5 for version 4, and for version 5),
as also used by the open-source implementations akselinurmio/virtuaaliviivakoodi (npm,
MIT) and nocfo/virtuaaliviivakoodi (PyPI), which we cross-checked against; none of their
code is used here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

MAX_AMOUNT_MINOR = 99_999_999  # 999 999.99 in cents: 6 digits of euros, 2 of cents


@dataclass(frozen=True)
class VirtualBarcode:
    version: int
    digits: str  # the 54 digits


def encode(iban: str, reference: str, amount_minor: int, due_date: date | None) -> VirtualBarcode:
    """The guide's encoding as such (an amount of 0 allowed, as in its example 5); raises
    ValueError for what it cannot encode. `reference`: national ("86851 62596 19897") gives
    version 4, RF ("RF09 8685 1625 9619 897") version 5."""
    account = iban.replace(" ", "").upper()
    if not (len(account) == 18 and account.startswith("FI") and account[2:].isdigit()):
        raise ValueError("The bank barcode needs a Finnish IBAN (FI and 16 digits).")
    if not 0 <= amount_minor <= MAX_AMOUNT_MINOR:
        raise ValueError("The bank barcode carries amounts from 0.00 to 999999.99.")
    ref = reference.replace(" ", "").upper()
    euros, cents = divmod(amount_minor, 100)
    money = f"{euros:06d}{cents:02d}"
    due = due_date.strftime("%y%m%d") if due_date is not None else "000000"
    if ref.startswith("RF"):
        check, body = ref[2:4], ref[4:]
        if not (check.isdigit() and body.isdigit() and 1 <= len(body) <= 21):
            raise ValueError("The bank barcode carries RF references of digits only (at most 21).")
        return VirtualBarcode(5, f"5{account[2:]}{money}{check}{body.zfill(21)}{due}")
    if not (ref.isdigit() and 1 <= len(ref) <= 20):
        raise ValueError("The bank barcode carries national references of at most 20 digits.")
    return VirtualBarcode(4, f"4{account[2:]}{money}000{ref.zfill(20)}{due}")


def virtual_barcode(iban: str, reference: str, total_minor: int, due_date: date | None,
                    currency: str = "EUR") -> VirtualBarcode | None:
    """The code printed on an invoice, or None when this payment gets none (the module's rules:
    not EUR, not a Finnish account, nothing to pay, over 999 999.99, a reference with letters)."""
    if currency.upper() != "EUR" or total_minor <= 0:
        return None
    try:
        return encode(iban, reference, total_minor, due_date)
    except ValueError:
        return None


def code128_symbol(barcode: VirtualBarcode, module_width: float, height: float):
    """The Code 128 symbol (subset C, as reportlab picks for an even run of digits) as a
    reportlab flowable (`.drawOn(canvas, x, y)`, `.width`), with quiet zones of twelve modules
    (the guide asks for at least ten) on both sides."""
    from reportlab.graphics.barcode.code128 import Code128

    return Code128(barcode.digits, barWidth=module_width, barHeight=height, humanReadable=False,
                   quiet=True, lquiet=12 * module_width, rquiet=12 * module_width)
