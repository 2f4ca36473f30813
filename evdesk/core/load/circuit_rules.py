"""The rules of circuits, their schedules and the fallback share (digest B9). Pure.

Decided here (and why):
* A circuit is a node of the site's supply tree (site connection -> sub-distribution ->
  circuit); any node may carry stations. Name required (at most 200 characters); phases 1 or
  3; max current per phase above 0 and at most 6300 A (a large site transformer); reserved
  for other loads 0 or more and below the max ("their maximum A usage should be extracted
  from the breakers limit"); minimum per charging point empty (none) or above 0 and at most
  the max. A circuit cannot be its own ancestor.
* A station on a circuit has its own max current per phase (above 0, at most 1000 A) and a
  priority 0..9 (higher is filled first). A station is on at most one circuit (the manual:
  "You can only add 1 station to 1 DLM circuit").
* A schedule sets a circuit's limit between two times of day in the site's time zone
  ("HH:MM"; past midnight allowed, 22:00-06:00; equal times = all day). Where windows overlap
  the lowest limit wins, and a schedule never raises the limit above the circuit's max (the
  fuse): safe either way.
* Fallback share (what each station keeps when evdesk is down): for every node above the
  station, what the node has (max - reserved, at the scheduled limit lowest over the day —
  the fallback cannot follow the clock) divided by the number of stations under it; the
  station gets the smallest, rounded down to 0.1 A. When that is below the minimum per
  charging point, a share below the minimum is useless (cars refuse it) and raising it would
  break the fuse, so as many stations as fit (by priority, then id) get the minimum and the
  others 0 A: the sum never exceeds the fuse.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from uuid import UUID

from evdesk.core.errors import ValidationError
from evdesk.core.load.allocation import floor_step

MAX_CIRCUIT_A = 6300.0
MAX_STATION_A = 1000.0
PRIORITIES = range(0, 10)


@dataclass(frozen=True)
class CircuitInput:
    name: str
    max_current_a: float
    phases: int = 3
    reserved_a: float = 0.0
    min_current_a: float | None = None
    parent_id: UUID | None = None
    group_id: UUID | None = None


def _number(value, field: str, what: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValidationError(f"{what} is a number of amperes, such as 32.", field=field) from None
    if not math.isfinite(number):
        raise ValidationError(f"{what} is a number of amperes, such as 32.", field=field)
    return number


def clean_circuit(data: CircuitInput) -> dict:
    name = (data.name or "").strip()
    if not name:
        raise ValidationError("Give the circuit a name.", field="name")
    if len(name) > 200:
        raise ValidationError("A circuit's name is at most 200 characters.", field="name")
    if data.phases not in (1, 3):
        raise ValidationError("A circuit is single-phase (1) or three-phase (3).", field="phases")
    top = _number(data.max_current_a, "max_current_a", "The max current per phase")
    if not 0 < top <= MAX_CIRCUIT_A:
        raise ValidationError(f"The max current per phase is above 0 A and at most {MAX_CIRCUIT_A:g} A.",
                              field="max_current_a")
    reserved = _number(data.reserved_a or 0, "reserved_a", "The current reserved for other loads")
    if not 0 <= reserved < top:
        raise ValidationError("The current reserved for other loads is 0 A or more and below the max current.",
                              field="reserved_a")
    minimum = None
    if data.min_current_a not in (None, ""):
        minimum = _number(data.min_current_a, "min_current_a", "The minimum per charging point")
        if not 0 < minimum <= top:
            raise ValidationError("The minimum per charging point is above 0 A and at most the max current "
                                  "(leave it empty for no minimum).", field="min_current_a")
    return {"name": name, "phases": data.phases, "max_current_a": top, "reserved_a": reserved,
            "min_current_a": minimum, "parent": data.parent_id, "group": data.group_id}


def check_parent(circuit_id: UUID | None, parent_id: UUID | None, parents: dict[UUID, UUID | None]) -> None:
    """`parents`: circuit id -> its parent id, of every live circuit."""
    if parent_id is None:
        return
    if parent_id not in parents:
        raise ValidationError("Choose the circuit this one is fed from in the list.", field="parent")
    seen, node = set(), parent_id
    while node is not None and node not in seen:
        if node == circuit_id:
            raise ValidationError("A circuit cannot be fed from itself or from a circuit it feeds.", field="parent")
        seen.add(node)
        node = parents.get(node)


def clean_station_limit(max_current_a, priority) -> tuple[float, int]:
    top = _number(max_current_a, "max_current_a", "The station's max current")
    if not 0 < top <= MAX_STATION_A:
        raise ValidationError(f"The station's max current is above 0 A and at most {MAX_STATION_A:g} A.",
                              field="max_current_a")
    if not isinstance(priority, int) or priority not in PRIORITIES:
        raise ValidationError("The priority is a whole number from 0 (normal) to 9 (first).", field="priority")
    return top, priority


def parse_time_of_day(text: str, field: str) -> int:
    """"HH:MM" -> minutes after midnight."""
    parts = (text or "").strip().split(":")
    if len(parts) == 2 and all(p.isdigit() for p in parts):
        hours, minutes = int(parts[0]), int(parts[1])
        if 0 <= hours < 24 and 0 <= minutes < 60:
            return hours * 60 + minutes
    raise ValidationError("A time of day looks like 22:00 (hours 0-23, minutes 0-59).", field=field)


def clean_schedule(start: str, end: str, limit, circuit_max: float) -> tuple[int, int, float]:
    start_minute = parse_time_of_day(start, "start")
    end_minute = parse_time_of_day(end, "end")
    value = _number(limit, "max_current_a", "The limit")
    if not 0 <= value <= circuit_max:
        raise ValidationError(f"The limit is 0 A or more and at most the circuit's max current ({circuit_max:g} A).",
                              field="max_current_a")
    return start_minute, end_minute, value


@dataclass(frozen=True)
class Window:
    start_minute: int
    end_minute: int
    max_current_a: float

    def covers(self, minute: int) -> bool:
        if self.start_minute == self.end_minute:
            return True
        if self.start_minute < self.end_minute:
            return self.start_minute <= minute < self.end_minute
        return minute >= self.start_minute or minute < self.end_minute


def limit_at(circuit_max: float, windows: list[Window], minute_of_day: int) -> float:
    """The circuit's max current per phase at this minute of the day (site time zone)."""
    return min([circuit_max] + [w.max_current_a for w in windows if w.covers(minute_of_day)])


