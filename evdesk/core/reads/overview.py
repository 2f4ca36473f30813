"""The charging-points overview (vaylens "Erweiterte Übersicht"): every charging point the
operator sees, one row each, filtered, sorted and paged.

Rules decided here:

* Status is the dashboard's point state (`station_metrics.point_state`); Detail status is what
  the station said (OCPP status, and the error code and info when there is one).
* *Unavailable since*: for a point Unavailable or with an Issue, since when — the station's last
  sign of life when it is offline, else the time of the connector's current status; empty for
  a point in service.
* *Error rate* over the last 30 days: failed / sessions, as `station_metrics.py` defines them
  (from the hourly aggregates), with both counts; "—" without a session. The 30-day figures are
  read once and kept for `FIGURES_TTL` seconds (the list pages and re-sorts without re-reading
  them); the status columns are always live.
* *Last session*: the start of the point's latest session (any age).
* Sort by any column; points without an error rate sort below every real rate, whichever the
  direction (an empty figure is not a low one). Ties by station name and connector.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from evdesk.core.clock import utcnow
from evdesk.core.errors import ValidationError
from evdesk.core.permissions import OperatorContext
from evdesk.core.reads import point_states as sm
from evdesk.core.reads.station_metrics import StationMetrics, error_rate_pct
from evdesk.store.database import Store
from evdesk.store.queries import dashboard as q

FIGURES_TTL = 60.0
LIST_TTL = 5.0
WINDOW = timedelta(days=30)
SORTS = ("station", "status", "detail", "unavailable_since", "error_rate", "last_session", "firmware", "model",
         "group")


@dataclass(frozen=True)
class OverviewFilter:
    text: str = ""  # words in the station's name or identifier, the group, model or firmware
    states: tuple[str, ...] = ()  # point states; empty: all
    firmware: str = ""
    model: str = ""
    min_error_rate: float | None = None  # in %; points without a rate are left out then
    sort: str = "error_rate"
    descending: bool = True

    def check(self) -> None:
        if self.sort not in SORTS:
            raise ValidationError(f"Sort by one of {', '.join(SORTS)}.", field="sort")
        for state in self.states:
            if state not in sm.POINT_STATES:
                raise ValidationError("Choose states from the list.", field="states")


@dataclass(frozen=True)
class PointRow:
    station_id: UUID
    station_name: str
    identity: str
    group_name: str
    connector_id: int
    state: str
    detail: str
    unavailable_since: datetime | None
    sessions_30d: int
    failed_30d: int
    last_session: datetime | None
    firmware: str
    vendor: str
    model: str

    @property
    def id(self) -> tuple[UUID, int]:
        return (self.station_id, self.connector_id)

    @property
    def error_rate(self) -> float | None:
        return error_rate_pct(self.failed_30d, self.sessions_30d)

    @property
    def state_label(self) -> str:
        return sm.POINT_STATE_LABELS[self.state]


def detail_text(status: str, error_code: str, info: str) -> str:
    parts = [status]
    if error_code and error_code != "NoError":
        parts.append(error_code)
    if info:
        parts.append(info)
    return " · ".join(parts)


class OverviewReads:
    def __init__(self, store: Store, stations, groups, metrics: StationMetrics):
        self.store = store
        self.stations = stations
        self.groups = groups  # names of charging groups
        self.metrics = metrics
        self._figures_key = None
        self._figures: dict = {}
        self._last: dict = {}
        self._read_at = -FIGURES_TTL
        self._list = None

    def forget(self) -> None:
        """Read the 30-day figures and the list again next time (a refresh button)."""
        self._read_at = -FIGURES_TTL
        self._list = None

    async def _session_figures(self, ctx: OperatorContext, now: datetime) -> tuple[dict, dict]:
        """{(station, connector): (sessions, failed)} over the last 30 days within the domain (the
        aggregates), and {(station, connector): last session start}; kept `FIGURES_TTL` seconds."""
        key = ctx.domain_groups
        if time.monotonic() - self._read_at < FIGURES_TTL and self._figures_key == key:
            return self._figures, self._last
        figures = {(f.station_id, f.connector_id): (f.sessions, f.failed)
                   for f in await self.metrics.figures(ctx, now - WINDOW, now, now=now)}
        pairs = [(s.id, c.connector_id) for s in self.stations.all() for c in sm.charging_points(s)]
        known = dict(self._last)

        def read():
            recent = q.last_starts_since(now - WINDOW)
            older = q.last_session_starts([p for p in pairs if p not in recent and p not in known])
            return recent, older

        recent, older = await self.store.read(read)
        known.update(older)
        known.update(recent)
        self._figures, self._last, self._read_at, self._figures_key = figures, known, time.monotonic(), key
        return figures, known

    async def rows(self, ctx: OperatorContext, flt: OverviewFilter | None = None,
                   now: datetime | None = None, station_ids=None) -> list[PointRow]:
        """Every charging point the operator sees that matches `flt`, in its order (only those of
        `station_ids` when given: live updates of a shown list)."""
        flt = flt or OverviewFilter()
        flt.check()
        now = now or utcnow()
        figures, last = await self._session_figures(ctx, now)
        words = [w.casefold() for w in flt.text.split()]
        out = []
        infos = self.stations.all() if station_ids is None else [
            self.stations.by_id[i] for i in station_ids if i in self.stations.by_id]
        for info in infos:
            if not ctx.sees_station(info.group_id):
                continue
            if flt.firmware and info.firmware_version != flt.firmware:
                continue
            if flt.model and info.model != flt.model:
                continue
            group = self.groups.name_of(info.group_id)
            if words:
                hay = " ".join((info.name, info.identity, group, info.model, info.vendor, info.firmware_version)).casefold()
                if not all(w in hay for w in words):
                    continue
            for c in sm.charging_points(info):
                state = sm.point_state(info, c)
                if flt.states and state not in flt.states:
                    continue
                sessions, failed = figures.get((info.id, c.connector_id), (0, 0))
                since = None
                if state in (sm.UNAVAILABLE, sm.ISSUE):
                    since = info.last_seen if info.connection_state != "online" else c.status_at
                row = PointRow(info.id, info.display_name, info.identity, group, c.connector_id, state,
                               detail_text(c.status, c.error_code, c.info), since, sessions, failed,
                               last.get((info.id, c.connector_id)), info.firmware_version, info.vendor, info.model)
                if flt.min_error_rate is not None and (row.error_rate is None or row.error_rate < flt.min_error_rate):
                    continue
                out.append(row)
        return sort_rows(out, flt.sort, flt.descending)

    async def _listed(self, ctx: OperatorContext, flt: OverviewFilter | None) -> list[PointRow]:
        """The whole ordered list for the pages and the count of one filter, kept `LIST_TTL` seconds
        (a reload asks for the first page and the count at once, scrolling for the next pages)."""
        key = (ctx.operator_id, ctx.domain_groups, flt or OverviewFilter())
        kept = self._list
        if kept is not None and kept[0] == key and time.monotonic() - kept[1] < LIST_TTL:
            return kept[2]
        rows = await self.rows(ctx, flt)
        self._list = (key, time.monotonic(), rows)
        return rows

    async def page(self, ctx: OperatorContext, flt: OverviewFilter | None, offset: int, limit: int) -> list[PointRow]:
        rows = await self._listed(ctx, flt)
        return rows[offset:offset + limit]

    async def count(self, ctx: OperatorContext, flt: OverviewFilter | None) -> int:
        return len(await self._listed(ctx, flt))

    def firmware_and_models(self, ctx: OperatorContext) -> tuple[list[str], list[str]]:
        """The firmware versions and models among the stations the operator sees (filter choices)."""
        seen = [s for s in self.stations.all() if ctx.sees_station(s.group_id)]
        return (sorted({s.firmware_version for s in seen if s.firmware_version}),
                sorted({s.model for s in seen if s.model}))


def sort_rows(rows: list[PointRow], sort: str, descending: bool) -> list[PointRow]:
    """In `sort` order; empty values always last."""
    state_rank = {s: i for i, s in enumerate(sm.POINT_STATES)}
    value = {
        "station": lambda r: r.station_name.casefold(),
        "status": lambda r: state_rank[r.state],
        "detail": lambda r: r.detail.casefold(),
        "unavailable_since": lambda r: r.unavailable_since,
        "error_rate": lambda r: r.error_rate,
        "last_session": lambda r: r.last_session,
        "firmware": lambda r: r.firmware.casefold() or None,
        "model": lambda r: r.model.casefold() or None,
        "group": lambda r: r.group_name.casefold() or None,
    }[sort]
    tie = lambda r: (r.station_name.casefold(), r.connector_id)  # noqa: E731
    present = sorted((r for r in rows if value(r) is not None), key=tie)
    present.sort(key=value, reverse=descending)
    empty = sorted((r for r in rows if value(r) is None), key=tie)
    return present + empty

