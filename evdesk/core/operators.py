"""Operators: what an account looks like to the rest of evdesk, the password policy,
one-time codes, and the `OperatorContext` a login makes.

The services are in `operator_accounts.py` (invite, edit, delete, my account) and
`login.py` (log in, lockout, unlock after expiry).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from evdesk.core.errors import ValidationError
from evdesk.core.permissions import ROLE_LABELS, DomainIndex, OperatorContext

POLICY_MESSAGE = "Password does not conform to password policy."
POLICY_HINT = "Use at least 10 characters with letters and digits, or at least 16 characters of any kind."
WRONG_CREDENTIALS = "Wrong credentials."
OPERATOR_INACTIVE = "Operator is inactive."
OPERATOR_NOT_ACTIVE = "Operator is not active."
OPERATOR_NOT_FOUND = "Operator not found."
USERNAME_EXISTS = "Username already exists."
INVITATION_FAILED = "Operator invitation failed."
MAX_FAILED_LOGINS = 5
LOCK_MINUTES = 15
CODE_VALID_HOURS = 72
CODE_COST = 2**12  # codes are random and short-lived; a lighter scrypt keeps checks quick
# Codes avoid look-alike characters (0/O, 1/I/L) so they can be typed from a phone.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
STATUS_LABELS = {"invited": "Invited", "active": "Active", "inactive": "Inactive"}


@dataclass(frozen=True)
class OperatorInfo:
    id: UUID
    username: str
    email: str
    first_name: str
    last_name: str
    status: str
    role: str
    base_group_id: UUID | None
    last_login: datetime | None
    locked_until: datetime | None
    version: int

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


def info_from_row(row) -> OperatorInfo:
    return OperatorInfo(
        id=row.id, username=row.username, email=row.email, first_name=row.first_name, last_name=row.last_name,
        status=row.status, role=row.role, base_group_id=row.base_group_id, last_login=row.last_login,
        locked_until=row.locked_until, version=row.version,
    )


def check_password_policy(password: str, username: str = "", field: str = "password") -> None:
    password = password or ""
    has_letter = any(c.isalpha() for c in password)
    has_digit = any(c.isdigit() for c in password)
    long_enough = len(password) >= 16 or (len(password) >= 10 and has_letter and has_digit)
    if not long_enough or (username and password.casefold() == username.strip().casefold()):
        hint = POLICY_HINT if not long_enough else "The password must not be the username."
        raise ValidationError(f"{POLICY_MESSAGE} {hint}", field=field)


def new_code() -> str:
    """A one-time code such as 'K7QM-2XDP' (40 bits; valid for hours, hashed in the store)."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


def normalize_code(code: str) -> str:
    raw = "".join(c for c in (code or "").upper() if c.isalnum())
    return f"{raw[:4]}-{raw[4:]}" if len(raw) == 8 else raw


def context_for(info: OperatorInfo, index: DomainIndex, via: str = "desk") -> OperatorContext:
    """The context an operator acts in: their role and the subtree under their base group."""
    domain = None if info.base_group_id is None else index.subtree(info.base_group_id)
    return OperatorContext(
        operator_id=info.id, username=info.username, role=info.role, base_group_id=info.base_group_id,
        domain_groups=domain, display_name=info.full_name, via=via,
    )