def lowest_limit(circuit_max: float, windows: list[Window]) -> float:
    return min([circuit_max] + [w.max_current_a for w in windows])


@dataclass(frozen=True)
class FallbackNode:
    node_id: str
    available_a: float  # (lowest scheduled) max - reserved
    parent_id: str | None = None
    min_a: float | None = None


def node_chain(by_id: dict[str, FallbackNode], node_id: str | None) -> list[str]:
    """The node and every node above it, up to the site's connection (a loop in the tree ends it)."""
    seen = []
    while node_id is not None and node_id in by_id and node_id not in seen:
        seen.append(node_id)
        node_id = by_id[node_id].parent_id
    return seen


def fallback_shares(nodes: list[FallbackNode], stations: dict[str, tuple[str, int]]) -> dict[str, float]:
    """station id -> the TxDefaultProfile limit it keeps when evdesk is down.
    `stations`: station id -> (its circuit's node id, priority)."""
    by_id = {n.node_id: n for n in nodes}
    chains = {sid: node_chain(by_id, node) for sid, (node, _prio) in stations.items()}
    under: dict[str, list[str]] = {}
    for sid, nodes_up in chains.items():
        for node in nodes_up:
            under.setdefault(node, []).append(sid)
    shares = {}
    for sid, nodes_up in chains.items():
        share = min((by_id[n].available_a / len(under[n]) for n in nodes_up), default=0.0)
        shares[sid] = floor_step(share)
    # Below the minimum: the minimum to as many as fit under every node, 0 A to the others.
    for sid in sorted(shares, key=lambda s: (-stations[s][1], s)):
        minimum = by_id[stations[sid][0]].min_a if stations[sid][0] in by_id else None
        if minimum and shares[sid] < minimum:
            shares[sid] = 0.0
    room = {n: by_id[n].available_a - sum(shares[s] for s in under[n]) for n in under}
    for sid in sorted(shares, key=lambda s: (-stations[s][1], s)):
        minimum = by_id[stations[sid][0]].min_a if stations[sid][0] in by_id else None
        if minimum and shares[sid] == 0.0 and all(room[n] >= minimum - 1e-9 for n in chains[sid]):
            shares[sid] = minimum
            for n in chains[sid]:
                room[n] -= minimum
    return shares
