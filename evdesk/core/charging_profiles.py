"""OCPP 1.6 charging profiles without JSON: a draft as an operator fills it in, its checks
(each problem named by its field, so the editor shows it next to that field), the
csChargingProfiles object it becomes, and the steps of a schedule for a chart — of a draft,
or of a station's GetCompositeSchedule answer.

Rules (OCPP 1.6 section 3.13 and 7.8, and the station's compatibility profile):
* profile id 1 or more; stack level 0 or more, at most the station's ChargeProfileMaxStackLevel
  when evdesk knows it;
* ChargePointMaxProfile only on connector 0 (the whole station); TxProfile only on a connector
  (1 or more) — the station also needs a running session there;
* Absolute and Recurring schedules have a start (Recurring: Daily or Weekly, repeating from that
  start); Relative schedules start with the session and have none; recurrency only with Recurring;
* valid to must be after valid from;
* periods: at least one; the first starts at 0 s; starts strictly increase; limits are positive
  with at most one decimal (A) or whole watts (W); phases are 1 to 3, or empty (the station's
  default, 3); a period that starts after the schedule's duration never applies and is refused;
* the unit must be one the station takes (ChargingScheduleAllowedChargingRateUnit).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation

PURPOSES = ("TxDefaultProfile", "TxProfile", "ChargePointMaxProfile")
KINDS = ("Absolute", "Recurring", "Relative")
RECURRENCIES = ("Daily", "Weekly")
UNITS = ("A", "W")
MAX_LIMIT = {"A": Decimal("2000"), "W": Decimal("2000000")}  # a depot charger, with room


@dataclass
class Period:
    start_s: int
    limit: str  # as typed ("16", "7.5", "11000")
    phases: int | None = None


@dataclass
class ProfileDraft:
    connector_id: int = 0
    profile_id: int = 1
    stack_level: int = 0
    purpose: str = "TxDefaultProfile"
    kind: str = "Absolute"
    recurrency: str | None = None
    valid_from: datetime | None = None
    valid_to: datetime | None = None
    start_schedule: datetime | None = None
    duration_s: int | None = None
    unit: str = "A"
    periods: list[Period] = field(default_factory=lambda: [Period(0, "16")])
    transaction_id: int | None = None


def _limit(text: str, unit: str) -> Decimal | None:
    try:
        value = Decimal(str(text).strip().replace(",", "."))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def problems(draft: ProfileDraft, *, max_stack_level: int | None = None, rate_units: str = "A,W") -> dict[str, str]:
    """Every problem of the draft by field name; empty when it may be sent."""
    out: dict[str, str] = {}
    if draft.profile_id < 1:
        out["profile_id"] = "The profile id is 1 or more."
    if draft.stack_level < 0:
        out["stack_level"] = "The stack level is 0 or more."
    elif max_stack_level is not None and draft.stack_level > max_stack_level:
        out["stack_level"] = f"This station takes stack levels up to {max_stack_level}."
    if draft.purpose not in PURPOSES:
        out["purpose"] = "Choose a purpose."
    elif draft.purpose == "ChargePointMaxProfile" and draft.connector_id != 0:
        out["connector_id"] = "A ChargePointMaxProfile limits the whole station: choose connector 0."
    elif draft.purpose == "TxProfile" and draft.connector_id < 1:
        out["connector_id"] = "A TxProfile belongs to a session: choose the connector it runs on."
    if draft.kind not in KINDS:
        out["kind"] = "Choose Absolute, Recurring or Relative."
    elif draft.kind == "Recurring":
        if draft.recurrency not in RECURRENCIES:
            out["recurrency"] = "A recurring profile repeats Daily or Weekly."
        if draft.start_schedule is None:
            out["start_schedule"] = "A recurring profile needs the start its days or weeks count from."
    elif draft.recurrency:
        out["recurrency"] = "Only a recurring profile has a recurrency."
    if draft.kind == "Relative" and draft.start_schedule is not None:
        out["start_schedule"] = "A relative profile starts with the session: leave the start empty."
    if draft.valid_from and draft.valid_to and draft.valid_to <= draft.valid_from:
        out["valid_to"] = "Valid to must be after valid from."
    if draft.duration_s is not None and draft.duration_s < 1:
        out["duration"] = "The duration is 1 second or more, or empty (until the next period or for ever)."
    if draft.unit not in UNITS:
        out["unit"] = "Limits are in A or W."
    elif draft.unit not in rate_units.split(","):
        out["unit"] = f"This station takes limits in {rate_units} only."
    period_problem = _period_problem(draft)
    if period_problem:
        out["periods"] = period_problem
    return out


def _period_problem(draft: ProfileDraft) -> str:
    if not draft.periods:
        return "Add at least one period."
    if draft.periods[0].start_s != 0:
        return "Period 1 starts at 0 (the schedule's start)."
    previous = -1
    for n, period in enumerate(draft.periods, start=1):
        if period.start_s < 0:
            return f"Period {n}: the start is a number of minutes from the schedule's start, e.g. 90."
        if period.start_s <= previous:
            return f"Period {n} must start after period {n - 1}."
        previous = period.start_s
        if draft.duration_s is not None and period.start_s >= draft.duration_s:
            return f"Period {n} starts after the schedule ends ({draft.duration_s // 60} min)."
        value = _limit(period.limit, draft.unit)
        if value is None:
            return f"Period {n}: the limit is a number, e.g. 16 or 7.5."
        if value <= 0:
            return f"Period {n}: the limit is more than 0 (to pause charging use a small limit the car accepts)."
        if value > MAX_LIMIT.get(draft.unit, value):
            return f"Period {n}: {value} {draft.unit} is more than any charger takes."
        if draft.unit == "A" and value != value.quantize(Decimal("0.1")):
            return f"Period {n}: amperes have at most one decimal."
        if draft.unit == "W" and value != value.to_integral_value():
            return f"Period {n}: watts are whole numbers."
        if period.phases is not None and period.phases not in (1, 2, 3):
            return f"Period {n}: phases are 1, 2 or 3 (or empty)."
    return ""


def _iso(at: datetime) -> str:
    return at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def to_ocpp(draft: ProfileDraft) -> dict:
    """The csChargingProfiles object (camelCase) of a draft without problems."""
    schedule: dict = {"chargingRateUnit": draft.unit, "chargingSchedulePeriod": []}
    for period in draft.periods:
        entry = {"startPeriod": period.start_s, "limit": float(_limit(period.limit, draft.unit))}
        if period.phases is not None:
            entry["numberPhases"] = period.phases
        schedule["chargingSchedulePeriod"].append(entry)
    if draft.duration_s is not None:
        schedule["duration"] = draft.duration_s
    if draft.start_schedule is not None and draft.kind != "Relative":
        schedule["startSchedule"] = _iso(draft.start_schedule)
    profile = {"chargingProfileId": draft.profile_id, "stackLevel": draft.stack_level,
               "chargingProfilePurpose": draft.purpose, "chargingProfileKind": draft.kind,
               "chargingSchedule": schedule}
    if draft.kind == "Recurring":
        profile["recurrencyKind"] = draft.recurrency
    if draft.valid_from is not None:
        profile["validFrom"] = _iso(draft.valid_from)
    if draft.valid_to is not None:
        profile["validTo"] = _iso(draft.valid_to)
    if draft.purpose == "TxProfile" and draft.transaction_id is not None:
        profile["transactionId"] = draft.transaction_id
    return profile


@dataclass(frozen=True)
class Step:
    start_s: int
    end_s: int
    limit: float
    phases: int | None = None


def steps(periods: list[tuple[int, float, int | None]], duration_s: int | None, horizon_s: int = 86_400) -> list[Step]:
    """A schedule as steps: each period lasts until the next one starts, the last until the
    duration ends (or `horizon_s` when it has none)."""
    ordered = sorted(periods)
    end_of_all = duration_s if duration_s else max(horizon_s, (ordered[-1][0] + 3600) if ordered else horizon_s)
    out = []
    for i, (start, limit, phases) in enumerate(ordered):
        end = ordered[i + 1][0] if i + 1 < len(ordered) else end_of_all
        if start < end:
            out.append(Step(start, min(end, end_of_all), float(limit), phases))
    return out


def draft_steps(draft: ProfileDraft) -> list[Step]:
    """The draft's schedule for the chart; periods that cannot be read are left out."""
    readable = []
    for period in draft.periods:
        value = _limit(period.limit, draft.unit)
        if value is not None and value > 0:
            readable.append((period.start_s, float(value), period.phases))
    return steps(readable, draft.duration_s)


def composite_steps(response: dict) -> tuple[list[Step], str, datetime | None]:
    """A GetCompositeSchedule answer (as the command API returns it, snake_case) as steps, its
    unit and its start. Empty steps when the station sent no schedule."""
    schedule = (response or {}).get("charging_schedule") or {}
    periods = [(int(p.get("start_period", 0)), float(p.get("limit", 0)), p.get("number_phases"))
               for p in schedule.get("charging_schedule_period") or [] if isinstance(p, dict)]
    start = response.get("schedule_start") or schedule.get("start_schedule")
    started = None
    if isinstance(start, str):
        try:
            started = datetime.fromisoformat(start.replace("Z", "+00:00"))
        except ValueError:
            started = None
    return steps(periods, schedule.get("duration")), schedule.get("charging_rate_unit") or "", started
