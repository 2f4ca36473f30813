"""Smart-charging profiles of a simulated OCPP 1.6 charge point.

Profiles arrive as the snake_case dicts the ocpp library hands to handlers.
Limits are evaluated on the station's clock and converted to watts with the
nominal voltage and the number of phases.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Callable

from .clock import iso_z, parse_iso

__all__ = ["ChargingProfileRecord", "ProfileStore", "VOLTAGE"]

VOLTAGE = 230.0
_RECURRENCE = {"Daily": 86400, "Weekly": 7 * 86400}


@dataclass
class ChargingProfileRecord:
    connector_id: int
    profile_id: int
    stack_level: int
    purpose: str
    kind: str
    unit: str
    periods: list[tuple[int, float, int | None]]
    installed_at: datetime
    duration: int | None = None
    start_schedule: datetime | None = None
    recurrency: str | None = None
    valid_from: datetime | None = None
    valid_to: datetime | None = None
    transaction_id: int | None = None
    min_rate: float | None = None
    raw: dict = field(default_factory=dict)

    # -- evaluation --------------------------------------------------------
    def schedule_start(self, t: datetime, tx_start: datetime | None) -> datetime | None:
        if self.kind == "Relative":
            return tx_start
        base = self.start_schedule or self.valid_from or self.installed_at
        if self.kind == "Recurring":
            period = _RECURRENCE.get(self.recurrency or "Daily", 86400)
            if t < base:
                return base
            n = int((t - base).total_seconds() // period)
            return base + timedelta(seconds=n * period)
        return base

    def limit_at(self, t: datetime, tx_start: datetime | None, phases: int) -> float | None:
        """Limit in W at time `t`, or None when the profile is not active."""
        if self.valid_from and t < self.valid_from:
            return None
        if self.valid_to and t >= self.valid_to:
            return None
        start = self.schedule_start(t, tx_start)
        if start is None:
            return None
        elapsed = (t - start).total_seconds()
        if elapsed < 0:
            return None
        if self.duration is not None and elapsed >= self.duration:
            return None
        chosen = None
        for start_period, limit, n_phases in self.periods:
            if start_period <= elapsed:
                chosen = (limit, n_phases)
            else:
                break
        if chosen is None:
            return None
        limit, n_phases = chosen
        if self.unit == "A":
            return limit * VOLTAGE * (n_phases or phases)
        return limit

    def breakpoints(self, t0: datetime, t1: datetime, tx_start: datetime | None) -> list[datetime]:
        points = [p for p in (self.valid_from, self.valid_to) if p]
        starts: list[datetime] = []
        first = self.schedule_start(t0, tx_start)
        if first is not None:
            starts.append(first)
            if self.kind == "Recurring":
                period = timedelta(seconds=_RECURRENCE.get(self.recurrency or "Daily", 86400))
                nxt = first + period
                while nxt < t1 and len(starts) < 400:
                    starts.append(nxt)
                    nxt += period
        for start in starts:
            for start_period, _, _ in self.periods:
                points.append(start + timedelta(seconds=start_period))
            if self.duration is not None:
                points.append(start + timedelta(seconds=self.duration))
        return [p for p in points if t0 < p < t1]


def _record_from(connector_id: int, p: dict, now: datetime) -> ChargingProfileRecord:
    schedule = p.get("charging_schedule") or {}
    periods = sorted(
        (
            int(item.get("start_period", 0)),
            float(item.get("limit", 0)),
            item.get("number_phases"),
        )
        for item in schedule.get("charging_schedule_period") or []
    )
    return ChargingProfileRecord(
        connector_id=connector_id,
        profile_id=int(p.get("charging_profile_id", 0)),
        stack_level=int(p.get("stack_level", 0)),
        purpose=str(p.get("charging_profile_purpose", "")),
        kind=str(p.get("charging_profile_kind", "Absolute")),
        unit=str(schedule.get("charging_rate_unit", "W")),
        periods=periods,
        installed_at=now,
        duration=schedule.get("duration"),
        start_schedule=parse_iso(schedule.get("start_schedule")),
        recurrency=p.get("recurrency_kind"),
        valid_from=parse_iso(p.get("valid_from")),
        valid_to=parse_iso(p.get("valid_to")),
        transaction_id=p.get("transaction_id"),
        min_rate=schedule.get("min_charging_rate"),
        raw=p,
    )


class ProfileStore:
    """Installed charging profiles and their combined effect."""

    def __init__(self, connectors: int, phases: int = 3) -> None:
        self.connectors = connectors
        self.phases = phases
        self.profiles: list[ChargingProfileRecord] = []

    def install(
        self,
        connector_id: int,
        profile: dict,
        *,
        now: datetime,
        max_stack_level: int,
        allowed_units: list[str],
        max_periods: int,
        max_installed: int,
        running_tx: Callable[[int], int | None],
    ) -> str:
        """Validate and store a profile; returns the SetChargingProfile status."""
        if not 0 <= connector_id <= self.connectors:
            return "Rejected"
        try:
            record = _record_from(connector_id, profile, now)
        except (TypeError, ValueError):
            return "Rejected"
        if record.purpose == "ChargePointMaxProfile" and connector_id != 0:
            return "Rejected"
        if record.purpose == "TxProfile":
            if connector_id == 0:
                return "Rejected"
            tx = running_tx(connector_id)
            if tx is None:
                return "Rejected"
            if record.transaction_id is not None and record.transaction_id != tx:
                return "Rejected"
            record.transaction_id = tx
        if not 0 <= record.stack_level <= max_stack_level:
            return "Rejected"
        names = {"A": "Current", "W": "Power"}
        if names.get(record.unit) not in allowed_units:
            return "Rejected"
        if not record.periods or len(record.periods) > max_periods or record.periods[0][0] != 0:
            return "Rejected"
        if record.kind == "Recurring" and record.recurrency not in _RECURRENCE:
            return "Rejected"
        kept = [
            p
            for p in self.profiles
            if p.profile_id != record.profile_id
            and not (
                p.connector_id == connector_id
                and p.purpose == record.purpose
                and p.stack_level == record.stack_level
            )
        ]
        if len(kept) + 1 > max_installed:
            return "Rejected"
        kept.append(record)
        self.profiles = kept
        return "Accepted"

    def clear(
        self,
        profile_id: int | None = None,
        connector_id: int | None = None,
        purpose: str | None = None,
        stack_level: int | None = None,
    ) -> bool:
        if profile_id is not None:
            kept = [p for p in self.profiles if p.profile_id != profile_id]
        else:
            kept = [
                p
                for p in self.profiles
                if not (
                    (connector_id is None or p.connector_id == connector_id)
                    and (purpose is None or p.purpose == purpose)
                    and (stack_level is None or p.stack_level == stack_level)
                )
            ]
        removed = len(kept) != len(self.profiles)
        self.profiles = kept
        return removed

    def remove_tx_profiles(self, connector_id: int) -> None:
        self.profiles = [
            p
            for p in self.profiles
            if not (p.purpose == "TxProfile" and p.connector_id == connector_id)
        ]

    # -- evaluation --------------------------------------------------------
    def _best(self, candidates, t, tx_start, phases: int | None = None) -> float | None:
        for p in sorted(candidates, key=lambda p: (-p.stack_level, -p.connector_id)):
            value = p.limit_at(t, tx_start, phases or self.phases)
            if value is not None:
                return value
        return None

    def limit_w(
        self,
        connector_id: int,
        t: datetime,
        tx_start: datetime | None = None,
        tx_id: int | None = None,
        share: int = 1,
        car_phases: int | None = None,
    ) -> float | None:
        """Effective limit (W) for one connector at `t`, None = unlimited.

        `share` divides a ChargePointMaxProfile among that many charging connectors. A limit in
        A (per phase) becomes watts over the phases the car uses (`car_phases`; default the
        station's), so a single-phase car under 16 A draws 16 A, not three phases' worth.
        """
        station = self._best(
            [p for p in self.profiles if p.purpose == "ChargePointMaxProfile"], t, tx_start
        )
        if connector_id == 0:
            return station
        value = None
        if tx_id is not None:
            value = self._best(
                [
                    p
                    for p in self.profiles
                    if p.purpose == "TxProfile"
                    and p.connector_id == connector_id
                    and p.transaction_id in (None, tx_id)
                ],
                t,
                tx_start,
                car_phases,
            )
        if value is None:
            value = self._best(
                [
                    p
                    for p in self.profiles
                    if p.purpose == "TxDefaultProfile" and p.connector_id in (0, connector_id)
                ],
                t,
                tx_start,
                car_phases,
            )
        if station is not None:
            station = station / max(1, share)
            value = station if value is None else min(value, station)
        return value

    def composite(
        self,
        connector_id: int,
        now: datetime,
        duration: int,
        unit: str,
        default_w: float,
        tx_start: datetime | None = None,
        tx_id: int | None = None,
    ) -> dict:
        """The combined schedule (snake_case dict) for GetCompositeSchedule."""
        end = now + timedelta(seconds=max(0, duration))
        points = {now}
        for p in self.profiles:
            if p.connector_id in (0, connector_id) or connector_id == 0:
                points.update(p.breakpoints(now, end, tx_start or now))
        periods: list[dict] = []
        for t in sorted(points):
            watts = self.limit_w(connector_id, t, tx_start or now, tx_id)
            if watts is None:
                watts = default_w
            limit = watts / (VOLTAGE * self.phases) if unit == "A" else watts
            limit = round(limit, 1)
            if periods and periods[-1]["limit"] == limit:
                continue
            periods.append({"start_period": int((t - now).total_seconds()), "limit": limit})
        return {
            "duration": int(duration),
            "start_schedule": iso_z(now),
            "charging_rate_unit": unit,
            "charging_schedule_period": periods,
        }
