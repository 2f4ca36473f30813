"""The authorizations log: every decision, newest first, paged in as the view scrolls,
with new decisions (`AuthorizationDecided`) inserted at the top as they happen."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from evdesk.core import events as ev
from evdesk.core.auth_log import AuthLogFilter, AuthLogRow
from evdesk.gui import display
from evdesk.gui.asyncutil import run_task
from evdesk.gui.coalesce import Coalescer
from evdesk.gui.models.base import PagedLogModel, Roles

COL_TIME, COL_STATION, COL_CONNECTOR, COL_TOKEN, COL_USER, COL_RESULT, COL_REASON = range(7)
RESULT_COLOURS = {"Accepted": "#2e7d32", "Blocked": "#c62828", "Expired": "#ef6c00", "Invalid": "#c62828",
                  "ConcurrentTx": "#6a1b9a"}
RESULT_LABELS = {"ConcurrentTx": "Concurrent session"}
LIVE_DELAY_MS = 300  # decisions are written in batches; wait for the batch, then read them


def day_start(day: date, zone) -> datetime:
    return datetime.combine(day, time.min, tzinfo=zone)


class AuthLogModel(PagedLogModel):
    columns = ("Time", "Station", "Connector", "Token", "Charging user", "Result", "Reason")
    time_column = COL_TIME

    def __init__(self, services, operator, parent=None):
        super().__init__(services, parent)
        self.operator = operator  # () -> OperatorContext: the log shows the stations of their domain
        self.filter = AuthLogFilter(since=day_start(datetime.now(self.zone).date(), self.zone))
        self._live = Coalescer(self._fetch_new, LIVE_DELAY_MS, self)
        self._bus.on(ev.AuthorizationDecided, self._decided)
        self.fetchMore()

    def detach(self) -> None:
        super().detach()
        self._live.stop()

    def set_filter(self, flt: AuthLogFilter) -> None:
        if flt != self.filter:
            self.filter = flt
            self.reload()

    async def load_page(self, before, limit):
        page = await self.services.people.reads.authorizations(self.operator(), self.filter, before=before, limit=limit)
        return page.items

    def display(self, row: AuthLogRow, column: int):
        if column == COL_TIME:
            return display.local_time(row.at, self.zone)
        if column == COL_STATION:
            return row.station or "—"
        if column == COL_CONNECTOR:
            return "" if row.connector_id is None else str(row.connector_id)
        if column == COL_TOKEN:
            return row.id_tag
        if column == COL_USER:
            return row.user or ("unknown tag" if row.unknown_tag else "—")
        if column == COL_RESULT:
            return RESULT_LABELS.get(row.result, row.result)
        if column == COL_REASON:
            return row.reason
        return None

    def sort_value(self, row: AuthLogRow, column: int):
        if column == COL_TIME:
            return row.at.timestamp()
        return self.display(row, column)

    def row_data(self, row: AuthLogRow, role: int, column: int):
        if role == Roles.Status:
            return row.result
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_RESULT and row.result in RESULT_COLOURS:
                return QColor(RESULT_COLOURS[row.result])
            if column == COL_USER and row.unknown_tag:
                return QColor("#757575")
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_TIME:
                return f"{display.local_time(row.at, self.zone)} {display.zone_name(self.zone, row.at)}"
            if row.unknown_tag:
                return "Unknown tag: select the row and press “Register this tag…” to make it a token."
            if row.context:
                return f"Asked in {row.context}"
        return None

    # -- live ----------------------------------------------------------------------------
    def _decided(self, event: ev.AuthorizationDecided) -> None:
        flt = self.filter
        if flt.station_id is not None and event.station_id != flt.station_id:
            return
        if flt.result and event.result != flt.result:
            return
        self._live.poke()

    def flush(self) -> None:
        self._live.flush()

    def _fetch_new(self) -> None:
        flt, services, ctx = self.filter, self.services, self.operator()

        async def newest():
            await services.batch.flush()  # the decision may still wait in the batch writer
            return (await services.people.reads.authorizations(ctx, flt, limit=100)).items

        run_task(newest(), on_done=lambda rows: self._new_rows(rows, flt), owner=self, what="reading new authorizations")

    def _new_rows(self, rows: list[AuthLogRow], flt: AuthLogFilter) -> None:
        if flt != self.filter:
            return
        top = (self._rows[0].at, self._rows[0].id) if self._rows else None
        self.prepend_live([r for r in rows if top is None or (r.at, r.id) > top])


def preset_filter(preset: str, zone, start: date | None = None, end: date | None = None, **kw) -> AuthLogFilter:
    """today / 7 days / 30 days / custom (whole local days from `start` to `end`, both included)."""
    today = datetime.now(zone).date()
    if preset == "custom" and start is not None:
        until = day_start((end or start) + timedelta(days=1), zone) if end is not None else None
        return AuthLogFilter(since=day_start(start, zone), until=until, **kw)
    days = {"today": 0, "7days": 6, "30days": 29}.get(preset)
    if days is None:
        return AuthLogFilter(**kw)  # everything
    return AuthLogFilter(since=day_start(today - timedelta(days=days), zone), **kw)
