"""Charging sessions as the screens, the API and the CSV export show them, limited to the
operator's domain.

Rules decided here:

* A filter (`SessionFilter`) is always cut to the stations the operator sees: a charging
  group means that group and its subgroups; a station, group or connector outside the
  domain is refused (`AccessDenied` / `NotFound`), never silently emptied.
* Free text: every word must match the station's identity or name, the id tag, or the
  charging user's first or last name (case ignored).
* Sort by start (default, newest first), energy, duration or cost, then by id; pages go on
  with a keyset cursor `(sort value, id)` (for start: `(started_at, id)`, as before).
  Sessions without energy or price (running ones: their price is not fixed yet) sort below
  every real value, and so do running sessions by duration (they have none yet): sort
  values are fixed, so pages never shift.
* A running session shows its energy and power from the in-memory running sessions
  (fresher than its row) and its price "so far" (`cost_state` "so_far") from the pricing
  service; a finished one the price fixed at stop ("final"), or "parking" while its
  parking fee still counts.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from uuid import UUID

from evdesk.core.clock import utcnow
from evdesk.core.errors import NotFound, ValidationError
from evdesk.core.permissions import OperatorContext, require_group
from evdesk.core.pricing.engine import Breakdown
from evdesk.core.reads import (
    DEFAULT_PAGE_SIZE,
    Cursor,
    Page,
    clamp_limit,
    page_of,
    require_visible_station,
    visible_station_ids,
)
from evdesk.core.reads.session_timeline import TimelineEntry, build_timeline
from evdesk.core.running_sessions import RunningSessions
from evdesk.store.database import Store
from evdesk.store.queries import sessions as q

SESSION_STATES = ("active", "completed", "closed_inactive", "failed")
STATE_LABELS = {"active": "Running", "completed": "Finished", "closed_inactive": "Closed (no stop)", "failed": "Failed"}
SORTS = q.SORTS
SESSION_NOT_FOUND = "Charging session not found."
COUNT_CAP = 100_000  # sessions counted for "N sessions" (beyond: "more than 100,000")


@dataclass(frozen=True)
class SessionFilter:
    since: datetime | None = None  # started at or after
    until: datetime | None = None  # started before
    group_id: UUID | None = None  # this charging group and its subgroups
    station_id: UUID | None = None
    connector_id: int | None = None
    user_id: UUID | None = None
    user_group_id: UUID | None = None
    token_id: UUID | None = None
    state: str | None = None  # active / completed / closed_inactive / failed
    flagged: bool = False  # only sessions with plausibility flags
    text: str = ""
    sort: str = "start"  # start / energy / duration / cost
    descending: bool = True

    def check(self) -> None:
        if self.state and self.state not in SESSION_STATES:
            raise ValidationError(f"Status is one of {', '.join(SESSION_STATES)}.", field="state")
        if self.sort not in SORTS:
            raise ValidationError(f"Sort by one of {', '.join(SORTS)}.", field="sort")
        if self.since is not None and self.until is not None and self.until < self.since:
            raise ValidationError("The period ends before it starts.", field="until")


@dataclass(frozen=True)
class SessionRow:
    id: UUID
    ocpp_id: int
    station_transaction_id: int | None  # the station's own number, for a session evdesk never started
    station_id: UUID
    station_identity: str
    connector_id: int
    id_tag: str
    token_id: UUID | None
    user_id: UUID | None
    state: str
    started_at: datetime
    stopped_at: datetime | None
    meter_start_wh: int
    meter_stop_wh: int | None
    energy_wh: int | None
    power_w: float | None
    stop_reason: str
    remote_start: bool
    flags: tuple[str, ...]
    station_name: str = ""
    group_id: UUID | None = None
    user_name: str = ""
    user_group_name: str = ""
    token_name: str = ""
    tariff_name: str = ""
    cost_total: Decimal | None = None  # None: not priced (yet)
    currency: str = ""
    cost_state: str = ""  # "" / final / parking / so_far (running)
    duration_s: int = 0  # to the stop, or to now while running
    sort_value: object = None  # what the cursor continues after (the sort's value)

    @property
    def state_label(self) -> str:
        return STATE_LABELS.get(self.state, self.state)


@dataclass(frozen=True)
class MeterValueRow:
    timestamp: datetime
    connector_id: int
    context: str
    energy_wh: float | None
    power_w: float | None
    current_a: float | None
    voltage_v: float | None
    soc: float | None
    samples: list  # every sampled value as sent: [measurand, phase, location, unit, value, context, format]


@dataclass(frozen=True)
class ChartPoint:
    at: datetime
    energy_kwh: float | None  # charged since the start
    power_kw: float | None


@dataclass(frozen=True)
class SessionDetail:
    session: SessionRow
    meter_values: list[MeterValueRow]
    breakdown: Breakdown | None = None  # the fixed price, or so far for a running session; None: no tariff
    chart: tuple[ChartPoint, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    tariff_prices: dict | None = None  # the prices the session keeps from its start


def _money(amount: Decimal, currency: str) -> str:
    return f"{amount:.2f} {currency}".strip()


class SessionReads:
    def __init__(self, store: Store, stations, running: RunningSessions, pricing=None, group_tree=None):
        self.store = store
        self.stations = stations
        self.running = running
        self.pricing = pricing  # SessionPricing: the "so far" price of running sessions
        self.group_tree = group_tree

    # -- rows ----------------------------------------------------------------------------------------------
    def price_so_far(self, live) -> Breakdown | None:
        if live is None or self.pricing is None:
            return None
        try:
            return self.pricing.so_far(live)
        except Exception:  # a price that cannot be computed must not hide the session
            return None

    def _row(self, t: dict, now: datetime | None = None) -> SessionRow:
        now = now or utcnow()
        live = self.running.by_ocpp_id.get(t["ocpp_id"]) if t["state"] == "active" else None
        energy = t["energy_wh"]
        if energy is None:
            if live is not None:
                energy = live.energy_wh
            elif t["meter_last_wh"] is not None:
                energy = t["meter_last_wh"] - t["meter_start_wh"]
        info = self.stations.by_id.get(t["station"])
        cost, currency, cost_state = None, t.get("currency") or "", t.get("cost_state") or ""
        if t["state"] == "active":
            so_far = self.price_so_far(live)
            if so_far is not None:
                cost, currency, cost_state = so_far.total, so_far.currency, "so_far"
        elif t.get("cost_total_minor") is not None:
            cost = (Decimal(t["cost_total_minor"]) / 100).quantize(Decimal("0.01"))
        end = t["stopped_at"] or now
        user = " ".join(p for p in (t.get("user_first_name") or "", t.get("user_last_name") or "") if p)
        return SessionRow(
            id=t["id"], ocpp_id=t["ocpp_id"], station_transaction_id=t.get("station_transaction_id"),
            station_id=t["station"], station_identity=info.identity if info else "", connector_id=t["connector_id"],
            id_tag=t["id_tag"], token_id=t["token"], user_id=t["user"], state=t["state"], started_at=t["started_at"],
            stopped_at=t["stopped_at"], meter_start_wh=t["meter_start_wh"], meter_stop_wh=t["meter_stop_wh"],
            energy_wh=energy, power_w=live.power_w if live else None, stop_reason=t["stop_reason"],
            remote_start=t["remote_start"], flags=tuple(t["flags"] or ()),
            station_name=info.name if info else "", group_id=info.group_id if info else None, user_name=user,
            user_group_name=t.get("user_group_name") or "", token_name=t.get("token_name") or "",
            tariff_name=t.get("tariff_name") or "", cost_total=cost, currency=currency, cost_state=cost_state,
            duration_s=max(0, int((end - t["started_at"]).total_seconds())), sort_value=t.get("sort_value"),
        )

    # -- the filter -------------------------------------------------------------------------------------------
    def _scope(self, ctx: OperatorContext, flt: SessionFilter) -> tuple[list[UUID] | None, dict]:
        """(station ids to read, or None for all; the query's filter values) for `flt` within the domain."""
        flt.check()
        if flt.station_id is not None:
            info = require_visible_station(ctx, self.stations, flt.station_id)
            ids: list[UUID] | None = [info.id]
        else:
            ids = visible_station_ids(ctx, self.stations)
        if flt.group_id is not None:
            if self.group_tree is None or flt.group_id not in self.group_tree.groups:
                raise NotFound("Charging group does not exist.")
            require_group(ctx, flt.group_id)
            groups = self.group_tree.index.subtree(flt.group_id)
            in_groups = {s.id for s in self.stations.all() if s.group_id in groups}
            ids = [i for i in (ids if ids is not None else in_groups) if i in in_groups]
        words = []
        for word in flt.text.split():
            low = word.casefold()
            matched = [s.id for s in self.stations.all()
                       if low in s.identity.casefold() or low in (s.name or "").casefold()]
            words.append((word, matched))
        values = {"since": flt.since, "until": flt.until, "connector_id": flt.connector_id, "user_id": flt.user_id,
                  "user_group_id": flt.user_group_id, "token_id": flt.token_id, "state": flt.state,
                  "flagged": flt.flagged, "words": words}
        return ids, values

    @staticmethod
    def cursor_of(flt: SessionFilter):
        if flt.sort == "start":
            return lambda r: (r.started_at, r.id)
        return lambda r: (r.sort_value, r.id)

    async def page(self, ctx: OperatorContext, flt: SessionFilter | None = None, *, station_id: UUID | None = None,
                   state: str | None = None, since: datetime | None = None, until: datetime | None = None,
                   cursor: Cursor | None = None, limit: int = DEFAULT_PAGE_SIZE) -> Page[SessionRow]:
        """Sessions matching `flt` (or the keyword shorthands) at the stations the operator sees,
        in the filter's order; `cursor` from the previous page."""
        flt = flt or SessionFilter()
        if station_id is not None or state is not None or since is not None or until is not None:
            flt = dataclasses.replace(flt, station_id=station_id or flt.station_id, state=state or flt.state,
                                      since=since or flt.since, until=until or flt.until)
        ids, values = self._scope(ctx, flt)
        limit = clamp_limit(limit)
        now = utcnow()
        rows = await self.store.read(q.page, ids, values, flt.sort, flt.descending, cursor, limit + 1, now)
        return page_of([self._row(r, now) for r in rows], limit, self.cursor_of(flt))

    async def count(self, ctx: OperatorContext, flt: SessionFilter | None = None, cap: int = COUNT_CAP) -> int:
        """How many sessions match, up to `cap`."""
        ids, values = self._scope(ctx, flt or SessionFilter())
        return await self.store.read(q.count, ids, values, cap)

    async def rows(self, ctx: OperatorContext, session_ids: list[UUID]) -> list[SessionRow]:
        """These sessions as they are now (those the operator sees): live updates of a list."""
        found = await self.store.read(q.by_ids, list(session_ids))
        now = utcnow()
        out = []
        for r in found:
            info = self.stations.by_id.get(r["station"])
            if info is not None and ctx.sees_station(info.group_id):
                out.append(self._row(r, now))
        return out

    def scope(self, ctx: OperatorContext, flt: SessionFilter) -> tuple[list[UUID] | None, dict]:
        """The query values of `flt` within the domain (for the CSV export's chunked reads)."""
        return self._scope(ctx, flt)

    def row_of(self, stored: dict, now: datetime | None = None) -> SessionRow:
        return self._row(stored, now)

    # -- one session --------------------------------------------------------------------------------------
    async def get(self, ctx: OperatorContext, session_id: UUID) -> SessionDetail:
        """One session with its meter values, price breakdown, chart and timeline."""
        now = utcnow()

        def read():
            row = q.one(session_id)
            if row is None:
                return None, [], None
            info = self.stations.by_id.get(row["station"])
            if info is None or not ctx.sees_station(info.group_id):
                return None, [], None  # outside the domain: not even its existence is told
            return row, q.meter_values(session_id), q.timeline_records(row, info.identity, now)

        row, values, records = await self.store.read(read)
        if row is None:
            raise NotFound(SESSION_NOT_FOUND)
        meter = [MeterValueRow(v["timestamp"], v["connector_id"], v["context"], v["energy_wh"], v["power_w"],
                               v["current_a"], v["voltage_v"], v["soc"], v["samples"] or []) for v in values]
        session = self._row(row, now)
        breakdown = None
        if row["state"] == "active":
            breakdown = self.price_so_far(self.running.by_ocpp_id.get(row["ocpp_id"]))
        elif row.get("cost"):
            breakdown = Breakdown.from_dict(row["cost"])
        price = None
        if breakdown is not None:
            text = f"{_money(breakdown.total, breakdown.currency)} ({session.tariff_name or 'Free'})"
            title = {"so_far": "Price so far", "parking": "Price so far: the parking fee still counts"}.get(
                session.cost_state, "Price fixed")
            price = (title, text)
        elif row["state"] != "active" and not row.get("tariff_prices"):
            price = ("No price", "The session had no tariff (free charging).")
        timeline = build_timeline(row, records, meter, price, now)
        return SessionDetail(session, meter, breakdown, tuple(chart_of(meter, row["meter_start_wh"], row["started_at"], row["stopped_at"], row["meter_stop_wh"])),
                             tuple(timeline), row.get("tariff_prices"))


def chart_of(meter: list[MeterValueRow], meter_start_wh: int, started_at: datetime | None = None,
             stopped_at: datetime | None = None, meter_stop_wh: int | None = None) -> list[ChartPoint]:
    """Energy charged (kWh since the start) and power (kW) over time: the start (0 kWh), one point
    per reading, and the stop's meter when no reading has it."""
    points = [ChartPoint(started_at, 0.0, None)] if started_at is not None else []
    for v in meter:
        if v.energy_wh is None and v.power_w is None:
            continue
        energy = None if v.energy_wh is None else max(0.0, (v.energy_wh - meter_start_wh) / 1000)
        power = None if v.power_w is None else v.power_w / 1000
        points.append(ChartPoint(v.timestamp, energy, power))
    if stopped_at is not None and meter_stop_wh is not None and (not points or points[-1].at < stopped_at):
        points.append(ChartPoint(stopped_at, max(0.0, (meter_stop_wh - meter_start_wh) / 1000), None))
    return points


def duration_text(seconds: int) -> str:
    """hh:mm:ss (as the manuals show durations); days as extra hours."""
    seconds = max(0, int(seconds))
    return f"{seconds // 3600:d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"

