"""The charging log as a table: sessions paged in from the core as the view scrolls, sorted by
the store (start, energy, duration, cost; a click on another column does nothing), and live.

Live: running sessions' energy, price so far and duration, a session ending or being priced
(`TransactionUpdated`, `TransactionEnded`, `SessionPriced`) are collected for `LIVE_DELAY_MS`
and read back together (one read for a burst, only rows that are shown); a session starting
(`TransactionStarted`) brings the newest rows in at the top when the list shows newest first.
A running session's duration moves on a one-second clock without a read.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QColor

from evdesk.core import events as ev
from evdesk.core.reads.sessions import SessionFilter, SessionRow, duration_text
from evdesk.gui import display
from evdesk.gui.asyncutil import run_task
from evdesk.gui.coalesce import Coalescer
from evdesk.gui.models.base import PagedLogModel, Roles, redraw_columns
from evdesk.gui.translations.labels import state_label

COLUMNS = ("Start", "End", "Station", "Connector", "Charging user", "Token", "User group", "Energy (kWh)",
           "Duration", "Cost", "Status", "Stop reason", "Flags")
(COL_START, COL_END, COL_STATION, COL_CONNECTOR, COL_USER, COL_TOKEN, COL_USER_GROUP, COL_ENERGY, COL_DURATION,
 COL_COST, COL_STATUS, COL_STOP_REASON, COL_FLAGS) = range(len(COLUMNS))
SORT_OF_COLUMN = {COL_START: "start", COL_ENERGY: "energy", COL_DURATION: "duration", COL_COST: "cost"}
COLUMN_OF_SORT = {v: k for k, v in SORT_OF_COLUMN.items()}
STATUS_COLOURS = {"active": "#1565c0", "completed": "#2e7d32", "closed_inactive": "#ef6c00", "failed": "#c62828"}
FLAG_LABELS = {"meter_stop_below_start": "stop below start", "not_authorized": "not authorized",
               "suspicious_time": "suspicious time", "late_stop": "late stop"}
LIVE_DELAY_MS = 500
NUMERIC = (COL_CONNECTOR, COL_ENERGY, COL_DURATION, COL_COST)


def cost_text(row: SessionRow) -> str:
    """'12.34 EUR', '3.10 EUR so far' (running), 'Free' (nothing to pay under a free tariff), '–' (no price)."""
    if row.cost_total is None:
        return "Free" if row.state == "active" or row.tariff_name in ("", "Free") else "–"
    text = f"{row.cost_total:.2f} {row.currency}".strip()
    if row.cost_total == 0 and (row.tariff_name in ("", "Free") or not row.currency):
        return "Free"
    if row.cost_state == "so_far":
        return f"{text} so far"
    if row.cost_state == "parking":
        return f"{text} (parking)"
    return text


def flags_text(flags) -> str:
    return ", ".join(FLAG_LABELS.get(f, f.replace("_", " ")) for f in flags)


class SessionsModel(PagedLogModel):
    columns = COLUMNS
    time_column = COL_START

    def __init__(self, services, operator, flt: SessionFilter | None = None, parent=None, load: bool = True):
        super().__init__(services, parent)
        self.operator = operator  # () -> OperatorContext, asked at each read
        self.filter = flt or SessionFilter()
        self._pending: set = set()
        # live updates only while a view shows the model (set by its widget); a hidden one re-reads when shown
        self.following = True
        self._missed = False
        self._live = Coalescer(self._refresh_pending, LIVE_DELAY_MS, self)
        self._newest = Coalescer(self._fetch_newest, LIVE_DELAY_MS, self)
        for event_type in (ev.TransactionUpdated, ev.TransactionEnded, ev.SessionPriced):
            self._bus.on(event_type, self._touched)
        self._bus.on(ev.TransactionStarted, self._started)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._tick)
        self._clock.start()
        if load:
            self.fetchMore()

    def set_following(self, on: bool) -> None:
        """Follow live events (the view is shown) or not (hidden: events are only noted)."""
        if on == self.following:
            return
        self.following = on
        if on:
            self._clock.start()
            if self._missed:
                self._missed = False
                self.reload()
        else:
            self._clock.stop()

    def follow_while_shown(self, widget) -> None:
        """Follow live events only while `widget` is on screen: a boot storm's Starts cost a hidden
        list nothing, and it re-reads what it missed when shown again."""
        self.set_following(widget.isVisible())
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Show:
            self.set_following(True)
        elif event.type() == QEvent.Type.Hide:
            self.set_following(False)
        return False

    def detach(self) -> None:
        super().detach()
        self._live.stop()
        self._newest.stop()
        self._clock.stop()

    # -- the query -------------------------------------------------------------------------------
    def set_filter(self, flt: SessionFilter, force: bool = False) -> None:
        if force or flt != self.filter:
            self.filter = flt
            self.reload()

    def row_time(self, row: SessionRow):
        """The cursor's first part: the start time, or the value of the sort."""
        return row.started_at if self.filter.sort == "start" else row.sort_value

    async def load_page(self, before, limit):
        page = await self.services.sessions.page(self.operator(), self.filter, cursor=before, limit=limit)
        return page.items

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is the store's: start, energy, duration and cost; other columns keep the order."""
        sort = SORT_OF_COLUMN.get(column)
        if sort is None:
            return
        self.set_filter(replace(self.filter, sort=sort, descending=order == Qt.SortOrder.DescendingOrder))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and section == COL_END and role == Qt.ItemDataRole.DisplayRole:
            return display.time_header("End", self.zone)
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole and \
                section not in SORT_OF_COLUMN and section != COL_END:
            return "Sort by start, energy, duration or cost"
        return super().headerData(section, orientation, role)

    def zone_changed(self) -> None:
        super().zone_changed()
        redraw_columns(self, [COL_END])

    # -- cells -----------------------------------------------------------------------------------
    def display(self, row: SessionRow, column: int):
        if column == COL_START:
            return display.local_time(row.started_at, self.zone)
        if column == COL_END:
            return display.local_time(row.stopped_at, self.zone) if row.stopped_at else self.tr("running")
        if column == COL_STATION:
            return row.station_name or row.station_identity
        if column == COL_CONNECTOR:
            return str(row.connector_id)
        if column == COL_USER:
            return row.user_name or "—"
        if column == COL_TOKEN:
            return row.token_name or row.id_tag or "—"
        if column == COL_USER_GROUP:
            return row.user_group_name
        if column == COL_ENERGY:
            return "–" if row.energy_wh is None else display.decimal(row.energy_wh / 1000, 3)
        if column == COL_DURATION:
            return duration_text(self._duration(row))
        if column == COL_COST:
            return state_label(cost_text(row))
        if column == COL_STATUS:
            return state_label(row.state_label)
        if column == COL_STOP_REASON:
            return row.stop_reason
        if column == COL_FLAGS:
            return flags_text(row.flags)
        return None

    @staticmethod
    def _duration(row: SessionRow) -> int:
        if row.state == "active" and row.stopped_at is None:
            return max(0, int((datetime.now(timezone.utc) - row.started_at).total_seconds()))
        return row.duration_s

    def sort_value(self, row: SessionRow, column: int):
        if column == COL_START:
            return row.started_at.timestamp()
        if column == COL_ENERGY:
            return row.energy_wh if row.energy_wh is not None else -1
        if column == COL_DURATION:
            return self._duration(row)
        if column == COL_COST:
            return float(row.cost_total) if row.cost_total is not None else -1.0
        return self.display(row, column)

    def row_data(self, row: SessionRow, role: int, column: int):
        if role == Roles.Status:
            return row.state
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_STATUS:
                return QColor(STATUS_COLOURS.get(row.state, "#616161"))
            if column == COL_FLAGS and row.flags:
                return QColor("#ef6c00")
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (COL_START, COL_END):
                at = row.started_at if column == COL_START else row.stopped_at
                return f"Local time, {display.zone_name(self.zone, at)}" if at else "Still running"
            if column == COL_STATION:
                return f"{row.station_identity}, connector {row.connector_id}"
            if column == COL_TOKEN:
                return f"Id tag {row.id_tag}"
            if column == COL_COST:
                return f"Tariff: {row.tariff_name or 'none (free charging)'}"
        return None

    # -- live ------------------------------------------------------------------------------------
    def _touched(self, event) -> None:
        if not self.following:
            self._missed = self._missed or event.transaction_id in self._ids
            return
        if event.transaction_id in self._ids:
            self._pending.add(event.transaction_id)
            self._live.poke()

    def _started(self, event: ev.TransactionStarted) -> None:
        flt = self.filter
        if flt.sort == "start" and flt.descending and (flt.station_id is None or flt.station_id == event.station_id):
            if self.following:
                self._newest.poke()
            else:
                self._missed = True

    def flush(self) -> None:
        """Read back what is waiting now (tests)."""
        self._live.flush()
        self._newest.flush()

    def _refresh_pending(self) -> None:
        ids, self._pending = list(self._pending), set()
        if not ids:
            return
        generation = self._generation

        def apply(rows: list[SessionRow]) -> None:
            if generation != self._generation:
                return
            for row in rows:
                self.replace_row(replace(row, sort_value=self._sort_value_kept(row)))

        run_task(self.services.sessions.rows(self.operator(), ids), on_done=apply, owner=self,
                 what="refreshing sessions")

    def _sort_value_kept(self, row: SessionRow):
        """A refreshed row keeps the cursor value it was read with (the next page continues after it)."""
        for old in self._rows:
            if old.id == row.id:
                return old.sort_value
        return row.sort_value

    def _fetch_newest(self) -> None:
        flt, services, ctx, generation = self.filter, self.services, self.operator(), self._generation

        async def newest():
            # TransactionStarted is published after the session's row is committed: it is there to read
            return (await services.sessions.page(ctx, flt, limit=50)).items

        def apply(rows: list[SessionRow]) -> None:
            if generation != self._generation:
                return
            top = (self._rows[0].started_at, self._rows[0].id) if self._rows else None
            self.prepend_live([r for r in rows if top is None or (r.started_at, r.id) > top])

        run_task(newest(), on_done=apply, owner=self, what="reading new sessions")

    def _tick(self) -> None:
        """Running sessions' durations move every second (no read)."""
        for i, row in enumerate(self._rows):
            if row.state == "active":
                index = self.index(i, COL_DURATION)
                self.dataChanged.emit(index, index)
