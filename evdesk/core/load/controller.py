"""The load-management decisions, without I/O: which sessions run where, what limit each gets,
which profiles to send, and whether a station obeys its limit (digest B9).

`LoadPlanner` keeps the state of the running sessions (arrival, admitted, the limit in force,
measured current) and turns the site's circuits (`circuits.LoadSite`) into a `Plan`: the
allocation, the TxProfile changes worth sending (decreases first), the TxDefaultProfile
fallback per charging point, and the CPU time the re-allocation took. `csms/load_control.py`
sends the plan through the command API; the benchmark drives the same planner in-process.

Rules decided:
* A session on a station that is on no circuit is not managed (no profile).
* A session's charging point is the station's EVSE with the session's connector number (OCPP
  1.6: connectorId = EVSE number); a point not described yet counts as three-phase RST. A car
  is three-phase until its meter values show current on one phase only (then single-phase,
  which moves it to one grid phase and frees the other two).
* A session's max is its station's max on the circuit. The circuit limit in force is the one
  of its schedule at this minute of the day (site time zone).
* The limit "in force" is the one the station accepted; a limit that was not accepted (the
  station offline, rejected) is sent again at the next re-allocation.
* Limit not applied: a measured current above limit + 10 % (and at least 0.5 A above, so
  meter noise at low limits does not count) at two readings in a row flags the session once
  (until it obeys again); a new limit starts the count afresh (the car needs a reading to follow).
* Leases: a TxProfile runs from when it is sent (Absolute, with a duration) to `lease_end`: the
  second beat of `RENEW_SECONDS` after it, so between half a lease and a whole `LEASE_SECONDS`; a
  lease ending at the next beat is renewed. The common beat makes every lease of the site end at
  one of two moments, which the idle points' default profiles name (below). In OCPP 1.6 a
  TxProfile otherwise lasts the whole session: when evdesk stops, the sessions would keep limits
  meant for a sharing that no longer holds (newcomers start on their point's default profile
  beside them). With the lease every station
  is back on its fallback share within `LEASE_SECONDS` of evdesk stopping; until then an idle
  point's default profile fits beside the leases (`_beside_leases`), and from the moment the last
  lease ends it is the point's whole share again: the default is a schedule (`DefaultLimit`),
  re-sent with each beat's renewals. (With a flat reduced default the 400 A depot kept 42 A of
  defaults in force for as long as evdesk was down: 67.8 % of the ideal energy in the ws benchmark.)
* Order after a start: a session's first limit is compared with its point's fallback share (the
  one evdesk sent, or after a restart the one it computes again, which is what it sent before):
  below it, it is a decrease and goes out (and is answered) before the increases. Without this a
  restarted evdesk sent every first limit at once and the circuit went above its fuse while they
  travelled (the ws benchmark: 448 A on 400 A for 2 s). A station still holding a lease from before
  the restart may draw another limit; the order is then the best evdesk knows.
* Fallback: TxDefaultProfile per charging point at its share (`circuit_rules.fallback_shares`
  over points, at each circuit's lowest scheduled limit), resent only when it changes (an idle
  point's, with its step at the lease end, at every beat while leases run beside it).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from uuid import UUID

from evdesk.core.load.allocation import Allocation, CircuitLimit, SessionDemand, allocate, changes_to_send
from evdesk.core.load.circuit_rules import FallbackNode, fallback_shares, limit_at, lowest_limit, node_chain
from evdesk.core.load.phases import grid_phases

OVERDRAW_FACTOR = 1.10
OVERDRAW_MIN_A = 0.5
OVERDRAW_READINGS = 2
LEASE_SECONDS = 900.0
RENEW_SECONDS = LEASE_SECONDS / 2
Key = tuple[UUID, int]  # (station id, connector id)


def lease_end(at: float) -> float:
    """When a limit sent at `at` (epoch seconds) stops applying: the second beat after it."""
    return (math.floor(at / RENEW_SECONDS) + 2) * RENEW_SECONDS


@dataclass(frozen=True)
class DefaultLimit:
    """A charging point's TxDefaultProfile: `limit_a`, or with `until` (epoch seconds) `limit_a`
    before it and `then_a` from then on (an idle point beside leases that end at `until`)."""
    limit_a: float
    then_a: float | None = None
    until: float | None = None

    def at(self, t: float) -> float:
        return self.limit_a if self.until is None or t < self.until else self.then_a

    @property
    def highest(self) -> float:
        return max(self.limit_a, self.then_a or 0.0)


@dataclass
class SessionState:
    station_id: UUID
    connector_id: int
    transaction_id: UUID
    ocpp_id: int
    arrived: float
    admitted: bool = False
    in_force_a: float | None = None  # accepted by the station
    drawn_a: float | None = None
    previous_a: float | None = None  # the last allocation
    car_phases: int = 3
    group_priority: int = 0
    departure: float | None = None
    needed_a: float | None = None
    over_readings: int = 0
    flagged: bool = False
    lease_until: float | None = None


@dataclass(frozen=True)
class TxChange:
    station_id: UUID
    connector_id: int
    ocpp_id: int
    limit_a: float
    previous_a: float | None


@dataclass(frozen=True)
class Overdraw:
    station_id: UUID
    connector_id: int
    limit_a: float
    drawn_a: float


@dataclass
class Plan:
    allocation: Allocation
    changes: list[TxChange]
    fallback: dict[Key, DefaultLimit]  # (station, connector) -> its TxDefaultProfile, only the changed ones
    circuit_limits: dict[UUID, float]  # the limit in force per circuit (schedule applied), before reserved
    cpu_ms: float
    unmanaged: list[Key] = field(default_factory=list)


class LoadPlanner:
    def __init__(self, threshold_a: float = 0.5):
        self.threshold_a = threshold_a
        self.sessions: dict[Key, SessionState] = {}
        self.fallback_in_force: dict[Key, DefaultLimit] = {}

    # -- what happens ----------------------------------------------------------------------------
    def started(self, station_id: UUID, connector_id: int, transaction_id: UUID, ocpp_id: int, at: float,
                group_priority: int = 0, departure: float | None = None) -> None:
        self.sessions[(station_id, connector_id)] = SessionState(station_id, connector_id, transaction_id, ocpp_id,
                                                                at, group_priority=group_priority,
                                                                departure=departure)

    def ended(self, station_id: UUID, connector_id: int) -> None:
        self.sessions.pop((station_id, connector_id), None)

    def accepted(self, station_id: UUID, connector_id: int, limit_a: float, at: float | None = None) -> None:
        """The station took this limit, planned at `at` (epoch seconds): its lease ends at `lease_end(at)`."""
        s = self.sessions.get((station_id, connector_id))
        if s is not None:
            s.in_force_a = limit_a
            s.over_readings = 0
            s.lease_until = None if at is None else lease_end(at)

    def renewals(self, now: float, changing: list[TxChange] = ()) -> list[TxChange]:
        """The limits in force whose lease ends at the next beat (and that the plan does not change anyway)."""
        skip = {(c.station_id, c.connector_id) for c in changing}
        return [TxChange(s.station_id, s.connector_id, s.ocpp_id, s.in_force_a, s.in_force_a)
                for key, s in sorted(self.sessions.items(), key=lambda kv: self._sid(kv[0]))
                if key not in skip and s.in_force_a is not None and s.lease_until is not None
                and s.lease_until - now < RENEW_SECONDS]

    def measured(self, station_id: UUID, connector_id: int, current_a: float | None,
                 phases_seen: int | None = None) -> Overdraw | None:
        """A reading of the session's current (the highest phase). Returns an `Overdraw` when this
        reading makes it the second in a row above limit + 10 % (once, until it obeys again)."""
        s = self.sessions.get((station_id, connector_id))
        if s is None or current_a is None:
            return None
        s.drawn_a = current_a
        if phases_seen in (1, 3):  # a car seen on one phase counts on one; seen on three again, on three
            s.car_phases = phases_seen
        if s.in_force_a is None:
            return None
        if current_a > s.in_force_a * OVERDRAW_FACTOR and current_a > s.in_force_a + OVERDRAW_MIN_A:
            s.over_readings += 1
            if s.over_readings >= OVERDRAW_READINGS and not s.flagged:
                s.flagged = True
                return Overdraw(station_id, connector_id, s.in_force_a, current_a)
        else:
            s.over_readings = 0
            s.flagged = False
        return None

    # -- deciding ----------------------------------------------------------------------------------
    def plan(self, site, minute_of_day: int, now: float | None = None) -> Plan:
        """`site`: a `circuits.LoadSite`; `now`: epoch seconds (the wall clock if None). Pure apart
        from updating the sessions' state."""
        started = time.process_time()
        now = time.time() if now is None else now
        windows: dict[UUID, list] = {}
        for s in site.schedules:
            windows.setdefault(s.circuit_id, []).append(s.window)
        limits, nodes, circuit_limits = [], [], {}
        for c in site.circuits:
            now_max = limit_at(c.max_current_a, windows.get(c.id, []), minute_of_day)
            circuit_limits[c.id] = now_max
            limits.append(CircuitLimit(str(c.id), now_max, c.phases, c.reserved_a, c.min_current_a,
                                       str(c.parent_id) if c.parent_id else None))
            low = lowest_limit(c.max_current_a, windows.get(c.id, []))
            nodes.append(FallbackNode(str(c.id), max(0.0, low - c.reserved_a),
                                      str(c.parent_id) if c.parent_id else None, c.min_current_a))
        on_circuit = {r.station_id: r for r in site.stations}
        demands, unmanaged = [], []
        for key, s in self.sessions.items():
            row = on_circuit.get(s.station_id)
            if row is None:
                unmanaged.append(key)
                continue
            point = self._point(site, s.station_id, s.connector_id)
            phases = grid_phases(point.get("phases", 3), point.get("phase", ""), point.get("phase_rotation", ""),
                                 car_phases=s.car_phases)
            demands.append(SessionDemand(self._sid(key), str(row.circuit_id), phases, row.max_current_a,
                                         arrived=s.arrived, admitted=s.admitted, station_priority=row.priority,
                                         group_priority=s.group_priority, departure=s.departure,
                                         needed_a=s.needed_a, drawn_a=s.drawn_a, previous_a=s.previous_a))
        allocation = allocate(limits, demands)
        by_sid = {self._sid(k): k for k in self.sessions}
        for sid, limit in allocation.limits.items():
            s = self.sessions[by_sid[sid]]
            s.previous_a = limit
            s.admitted = sid not in allocation.waiting
        in_force = {self._sid(k): s.in_force_a for k, s in self.sessions.items() if s.in_force_a is not None}
        shares = self._shares(site, nodes, on_circuit)
        defaults = self._beside_leases(shares, nodes, on_circuit, allocation, now)
        changes = []
        for c in changes_to_send(allocation, in_force, self.threshold_a):
            key = by_sid[c.session_id]
            s = self.sessions[key]
            # a first limit replaces the point's fallback share: below it, it is a decrease (sent first).
            # Not sent yet (evdesk just started): the share it computes is the one it sent before.
            sent = self.fallback_in_force.get(key)
            previous = c.previous_a if c.previous_a is not None else (sent.at(now) if sent else shares.get(key))
            changes.append(TxChange(s.station_id, s.connector_id, s.ocpp_id, c.limit_a, previous))
        changes.sort(key=lambda c: (c.previous_a is None or c.limit_a >= c.previous_a))
        fallback = {point: default for point, default in defaults.items()
                    if self.fallback_in_force.get(point) != default}
        cpu_ms = (time.process_time() - started) * 1000.0
        return Plan(allocation, changes, fallback, circuit_limits, cpu_ms, unmanaged)

    def fallback_sent(self, station_id: UUID, connector_id: int, default: DefaultLimit) -> None:
        self.fallback_in_force[(station_id, connector_id)] = default

    def _shares(self, site, nodes, on_circuit) -> dict[Key, float]:
        """Every charging point's fallback share (TxDefaultProfile limit)."""
        points = {}
        for station_id, row in on_circuit.items():
            numbers = [p["evse_id"] for p in site.points.get(station_id, [])] or [1]
            for n in numbers:
                points[f"{station_id}:{n}"] = (str(row.circuit_id), row.priority)
        shares = {}
        for key, share in fallback_shares(nodes, points).items():
            station, number = key.rsplit(":", 1)
            shares[(UUID(station), int(number))] = share
        return shares

    def _beside_leases(self, shares: dict[Key, float], nodes, on_circuit, allocation,
                       now: float) -> dict[Key, DefaultLimit]:
        """The TxDefaultProfiles to keep in force. A point with a session keeps its share (it
        applies once the session's lease ran out). The idle points share what is left under each
        circuit beside the sessions' limits, by the same rule as the shares themselves, and keep at
        most their own share, until the last lease ends (`lease_end(now)`: no lease sent or renewed
        now ends later); from then on their whole share. The leases outlive evdesk by up to
        `LEASE_SECONDS`: a car arriving at an idle point while evdesk is down starts on the point's
        default profile beside them, and the fuse must hold then too (the ws benchmark saw 528 A on
        400 A for 12 minutes before this). Counted on the safe side: a session's amps on every
        phase, the higher of its limit in force and its new one (or the point's default while it
        has no limit of its own yet)."""
        by_node = {n.node_id: n for n in nodes}
        busy = {key for key in self.sessions if key[0] in on_circuit}
        used: dict[str, float] = {}
        for key in busy:
            s = self.sessions[key]
            sent = self.fallback_in_force.get(key)
            amps = max(s.in_force_a or 0.0, allocation.limits.get(self._sid(key), 0.0),
                       0.0 if s.in_force_a is not None else (sent.highest if sent else shares.get(key, 0.0)))
            for node in node_chain(by_node, str(on_circuit[key[0]].circuit_id)):
                used[node] = used.get(node, 0.0) + amps
        idle = {f"{key[0]}:{key[1]}": (str(on_circuit[key[0]].circuit_id), on_circuit[key[0]].priority)
                for key in shares if key not in busy}
        out = {key: DefaultLimit(share) for key, share in shares.items()}
        if not idle or not used:
            return out
        room = [FallbackNode(n.node_id, max(0.0, n.available_a - used.get(n.node_id, 0.0)), n.parent_id, n.min_a)
                for n in nodes]
        until = lease_end(now)
        for point, beside in fallback_shares(room, idle).items():
            station, number = point.rsplit(":", 1)
            key = (UUID(station), int(number))
            if beside < shares[key]:
                out[key] = DefaultLimit(beside, shares[key], until)
        return out

    @staticmethod
    def _point(site, station_id: UUID, connector_id: int) -> dict:
        for p in site.points.get(station_id, []):
            if p["evse_id"] == connector_id:
                return p
        return {}

    @staticmethod
    def _sid(key: Key) -> str:
        return f"{key[0]}:{key[1]}"


