"""The European Payments Council's SEPA credit-transfer QR code ("EPC QR", "GiroCode").

Payload per EPC069-12 ("Quick Response Code: guidelines to enable data capture for the
initiation of a SEPA credit transfer"), one field per line, LF-separated, in this order:

    BCD                service tag
    002                version (002: the BIC may be left out inside the EEA; we give it when known)
    1                  character set 1 = UTF-8
    SCT                SEPA credit transfer
    BIC                8 or 11 characters
    name               beneficiary, at most 70 characters
    IBAN               at most 34 characters
    EUR26.85           amount: "EUR" + 0.01 ... 999999999.99, point as decimal separator
    purpose            4-letter code; empty
    structured ref.    ISO 11649 RF creditor reference, at most 35 characters, or
    unstructured text  at most 140 characters (never both)
    information        "beneficiary to originator information", at most 70 (shown to the payer)

The whole payload is at most 331 bytes; trailing empty fields are left out and the last
line has no line break. Drawn as a QR code with error correction level M (the guidelines'
requirement) by reportlab's QR encoder (`qr_code`); its byte mode writes the text as UTF-8.

Our choices:
* Only EUR (SEPA credit transfers are in euros), a positive total, and a syntactically
  valid IBAN; otherwise no code (`None`): a credit note has nothing to pay.
* The RF reference goes into the structured field (banking apps then fill the payment's
  reference); the invoice's message then goes to the information line. Without a valid RF
  reference the message is the unstructured remittance text.
* Texts longer than their field are cut at the field's limit (the name a bank shows is at
  most 70 characters anyway); the information line is dropped or cut if the payload would
  pass 331 bytes.
"""

from __future__ import annotations

import re

from evdesk.core.invoicing.reference import is_valid_rf

MAX_PAYLOAD_BYTES = 331
MAX_NAME = 70
MAX_UNSTRUCTURED = 140
MAX_INFORMATION = 70
MAX_AMOUNT_MINOR = 99_999_999_999  # 999 999 999.99

_IBAN = re.compile(r"^[A-Z]{2}\d{2}[A-Z0-9]{1,30}$")
_BIC = re.compile(r"^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$")


def _clean(text: str) -> str:
    """One line of text: line breaks would start a new field."""
    return " ".join(text.split())


def _iban_ok(iban: str) -> bool:
    if not _IBAN.match(iban):
        return False
    rearranged = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def epc_payload(*, name: str, iban: str, bic: str, total_minor: int, currency: str = "EUR",
                rf_reference: str = "", message: str = "") -> str | None:
    """The EPC QR text for this payment, or None when it cannot have one (see the rules above)."""
    account = iban.replace(" ", "").upper()
    bank = bic.replace(" ", "").upper()
    if currency.upper() != "EUR" or not 0 < total_minor <= MAX_AMOUNT_MINOR or not _iban_ok(account):
        return None
    if bank and not _BIC.match(bank):
        bank = ""  # version 002 lets it out; a wrong BIC would send the payment astray
    euros, cents = divmod(total_minor, 100)
    reference = rf_reference.replace(" ", "").upper()
    text = _clean(message)
    if reference and is_valid_rf(reference):
        structured, unstructured, information = reference, "", text[:MAX_INFORMATION]
    else:
        structured, unstructured, information = "", text[:MAX_UNSTRUCTURED], ""
    fields = ["BCD", "002", "1", "SCT", bank, _clean(name)[:MAX_NAME], account,
              f"EUR{euros}.{cents:02d}", "", structured, unstructured, information]
    while not fields[-1]:
        fields.pop()
    # only reachable with long texts of multi-byte characters: cut the remittance text or information
    while len("\n".join(fields).encode("utf-8")) > MAX_PAYLOAD_BYTES and len(fields) > 10:
        fields[-1] = fields[-1][:-1].rstrip()
        while not fields[-1]:
            fields.pop()
    if len("\n".join(fields).encode("utf-8")) > MAX_PAYLOAD_BYTES:
        fields[5] = fields[5].encode("utf-8")[:MAX_PAYLOAD_BYTES - len("\n".join(fields).encode("utf-8"))
                                              + len(fields[5].encode("utf-8"))].decode("utf-8", "ignore")
    return "\n".join(fields)
