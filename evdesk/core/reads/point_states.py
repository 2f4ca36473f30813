"""Charging-point states as the dashboard, the station tree and the charging-points overview show
them, and the % change of the dashboard's cards.

Rules decided here (evdesk's own where the manuals leave it open; REQUIREMENTS-DIGEST B1):

**Charging-point state** (the dashboard's squares, the donut, the overview's Status column),
from the station's registration, its connection and the OCPP status and error code of the
connector, first rule that applies:

1. *Disabled*: the station is not adopted (pending or rejected): not in service.
2. *Unavailable*: the station is not online (temporarily or long-term unavailable, never
   connected) — what it last said is stale — or the connector says `Unavailable` or `Unknown`.
3. *Issue detected*: the connector says `Faulted`, or any error code other than `NoError`
   (a station may report an error code with another status, e.g. `Available` + `HighTemperature`).
4. *Charging*: `Charging`.
5. *Suspended*: `SuspendedEV`, `SuspendedEVSE`, `Preparing`, `Finishing` (a car is plugged in but
   no energy flows: the point is occupied, not charging).
6. *Available*: `Available`, `Reserved` (in service; a reservation ends by itself).

Connector 0 is the station itself, never a charging point; a fault it reports makes the station
a fault (the faults list), not a square.

The figures over a period (sessions, energy, failed sessions, error rate, utilisation,
availability, revenue) are defined once, in `station_metrics.py`, and read from the hourly
aggregates; the dashboard, the statistics tabs, the overview and the reports all use them.

**% change** = (current − previous) / previous × 100 against the period of equal length just
before; "—" when previous is 0 (180 kWh against 305.58 kWh → −41.1 %).
"""

from __future__ import annotations

from decimal import Decimal

from evdesk.core.station_cache import ConnectorState, StationInfo

CHARGING, AVAILABLE, UNAVAILABLE, ISSUE, SUSPENDED, DISABLED = (
    "charging", "available", "unavailable", "issue", "suspended", "disabled")
POINT_STATES = (CHARGING, AVAILABLE, SUSPENDED, UNAVAILABLE, ISSUE, DISABLED)
POINT_STATE_LABELS = {CHARGING: "Charging", AVAILABLE: "Available", UNAVAILABLE: "Unavailable",
                      ISSUE: "Issue detected", SUSPENDED: "Suspended", DISABLED: "Disabled"}
# "a charging point that is …" (filters and their tooltips)
POINT_STATE_PHRASES = {CHARGING: "charging", AVAILABLE: "available", UNAVAILABLE: "unavailable",
                       ISSUE: "reporting an issue", SUSPENDED: "suspended", DISABLED: "disabled"}
SUSPENDED_STATUSES = frozenset({"SuspendedEV", "SuspendedEVSE", "Preparing", "Finishing"})
NO_FIGURE = "—"


def point_state(station: StationInfo, connector: ConnectorState) -> str:
    """The dashboard state of one charging point (the rules above, in order)."""
    if station.registration != "adopted":
        return DISABLED
    status = connector.status
    if station.connection_state != "online" or status in ("Unavailable", "Unknown"):
        return UNAVAILABLE
    if status == "Faulted" or (connector.error_code or "NoError") != "NoError":
        return ISSUE
    if status == "Charging":
        return CHARGING
    if status in SUSPENDED_STATUSES:
        return SUSPENDED
    return AVAILABLE


def charging_points(station: StationInfo) -> list[ConnectorState]:
    """The station's charging points in order (connector 0, the station itself, left out)."""
    return [c for cid, c in sorted(station.connectors.items()) if cid != 0]


def point_states(station: StationInfo) -> list[str]:
    return [point_state(station, c) for c in charging_points(station)]


def percent(part: float, whole: float) -> float | None:
    return None if not whole else 100.0 * part / whole


def change_percent(current: float | Decimal, previous: float | Decimal) -> float | None:
    """% change against the preceding period; None ("—") when there is nothing to compare."""
    if not previous:
        return None
    return float((Decimal(str(current)) - Decimal(str(previous))) / Decimal(str(previous)) * 100)


def percent_text(value: float | None, signed: bool = False, decimals: int = 0) -> str:
    if value is None:
        return NO_FIGURE
    text = f"{value:+.{decimals}f}" if signed else f"{value:.{decimals}f}"
    return text.replace("-", "−") + " %"
