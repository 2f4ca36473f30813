"""The charging log as CSV: exactly what a `SessionFilter` shows, in its order.

* UTF-8 (no byte-order mark), one header row, comma separated, `\\r\\n` line ends (RFC 4180).
* Times are ISO 8601 with the offset of the site's time zone (`2026-11-22T10:00:00+02:00`):
  exports use the site's zone, as the manuals' exports use the system zone.
* Amounts are decimal text with a point (`12.34`), energy in kWh with 3 decimals.
* Fee columns add up the breakdown's lines: `connection_fee` = connection fee and price per
  session; `energy_fee` = energy (day and night); `time_fee` = time (day and night), power
  levels and the per-minute fee; `parking_fee` = the parking / idle fee. A running
  session's amounts are its price so far.
* `vehicle` is the charging user's vehicle plates (`;` between several): a session records
  no vehicle of its own.
* Streamed: rows are read in chunks of `CHUNK` on the reader connection (keyset pages, so
  other screens' reads go in between) and formatted there; nothing holds the whole export.
  `progress(done, total)` is called after each chunk; `cancelled()` is asked before each
  chunk (and cancelling the task works too). A file export writes a temporary file next to
  the target and renames it when complete: a cancelled export leaves no half file.
"""

from __future__ import annotations

import asyncio
import csv
import io
import os
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path

from evdesk.core.zones import site_zone
from evdesk.core.clock import utcnow
from evdesk.core.permissions import OperatorContext
from evdesk.core.pricing.engine import Breakdown
from evdesk.core.reads.sessions import SessionFilter, SessionReads
from evdesk.store.queries import session_export as qx
from evdesk.store.queries import sessions as q

COLUMNS = (
    "session_id", "transaction_id", "station_identity", "station_name", "group", "connector_id", "evse_type", "id_tag",
    "token_name", "user", "user_group", "vehicle", "started_at", "stopped_at", "duration_s", "energy_kwh",
    "meter_start_wh", "meter_stop_wh", "status", "stop_reason", "tariff", "connection_fee", "energy_fee", "time_fee",
    "parking_fee", "total", "currency", "vat_rate", "vat_amount", "flags",
)
CHUNK = 2000
FEES = {
    "connection_fee": ("connection", "session"),
    "energy_fee": ("energy", "energy_night"),
    "time_fee": ("time", "time_night", "power_level", "minute_fee"),
    "parking_fee": ("idle",),
}


@dataclass(frozen=True)
class ExportResult:
    rows: int
    cancelled: bool = False


def _header() -> str:
    out = io.StringIO()
    csv.writer(out).writerow(COLUMNS)
    return out.getvalue()


class SessionExport:
    def __init__(self, reads: SessionReads, settings, group_tree):
        self.reads = reads
        self.settings = settings
        self.group_tree = group_tree  # group names, from memory

    def group_names(self, group_id) -> str:
        group = self.group_tree.groups.get(group_id)
        return group.name if group is not None else ""

    async def total(self, ctx: OperatorContext, flt: SessionFilter) -> int:
        return await self.reads.count(ctx, flt, cap=10**9)

    async def chunks(self, ctx: OperatorContext, flt: SessionFilter, *,
                     progress: Callable[[int, int], None] | None = None,
                     cancelled: Callable[[], bool] | None = None, chunk_size: int = CHUNK) -> AsyncIterator[str]:
        """The CSV text: the header, then one piece per chunk of rows."""
        async for text, _n in self._pieces(ctx, flt, progress, cancelled, chunk_size):
            yield text

    async def _pieces(self, ctx, flt, progress, cancelled, chunk_size) -> AsyncIterator[tuple[str, int]]:
        ids, values = self.reads.scope(ctx, flt)
        total = await self.total(ctx, flt) if progress is not None else 0
        zone = site_zone(self.settings.site_timezone)
        extras = await self.reads.store.read(qx.extras)  # sockets and vehicle plates, once
        yield _header(), 0
        done, cursor, now = 0, None, utcnow()

        def read(after):
            rows = q.page(ids, values, flt.sort, flt.descending, after, chunk_size, now)
            return self._format(rows, zone, extras, now), rows[-1] if rows else None, len(rows)

        cursor_of = self.reads.cursor_of(flt)
        while True:
            if cancelled is not None and cancelled():
                return
            text, last, n = await self.reads.store.read(read, cursor)
            if n:
                yield text, n
                done += n
                if progress is not None:
                    progress(done, max(total, done))
            if n < chunk_size:
                return
            cursor = cursor_of(self.reads.row_of(last, now))

    def _format(self, rows: list[dict], zone, extras: dict, now) -> str:
        out = io.StringIO()
        writer = csv.writer(out)
        sockets, plates = extras["sockets"], extras["plates"]
        for stored in rows:
            r = self.reads.row_of(stored, now)
            breakdown = None
            if r.state == "active":
                live = self.reads.running.by_ocpp_id.get(r.ocpp_id)
                breakdown = self.reads.price_so_far(live)
            elif stored.get("cost"):
                breakdown = Breakdown.from_dict(stored["cost"])
            fees = {name: (f"{breakdown.amount_of(*codes):.2f}" if breakdown else "") for name, codes in FEES.items()}
            writer.writerow((
                r.id, r.ocpp_id, r.station_identity, r.station_name, self.group_names(r.group_id) if r.group_id else "",
                r.connector_id, sockets.get((r.station_id, r.connector_id), ""), r.id_tag, r.token_name, r.user_name,
                r.user_group_name, ";".join(plates.get(r.user_id, ())) if r.user_id else "",
                r.started_at.astimezone(zone).isoformat(timespec="seconds"),
                r.stopped_at.astimezone(zone).isoformat(timespec="seconds") if r.stopped_at else "",
                r.duration_s, "" if r.energy_wh is None else f"{r.energy_wh / 1000:.3f}", r.meter_start_wh,
                "" if r.meter_stop_wh is None else r.meter_stop_wh, r.state, r.stop_reason, r.tariff_name,
                fees["connection_fee"], fees["energy_fee"], fees["time_fee"], fees["parking_fee"],
                "" if r.cost_total is None else f"{r.cost_total:.2f}", r.currency,
                str(breakdown.vat_rate) if breakdown else "", str(breakdown.vat) if breakdown else "",
                ";".join(r.flags),
            ))
        return out.getvalue()

    async def to_file(self, ctx: OperatorContext, flt: SessionFilter, path, *,
                      progress: Callable[[int, int], None] | None = None,
                      cancelled: Callable[[], bool] | None = None) -> ExportResult:
        """Write the export to `path` (complete, or not at all)."""
        target = Path(path)
        temporary = target.with_name(f".{target.name}.part")
        handle = await asyncio.to_thread(open, temporary, "w", encoding="utf-8", newline="")
        rows = 0
        finished = False
        try:
            async for piece, n in self._pieces(ctx, flt, progress, cancelled, CHUNK):
                await asyncio.to_thread(handle.write, piece)
                rows += n
            finished = not (cancelled is not None and cancelled())
        finally:
            await asyncio.to_thread(handle.close)
            if finished:
                await asyncio.to_thread(os.replace, temporary, target)
            else:
                await asyncio.to_thread(lambda: temporary.unlink(missing_ok=True))
        return ExportResult(rows, cancelled=not finished)
