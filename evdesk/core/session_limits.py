"""Stop limits of a session: maximum time, energy and cost.

A session's limits come from its tariff (the 001 manual's "Stop Session" tab: "Session
max time", "Energy exceeds") and may be set by the remote start that began it: a limit
the remote start gives replaces the tariff's, one it leaves empty keeps it
(`core/remote_start.py`). A user group's own limits are not built: the tariff (also an
access profile's) and the remote start cover the manuals' cases.

They are judged at each meter reading (and every 5 s for time; `core/stop_limits.py`),
so a session may run past its limit by at most one meter-value interval: with readings
every 60 s at 11 kW, an energy limit overshoots by at most 0.18 kWh. When one is
reached evdesk asks the station once to stop (RemoteStopTransaction, actor "limit",
`csms/limit_stops.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from evdesk.core.pricing.tariff import TariffPrices


def session_limits(prices: TariffPrices | None, *, minutes: int | None = None, kwh: Decimal | None = None,
                   cost: Decimal | None = None) -> dict:
    """The limits stored on a new session: the remote start's where it set one, else the tariff's."""
    if prices is not None:
        minutes = minutes if minutes is not None else prices.max_minutes
        kwh = kwh if kwh is not None else prices.max_kwh
        cost = cost if cost is not None else prices.max_cost
    return {
        "limit_minutes": minutes,
        "limit_wh": int(kwh * 1000) if kwh is not None else None,
        "limit_cost_minor": int((cost * 100).to_integral_value()) if cost is not None else None,
    }


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
