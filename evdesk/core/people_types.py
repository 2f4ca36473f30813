"""Plain data for charging users, tokens and user groups, and the checks on input."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import date
from uuid import UUID

from evdesk.core.errors import ValidationError
from evdesk.core.load.priorities import clean_departure_time

USER_STATUSES = ("active", "disabled")
TOKEN_STATUSES = ("active", "inactive", "blocked")
TOKEN_MAX_LENGTH = 20  # OCPP 1.6 idToken: CiString20
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

TOKEN_EXISTS = "Token already exists."
USER_NOT_FOUND = "Charging user not found."
EMAIL_EXISTS = "A charging user with this e-mail address already exists."


@dataclass
class UserInput:
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    phone: str = ""
    user_group_id: UUID | None = None
    status: str = "active"
    disabled_reason: str = ""
    max_concurrent_transactions: int | None = None
    vehicles: list[str] = field(default_factory=list)  # registration plates
    group_rights: list[UUID] = field(default_factory=list)  # charging groups (their subgroups included)
    station_rights: list[UUID] = field(default_factory=list)
    departure_time: str = ""  # load management: daily "needs energy by", "HH:MM" site time ("" none)


@dataclass
class TokenInput:
    uid: str
    name: str = ""
    status: str = "active"
    valid_from_day: date | None = None
    valid_to_day: date | None = None  # None = valid indefinitely
    parent_uid: str = ""  # group tag: sent to stations as parentIdTag


@dataclass(frozen=True)
class TokenRow:
    id: UUID
    version: int
    uid: str
    name: str
    status: str
    valid_from_day: date | None
    valid_to_day: date | None
    user_id: UUID | None
    user_name: str
    parent_uid: str
    home_group_id: UUID | None = None  # the user's home group when the token has a user


@dataclass(frozen=True)
class UserRow:
    id: UUID
    version: int
    first_name: str
    last_name: str
    email: str
    phone: str
    user_group_id: UUID | None
    user_group: str
    status: str
    token_uids: tuple[str, ...] = ()
    vehicles: tuple[str, ...] = ()  # registration plates
    home_group_id: UUID | None = None

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass
class UserDetail:
    """One user as an operator sees them: `data.group_rights` / `station_rights` hold only
    the rights inside the operator's domain (the others are kept when they save)."""

    id: UUID
    version: int
    data: UserInput
    tokens: list[TokenRow]
    home_group_id: UUID | None = None


@dataclass(frozen=True)
class UserGroupRow:
    id: UUID
    version: int
    name: str
    active: bool
    members: int
    max_concurrent_transactions: int | None = None
    limit_minutes: int | None = None  # stop limits of the members' sessions (None: none from the group)
    limit_wh: int | None = None
    limit_cost_minor: int | None = None
    load_priority: int = 0  # load management: higher groups' sessions get their share first


def row_of(cls, row: dict):
    """A row dataclass from the store's dict of the same names (extra keys are left out)."""
    return cls(**{f.name: row[f.name] for f in fields(cls) if f.name in row})


def clean_user(data: UserInput) -> UserInput:
    """Trimmed input, or ValidationError naming the field."""
    data.first_name, data.last_name = data.first_name.strip(), data.last_name.strip()
    data.email, data.phone = data.email.strip(), data.phone.strip()
    data.disabled_reason = data.disabled_reason.strip()
    if not (data.first_name or data.last_name):
        raise ValidationError("Enter the charging user's name.", field="first_name")
    if len(data.first_name) > 120 or len(data.last_name) > 120:
        raise ValidationError("Names have at most 120 characters.", field="last_name")
    if data.email and (not EMAIL_RE.match(data.email) or len(data.email) > 255):
        raise ValidationError("Problem with email address. Give a full address such as driver@example.com.", field="email")
    if len(data.phone) > 64:
        raise ValidationError("Phone numbers have at most 64 characters.", field="phone")
    if data.status not in USER_STATUSES:
        raise ValidationError("Status is active or disabled.", field="status")
    if data.status == "disabled" and not data.disabled_reason:
        raise ValidationError("Say why the user is disabled (drivers and colleagues will ask).", field="disabled_reason")
    if data.status == "active":
        data.disabled_reason = ""
    if data.max_concurrent_transactions is not None and data.max_concurrent_transactions < 1:
        raise ValidationError("Allow at least one session at a time.", field="max_concurrent_transactions")
    data.departure_time = clean_departure_time(data.departure_time)
    plates = []
    for plate in data.vehicles:
        plate = " ".join(plate.split()).upper()
        if len(plate) > 32:
            raise ValidationError("Registration plates have at most 32 characters.", field="vehicles")
        if plate and plate not in plates:
            plates.append(plate)
    data.vehicles = plates
    data.group_rights = list(dict.fromkeys(data.group_rights))
    data.station_rights = list(dict.fromkeys(data.station_rights))
    return data


def clean_token(data: TokenInput) -> TokenInput:
    data.uid, data.name, data.parent_uid = data.uid.strip(), data.name.strip(), (data.parent_uid or "").strip()
    if not data.uid:
        raise ValidationError("Enter the token id (the RFID uid the charger reads).", field="uid")
    if len(data.uid) > TOKEN_MAX_LENGTH or any(c.isspace() for c in data.uid):
        raise ValidationError(f"Token ids have at most {TOKEN_MAX_LENGTH} characters and no spaces (OCPP 1.6).", field="uid")
    if len(data.name) > 200:
        raise ValidationError("Token names have at most 200 characters.", field="name")
    if data.status not in TOKEN_STATUSES:
        raise ValidationError("Token status is active, inactive or blocked.", field="status")
    if data.valid_from_day and data.valid_to_day and data.valid_to_day < data.valid_from_day:
        raise ValidationError("The token cannot stop being valid before it starts.", field="valid_to_day")
    if data.parent_uid.upper() == data.uid.upper():
        raise ValidationError("A token cannot be its own parent.", field="parent_uid")
    return data
