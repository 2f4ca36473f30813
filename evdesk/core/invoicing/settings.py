"""Invoice settings (EV Manager's "Invoice settings", 000 l.812-851): the seller, the bank
account, terms, the two number series, the default period, the e-mail, monthly fees.

Rules decided here:

* IBAN is checked with ISO 13616 mod-97 (spaces ignored, stored grouped by four);
  BIC is 8 or 11 letters/digits. Without a valid IBAN no invoice can be sent (the
  payment block and the banks' codes are made of it), but previews can be made.
* The e-mail text may hold simple HTML; it is sanitised to a small whitelist (p, br,
  b, strong, i, em, u, ul, ol, li, a with an http/https/mailto href). Anything else is
  shown as text, never interpreted: a pasted script or style cannot reach a mail reader.
* Monthly fees (a token or membership fee) apply to every recipient or to the members
  of chosen charging user groups; the price includes VAT, as the manual's MONTHLY PRICE.
* A user group may be billed to one payer (a company for its drivers): `group_payers`
  maps the group to that payer's name, e-mail and address.
* The PDF's language is English or Finnish (the renderer's labels).
* The reference-number base starts at `reference_start` and the invoice numbers at
  `number_start`; both only ever go up (a lower start never brings back a used number).
"""

from __future__ import annotations

import html
import re
from dataclasses import asdict, dataclass, field, replace
from decimal import Decimal, InvalidOperation
from html.parser import HTMLParser

from evdesk.core.errors import ValidationError
from evdesk.core.invoicing.pdf_labels import LANGUAGES
from evdesk.core.invoicing.reference import check_base

ALL_USERS = "all"
GROUPS = "groups"


@dataclass(frozen=True)
class MonthlyFee:
    name: str                       # printed on the line: "Membership fee"
    price: Decimal                  # per full month, incl. VAT
    vat_rate: Decimal | None = None  # None: the default VAT rate
    applies_to: str = ALL_USERS     # "all" or "groups"
    user_group_ids: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {"name": self.name, "price": str(self.price),
                "vat_rate": None if self.vat_rate is None else str(self.vat_rate),
                "applies_to": self.applies_to, "user_group_ids": list(self.user_group_ids)}

    @classmethod
    def from_dict(cls, d: dict) -> "MonthlyFee":
        return cls(d.get("name", ""), Decimal(str(d.get("price", "0"))),
                   None if d.get("vat_rate") in (None, "") else Decimal(str(d["vat_rate"])),
                   d.get("applies_to", ALL_USERS), tuple(str(g) for g in d.get("user_group_ids", ())))

    def applies(self, user_group_id: str | None) -> bool:
        return self.applies_to == ALL_USERS or (user_group_id is not None and user_group_id in self.user_group_ids)


@dataclass(frozen=True)
class GroupPayer:
    """Who pays for a charging user group's sessions (one invoice for all members)."""

    name: str
    email: str
    address_lines: tuple[str, ...] = ()
    business_id: str = ""

    def to_dict(self) -> dict:
        return {"name": self.name, "email": self.email, "address_lines": list(self.address_lines),
                "business_id": self.business_id}

    @classmethod
    def from_dict(cls, d: dict) -> "GroupPayer":
        return cls(d.get("name", ""), d.get("email", ""), tuple(d.get("address_lines", ())), d.get("business_id", ""))


@dataclass(frozen=True)
class InvoiceSettings:
    seller_name: str = ""
    business_id: str = ""
    vat_number: str = ""
    address_lines: tuple[str, ...] = ()
    email: str = ""
    phone: str = ""
    www: str = ""
    logo_path: str = ""
    iban: str = ""
    bic: str = ""
    payment_terms_days: int = 14
    penalty_interest: Decimal = Decimal("8")
    vat_rate: Decimal = Decimal("24")
    reference_start: int = 1000
    number_start: int = 1
    cutoff_day: int = 31
    period_months: int = 1
    email_subject: str = "EV charging invoice {period}"
    email_html: str = "<p>Hi,</p><p>Please find attached your EV charging invoice.</p>"
    monthly_fees: tuple[MonthlyFee, ...] = ()
    language: str = "en"            # of the PDF: "en" or "fi" (`pdf_labels.LANGUAGES`)
    group_payers: dict[str, GroupPayer] = field(default_factory=dict)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["address_lines"] = list(self.address_lines)
        d["penalty_interest"] = str(self.penalty_interest)
        d["vat_rate"] = str(self.vat_rate)
        d["monthly_fees"] = [f.to_dict() for f in self.monthly_fees]
        d["group_payers"] = {k: p.to_dict() for k, p in self.group_payers.items()}
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "InvoiceSettings":
        base = cls()
        known = {k: v for k, v in d.items() if k in cls.__dataclass_fields__}
        known["address_lines"] = tuple(known.get("address_lines", ()))
        for name in ("penalty_interest", "vat_rate"):
            if name in known:
                known[name] = Decimal(str(known[name]))
        known["monthly_fees"] = tuple(MonthlyFee.from_dict(f) for f in known.get("monthly_fees", ()))
        known["group_payers"] = {k: GroupPayer.from_dict(p) for k, p in known.get("group_payers", {}).items()}
        return replace(base, **known)


