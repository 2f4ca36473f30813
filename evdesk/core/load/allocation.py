"""Sharing circuits' current between charging sessions (digest B9). Pure: no store, no clock.

Input: the circuits (a tree: site connection -> sub-distribution -> circuit), each with its
phases, max current per phase, the current reserved for other loads and the minimum per
charging point; the sessions, each on a leaf circuit with the grid phases it loads (see
`phases.grid_phases`), its max current and its priorities. Output: the current each session
may draw per phase (A, 0.1 A steps), and which sessions wait.

Rules decided (and why):
* **Capacity.** Every circuit gives one constraint per grid phase (three-phase) or one for
  its single conductor (single-phase; every session on it counts once): the sum of the
  current of the sessions under it (its own and its sub-circuits') on that phase is at most
  max - reserved. A session obeys the constraints of its circuit and of all its ancestors.
* **Floor and admission.** A session's floor is its circuit's minimum (capped at the
  session's own max; no minimum = 0). The manual: "new sessions cannot start if any of the
  existing ones has to be lowered to less than the set min". So the sessions running
  (admitted) before keep their floor first; then waiting sessions are admitted one by one —
  by station priority, user-group priority, earliest departure, then arrival — when their
  floor still fits every constraint; the others wait at 0 A (a TxProfile of 0 A, the car shows
  SuspendedEVSE) and are tried again at every re-allocation, so they start when room frees.
  If a limit falls (a schedule) so that even the admitted floors do not fit, the lowest
  priority, most recently arrived admitted sessions are put back to wait until they fit.
* **Above the floor.** Priority levels (station priority, then user-group priority; higher
  first) are filled one after the other from what is left. Inside a level, sessions that
  must finish by a departure time ("needs energy by", from the fleet vehicle) are first
  water-filled up to the current they need; then every session of the level is water-filled
  up to its max. Water-filling = max-min fairness: all grow together, a session stops at
  its max or when one of its constraints is full.
* **Unused current.** A car that draws clearly less than it was allowed (measured current
  more than `UNUSED_MARGIN_A` below its previous limit) is capped at what it draws plus
  `HEADROOM_A` (never below its floor); the rest goes to the others. Headroom > margin, so
  a car that keeps drawing the same stays capped, and one that ramps up into its headroom
  is uncapped at the next re-allocation.
* **Rounding** down to 0.1 A, so sums never exceed a limit. Deterministic: sessions are
  ordered by their keys, ties by session id; no randomness, no clock.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, field

UNUSED_MARGIN_A = 1.0
HEADROOM_A = 2.0
EPS = 1e-9


@dataclass(frozen=True)
class CircuitLimit:
    circuit_id: str
    max_a: float
    phases: int = 3
    reserved_a: float = 0.0
    min_a: float | None = None
    parent_id: str | None = None

    @property
    def available_a(self) -> float:
        return max(0.0, self.max_a - self.reserved_a)


@dataclass(frozen=True)
class SessionDemand:
    session_id: str
    circuit_id: str
    grid_phases: tuple[str, ...]
    max_a: float
    arrived: float = 0.0
    admitted: bool = False
    station_priority: int = 0
    group_priority: int = 0
    departure: float | None = None
    needed_a: float | None = None
    drawn_a: float | None = None
    previous_a: float | None = None


@dataclass
class Allocation:
    limits: dict[str, float]
    waiting: tuple[str, ...]
    capacity: dict[tuple[str, str], float] = field(default_factory=dict)
    members: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)

    def load(self, limits: dict[str, float] | None = None) -> dict[tuple[str, str], float]:
        """Current per constraint (circuit id, phase or "*") for these limits (default: ours)."""
        limits = self.limits if limits is None else limits
        return {key: sum(limits.get(sid, 0.0) for sid in sids) for key, sids in self.members.items()}


def needed_current_a(energy_needed_wh: float, seconds_left: float, phases: int, voltage_v: float = 230.0) -> float:
    """The current per phase that delivers `energy_needed_wh` in `seconds_left` (inf when late)."""
    if energy_needed_wh <= 0:
        return 0.0
    if seconds_left <= 0:
        return math.inf
    return energy_needed_wh / (seconds_left / 3600.0) / (voltage_v * max(1, phases))


def floor_step(value: float) -> float:
    """Down to 0.1 A (divided by 10, not multiplied by 0.1: 112 / 10 is the float nearest 11.2)."""
    return math.floor(value * 10 + 1e-6) / 10 if value > 0 else 0.0


def _constraints(circuits: dict[str, CircuitLimit], session: SessionDemand) -> list[tuple[str, str]]:
    keys, seen, cid = [], set(), session.circuit_id
    while cid is not None and cid in circuits and cid not in seen:
        seen.add(cid)
        circuit = circuits[cid]
        if circuit.phases == 1:
            keys.append((cid, "*"))
        else:
            keys.extend((cid, p) for p in session.grid_phases)
        cid = circuit.parent_id
    return keys


def _cap(session: SessionDemand, floor: float) -> float:
    cap = max(0.0, session.max_a)
    if session.drawn_a is not None and session.previous_a is not None \
            and session.drawn_a < session.previous_a - UNUSED_MARGIN_A:
        cap = min(cap, max(floor, session.drawn_a + HEADROOM_A))
    return cap


def _admission_key(s: SessionDemand):
    return (not s.admitted, -s.station_priority, -s.group_priority,
            s.departure if s.departure is not None else math.inf, s.arrived, s.session_id)


def allocate(circuits: list[CircuitLimit], sessions: list[SessionDemand]) -> Allocation:
    by_id = {c.circuit_id: c for c in circuits}
    sessions = sorted(sessions, key=_admission_key)
    cons = {s.session_id: _constraints(by_id, s) for s in sessions}
    capacity: dict[tuple[str, str], float] = {}
    members: dict[tuple[str, str], list[str]] = {}
    for s in sessions:
        for key in cons[s.session_id]:
            capacity.setdefault(key, by_id[key[0]].available_a)
            members.setdefault(key, []).append(s.session_id)
    floors = {}
    for s in sessions:
        circuit = by_id.get(s.circuit_id)
        minimum = circuit.min_a if circuit is not None and circuit.min_a else 0.0
        floors[s.session_id] = min(minimum, max(0.0, s.max_a))

    # Admission: admitted sessions first (dropping the last ones if even they do not fit).
    residual = dict(capacity)
    admitted: list[SessionDemand] = []
    for s in sessions:
        f = floors[s.session_id]
        if all(residual[k] >= f - EPS for k in cons[s.session_id]):
            for k in cons[s.session_id]:
                residual[k] -= f
            admitted.append(s)
    admitted_ids = {s.session_id for s in admitted}
    alloc = {s.session_id: floors[s.session_id] for s in admitted}

    levels: dict[tuple[int, int], list[SessionDemand]] = {}
    for s in admitted:
        levels.setdefault((s.station_priority, s.group_priority), []).append(s)
    caps = {s.session_id: _cap(s, floors[s.session_id]) for s in admitted}
    for level in sorted(levels, reverse=True):
        group = levels[level]
        urgent = {s.session_id: min(caps[s.session_id], max(floors[s.session_id], s.needed_a))
                  for s in group if s.needed_a is not None}
        if urgent:
            _water_fill(urgent, alloc, residual, cons)
        _water_fill({s.session_id: caps[s.session_id] for s in group}, alloc, residual, cons)

    limits = {s.session_id: (floor_step(alloc[s.session_id]) if s.session_id in admitted_ids else 0.0)
              for s in sessions}
    waiting = tuple(s.session_id for s in sessions if s.session_id not in admitted_ids)
    return Allocation(limits, waiting, capacity, {k: tuple(v) for k, v in members.items()})


def _water_fill(targets: dict[str, float], alloc: dict[str, float], residual: dict[tuple[str, str], float],
                cons: dict[str, list[tuple[str, str]]]) -> None:
    """Raise a water level under the sessions in `targets` (max-min fairness): a session below
    the level is lifted to it, so the lowest grow first; a session stops at its target or when
    one of its constraints is full. Updates `alloc` and `residual` in place. O((n + C) log n)
    events: a session joins (the level reaches its current), leaves, or a constraint fills."""
    pending, tops = [], []
    for sid in sorted(targets):
        if targets[sid] - alloc[sid] > EPS:
            heapq.heappush(pending, (alloc[sid], sid))
    if not pending:
        return
    level = pending[0][0]
    active: set[str] = set()
    count: dict[tuple[str, str], int] = {}
    active_on: dict[tuple[str, str], list[str]] = {}

    def leave(sid: str) -> None:
        active.discard(sid)
        alloc[sid] = max(alloc[sid], level)
        for k in cons[sid]:
            count[k] -= 1

    while pending or active:
        while pending and pending[0][0] <= level + EPS:
            _, sid = heapq.heappop(pending)
            if any(residual[k] <= EPS for k in cons[sid]):
                continue
            active.add(sid)
            heapq.heappush(tops, (targets[sid], sid))
            for k in cons[sid]:
                count[k] = count.get(k, 0) + 1
                active_on.setdefault(k, []).append(sid)
        if not active:
            if not pending:
                break
            level = pending[0][0]
            continue
        while tops and tops[0][1] not in active:
            heapq.heappop(tops)
        step = tops[0][0] - level
        if pending:
            step = min(step, pending[0][0] - level)
        for k, n in count.items():
            if n > 0:
                step = min(step, residual[k] / n)
        step = max(0.0, step)
        level += step
        for k, n in count.items():
            if n > 0:
                residual[k] -= n * step
        while tops and (tops[0][1] not in active or tops[0][0] - level <= EPS):
            _, sid = heapq.heappop(tops)
            if sid in active:
                leave(sid)
        for k in sorted(count):
            if count[k] > 0 and residual[k] <= EPS * max(1, count[k]):
                for sid in active_on[k]:
                    if sid in active:
                        leave(sid)


@dataclass(frozen=True)
class ProfileChange:
    session_id: str
    limit_a: float
    previous_a: float | None


def changes_to_send(allocation: Allocation, sent: dict[str, float], threshold_a: float = 0.5) -> list[ProfileChange]:
    """The limits worth sending, decreases first (so the sum never overshoots while they go out).

    A change smaller than `threshold_a` is not sent (message spam), except: a first limit, a
    start from or hold at 0 A, and — when skipping the small decreases would leave the limits
    in force above a constraint — every small decrease too."""
    changes, skipped = [], []
    for sid in sorted(allocation.limits):
        new, old = allocation.limits[sid], sent.get(sid)
        if old is not None and abs(new - old) < EPS:
            continue
        if old is None or new == 0.0 or old == 0.0 or abs(new - old) >= threshold_a - EPS:
            changes.append(ProfileChange(sid, new, old))
        else:
            skipped.append(ProfileChange(sid, new, old))
    in_force = dict(sent)
    in_force.update({c.session_id: c.limit_a for c in changes})
    load = allocation.load(in_force)
    if any(load[k] > allocation.capacity[k] + 1e-6 for k in load):
        changes.extend(c for c in skipped if c.limit_a < c.previous_a)
    return sorted(changes, key=lambda c: (c.previous_a is None or c.limit_a >= c.previous_a, c.session_id))
