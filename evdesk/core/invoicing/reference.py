"""Payment references: the Finnish national reference ("viitenumero") and ISO 11649 RF.

National: the base (3-19 digits, no leading zero) is weighted from the right by
7, 3, 1, 7, 3, 1, ...; the check digit is (10 - sum mod 10) mod 10, appended. All 15
references in EV Manager's manual check out (108986 from base 10898).
RF: "RF" + two check digits + the national reference, the check digits making
the number (reference + "RF00" with letters as 10..35) equal 1 mod 97.
Base numbers are never reused: one per invoice, in order.
"""

from __future__ import annotations

from evdesk.core.errors import ValidationError

WEIGHTS = (7, 3, 1)


def check_digit(base: str) -> int:
    total = sum(int(d) * WEIGHTS[i % 3] for i, d in enumerate(reversed(base)))
    return (10 - total % 10) % 10


def check_base(base: int | str, field: str = "reference_base") -> str:
    text = str(base).strip()
    if not text.isdigit() or not text.isascii():
        raise ValidationError("The reference number base must be digits only.", field=field)
    if text.startswith("0"):
        raise ValidationError("The reference number base cannot start with 0.", field=field)
    if not 3 <= len(text) <= 19:
        raise ValidationError("The reference number base must have 3 to 19 digits "
                              "(a check digit is added to it).", field=field)
    return text


def national_reference(base: int | str) -> str:
    """Base + check digit, e.g. 10898 -> "108986"."""
    text = check_base(base)
    return text + str(check_digit(text))


def is_valid_national(reference: str) -> bool:
    ref = reference.replace(" ", "")
    return (ref.isdigit() and ref.isascii() and 4 <= len(ref) <= 20 and not ref.startswith("0")
            and check_digit(ref[:-1]) == int(ref[-1]))


def _as_number(text: str) -> int:
    return int("".join(str(int(c, 36)) for c in text.upper()))


def rf_reference(national: str) -> str:
    """ISO 11649 creditor reference for a national reference: "108986" -> "RF76108986"."""
    ref = national.replace(" ", "")
    check = 98 - _as_number(ref + "RF00") % 97
    return f"RF{check:02d}{ref}"


def is_valid_rf(reference: str) -> bool:
    ref = reference.replace(" ", "").upper()
    if not ref.startswith("RF") or len(ref) < 5 or len(ref) > 25 or not ref[2:4].isdigit() or not ref.isalnum():
        return False
    return _as_number(ref[4:] + ref[:4]) % 97 == 1


def grouped(reference: str) -> str:
    """Printed in groups of five from the right (national) or four from the left (RF)."""
    ref = reference.replace(" ", "")
    if ref.upper().startswith("RF"):
        return " ".join(ref[i:i + 4] for i in range(0, len(ref), 4))
    head = len(ref) % 5
    parts = ([ref[:head]] if head else []) + [ref[i:i + 5] for i in range(head, len(ref), 5)]
    return " ".join(parts)