@dataclass(frozen=True)
class SessionLoad:
    station_id: UUID
    connector_id: int
    circuit_id: str
    allowed_a: float
    drawn_a: float | None
    waiting: bool
    flagged: bool


@dataclass(frozen=True)
class LoadSnapshot:
    """What the circuit page draws: per (circuit id, phase or "*") the capacity (max - reserved,
    schedule applied), the current allowed and the current drawn; per session its share."""
    capacity: dict[tuple[str, str], float]
    allowed: dict[tuple[str, str], float]
    drawn: dict[tuple[str, str], float]
    sessions: list[SessionLoad]


def snapshot(planner: LoadPlanner, plan: Plan) -> LoadSnapshot:
    allocation = plan.allocation
    by_sid = {LoadPlanner._sid(k): s for k, s in planner.sessions.items()}
    drawn = {key: sum((by_sid[sid].drawn_a or 0.0) for sid in sids if sid in by_sid)
             for key, sids in allocation.members.items()}
    circuit_of = {}
    for (circuit, _phase), sids in allocation.members.items():
        for sid in sids:
            circuit_of.setdefault(sid, circuit)  # the first key of a session is its own circuit
    sessions = [SessionLoad(s.station_id, s.connector_id, circuit_of.get(sid, ""), allocation.limits.get(sid, 0.0),
                            s.drawn_a, sid in allocation.waiting, s.flagged)
                for sid, s in sorted(by_sid.items()) if sid in allocation.limits]
    return LoadSnapshot(dict(allocation.capacity), allocation.load(), drawn, sessions)
