"""What a remote start may choose besides the token: the tariff and the stop limits.

Rules decided here (the manuals let whoever starts remotely pick the tariff, Free too):

* Tariff: "as the tariff groups decide" (nothing chosen: access profile, then the EVSE's
  tariff group, ... as at any Start), a named tariff, or Free. Anyone who may send
  the remote start may choose (the choice is written into the action-log reason, so
  it is visible who gave a session for free). A tariff outside its validity dates
  cannot be chosen.
* Limits: maximum minutes (whole, 1 .. 10,080 = a week), kWh (up to 3 decimals, more
  than 0, at most 1,000) and cost (2 decimals in the site currency, more than 0) — the
  same checks as a user group's limits (`checked_limits`). A limit given here replaces
  the tariff's and the user group's for that session; one left empty keeps theirs.
* The choice is handed to the transaction service before the RemoteStartTransaction
  is sent and applies to the next Start on that connector within the remote-start
  timeout (`TransactionService.choose_remote_tariff` / `choose_remote_limits`); a remote
  start the station does not accept drops it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from uuid import UUID

from evdesk.core.clock import utcnow
from evdesk.core.errors import NotFound, ValidationError
from evdesk.core.pricing.tariff import free_prices
from evdesk.core.session_limits import checked_limits
from evdesk.core.tariffs import AppliedTariff

@dataclass(frozen=True)
class RemoteStartChoice:
    tariff: AppliedTariff | None = None  # None: as the tariff groups decide
    max_minutes: int | None = None
    max_kwh: Decimal | None = None
    max_cost: Decimal | None = None

    @property
    def has_limits(self) -> bool:
        return self.max_minutes is not None or self.max_kwh is not None or self.max_cost is not None

    def describe(self) -> str:
        """For the action log: "tariff Free; max 1 kWh" ('' when nothing was chosen)."""
        parts = []
        if self.tariff is not None:
            parts.append(f"tariff {self.tariff.name}")
        if self.max_minutes is not None:
            parts.append(f"max {self.max_minutes} min")
        if self.max_kwh is not None:
            parts.append(f"max {self.max_kwh} kWh")
        if self.max_cost is not None:
            parts.append(f"max cost {self.max_cost:.2f}")
        return "; ".join(parts)


def remote_start_choice(tariffs, currency: str, *, tariff_id: UUID | None = None, free: bool = False,
                        max_minutes=None, max_kwh=None, max_cost=None) -> RemoteStartChoice:
    """Check a remote start's choices (ValidationError naming the field)."""
    if free and tariff_id is not None:
        raise ValidationError("Choose either Free or a tariff, not both.", "tariff_id")
    applied = None
    if free:
        applied = AppliedTariff(None, "Free", free_prices(currency), "chosen at the remote start")
    elif tariff_id is not None:
        try:
            row = tariffs.tariff(tariff_id)
        except NotFound:
            raise ValidationError("The chosen tariff no longer exists.", "tariff_id") from None
        if not row.valid_at(utcnow()):
            raise ValidationError(f"The tariff {row.name} is not valid now.", "tariff_id")
        applied = AppliedTariff(row.id, row.name, row.prices, "chosen at the remote start")
    return RemoteStartChoice(applied, *checked_limits(max_minutes, max_kwh, max_cost))

