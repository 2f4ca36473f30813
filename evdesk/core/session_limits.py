"""Stop limits of a session: maximum time, energy and cost.

A session's limits come from its tariff (the 001 manual's "Stop Session" tab: "Session
max time", "Energy exceeds"), from the charging user's user group, and from the remote
start that began it. For each kind (time, energy, cost): the remote start's limit when it
gives one (an operator's explicit choice for this session, `core/remote_start.py`), else
the stricter of the tariff's and the user group's.

They are judged at each meter reading (and every 5 s for time; `core/stop_limits.py`),
so a session may run past its limit by at most one meter-value interval: with readings
every 60 s at 11 kW, an energy limit overshoots by at most 0.18 kWh. When one is
reached evdesk asks the station once to stop (RemoteStopTransaction, actor "limit",
`csms/limit_stops.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from evdesk.core.errors import ValidationError
from evdesk.core.pricing.tariff import TariffPrices

MAX_MINUTES = 7 * 24 * 60
MAX_KWH = Decimal(1000)


def _stricter(a, b):
    return b if a is None else a if b is None else min(a, b)


def session_limits(prices: TariffPrices | None, *, minutes: int | None = None, kwh: Decimal | None = None,
                   cost: Decimal | None = None, group=None) -> dict:
    """The limits stored on a new session: the remote start's where it set one, else the stricter of
    the tariff's and the user group's (`group`: anything with limit_minutes / limit_wh / limit_cost_minor)."""
    out = {"limit_minutes": None, "limit_wh": None, "limit_cost_minor": None}
    if prices is not None:
        out = {"limit_minutes": prices.max_minutes,
               "limit_wh": int(prices.max_kwh * 1000) if prices.max_kwh is not None else None,
               "limit_cost_minor": int((prices.max_cost * 100).to_integral_value())
               if prices.max_cost is not None else None}
    if group is not None:
        out = {key: _stricter(value, getattr(group, key, None)) for key, value in out.items()}
    if minutes is not None:
        out["limit_minutes"] = minutes
    if kwh is not None:
        out["limit_wh"] = int(kwh * 1000)
    if cost is not None:
        out["limit_cost_minor"] = int((cost * 100).to_integral_value())
    return out


@dataclass(frozen=True)
class LimitReached:
    kind: str  # time / energy / cost
    reason: str  # for the action log: "Stop limit: max time 120 min reached"


def limit_reached(started_at: datetime, now: datetime, energy_wh: int | None, cost_minor: int | None, *,
                  limit_minutes: int | None, limit_wh: int | None, limit_cost_minor: int | None) -> LimitReached | None:
    if limit_minutes is not None and (now - started_at).total_seconds() >= limit_minutes * 60:
        return LimitReached("time", f"Stop limit: max time {limit_minutes} min reached")
    if limit_wh is not None and energy_wh is not None and energy_wh >= limit_wh:
        return LimitReached("energy", f"Stop limit: max energy {Decimal(limit_wh) / 1000} kWh reached")
    if limit_cost_minor is not None and cost_minor is not None and cost_minor >= limit_cost_minor:
        return LimitReached("cost", f"Stop limit: max cost {Decimal(limit_cost_minor) / 100:.2f} reached")
    return None


_NUMBER = re.compile(r"([0-9]{1,9})(?:[.]([0-9]{1,9}))?")  # ASCII digits only: Decimal() takes '1_0' and '١٢'


def _decimal(value, label: str, field: str, places: int) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float, Decimal)):
        raise ValidationError(f"{label} must be a number.", field)
    text = str(value).strip().replace(",", ".")
    found = _NUMBER.fullmatch(text)
    if found is None:
        raise ValidationError(f"{label} must be a number such as 12.5.", field)
    if found.group(2) and len(found.group(2).rstrip("0")) > places:
        raise ValidationError(f"{label} has at most {places} decimals.", field)
    number = Decimal(text)
    if number <= 0:
        raise ValidationError(f"{label} must be more than 0.", field)
    return number


def checked_limits(max_minutes=None, max_kwh=None, max_cost=None,
                   fields=("max_minutes", "max_kwh", "max_cost")) -> tuple[int | None, Decimal | None, Decimal | None]:
    """(minutes, kWh, cost) checked (None: no limit); a ValidationError names its field from `fields`."""
    minutes = None
    if max_minutes is not None and max_minutes != "":
        if isinstance(max_minutes, bool) or not isinstance(max_minutes, int):
            raise ValidationError("Maximum time is a whole number of minutes.", fields[0])
        if not 1 <= max_minutes <= MAX_MINUTES:
            raise ValidationError(f"Maximum time is 1 to {MAX_MINUTES} minutes.", fields[0])
        minutes = max_minutes
    kwh = _decimal(max_kwh, "Maximum energy", fields[1], 3)
    if kwh is not None and kwh > MAX_KWH:
        raise ValidationError(f"Maximum energy is at most {MAX_KWH} kWh.", fields[1])
    cost = _decimal(max_cost, "Maximum cost", fields[2], 2)
    if cost is not None and cost > Decimal(1_000_000):
        raise ValidationError("Maximum cost is at most 1,000,000.", fields[2])
    return minutes, kwh, cost
