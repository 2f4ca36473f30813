"""The figures the dashboard, the statistics tabs and the charging-points overview show, defined once.

Rules decided here (evdesk's own where the manuals leave it open; REQUIREMENTS-DIGEST B1, B6):

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

**Sessions of a period** are those *started* in it (site time zone for days); their energy is
the metered energy (`energy_wh`, or the last reading of a running session) and counts where the
session started.

**A failed session** (error rate) is an ended session that is `failed` (refused by the station
or never confirmed), `closed_inactive` (no stop ever came: evdesk closed it), or a finished
session that charged no energy (0 Wh or none) and did not end by a driver's or operator's
choice (stop reason not `Local`, `Remote` or `EVDisconnected`). A Faulted status during a
session is not counted by itself (the session may still have charged what the car wanted).

**Error rate** = failed / ended sessions started in the period, in whole %; "—" when no session
ended (the vaylens values 33 %, 25 %, 17 % … fit failed / (successful + failed)). Running
sessions are neither.

**Utilisation %** = the time connectors spent in sessions (start to stop, running ones to now,
clipped to the period) / (number of connectors × the period's length). A session counts from
its plug-in (Preparing, SuspendedEV are use too: the point is taken). Sessions that began more
than `LONGEST_SESSION` before the period are counted only when still running.

**Availability %** = 100 % − the share of connector time in which the connector was out of
service: its status `Faulted` or `Unavailable`, the station's own (connector 0) `Faulted` or
`Unavailable`, or the station not online (network events). The state at the period's start is
the last one recorded before it (looked back `AVAILABILITY_LOOKBACK`); with nothing recorded at
all (in the look-back and the period), the state it holds now. "—" when there are no connectors.

**% change** = (current − previous) / previous × 100 against the period of equal length just
before; "—" when previous is 0 (180 kWh against 305.58 kWh → −41.1 %).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from evdesk.core.station_cache import ConnectorState, StationInfo

CHARGING, AVAILABLE, UNAVAILABLE, ISSUE, SUSPENDED, DISABLED = (
    "charging", "available", "unavailable", "issue", "suspended", "disabled")
POINT_STATES = (CHARGING, AVAILABLE, SUSPENDED, UNAVAILABLE, ISSUE, DISABLED)
POINT_STATE_LABELS = {CHARGING: "Charging", AVAILABLE: "Available", UNAVAILABLE: "Unavailable",
                      ISSUE: "Issue detected", SUSPENDED: "Suspended", DISABLED: "Disabled"}
SUSPENDED_STATUSES = frozenset({"SuspendedEV", "SuspendedEVSE", "Preparing", "Finishing"})
OUT_OF_SERVICE_STATUSES = frozenset({"Faulted", "Unavailable"})
GOOD_STOP_REASONS = ("Local", "Remote", "EVDisconnected")
FAILED_STATES = ("failed", "closed_inactive")
ENDED_STATES = ("completed", "failed", "closed_inactive")
LONGEST_SESSION = timedelta(hours=48)
AVAILABILITY_LOOKBACK = timedelta(days=30)
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


def is_failed(state: str, energy_wh: int | None, stop_reason: str) -> bool:
    """The failed-session rule above for one session (the SQL in store/queries/station_metrics.py
    says the same; a test holds them together)."""
    if state in FAILED_STATES:
        return True
    return state == "completed" and not (energy_wh or 0) > 0 and stop_reason not in GOOD_STOP_REASONS


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


@dataclass(frozen=True)
class Interval:
    start: datetime
    end: datetime


def out_of_service_seconds(since: datetime, until: datetime, changes: list[tuple[datetime, bool]],
                           out_at_start: bool) -> float:
    """Seconds within [since, until) spent out of service, given the state at `since` and the
    later changes (time, out of service?) in time order."""
    total, out, mark = 0.0, out_at_start, since
    for at, now_out in changes:
        at = min(max(at, since), until)
        if out:
            total += (at - mark).total_seconds()
        out, mark = now_out, at
    if out:
        total += (until - mark).total_seconds()
    return total


def merge_out_of_service(connector: list[tuple[datetime, bool]], station: list[tuple[datetime, bool]],
                         connector_start: bool, station_start: bool) -> tuple[bool, list[tuple[datetime, bool]]]:
    """One connector's out-of-service changes from its own and its station's (connector 0 and the
    network): out of service when either is."""
    merged = sorted([(at, 0, out) for at, out in connector] + [(at, 1, out) for at, out in station],
                    key=lambda c: c[0])
    own, whole = connector_start, station_start
    result = []
    for at, which, out in merged:
        if which == 0:
            own = out
        else:
            whole = out
        result.append((at, own or whole))
    return connector_start or station_start, result