# -- checks --------------------------------------------------------------------------------------------------
def iban_ok(iban: str) -> bool:
    text = iban.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}", text):
        return False
    moved = text[4:] + text[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def grouped_iban(iban: str) -> str:
    text = iban.replace(" ", "").upper()
    return " ".join(text[i:i + 4] for i in range(0, len(text), 4))


def _decimal(value, field_name: str, label: str, low: Decimal, high: Decimal) -> Decimal:
    try:
        number = Decimal(str(value).replace(",", ".").strip())
    except (InvalidOperation, ValueError):
        raise ValidationError(f"{label} must be a number.", field=field_name) from None
    if not number.is_finite() or not low <= number <= high:
        raise ValidationError(f"{label} must be between {low} and {high}.", field=field_name)
    return number


def checked(s: InvoiceSettings) -> InvoiceSettings:
    """The settings cleaned up (trimmed, IBAN grouped, HTML sanitised), or ValidationError."""
    text = {k: getattr(s, k).strip() for k in ("seller_name", "business_id", "vat_number", "email", "phone", "www",
                                               "logo_path", "iban", "bic", "email_subject")}
    for name, value in text.items():
        if len(value) > 300:
            raise ValidationError("This field holds at most 300 characters.", field=name)
    if text["iban"]:
        if not iban_ok(text["iban"]):
            raise ValidationError("This IBAN is not valid: check its letters and digits "
                                  "(its check digits do not match).", field="iban")
        text["iban"] = grouped_iban(text["iban"])
    bic = text["bic"].replace(" ", "").upper()
    if bic and not re.fullmatch(r"[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?", bic):
        raise ValidationError("A BIC has 8 or 11 letters and digits, e.g. NDEAFIHH.", field="bic")
    text["bic"] = bic
    if text["email"] and ("@" not in text["email"] or " " in text["email"]):
        raise ValidationError("Give the seller's e-mail as a full address such as billing@example.com.",
                              field="email")
    if not 0 <= s.payment_terms_days <= 365:
        raise ValidationError("Payment terms are 0 to 365 days.", field="payment_terms_days")
    if not 1 <= s.cutoff_day <= 31:
        raise ValidationError("The cutoff day is a day of the month, 1 to 31 (31: the last day).",
                              field="cutoff_day")
    if not 1 <= s.period_months <= 24:
        raise ValidationError("The invoice period is 1 to 24 months.", field="period_months")
    if s.language not in LANGUAGES:
        raise ValidationError("Invoices are printed in English (en) or Finnish (fi).", field="language")
    if s.number_start < 1:
        raise ValidationError("Invoice numbers start at 1 or above.", field="number_start")
    check_base(s.reference_start, "reference_start")
    penalty = _decimal(s.penalty_interest, "penalty_interest", "Penalty interest", Decimal(0), Decimal(100))
    vat = _decimal(s.vat_rate, "vat_rate", "The VAT rate", Decimal(0), Decimal(100))
    fees = []
    for i, fee in enumerate(s.monthly_fees):
        name = fee.name.strip()
        if not name:
            raise ValidationError("Give every monthly fee a name (it is printed on the invoice).",
                                  field=f"monthly_fees.{i}.name")
        price = _decimal(fee.price, f"monthly_fees.{i}.price", "A monthly fee", Decimal(0), Decimal(100000))
        rate = None if fee.vat_rate is None else _decimal(fee.vat_rate, f"monthly_fees.{i}.vat_rate",
                                                          "The VAT rate", Decimal(0), Decimal(100))
        if fee.applies_to not in (ALL_USERS, GROUPS):
            raise ValidationError("A monthly fee applies to all users or to chosen user groups.",
                                  field=f"monthly_fees.{i}.applies_to")
        if fee.applies_to == GROUPS and not fee.user_group_ids:
            raise ValidationError("Choose the user groups this monthly fee applies to.",
                                  field=f"monthly_fees.{i}.user_group_ids")
        fees.append(replace(fee, name=name[:200], price=price, vat_rate=rate))
    payers = {}
    for group_id, payer in s.group_payers.items():
        if not payer.name.strip() or "@" not in payer.email:
            raise ValidationError("A group's payer needs a name and an e-mail address.", field="group_payers")
        payers[str(group_id)] = replace(payer, name=payer.name.strip(), email=payer.email.strip())
    return replace(s, **text, penalty_interest=penalty, vat_rate=vat, monthly_fees=tuple(fees),
                   group_payers=payers, address_lines=tuple(a.strip() for a in s.address_lines if a.strip()),
                   email_html=sanitize_html(s.email_html))


# -- the e-mail's HTML ------------------------------------------------------------------------------------------
ALLOWED_TAGS = frozenset({"p", "br", "b", "strong", "i", "em", "u", "ul", "ol", "li", "a"})
_VOID = frozenset({"br"})


class _Sanitizer(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0  # inside <script> or <style>: their content is dropped

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
            return
        if tag not in ALLOWED_TAGS:
            return
        if tag == "a":
            href = dict(attrs).get("href") or ""
            if re.match(r"^(https?:|mailto:)", href.strip(), re.I):
                self.out.append(f'<a href="{html.escape(href.strip(), quote=True)}">')
            else:
                self.out.append("<a>")
            return
        self.out.append(f"<{tag}>")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
            return
        if tag in ALLOWED_TAGS and tag not in _VOID:
            self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(html.escape(data, quote=False))


def sanitize_html(text: str) -> str:
    parser = _Sanitizer()
    parser.feed(text or "")
    parser.close()
    return "".join(parser.out)[:20000]


def html_to_text(text: str) -> str:
    """The plain-text part of the e-mail, for readers that show no HTML."""
    text = re.sub(r"<br>|</p>|</li>", "\n", text)
    text = re.sub(r"<[^>]+>", "", text)
    return re.sub(r"\n{3,}", "\n\n", html.unescape(text)).strip() + "\n"
